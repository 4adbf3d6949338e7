// The one call the bot makes after answering: logs the question if the answer was a miss or weak.
import { type Answer, RANKING } from '../engine/index.ts';
import type { CuratorStore, UnansweredKind } from './store.ts';

/**
 * Answers whose confidence is below this are logged as low-confidence: where the engine's band turns
 * Low, the same threshold the reply's confidence line uses (RANKING.confidenceBands).
 */
export const LOW_CONFIDENCE_BELOW = RANKING.confidenceBands.medium;

export interface AnswerRecord {
  /** The question as the user typed it. */
  question: string;
  /** Slug of the article it was asked about (the passage's own article wins when there is one). */
  article: string;
  guildId?: string | null;
  answer: Pick<Answer, 'found' | 'answer' | 'alternatives'>;
}

/** 'not-found', 'low-confidence', or null when the answer is good enough to leave out of the log. */
export function unansweredKind(answer: AnswerRecord['answer']): Exclude<UnansweredKind, 'feedback'> | null {
  if (!answer.found || !answer.answer) return 'not-found';
  return answer.answer.score < LOW_CONFIDENCE_BELOW ? 'low-confidence' : null;
}

/** Logs a miss or a weak answer; returns what it logged (null when nothing). Never throws. */
export function recordAnswer(store: CuratorStore | undefined, { question, article, guildId, answer }: AnswerRecord): UnansweredKind | null {
  try {
    const kind = unansweredKind(answer);
    if (!kind || !store) return kind;
    const top = answer.answer ?? answer.alternatives?.[0] ?? null;
    store.recordUnanswered({
      kind,
      question,
      article: answer.answer?.article || article,
      guildId: guildId ?? null,
      candidate: top?.text ?? null,
      score: top?.score ?? null,
    });
    return kind;
  } catch {
    return null; // the store never throws; this guards against a malformed answer object
  }
}

/** Logs a press of "this didn't answer me" on an answer. Never throws. */
export function recordFeedback(
  store: CuratorStore | undefined,
  entry: { question: string; article: string; guildId?: string | null; candidate?: string | null; score?: number | null },
): void {
  try {
    store?.recordUnanswered({ kind: 'feedback', ...entry });
  } catch {
    // the store never throws
  }
}
