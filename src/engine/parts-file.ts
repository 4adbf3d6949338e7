// An engine's built parts (passages, term index, typo-repair vocabulary) as bytes, and back (issue 14):
// what runtime/passage-cache.ts keeps on disk so a restart does not rebuild an unchanged pack. Building
// is mostly tokenising, stemming and attributing; reading this back is one JSON.parse and copies of
// typed arrays. Structured clone (node:v8) of the same parts took longer to read than a build: it
// revives every token as an object of its own, field by field. Here a token is five numbers, and its
// word and stem are indexes into one table of strings, so every token that spells a word shares it.
//
// Layout: 4 bytes (uint32 LE) giving the JSON header's byte length, the header (UTF-8), padding to 8,
// then each typed array's bytes in header order, each padded to 8. The pack itself is not stored: the
// caller has it (it is what the cache is keyed by). decodeParts throws on anything malformed; the
// caller checks a checksum first, so a throw here means a bug or a file written by other code.
import type { KnowledgePack } from '../knowledge/schema.ts';
import type { EngineParts } from './create-engine.ts';
import { Vocabulary } from './fuzzy.ts';
import type { PackSummary } from './lazy-engine.ts';
import type { PassageRecord } from './passages.ts';
import { passageKeys } from './passage-key.ts';
import type { DocStats } from './term-index.ts';
import type { Token } from './text.ts';

type NumberArray = Int32Array | Uint16Array | Uint32Array | Float64Array;
const ARRAY_TYPES = { Int32Array, Uint16Array, Uint32Array, Float64Array } as const;
type ArrayType = keyof typeof ARRAY_TYPES;

/** A record as the header holds it: its Set as a list, its tokens in the token arrays. */
type StoredRecord = Omit<PassageRecord, 'speakerStems' | 'tokens'> & { speakerStems: string[] };

interface StoredStats {
  avgLength: number;
  count: number;
  /** Indexes into Header.arrays: start, docs, tf, xtf, lengths. */
  arrays: [number, number, number, number, number];
}

interface Header {
  records: StoredRecord[];
  /** Every word and stem the tokens use, once. */
  strings: string[];
  // Every list of words below is of indexes into `strings`, so a word read back is one string shared
  // by the tokens, the index and the vocabulary, as in an engine built here (and the file is smaller).
  /** Term ids in order: terms[i] is the stem of term i. */
  terms: number[];
  /** The index's word counts: the words, and the index of the array of their counts. */
  words: number[];
  wordCounts: number;
  names: number[];
  nameOnly: Array<[number, number[]]>;
  passages: StoredStats;
  paragraphs: StoredStats;
  /** Index into arrays of paragraphOf, and of the tokens (5 numbers a token: word, stem, start, end, capital) with their per-passage offsets. */
  paragraphOf: number;
  tokens: number;
  tokenAt: number;
  /** The typo-repair vocabulary's deletion index: its words, and the index of the array of its keys. */
  repairable: number[];
  deletions: number;
  keys: string[];
  arrays: Array<{ type: ArrayType; length: number }>;
}

const TOKEN_FIELDS = 5;
const pad8 = (n: number) => (n + 7) & ~7;

