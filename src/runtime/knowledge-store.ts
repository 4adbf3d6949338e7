// The knowledge a process serves, behind one swappable reference. A reload loads and validates the
// whole library of packs again and builds (and warms) every engine before anything changes; only then
// is the single `current` reference replaced. The load and build run on a worker thread
// (load-off-thread.ts) and the main thread adopts the result in turns of a few ms, so interactions
// keep being answered while a reload runs. One reload runs at a time: requests made while one runs
// are coalesced into a single next reload, which starts when it ends and reads the files afresh, so
// the last request always sees the files as they were when it was made (the later one wins). An interaction reads `current()` once when it starts and keeps
// that snapshot to the end, so a reload never changes the index under a request in flight, and a pack
// that fails validation leaves the old snapshot serving. At start an invalid pack of a library is
// skipped (and listed in the snapshot); on a reload, a pack that is being served and no longer
// validates fails the whole reload, so a curator's typo never takes an article offline.
import { createLibrary, isPending, libraryOfEngines, type Engine, type LazyEngine, type Library } from '../engine/index.ts';
import type { Logger } from '../log.ts';
import { loadLibraryFromEnv, singleEngineLibrary, type LibraryLoad, type SkippedPack } from './load-library.ts';
import { openPassageCache, type PassageCacheStats } from './passage-cache.ts';
import { KnowledgeError } from '../knowledge/loader.ts';
import { pacer } from './library-transfer.ts';
import { buildCacheOffThread, loadLibraryOffThread } from './load-off-thread.ts';
import type { KnowledgePack } from '../knowledge/schema.ts';

export interface KnowledgeCounts {
  /** Articles in the library. The other counts are summed over them. */
  articles: number;
  /** Sentence-sized passages the engine ranks, in the articles not still loading. */
  passages: number;
  /** Articles still being built in the background at start (library.loading()): not searched yet. */
  loading: number;
  /** Body paragraphs of the article. */
  paragraphs: number;
  entities: number;
  quotes: number;
  facts: number;
}

/** What one load produced. Immutable: a reload makes a new snapshot, it never edits this one. */
export interface KnowledgeSnapshot {
  /** Every article loaded; answers across articles, or one by slug (`library.engine(slug)`). */
  readonly library: Library;
  /** The default article's engine (the library's first article), for call sites that mean one article. */
  readonly engine: Engine;
  /** Pack folders that did not load and why (start: skipped; they are listed in /kb stats). */
  readonly skipped: readonly SkippedPack[];
  readonly loadedAt: Date;
  /** Load + validate + build + warm-up, in ms. */
  readonly loadMs: number;
  /** Where the knowledge came from (the library folder, the pack folder or article file). */
  readonly source: string;
  readonly counts: Readonly<KnowledgeCounts>;
  /** 1 for the knowledge loaded at start, +1 per successful reload. */
  readonly generation: number;
  /** With a cache folder (cacheDir): how many packs this load read from it, built, or rebuilt. */
  readonly cache?: Readonly<PassageCacheStats>;
}

export type ReloadResult =
  | { ok: true; snapshot: KnowledgeSnapshot; previous: KnowledgeSnapshot }
  | {
      ok: false;
      /** The loader's KnowledgeError (file, path, problem) or whatever else failed. */
      error: unknown;
      /** One readable message: the KnowledgeError's text, or the error's message. */
      message: string;
      /** The snapshot still being served (unchanged). */
      snapshot: KnowledgeSnapshot;
      ms: number;
    };

export type ReloadListener = (result: ReloadResult, origin: string) => void;

export interface KnowledgeStore {
  /** The snapshot to use for one whole request: read it once, at the start. */
  current(): KnowledgeSnapshot;
  /**
   * Loads, validates and builds the knowledge again, then swaps it in. One runs at a time; a request
   * made while one runs joins the next one (coalesced), which reads the files after the request.
   * `origin` says who asked ("/kb reload", "SIGHUP"), for listeners and logs: listeners hear once per
   * request, each with its own origin and the shared result.
   */
  reload(origin?: string): Promise<ReloadResult>;
  /** False for a store around a fixed engine (tests, benchmarks): reload always fails. */
  readonly reloadable: boolean;
  /**
   * Starts building, on a worker thread, the packs a start left pending (those the index cache did not
   * hold), unless already started; resolves once every one is built, written to the cache and
   * summarised (at once when there were none). Each joins the library as soon as it is written; until
   * then the library leaves it out (library.loading()), since anything asked of a pending engine would
   * build it on this thread. boot() starts it before warming up and goes online without awaiting it.
   */
  settled(): Promise<void>;
  /** Called after every reload attempt, success or not. Returns an unsubscribe function. */
  onReload(listener: ReloadListener): () => void;
}

