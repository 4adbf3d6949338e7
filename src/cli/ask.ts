// npm run ask -- "question"           an answer for a person
// npm run --silent ask -- --json      one JSON answer per stdin line (the scorer's contract)
// npm run ask                         an interactive console (try the bot without Discord)
// Add --article FILE to answer from any plain-text article instead of the knowledge pack.
import { createInterface, type Interface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Answer, createLibrary, type Library } from '../engine/index.ts';
import { isPackDir, loadLibraryDir } from '../runtime/load-library.ts';
import { KnowledgeError, knowledgeDirFromEnv, loadArticleFile, loadDefaultPack } from '../knowledge/loader.ts';
import { formatAnswerText } from './format.ts';
import { stdinLines, writeLine } from './lines.ts';
import { createLogger } from '../log.ts';
import { installProcessGuards } from '../process-guard.ts';

interface Args {
  json: boolean;
  article?: string;
  question: string;
}

/** Where the command reads and writes (the script passes the process's own; tests pass theirs). */
export interface AskIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: (text: string) => unknown;
}

/** Ends the command early with this exit code (its message already written). */
class AskExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function parseArgs(io: AskIo): Args {
  const { argv } = io;
  const args: Args = { json: false, question: '' };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--article') {
      const file = argv[++i];
      if (!file) fail(io, '--article needs a file: npm run ask -- --article path/to/article.txt "question"');
      args.article = file;
    } else if (a === '--help' || a === '-h') {
      io.stdout.write('Usage: npm run ask -- [--json] [--article FILE] ["question"]\n');
      throw new AskExit(0);
    } else words.push(a);
  }
  args.question = words.join(' ');
  return args;
}

function fail(io: AskIo, message: string): never {
  io.stderr(`${message}\n`);
  throw new AskExit(1);
}

/**
 * The seed pack by default (what the scorer expects); a plain-text file with --article; the whole
 * library when KNOWLEDGE_DIR names a folder of packs, as the bot's /ask without an article option.
 */
function loadKnowledge(io: AskIo, article?: string): Library {
  try {
    if (article) return createLibrary([loadArticleFile(article)]);
    const dir = knowledgeDirFromEnv(io.env);
    if (dir && !isPackDir(dir)) {
      const load = loadLibraryDir(dir);
      for (const s of load.skipped) io.stderr(`Skipped a pack: ${s.message}\n`);
      return createLibrary(load.packs);
    }
    return createLibrary([loadDefaultPack(io.env)]);
  } catch (err) {
    if (err instanceof KnowledgeError) fail(io, `Cannot load the knowledge:\n${err.message}`);
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
    ...(a.band ? { band: a.band } : {}),
    ...(a.closest ? { closest: a.closest } : {}),
    ...(a.about ? { about: a.about } : {}),
  });
}

/** The whole command; resolves to the exit code (1 when the knowledge cannot be loaded). */
export async function runAsk(io: AskIo): Promise<number> {
  try {
    await answerAll(io);
    return 0;
  } catch (err) {
    if (err instanceof AskExit) return err.code;
    throw err;
  }
}

async function answerAll(io: AskIo): Promise<void> {
  const { stdin, stdout } = io;
  const args = parseArgs(io);
  const library = loadKnowledge(io, args.article);
  const engine = { answer: (q: string) => library.answer(q) };
  const metaOf = (slug: string) => library.engine(slug)?.pack.meta ?? library.articles[0]!;
  if (args.json) {
    if (args.question) return writeLine(toJson(engine.answer(args.question)), stdout);
    for await (const line of stdinLines(stdin)) await writeLine(toJson(engine.answer(line)), stdout);
    return;
  }
  if (args.question) {
    stdout.write(`${formatAnswerText(engine.answer(args.question), metaOf)}\n`);
    return;
  }
  if (!stdin.isTTY) {
    for await (const line of stdinLines(stdin)) if (line.trim()) stdout.write(`${formatAnswerText(engine.answer(line), metaOf)}\n\n`);
    return;
  }
  const titles = library.articles.map((a) => `“${a.title}” (${a.publisher})`);
  stdout.write(`Ask about ${titles.length === 1 ? titles[0] : `${titles.length} articles: ${titles.join('; ')}`}. An empty line quits.\n`);
  const rl = createInterface({ input: stdin, output: stdout });
  for (;;) {
    const q = (await nextQuestion(rl))?.trim();
    if (!q) break;
    stdout.write(`${formatAnswerText(engine.answer(q), metaOf)}\n\n`);
  }
  rl.close();
}

/** The next line typed, or undefined when Ctrl+C or Ctrl+D closed the console: a quiet end, not an error. */
async function nextQuestion(rl: Interface): Promise<string | undefined> {
  try {
    return await rl.question('> ');
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') return undefined;
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Logged as JSON on stderr (stdout carries the answers); one stray error does not end a batch.
  installProcessGuards(() => createLogger('warn'), { mode: 'ask' });
  runAsk({ argv: process.argv.slice(2), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: (text) => process.stderr.write(text) }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`ask failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
