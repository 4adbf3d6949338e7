// An on-disk cache of each pack's built engine parts (issue 14): its passages (sentences, who said
// each one, entity mentions, references back), term index and typo-repair vocabulary. Building them
// is all of an engine's start-up cost, and a restart or a reload of an unchanged pack would build the
// very same ones again; reading them back (engine/parts-file.ts) is several times faster. One file per
// pack under DATA_DIR/index-cache, named by a hash of the pack's content and of the engine code, so:
// - an edited pack, or a changed engine, has another key and is rebuilt; once a load has succeeded,
//   `prune` removes the files of every pack it did not serve, so the folder holds the library being
//   served, not every version of it there ever was;
// - a file that has another format or key inside, whose bytes do not match the sha256 written with
//   them, or that does not decode, is rebuilt and written again, never served.
// Anything the cache cannot read or write costs only the time of a build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { buildEngineParts, decodeParts, decodeSummary, encodeParts, encodeSummary, engineFromParts, lazyEngine, summaryOf, type Engine, type EngineParts, type PackSummary } from '../engine/index.ts';
import type { KnowledgePack } from '../knowledge/schema.ts';
import { REPO_ROOT } from '../repo-root.ts';

/** The folder under DATA_DIR. */
export const CACHE_FOLDER = 'index-cache';
const FORMAT = 'parts-2';
const EXTENSION = '.parts';
/** What earlier versions wrote: pruned like the files of packs no longer served. */
const OLD_EXTENSIONS = ['.json'];

export interface PassageCacheStats {
  /** Packs whose passages came from the cache. */
  hits: number;
  /** Packs built because no file had their key. */
  misses: number;
  /** Packs built because their file was unreadable or corrupt (then written again). */
  rebuilt: number;
}

