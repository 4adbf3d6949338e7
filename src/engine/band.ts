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
 * The same for an article ranked by the learned re-ranker (no curator's keywords: learned.ts), whose
 * runner-up's confidence is exp(−margin) of the answer's: a lead means a margin, not a share of a hand
 * score. Chosen on SQuAD dev, the High answers' precision by the runner-up's share: 88.3% of 1,187
 * High at 0.9, 93.9% (962) at 0.4, 95.3% (874) at 0.3, 96.5% (746) at 0.2; 0.3 is the loosest
 * at 95% or better. Checked on SQuAD test: 95.8% of 830 (89.8% of 1,087 at 0.9).
 */
export const LEARNED_CLEAR_LEAD = 0.3;

/**
 * `detailShown`: the passage holds the kind of thing asked for (a reason for "why", a name for "who"); never High without it.
 * `runnerUp`: the confidence of the next passage, when there is one; `lead`, the share of the answer's it must stay below.
 */
export function bandOf(score: number, detailShown = true, runnerUp = 0, lead = CLEAR_LEAD): ConfidenceBand {
  if (score >= RANKING.confidenceBands.high && detailShown && runnerUp < lead * score) return 'high';
  return score >= RANKING.confidenceBands.medium ? 'medium' : 'low';
}
