// Turns the engine's confidence into words a reader can act on, plus a colour for the embed. The
// engine's band decides the word when it gives one (so every reply agrees on what "High" means);
// the score alone decides it otherwise.
import { type ConfidenceBand, bandOf } from '../engine/index.ts';
import { COLOURS } from './message.ts';

export interface ConfidenceHint {
  label: string;
  colour: number;
}

const HINTS: Record<ConfidenceBand, (pct: string) => ConfidenceHint> = {
  high: (pct) => ({ label: `High (${pct}): the passage addresses the question directly.`, colour: COLOURS.high }),
  medium: (pct) => ({ label: `Medium (${pct}): read the passage to be sure.`, colour: COLOURS.medium }),
  low: (pct) => ({ label: `Low (${pct}): the closest passage, which may not answer it.`, colour: COLOURS.low }),
};

export function confidenceHint(raw: number, band?: ConfidenceBand): ConfidenceHint {
  const score = Number.isFinite(raw) ? raw : 0;
  const pct = `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
  return HINTS[band && band in HINTS ? band : bandOf(score)](pct);
}
