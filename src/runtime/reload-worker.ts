// The reload's worker thread (issue 12, defect 3): reads and validates the library with the same
// function the process used at start (loadLibraryFromEnv: $KNOWLEDGE_DIR or knowledge/), builds every
// article's index, and posts them cut into slices (library-transfer.ts) for the main thread to adopt
// a few at a time. One load per message; load-off-thread.ts keeps an idle worker for a while, so a
// second reload does not load the modules again. With a cache folder in the job, an unchanged pack's
// parts come from the on-disk cache (passage-cache.ts), as at start. Built as an entry by scripts/build.mjs.
import { parentPort } from 'node:worker_threads';
import { buildEngineParts, type EngineParts } from '../engine/index.ts';
import { KnowledgeError } from '../knowledge/loader.ts';
import { pack, transferList } from './library-transfer.ts';
import { loadLibraryFromEnv } from './load-library.ts';
import type { WorkerJob, WorkerProgress, WorkerReply } from './load-off-thread.ts';
import { openPassageCache } from './passage-cache.ts';

/** The worker's environment becomes the main thread's as sent (a worker's is a copy made at its start). */
function useEnv(env: WorkerJob['env']): void {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  for (const [key, value] of Object.entries(env)) if (value !== undefined) process.env[key] = value;
}

/** Typo repair's index is made on first use (engine/fuzzy.ts): made here, so the main thread never pauses for it. */
function withRepairIndex(parts: EngineParts): EngineParts {
  parts.vocabulary.deletionIndex();
  return parts;
}

function run(cacheDir: string | undefined, cacheOnly: boolean): { reply: WorkerReply; transfer: ArrayBuffer[] } {
  try {
    const t0 = performance.now();
    const load = loadLibraryFromEnv();
    const warnings: string[] = [];
    const cache = cacheDir === undefined ? undefined : openPassageCache(cacheDir, { onError: (m) => warnings.push(m) });
    if (cacheOnly && cache) {
      // A pack whose file is whole is left as it is; the others are built and written (partsOf), and
      // each is announced at once, so the main thread serves it without waiting for the rest.
      for (const p of load.packs) {
        if (cache.summaryOf(p)) continue;
        cache.partsOf(p);
        parentPort!.postMessage({ built: p.meta.slug } satisfies WorkerProgress);
      }
      const cached = { stats: { ...cache.stats }, files: load.packs.map(cache.fileOf), warnings };
      return { reply: { ok: true, root: load.root, single: load.single, skipped: load.skipped, packs: [], buildMs: performance.now() - t0, cache: cached }, transfer: [] };
    }
    const packs = load.packs.map((p) => pack(withRepairIndex(cache ? cache.partsOf(p) : buildEngineParts(p))));
    const cached = cache && { stats: { ...cache.stats }, files: load.packs.map(cache.fileOf), warnings };
    const reply: WorkerReply = { ok: true, root: load.root, single: load.single, skipped: load.skipped, packs, buildMs: performance.now() - t0, ...(cached ? { cache: cached } : {}) };
    return { reply, transfer: packs.flatMap(transferList) };
  } catch (err) {
    const problems = err instanceof KnowledgeError ? err.problems : undefined;
    const message = err instanceof Error ? err.message || err.name : String(err);
    return { reply: { ok: false, message, ...(problems ? { problems } : {}) }, transfer: [] };
  }
}

parentPort!.on('message', (job: WorkerJob) => {
  useEnv(job.env);
  const { reply, transfer } = run(job.cacheDir, job.cacheOnly === true);
  parentPort!.postMessage(reply, transfer);
});
