// Typo repair keeps its deletion index as sorted hashes (issue 14). These tests pin that it repairs
// exactly as the plain index of deletion strings did: the same word for every misspelling, ties
// broken the same way, and never a word that only shares a hash with the key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, Vocabulary } from '../src/engine/fuzzy.ts';
import { stemWord } from '../src/engine/text.ts';
import { otherForms } from '../src/engine/irregular-verbs.ts';
import { everydayRank } from '../src/engine/background.ts';

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

describe('derived words', () => {
  it('maps a word to the article word made from its stem, only when asked to and only for a long stem', () => {
    const words = new Map([['conductor', 2], ['conductors', 1], ['singer', 3], ['japan', 1]]);
    const vocabulary = new Vocabulary(words, new Set(), words);
    expect(vocabulary.relative('conducted', true)).toBe('conductor');
    expect(vocabulary.relative('conducted')).toBeNull();
    // "sing" is too short a stem to stand for "singer"; a shortened word still comes first.
    expect(vocabulary.relative('singing', true)).toBeNull();
    expect(vocabulary.relative('japanese', true)).toBe('japan');
  });

  it("maps an irregular verb to the form the article uses, except the commonest verbs, which only phrase a question", () => {
    const words = new Map([['broke', 1], ['sang', 1], ['took', 1]]);
    const vocabulary = new Vocabulary(words, new Set(), words);
    expect(vocabulary.relative('break')).toBe('broke');
    expect(vocabulary.relative('sung')).toBe('sang');
    expect(vocabulary.relative('take')).toBeNull();
  });

  it('finds what a scan of every word would, for any vocabulary and word (property-based)', () => {
    const derivedRef = (list: string[], frequency: Map<string, number>, word: string): string | null => {
      const form = (everydayRank(word) ?? Infinity) >= 300 ? otherForms(word).find((f) => frequency.has(f)) : undefined;
      if (form) return form;
      if (word.length < 5 || /\d/.test(word)) return null;
      for (let len = word.length - 1; len >= Math.max(4, Math.ceil(word.length * 0.55)); len--) if (frequency.has(word.slice(0, len))) return word.slice(0, len);
      const stem = stemWord(word);
      if (stem.length < 5) return null;
      let best: string | null = null;
      for (const w of [...new Set(list)].sort()) {
        if (!w.startsWith(stem) || w.length === stem.length || w.length > stem.length + 3 || /\d/.test(w)) continue;
        if (!best || (frequency.get(w) ?? 0) > (frequency.get(best) ?? 0)) best = w;
      }
      return best;
    };
    const word = fc.string({ unit: fc.constantFrom(...'abcdeiéz'), minLength: 4, maxLength: 11 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { minLength: 1, maxLength: 20 }), (list, typed) => {
        const frequency = new Map(list.map((w, i) => [w, (i * 7) % 5]));
        const vocabulary = new Vocabulary(frequency, new Set(), frequency);
        // Typed words that extend an article word's stem are the interesting ones: make some.
        const asked = [...typed, ...list.slice(0, 5).map((w) => w.slice(0, -1) + 'ed'), ...list.slice(0, 5).map((w) => stemWord(w) + 'ing')];
        for (const w of asked) expect(vocabulary.relative(w, true)).toBe(derivedRef(list, frequency, w));
      }),
      { numRuns: 300 },
    );
  });
});
