// Refusals that follow what a question asks for, on a made-up uncurated news story: the article names the
// subject but not the one asked about, or not the person asked for, and says so with the closest passage.
import { describe, expect, it } from 'vitest';
import { storyEngine } from './helpers/story.ts';
import { hasFigure, hasPerson } from '../src/engine/answer-detail.ts';
import { tokenize } from '../src/engine/text.ts';

const STORY = `Youth Orchestra Takes Top Prize in Valmont

VALMONT — On Saturday, the Harwick Youth Orchestra won Best Ensemble at the ninth Valmont Music Awards, held at the Corran Hall.

The orchestra's conductor, Miriam Oduya, said the players had rehearsed every weekend since March. "They earned every note," she said.

Tobiah Kessler won Soloist of the Year for his recital of a sonata.

Kessler thanked his teacher, Anneli Varga, who had taught him since he was six.

Three months earlier the orchestra's bus broke down on the way to a competition, and the parents were advised to find a local mechanic.

The conductor came to Valmont from Kenya in 2010.

Oduya paid tribute to her late mentor during the ceremony.

The orchestra closed the night with the song Morning Harbour.

Man of the Evening went to the stage manager, Pieter Vandam, who kept the show running through a power cut.
`;

const engine = storyEngine(STORY);

describe('refusing what the story does not say, with the closest it comes', () => {
  it('does not name one the story brings in only as "a …", even when the question runs on without "who"', () => {
    const a = engine.answer('What was the name of the mechanic the parents were told to find?');
    expect(a.found).toBe(false);
    expect(a.reason).toMatch(/does not name the mechanic/);
    expect(a.closest?.text).toContain('find a local mechanic');
  });

  it('refuses "who did it" when the passage shares only the names and names no one else', () => {
    const a = engine.answer('Who presented Tobiah Kessler with the Soloist of the Year award?');
    expect(a.found).toBe(false);
    expect(a.reason).toMatch(/presented/);
    expect(a.closest?.text).toContain('Kessler won Soloist of the Year');
  });

  it('refuses "which song" where the passage holds no title, and answers it where one is', () => {
    const a = engine.answer('Which song did Oduya sing in her tribute to her mentor?');
    expect(a.found).toBe(false);
    expect(a.reason).toMatch(/which song/);
    expect(a.closest?.text).toContain('paid tribute to her late mentor');
    expect(engine.answer('which song did the orchestra close the night with').answer?.text).toContain('Morning Harbour');
  });

  it('still answers "who" where the passage names the one asked for', () => {
    expect(engine.answer('Who won Soloist of the Year?').answer?.text).toContain('Tobiah Kessler won');
    expect(engine.answer('who taught kessler').answer?.text).toContain('Anneli Varga');
  });

  it('matches a word the story makes from the same stem ("conducted" for its "conductor")', () => {
    expect(engine.answer('who conducted the orchestra').answer?.text).toContain('Miriam Oduya');
  });

  it('reads "which country" as asking for a place, not as a subject the story lacks', () => {
    const a = engine.answer('which country did the conductor come from');
    expect(a.found, a.reason).toBe(true);
    expect(a.answer?.text).toContain('from Kenya');
  });

  it('reads a title written in everyday words as the title, not as chat filler', () => {
    const a = engine.answer('who got man of the evening');
    expect(a.found, a.reason).toBe(true);
    expect(a.answer?.text).toContain('Pieter Vandam');
  });
});

describe('hasPerson', () => {
  const person = (text: string, asked: string[] = []) => hasPerson(tokenize(text), new Set(asked));
  it('finds a name that is not everyday English and was not asked', () => {
    expect(person('Cellist Tobiah Kessler won the prize.')).toBe(true);
    expect(person('Tobiah Kessler won the prize.', ['tobiah', 'kessler'])).toBe(false);
  });

  it('takes no place, venue or everyday title for a person', () => {
    expect(person('Belgium faced Panama at the Fisht Stadium in Sochi.', ['belgium', 'panama'])).toBe(false);
    expect(person('She won Song of the Year and Best Pop Solo.')).toBe(false);
  });
});

const FINALS = `Two Finals Decided at the Lakeside Cup

LAKESIDE — On Saturday, Norden beat Valbury 2 – 1 in the first final at the Corran Arena in Lakeside.

In the second final, Harwick faced Ostmark at the Pell Stadium in Brenna.

The first final was refereed by Tomasz Ekwall, who showed four yellow cards.

Harwick won the second final on penalties.

Ostmark captain Iker Sandoval has scored 40 goals in his career.

Norden won two trophies this season.

Online, users shared clips of the penalty shoot-out.
`;

const finals = storyEngine(FINALS);

describe('refusing a role or a span the passage on the subject never speaks of', () => {
  it('does not say who held a role ("refereed") the passage on that game never mentions, and offers it as the closest', () => {
    const a = finals.answer('Who refereed the Harwick vs Ostmark final?');
    expect(a.found).toBe(false);
    expect(a.reason).toMatch(/no one who refereed/);
    expect(a.closest?.text).toMatch(/Harwick/);
  });

  it('still answers the role where the passage holds it', () => {
    const a = finals.answer('Who refereed the first final?');
    expect(a.found, a.reason).toBe(true);
    expect(a.answer?.text).toContain('Tomasz Ekwall');
  });

  it('gives no figure for a whole history when the article counts one season, and offers that count as the closest', () => {
    const a = finals.answer('How many trophies has Norden won in its whole history?');
    expect(a.found).toBe(false);
    expect(a.reason).toMatch(/in its whole history/);
    expect(a.closest?.text).toContain('two trophies this season');
    expect(finals.answer('How many trophies did Norden win this season?').answer?.text).toContain('two trophies');
  });

  it('reads a rare word the passage answers by a related one ("netizens" by "users") as no missing name', () => {
    const a = finals.answer('what did netizens share');
    expect(a.found, a.reason).toBe(true);
    expect(a.answer?.text).toContain('users shared clips');
    expect(finals.answer('what did Zlatan say about the shoot-out').reason).toMatch(/does not mention “Zlatan”/);
  });

  it('answers a count over a career where the passage speaks of the career', () => {
    const a = finals.answer('How many goals has Sandoval scored over his whole career?');
    expect(a.found, a.reason).toBe(true);
    expect(a.answer?.text).toContain('40 goals in his career');
  });
});

describe('hasPerson and full names of everyday words', () => {
  const person = (text: string, asked: string[] = []) => hasPerson(tokenize(text), new Set(asked));
  it('takes two capitalised words mid-sentence, the last uncommon, for a first name and a surname', () => {
    expect(person("Local fishermen's association chairman Tom Becker told reporters.")).toBe(true);
    expect(person('Sweden beat South Korea on Monday.', ['sweden'])).toBe(false);
  });
});

describe('hasFigure', () => {
  const figure = (text: string) => hasFigure(tokenize(text), new Set());
  it('takes a time of day for no count', () => {
    expect(figure('The library will stay open until 9 p.m. on weekdays.')).toBe(false);
    expect(figure('Doors open at 7am and close at 10 o’clock.')).toBe(false);
  });

  it('still takes a count written beside a time for a figure', () => {
    expect(figure('By 9 p.m. the library had lent 300 books.')).toBe(true);
    expect(figure('The branch holds 40,000 books.')).toBe(true);
  });
});
