// The passage cache across reloads (issue 14): an off-thread reload (the worker, as serve and the bot
// reload) reads unchanged packs from the cache the start wrote, rebuilds a corrupt file instead of
// serving it, and after every successful load the folder holds only the files of the packs being
// served. Real packs in a temp library, the real worker thread.
import { appendFileSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type LazyEngine } from '../src/engine/index.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { loadLibraryDir } from '../src/runtime/load-library.ts';
import { openPassageCache, TMP_STALE_MS } from '../src/runtime/passage-cache.ts';
import { tempDataDirs } from './helpers/data-dir.ts';
import { HARBOUR, threePackLibraryDirs } from './helpers/library.ts';

const libraryDir = threePackLibraryDirs();
const dataDir = tempDataDirs();
const saved = process.env.KNOWLEDGE_DIR;
afterAll(() => {
  if (saved === undefined) delete process.env.KNOWLEDGE_DIR;
  else process.env.KNOWLEDGE_DIR = saved;
});

let root: string;
let cacheDir: string;
beforeEach(() => {
  root = libraryDir();
  cacheDir = join(dataDir(), 'index-cache');
  process.env.KNOWLEDGE_DIR = root;
});
afterEach(() => {
  delete process.env.KNOWLEDGE_DIR;
});

const cacheFiles = () => readdirSync(cacheDir).filter((n) => n.endsWith('.parts')).sort();
const BRIDGE_QUESTION = 'How much will the harbour bridge cost?';

describe('the passage cache on reloads', () => {
  it('an off-thread reload reads every unchanged pack from the cache the start wrote', async () => {
    const store = createKnowledgeStore({ cacheDir, offThread: true });
    await store.settled();
    expect(store.current().cache).toEqual({ hits: 0, misses: 3, rebuilt: 0 });
    const files = cacheFiles();
    expect(files).toHaveLength(3);
    const before = store.current().library.answer(BRIDGE_QUESTION);

    const result = await store.reload('test');
    expect(result.ok).toBe(true);
    expect(store.current().cache).toEqual({ hits: 3, misses: 0, rebuilt: 0 });
    expect(store.current().generation).toBe(2);
    expect(store.current().library.answer(BRIDGE_QUESTION)).toEqual(before);
    expect(cacheFiles()).toEqual(files);
  });

  it('an edited pack is rebuilt on the worker, and its old file is removed once the reload succeeds', async () => {
    const store = createKnowledgeStore({ cacheDir, offThread: true });
    await store.settled();
    const before = cacheFiles();
    appendFileSync(join(root, HARBOUR, 'article.txt'), '\nThe mayor said the bridge would carry 40,000 cyclists a week.\n');

    expect((await store.reload('test')).ok).toBe(true);
    expect(store.current().cache).toEqual({ hits: 2, misses: 1, rebuilt: 0 });
    const after = cacheFiles();
    expect(after).toHaveLength(3);
    expect(after.filter((f) => !before.includes(f))).toHaveLength(1);
    expect(store.current().library.answer('How many cyclists will the bridge carry?').answer?.text).toContain('40,000 cyclists');
  });

  it('a corrupt file is rebuilt by the worker and written again, never served', async () => {
    const store = createKnowledgeStore({ cacheDir, offThread: true });
    await store.settled();
    const expected = store.current().library.answer(BRIDGE_QUESTION);
    for (const name of cacheFiles()) {
      const file = join(cacheDir, name);
      const bytes = readFileSync(file);
      bytes.write('Tampered', bytes.indexOf('"text":"') + 8); // the first passage's text, checksum unchanged
      writeFileSync(file, bytes);
    }
    expect((await store.reload('test')).ok).toBe(true);
    expect(store.current().cache).toEqual({ hits: 0, misses: 0, rebuilt: 3 });
    expect(store.current().library.answer(BRIDGE_QUESTION)).toEqual(expected);
    expect((await store.reload('again')).ok).toBe(true);
    expect(store.current().cache).toEqual({ hits: 3, misses: 0, rebuilt: 0 });
  });

  it('a start serves at once: the packs the cache lacks are built on the worker, and one asked meanwhile is built here', async () => {
    const store = createKnowledgeStore({ cacheDir, offThread: true, warm: () => {} });
    const { library } = store.current();
    const engines = library.articles.map((a) => library.engine(a.slug) as LazyEngine);
    expect(engines.map((e) => e.pending)).toEqual([true, true, true]);
    expect(existsSync(cacheDir)).toBe(false);
    // Asked before the worker has run: built here, and the same answer as a fresh build's.
    const harbour = library.articles.find((a) => a.slug === HARBOUR)!.slug;
    const fresh = createLibrary(loadLibraryDir(root).packs);
    expect(library.answer(BRIDGE_QUESTION, { article: harbour })).toEqual(fresh.answer(BRIDGE_QUESTION, { article: harbour }));
    await store.settled();
    expect(cacheFiles()).toHaveLength(3);
    // The others were summarised from the files the worker wrote, not loaded.
    expect(engines.map((e) => [e.pending, e.loaded])).toEqual(engines.map((e) => [false, e.pack.meta.slug === harbour]));
    expect(library.answer(BRIDGE_QUESTION)).toEqual(fresh.answer(BRIDGE_QUESTION));
    expect(library.suggest('')).toEqual(fresh.suggest(''));
    expect(store.current().counts.passages).toBe(fresh.articles.reduce((n, a) => n + fresh.engine(a.slug)!.passageCount(), 0));
    const restart = createKnowledgeStore({ cacheDir, offThread: true, warm: () => {} });
    expect(restart.current().cache).toEqual({ hits: 3, misses: 0, rebuilt: 0 });
    await restart.settled();
  });

  it('a refused reload prunes nothing', async () => {
    const store = createKnowledgeStore({ cacheDir, offThread: true });
    await store.settled();
    const files = cacheFiles();
    writeFileSync(join(root, HARBOUR, 'facts.json'), '[{"id": "broken"'); // a pack being served no longer loads
    const result = await store.reload('test');
    expect(result.ok).toBe(false);
    expect(cacheFiles()).toEqual(files);
    expect(store.current().generation).toBe(1);
  });
});