export function encodeParts(parts: EngineParts): Buffer {
  const { records, index } = parts;
  const built = Vocabulary.revive(parts.vocabulary).deletionIndex();
  const arrays: NumberArray[] = [];
  const add = (a: NumberArray) => arrays.push(a) - 1;

  const strings: string[] = [];
  const stringId = new Map<string, number>();
  const idOf = (s: string) => {
    let id = stringId.get(s);
    if (id === undefined) stringId.set(s, (id = strings.push(s) - 1));
    return id;
  };
  const count = index.tokens.reduce((n, t) => n + t.length, 0);
  const tokens = new Int32Array(count * TOKEN_FIELDS);
  const tokenAt = new Int32Array(index.tokens.length + 1);
  let k = 0;
  index.tokens.forEach((list, i) => {
    for (const t of list) {
      tokens[k++] = idOf(t.word);
      tokens[k++] = idOf(t.stem);
      tokens[k++] = t.start;
      tokens[k++] = t.end;
      tokens[k++] = t.capital ? 1 : 0;
    }
    tokenAt[i + 1] = k;
  });
  const stats = (s: DocStats): StoredStats => ({ avgLength: s.avgLength, count: s.count, arrays: [add(s.start), add(s.docs), add(s.tf), add(s.xtf), add(s.lengths)] });
  const terms: number[] = [];
  for (const [stem, id] of index.passages.terms) terms[id] = idOf(stem);
  const ids = (words: Iterable<string>) => Array.from(words, idOf);
  const header: Header = {
    records: records.map(({ tokens: _tokens, speakerStems, ...r }) => ({ ...r, speakerStems: [...speakerStems] })),
    strings,
    terms,
    words: ids(index.words.keys()),
    wordCounts: add(Int32Array.from(index.words.values())),
    names: ids(index.names),
    nameOnly: [...index.nameOnly].map(([stem, with_]) => [idOf(stem), ids(with_)]),
    passages: stats(index.passages),
    paragraphs: stats(index.paragraphs),
    paragraphOf: add(index.paragraphOf),
    tokens: add(tokens),
    tokenAt: add(tokenAt),
    repairable: ids(built.repairable),
    deletions: add(built.deletions),
    keys: parts.keys ?? passageKeys(parts.records.map((r) => r.text)).keys,
    arrays: [],
  };
  header.arrays = arrays.map((a) => ({ type: a.constructor.name as ArrayType, length: a.length }));
  const json = Buffer.from(JSON.stringify(header));
  let size = pad8(4 + json.length);
  const offsets = arrays.map((a) => {
    const at = size;
    size += pad8(a.byteLength);
    return at;
  });
  const out = Buffer.alloc(size);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  arrays.forEach((a, i) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, offsets[i]));
  return out;
}

function fail(what: string): never {
  throw new Error(`engine parts: ${what}`);
}

