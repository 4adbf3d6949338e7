// What people ask, counted in memory since the process started, for /kb stats. Only the question
// text is kept (normalised, capped in length and in number), never who asked it.
import type { QuestionCount } from '../reply/kb.ts';
import { normaliseQuestion } from '../store/group.ts';
import { cleanQuestion } from './question.ts';

export interface QuestionStats {
  record(question: string): void;
  /** The most asked questions, most first (ties: asked first, first). */
  top(n: number): QuestionCount[];
  /** Questions recorded, repeats included. */
  readonly total: number;
  /** Different questions currently tracked. */
  readonly distinct: number;
  readonly since: Date;
  /** Forum posts the bot answered, and how many of those the asker (or a moderator) marked solved. */
  recordForum(event: 'answered' | 'solved'): void;
  readonly forum: { answered: number; solved: number };
}

/** Longest question text kept (the /ask option allows 300). */
export const MAX_QUESTION_CHARS = 120;
/** Different questions tracked before the ones asked only once are forgotten. */
export const MAX_TRACKED = 5000;

/**
 * The form a question is counted in: Discord syntax stripped, then the same normalisation as the
 * unanswered log (store/group.ts: case, accents, apostrophes, contractions, possessives,
 * punctuation), so "Who's Prigozhin's lawyer??" and "who is prigozhin lawyer" are one question in
 * /kb stats as in /kb unanswered. Capped in length.
 */
function questionKey(text: string): string {
  return normaliseQuestion(cleanQuestion(text)).slice(0, MAX_QUESTION_CHARS).trim();
}

export function createQuestionStats(limit = MAX_TRACKED): QuestionStats {
  // Map keeps insertion order, which is the tie-break.
  const counts = new Map<string, number>();
  let total = 0;
  const since = new Date();
  const forum = { answered: 0, solved: 0 };
  return {
    recordForum(event) {
      forum[event]++;
    },
    get forum() {
      return { ...forum };
    },
    record(question) {
      const key = questionKey(question);
      if (!key) return;
      total++;
      const n = counts.get(key);
      if (n !== undefined) {
        counts.set(key, n + 1);
        return;
      }
      if (counts.size >= limit) {
        // Bounded memory under a flood of unique strings: forget the one-offs, keep the popular ones.
        for (const [k, c] of counts) if (c === 1) counts.delete(k);
        if (counts.size >= limit) return;
      }
      counts.set(key, 1);
    },
    top(n) {
      return [...counts]
        .map(([question, count]) => ({ question, count }))
        .sort((a, b) => b.count - a.count)
        .slice(0, Math.max(0, n));
    },
    get total() {
      return total;
    },
    get distinct() {
      return counts.size;
    },
    since,
  };
}
