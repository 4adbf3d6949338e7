// The bench's measuring and printing on a tiny corpus: the shape of the table, never timing thresholds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  TABLE_COLUMNS,
  corpusFromPack,
  formatBenchTable,
  libraryCorpus,
  passageTexts,
  runBench,
  sampleEvery,
  spread,
  tableCells,
  type BenchSettings,
} from '../src/cli/bench.ts';
import { createEngine } from '../src/engine/index.ts';
import { packFromText } from '../src/knowledge/from-text.ts';

const TEXT = [
  'The river town of Ashford opened a new bridge on Monday.',
  'Mayor Jane Holt said the bridge cost 12 million pounds. Work began in 2021 and finished early.',
  'Local shops reported more visitors within a week, according to the chamber of commerce.',
].join('\n\n');

const TINY: BenchSettings = {
  builds: 1,
  maxQuestions: 10,
  warmupMs: 0,
  engineSamples: 8,
  engineBudgetMs: 200,
  baselineQuestions: 2,
  baselineSamples: 4,
  baselineBudgetMs: 200,
};

const QUESTIONS = ['What did the mayor say about the bridge?', 'When did work begin?', 'Who reported more visitors?', 'What is the capital of France?'];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm run bench: measuring', () => {
  const pack = packFromText(TEXT, 'tiny');
  const report = runBench([corpusFromPack('tiny', pack, QUESTIONS, 1)], TINY);

  it('measures the engine, MiniSearch and plain Fuse.js over the same passages', () => {
    expect(report.rows.map((r) => [r.corpus, r.engine])).toEqual([
      ['tiny', 'engine'],
      ['tiny', 'minisearch'],
      ['tiny', 'fuse'],
    ]);
    const sentences = passageTexts(createEngine(pack));
    expect(sentences.length).toBeGreaterThanOrEqual(4);
    for (const r of report.rows) expect(r.passages).toBe(sentences.length);
  });

  it('reports positive build times, latencies and a speed-up', () => {
    for (const r of report.rows) {
      for (const value of [r.buildMs, r.firstBuildMs, r.buildVsMiniSearch, r.firstVsMiniSearch, r.indexMs, r.indexVsMiniSearch, r.p50Ms, r.p99Ms, r.meanMs, r.maxMs, r.speedup]) {
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThan(0);
      }
      expect(r.p50Ms).toBeLessThanOrEqual(r.p99Ms);
      expect(r.p99Ms).toBeLessThanOrEqual(r.maxMs);
    }
    const [engine, mini, fuse] = report.rows;
    expect(mini!.buildVsMiniSearch).toBe(1); // every row's build is stated against MiniSearch's, same run
    expect(mini!.indexVsMiniSearch).toBe(1);
    expect(mini!.firstVsMiniSearch).toBe(1);
    for (const r of report.rows) expect(Number.isFinite(r.heapMbPer1k)).toBe(true);
    expect(engine!.questions).toBe(QUESTIONS.length);
    expect(engine!.samples).toBeGreaterThanOrEqual(QUESTIONS.length); // the first pass always completes
    expect(fuse!.questions).toBeGreaterThanOrEqual(1);
    expect(fuse!.questions).toBeLessThanOrEqual(TINY.baselineQuestions);
    expect(fuse!.speedup).toBe(1);
  });

  it('prints one table with every column, a row per engine, and the target lines', () => {
    const out = formatBenchTable(report);
    const tableLines = out.split('\n').filter((l) => l.startsWith('|'));
    const cells = (line: string) => line.slice(1, -1).split('|').map((c) => c.trim());
    expect(cells(tableLines[0]!)).toEqual([...TABLE_COLUMNS]);
    expect(tableLines).toHaveLength(2 + report.rows.length); // header, rule, rows
    const body = tableLines.slice(2).map(cells);
    expect(body.map((r) => r.slice(0, 3))).toEqual([
      ['tiny', 'engine', String(report.rows[0]!.passages)],
      ['tiny', 'MiniSearch', String(report.rows[1]!.passages)],
      ['tiny', 'plain Fuse.js', String(report.rows[2]!.passages)],
    ]);
    for (const row of body) {
      expect(row).toHaveLength(TABLE_COLUMNS.length);
      for (const col of ['p50 ms', 'p99 ms', 'mean ms']) expect(Number(row[TABLE_COLUMNS.indexOf(col as never)])).toBeGreaterThan(0);
    }
    expect(body[0]![TABLE_COLUMNS.length - 1]).toMatch(/^[\d.]+×$/);
    expect(tableCells(report)).toEqual(body);
    // a p99 target, the speed-up target, the index proper and whole-build targets (after a warm-up and
    // first builds), the heap target, each as PASS or MISS
    expect(out.split('\n').filter((l) => /^(PASS|MISS) {2}tiny: /.test(l))).toHaveLength(6);
    expect(report.checks).toHaveLength(6);
  });
});

describe('npm run bench: corpora', () => {
  it('builds ONE pack from every article of a SQuAD file and samples every 5th question', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    dirs.push(dir);
    const file = join(dir, 'lib.jsonl');
    const article = (title: string, n: number) =>
      JSON.stringify({
        title,
        paragraphs: [`${title} is a place. It has a long history of trade.`, `People in ${title} grow apples and pears.`],
        questions: Array.from({ length: n }, (_, i) => ({ question: `${title} question ${i}?` })),
      });
    writeFileSync(file, `${article('Alpha', 6)}\n${article('Beta', 6)}\n`);
    const corpus = libraryCorpus(file);
    expect(corpus.name).toBe('library (2 articles)');
    expect(corpus.questions).toEqual(['Alpha question 0?', 'Alpha question 5?', 'Beta question 4?']);
    expect(corpus.targetP99Ms).toBe(5);
    const texts = passageTexts(corpus.build());
    expect(texts.some((t) => t.includes('Alpha'))).toBe(true);
    expect(texts.some((t) => t.includes('Beta'))).toBe(true);
    expect(libraryCorpus(file, { every: 1, cap: 4 }).questions).toHaveLength(4);
  });

  it('samples deterministically', () => {
    const xs = Array.from({ length: 23 }, (_, i) => i);
    expect(sampleEvery(xs, 5)).toEqual([0, 5, 10, 15, 20]);
    expect(sampleEvery(xs, 5, 2)).toEqual([0, 5]);
    const s = spread(xs, 8);
    expect(s).toHaveLength(8);
    expect(new Set(s).size).toBe(8);
    expect(spread(xs, 8)).toEqual(s);
    expect(Math.max(...s.slice(0, 3))).toBeGreaterThan(11); // an early prefix already reaches the back half
    expect([...spread(xs, 100)].sort((a, b) => a - b)).toEqual(xs);
  });
});
