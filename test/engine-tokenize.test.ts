// The ASCII tokeniser (issue 14) is a hand-written scanner standing in for the WORD pattern on plain
// text: every token (word, stem, offsets, capital) must be what the pattern makes, or the index, the
// ranker and its digest would drift. Checked on arbitrary text built from the characters that matter
// and on every sentence of the seed article and the SQuAD dev articles.
import { readFileSync, existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeByPattern } from '../src/engine/text.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';

const SQUAD = new URL('../../shared/datasets/squad-v1.1-dev/dev.jsonl', import.meta.url);

/** Pieces where the scanner could go wrong: "U.S." forms, apostrophes, digits, case, punctuation. */
const piece = fc.oneof(
  fc.constantFrom('U.S.', 'U.S.A.', 'U.S', 'US', 'USA', 'us', 'U.', 'AU.S.', "'", "'s", "s'", "don't", "rock'n'roll", "''", '9', '12th', '1990s', ' ', '  ', '.', ',', '-', '"', '(', ')', '\n', '\t', 'Meeting', 'RUNNING', 'x', 'A', 'Z', 'a', 'z', '0', '@', '[', '`', '{', '_'),
  fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
);
const asciiText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('tokenize on ASCII text', () => {
  it('makes exactly the tokens of the WORD pattern, on arbitrary text', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(tokenize(text)).toEqual(tokenizeByPattern(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('makes exactly the tokens of the WORD pattern on text that folds to ASCII (curly quotes, accents, dashes) or does not', () => {
    const folding = fc.oneof(
      piece,
      fc.constantFrom('\u2019', '\u2018', '\u201c', '\u201d', 'Prigozhin\u2019s', 'caf\u00e9', '\u00c9lys\u00e9e', 'na\u00efve', '\u2014', '\u2013', '\u00ab', '\u00bb', 'TWENTY \u00d8NE', '\u0141\u00f3d\u017a', '\u0131', 'e\u0301', '\ufb01', '\u00bd', '\u2460', 'stra\u00dfe', '\u4e2d\u6587', '\u00a0', '\u02bc', '\u00b4', '`'),
    );
    fc.assert(
      fc.property(fc.array(folding, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        expect(tokenize(text)).toEqual(tokenizeByPattern(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('makes the same tokens as the pattern on real articles (the seed and, when present, SQuAD dev)', () => {
    const pack = loadDefaultPack();
    const texts = pack.paragraphs.map((p) => p.text);
    if (existsSync(SQUAD)) {
      for (const line of readFileSync(SQUAD, 'utf8').split('\n')) if (line.trim()) texts.push(...(JSON.parse(line) as { paragraphs: string[] }).paragraphs);
    }
    let ascii = 0;
    for (const text of texts) {
      if (/^[\x00-\x7f]*$/.test(text)) ascii++;
      expect(tokenize(text)).toEqual(tokenizeByPattern(text));
    }
    expect(ascii).toBeGreaterThan(0);
  });

  it('reads "U.S." and "US" as the country, and the possessive off', () => {
    expect(tokenize("The U.S. and US officials, Russia's army").map((t) => [t.word, t.start, t.end, t.capital])).toEqual([
      ['the', 0, 3, true],
      ['usa', 4, 8, true],
      ['and', 9, 12, false],
      ['usa', 13, 15, true],
      ['officials', 16, 25, false],
      ['russia', 27, 33, true],
      ['army', 36, 40, false],
    ]);
  });
});