export interface KnowledgeStoreOptions {
  /**
   * Loads and validates the library; throws (KnowledgeError) when no pack loads. Default:
   * loadLibraryFromEnv ($KNOWLEDGE_DIR, a library or one pack folder, else `knowledge/`).
   */
  loadLibrary?: () => LibraryLoad;
  /** One pack instead of a library (a library of one); throws on any problem. */
  load?: () => KnowledgePack;
  /** Pays for lazy tables and JIT before the swap, so the first question after a reload is not slow. */
  warm?: (library: Library) => void;
  /** Serve this engine or library first instead of loading (the first reload then loads). */
  initial?: Engine | Library;
  /**
   * Keep each pack's built parts in this folder (DATA_DIR/index-cache), so a start or reload, on this
   * thread or the worker, builds only the packs that changed (runtime/passage-cache.ts); after each
   * successful load the files of packs no longer served are removed. Without it every pack is built every time.
   */
  cacheDir?: string;
  /** Told once when the cache cannot be written, and when the packs built in the background are in. */
  log?: Pick<Logger, 'warn' | 'info'>;
  /**
   * Reload on a worker thread (the default for loadLibraryFromEnv, the only loader a worker can run:
   * a function cannot be sent to one). With `loadLibrary` or `load` given, or with
   * KNOWLEDGE_RELOAD_THREAD=main (the old way, kept for comparison), reloads build on this thread.
   */
  offThread?: boolean;
}

function warmEngine(engine: Engine): void {
  engine.answer('Who said what, and when?');
  engine.suggest('who', 25);
  engine.suggest('', 25);
}

function warmLibrary(library: Library): void {
  library.answer('Who met whom, and what did they say?');
  library.answer('What is the capital of France?');
  library.suggest('who');
}

/** A lazy engine (engine/lazy-engine.ts) not yet asked for more than its summary gives. */
const unloaded = (engine: Engine) => 'loaded' in engine && engine.loaded === false;

/**
 * The library of the packs already loaded, for warming up: a warm-up question asked of the whole
 * library would load its most relevant packs (reading or building them), which a start leaves to the
 * first real question that needs them (issue 14). The whole library when none is loaded yet.
 */
export function loadedLibrary(library: Library): Library {
  const engines = library.articles.map((a) => library.engine(a.slug)!);
  const loaded = engines.filter((e) => !unloaded(e));
  return loaded.length === engines.length || loaded.length === 0 ? library : libraryOfEngines(loaded);
}

/**
 * The engine to warm the JIT and lazy tables on: the default article's when it is loaded (or none is
 * lazy); else the smallest pack, the cheapest to read, or to build here when every pack is pending.
 */
function warmTarget(library: Library): Engine | undefined {
  const engines = library.articles.map((a) => library.engine(a.slug)!);
  const first = engines[0];
  if (!first || !unloaded(first)) return first;
  const size = (e: Engine) => e.pack.paragraphs.reduce((n, p) => n + p.text.length, 0);
  const smallest = (list: Engine[]) => list.reduce((a, b) => (size(b) < size(a) ? b : a));
  const summarised = engines.filter((e) => !isPending(e));
  return smallest(summarised.length ? summarised : engines);
}

/**
 * One engine (warmTarget: the JIT and lazy tables are warmed on it), then the library of the loaded
 * packs, then every other engine that is loaded: a lazy one stays unloaded (issue 14: a start reads
 * only the summaries of cached packs), a pending one is left to the worker.
 */
function defaultWarm(library: Library): void {
  const target = warmTarget(library);
  if (target) warmEngine(target);
  warmLibrary(loadedLibrary(library));
  for (const { slug } of library.articles) {
    const engine = library.engine(slug)!;
    if (engine !== target && !unloaded(engine)) warmEngine(engine);
  }
}

