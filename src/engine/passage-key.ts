// A passage's name that survives edits of its pack: a short hash of its text. Button custom_ids carry
// it instead of the passage's number, which moves whenever a paragraph is inserted or deleted above
// it (issue 12, defect 2). An edited or deleted sentence has a new key, so an old button finds
// nothing rather than another sentence.
import { hash } from 'node:crypto';
import { singleSpaced } from './text.ts';

/** Characters of a key: 8 base64url characters are 48 bits, so two sentences of one article never share one in practice. */
export const PASSAGE_KEY_LENGTH = 8;

export const PASSAGE_KEY = /^[A-Za-z0-9_-]{8}$/;

/**
 * The key of a passage's text. `occurrence` tells apart a sentence the article repeats (0 for the
 * first, 1 for the second…), so each copy keeps its own paragraph. Whitespace does not count: a
 * curator re-wrapping a line does not change what a sentence says.
 */
export function passageKey(text: string, occurrence = 0): string {
  return hashKey(normalise(text), occurrence);
}

const normalise = singleSpaced;

function hashKey(normal: string, occurrence: number): string {
  const hashed = occurrence > 0 ? `${normal}\u0000${occurrence}` : normal;
  // One-shot crypto.hash: the same digest as createHash().update().digest(), without a Hash object per
  // passage (those were 4% of an uncurated library's build, issue 14).
  return hash('sha256', hashed, 'base64url').slice(0, PASSAGE_KEY_LENGTH);
}

/**
 * Keys for a pack's passages, in order, and the lookup back. A key two different texts share (a
 * collision, about one in 10^8 for a long article) is left out of the lookup: such a passage gets no
 * working button rather than a button that could show the other one.
 */
export function passageKeys(texts: readonly string[], hash: (normal: string, occurrence: number) => string = hashKey): { keys: string[]; byKey: Map<string, number> } {
  const occurrence = occurrences(texts);
  const keys = texts.map((text, id) => hash(normalise(text), occurrence[id]!));
  return { keys, byKey: keyLookup(keys) };
}

/**
 * The keys of passageKeys, each made when first asked: an answer shows a few passages, so building an
 * engine hashes none, and a question hashes only the passages it shows (issue 14: hashing every sentence
 * was 3% of an uncurated library's build, a tenth of its first build). `all()` makes the rest, for a
 * look-up by key or a parts file. Given `known` keys (a parts file's), it only hands them out.
 */
export class PassageKeys {
  private readonly made: Array<string | undefined>;
  /** How many earlier passages have the same text, by id: made on the first key asked. */
  private occurrence: Int32Array | undefined;
  private complete: boolean;

  constructor(
    private readonly texts: readonly string[],
    known?: readonly string[],
  ) {
    this.made = known ? [...known] : new Array<string | undefined>(texts.length);
    this.complete = known !== undefined;
  }

  key(id: number): string | undefined {
    if (id < 0 || id >= this.texts.length) return undefined;
    let key = this.made[id];
    if (key === undefined) {
      this.occurrence ??= occurrences(this.texts);
      key = this.made[id] = hashKey(normalise(this.texts[id]!), this.occurrence[id]!);
    }
    return key;
  }

  all(): string[] {
    if (!this.complete) {
      for (let id = 0; id < this.texts.length; id++) this.key(id);
      this.complete = true;
    }
    return this.made as string[];
  }
}

/** For each text, how many before it normalise to the same: passageKeys's `occurrence`. */
function occurrences(texts: readonly string[]): Int32Array {
  const seen = new Map<string, number>();
  const out = new Int32Array(texts.length);
  texts.forEach((text, id) => {
    const normal = normalise(text);
    const n = seen.get(normal) ?? 0;
    seen.set(normal, n + 1);
    out[id] = n;
  });
  return out;
}

/** Passage id by key, leaving out a key two passages share (see passageKeys). */
export function keyLookup(keys: readonly string[]): Map<string, number> {
  const byKey = new Map<string, number>();
  const shared = new Set<string>();
  keys.forEach((key, id) => {
    if (byKey.has(key)) shared.add(key);
    else byKey.set(key, id);
  });
  for (const key of shared) byKey.delete(key);
  return byKey;
}
