import {
  CLOSEST_LEAD,
  KnowledgeError,
  createLibrary,
  isPackDir,
  knowledgeDirFromEnv,
  loadArticleFile,
  loadDefaultPack,
  loadLibraryDir
} from "../../chunk-I2VQDV45.js";
import {
  installProcessGuards
} from "../../chunk-GL54W7CU.js";
import {
  createLogger
} from "../../chunk-43HE7FTE.js";

// src/cli/ask.ts
import { createInterface } from "node:readline/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

// src/cli/format.ts
function formatAnswerText(a, metaOf) {
  const lines = [];
  if (a.found && a.answer && a.about) {
    const meta2 = metaOf(a.answer.article);
    return [a.answer.text, "", `Source: the article's details (\u201C${meta2.title}\u201D, ${meta2.publisher})`].join("\n");
  }
  if ((!a.found || !a.answer) && a.closest) {
    const meta2 = metaOf(a.closest.article);
    lines.push(CLOSEST_LEAD, "", passageBlock(a.closest, false), "", `Source: \u201C${meta2.title}\u201D, ${meta2.publisher}, ${a.closest.paragraphLabel}`);
    if (a.suggestions.length) lines.push("", "Did you mean:", ...a.suggestions.map((s) => `  \u2022 ${s}`));
    return lines.join("\n");
  }
  if (!a.found || !a.answer) {
    lines.push(a.reason ?? "The article doesn't say.");
    if (a.suggestions.length) lines.push("", "Did you mean:", ...a.suggestions.map((s) => `  \u2022 ${s}`));
    return lines.join("\n");
  }
  const meta = metaOf(a.answer.article);
  lines.push(passageBlock(a.answer, true, a.band), "", `Source: \u201C${meta.title}\u201D, ${meta.publisher}, ${a.answer.paragraphLabel}`);
  if (a.alternatives.length) {
    lines.push("", "Other matches:");
    for (const p of a.alternatives.slice(0, 3)) lines.push(`  ${p.paragraphLabel} (${percent(p.score)}) ${p.text}`);
  }
  return lines.join("\n");
}
function passageBlock(p, answered, band) {
  const lines = [`\u201C${p.text.replace(/^[“"]|[”"]$/g, "")}\u201D`, `  \u2014 ${p.attribution}`];
  if (answered) lines.push(`  confidence ${band ? `${band}, ` : ""}${percent(p.score)}`);
  return lines.join("\n");
}
var percent = (x) => `${Math.round(x * 100)}%`;

// src/cli/lines.ts
async function* stdinLines(stream = process.stdin) {
  let buffer = "";
  stream.setEncoding("utf8");
  for await (const chunk of stream) {
    buffer += chunk;
    let at;
    while ((at = buffer.indexOf("\n")) >= 0) {
      yield buffer.slice(0, at).replace(/\r$/, "");
      buffer = buffer.slice(at + 1);
    }
  }
  if (buffer.length) yield buffer.replace(/\r$/, "");
}
async function writeLine(line, out = process.stdout) {
  if (!out.write(`${line}
`)) await new Promise((resolve2) => out.once("drain", resolve2));
}

// src/cli/ask.ts
var AskExit = class extends Error {
  constructor(code) {
    super(`exit ${code}`);
    this.code = code;
  }
  code;
};
function parseArgs(io) {
  const { argv } = io;
  const args = { json: false, question: "" };
  const words = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") args.json = true;
    else if (a === "--article") {
      const file = argv[++i];
      if (!file) fail(io, '--article needs a file: npm run ask -- --article path/to/article.txt "question"');
      args.article = file;
    } else if (a === "--help" || a === "-h") {
      io.stdout.write('Usage: npm run ask -- [--json] [--article FILE] ["question"]\n');
      throw new AskExit(0);
    } else words.push(a);
  }
  args.question = words.join(" ");
  return args;
}
function fail(io, message) {
  io.stderr(`${message}
`);
  throw new AskExit(1);
}
function loadKnowledge(io, article) {
  try {
    if (article) return createLibrary([loadArticleFile(article)]);
    const dir = knowledgeDirFromEnv(io.env);
    if (dir && !isPackDir(dir)) {
      const load = loadLibraryDir(dir);
      for (const s of load.skipped) io.stderr(`Skipped a pack: ${s.message}
`);
      return createLibrary(load.packs);
    }
    return createLibrary([loadDefaultPack(io.env)]);
  } catch (err) {
    if (err instanceof KnowledgeError) fail(io, `Cannot load the knowledge:
${err.message}`);
    throw err;
  }
}
function toJson(a) {
  return JSON.stringify({
    question: a.question,
    found: a.found,
    answer: a.answer,
    alternatives: a.alternatives,
    ...a.reason ? { reason: a.reason } : {},
    missing: a.missing,
    suggestions: a.suggestions,
    ...a.band ? { band: a.band } : {},
    ...a.closest ? { closest: a.closest } : {},
    ...a.about ? { about: a.about } : {}
  });
}
async function runAsk(io) {
  try {
    await answerAll(io);
    return 0;
  } catch (err) {
    if (err instanceof AskExit) return err.code;
    throw err;
  }
}
async function answerAll(io) {
  const { stdin, stdout } = io;
  const args = parseArgs(io);
  const library = loadKnowledge(io, args.article);
  const engine = { answer: (q) => library.answer(q) };
  const metaOf = (slug) => library.engine(slug)?.pack.meta ?? library.articles[0];
  if (args.json) {
    if (args.question) return writeLine(toJson(engine.answer(args.question)), stdout);
    for await (const line of stdinLines(stdin)) await writeLine(toJson(engine.answer(line)), stdout);
    return;
  }
  if (args.question) {
    stdout.write(`${formatAnswerText(engine.answer(args.question), metaOf)}
`);
    return;
  }
  if (!stdin.isTTY) {
    for await (const line of stdinLines(stdin)) if (line.trim()) stdout.write(`${formatAnswerText(engine.answer(line), metaOf)}

`);
    return;
  }
  const titles = library.articles.map((a) => `\u201C${a.title}\u201D (${a.publisher})`);
  stdout.write(`Ask about ${titles.length === 1 ? titles[0] : `${titles.length} articles: ${titles.join("; ")}`}. An empty line quits.
`);
  const rl = createInterface({ input: stdin, output: stdout });
  for (; ; ) {
    const q = (await nextQuestion(rl))?.trim();
    if (!q) break;
    stdout.write(`${formatAnswerText(engine.answer(q), metaOf)}

`);
  }
  rl.close();
}
async function nextQuestion(rl) {
  try {
    return await rl.question("> ");
  } catch (err) {
    if (err instanceof Error && err.name === "AbortError") return void 0;
    throw err;
  }
}
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  installProcessGuards(() => createLogger("warn"), { mode: "ask" });
  runAsk({ argv: process.argv.slice(2), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: (text) => process.stderr.write(text) }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`ask failed: ${err instanceof Error ? err.stack : String(err)}
`);
      process.exit(1);
    }
  );
}
export {
  runAsk,
  toJson
};
//# sourceMappingURL=ask.js.map
