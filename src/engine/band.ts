// The confidence band of an answer, from the one set of calibrated thresholds every reply and the
// unanswered log share (RANKING.confidenceBands).
import { RANKING } from './ranking-defaults.ts';
import type { ConfidenceBand } from './types.ts';

export function bandOf(score: number): ConfidenceBand {
  if (score >= RANKING.confidenceBands.high) return 'high';
  return score >= RANKING.confidenceBands.medium ? 'medium' : 'low';
}
