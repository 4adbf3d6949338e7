// "When did the restoration start?" on a made-up uncurated story: asked in the past tense, it is answered by
// what happened, not by the sentence about plans that shares more of its words.
import { describe, expect, it } from 'vitest';
import { storyEngine } from './helpers/story.ts';

const STORY = `Canal Reopens to Boats

The Brindle canal reopened to boats on Saturday after a restoration by volunteers.

Volunteers removed more than 40 tonnes of rubbish from the water since the restoration began in 2023, the Brindle Canal Society said.

The society plans to restore a second canal nearby starting in 2027.
`;

const engine = storyEngine(STORY);

describe('past or planned', () => {
  it('answers a question asked with "did" from what happened, not from a plan', () => {
    const a = engine.answer('when did the restoration start');
    expect(a.found).toBe(true);
    expect(a.answer?.text).toMatch(/restoration began in 2023/);
  });

  it('still answers a question about the plan from the plan', () => {
    const a = engine.answer('when will the second restoration start');
    expect(a.found).toBe(true);
    expect(a.answer?.text).toMatch(/in 2027/);
  });
});
