// A library load and index build on a worker thread (reload-worker.ts), adopted by the main thread a
// slice at a time (library-transfer.ts), so a reload of a large library never holds up interactions:
// the main thread's part is deserialising and wrapping, in turns of a few ms.
import { Worker } from 'node:worker_threads';
import { engineFromParts, type Engine, type EngineParts } from '../engine/index.ts';
import { KnowledgeError, type KnowledgeProblem } from '../knowledge/loader.ts';
import { workerScript } from '../repo-root.ts';
import { adopt, pacer, type Packed } from './library-transfer.ts';
import type { SkippedPack } from './load-library.ts';
import type { PassageCacheStats } from './passage-cache.ts';

/** The worker's code, by its source path (scripts/build.mjs builds it as an entry). */
export const RELOAD_WORKER = 'src/runtime/reload-worker.ts';

/** What the main thread asks of the worker: one load, with this environment (and this passage cache folder). */
export interface WorkerJob {
  env: Record<string, string | undefined>;
  cacheDir?: string;
  /** Only build the packs the cache folder lacks and write them there; send no parts back. */
  cacheOnly?: boolean;
}

/** How the worker's load used the passage cache: its counts, the files of the packs loaded, what it could not write. */
export interface WorkerCacheUse {
  stats: PassageCacheStats;
  files: string[];
  warnings: string[];
}

/** A cache-only job's word after each pack it has written, before its reply: the pack's slug. */
export interface WorkerProgress {
  built: string;
}

export type WorkerReply =
  | { ok: true; root: string; single: boolean; skipped: SkippedPack[]; packs: Packed[]; buildMs: number; cache?: WorkerCacheUse }
  | { ok: false; message: string; problems?: KnowledgeProblem[] };

export interface BuiltOffThread {
  root: string;
  single: boolean;
  skipped: SkippedPack[];
  /** With a cache folder: how the load used it. */
  cache?: WorkerCacheUse;
  /** The engines, adopted on this thread in short turns (the caller can check `skipped` first). */
  adoptEngines(): Promise<Engine[]>;
}

/** A worker kept after a reload is ended once it has been idle this long (its modules and tables use memory). */
export const IDLE_WORKER_MS = 60_000;

let idle: { worker: Worker; timer: NodeJS.Timeout } | undefined;

/** The idle worker (modules loaded, lazy tables filled: a second reload skips that), or a new one. */
function takeWorker(): Worker {
  if (idle) {
    const { worker, timer } = idle;
    idle = undefined;
    clearTimeout(timer);
    worker.ref();
    return worker;
  }
  const { script, eval: isCode } = workerScript(RELOAD_WORKER);
  return new Worker(script, { eval: isCode });
}

function putBack(worker: Worker): void {
  worker.unref(); // an idle worker never keeps the process alive
  if (idle) {
    void worker.terminate();
    return;
  }
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = undefined;
    void worker.terminate();
  }, IDLE_WORKER_MS);
  timer.unref();
  idle = { worker, timer };
}

/**
 * One load on a worker: its reply, or an Error when it crashed or exited without one. A cache-only job
 * (a start's packs built in the background) never keeps the process alive, and its worker is ended
 * after it: no reload may follow for hours, and an idle worker's heap is memory the process holds.
 */
function runWorker(cacheDir: string | undefined, cacheOnly = false, onBuilt?: (slug: string) => void): Promise<WorkerReply> {
  const worker = takeWorker();
  if (cacheOnly) worker.unref();
  return new Promise((resolve, reject) => {
    const done = (f: () => void, keep: boolean) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep && cacheOnly) {
        // Settled once the worker is gone: its heap is not the process's any more.
        void worker.terminate().then(f, f);
        return;
      }
      if (keep) putBack(worker);
      f();
    };
    const onMessage = (reply: WorkerReply | WorkerProgress) => {
      if ('built' in reply) onBuilt?.(reply.built);
      else done(() => resolve(reply), true);
    };
    const onError = (err: Error) => done(() => reject(err), false);
    const onExit = (code: number) => done(() => reject(new Error(`the reload worker exited (code ${code}) before it sent the knowledge`)), false);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    // The environment as it is now ($KNOWLEDGE_DIR may have changed since the worker started).
    worker.postMessage({ env: { ...process.env }, ...(cacheDir === undefined ? {} : { cacheDir }), ...(cacheOnly ? { cacheOnly } : {}) } satisfies WorkerJob);
  });
}

/**
 * Builds every pack of $KNOWLEDGE_DIR (or knowledge/) that `cacheDir` lacks on a worker thread and writes
 * it there, while a start warms up and then serves (knowledge-store.ts); `onBuilt` hears each pack's
 * slug once its file is written. Resolves with how the worker used the cache; rejects when the worker failed.
 */
export async function buildCacheOffThread(cacheDir: string, onBuilt?: (slug: string) => void): Promise<WorkerCacheUse | undefined> {
  const reply = await runWorker(cacheDir, true, onBuilt);
  if (!reply.ok) throw new Error(reply.message);
  return reply.cache;
}

/**
 * Loads $KNOWLEDGE_DIR (or knowledge/) and builds its indexes on a worker thread, reusing the passages
 * of unchanged packs from `cacheDir` when given. Throws what the loader threw (a KnowledgeError with
 * its problems) when no pack loads. The engines are adopted only when asked, so a caller can check
 * `skipped` first.
 */
export async function loadLibraryOffThread(options: { cacheDir?: string | undefined } = {}): Promise<BuiltOffThread> {
  const reply = await runWorker(options.cacheDir);
  if (!reply.ok) throw reply.problems ? Object.assign(new KnowledgeError(reply.problems), { message: reply.message }) : new Error(reply.message);
  return {
    root: reply.root,
    single: reply.single,
    skipped: reply.skipped,
    ...(reply.cache ? { cache: reply.cache } : {}),
    async adoptEngines() {
      const pace = pacer();
      const engines: Engine[] = [];
      for (const packed of reply.packs) {
        engines.push(engineFromParts(await adopt<EngineParts>(packed, pace)));
        await pace.yield();
      }
      return engines;
    },
  };
}
