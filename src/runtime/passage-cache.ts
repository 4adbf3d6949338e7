// An on-disk cache of each pack's passages (issue 14): making them (sentences, who said each one,
// entity mentions, references back) is most of an engine's build, and a restart or a reload of an
// unchanged pack would make the very same ones again. One file per pack under DATA_DIR/index-cache,
// named by a hash of the pack's content and of the engine code that makes passages, so:
// - an edited pack, or a changed engine, has another key and is rebuilt; once a load has succeeded,
//   `prune` removes the files of every pack it did not serve, so the folder holds the library being
//   served, not every version of it there ever was;
// - a file that does not parse, has another key inside, or whose records do not match the checksum
//   written with them, is rebuilt and written again, never served.
// Anything the cache cannot read or write costs only the time of a build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildPassages, type PassageRecord } from '../engine/index.ts';
import type { KnowledgePack } from '../knowledge/schema.ts';
import { REPO_ROOT } from '../repo-root.ts';

/** The folder under DATA_DIR. */
export const CACHE_FOLDER = 'index-cache';
const FORMAT = 'passages-1';

export interface PassageCacheStats {
  /** Packs whose passages came from the cache. */
  hits: number;
  /** Packs built because no file had their key. */
  misses: number;
  /** Packs built because their file was unreadable or corrupt (then written again). */
  rebuilt: number;
}

export interface PassageCache {
  /** The pack's passages, from the cache when it holds them, else built (and kept for next time). */
  passagesOf(pack: KnowledgePack): PassageRecord[];
  readonly stats: Readonly<PassageCacheStats>;
  /** The file that holds (or would hold) a pack's passages. */
  fileOf(pack: KnowledgePack): string;
  /**
   * Removes every cache file but `keep` (the files of the packs being served), and the temporary file
   * of a write that died more than TMP_STALE_MS ago; returns how many it removed. Another process
   * serving other packs from the same folder loses only its next start's reuse of them, never an answer.
   */
  prune(keep: Iterable<string>): number;
}

/** A temporary file this old belongs to a write that will never finish (a crashed process). */
export const TMP_STALE_MS = 10 * 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let codeHash: string | undefined;
/**
 * A hash of the code that makes passages: every source file of src/engine/ and src/knowledge/ (the
 * built dist/ is made from them, and never runs stale), and the stemmer's version. Undefined when the
 * sources are not there, which turns the cache off rather than trust an unknown version.
 */
export function engineCodeHash(root = REPO_ROOT): string | undefined {
  if (codeHash !== undefined && root === REPO_ROOT) return codeHash;
  const hash = createHash('sha256');
  for (const folder of ['src/engine', 'src/knowledge']) {
    const dir = join(root, folder);
    if (!existsSync(dir)) return undefined;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) hash.update(`${folder}/${name}\0`).update(readFileSync(join(dir, name))).update('\0');
  }
  const stemmer = join(root, 'node_modules/stemmer/package.json');
  if (existsSync(stemmer)) hash.update(readFileSync(stemmer));
  const out = hash.digest('hex');
  if (root === REPO_ROOT) codeHash = out;
  return out;
}

/** A record as stored: its Set as a list, and no tokens (the index makes them again, cheaply). */
type StoredRecord = Omit<PassageRecord, 'speakerStems' | 'tokens'> & { speakerStems: string[] };

interface CacheFile {
  format: string;
  key: string;
  /** sha256 of JSON.stringify(records). */
  sum: string;
  records: StoredRecord[];
}

const KINDS = new Set(['headline', 'body', 'credits']);
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

function validRecord(r: StoredRecord, id: number): boolean {
  return (
    typeof r === 'object' && r !== null && r.id === id && Number.isInteger(r.paragraph) && typeof r.paragraphLabel === 'string' && KINDS.has(r.kind) &&
    typeof r.text === 'string' && typeof r.speaker === 'string' && (r.role === undefined || typeof r.role === 'string') && typeof r.how === 'string' &&
    isStrings(r.speakerStems) && isStrings(r.entities) && typeof r.expansion === 'string'
  );
}

