// Search speed of the answer engine against plain Fuse.js over the same sentence passages, in one run
// (issue 2): index build time and per-question latency (p50, p99, mean) on the seed article and on a
// library of SQuAD articles in one pack. The machine is shared and noisy, so the figure to read is the
// speed-up ratio, measured in the same process a moment apart. The load benchmarks of issue 4 run
// after it and print one table: the HTTP endpoint (src/cli/bench-http.ts) against a bare node:http
// baseline, and a burst of 1,000 interactions through the gateway bot (src/cli/bench-gateway.ts)
// against the same burst of /help. Between them, issue 6's library case (src/cli/bench-library.ts): a
// library of 50 knowledge packs through createLibrary, against a library of the seed alone.
//
// Then issue 14's start-up (src/cli/bench-startup.ts): ask and serve ready, built and under tsx, against node -e 0;
// serve ready and RSS with 17 and 50 packs against the seed alone (src/cli/bench-serve-packs.ts);
// and issue 11's store rows (src/cli/bench-store.ts): /ask with no database, SQLite and PostgreSQL.
// Last, issue 12's reload row (src/cli/bench-reload.ts): the worst wait of other interactions during a
// /kb reload of a 750 KB library, on the worker thread and on the main thread as before.
//
//   npm run bench [-- --quick] [--library FILE.jsonl] [--json] [--no-http] [--no-gateway] [--burst N] [--no-packs] [--packs N] [--no-startup] [--no-serve-packs] [--no-store]
//
// runBench() measures and formatBenchTable() prints; both are pure enough to test on a tiny corpus.
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { buildPassages, createEngine, indexParts } from '../engine/index.ts';
import { LIBRARY_FULL, LIBRARY_QUICK, formatLibraryTable, runLibraryBench } from './bench-library.ts';
import { DEFAULT_DEV_QUESTIONS, DEFAULT_EXTRA_QUESTIONS, TARGETS, percentile, readQuestionFile, sampleEvery, spread } from './bench-common.ts';
import { formatStartupTable, runStartupBench } from './bench-startup.ts';
import { packFromText } from '../knowledge/from-text.ts';
import { loadDefaultPack } from '../knowledge/loader.ts';
import type { KnowledgePack } from '../knowledge/schema.ts';

export { DEFAULT_DEV_QUESTIONS, DEFAULT_EXTRA_QUESTIONS, TARGETS, percentile, readQuestionFile, sampleEvery, spread };
export const DEFAULT_LIBRARY = fileURLToPath(new URL('../../../shared/datasets/squad-v1.1-dev/dev.jsonl', import.meta.url));

/** What the bench needs of a searcher: answer a question, and list its passages by id. `Engine` fits. */
export interface Searchable {
  answer(question: string): unknown;
  passage(id: number): { text: string } | undefined;
}

export interface BenchCorpus {
  name: string;
  /** Builds the searcher from scratch, pack to engine; this is what "build ms" times (the whole pack build). */
  build: () => Searchable;
  /**
   * Prepares the passages once (split, attributed, tokenised), then returns what builds only the index
   * over them: what "index ms" times. Without it, a row's index time is its whole build.
   */
  indexOnly?: () => () => unknown;
  /** Question texts, asked as they are. */
  questions: string[];
  /** p99 target for the engine, when there is one. */
  targetP99Ms?: number;
}

export interface BenchSettings {
  /**
   * Builds timed per searcher after the warm-up, taken in turn (engine, MiniSearch, index proper,
   * Fuse.js, then again) so the shared machine's drift falls on all alike; the median is reported.
   */
  builds: number;
  /**
   * Unmeasured builds per searcher, each until this long (ms) is spent, before the timed ones: the same
   * for every searcher, so the ratio compares builds with settled JIT on both sides. The first build of
   * each (cold JIT for this corpus) is reported apart. 0: the first build only.
   */
  buildWarmupMs?: number;
  /** At most this many of a corpus's questions (a spread-out subset when it has more). */
  maxQuestions: number;
  /** Unmeasured questions first, for this long (ms), so the JIT has settled. */
  warmupMs: number;
  /** Engine: measured samples wanted (whole question set repeated), at least one full pass... */
  engineSamples: number;
  /** ...and no more passes once this much time (ms) has gone, the first pass always completes. */
  engineBudgetMs: number;
  /** Plain Fuse.js is far slower, so it gets an evenly spread subset of at most this many questions. */
  baselineQuestions: number;
  baselineSamples: number;
  baselineBudgetMs: number;
  /** Builds held alive at once for one heap sample (one build's delta alone was 6 to 12.6 MB/1k apart). */
  heapBuilds?: number;
  /** Heap samples per searcher; the median is reported. */
  heapSamples?: number;
}

