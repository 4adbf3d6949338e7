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
 * score. Chosen on SQuAD dev, the High answers' precision by the runner-up's share, as the weights
 * trained with small numbers spelt either way (word-forms.ts) rank: 94.5% (957) at 0.3, 95.4% (921)
 * at 0.25, 95.9% (856) at 0.2, 96.5% (771) at 0.15; 0.25 is the loosest at 95% or better. Checked on
 * SQuAD test: 96.0% of 867. (The weights before: 95.3% of 874 at 0.3, the setting then.)
 */
export const LEARNED_CLEAR_LEAD = 0.25;

/**
 * `detailShown`: the passage holds the kind of thing asked for (a reason for "why", a name for "who"); never High without it.
 * `runnerUp`: the confidence of the next passage, when there is one; `lead`, the share of the answer's it must stay below.
 */
export function bandOf(score: number, detailShown = true, runnerUp = 0, lead = CLEAR_LEAD): ConfidenceBand {
  if (score >= RANKING.confidenceBands.high && detailShown && runnerUp < lead * score) return 'high';
  return score >= RANKING.confidenceBands.medium ? 'medium' : 'low';
}