describe('prune', () => {
  it('keeps the files named, removes the other cache files and only stale temporary ones', () => {
    cacheDir = join(dataDir(), 'index-cache');
    const store = createKnowledgeStore({ cacheDir, offThread: false });
    const served = cacheFiles();
    expect(served).toHaveLength(3);
    const old = join(cacheDir, `${'0'.repeat(32)}.json`); // the format before this one
    const deadTmp = join(cacheDir, `${'1'.repeat(32)}.json.999.tmp`);
    const liveTmp = join(cacheDir, `${'2'.repeat(32)}.json.998.tmp`);
    for (const f of [old, deadTmp, liveTmp]) writeFileSync(f, '{}');
    const longAgo = new Date(Date.now() - TMP_STALE_MS - 60_000);
    utimesSync(deadTmp, longAgo, longAgo);
    writeFileSync(join(cacheDir, 'README'), 'not a cache file');

    const cache = openPassageCache(cacheDir);
    expect(cache.prune(served.map((n) => join(cacheDir, n)))).toBe(2);
    expect(readdirSync(cacheDir).sort()).toEqual([...served, `${'2'.repeat(32)}.json.998.tmp`, 'README'].sort());
    expect(store.current().cache).toEqual({ hits: 0, misses: 3, rebuilt: 0 });
    expect(openPassageCache(join(cacheDir, 'missing')).prune([])).toBe(0);
  });

  it('a start removes the files of packs the library no longer holds', () => {
    createKnowledgeStore({ cacheDir, offThread: false });
    const stray = join(cacheDir, `${'3'.repeat(32)}.parts`);
    writeFileSync(stray, '{}');
    const restart = createKnowledgeStore({ cacheDir, offThread: false });
    expect(restart.current().cache).toEqual({ hits: 3, misses: 0, rebuilt: 0 });
    expect(cacheFiles()).toHaveLength(3);
    expect(cacheFiles()).not.toContain(`${'3'.repeat(32)}.parts`);
  });
});
