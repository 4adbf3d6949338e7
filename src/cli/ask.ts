// npm run ask -- "question"           an answer for a person
// npm run --silent ask -- --json      one JSON answer per stdin line (the scorer's contract)
// npm run ask                         an interactive console (try the bot without Discord)
// Add --article FILE to answer from any plain-text article instead of the knowledge pack.
import { createInterface } from 'node:readline/promises';
import { createEngine } from '../engine/index.ts';
import type { Answer } from '../engine/types.ts';
import { KnowledgeError, loadArticleFile, loadDefaultPack } from '../knowledge/loader.ts';
import type { KnowledgePack } from '../knowledge/schema.ts';
import { formatAnswerText } from './format.ts';
import { stdinLines, writeLine } from './lines.ts';
import { createLogger } from '../log.ts';
import { installProcessGuards } from '../process-guard.ts';

interface Args {
  json: boolean;
  article?: string;
  question: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, question: '' };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--article') {
      const file = argv[++i];
      if (!file) fail('--article needs a file: npm run ask -- --article path/to/article.txt "question"');
      args.article = file;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write('Usage: npm run ask -- [--json] [--article FILE] ["question"]\n');
      process.exit(0);
    } else words.push(a);
  }
  args.question = words.join(' ');
  return args;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function loadKnowledge(article?: string): KnowledgePack {
  try {
    return article ? loadArticleFile(article) : loadDefaultPack();
  } catch (err) {
    if (err instanceof KnowledgeError) fail(`Cannot load the knowledge:\n${err.message}`);
    throw err;
  }
}

/** The JSON contract: the answer's fields plus the passage fields a tool may want. */
export function toJson(a: Answer): string {
  return JSON.stringify({
    question: a.question,
    found: a.found,
    answer: a.answer,
    alternatives: a.alternatives,
    ...(a.reason ? { reason: a.reason } : {}),
    missing: a.missing,
    suggestions: a.suggestions,
  });
}

async function main(): Promise<void> {
  // Logged as JSON on stderr (stdout carries the answers); one stray error does not end a batch.
  installProcessGuards(() => createLogger('warn'), { mode: 'ask' });
  const args = parseArgs(process.argv.slice(2));
  const pack = loadKnowledge(args.article);
  const engine = createEngine(pack);
  if (args.json) {
    if (args.question) return writeLine(toJson(engine.answer(args.question)));
    for await (const line of stdinLines()) await writeLine(toJson(engine.answer(line)));
    return;
  }
  if (args.question) {
    process.stdout.write(`${formatAnswerText(engine.answer(args.question), pack)}\n`);
    return;
  }
  if (!process.stdin.isTTY) {
    for await (const line of stdinLines()) if (line.trim()) process.stdout.write(`${formatAnswerText(engine.answer(line), pack)}\n\n`);
    return;
  }
  process.stdout.write(`Ask about “${pack.meta.title}” (${pack.meta.publisher}). An empty line quits.\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  for (;;) {
    const q = (await rl.question('> ')).trim();
    if (!q) break;
    process.stdout.write(`${formatAnswerText(engine.answer(q), pack)}\n\n`);
  }
  rl.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`ask failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