function isLibrary(x: Engine | Library): x is Library {
  return !('pack' in x);
}

function snapshotOf(library: Library, skipped: readonly SkippedPack[], source: string | undefined, loadMs: number, generation: number, cache?: PassageCacheStats): KnowledgeSnapshot {
  const engines = library.articles.map((a) => library.engine(a.slug)!);
  const engine = engines[0];
  if (!engine) throw new KnowledgeError({ file: source ?? '', path: '', message: 'the library has no articles' });
  const sum = (f: (e: Engine) => number) => engines.reduce((n, e) => n + f(e), 0);
  let passages: number | undefined;
  return Object.freeze({
    library,
    engine,
    skipped: Object.freeze([...skipped]),
    loadedAt: new Date(),
    loadMs,
    source: source ?? engine.pack.source,
    counts: Object.freeze({
      articles: engines.length,
      // Counted when first read, over the packs not still being built (counting one would build it here);
      // kept once none is left.
      get passages() {
        if (passages !== undefined) return passages;
        const n = sum((e) => (isPending(e) ? 0 : e.passageCount()));
        if (library.loading().length === 0) passages = n;
        return n;
      },
      get loading() {
        return library.loading().length;
      },
      paragraphs: sum((e) => e.pack.paragraphs.filter((p) => p.kind === 'body').length),
      entities: sum((e) => e.pack.entities.length),
      quotes: sum((e) => e.pack.quotes.length),
      facts: sum((e) => e.pack.facts.length),
    }),
    generation,
    ...(cache ? { cache: Object.freeze({ ...cache }) } : {}),
  });
}

/**
 * A reload must not drop an article that is being served because its files now fail validation: it
 * fails instead (nothing changes), with the loader's problems. New or already-skipped invalid packs
 * are only skipped.
 */
function checkServedPacks(skipped: readonly SkippedPack[], previous: KnowledgeSnapshot | undefined): void {
  if (!previous) return;
  const served = new Set(previous.library.articles.map((a) => previous.library.engine(a.slug)?.pack.source));
  const broken = skipped.filter((s) => served.has(s.dir));
  if (broken.length === 0) return;
  const err = new KnowledgeError(broken.flatMap((s) => s.problems));
  err.message = `${broken.length === 1 ? 'An article being served' : `${broken.length} articles being served`} no longer load${broken.length === 1 ? 's' : ''}:\n${err.message}`;
  throw err;
}