export const FULL: BenchSettings = {
  builds: 5,
  buildWarmupMs: 1500,
  maxQuestions: Infinity,
  warmupMs: 1000,
  engineSamples: 5000,
  engineBudgetMs: 8000,
  baselineQuestions: 40,
  baselineSamples: 200,
  baselineBudgetMs: 7000,
  heapBuilds: 5,
  heapSamples: 3,
};

export const QUICK: BenchSettings = {
  builds: 1,
  buildWarmupMs: 300,
  maxQuestions: 100,
  warmupMs: 200,
  engineSamples: 500,
  engineBudgetMs: 1500,
  baselineQuestions: 10,
  baselineSamples: 20,
  baselineBudgetMs: 1500,
  heapBuilds: 3,
  heapSamples: 1,
};

export type EngineName = 'engine' | 'minisearch' | 'fuse';

export interface BenchRow {
  corpus: string;
  engine: EngineName;
  passages: number;
  /** Distinct questions measured. */
  questions: number;
  /** Timed answers (questions × passes). */
  samples: number;
  /** Median build time after the warm-up (ms), and the first build's (cold JIT for this corpus, before any warm-up). */
  buildMs: number;
  firstBuildMs: number;
  /** This row's median build time ÷ MiniSearch's over the same passages, same run (issue 14's baseline). */
  buildVsMiniSearch: number;
  /** This row's first build ÷ MiniSearch's first build, same run: what a fresh process or worker pays. */
  firstVsMiniSearch: number;
  /** Median time to build the index proper from prepared passages (ms); a baseline's is its whole build. */
  indexMs: number;
  /** indexMs ÷ MiniSearch's build, same run. */
  indexVsMiniSearch: number;
  /** Heap and array buffers a build holds after a full GC, MB per 1,000 passages (median per-build share of several held at once). */
  heapMbPer1k: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /**
   * Plain Fuse.js mean ÷ this row's mean, over the questions both were measured on (the Fuse subset),
   * each question weighted once. 1 for the Fuse row.
   */
  speedup: number;
}

export interface TargetCheck {
  pass: boolean;
  text: string;
}

export interface BenchReport {
  rows: BenchRow[];
  checks: TargetCheck[];
  settings: BenchSettings;
  node: string;
  cpu: string;
  seconds: number;
}

// ---------------------------------------------------------------- corpora


export function corpusFromPack(name: string, pack: KnowledgePack, questions: string[], targetP99Ms?: number): BenchCorpus {
  const indexOnly = () => {
    const records = buildPassages(pack);
    return () => indexParts(records);
  };
  return { name, build: () => createEngine(pack), indexOnly, questions, ...(targetP99Ms !== undefined ? { targetP99Ms } : {}) };
}

/** The seed article's knowledge pack, asked the dev questions and the extra fixture questions. */
export function articleCorpus(files: string[] = [DEFAULT_DEV_QUESTIONS, DEFAULT_EXTRA_QUESTIONS], log: (line: string) => void = () => {}): BenchCorpus {
  const questions: string[] = [];
  for (const file of files) {
    if (existsSync(file)) questions.push(...readQuestionFile(file));
    else log(`${file} not found; the article is asked the other question files only`);
  }
  if (questions.length === 0) throw new Error(`no questions for the article: none of ${files.join(', ')} exists`);
  return corpusFromPack('article', loadDefaultPack(), questions, TARGETS.articleP99Ms);
}

interface SquadArticle {
  title: string;
  paragraphs: string[];
  questions: Array<{ question: string }>;
}

/**
 * Every paragraph of every article in a SQuAD JSON-lines file (`{title, paragraphs, questions}` per
 * line) as ONE pack, and every `every`-th of all its questions, at most `cap`.
 */
