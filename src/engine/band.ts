// The confidence band of an answer, from the one set of calibrated thresholds every reply and the
// unanswered log share (RANKING.confidenceBands).
import { RANKING } from './ranking-defaults.ts';
import type { ConfidenceBand } from './types.ts';

/** `detailShown`: the passage holds the kind of thing asked for (a reason for "why", a name for "who"); never High without it. */
export function bandOf(score: number, detailShown = true): ConfidenceBand {
  if (score >= RANKING.confidenceBands.high && detailShown) return 'high';
  return score >= RANKING.confidenceBands.medium ? 'medium' : 'low';
}
