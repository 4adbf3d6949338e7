// npm run eval [-- --only dev,news,squad,fixtures] [--shared DIR]
// One table of every quality figure: the dev sets (and their odd/even halves), the seed with no
// curation, the news stories (plain and ingested), SQuAD dev and test, and the engine's own fixtures.
// The hit rules are score.mjs's (src/cli/eval/score.ts); data absent beside the checkout is skipped.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, SET_GROUPS, type Row, type SetGroup } from './eval/sets.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const pct = (x: number) => (Number.isNaN(x) ? '–' : (100 * x).toFixed(1));

/** A Markdown table (it goes into the README as printed), skipped sets listed after it. */
export function formatTable(rows: readonly Row[]): string {
  const lines = ['| set | n | top1 | top3 | reject | attribution | falseReject | High precision (n High) |', '|---|---|---|---|---|---|---|---|'];
  const skipped: string[] = [];
  for (const r of rows) {
    if ('skipped' in r) {
      skipped.push(`- skipped ${r.set}: ${r.skipped}`);
      continue;
    }
    const f = r.figures;
    lines.push(`| ${r.set} | ${f.questions} | ${pct(f.top1)} | ${pct(f.top3)} | ${pct(f.reject)} | ${pct(f.attribution)} | ${pct(f.falseReject)} | ${pct(f.highPrecision)} (${f.high}) |`);
  }
  return [...lines, ...(skipped.length ? ['', ...skipped] : [])].join('\n');
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

export function runEval(argv: string[]): { code: number; text: string } {
  const only = option(argv, '--only')?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = (only ?? []).filter((g) => !(g in SET_GROUPS));
  if (unknown.length) return { code: 1, text: `Unknown set group ${unknown.join(', ')}; known: ${Object.keys(SET_GROUPS).join(', ')}` };
  const shared = resolve(option(argv, '--shared') ?? resolve(ROOT, '..', 'shared'));
  const rows = evaluate({ root: ROOT, shared }, only as SetGroup[] | undefined);
  return { code: 0, text: formatTable(rows) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { code, text } = runEval(process.argv.slice(2));
  (code ? process.stderr : process.stdout).write(`${text}\n`);
  process.exitCode = code;
}
