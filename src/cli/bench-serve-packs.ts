// Serve readiness with many packs (issue 14): how long `npm run serve` (the built dist/, 1 worker)
// takes from spawn to the first 200 from /healthz, and its resident memory then, with a library of
// the seed alone, of the seed plus the 16 SQuAD v1.1 dev articles as packs of their text alone (17 packs), and
// of 50 packs (the SQuAD articles repeated under distinct slugs, as in the library bench). Runs are
// interleaved (one of each, then again) and medians reported; every ratio is against the seed alone,
// measured in the same run. The SQuAD files are in ../shared: without them this is skipped, with why.
//
//   npx tsx src/cli/bench-serve-packs.ts [--runs 3]     (npm run bench runs it too)
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPassages } from '../engine/index.ts';
import { DEFAULT_LIBRARY_DIR, loadLibraryDir } from '../runtime/load-library.ts';
import { DEFAULT_SQUAD_FILES } from './bench-library.ts';
import { RUN_BUILT } from './bench-common.ts';
import { serveReady } from './bench-startup.ts';

/** Issue 14's targets: ready within 1.3× the seed alone and ≤ 6 MB RSS per 1,000 sentences (17 packs); ≤ 200 MB RSS (50 packs). */
export const SERVE_TARGETS = { readyVsSeed: 1.3, rssMbPer1kSentences: 6, rssMb50: 200 } as const;

export interface ServePacksRow {
  library: string;
  /** cold: an empty DATA_DIR, every pack built; warm: the DATA_DIR a cold start just filled (its index cache). */
  start: 'cold' | 'warm';
  packs: number;
  sentences: number;
  runs: number;
  readyMs: number;
  rssMb: number;
  /** readyMs ÷ the seed alone's (same start: cold or warm), same run. */
  readyVsSeed: number;
  /** (rssMb − the seed's) per 1,000 sentences more than the seed has; NaN for the seed row. */
  rssMbPer1k: number;
  /**
   * Spawn → every pack in the index cache (what a start left to its worker is built), and the RSS then,
   * with its per-1,000-sentences figure against the seed's: a start serves before that, so its RSS at
   * ready alone would not show what the built packs cost. For a warm start, right after ready.
   */
  builtMs: number;
  builtRssMb: number;
  builtRssMbPer1k: number;
}

export type ServePacksReport =
  | { skipped: string }
  | { rows: ServePacksRow[]; checks: Array<{ pass: boolean; text: string }>; node: string; cpu: string; load: number };