export function libraryCorpus(file: string, opts: { every?: number; cap?: number; name?: string } = {}): BenchCorpus {
  const articles = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SquadArticle);
  const paragraphs = articles.flatMap((a) => a.paragraphs.map((p) => p.trim()).filter(Boolean));
  if (paragraphs.length === 0) throw new Error(`${file}: no paragraphs`);
  const pack = packFromText(`${paragraphs.join('\n\n')}\n`, 'library');
  const questions = sampleEvery(
    articles.flatMap((a) => a.questions.map((q) => q.question)),
    opts.every ?? 5,
    opts.cap ?? 500,
  );
  return corpusFromPack(opts.name ?? `library (${articles.length} articles)`, pack, questions, TARGETS.libraryP99Ms);
}

// ---------------------------------------------------------------- measuring

const nowNs = () => process.hrtime.bigint();
const msSince = (start: bigint) => Number(nowNs() - start) / 1e6;

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** All passage texts of a searcher, by id from 0 until the first missing one. */
export function passageTexts(searcher: Searchable): string[] {
  const texts: string[] = [];
  for (let id = 0; ; id++) {
    const p = searcher.passage(id);
    if (!p) return texts;
    texts.push(p.text);
  }
}

interface Timed<T> {
  value: T;
  /** The first build (cold JIT for this corpus), ms. */
  first: number;
  /** The median of the timed builds after the warm-up, ms. */
  median: number;
}

/**
 * Times several searchers' builds alike: the first build of each (in the order given), then unmeasured
 * builds of each in turn until each has spent `warmupMs`, then `n` timed builds of each in turn. Taking
 * them in turn, not one searcher's all at once, spreads the shared machine's drift over all of them.
 */
function timeBuildsAlike<K extends string>(builds: Record<K, () => unknown>, n: number, warmupMs: number, afterFirst?: (name: K, value: unknown) => void): Record<K, Timed<unknown>> {
  const names = Object.keys(builds) as K[];
  const out = {} as Record<K, Timed<unknown>>;
  const timeOne = (name: K) => {
    const start = nowNs();
    const value = builds[name]();
    return { value, ms: msSince(start) };
  };
  const spent = {} as Record<K, number>;
  for (const name of names) {
    const { value, ms } = timeOne(name);
    out[name] = { value, first: ms, median: ms };
    spent[name] = ms;
    afterFirst?.(name, value);
  }
  for (let more = warmupMs > 0; more; ) {
    more = false;
    for (const name of names) {
      if (spent[name] >= warmupMs) continue;
      spent[name] += timeOne(name).ms;
      more = true;
    }
  }
  if (warmupMs <= 0 && n <= 1) return out; // the first build is the only one
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < Math.max(1, n); i++) {
    for (const name of names) {
      const { value, ms } = timeOne(name);
      out[name].value = value;
      times[name].push(ms);
    }
  }
  for (const name of names) out[name].median = median(times[name]);
  return out;
}

interface Latencies {
  /** Every sample, ms. */
  all: number[];
  /** Samples per question index. */
  perQuestion: number[][];
}

/**
 * Warms up, then asks the questions in order, pass after pass, until `samples` are taken or the budget
 * is spent. With `fullPass` the first pass always completes, so every question has a sample; without,
 * at least `MIN_SAMPLES` are taken.
 */
function measure(
  ask: (q: string) => unknown,
  questions: string[],
  samples: number,
  budgetMs: number,
  warmupMs: number,
  fullPass: boolean,
): Latencies {
  const warmStart = nowNs();
  // A full pass for the engine: a question's first run compiles its code path (a refusal, a typo
  // repair), and 72 first runs among 5,000 samples would be the p99 by themselves. Then round and
  // round the questions until the warm-up time is spent, so the JIT has settled (issue 14: one pass
  // alone left the seed article's p99 at 4 ms of compilation).
  const warmCount = fullPass ? questions.length : Math.min(3, questions.length);
  for (let i = 0; i < warmCount || msSince(warmStart) < warmupMs; i++) ask(questions[i % questions.length]!);
  const perQuestion = questions.map((): number[] => []);
  const all: number[] = [];
  const start = nowNs();
  const floor = fullPass ? questions.length : Math.min(MIN_SAMPLES, questions.length);
  let sink = 0;
  for (let i = 0; ; i++) {
    const k = i % questions.length;
    if (i >= floor && (all.length >= samples || msSince(start) >= budgetMs)) break;
    const t = nowNs();
    const result = ask(questions[k]!);
    const ms = Number(nowNs() - t) / 1e6;
    if (result) sink++;
    all.push(ms);
    perQuestion[k]!.push(ms);
  }
  if (sink < 0) throw new Error('unreachable'); // keeps the answers observable
  return { all, perQuestion };
}

