// Refusals that follow what a question needs, on a made-up uncurated story: refused when the article lacks
// the thing asked about or the kind of detail asked for, answered when only the question's phrasing is absent.
import { describe, expect, it } from 'vitest';
import { storyEngine } from './helpers/story.ts';

const STORY = `Town Votes to Reopen Riverside Park

Kellby's council voted on Tuesday to reopen Riverside Park, which has been closed since a flood damaged its paths in 2021.

The mayor said the park would reopen in May. "Families have waited long enough for their park," she said.

Councillor Ravi Dunmore voted against the plan. He said the repairs were too expensive and that the money should go to the library.

The repairs will cost 2.4 million pounds, paid for by a government grant and a local fundraiser.

Volunteers from the Kellby Rowing Club, which won a regional race on Tuesday, will plant new trees along the river in April.

A woman who runs a cafe beside the park said she had lost half her customers while it was closed.

Park staff will work shifts of 8 hours a day.

A new bus will bring visitors from the station every hour.

A local fundraiser drew 300 families from across the town. Between them they raised 40,000 pounds for new benches.

Entry to the park will be free.
`;

const engine = storyEngine(STORY);

describe('refusing when the article lacks the thing asked about', () => {
  it('refuses what someone said about a thing the article never names, and answers it about one it does', () => {
    const a = engine.answer('what did the mayor say about the zoo');
    expect(a.found).toBe(false);
    expect(a.reason).toMatch(/nothing about “zoo”/);
    expect(a.closest).toBeUndefined();
    expect(engine.answer('what did the mayor say about the park').answer?.text).toMatch(/park/);
  });

  it('refuses a possessive phrase whose head the article lacks: the councillor is there, his lawyer is not', () => {
    const a = engine.answer("what did the councillor's lawyer say");
    expect(a.found).toBe(false);
    expect(a.reason).toMatch(/mentions “councillor” but says nothing about “lawyer”/);
    expect(engine.answer('what did the councillor say').found).toBe(true);
  });

  it('refuses "who won the match" when the article has a vote and a club but no match', () => {
    const a = engine.answer('who won the match on tuesday lol');
    expect(a.found).toBe(false);
    expect(a.reason).toMatch(/“match”/);
  });

  it('never refuses for words that only phrase the question', () => {
    // "lady" names someone by no more than her sex; "in the first place" and "the reason" only phrase.
    expect(engine.answer('what did the cafe lady say').answer?.text).toContain('lost half her customers');
    expect(engine.answer('why was the park closed in the first place').found).toBe(true);
    expect(engine.answer('what was the reason the councillor voted against it').found).toBe(true);
    // "the life of", "the cost of": a word before "of" says what of the thing is asked.
    expect(engine.answer('what is the cost of the repairs').answer?.text).toContain('2.4 million pounds');
    // "buses" is "bus", which the stemmer parts ("buse" / "bu"): no missing subject.
    expect(engine.answer('r there buses to the park').answer?.text).toContain('A new bus');
  });
});

describe('refusing when the article lacks the kind of detail asked for, answering where a passage has it', () => {
  it('refuses "how much do they make" where the passage gives hours, not money, and offers it as the closest', () => {
    const a = engine.answer('how much do park staff make a day');
    expect(a.found).toBe(false);
    expect(a.reason).toMatch(/no amount of money/);
    expect(a.closest?.text).toContain('8 hours a day');
    expect(engine.answer('how much will the repairs cost').answer?.text).toContain('2.4 million pounds');
  });

  it('answers by the next passage that holds the amount when the best on the words has none', () => {
    // "drew 300 families" is the best on the words, but 300 is no sum of money.
    const a = engine.answer('how much money did the local fundraiser raise');
    expect(a.found).toBe(true);
    expect(a.answer?.text).toContain('40,000 pounds');
  });

  it('takes "free" for a price', () => {
    expect(engine.answer('how much does entry to the park cost').answer?.text).toContain('will be free');
  });
});