interface SquadArticle {
  title: string;
  paragraphs: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** A library folder: the repository's packs, then SQuAD articles as text-only packs (article.txt, meta.json, empty lists) until `total`. */
function writeLibrary(dir: string, articles: SquadArticle[], total: number): void {
  mkdirSync(dir, { recursive: true });
  const seeds = readdirSync(DEFAULT_LIBRARY_DIR).filter((n) => !n.startsWith('.'));
  for (const name of seeds) cpSync(join(DEFAULT_LIBRARY_DIR, name), join(dir, name), { recursive: true });
  let n = seeds.length;
  for (let copy = 1; n < total && articles.length > 0; copy++) {
    for (const a of articles) {
      if (n >= total) break;
      const slug = `squad-${a.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`.slice(0, 50) + (copy > 1 ? `-copy-${copy}` : '');
      mkdirSync(join(dir, slug));
      writeFileSync(join(dir, slug, 'article.txt'), `${a.paragraphs.map((p) => p.trim()).filter(Boolean).join('\n\n')}\n`);
      writeFileSync(join(dir, slug, 'meta.json'), JSON.stringify({ title: a.title.replace(/_/g, ' '), publisher: 'Wikipedia (SQuAD v1.1 dev)' }));
      // A pack folder needs all four; empty, the pack is its text alone (no facts, quotes, entities or dates).
      for (const file of ['facts', 'quotes', 'entities', 'timeline']) writeFileSync(join(dir, slug, `${file}.json`), '[]\n');
      n++;
    }
  }
}

export async function runServePacksBench(options: { runs?: number; sizes?: number[]; squadFiles?: string[]; log?: (line: string) => void } = {}): Promise<ServePacksReport> {
  const log = options.log ?? (() => {});
  const files = options.squadFiles ?? DEFAULT_SQUAD_FILES;
  const absent = files.filter((f) => !existsSync(f));
  if (absent.length) return { skipped: `${absent.join(', ')} not found (the SQuAD packs come from ../shared)` };
  const articles = files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as SquadArticle),
  );
  const runs = Math.max(1, options.runs ?? 3);
  const root = mkdtempSync(join(tmpdir(), 'bench-serve-packs-'));
  try {
    const sizes = options.sizes ?? [1, 1 + articles.length, 50];
    const libraries = sizes.map((total) => {
      const dir = join(root, `library-${total}`);
      writeLibrary(dir, articles, total);
      const load = loadLibraryDir(dir);
      if (load.skipped.length) throw new Error(`serve-packs bench: ${load.skipped.length} packs did not load: ${load.skipped[0]!.message}`);
      const times = () => ({ cold: [] as number[], warm: [] as number[] });
      return { dir, packs: load.packs.length, sentences: load.packs.reduce((n, pack) => n + buildPassages(pack).length, 0), ready: times(), rss: times(), built: times(), builtRss: times() };
    });
    for (let i = 0; i < runs; i++) {
      log(`serve with many packs: round ${i + 1} of ${runs}`);
      for (const lib of libraries) {
        // A fresh DATA_DIR each round (cold: nothing cached), then a restart on what that start left (warm).
        const data = mkdtempSync(join(root, 'data-'));
        for (const start of ['cold', 'warm'] as const) {
          // A start runs on until the packs its cache lacked are built (its worker ended), so the warm start finds them all.
          const cached = () => (existsSync(join(data, 'index-cache')) ? readdirSync(join(data, 'index-cache')).filter((n) => n.endsWith('.parts')).length : 0);
          // A start with one pack or none to build builds it itself (the pack it warms up on) and starts no worker.
          const before = cached();
          const settled = (out: string) => cached() >= lib.packs && (lib.packs - before <= 1 || /built in the background/.test(out));
          const r = await serveReady([RUN_BUILT, 'src/discord/http/main.ts'], { KNOWLEDGE_DIR: lib.dir, DATA_DIR: data }, { until: settled });
          lib.ready[start].push(r.ms);
          lib.rss[start].push(r.rssMb);
          lib.built[start].push(r.settled!.ms);
          lib.builtRss[start].push(r.settled!.rssMb);
        }
      }
    }
    const base = libraries[0]!;
    const rows: ServePacksRow[] = (['cold', 'warm'] as const).flatMap((start) =>
      libraries.map((lib, k) => ({
        library: k === 0 ? `${lib.packs} pack (seed)` : `${lib.packs} packs`,
        start,
        packs: lib.packs,
        sentences: lib.sentences,
        runs,
        readyMs: median(lib.ready[start]),
        rssMb: median(lib.rss[start]),
        readyVsSeed: median(lib.ready[start]) / median(base.ready[start]),
        rssMbPer1k: k === 0 ? NaN : (median(lib.rss[start]) - median(base.rss[start])) / ((lib.sentences - base.sentences) / 1000),
        builtMs: median(lib.built[start]),
        builtRssMb: median(lib.builtRss[start]),
        builtRssMbPer1k: k === 0 ? NaN : (median(lib.builtRss[start]) - median(base.builtRss[start])) / ((lib.sentences - base.sentences) / 1000),
      })),
    );
    const checks: Array<{ pass: boolean; text: string }> = [];
    for (const r of rows) {
      const what = `${r.library}, ${r.start} start`;
      if (r.packs === 1 + articles.length) {
        checks.push({ pass: r.readyVsSeed <= SERVE_TARGETS.readyVsSeed, text: `${what}: serve ready ${r.readyVsSeed.toFixed(2)}× the seed alone's (target ≤ ${SERVE_TARGETS.readyVsSeed}×)` });
        checks.push({ pass: r.rssMbPer1k <= SERVE_TARGETS.rssMbPer1kSentences, text: `${what}: ${r.rssMbPer1k.toFixed(1)} MB of RSS per 1,000 sentences more than the seed (target ≤ ${SERVE_TARGETS.rssMbPer1kSentences} MB)` });
        checks.push({ pass: r.builtRssMbPer1k <= SERVE_TARGETS.rssMbPer1kSentences, text: `${what}: ${r.builtRssMbPer1k.toFixed(1)} MB of RSS per 1,000 sentences more than the seed once every pack is built (target ≤ ${SERVE_TARGETS.rssMbPer1kSentences} MB)` });
      }
      if (r.packs === 50) {
        checks.push({ pass: r.rssMb <= SERVE_TARGETS.rssMb50, text: `${what}: RSS ${r.rssMb.toFixed(0)} MB when ready (target ≤ ${SERVE_TARGETS.rssMb50} MB)` });
        checks.push({ pass: r.builtRssMb <= SERVE_TARGETS.rssMb50, text: `${what}: RSS ${r.builtRssMb.toFixed(0)} MB once every pack is built (target ≤ ${SERVE_TARGETS.rssMb50} MB)` });
      }
    }
    return { rows, checks, node: process.version, cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`, load: loadavg()[0] ?? NaN };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export const SERVE_PACKS_COLUMNS = ['library', 'start', 'packs', 'sentences', 'runs', 'ready ms', 'ready vs seed', 'RSS MB', 'RSS MB per 1k sentences', 'all built ms', 'RSS MB all built', 'per 1k all built'] as const;

export function formatServePacksTable(report: ServePacksReport): string {
  if ('skipped' in report) return `Serve with many packs (issue 14): skipped, ${report.skipped}`;
  const per1k = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(1));
  const cells = report.rows.map((r) => [r.library, r.start, String(r.packs), String(r.sentences), String(r.runs), r.readyMs.toFixed(0), `${r.readyVsSeed.toFixed(2)}×`, r.rssMb.toFixed(0), per1k(r.rssMbPer1k), r.builtMs.toFixed(0), r.builtRssMb.toFixed(0), per1k(r.builtRssMbPer1k)]);
  const header = [...SERVE_PACKS_COLUMNS];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const text = (i: number) => i < 2;
  const line = (c: string[]) => `| ${c.map((x, i) => (text(i) ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join(' | ')} |`;
  return [
    `Serve with many packs (issue 14): npm run serve (dist/, 1 worker) from spawn to the first 200 from /healthz, and its RSS then; medians, interleaved (${report.node}, ${report.cpu}, load average ${report.load.toFixed(2)})`,
    'Packs beyond the seed are the SQuAD v1.1 dev articles as packs of their text alone (empty facts, quotes, entities, timeline), repeated under distinct slugs past 17. "cold" = an empty DATA_DIR; "warm" = a restart on the DATA_DIR (index cache) the cold start left. "vs seed" and "per 1k sentences" are against the seed alone with the same start, same run. A start serves before the packs its index cache lacks are built (a worker builds them): "all built" is spawn → every pack in the cache, and the RSS then (a warm start: right after ready).',
    line(header),
    `|${widths.map((w, i) => (text(i) ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...cells.map(line),
    '',
    ...report.checks.map((c) => `${c.pass ? 'PASS' : 'MISS'}  ${c.text}`),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--runs');
  const report = await runServePacksBench({ runs: i > 0 ? Number(process.argv[i + 1]) : 3, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`${process.argv.includes('--json') ? JSON.stringify(report, null, 2) : formatServePacksTable(report)}\n`);
}