/** The message to show for a failed load: a KnowledgeError already names file, path and problem. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/** Loads the knowledge now (throws KnowledgeError when it is invalid) and serves it until a reload. */
export function createKnowledgeStore(options: KnowledgeStoreOptions = {}): KnowledgeStore {
  const loadOne = options.load;
  const loadLibrary =
    options.loadLibrary ?? (loadOne ? (): LibraryLoad => ({ root: '', packs: [loadOne()], skipped: [], single: true }) : loadLibraryFromEnv);
  const warm = options.warm ?? defaultWarm;
  const listeners = new Set<ReloadListener>();
  const { cacheDir } = options;
  let cacheWarned = false;
  const cacheWarning = (message: string) => {
    if (!cacheWarned) options.log?.warn(message);
    cacheWarned = true;
  };
  /** A cache for one load, so its stats are that load's. */
  const openCache = () => (cacheDir === undefined ? undefined : openPassageCache(cacheDir, { onError: cacheWarning }));

  const offThread = options.offThread ?? (!options.loadLibrary && !loadOne && process.env.KNOWLEDGE_RELOAD_THREAD !== 'main');
  const sourceOf = (root: string, single: boolean) => (single ? undefined : root || undefined);

  /** At start, and for reloads with a custom loader: everything on this thread. */
  const fresh = (generation: number, previous?: KnowledgeSnapshot, later = false): KnowledgeSnapshot => {
    const t0 = performance.now();
    const loaded = loadLibrary();
    checkServedPacks(loaded.skipped, previous);
    const cache = openCache();
    const library = createLibrary(loaded.packs, cache ? { engineOf: (pack) => cache.engineOf(pack, { later }) } : {});
    warm(library);
    cache?.prune(loaded.packs.map(cache.fileOf));
    return snapshotOf(library, loaded.skipped, sourceOf(loaded.root, loaded.single), performance.now() - t0, generation, cache?.stats);
  };

  /** A reload's load and build on a worker thread; this thread adopts and warms in short turns. */
  const freshOffThread = async (generation: number, previous: KnowledgeSnapshot): Promise<KnowledgeSnapshot> => {
    const t0 = performance.now();
    const built = await loadLibraryOffThread({ cacheDir });
    for (const warning of built.cache?.warnings ?? []) cacheWarning(warning);
    checkServedPacks(built.skipped, previous); // before adopting anything: a refused reload costs this thread nothing
    const engines = await built.adoptEngines();
    const library = libraryOfEngines(engines);
    const pace = pacer();
    if (options.warm) warm(library);
    else {
      for (const engine of engines) {
        warmEngine(engine);
        await pace.yield();
      }
      warmLibrary(library);
    }
    if (built.cache) openCache()?.prune(built.cache.files);
    return snapshotOf(library, built.skipped, sourceOf(built.root, built.single), performance.now() - t0, generation, built.cache?.stats);
  };

  const initial = options.initial && (isLibrary(options.initial) ? options.initial : singleEngineLibrary(options.initial));
  // The start's packs that the cache lacks are built on a worker (the one loader it can run: the
  // environment's) while the start warms up and serves the others (issue 14, settled()).
  const background = offThread && cacheDir !== undefined && !initial;
  let current: KnowledgeSnapshot = initial ? snapshotOf(initial, [], undefined, 0, 1) : fresh(1, undefined, background);
  let settling: Promise<void> | undefined;
  const start = current;

  const reloadOnce = async (): Promise<ReloadResult> => {
    const t0 = performance.now();
    const previous = current;
    try {
      const next = offThread ? await freshOffThread(previous.generation + 1, previous) : fresh(previous.generation + 1, previous);
      current = next; // the swap: one reference, after everything above succeeded
      return { ok: true, snapshot: next, previous };
    } catch (error) {
      return { ok: false, error, message: errorMessage(error), snapshot: previous, ms: performance.now() - t0 };
    }
  };

  // One reload at a time; requests made while it runs wait for the next one, shared by all of them.
  let running: Promise<ReloadResult> | undefined;
  let next: Promise<ReloadResult> | undefined;
  const schedule = (): Promise<ReloadResult> => {
    if (next) return next;
    if (!running) {
      running = reloadOnce().finally(() => {
        running = undefined;
      });
      return running;
    }
    next = running.then(() => {
      next = undefined;
      return schedule();
    });
    return next;
  };

  return {
    current: () => current,
    reloadable: true,
    settled: () => (settling ??= background && cacheDir !== undefined ? settle(start, cacheDir, cacheWarning, options.log) : Promise.resolve()),
    async reload(origin = 'reload') {
      const result = await schedule();
      for (const l of listeners) {
        try {
          l(result, origin);
        } catch {
          // a listener's failure is not the reload's
        }
      }
      return result;
    },
    onReload(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Builds the snapshot's pending packs on a worker, which writes them to the cache, and hands each one
 * its summary from there as soon as the worker says it is written: until then the library leaves it
 * out (library.loading()). What the worker did not write (it failed, or the cache could not be
 * written) is built here, one pack per turn, so no article stays out for good. Never rejects.
 */
async function settle(snapshot: KnowledgeSnapshot, cacheDir: string, warn: (message: string) => void, log?: Pick<Logger, 'info'>): Promise<void> {
  const t0 = performance.now();
  const { library } = snapshot;
  const waiting = library.articles.map((a) => library.engine(a.slug)!).filter(isPending) as LazyEngine[];
  if (waiting.length === 0) return;
  const cache = openPassageCache(cacheDir);
  const provide = (engine: LazyEngine | undefined) => {
    const summary = engine?.pending ? cache.summaryOf(engine.pack) : undefined;
    if (summary) engine!.provide(summary);
  };
  const bySlug = new Map(waiting.map((e) => [e.pack.meta.slug, e]));
  try {
    const use = await buildCacheOffThread(cacheDir, (slug) => provide(bySlug.get(slug)));
    for (const warning of use?.warnings ?? []) warn(warning);
  } catch (err) {
    warn(`index cache ${cacheDir}: the packs it lacked were not built in the background (${errorMessage(err)}); they are built on the main thread, one at a time`);
  }
  for (const engine of waiting) provide(engine);
  const left = waiting.filter((e) => e.pending);
  for (const engine of left) {
    engine.passageCount(); // a pending engine asked for more than its pack builds itself
    await new Promise((resolve) => setImmediate(resolve));
  }
  log?.info(`Knowledge: ${waiting.length} pack${waiting.length === 1 ? '' : 's'} the index cache lacked built in the background in ${(performance.now() - t0).toFixed(0)} ms${left.length ? `; ${left.length} not written there, built on the main thread` : ''}`);
}

/** A store that always serves `engine` or `library` (tests, benchmarks, the CLI): nothing to reload from. */
export function fixedKnowledge(engineOrLibrary: Engine | Library): KnowledgeStore {
  const library = isLibrary(engineOrLibrary) ? engineOrLibrary : singleEngineLibrary(engineOrLibrary);
  const snapshot = snapshotOf(library, [], undefined, 0, 1);
  return {
    current: () => snapshot,
    reloadable: false,
    settled: () => Promise.resolve(),
    reload: async () => ({ ok: false, error: undefined, message: 'This process serves a fixed engine; there is no knowledge to reload.', snapshot, ms: 0 }),
    onReload: () => () => undefined,
  };
}

/** One log line per reload attempt, for operators (SIGHUP) and moderators (/kb reload) alike. */
export function describeReload(result: ReloadResult, origin: string): string {
  if (result.ok) {
    const { snapshot: s, previous: p } = result;
    const c = s.counts;
    const articles = c.articles === 1 ? '' : `${c.articles} articles, `;
    const skipped = s.skipped.length ? `; ${s.skipped.length} pack${s.skipped.length === 1 ? '' : 's'} skipped: ${describeSkipped(s.skipped)}` : '';
    return (
      `Knowledge reloaded (${origin}): ${articles}${c.passages} passages, ${c.entities} entities, ${c.quotes} quotes from ${s.source} ` +
      `in ${s.loadMs.toFixed(0)} ms; generation ${p.generation} → ${s.generation}${skipped}`
    );
  }
  return `Knowledge reload failed (${origin}); still serving generation ${result.snapshot.generation} from ${result.snapshot.source}: ${result.message}`;
}

/** The skipped packs in one line each, for logs. */
export function describeSkipped(skipped: readonly SkippedPack[]): string {
  return skipped.map((s) => `${s.dir}: ${s.message.replace(/\s*\n\s*/g, ' ')}`).join('; ');
}

/** Reloads and logs the outcome (info on success, error with the loader's message otherwise). */
export async function reloadAndLog(store: KnowledgeStore, log: Logger, origin: string): Promise<ReloadResult> {
  const result = await store.reload(origin);
  logReload(log, result, origin);
  return result;
}

/** info for a clean reload, warn when packs were skipped, error when it failed. */
export function logReload(log: Logger, result: ReloadResult, origin: string): void {
  if (!result.ok) log.error(describeReload(result, origin));
  else if (result.snapshot.skipped.length > 0) log.warn(describeReload(result, origin));
  else log.info(describeReload(result, origin));
}

/** At start: one warning per pack folder that was skipped, with the loader's message. */
export function logSkipped(log: Logger, snapshot: KnowledgeSnapshot): void {
  for (const s of snapshot.skipped) log.warn(`Knowledge pack skipped (the other articles serve): ${s.dir}: ${s.message}`);
  const n = snapshot.counts.articles;
  log.info(`Knowledge: ${n} article${n === 1 ? '' : 's'} from ${snapshot.source}${snapshot.skipped.length ? `, ${snapshot.skipped.length} skipped` : ''}`);
}

/**
 * SIGHUP (or `signal`) reloads the knowledge, as `systemctl reload` / `kill -HUP` expect. Installing
 * a listener also stops the signal's default action (terminating the process). Returns a remover.
 */
export function reloadOnSignal(store: KnowledgeStore, log: Logger, signal: NodeJS.Signals = 'SIGHUP'): () => void {
  const onSignal = () => {
    void reloadAndLog(store, log, signal);
  };
  process.on(signal, onSignal);
  return () => process.off(signal, onSignal);
}