/** The records of a cache file when it is whole and for this key; else undefined. */
function read(file: string, key: string): StoredRecord[] | undefined {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
  if (parsed.format !== FORMAT || parsed.key !== key || !Array.isArray(parsed.records)) return undefined;
  if (sha256(JSON.stringify(parsed.records)) !== parsed.sum) return undefined;
  return parsed.records.every(validRecord) ? parsed.records : undefined;
}

function revive(records: StoredRecord[]): PassageRecord[] {
  const stems = new Map<string, Set<string>>();
  return records.map((r) => {
    const key = r.speakerStems.join(' ');
    let set = stems.get(key);
    if (!set) stems.set(key, (set = new Set(r.speakerStems)));
    return { ...r, speakerStems: set };
  });
}

function store(records: PassageRecord[]): StoredRecord[] {
  return records.map(({ tokens: _tokens, speakerStems, ...r }) => ({ ...r, speakerStems: [...speakerStems] }));
}

/**
 * A cache in `dir` (created when first written). `code` is the engine code's hash (engineCodeHash by
 * default); with none, every pack is built and nothing is kept.
 */
export function openPassageCache(dir: string, options: { code?: string | undefined; onError?: (message: string) => void } = {}): PassageCache {
  const code = 'code' in options ? options.code : engineCodeHash();
  const stats: PassageCacheStats = { hits: 0, misses: 0, rebuilt: 0 };
  // A pack is hashed once per cache (passagesOf and then fileOf ask for the same key).
  const keys = new WeakMap<KnowledgePack, string>();
  const keyOf = (pack: KnowledgePack) => {
    let key = keys.get(pack);
    if (key === undefined) keys.set(pack, (key = sha256(`${FORMAT}\0${code}\0${JSON.stringify({ ...pack, source: undefined })}`)));
    return key;
  };
  const fileFor = (key: string) => join(dir, `${key.slice(0, 32)}.json`);
  const fileOf = (pack: KnowledgePack) => fileFor(keyOf(pack));
  let warned = false;
  const warn = (message: string) => {
    if (!warned) options.onError?.(message);
    warned = true;
  };

  return {
    stats,
    fileOf,
    prune(keep) {
      const kept = new Set([...keep].map((file) => basename(file)));
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return 0; // no folder yet: nothing to prune
      }
      let removed = 0;
      for (const name of names) {
        const file = join(dir, name);
        const stale = name.endsWith('.tmp') ? Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > TMP_STALE_MS : name.endsWith('.json') && !kept.has(name);
        if (!stale) continue;
        try {
          rmSync(file, { force: true });
          removed++;
        } catch (err) {
          warn(`index cache ${dir}: ${name} not removed (${err instanceof Error ? err.message : String(err)})`);
        }
      }
      return removed;
    },
    passagesOf(pack) {
      if (code === undefined) return buildPassages(pack);
      const key = keyOf(pack);
      const file = fileFor(key);
      if (existsSync(file)) {
        try {
          const records = read(file, key);
          if (records) {
            stats.hits++;
            return revive(records);
          }
        } catch {
          // unreadable or not JSON: rebuilt below, like a corrupt one
        }
        stats.rebuilt++;
      } else stats.misses++;
      const records = buildPassages(pack);
      try {
        const stored = store(records);
        const body: CacheFile = { format: FORMAT, key, sum: sha256(JSON.stringify(stored)), records: stored };
        mkdirSync(dir, { recursive: true });
        // Written whole or not at all: another process never reads half a file.
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(body));
        renameSync(tmp, file);
      } catch (err) {
        warn(`index cache ${dir} not written (${err instanceof Error ? err.message : String(err)}); packs are built at every start`);
      }
      return records;
    },
  };
}
