// The serve-with-many-packs rows of npm run bench (issue 14) on a tiny SQuAD file: real `npm run serve`
// processes over real pack folders, each row against the seed alone from the same run, and a skip
// with its reason when the SQuAD data is absent. Never timing thresholds: the machine is shared.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatServePacksTable, runServePacksBench, SERVE_PACKS_COLUMNS } from '../src/cli/bench-serve-packs.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-serve-packs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = (title: string, topic: string) => ({
  title,
  paragraphs: [`The ${topic} was built in 1901 by the town council.`, `Visitors say the ${topic} is the best in the region, according to a survey.`],
  questions: [{ question: `When was the ${topic} built?` }],
});
const squad = join(dir, 'squad.jsonl');
writeFileSync(squad, [article('Old_Mill', 'mill'), article('Town_Hall', 'town hall')].map((a) => JSON.stringify(a)).join('\n'));

describe('npm run bench: serve with many packs', () => {
  it('starts serve on the seed alone and on bigger libraries, and reports each against the seed', async () => {
    const report = await runServePacksBench({ runs: 1, sizes: [1, 3, 4], squadFiles: [squad] });
    if ('skipped' in report) throw new Error(report.skipped);
    expect(report.rows.map((r) => [r.start, r.packs])).toEqual([['cold', 1], ['cold', 3], ['cold', 4], ['warm', 1], ['warm', 3], ['warm', 4]]);
    const [seed, three, four] = report.rows as [typeof report.rows[0], typeof report.rows[0], typeof report.rows[0]];
    const warmSeed = report.rows[3]!;
    // The fourth pack repeats the first SQuAD article under a slug of its own: as many sentences again.
    expect(three.sentences - seed.sentences).toBe(4);
    expect(four.sentences - seed.sentences).toBe(6);
    for (const r of report.rows) {
      expect(r.readyMs).toBeGreaterThan(0);
      expect(r.rssMb).toBeGreaterThan(10);
      expect(r.readyVsSeed).toBeCloseTo(r.readyMs / (r.start === 'cold' ? seed : warmSeed).readyMs);
      // Every pack built and in the cache: never before ready, and measured on the same process.
      expect(r.builtMs).toBeGreaterThanOrEqual(r.readyMs);
      expect(r.builtRssMb).toBeGreaterThan(10);
    }
    expect(three.builtRssMbPer1k).toBeCloseTo((three.builtRssMb - seed.builtRssMb) / 0.004);
    expect(seed.readyVsSeed).toBe(1);
    expect(warmSeed.readyVsSeed).toBe(1);
    expect(three.rssMbPer1k).toBeCloseTo((three.rssMb - seed.rssMb) / 0.004);
    const table = formatServePacksTable(report);
    for (const column of SERVE_PACKS_COLUMNS) expect(table).toContain(column);
    expect(table).toMatch(/\| 3 packs +\| warm/);
  }, 180_000);

  it('is skipped, saying why, when the SQuAD files are absent', async () => {
    const report = await runServePacksBench({ squadFiles: [join(dir, 'absent.jsonl')] });
    expect(report).toEqual({ skipped: expect.stringContaining('absent.jsonl not found') });
    expect(formatServePacksTable(report)).toMatch(/skipped, .*absent\.jsonl not found/);
  });
});