export interface PassageCache {
  /** The pack's engine parts, from the cache when it holds them, else built (and kept for next time). */
  partsOf(pack: KnowledgePack): EngineParts;
  /**
   * The pack's engine. When the cache holds the pack, a lazy one (engine/lazy-engine.ts) over the
   * summary read now from the whole, checksummed file: the parts are read again on the first question
   * that needs them (and built, should the file be gone or damaged by then). Else built and kept, as partsOf;
   * or, with `later`, a pending lazy engine: the caller has the pack built elsewhere (a worker that writes
   * the file) and hands the engine its summary then, and anything asked of it before reads or builds it here.
   */
  engineOf(pack: KnowledgePack, options?: { later?: boolean }): Engine;
  /** A cached pack's summary, read again (a pack built on another thread since); undefined when the file is not there whole. Not counted in stats. */
  summaryOf(pack: KnowledgePack): PackSummary | undefined;
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
 * A hash of the code that builds engine parts: every source file of src/engine/ and src/knowledge/ (the
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

/** Bytes at the start of every cache file: this format, then the sha256 of the rest. */
const MAGIC = Buffer.from(`aqb ${FORMAT}\n`);
const SUM_BYTES = 32;

/**
 * A cache file's bytes: MAGIC, the sha256 of what follows, the key's length (uint32 LE), the key, the
 * encoded summary's length (uint32 LE), the summary, the encoded parts (exported so tests can forge a
 * file whose checksum holds but whose summary or parts do not decode).
 */
export function fileBytes(key: string, summary: Buffer, parts: Buffer): Buffer {
  const keyBytes = Buffer.from(key);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(keyBytes.length);
  const summaryLength = Buffer.alloc(4);
  summaryLength.writeUInt32LE(summary.length);
  const sum = createHash('sha256').update(length).update(keyBytes).update(summaryLength).update(summary).update(parts).digest();
  return Buffer.concat([MAGIC, sum, length, keyBytes, summaryLength, summary, parts]);
}

/** A cache file's summary and parts bytes when it is whole and for this key; else undefined. */
function read(file: string, key: string): { summary: Buffer; parts: Buffer } | undefined {
  const bytes = readFileSync(file);
  const body = MAGIC.length + SUM_BYTES;
  if (bytes.length < body + 8 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const sum = createHash('sha256').update(bytes.subarray(body)).digest();
  if (!sum.equals(bytes.subarray(MAGIC.length, body))) return undefined;
  const keyLength = bytes.readUInt32LE(body);
  const keyEnd = body + 4 + keyLength;
  if (keyEnd + 4 > bytes.length || bytes.toString('utf8', body + 4, keyEnd) !== key) return undefined;
  const summaryEnd = keyEnd + 4 + bytes.readUInt32LE(keyEnd);
  if (summaryEnd > bytes.length) return undefined;
  return { summary: bytes.subarray(keyEnd + 4, summaryEnd), parts: bytes.subarray(summaryEnd) };
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
  const fileFor = (key: string) => join(dir, `${key.slice(0, 32)}${EXTENSION}`);
  const fileOf = (pack: KnowledgePack) => fileFor(keyOf(pack));
  let warned = false;
  const warn = (message: string) => {
    if (!warned) options.onError?.(message);
    warned = true;
  };

  /** What `decode` makes of the pack's file when it is whole and for this pack (a hit); else undefined, counted as a miss or a rebuild. */
  const lookUp = <T>(pack: KnowledgePack, decode: (bytes: { summary: Buffer; parts: Buffer }) => T): T | undefined => {
    const file = fileOf(pack);
    if (!existsSync(file)) {
      stats.misses++;
      return undefined;
    }
    try {
      const bytes = read(file, keyOf(pack));
      if (bytes) {
        const out = decode(bytes);
        stats.hits++;
        return out;
      }
    } catch {
      // unreadable, or bytes that do not decode: rebuilt, like a corrupt file
    }
    stats.rebuilt++;
    return undefined;
  };
  /** Builds the pack's parts and writes them (whole or not at all: another process never reads half a file). */
  const buildAndKeep = (pack: KnowledgePack): EngineParts => {
    const parts = buildEngineParts(pack);
    const file = fileOf(pack);
    try {
      const bytes = fileBytes(keyOf(pack), encodeSummary(summaryOf(parts)), encodeParts(parts));
      mkdirSync(dir, { recursive: true });
      // The thread too: a start's main thread and its worker may write the same pack at once.
      const tmp = `${file}.${process.pid}-${threadId}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, file);
    } catch (err) {
      warn(`index cache ${dir} not written (${err instanceof Error ? err.message : String(err)}); packs are built at every start`);
    }
    return parts;
  };

  /** A pack's summary from its file, whole and for this pack; else undefined (not counted in stats). */
  const readSummary = (pack: KnowledgePack): PackSummary | undefined => {
    try {
      if (code === undefined || !existsSync(fileOf(pack))) return undefined;
      const bytes = read(fileOf(pack), keyOf(pack));
      return bytes && decodeSummary(bytes.summary);
    } catch {
      return undefined;
    }
  };
  /** A lazy engine's parts: read from the file checked again now, else built (and the file written again). */
  const loadParts = (pack: KnowledgePack): EngineParts => {
    try {
      const bytes = read(fileOf(pack), keyOf(pack));
      if (bytes) return decodeParts(pack, bytes.parts);
    } catch {
      // gone, damaged or never written: built below, like a corrupt file
    }
    return buildAndKeep(pack);
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
        const stale = name.endsWith('.tmp') ? Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > TMP_STALE_MS : [EXTENSION, ...OLD_EXTENSIONS].some((e) => name.endsWith(e)) && !kept.has(name);
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
    partsOf(pack) {
      if (code === undefined) return buildEngineParts(pack);
      // The summary too: a file with any part that does not decode is rebuilt whole.
      const found = lookUp(pack, (bytes) => (decodeSummary(bytes.summary), decodeParts(pack, bytes.parts)));
      return found ?? buildAndKeep(pack);
    },
    engineOf(pack, options = {}) {
      if (code === undefined) return engineFromParts(buildEngineParts(pack));
      const summary = lookUp(pack, (bytes) => decodeSummary(bytes.summary));
      if (summary || options.later) return lazyEngine(pack, summary, () => loadParts(pack), () => readSummary(pack));
      return engineFromParts(buildAndKeep(pack));
    },
    summaryOf: (pack) => readSummary(pack),
  };
}
