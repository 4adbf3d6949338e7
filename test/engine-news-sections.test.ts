// Subheads give the paragraphs under them context, on made-up uncurated stories: the plain-text reader
// gives each body paragraph the subhead it stands under, ingest keeps it, its words reach the passages,
// and an engine cache written before sections existed is not served for the pack that has them.
// Also the general-English words a reader uses for funding and for what is wrong with someone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEngineParts, createEngine, createLibrary } from '../src/engine/index.ts';
import { loadArticleFile, loadPack } from '../src/knowledge/loader.ts';
import { parseArticleText } from '../src/knowledge/plain-text.ts';
import { draftPack } from '../src/ingest/draft.ts';
import { writePack } from '../src/ingest/write.ts';
import { openPassageCache } from '../src/runtime/passage-cache.ts';
import { stemWord } from '../src/engine/text.ts';
import type { KnowledgePack } from '../src/knowledge/schema.ts';

const LEAGUE = `Harbour Cup round two: Brenmouth and Oakridge go through

Saturday, March 7, 2026

Two matches were played on Saturday in the second round of the Harbour Cup.

Brenmouth Rovers 2 – 1 Kelby Town

The first match was played at the Quay Ground in front of a full crowd. Rovers scored twice before half-time.

Goalkeeper Lena Marsh was named player of the day after saving a penalty.

Oakridge United 3 – 0 Tarn Valley

The second match was played in heavy rain. Oakridge scored three goals after the break.

Defender Piet Olsen was named player of the day for his two blocks on the line.

—With reporting by Ada Quill.
`;

const HEALTH = `Village dog home from animal hospital

Pip, a collie from the village of Ashby, is home after three weeks at the animal hospital.

Her owner said the vet's first guess had been wrong, and a second test was needed.

Pip had been suffering from a severe infection of the ear that spread to her jaw.

The hospital's new scanner was sponsored by the Ashby Village Trust.

A study of the scanner's first year found it cut waiting times by half.
`;

const dir = mkdtempSync(join(tmpdir(), 'news-sections-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const leagueFile = write('league.txt', LEAGUE);
const league = createEngine(loadArticleFile(leagueFile));
const health = createEngine(loadArticleFile(write('health.txt', HEALTH)));

describe('subheads as sections', () => {
  it('gives each body paragraph the subhead it stands under, and none before the first or to the credits', () => {
    const { paragraphs } = parseArticleText(LEAGUE, { slug: 'league' });
    const section = (fragment: string) => paragraphs.find((p) => p.text.includes(fragment))?.section;
    expect(section('Two matches were played')).toBeUndefined();
    expect(section('Quay Ground')).toBe('Brenmouth Rovers 2 – 1 Kelby Town');
    expect(section('Lena Marsh')).toBe('Brenmouth Rovers 2 – 1 Kelby Town');
    expect(section('heavy rain')).toBe('Oakridge United 3 – 0 Tarn Valley');
    expect(section('Piet Olsen')).toBe('Oakridge United 3 – 0 Tarn Valley');
    expect(paragraphs.find((p) => p.kind === 'credits')?.section).toBeUndefined();
    expect(paragraphs.some((p) => p.text.includes('Tarn Valley'))).toBe(false);
  });

  it("answers from the paragraph under the match's subhead when the question names the match", () => {
    const a = league.answer('who was player of the day in oakridge v tarn valley');
    expect(a.found).toBe(true);
    expect(a.answer?.text).toContain('Piet Olsen');
    const b = league.answer('Who was player of the day for Brenmouth against Kelby?');
    expect(b.answer?.text).toContain('Lena Marsh');
  });

  it('still refuses what the section does not say', () => {
    expect(league.answer('How many fans watched Oakridge against Tarn Valley?').found).toBe(false);
  });

  it('keeps sections in a pack written by ingest and loaded back', () => {
    const out = join(dir, 'packs');
    writePack(draftPack(LEAGUE, { slug: 'league' }), { outDir: out, slug: 'league' });
    const pack = loadPack(join(out, 'league'));
    expect(pack.paragraphs.find((p) => p.text.includes('Piet Olsen'))?.section).toBe('Oakridge United 3 – 0 Tarn Valley');
    expect(createLibrary([pack]).answer('who was player of the day in oakridge v tarn valley').answer?.text).toContain('Piet Olsen');
  });

  it('does not serve engine parts cached for the pack as read before sections, so subhead words reach the passages', () => {
    const pack = loadArticleFile(leagueFile);
    const before: KnowledgePack = { ...pack, paragraphs: pack.paragraphs.map(({ section: _section, ...p }) => p) };
    const cacheDir = join(dir, 'cache');
    openPassageCache(cacheDir, { code: 'same code' }).partsOf(before);
    const cache = openPassageCache(cacheDir, { code: 'same code' });
    const parts = cache.partsOf(pack);
    expect(cache.stats).toMatchObject({ hits: 0, misses: 1 });
    const olsen = parts.records.find((r) => r.text.includes('Piet Olsen'))!;
    // The subhead's words are indexed for the passage (an engine's records drop their expansion once indexed).
    const { passages } = parts.index;
    const tarn = passages.terms.get(stemWord('tarn'))!;
    expect(tarn).toBeTypeOf('number');
    expect(olsen.text).not.toMatch(/tarn/i);
    expect(Array.from(passages.docs.subarray(passages.start[tarn], passages.start[tarn + 1]))).toContain(olsen.id);
    expect(parts.records).toEqual(buildEngineParts(pack).records);
    expect(parts.index.passages).toEqual(buildEngineParts(pack).index.passages);
  });
});

describe('general words for funding and for what is wrong', () => {
  it('finds "sponsored by" for who funded it, and "study" for research', () => {
    expect(health.answer('Who funded the scanner?').answer?.text).toContain('Ashby Village Trust');
    expect(health.answer('what did the research on the scanner find').answer?.text).toContain('cut waiting times');
  });

  it('reads "what was wrong with X" as their illness, not a sentence that says "wrong"', () => {
    for (const question of ['so what was actually wrong with pip', "what's wrong with the dog"]) {
      const a = health.answer(question);
      expect(a.found).toBe(true);
      expect(a.answer?.text).toContain('infection');
    }
  });
});
