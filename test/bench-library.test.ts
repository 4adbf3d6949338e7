// The library case of npm run bench on a tiny corpus: the packs it builds (seed + SQuAD articles, then
// repeats under distinct slugs, said so in the table), the rows it measures and the table's shape.
// Never timing thresholds: the machine is shared.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIBRARY_COLUMNS, buildPacks, formatLibraryTable, libraryTableCells, runLibraryBench } from '../src/cli/bench-library.ts';
import { packFromText } from '../src/knowledge/from-text.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-library-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = (title: string, topic: string) => ({
  title,
  paragraphs: [`The ${topic} was built in 1901 by the town council.`, `Visitors say the ${topic} is the best in the region, according to a survey.`],
  questions: [{ question: `When was the ${topic} built?` }, { question: `Who built the ${topic}?` }],
});
const squad = join(dir, 'squad.jsonl');
writeFileSync(squad, [article('Old_Mill', 'mill'), article('Town_Hall', 'town hall'), article('Glass_House', 'glass house')].map((a) => JSON.stringify(a)).join('\n'));
const seed = packFromText('The harbour bridge opened on Monday.\n\nMayor Jane Holt said it cost 12 million pounds.\n', 'tiny-seed');
const settings = { warmupMs: 0, samples: 20, budgetMs: 100, squadQuestions: 6 };

describe('npm run bench: the library of packs', () => {
  it('builds the seed plus every SQuAD article, then repeats them under distinct slugs', () => {
    const { packs, distinct } = buildPacks([article('Old_Mill', 'mill'), article('Town_Hall', 'town hall')], seed, 6);
    expect(packs.map((p) => p.meta.slug)).toEqual(['tiny-seed', 'squad-old-mill', 'squad-town-hall', 'squad-old-mill-copy-2', 'squad-town-hall-copy-2', 'squad-old-mill-copy-3']);
    expect(distinct).toBe(3);
    expect(packs[3]!.meta.title).toBe('Old Mill (copy 2)');
  });

  const report = runLibraryBench({ packs: 8, squadFiles: [squad], seed, seedQuestions: ['Who said it cost 12 million pounds?', 'When did the bridge open?'], settings });

  it('measures one pack against the whole library, on the same and on mixed questions', () => {
    expect(report.rows.map((r) => [r.library, r.questionSet])).toEqual([
      ['1 pack (seed)', 'seed questions'],
      ['8 packs', 'seed questions'],
      ['8 packs', 'mixed: SQuAD + seed'],
      ['4 packs (no repeats)', 'mixed: SQuAD + seed'],
    ]);
    for (const r of report.rows) {
      expect(r.samples).toBeGreaterThanOrEqual(r.questions);
      expect(r.p50Ms).toBeGreaterThan(0);
      expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
      expect(r.foundShare).toBeGreaterThan(0);
    }
    expect(report.rows[1]!).toMatchObject({ packs: 8, distinct: 4 });
    // every row states its baseline, the seed alone, measured in the same run
    expect(report.rows[0]!).toMatchObject({ buildVsSeed: 1, p99VsSeed: 1 });
    for (const r of report.rows) expect(r.p99VsSeed).toBeCloseTo(r.p99Ms / report.rows[0]!.p99Ms);
    expect(report.checks.map((c) => c.text)).toEqual([
      expect.stringMatching(/^8 packs × seed questions: p99 .* ms [≤>] 5 ms/),
      expect.stringMatching(/^8 packs × mixed: SQuAD \+ seed: p99/),
      expect.stringMatching(/^4 packs \(no repeats\) × mixed/),
    ]);
  });

  it('prints one table that says how the packs were made', () => {
    const table = formatLibraryTable(report);
    expect(report.composition).toBe('8 packs = the seed article + 3 SQuAD v1.1 dev articles + 4 repeats of SQuAD articles under distinct slugs (4 distinct texts)');
    expect(table).toContain(report.composition);
    const header = table.split('\n')[2]!;
    for (const c of LIBRARY_COLUMNS) expect(header).toContain(c);
    for (const cells of libraryTableCells(report)) expect(cells).toHaveLength(LIBRARY_COLUMNS.length);
    expect(table).toMatch(/^(PASS|MISS) {2}8 packs × seed questions/m);
  });
});
