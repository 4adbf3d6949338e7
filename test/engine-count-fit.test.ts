// "How many seals came back?" on a made-up uncurated story: the passage whose figure counts seals
// answers it, not the one that shares more of the question's words and gives some other figure
// ("an absence of more than 30 years").
import { describe, expect, it } from 'vitest';
import { storyEngine } from './helpers/story.ts';

const STORY = `Seals Return to the Marlow Estuary

Grey seals have come back to the Marlow estuary after an absence of more than 30 years, according to a survey published on Monday by the Marlow Coast Trust.

Volunteers counted 48 grey seals back on the sandbanks in June, up from none in 2019.

The trust said fishing nets left in the estuary remained the biggest danger to the colony.

Local boat owners have been asked to keep 100 metres away from the sandbanks during the pupping season.
`;

const engine = storyEngine(STORY);

describe('how many', () => {
  it('answers with the figure that counts what is asked about', () => {
    for (const question of ['how many seals came back', 'How many grey seals have returned to the estuary?']) {
      const a = engine.answer(question);
      expect(a.found, question).toBe(true);
      expect(a.answer?.text, question).toMatch(/counted 48 grey seals/);
    }
  });

  it('leaves a count of something else to the ranking', () => {
    const a = engine.answer('how many metres do boats have to stay away');
    expect(a.found).toBe(true);
    expect(a.answer?.text).toMatch(/100 metres/);
  });
});
