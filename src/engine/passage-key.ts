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
  const seen = new Map<string, number>();
  const keys = texts.map((text) => {
    const normal = normalise(text);
    const n = seen.get(normal) ?? 0;
    seen.set(normal, n + 1);
    return hash(normal, n);
  });
  return { keys, byKey: keyLookup(keys) };
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
