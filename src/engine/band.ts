// The confidence band of an answer, from the one set of calibrated thresholds every reply and the
// unanswered log share (RANKING.confidenceBands).
import { RANKING } from './ranking-defaults.ts';
import type { ConfidenceBand } from './types.ts';

/**
 * High needs a clear lead: a runner-up (another passage) within this share of the answer's confidence
 * means the words do not decide between them. Chosen on SQuAD dev and the odd halves of the dev sets:
 * of the High answers it takes away, a third were right (SQuAD dev 6 of 18), against nine in ten of
 * those it leaves; no dev set's High answer had a runner-up this close.
 */
export const CLEAR_LEAD = 0.9;

/**
 * `detailShown`: the passage holds the kind of thing asked for (a reason for "why", a name for "who"); never High without it.
 * `runnerUp`: the confidence of the next passage, when there is one.
 */
export function bandOf(score: number, detailShown = true, runnerUp = 0): ConfidenceBand {
  if (score >= RANKING.confidenceBands.high && detailShown && runnerUp < CLEAR_LEAD * score) return 'high';
  return score >= RANKING.confidenceBands.medium ? 'medium' : 'low';
}
