// The on-disk cache of packs' built engine parts (issue 14): a restart reuses an unchanged pack's parts
// and answers exactly as a fresh build does; an edited pack or changed engine code is rebuilt; a
// corrupt, truncated, foreign or tampered file is rebuilt and written again, never served. Real files
// in temp dirs.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { passageKeys } from '../src/engine/passage-key.ts';
import { buildEngineParts, createEngine, createLibrary, encodeParts, encodeSummary, summaryOf, type EngineParts, type LazyEngine } from '../src/engine/index.ts';
import { packFromText } from '../src/knowledge/from-text.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { engineCodeHash, fileBytes, openPassageCache } from '../src/runtime/passage-cache.ts';

const root = mkdtempSync(join(tmpdir(), 'passage-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `cache-${n++}`);

const seed = loadDefaultPack();
const plain = packFromText('The harbour bridge opened on Monday.\n\nMayor Jane Holt said it cost 12 million pounds, according to the council.\n', 'harbour');
const packs = [seed, plain];
// Typo repair ("prigozin"), a refusal, a speaker, a number: each reads another part of what is stored.
const QUESTIONS = ['Who met whom, and what did they say?', 'What did the Chinese foreign ministry say?', 'How much did the bridge cost?', 'who said it cost 12 million', 'What is the capital of France?', 'what did prigozin do'];
const answersOf = (partsOf?: (p: typeof seed) => EngineParts) => {
  const library = createLibrary(packs, partsOf ? { partsOf } : {});
  return QUESTIONS.map((q) => library.answer(q));
};
/** The parts as data: records with their role present either way (a stored record leaves an absent one out). */
// A fresh build leaves the passage keys to the engine (made when first shown); a parts file holds them all.
const asData = ({ pack: _pack, vocabulary: _v, ...parts }: EngineParts) => ({
  ...parts,
  keys: parts.keys ?? passageKeys(parts.records.map((r) => r.text)).keys,
  records: parts.records.map((r) => ({ ...r, role: r.role })),
});

describe('passage cache', () => {
  it('builds and keeps every pack once, then a restart reads them all and answers the same', () => {
    const dir = freshDir();
    const first = openPassageCache(dir, { code: 'v1' });
    const built = answersOf(first.partsOf);
    expect(first.stats).toEqual({ hits: 0, misses: 2, rebuilt: 0 });
    expect(readdirSync(dir).sort()).toEqual(packs.map((p) => first.fileOf(p).split('/').pop()).sort());

    const restart = openPassageCache(dir, { code: 'v1' });
    const cached = answersOf(restart.partsOf);
    expect(restart.stats).toEqual({ hits: 2, misses: 0, rebuilt: 0 });
    expect(cached).toEqual(built);
    expect(cached).toEqual(answersOf());
    for (const pack of packs) {
      const read = restart.partsOf(pack);
      const fresh = buildEngineParts(pack);
      expect(asData(read)).toEqual(asData(fresh));
      expect(read.vocabulary.correct('prigozin')).toBe(fresh.vocabulary.correct('prigozin'));
      expect(read.vocabulary.correct('holtt')).toBe(fresh.vocabulary.correct('holtt'));
    }
  });

  it('rebuilds a pack whose text changed, and every pack when the engine code changed', () => {
    const dir = freshDir();
    answersOf(openPassageCache(dir, { code: 'v1' }).partsOf);
    const edited = packFromText('The harbour bridge opened on Tuesday.\n\nMayor Jane Holt said it cost 14 million pounds.\n', 'harbour');
    const cache = openPassageCache(dir, { code: 'v1' });
    const parts = cache.partsOf(edited);
    expect(cache.stats).toMatchObject({ hits: 0, misses: 1 });
    expect(parts.records.map((p) => p.text).join(' ')).toContain('14 million');
    const library = createLibrary([edited], { partsOf: cache.partsOf });
    expect(library.answer('How much did the bridge cost?').answer?.text).toContain('14 million');

    const newCode = openPassageCache(dir, { code: 'v2' });
    for (const p of packs) newCode.partsOf(p);
    expect(newCode.stats).toEqual({ hits: 0, misses: 2, rebuilt: 0 });
  });

  it('rebuilds a file that is garbage, truncated, for another pack, tampered with, or does not decode, and writes it again', () => {
    const dir = freshDir();
    const writer = openPassageCache(dir, { code: 'v1' });
    for (const p of packs) writer.partsOf(p);
    const file = writer.fileOf(plain);
    const good = readFileSync(file);
    const tampered = Buffer.from(good);
    // A byte of the stored text: "Mayor" becomes "Xayor".
    tampered[tampered.indexOf('Mayor Jane')] = 'X'.charCodeAt(0);
    const key = good.subarray(good.indexOf('\n') + 1 + 32 + 4, good.indexOf('\n') + 1 + 32 + 4 + good.readUInt32LE(good.indexOf('\n') + 1 + 32)).toString();
    const corruptions = [
      Buffer.from('not a cache file at all'),
      good.subarray(0, good.length >> 1),
      readFileSync(writer.fileOf(seed)), // whole and checksummed, but the seed's key
      tampered, // no longer matches its checksum
      fileBytes(key, encodeSummary(summaryOf(buildEngineParts(plain))), Buffer.from([9, 0, 0, 0, 1, 2, 3])), // checksum and key hold; the parts do not decode
      fileBytes(key, Buffer.from([9, 0, 0, 0, 1, 2, 3]), encodeParts(buildEngineParts(plain))), // nor does the summary
    ];
    for (const corrupt of corruptions) {
      writeFileSync(file, corrupt);
      const cache = openPassageCache(dir, { code: 'v1' });
      const parts = cache.partsOf(plain);
      expect(cache.stats).toEqual({ hits: 0, misses: 0, rebuilt: 1 });
      expect(asData(parts)).toEqual(asData(buildEngineParts(plain)));
      expect(parts.records.some((p) => p.text.includes('Xayor'))).toBe(false);
      // written again, whole: the next start reads it
      const next = openPassageCache(dir, { code: 'v1' });
      next.partsOf(plain);
      expect(next.stats.hits).toBe(1);
    }
  });

  it('a restart reads only the summaries: a pack loads when first asked, and every answer is a fresh build\'s', () => {
    const dir = freshDir();
    for (const p of packs) openPassageCache(dir, { code: 'v1' }).partsOf(p);
    const restart = openPassageCache(dir, { code: 'v1' });
    const library = createLibrary(packs, { engineOf: restart.engineOf });
    expect(restart.stats).toEqual({ hits: 2, misses: 0, rebuilt: 0 });
    const engines = packs.map((p) => library.engine(p.meta.slug) as LazyEngine);
    const fresh = packs.map(createEngine);
    expect(engines.map((e) => e.loaded)).toEqual([false, false]);
    // What a library asks of every pack comes from the summary, the same as the built engine's.
    const stems = ['bridg', 'cost', 'wagner', 'prigozhin', 'zzz'];
    engines.forEach((e, i) => {
      expect(e.relevance('', stems)).toBe(fresh[i]!.relevance('', stems));
      expect(e.suggest('', 25)).toEqual(fresh[i]!.suggest('', 25));
      expect(e.suggest('harb', 25)).toEqual(fresh[i]!.suggest('harb', 25));
      expect(e.passageCount()).toBe(fresh[i]!.passageCount());
      expect(e.timeline()).toEqual(fresh[i]!.timeline());
    });
    expect(engines.map((e) => e.loaded)).toEqual([false, false]);
    const harbour = plain.meta.slug;
    expect(library.answer('How much did the bridge cost?', { article: harbour })).toEqual(createLibrary(packs).answer('How much did the bridge cost?', { article: harbour }));
    // Only the pack asked was loaded.
    expect(engines.map((e) => e.loaded)).toEqual([false, true]);
    expect(QUESTIONS.map((q) => library.answer(q))).toEqual(answersOf());
    expect(engines[0]!.passageByKey(fresh[0]!.passage(3)!.key)?.text).toBe(fresh[0]!.passage(3)!.text);
  });

  it('a file damaged after the start is rebuilt when its pack is first asked, never served, and written again', () => {
    const dir = freshDir();
    const writer = openPassageCache(dir, { code: 'v1' });
    writer.partsOf(plain);
    const cache = openPassageCache(dir, { code: 'v1' });
    const engine = cache.engineOf(plain) as LazyEngine;
    expect(engine.loaded).toBe(false);
    const file = writer.fileOf(plain);
    const tampered = readFileSync(file);
    tampered[tampered.indexOf('Mayor Jane')] = 'X'.charCodeAt(0);
    writeFileSync(file, tampered);
    const answer = engine.answer('Who said it cost 12 million?');
    expect(answer).toEqual(createEngine(plain).answer('Who said it cost 12 million?'));
    expect(JSON.stringify(answer)).not.toContain('Xayor');
    const next = openPassageCache(dir, { code: 'v1' });
    expect((next.engineOf(plain) as LazyEngine).loaded).toBe(false);
    expect(next.stats).toEqual({ hits: 1, misses: 0, rebuilt: 0 });
  });

  it('a pending pack (left to another thread) is built when first asked, or summarised once that thread has written it', () => {
    const dir = freshDir();
    const cache = openPassageCache(dir, { code: 'v1' });
    const [asked, written] = [seed, plain].map((p) => cache.engineOf(p, { later: true }) as LazyEngine);
    expect([asked!.pending, written!.pending]).toEqual([true, true]);
    expect(cache.stats).toEqual({ hits: 0, misses: 2, rebuilt: 0 });
    // Asked first: built here, and the same answer as a fresh build's; its file is written.
    expect(asked!.answer('Who met whom?')).toEqual(createEngine(seed).answer('Who met whom?'));
    expect(asked!.loaded).toBe(true);
    // Written by another cache (as the worker does): relevance and suggestions from its summary, nothing loaded.
    openPassageCache(dir, { code: 'v1' }).partsOf(plain);
    const stems = ['bridg', 'cost', 'zzz'];
    expect(written!.relevance('', stems)).toBe(createEngine(plain).relevance('', stems));
    expect(written!.suggest('', 25)).toEqual(createEngine(plain).suggest('', 25));
    expect([written!.pending, written!.loaded]).toEqual([false, false]);
    expect(readdirSync(dir).filter((n) => n.endsWith('.parts'))).toHaveLength(2);
  });

  it('a pack the cache does not hold, or holds damaged, is built at once and kept', () => {
    const dir = freshDir();
    const cache = openPassageCache(dir, { code: 'v1' });
    const engine = cache.engineOf(plain);
    expect('loaded' in engine).toBe(false);
    expect(cache.stats).toEqual({ hits: 0, misses: 1, rebuilt: 0 });
    writeFileSync(cache.fileOf(plain), 'garbage');
    const again = openPassageCache(dir, { code: 'v1' });
    again.engineOf(plain);
    expect(again.stats).toEqual({ hits: 0, misses: 0, rebuilt: 1 });
    expect(readFileSync(cache.fileOf(plain)).length).toBeGreaterThan(100);
  });

  it('without a code hash (no sources to hash) builds every time and writes nothing', () => {
    const dir = freshDir();
    const cache = openPassageCache(dir, { code: undefined });
    expect(asData(cache.partsOf(plain))).toEqual(asData(buildEngineParts(plain)));
    expect(() => readdirSync(dir)).toThrow();
  });

  it('a cache it cannot write is one warning, and the pack is served from a build', () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'x');
    const warnings: string[] = [];
    const cache = openPassageCache(join(blocker, 'cache'), { code: 'v1', onError: (m) => warnings.push(m) });
    for (const p of packs) expect(cache.partsOf(p).records.length).toBe(buildEngineParts(p).records.length);
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