const MIN_SAMPLES = 5;

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

function summarise(l: Latencies) {
  const sorted = [...l.all].sort((a, b) => a - b);
  return { samples: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), meanMs: mean(sorted), maxMs: sorted[sorted.length - 1] ?? NaN };
}

/** The plain Fuse.js a new user would write: default options, the raw question. */
export function plainFuse(texts: string[]): Searchable {
  const fuse = new Fuse(
    texts.map((text) => ({ text })),
    { keys: ['text'], includeScore: true },
  );
  return { answer: (q) => fuse.search(q), passage: (id) => (id < texts.length ? { text: texts[id]! } : undefined) };
}

/** MiniSearch with default options over the same passages: issue 14's baseline for build time and memory. */
export function plainMiniSearch(texts: string[]): Searchable {
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(texts.map((text, id) => ({ id, text })));
  return { answer: (q) => index.search(q), passage: (id) => (id < texts.length ? { text: texts[id]! } : undefined) };
}

const heapShape = (s: BenchSettings) => ({ held: s.heapBuilds ?? 5, samples: s.heapSamples ?? 3 });

let collect: (() => void) | undefined;
/** A full garbage collection, without needing node --expose-gc on the command line. */
function fullGc(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/** Memory a build holds: the V8 heap, and the typed arrays' buffers, which live outside it. */
function heldBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Memory (MB) a build holds after a full GC, heap and array buffers, per 1,000 passages: `held` builds
 * kept alive at once, their bytes shared out, the median of `samples` such measures. One build's delta
 * alone moved with whatever else the heap held at the time (6 to 12.6 MB/1k between runs, issue 14).
 */
function heapPer1k(build: () => unknown, passages: number, held: number, samples: number): number {
  const perBuild: number[] = [];
  const kept: unknown[] = [];
  for (let s = 0; s < Math.max(1, samples); s++) {
    // Emptied before each sample's first GC: a sample's builds left in a variable still held by the
    // frame were counted in the next sample's "before", which then read close to 0.
    kept.length = 0;
    fullGc();
    const before = heldBytes();
    for (let i = 0; i < Math.max(1, held); i++) kept.push(build());
    fullGc();
    const after = heldBytes();
    if (kept.some((k) => !k)) throw new Error('unreachable'); // holds the builds until after the second GC
    perBuild.push((after - before) / kept.length);
  }
  kept.length = 0;
  return (median(perBuild) / 1e6 / Math.max(1, passages)) * 1000;
}

export function measureCorpus(corpus: BenchCorpus, settings: BenchSettings, log: (line: string) => void = () => {}): BenchRow[] {
  if (corpus.questions.length === 0) throw new Error(`${corpus.name}: no questions`);
  const questions = corpus.questions.length > settings.maxQuestions ? spread(corpus.questions, settings.maxQuestions) : corpus.questions;
  // The passages' texts, read (untimed) from the engine's first build, for the baselines to index.
  let texts: string[] = [];
  const warmupMs = settings.buildWarmupMs ?? 0;
  log(`${corpus.name}: building the engine, MiniSearch (default options), the engine's index proper and plain Fuse.js in turn (first build, ${warmupMs} ms of warm-up each, then ${settings.builds}× each)`);
  // The index proper, from passages prepared once; a baseline's index is its whole build.
  const indexOnly = corpus.indexOnly?.();
  const timed = timeBuildsAlike(
    {
      engine: corpus.build,
      minisearch: () => plainMiniSearch(texts),
      ...(indexOnly ? { index: indexOnly } : {}),
      fuse: () => plainFuse(texts),
    } as Record<'engine' | 'minisearch' | 'index' | 'fuse', () => unknown>,
    settings.builds,
    warmupMs,
    (name, value) => {
      if (name === 'engine') texts = passageTexts(value as Searchable);
    },
  );
  const engineBuild = timed.engine as Timed<Searchable>;
  const miniBuild = timed.minisearch as Timed<Searchable>;
  const fuseBuild = timed.fuse as Timed<Searchable>;
  const indexBuild = indexOnly ? timed.index : engineBuild;
  const { held, samples } = heapShape(settings);
  log(`${corpus.name}: heap of ${held} builds held at once (${samples}× each)`);
  const heap = {
    engine: heapPer1k(corpus.build, texts.length, held, samples),
    minisearch: heapPer1k(() => plainMiniSearch(texts), texts.length, held, samples),
    fuse: heapPer1k(() => plainFuse(texts), texts.length, held, samples),
  };

  const subset = spread(
    questions.map((_, i) => i),
    settings.baselineQuestions,
  );
  log(`${corpus.name}: engine × ${questions.length} questions`);
  const engine = measure((q) => engineBuild.value.answer(q), questions, settings.engineSamples, settings.engineBudgetMs, settings.warmupMs, true);
  log(`${corpus.name}: MiniSearch × ${questions.length} questions`);
  const mini = measure((q) => miniBuild.value.answer(q), questions, settings.engineSamples, settings.engineBudgetMs, settings.warmupMs, true);
  log(`${corpus.name}: plain Fuse.js × up to ${subset.length} questions`);
  const fuse = measure(
    (q) => fuseBuild.value.answer(q),
    subset.map((i) => questions[i]!),
    settings.baselineSamples,
    settings.baselineBudgetMs,
    Math.min(settings.warmupMs, 300),
    false,
  );

  // Same questions, each weighted once: per-question means over the questions Fuse was asked.
  const asked = subset.map((q, k) => ({ q, k })).filter(({ k }) => fuse.perQuestion[k]!.length > 0);
  const onSubset = (l: Latencies) => mean(asked.map(({ q }) => mean(l.perQuestion[q]!)));
  const fuseOnSubset = mean(asked.map(({ k }) => mean(fuse.perQuestion[k]!)));
  const row = (name: EngineName, build: { median: number; first: number }, l: Latencies, questions: number, speedup: number, index = build.median): BenchRow => ({
    corpus: corpus.name,
    engine: name,
    passages: texts.length,
    questions,
    ...summarise(l),
    buildMs: build.median,
    firstBuildMs: build.first,
    buildVsMiniSearch: build.median / miniBuild.median,
    firstVsMiniSearch: build.first / miniBuild.first,
    indexMs: index,
    indexVsMiniSearch: index / miniBuild.median,
    heapMbPer1k: heap[name],
    speedup,
  });
  return [
    row('engine', engineBuild, engine, questions.length, fuseOnSubset / onSubset(engine), indexBuild.median),
    row('minisearch', miniBuild, mini, questions.length, fuseOnSubset / onSubset(mini)),
    row('fuse', fuseBuild, fuse, asked.length, 1),
  ];
}

export function checkTargets(corpora: BenchCorpus[], rows: BenchRow[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const corpus of corpora) {
    const r = rows.find((x) => x.corpus === corpus.name && x.engine === 'engine');
    if (!r) continue;
    if (corpus.targetP99Ms !== undefined) {
      const pass = r.p99Ms <= corpus.targetP99Ms;
      checks.push({ pass, text: `${corpus.name}: engine p99 ${fmtMs(r.p99Ms)} ms ${pass ? '≤' : '>'} ${corpus.targetP99Ms} ms` });
    }
    const pass = r.speedup >= TARGETS.speedup;
    checks.push({ pass, text: `${corpus.name}: engine ${fmtRatio(r.speedup)} faster than plain Fuse.js (target ≥ ${TARGETS.speedup}×)` });
    // Both, since "index build" reads either way: the index from prepared passages, and the whole pack build.
    const index = r.indexVsMiniSearch <= TARGETS.buildVsMiniSearch;
    checks.push({ pass: index, text: `${corpus.name}: engine index proper ${fmtRatio(r.indexVsMiniSearch)} MiniSearch's build over the same passages (target ≤ ${TARGETS.buildVsMiniSearch}×)` });
    const build = r.buildVsMiniSearch <= TARGETS.buildVsMiniSearch;
    checks.push({ pass: build, text: `${corpus.name}: engine whole pack build ${fmtRatio(r.buildVsMiniSearch)} MiniSearch's build over the same passages, both after the same warm-up (target ≤ ${TARGETS.buildVsMiniSearch}×)` });
    const first = r.firstVsMiniSearch <= TARGETS.buildVsMiniSearch;
    checks.push({ pass: first, text: `${corpus.name}: engine whole pack build, first build of each (cold JIT), ${fmtRatio(r.firstVsMiniSearch)} MiniSearch's first (target ≤ ${TARGETS.buildVsMiniSearch}×)` });
    const heap = r.heapMbPer1k <= TARGETS.heapMbPer1k;
    checks.push({ pass: heap, text: `${corpus.name}: engine heap ${r.heapMbPer1k.toFixed(1)} MB per 1,000 passages (target ≤ ${TARGETS.heapMbPer1k} MB)` });
  }
  return checks;
}

export function runBench(corpora: BenchCorpus[], settings: BenchSettings = FULL, log: (line: string) => void = () => {}): BenchReport {
  const start = nowNs();
  const rows = corpora.flatMap((c) => measureCorpus(c, settings, log));
  return {
    rows,
    checks: checkTargets(corpora, rows),
    settings,
    node: process.version,
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    seconds: msSince(start) / 1000,
  };
}

// ---------------------------------------------------------------- printing

export const TABLE_COLUMNS = ['corpus', 'engine', 'passages', 'questions', 'samples', 'build ms', 'build vs MiniSearch', 'first build ms', 'first vs MiniSearch', 'index ms', 'index vs MiniSearch', 'heap MB/1k', 'p50 ms', 'p99 ms', 'mean ms', 'vs Fuse'] as const;

const ENGINE_LABEL: Record<EngineName, string> = { engine: 'engine', minisearch: 'MiniSearch', fuse: 'plain Fuse.js' };

function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toPrecision(3);
}

