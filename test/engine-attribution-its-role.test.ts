// "The union backed the plan. Its regional secretary, Tom Ashcroft, said …": the role says whose
// secretary, so "what did the union guy say" finds him. Only the body that spoke or opened the sentence
// before owns "its"; one named there in passing does not. A made-up uncurated story in a temp dir.
import { describe, expect, it } from 'vitest';
import { expectAnswer, storyEngine } from './helpers/story.ts';

const STORY = `School Moves to Four-Day Week

The Northdale school board approved a four-day week on Monday.

The National Teachers Union backed the plan. Its regional secretary, Tom Ashcroft, said staff had voted 41 to 6 in favour. "Teachers are asking for a week they can survive," he said.

A petition started by the Northdale Parents Group had 900 names by Tuesday. Its chair, Ann Lusk, said the days would be too long.
`;

const engine = storyEngine(STORY);

describe('a role given with "its"', () => {
  it('names the body that spoke or opened the sentence before', () => {
    expectAnswer(engine, 'what did the union guy say', 'a week they can survive');
    const a = engine.answer('what did the union guy say');
    expect(a.answer?.speaker).toBe('Tom Ashcroft');
    expect(a.answer?.role).toBe('regional secretary of the National Teachers Union');
  });

  it('leaves the role alone when that body was only named in passing', () => {
    const a = engine.answer('what did the chair say about the days');
    expect(a.answer?.text).toContain('too long');
    expect(a.answer?.role).toBe('chair');
  });
});
