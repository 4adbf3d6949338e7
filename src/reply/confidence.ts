// Turns the engine's 0..1 score into words a reader can act on, plus a colour for the embed.
import { COLOURS } from './message.ts';
import { RANKING } from '../engine/ranking-defaults.ts';

export interface ConfidenceHint {
  label: string;
  colour: number;
}

export function confidenceHint(raw: number): ConfidenceHint {
  const score = Number.isFinite(raw) ? raw : 0;
  const pct = `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
  if (score >= RANKING.confidenceBands.high) return { label: `High (${pct}): the passage addresses the question directly.`, colour: COLOURS.high };
  if (score >= RANKING.confidenceBands.medium) return { label: `Medium (${pct}): read the passage to be sure.`, colour: COLOURS.medium };
  return { label: `Low (${pct}): the closest passage, which may not answer it.`, colour: COLOURS.low };
}
