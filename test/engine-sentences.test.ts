// Sentence splitting decides what a passage is: abbreviations and initials must not cut a sentence.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/engine/sentences.ts';

const texts = (p: string) => splitSentences(p).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at sentence ends, keeping closing quotes with their sentence', () => {
    expect(texts('He left. “It is over,” she said. Then it rained! Did it? Yes.')).toEqual([
      'He left.',
      '“It is over,” she said.',
      'Then it rained!',
      'Did it?',
      'Yes.',
    ]);
  });

  it('does not split after titles, initials or common abbreviations', () => {
    expect(texts('Dr. Smith met Mr. J. R. Jones in the U.S. capital on Jan. 5. They talked.')).toEqual([
      'Dr. Smith met Mr. J. R. Jones in the U.S. capital on Jan. 5.',
      'They talked.',
    ]);
  });

  it('gives offsets into the paragraph', () => {
    const p = 'One two.  Three four.';
    for (const s of splitSentences(p)) expect(p.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns nothing for blank text and the text itself when there is no full stop', () => {
    expect(texts('   ')).toEqual([]);
    expect(texts('no full stop here')).toEqual(['no full stop here']);
  });
});
