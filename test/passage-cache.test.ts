// The on-disk cache of packs' passages (issue 14): a restart reuses an unchanged pack's passages and
// answers exactly as a fresh build does; an edited pack or changed engine code is rebuilt; a corrupt,
// truncated or tampered file is rebuilt and written again, never served. Real files in temp dirs.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPassages, createLibrary, type PassageRecord } from '../src/engine/index.ts';
import { packFromText } from '../src/knowledge/from-text.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { engineCodeHash, openPassageCache } from '../src/runtime/passage-cache.ts';

const root = mkdtempSync(join(tmpdir(), 'passage-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `cache-${n++}`);

const seed = loadDefaultPack();
const plain = packFromText('The harbour bridge opened on Monday.\n\nMayor Jane Holt said it cost 12 million pounds, according to the council.\n', 'harbour');
const packs = [seed, plain];
const QUESTIONS = ['Who met whom, and what did they say?', 'What did the Chinese foreign ministry say?', 'How much did the bridge cost?', 'who said it cost 12 million', 'What is the capital of France?'];
const answersOf = (passagesOf?: (p: typeof seed) => PassageRecord[]) => {
  const library = createLibrary(packs, passagesOf ? { passagesOf } : {});
  return QUESTIONS.map((q) => library.answer(q));
};
const withoutTokens = (records: PassageRecord[]) => records.map(({ tokens: _t, ...r }) => ({ ...r, role: r.role, speakerStems: [...r.speakerStems] }));

describe('passage cache', () => {
  it('builds and keeps every pack once, then a restart reads them all and answers the same', () => {
    const dir = freshDir();
    const first = openPassageCache(dir, { code: 'v1' });
    const built = answersOf(first.passagesOf);
    expect(first.stats).toEqual({ hits: 0, misses: 2, rebuilt: 0 });
    expect(readdirSync(dir).sort()).toEqual(packs.map((p) => first.fileOf(p).split('/').pop()).sort());

    const restart = openPassageCache(dir, { code: 'v1' });
    const cached = answersOf(restart.passagesOf);
    expect(restart.stats).toEqual({ hits: 2, misses: 0, rebuilt: 0 });
    expect(cached).toEqual(built);
    expect(cached).toEqual(answersOf());
    expect(withoutTokens(restart.passagesOf(seed))).toEqual(withoutTokens(buildPassages(seed)));
  });

  it('rebuilds a pack whose text changed, and every pack when the engine code changed', () => {
    const dir = freshDir();
    answersOf(openPassageCache(dir, { code: 'v1' }).passagesOf);
    const edited = packFromText('The harbour bridge opened on Tuesday.\n\nMayor Jane Holt said it cost 14 million pounds.\n', 'harbour');
    const cache = openPassageCache(dir, { code: 'v1' });
    const passages = cache.passagesOf(edited);
    expect(cache.stats).toMatchObject({ hits: 0, misses: 1 });
    expect(passages.map((p) => p.text).join(' ')).toContain('14 million');
    const library = createLibrary([edited], { passagesOf: cache.passagesOf });
    expect(library.answer('How much did the bridge cost?').answer?.text).toContain('14 million');

    const newCode = openPassageCache(dir, { code: 'v2' });
    for (const p of packs) newCode.passagesOf(p);
    expect(newCode.stats).toEqual({ hits: 0, misses: 2, rebuilt: 0 });
  });

  it('rebuilds a file that is garbage, truncated, for another key, or tampered with, and writes it again', () => {
    const dir = freshDir();
    openPassageCache(dir, { code: 'v1' }).passagesOf(plain);
    const file = openPassageCache(dir, { code: 'v1' }).fileOf(plain);
    const good = readFileSync(file, 'utf8');
    const parsed = JSON.parse(good) as { key: string; records: Array<{ speaker: string }> };
    parsed.records[1]!.speaker = 'Someone Tampered';
    const corruptions = [
      'not json at all',
      good.slice(0, good.length / 2),
      JSON.stringify({ ...JSON.parse(good), key: 'another key' }),
      JSON.stringify(parsed), // the records no longer match their checksum
      JSON.stringify({ ...JSON.parse(good), records: [{ id: 0 }] }),
    ];
    for (const corrupt of corruptions) {
      writeFileSync(file, corrupt);
      const cache = openPassageCache(dir, { code: 'v1' });
      const passages = cache.passagesOf(plain);
      expect(cache.stats).toEqual({ hits: 0, misses: 0, rebuilt: 1 });
      expect(withoutTokens(passages)).toEqual(withoutTokens(buildPassages(plain)));
      expect(passages.some((p) => p.speaker === 'Someone Tampered')).toBe(false);
      // written again, whole: the next start reads it
      const next = openPassageCache(dir, { code: 'v1' });
      next.passagesOf(plain);
      expect(next.stats.hits).toBe(1);
    }
  });

  it('without a code hash (no sources to hash) builds every time and writes nothing', () => {
    const dir = freshDir();
    const cache = openPassageCache(dir, { code: undefined });
    expect(withoutTokens(cache.passagesOf(plain))).toEqual(withoutTokens(buildPassages(plain)));
    expect(() => readdirSync(dir)).toThrow();
  });

  it('a cache it cannot write is one warning, and the pack is served from a build', () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'x');
    const warnings: string[] = [];
    const cache = openPassageCache(join(blocker, 'cache'), { code: 'v1', onError: (m) => warnings.push(m) });
    for (const p of packs) expect(cache.passagesOf(p).length).toBe(buildPassages(p).length);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/index cache .* not written/);
  });

  it('hashes the engine and knowledge sources: another byte, another hash; no sources, no hash', () => {
    const fake = join(root, 'fake-repo');
    mkdirSync(join(fake, 'src/engine'), { recursive: true });
    mkdirSync(join(fake, 'src/knowledge'), { recursive: true });
    writeFileSync(join(fake, 'src/engine/attribution.ts'), 'export const a = 1;\n');
    writeFileSync(join(fake, 'src/knowledge/schema.ts'), 'export const b = 1;\n');
    const before = engineCodeHash(fake);
    writeFileSync(join(fake, 'src/engine/attribution.ts'), 'export const a = 2;\n');
    expect(engineCodeHash(fake)).toMatch(/^[0-9a-f]{64}$/);
    expect(engineCodeHash(fake)).not.toBe(before);
    expect(engineCodeHash(join(root, 'nowhere'))).toBeUndefined();
    expect(engineCodeHash()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the knowledge store keeps its packs in the cache folder it is given', async () => {
    const dir = freshDir();
    const store = createKnowledgeStore({ loadLibrary: () => ({ root: '', packs, skipped: [], single: false }), cacheDir: dir, warm: () => {} });
    expect(readdirSync(dir)).toHaveLength(2);
    expect((await store.reload('test')).ok).toBe(true);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(store.current().library.answer('How much did the bridge cost?').answer?.text).toContain('12 million');
  });
});
