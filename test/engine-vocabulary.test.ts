// Typo repair keeps its deletion index as sorted hashes (issue 14). These tests pin that it repairs
// exactly as the plain index of deletion strings did: the same word for every misspelling, ties
// broken the same way, and never a word that only shares a hash with the key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, Vocabulary } from '../src/engine/fuzzy.ts';

/** The repair as it was written before: a Map from every deletion string to its words. */
function reference(words: string[], frequency: Map<string, number>) {
  const deletions = new Map<string, string[]>();
  const deletesOf = (w: string) => [...w].map((_, i) => w.slice(0, i) + w.slice(i + 1));
  for (const w of words) {
    if (w.length < 4 || /\d/.test(w)) continue;
    for (const key of [w, ...deletesOf(w)]) deletions.set(key, [...(deletions.get(key) ?? []), w]);
  }
  return (word: string): string | null => {
    if (word.length < 4 || /\d/.test(word)) return null;
    const maxEdits = word.length <= 8 ? 1 : 2;
    const candidates = new Set<string>();
    for (const key of [word, ...deletesOf(word)]) for (const c of deletions.get(key) ?? []) candidates.add(c);
    let best: string | null = null;
    let bestKey = [Infinity, 0];
    for (const c of candidates) {
      const d = editDistance(word, c);
      if (d > maxEdits) continue;
      const f = frequency.get(c) ?? 0;
      if (d < bestKey[0]! || (d === bestKey[0] && f > bestKey[1]!)) {
        best = c;
        bestKey = [d, f];
      }
    }
    return best;
  };
}

const letters = fc.string({ unit: fc.constantFrom(...'abcdeéz'), minLength: 3, maxLength: 11 });

describe('typo repair', () => {
  it('repairs a misspelling to the article word, and leaves real absent words alone', () => {
    const words = new Map([['prigozhin', 3], ['rudenko', 2], ['kremlin', 5], ['moscow', 4]]);
    const vocabulary = new Vocabulary(words, new Set(), words);
    expect(vocabulary.correct('prigozin')).toBe('prigozhin');
    expect(vocabulary.correct('rudneko')).toBe('rudenko');
    expect(vocabulary.correct('kremiln')).toBe('kremlin');
    expect(vocabulary.correct('canada')).toBeNull();
    expect(vocabulary.has('moscow')).toBe(true);
  });

  it('gives the same repair as the plain deletion index, for any vocabulary and word (property-based)', () => {
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 60 }), fc.array(letters, { minLength: 1, maxLength: 20 }), (list, typed) => {
        const frequency = new Map(list.map((w, i) => [w, (i * 7) % 5]));
        const vocabulary = new Vocabulary(frequency, new Set(), frequency);
        const expected = reference([...frequency.keys()], frequency);
        for (const word of [...typed, ...list.slice(0, 5)]) expect(vocabulary.correct(word)).toBe(expected(word));
      }),
      { numRuns: 300 },
    );
  });
});
