// Any plain-text article works with no curation: passages, speakers and refusals come from the text.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.ts';
import { loadArticleFile } from '../src/knowledge/loader.ts';

const engine = createEngine(loadArticleFile(join(import.meta.dirname, 'fixtures/harbour-article.txt')));
const answer = (q: string) => {
  const a = engine.answer(q);
  expect(a.found, `${q} → ${a.reason}`).toBe(true);
  return a.answer!;
};

describe('an uncurated article', () => {
  it('answers who/what/when/how-much questions with the right sentence', () => {
    expect(answer('How much will the bridge cost?').text).toContain('240 million dollars');
    expect(answer('When will construction start?').text).toContain('spring of 2026');
    expect(answer('How did the council vote?').text).toContain('voted 7 to 2');
    expect(answer('Who opposed the bridge?').text).toMatch(/fishermen|Opponents/);
  });

  it('infers who said it from "X said", "according to X", "X told", "X cited Y as saying" and "he said"', () => {
    expect(answer('What did the mayor say?').attribution).toMatch(/Elena Ruiz, Mayor/);
    expect(answer('What will the project cost?').attribution).toMatch(/according to the council's finance office/);
    expect(answer('Will the bridge block boats?').attribution).toMatch(/Tom Becker/);
    expect(answer('Will there be a legal challenge?').attribution).toMatch(/Tom Becker/);
    expect(answer('How many cars can the bridge carry?').attribution).toMatch(/an engineer.*cited by the regional newspaper/);
  });

  it('repairs a name misspelt by ear two edits off, but not an everyday word or a far one', () => {
    expect(answer('what did bekkar tell reporters').attribution).toMatch(/Tom Becker/);
    // "banker" is English, not a misspelt Becker; "Bokkor" is three edits from it.
    expect(engine.answer('what did the banker say').answer?.attribution ?? '').not.toMatch(/Becker/);
    expect(engine.answer('what did bokkor say').found).toBe(false);
  });

  it("attributes the article's own reporting to its publisher or the article", () => {
    expect(answer('How many residents spoke at the hearing?').how).toBe("the article's own reporting");
  });

  it('takes the headline from a short first line and keeps it answerable', () => {
    expect(engine.pack.meta.title).toBe('City Council Approves New Harbour Bridge After Long Debate');
    expect(answer('headline').paragraphLabel).toBe('headline');
  });

  it('refuses what the article does not cover', () => {
    expect(engine.answer('What did the governor say?').found).toBe(false);
    expect(engine.answer('Who won the football match?').found).toBe(false);
    // Most words absent, everyday or not: "cars" or "fishermen" alone, said in passing, is not the subject.
    const offTopic = engine.answer('what is the fastest car in the world');
    expect(offTopic.found).toBe(false);
    expect(offTopic.reason).toMatch(/fastest/);
    expect(engine.answer('what is the best bait for fishermen').found).toBe(false);
    expect(answer('how long did the bridge dispute last').text).toContain('lasted three years');
  });
});
