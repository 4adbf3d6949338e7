// "the 2 new parks" of an article's "two new parks": a small number is one word, spelt in digits or in
// letters, read from a made-up uncurated story.
import { describe, expect, it } from 'vitest';
import { numberSpelling } from '../src/engine/word-forms.ts';
import { expectAnswer, storyEngine } from './helpers/story.ts';

const STORY = `City to Open New Parks

The city will open two new parks in the north in May, the council said on Friday.

The city will open three new parks in the south in September.
`;

const engine = storyEngine(STORY);

describe('numbers spelt either way', () => {
  it.each([
    ['when do the 2 new parks open', 'two new parks in the north'],
    ['when will the 3 new parks open', 'three new parks in the south'],
    ['when r the three parks opening', 'three new parks in the south'],
  ])('%s', (question, expected) => expectAnswer(engine, question, expected));

  it('maps small numbers both ways, but not "one" to 1', () => {
    expect(numberSpelling('4')).toBe('four');
    expect(numberSpelling('12')).toBe('twelve');
    expect(numberSpelling('four')).toBe('4');
    expect(numberSpelling('one')).toBeUndefined();
    expect(numberSpelling('2026')).toBeUndefined();
  });
});
