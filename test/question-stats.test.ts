// /kb stats counts questions in the same form the unanswered log groups them in (one
// normaliseQuestion, src/store/group.ts), after Discord syntax is stripped, capped in length.
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS, createQuestionStats } from '../src/discord/question-stats.ts';
import { normaliseQuestion } from '../src/store/group.ts';

describe('question stats', () => {
  it('counts wordings that differ only in case, spacing, apostrophes, contractions, possessives and punctuation as one', () => {
    const stats = createQuestionStats();
    for (const q of ["Who's Prigozhin's lawyer??", 'who is prigozhin lawyer', '  WHO’S  PRIGOZHIN’S LAWYER ', 'Who met Rudenko?']) stats.record(q);
    expect(stats.total).toBe(4);
    expect(stats.distinct).toBe(2);
    expect(stats.top(5)).toEqual([
      { question: 'who is prigozhin lawyer', count: 3 },
      { question: 'who met rudenko', count: 1 },
    ]);
  });

  it('keys a question exactly as the unanswered log normalises it', () => {
    const stats = createQuestionStats();
    const asked = 'Qué dijo Núñez about the “deal”, and what’s next?';
    stats.record(asked);
    expect(stats.top(1)[0]!.question).toBe(normaliseQuestion(asked));
  });

  it('drops Discord syntax, caps the length, and skips questions with no words', () => {
    const stats = createQuestionStats();
    stats.record('<@123456789012345678> @everyone what did <#987654321098765432> Putin call it?');
    stats.record(`why ${'very '.repeat(60)}long`);
    stats.record('?!?');
    stats.record('<@123456789012345678>');
    expect(stats.total).toBe(2);
    const [first, second] = stats.top(2).map((t) => t.question);
    expect(first).toBe('what did putin call it');
    expect(second!.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(second).toMatch(/^why very very/);
  });
});