function fmtRatio(r: number): string {
  return Number.isFinite(r) ? `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×` : 'n/a';
}

/** The table's cells, one array per row, in TABLE_COLUMNS order. */
export function tableCells(report: BenchReport): string[][] {
  return report.rows.map((r) => [
    r.corpus,
    ENGINE_LABEL[r.engine],
    String(r.passages),
    String(r.questions),
    String(r.samples),
    fmtMs(r.buildMs),
    r.engine === 'minisearch' ? '1×' : fmtRatio(r.buildVsMiniSearch),
    fmtMs(r.firstBuildMs),
    r.engine === 'minisearch' ? '1×' : fmtRatio(r.firstVsMiniSearch),
    fmtMs(r.indexMs),
    r.engine === 'minisearch' ? '1×' : fmtRatio(r.indexVsMiniSearch),
    r.heapMbPer1k.toFixed(1),
    fmtMs(r.p50Ms),
    fmtMs(r.p99Ms),
    fmtMs(r.meanMs),
    r.engine === 'fuse' ? '1×' : fmtRatio(r.speedup),
  ]);
}

export function formatBenchTable(report: BenchReport): string {
  const header = [...TABLE_COLUMNS];
  const lines = tableCells(report);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const left = 2; // text columns
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    `Search speed: answer engine vs MiniSearch and plain Fuse.js (default options, raw question) over the same sentence passages, one process (${report.node}, ${report.cpu})`,
    `Baselines, same run: "build" = the whole pack build (sentences, attribution, tokens, index); "index" = the index proper from passages already split, attributed and tokenised (a baseline's index is its whole build); "vs MiniSearch" = median ÷ MiniSearch's build`,
    `Builds: each searcher's first build over the corpus ("first", cold JIT), then ${report.settings.buildWarmupMs ?? 0} ms of unmeasured builds of each alike, then ${report.settings.builds} timed builds of each, taken in turn; "build ms" = the median of those`,
    `"heap MB/1k" = heap and array buffers per build after a full GC, per 1,000 passages: the median of ${heapShape(report.settings).samples} samples, each over ${heapShape(report.settings).held} builds held at once`,
    `Latency per question after a timed warm-up; plain Fuse.js gets a spread-out subset of the questions (at most ${report.settings.baselineQuestions}, fewer when its time budget runs out); "vs Fuse" = Fuse mean ÷ engine mean on those same questions`,
    row(header),
    `|${widths.map((w, i) => (i < left ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...lines.map(row),
    '',
    ...report.checks.map((c) => `${c.pass ? 'PASS' : 'MISS'}  ${c.text}`),
    `(targets are informative; measured in ${report.seconds.toFixed(1)} s)`,
  ].join('\n');
}

// ---------------------------------------------------------------- the HTTP load part (issue 4)

/** What this bench uses of src/cli/bench-http.ts, loaded only if it is there with this shape. */
interface HttpBenchModule {
  runHttpBench(options: { durationSeconds?: number; warmupSeconds?: number; connections?: number[]; log?: (line: string) => void }): Promise<unknown>;
  formatHttpBenchTable(report: unknown): string;
  formatLoadTable?(http?: unknown, gateway?: unknown): string;
}

/** The gateway burst (src/cli/bench-gateway.ts): loaded on demand, since it imports the fake Discord from testing/. */
interface GatewayBenchModule {
  runGatewayBench(options: { burst?: number; log?: (line: string) => void }): Promise<unknown>;
}

async function loadGatewayBench(log: (line: string) => void): Promise<GatewayBenchModule | undefined> {
  const url = new URL('./bench-gateway.ts', import.meta.url);
  const fake = new URL('../../testing/fake-discord/index.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url)) || !existsSync(fileURLToPath(fake))) {
    log('Gateway burst: src/cli/bench-gateway.ts or the fake Discord in test/ is not there; skipped');
    return undefined;
  }
  return (await import(url.href)) as GatewayBenchModule;
}

async function loadHttpBench(log: (line: string) => void): Promise<HttpBenchModule | undefined> {
  const url = new URL('./bench-http.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    log('HTTP load benchmark: src/cli/bench-http.ts is not there; skipped');
    return undefined;
  }
  const mod = (await import(url.href)) as Partial<HttpBenchModule>;
  if (typeof mod.runHttpBench !== 'function' || typeof mod.formatHttpBenchTable !== 'function') {
    log('HTTP load benchmark: src/cli/bench-http.ts does not export runHttpBench and formatHttpBenchTable; skipped');
    return undefined;
  }
  return mod as HttpBenchModule;
}

// ---------------------------------------------------------------- command line

interface Cli {
  quick: boolean;
  json: boolean;
  http: boolean;
  /** The /ask row per database (issue 11). */
  store: boolean;
  gateway: boolean;
  burst: number;
  library: string;
  /** Packs in issue 6's library case; 0 skips it (--no-packs). */
  packs: number;
  /** Issue 14's start-up rounds (ask, serve ready, against node -e 0); 0 skips it (--no-startup). */
  startup: number;
  /** Issue 14's serve-with-many-packs rounds; 0 skips it (--no-serve-packs). */
  servePacks: number;
  /** Issue 12's reload row: KB of library reloaded while interactions are probed; 0 skips it (--no-reload). */
  reloadKb: number;
}

const USAGE = 'usage: npm run bench -- [--quick] [--library FILE.jsonl] [--json] [--no-http] [--no-gateway] [--burst N] [--no-packs] [--packs N] [--no-startup] [--no-serve-packs] [--no-store] [--no-reload] [--reload-kb N]';

function parseArgs(argv: string[]): Cli {
  const cli: Cli = { quick: false, json: false, http: true, gateway: true, store: true, burst: 1000, library: DEFAULT_LIBRARY, packs: 50, startup: 5, reloadKb: 750, servePacks: 3 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') cli.quick = true;
    else if (arg === '--json') cli.json = true;
    else if (arg === '--no-http') cli.http = false;
    else if (arg === '--no-store') cli.store = false;
    else if (arg === '--no-gateway') cli.gateway = false;
    else if (arg === '--burst' && argv[i + 1]) cli.burst = Number(argv[++i]);
    else if (arg === '--no-packs') cli.packs = 0;
    else if (arg === '--no-startup') cli.startup = 0;
    else if (arg === '--no-serve-packs') cli.servePacks = 0;
    else if (arg === '--no-reload') cli.reloadKb = 0;
    else if (arg === '--reload-kb' && argv[i + 1]) cli.reloadKb = Number(argv[++i]);
    else if (arg === '--packs' && argv[i + 1]) cli.packs = Number(argv[++i]);
    else if (arg === '--library' && argv[i + 1]) cli.library = resolve(argv[++i]!);
    else if (arg.startsWith('--library=')) cli.library = resolve(arg.slice('--library='.length));
    else if (!arg.startsWith('-')) cli.library = resolve(arg);
    else {
      process.stderr.write(`unknown argument ${arg}\n${USAGE}\n`);
      process.exit(2);
    }
  }
  return cli;
}

async function main() {
  const cli = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const corpora = [articleCorpus(undefined, log)];
  if (existsSync(cli.library)) corpora.push(libraryCorpus(cli.library));
  else log(`library ${cli.library} not found; measuring the article only (${USAGE})`);

  const report = runBench(corpora, cli.quick ? QUICK : FULL, log);
  if (!cli.json) process.stdout.write(`${formatBenchTable(report)}\n`);

  // Issue 6: the library of knowledge packs /ask searches without an article option, in the same run.
  let packs: unknown;
  if (cli.packs > 0) {
    const r = runLibraryBench({ packs: cli.packs, settings: cli.quick ? LIBRARY_QUICK : LIBRARY_FULL, log });
    if (!cli.json) process.stdout.write(`\n${formatLibraryTable(r)}\n`);
    packs = r;
  }

  let startup: unknown;
  if (cli.startup > 0) {
    const r = await runStartupBench({ runs: cli.quick ? 2 : cli.startup, log });
    if (!cli.json) process.stdout.write(`\n${formatStartupTable(r)}\n`);
    startup = r;
  }

  let servePacks: unknown;
  if (cli.servePacks > 0) {
    const { formatServePacksTable, runServePacksBench } = await import('./bench-serve-packs.ts');
    const r = await runServePacksBench({ runs: cli.quick ? 1 : cli.servePacks, log });
    if (!cli.json) process.stdout.write(`\n${formatServePacksTable(r)}\n`);
    servePacks = r;
  }

  let http: unknown;
  let gateway: unknown;
  const httpMod = cli.http || cli.gateway ? await loadHttpBench(log) : undefined;
  if (cli.http && httpMod) {
    // Shorter windows than `npm run bench:http`'s defaults keep the whole bench near a minute.
    http = await httpMod.runHttpBench(cli.quick ? { durationSeconds: 1, warmupSeconds: 0.5, connections: [1, 16], log } : { durationSeconds: 2, log });
  }
  if (cli.gateway) {
    const mod = await loadGatewayBench(log);
    if (mod) gateway = await mod.runGatewayBench({ burst: cli.burst, log });
  }
  if (!cli.json && httpMod && (http || gateway)) {
    // One table for issue 4's load figures, HTTP and gateway, each against its baseline.
    const table = httpMod.formatLoadTable ? httpMod.formatLoadTable(http, gateway) : http ? httpMod.formatHttpBenchTable(http) : '';
    if (table) process.stdout.write(`\n${table}\n`);
  }
  // Issue 11: /ask with no database, SQLite and PostgreSQL, in the same run (src/cli/bench-store.ts).
  let store: unknown;
  if (cli.store) {
    const mod = await import('./bench-store.ts');
    const rows = await mod.runStoreBench({ seconds: cli.quick ? 1 : 3, log });
    if (!cli.json) process.stdout.write(`\n${mod.formatStoreTable(rows)}\n`);
    store = rows;
  }
  // Issue 12: other interactions during a /kb reload of a 750 KB library, worker thread against the
  // old main-thread build, each against its own idle worst (src/cli/bench-reload.ts).
  let reload: unknown;
  if (cli.reloadKb > 0) {
    const mod = await import('./bench-reload.ts');
    const r = await mod.runReloadBench({ kb: cli.quick ? Math.min(cli.reloadKb, 250) : cli.reloadKb, log });
    if (!cli.json) process.stdout.write(`\n${mod.formatReloadTable(r)}\n`);
    reload = r;
  }
  if (cli.json) process.stdout.write(`${JSON.stringify({ ...report, ...(packs ? { packs } : {}), ...(startup ? { startup } : {}), ...(servePacks ? { servePacks } : {}), ...(http ? { http } : {}), ...(gateway ? { gateway } : {}), ...(store ? { store } : {}), ...(reload ? { reload } : {}) }, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
