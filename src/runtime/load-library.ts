// Loads a library of knowledge packs: every folder of `knowledge/` (or of $KNOWLEDGE_DIR) that holds
// an article. One invalid pack is reported and skipped; the others serve. Only when none loads is it
// an error (a KnowledgeError listing every problem), so the bot never starts on no knowledge.
// $KNOWLEDGE_DIR may also point at a single pack folder (article.txt directly inside), as before.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLibrary, type Engine, type Library } from '../engine/index.ts';
import { KnowledgeError, knowledgeDirFromEnv, loadPack, type KnowledgeProblem } from '../knowledge/loader.ts';
import type { KnowledgePack } from '../knowledge/schema.ts';
import { REPO_ROOT } from '../repo-root.ts';

/** The repository's `knowledge/` folder: one sub-folder per article (`npm run ingest` writes them). */
export const DEFAULT_LIBRARY_DIR = join(REPO_ROOT, 'knowledge');

/** A pack folder that did not load, and why (the loader's message names file, path and problem). */
export interface SkippedPack {
  dir: string;
  message: string;
  problems: KnowledgeProblem[];
}

export interface LibraryLoad {
  /** The folder loaded: a library of packs, or one pack folder. */
  root: string;
  /** Valid packs, in folder-name order. */
  packs: KnowledgePack[];
  skipped: SkippedPack[];
  /** True when `root` is itself a pack folder (KNOWLEDGE_DIR=path/to/one-pack). */
  single: boolean;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A pack folder has its article directly inside. */
export function isPackDir(dir: string): boolean {
  return existsSync(join(dir, 'article.txt'));
}

function problemsOf(err: unknown, dir: string): KnowledgeProblem[] {
  if (err instanceof KnowledgeError) return err.problems;
  return [{ file: dir, path: '', message: err instanceof Error ? err.message : String(err) }];
}

/**
 * Loads every pack under `dir` (hidden folders such as ingest's staging folders are ignored), or the
 * one pack `dir` is. Throws a KnowledgeError when no pack loads.
 */
export function loadLibraryDir(dir: string): LibraryLoad {
  const root = resolve(dir);
  if (!isDirectory(root)) throw new KnowledgeError({ file: root, path: '', message: 'knowledge pack directory does not exist' });
  if (isPackDir(root)) return { root, packs: [loadPack(root)], skipped: [], single: true };

  const folders = readdirSync(root)
    .filter((name) => !name.startsWith('.') && isDirectory(join(root, name)))
    .sort();
  if (folders.length === 0) {
    throw new KnowledgeError({ file: root, path: '', message: 'no knowledge packs here: expected one folder per article, each with an article.txt (npm run ingest makes one)' });
  }
  const packs: KnowledgePack[] = [];
  const skipped: SkippedPack[] = [];
  const bySlug = new Map<string, string>();
  for (const name of folders) {
    const packDir = join(root, name);
    try {
      const pack = loadPack(packDir);
      const other = bySlug.get(pack.meta.slug);
      if (other) {
        throw new KnowledgeError({ file: join(packDir, 'meta.json'), path: 'slug', message: `slug "${pack.meta.slug}" is already used by ${other}; every article needs its own` });
      }
      bySlug.set(pack.meta.slug, packDir);
      packs.push(pack);
    } catch (err) {
      const problems = problemsOf(err, packDir);
      skipped.push({ dir: packDir, message: new KnowledgeError(problems).message, problems });
    }
  }
  if (packs.length === 0) {
    const err = new KnowledgeError(skipped.flatMap((s) => s.problems));
    err.message = `No knowledge pack in ${root} could be loaded (${skipped.length} skipped):\n${err.message}`;
    throw err;
  }
  return { root, packs, skipped, single: false };
}

/** $KNOWLEDGE_DIR (a library folder or one pack folder) when set, else the repository's `knowledge/`. */
export function loadLibraryFromEnv(): LibraryLoad {
  return loadLibraryDir(knowledgeDirFromEnv() ?? DEFAULT_LIBRARY_DIR);
}

/**
 * A Library around one engine that is already built (tests, benchmarks, a handler given `engine`):
 * the same contract as createLibrary([engine.pack]), without building a second engine.
 */
export function singleEngineLibrary(engine: Engine): Library {
  const meta = engine.pack.meta;
  const mine = (slug: string | undefined) => slug === undefined || slug === meta.slug;
  return {
    articles: [meta],
    engine: (slug) => (slug === meta.slug ? engine : undefined),
    findArticle(nameOrSlug) {
      const key = String(nameOrSlug ?? '').trim().toLowerCase();
      if (!key) return undefined;
      return meta.slug === key || meta.title.toLowerCase().includes(key) ? meta : undefined;
    },
    answer(question, options = {}) {
      if (!mine(options.article)) throw new Error(`No article "${options.article}" in the library`);
      return engine.answer(question, options);
    },
    suggest(partial, options = {}) {
      if (!mine(options.article)) return [];
      return engine.suggest(partial, options.limit ?? 25);
    },
    // One engine is built where it is served: a start with one pack to build builds it itself.
    loading: () => [],
  };
}

