// The knowledge a process serves, behind one swappable reference. A reload loads and validates the
// new pack completely and builds (and warms) its engine before anything changes; only then is the
// single `current` reference replaced. An interaction reads `current()` once when it starts and keeps
// that snapshot to the end, so a reload never changes the index under a request in flight, and a pack
// that fails validation leaves the old snapshot serving.
import type { Engine } from '../engine/types.ts';
import { createEngine } from '../engine/index.ts';
import type { Logger } from '../log.ts';
import { loadDefaultPack } from './loader.ts';
import type { KnowledgePack } from './schema.ts';

export interface KnowledgeCounts {
  /** Sentence-sized passages the engine ranks. */
  passages: number;
  /** Body paragraphs of the article. */
  paragraphs: number;
  entities: number;
  quotes: number;
  facts: number;
}

/** What one load produced. Immutable: a reload makes a new snapshot, it never edits this one. */
export interface KnowledgeSnapshot {
  readonly engine: Engine;
  readonly loadedAt: Date;
  /** Load + validate + build + warm-up, in ms. */
  readonly loadMs: number;
  /** Where the knowledge came from (the pack directory or article file). */
  readonly source: string;
  readonly counts: Readonly<KnowledgeCounts>;
  /** 1 for the knowledge loaded at start, +1 per successful reload. */
  readonly generation: number;
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
   * Loads, validates and builds the knowledge again, then swaps it in. Synchronous, so two reloads
   * never interleave. `origin` says who asked ("/kb reload", "SIGHUP"), for listeners and logs.
   */
  reload(origin?: string): ReloadResult;
  /** False for a store around a fixed engine (tests, benchmarks): reload always fails. */
  readonly reloadable: boolean;
  /** Called after every reload attempt, success or not. Returns an unsubscribe function. */
  onReload(listener: ReloadListener): () => void;
}

export interface KnowledgeStoreOptions {
  /** Loads and validates the pack; throws (KnowledgeError) on any problem. Default: loadDefaultPack. */
  load?: () => KnowledgePack;
  /** Builds the engine for a validated pack. Default: createEngine. */
  build?: (pack: KnowledgePack) => Engine;
  /** Pays for lazy tables and JIT before the swap, so the first question after a reload is not slow. */
  warm?: (engine: Engine) => void;
  /** Serve this engine first instead of loading (the first reload then uses `load`). */
  initial?: Engine;
}

function defaultWarm(engine: Engine): void {
  engine.answer('Who met whom, and what did they say?');
  engine.answer('What is the capital of France?');
  engine.suggest('who', 25);
  engine.suggest('', 25);
}

function countPassages(engine: Engine): number {
  let n = 0;
  while (engine.passage(n) !== undefined) n++;
  return n;
}

function snapshotOf(engine: Engine, loadMs: number, generation: number): KnowledgeSnapshot {
  const { pack } = engine;
  return Object.freeze({
    engine,
    loadedAt: new Date(),
    loadMs,
    source: pack.source,
    counts: Object.freeze({
      passages: countPassages(engine),
      paragraphs: pack.paragraphs.filter((p) => p.kind === 'body').length,
      entities: pack.entities.length,
      quotes: pack.quotes.length,
      facts: pack.facts.length,
    }),
    generation,
  });
}

/** The message to show for a failed load: a KnowledgeError already names file, path and problem. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/** Loads the knowledge now (throws KnowledgeError when it is invalid) and serves it until a reload. */
export function createKnowledgeStore(options: KnowledgeStoreOptions = {}): KnowledgeStore {
  const load = options.load ?? loadDefaultPack;
  const build = options.build ?? createEngine;
  const warm = options.warm ?? defaultWarm;
  const listeners = new Set<ReloadListener>();

  const fresh = (generation: number): KnowledgeSnapshot => {
    const t0 = performance.now();
    const engine = build(load());
    warm(engine);
    return snapshotOf(engine, performance.now() - t0, generation);
  };

  let current: KnowledgeSnapshot = options.initial ? snapshotOf(options.initial, 0, 1) : fresh(1);

  return {
    current: () => current,
    reloadable: true,
    reload(origin = 'reload') {
      const t0 = performance.now();
      const previous = current;
      let result: ReloadResult;
      try {
        const next = fresh(previous.generation + 1);
        current = next; // the swap: one reference, after everything above succeeded
        result = { ok: true, snapshot: next, previous };
      } catch (error) {
        result = { ok: false, error, message: errorMessage(error), snapshot: previous, ms: performance.now() - t0 };
      }
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

/** A store that always serves `engine` (tests, benchmarks, the CLI): nothing to reload from. */
export function fixedKnowledge(engine: Engine): KnowledgeStore {
  const snapshot = snapshotOf(engine, 0, 1);
  return {
    current: () => snapshot,
    reloadable: false,
    reload: () => ({ ok: false, error: undefined, message: 'This process serves a fixed engine; there is no knowledge to reload.', snapshot, ms: 0 }),
    onReload: () => () => undefined,
  };
}

/** One log line per reload attempt, for operators (SIGHUP) and moderators (/kb reload) alike. */
export function describeReload(result: ReloadResult, origin: string): string {
  if (result.ok) {
    const { snapshot: s, previous: p } = result;
    const c = s.counts;
    return (
      `Knowledge reloaded (${origin}): ${c.passages} passages, ${c.entities} entities, ${c.quotes} quotes from ${s.source} ` +
      `in ${s.loadMs.toFixed(0)} ms; generation ${p.generation} → ${s.generation}`
    );
  }
  return `Knowledge reload failed (${origin}); still serving generation ${result.snapshot.generation} from ${result.snapshot.source}: ${result.message}`;
}

/** Reloads and logs the outcome (info on success, error with the loader's message otherwise). */
export function reloadAndLog(store: KnowledgeStore, log: Logger, origin: string): ReloadResult {
  const result = store.reload(origin);
  if (result.ok) log.info(describeReload(result, origin));
  else log.error(describeReload(result, origin));
  return result;
}

/**
 * SIGHUP (or `signal`) reloads the knowledge, as `systemctl reload` / `kill -HUP` expect. Installing
 * a listener also stops the signal's default action (terminating the process). Returns a remover.
 */
export function reloadOnSignal(store: KnowledgeStore, log: Logger, signal: NodeJS.Signals = 'SIGHUP'): () => void {
  const onSignal = () => {
    reloadAndLog(store, log, signal);
  };
  process.on(signal, onSignal);
  return () => process.off(signal, onSignal);
}
