// The learned re-ranker: a linear model over the features of features.ts, trained on SQuAD dev by
// `npm run train` (src/cli/train.ts) and committed as data (data/ranker.json). It reorders the best
// candidates of rank.ts; scores stay on the hand-tuned scale of the best one, so confidence keeps
// its meaning and an alternative never scores above the answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../repo-root.ts';
import type { Question } from './question.ts';
import { FEATURE_NAMES, featureVector, questionShape, type CandidateParts } from './features.ts';

// Found from the checkout's root, so the bundled build reads the same file as src/.
export const RANKER_FILE = pathToFileURL(join(REPO_ROOT, 'src/engine/data/ranker.json'));

export interface RankerModel {
  features: readonly string[];
  mean: number[];
  scale: number[];
  weights: number[];
  /** What `npm run train` learned from: the data file and settings, and each article's examples digest. */
  training?: {
    data: string;
    sha256: string;
    /** The fit's settings (train.ts TrainingSettings): 'newton' with a tolerance, or fixed-rate gradient steps. */
    method?: 'newton' | 'gradient';
    l2: number;
    iterations?: number;
    rate?: number;
    tolerance?: number;
    maxIterations?: number;
    articles: Array<{ title: string; examples: number; digest: string }>;
  };
}

let model: RankerModel | null | undefined;

function load(): RankerModel | null {
  // RANKER=off ranks by the hand-tuned score alone; RANKER=FILE tries other weights (src/cli/train.ts).
  const chosen = process.env.RANKER;
  if (chosen === 'off') return null;
  const m = JSON.parse(readFileSync(chosen || RANKER_FILE, 'utf8')) as RankerModel;
  // Weights for another feature list would be silently wrong: rank by hand until retrained.
  return m.features.join('|') === FEATURE_NAMES.join('|') ? m : null;
}

/** Whether the re-ranker has weights to rank by (none with RANKER=off, or for another feature list). */
export function modelInUse(): boolean {
  if (model === undefined) model = load();
  return model !== null;
}

export function useModel(m: RankerModel | null | undefined): void {
  model = m;
}

export function modelScore(m: RankerModel, x: number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (m.weights[i]! * (x[i]! - m.mean[i]!)) / m.scale[i]!;
  return s;
}

/** What of rank.ts's Scored the re-ranker reads and sets (not imported: rank.ts imports this file). */
interface Ranked {
  id: number;
  score: number;
  features?: number[];
}

/** `parts` is empty unless `useLearned` (rank.ts computes the features only for the model). */
export function rerank<T extends Ranked>(out: T[], parts: CandidateParts[], q: Question, useLearned: boolean): T[] {
  if (!useLearned) return out.sort((a, b) => b.score - a.score || a.id - b.id);
  let topSentence = 0, topParagraph = 0;
  for (const p of parts) {
    topSentence = Math.max(topSentence, p.sentence);
    topParagraph = Math.max(topParagraph, p.paragraph);
  }
  const shape = questionShape(q);
  out.forEach((s, i) => (s.features = featureVector({ ...parts[i]!, topSentence, topParagraph }, shape)));
  if (!modelInUse() || !model || out.length < 2) return out.sort((a, b) => b.score - a.score || a.id - b.id);
  const m = model;
  const learned = new Map(out.map((s) => [s, modelScore(m, s.features!)]));
  out.sort((a, b) => learned.get(b)! - learned.get(a)! || a.id - b.id);
  // The answer keeps the hand score of the best candidate; the rest fall away from it as the model says.
  const anchor = out[0]!.score;
  const top = learned.get(out[0]!)!;
  const slope = Math.max(1e-6, m.weights[0]! / m.scale[0]!);
  for (const s of out) s.score = anchor * Math.exp((learned.get(s)! - top) / slope);
  return out;
}