export function decodeParts(pack: KnowledgePack, data: Uint8Array): EngineParts {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length < 4) fail('too short');
  const jsonLength = bytes.readUInt32LE(0);
  if (4 + jsonLength > bytes.length) fail('header runs past the end');
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + jsonLength)) as Header;
  let at = pad8(4 + jsonLength);
  // Copies, not views: a view would keep the whole file's buffer alive for as long as the engine.
  const arrays = header.arrays.map(({ type, length }) => {
    const Type = ARRAY_TYPES[type] ?? fail(`unknown array type ${String(type)}`);
    const byteLength = length * Type.BYTES_PER_ELEMENT;
    if (!Number.isInteger(length) || length < 0 || at + byteLength > bytes.length) fail('an array runs past the end');
    const copy = new Type(length);
    new Uint8Array(copy.buffer).set(bytes.subarray(at, at + byteLength));
    at += pad8(byteLength);
    return copy;
  });
  const array = <T extends NumberArray>(i: number, Type: abstract new (...args: never[]) => T): T => {
    const a = arrays[i];
    return a instanceof Type ? a : fail(`array ${i} missing or of the wrong type`);
  };

  const { strings } = header;
  const string = (i: number) => strings[i] ?? fail('string index out of range');
  const terms = new Map<string, number>();
  header.terms.forEach((stem, id) => terms.set(string(stem), id));
  const stats = (s: StoredStats): DocStats => {
    const [start, docs, tf, xtf, lengths] = s.arrays;
    const out: DocStats = {
      terms,
      start: array(start, Int32Array),
      docs: array(docs, Int32Array),
      tf: arrays[tf] instanceof Uint32Array ? array(tf, Uint32Array) : array(tf, Uint16Array),
      xtf: arrays[xtf] instanceof Uint32Array ? array(xtf, Uint32Array) : array(xtf, Uint16Array),
      lengths: array(lengths, Float64Array),
      avgLength: s.avgLength,
      count: s.count,
    };
    const postings = out.start[out.start.length - 1];
    if (out.start.length !== terms.size + 1 || postings !== out.docs.length || out.tf.length !== postings || out.xtf.length !== postings || out.lengths.length !== out.count) fail('postings do not fit their terms');
    return out;
  };
  const passages = stats(header.passages);
  const paragraphs = stats(header.paragraphs);
  if (passages.count !== header.records.length) fail('passage count');

  const flat = array(header.tokens, Int32Array);
  const tokenAt = array(header.tokenAt, Int32Array);
  if (tokenAt.length !== header.records.length + 1 || tokenAt[tokenAt.length - 1] !== flat.length) fail('token offsets');
  const tokens: Token[][] = [];
  for (let p = 0; p < header.records.length; p++) {
    const list: Token[] = [];
    for (let k = tokenAt[p]!; k < tokenAt[p + 1]!; k += TOKEN_FIELDS) {
      list.push({ word: string(flat[k]!), stem: string(flat[k + 1]!), start: flat[k + 2]!, end: flat[k + 3]!, capital: flat[k + 4] === 1 });
    }
    tokens.push(list);
  }

  // One Set per speaker, as buildPassages shares them. The parsed records become the records (no copies).
  const speakerSets = new Map<string, Set<string>>();
  const records = header.records.map((r, i) => {
    if (r.id !== i) fail('record ids');
    const key = r.speakerStems.join(' ');
    let set = speakerSets.get(key);
    if (!set) speakerSets.set(key, (set = new Set(r.speakerStems)));
    const record = r as unknown as PassageRecord;
    record.speakerStems = set;
    record.tokens = tokens[i]!;
    return record;
  });

  const counts = array(header.wordCounts, Int32Array);
  if (counts.length !== header.words.length) fail('word counts');
  const words = new Map<string, number>();
  header.words.forEach((w, i) => words.set(string(w), counts[i]!));
  const names = new Set(header.names.map(string));
  const nameOnly = new Map(header.nameOnly.map(([stem, with_]) => [string(stem), new Set(with_.map(string))] as const));
  const index = { passages, paragraphs, paragraphOf: array(header.paragraphOf, Int32Array), words, names, nameOnly, tokens };
  if (index.paragraphOf.length !== records.length) fail('paragraph of each passage');
  const vocabulary = new Vocabulary(words, terms, words, nameOnly, names, { repairable: header.repairable.map(string), deletions: array(header.deletions, Float64Array) });
  if (header.keys.length !== records.length) fail('passage keys');
  return { pack, records, index, vocabulary, keys: header.keys };
}

/**
 * A pack's summary (lazy-engine.ts) as bytes, and back: what a start reads of a cached pack, a few
 * kB where its parts are hundreds. Layout: 4 bytes (uint32 LE) giving the JSON header's length, the
 * header ({ terms, names, count }), padding to 8, then the passages' `start` offsets (Int32Array,
 * one more than there are terms), from which relevance reads each term's document frequency.
 */
export function encodeSummary(summary: PackSummary): Buffer {
  const { terms, start, count } = summary.passages;
  const list: string[] = [];
  for (const [stem, id] of terms) list[id] = stem;
  const json = Buffer.from(JSON.stringify({ terms: list, names: summary.names, count }));
  const at = pad8(4 + json.length);
  const out = Buffer.alloc(at + start.byteLength);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  Buffer.from(start.buffer, start.byteOffset, start.byteLength).copy(out, at);
  return out;
}

export function decodeSummary(data: Uint8Array): PackSummary {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length < 4) fail('summary too short');
  const jsonLength = bytes.readUInt32LE(0);
  if (4 + jsonLength > bytes.length) fail('summary header runs past the end');
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + jsonLength)) as { terms: unknown; names: unknown; count: unknown };
  const { terms, names, count } = header;
  if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) fail('summary terms');
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) fail('summary names');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) fail('summary count');
  const at = pad8(4 + jsonLength);
  if (bytes.length - at !== (terms.length + 1) * Int32Array.BYTES_PER_ELEMENT) fail('summary offsets do not fit its terms');
  const start = new Int32Array(terms.length + 1);
  new Uint8Array(start.buffer).set(bytes.subarray(at));
  const map = new Map<string, number>();
  terms.forEach((stem: string, id) => map.set(stem, id));
  return { passages: { terms: map, start, count }, names: names as string[] };
}
