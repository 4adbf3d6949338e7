// "the RTA", "NYC": an acronym the article never writes stands for the name it spells out, read
// from a made-up uncurated story. A person's name is not shortened so ("Maria Lopez" is no "ML").
import { describe, expect, it } from 'vitest';
import { acronymsOf } from '../src/engine/acronyms.ts';
import { expectAnswer, storyEngine } from './helpers/story.ts';

const STORY = `Tram Line Delayed Again

The Regional Transport Authority said on Tuesday that the new tram line to Eastfield will open in 2028, two years later than planned.

The authority blamed a shortage of steel rails and a dispute with the main contractor.

Maria Lopez, who leads the residents' group in Eastfield, said the delay was "a broken promise".

The line will cost 410 million pounds, according to figures published by the Eastfield City Council. The council has asked for a review.
`;

const engine = storyEngine(STORY);

describe('acronyms', () => {
  it('reads an acronym as the name it spells', () => {
    expectAnswer(engine, 'when will the RTA open the tram line', 'will open in 2028');
    expectAnswer(engine, 'why did the RTA delay it', 'shortage of steel rails');
    expectAnswer(engine, 'how much does the ECC say the line costs', '410 million pounds');
  });

  it('shortens titles and places, not people, and only names of two words or more', () => {
    const acronyms = acronymsOf(STORY.split('\n\n'));
    expect(acronyms('rta')).toBe('Regional Transport Authority');
    expect(acronyms('ecc')).toBe('Eastfield City Council');
    expect(acronyms('ml')).toBeUndefined();
    // Small words inside a name add no letter: "Bank of England" is the BE, where "bank" is also a word.
    expect(acronymsOf(['The Bank of England said the bank would act.'])('be')).toBe('Bank of England');
  });

  it('still refuses an acronym the article cannot spell', () => {
    const a = engine.answer('what did the NHS say about the tram');
    expect(a.found).toBe(false);
    expect(a.reason).toMatch(/NHS/);
  });
});
