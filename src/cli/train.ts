// Trains the learned re-ranker (src/engine/learned.ts) on SQuAD dev only and writes its weights as
// data. Deterministic: articles and questions in file order, full-batch gradient descent from fixed
// starting weights, no randomness, so the same data gives the same weights.
//   npm run train [-- FILE.jsonl] [--articles 0,2,4] [--out FILE.json]
// The objective is listwise: softmax cross-entropy of the passages that hold the answer among the
// best 40 candidates, with an L2 pull towards "trust the hand-tuned score".
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packFromText } from '../knowledge/from-text.ts';
import { buildPassages } from '../engine/passages.ts';
import { buildTermIndex } from '../engine/term-index.ts';
import { Vocabulary } from '../engine/fuzzy.ts';
import { analyseQuestion } from '../engine/question.ts';
import { groupWeights, rankPassages } from '../engine/rank.ts';
import { FEATURE_NAMES } from '../engine/features.ts';
import { RANKER_FILE, useModel, type RankerModel } from '../engine/learned.ts';
import { loadEverydayEnglish } from '../engine/background.ts';

export const TRAINING = { iterations: 600, rate: 1, l2: 0.003 } as const;

interface SquadArticle {
  title: string;
  paragraphs: string[];
  questions: Array<{ question: string; paragraph: number; answers: Array<{ text: string }> }>;
}

/** One question's candidates: feature rows and which of them hold the answer. */
interface Example {
  x: number[][];
  gold: boolean[];
}

const norm = (s: string) => s.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();

export function examplesOf(articles: SquadArticle[]): Example[] {
  loadEverydayEnglish();
  useModel(null);
  const out: Example[] = [];
  for (const art of articles) {
    const pack = packFromText(art.paragraphs.join('\n\n') + '\n', 'squad');
    const records = buildPassages(pack);
    const index = buildTermIndex(records);
    const vocabulary = new Vocabulary(index.words, index.passages.terms, index.words, index.nameOnly);
    const paras = art.paragraphs.map(norm);
    for (const q of art.questions) {
      const question = analyseQuestion(q.question, vocabulary, true);
      const ranked = rankPassages(question, index, records, groupWeights(question, index), true);
      const gold = ranked.map((s) => {
        const t = norm(records[s.id]!.text);
        return paras[q.paragraph]!.includes(t) && q.answers.some((a) => t.includes(norm(a.text)));
      });
      if (gold.some(Boolean) && gold.some((g) => !g)) out.push({ x: ranked.map((s) => s.features!), gold });
    }
  }
  useModel(undefined);
  return out;
}

export function train(examples: Example[]): RankerModel {
  const d = FEATURE_NAMES.length;
  const rows = examples.flatMap((e) => e.x);
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((a, r) => a + r[j]!, 0) / rows.length);
  const scale = mean.map((m, j) => Math.sqrt(rows.reduce((a, r) => a + (r[j]! - m) ** 2, 0) / rows.length) || 1);
  const z = examples.map((e) => ({ x: e.x.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!)), gold: e.gold }));
  // Start from the hand-tuned ranking: all weight on its score.
  // SQuAD has no headlines, so that weight is never trained: it keeps the hand rule's "a headline loses".
  const prior = FEATURE_NAMES.map((n) => (n === 'log hand' ? 1 : n === 'headline' ? -2 : 0));
  const w = [...prior];
  for (let it = 0; it < TRAINING.iterations; it++) {
    const grad = w.map((v, j) => TRAINING.l2 * (v - prior[j]!));
    for (const e of z) {
      const s = e.x.map((r) => r.reduce((a, v, j) => a + v * w[j]!, 0));
      const max = Math.max(...s);
      const p = s.map((v) => Math.exp(v - max));
      const total = p.reduce((a, b) => a + b, 0);
      const goldTotal = p.reduce((a, v, i) => a + (e.gold[i] ? v : 0), 0);
      // d(-log Σgold p / Σ p)/ds_i = p_i/Σp − [gold] p_i/Σgold p
      for (let i = 0; i < s.length; i++) {
        const g = (p[i]! / total - (e.gold[i] ? p[i]! / goldTotal : 0)) / z.length;
        if (g) for (let j = 0; j < d; j++) grad[j]! += g * e.x[i]![j]!;
      }
    }
    for (let j = 0; j < d; j++) w[j]! -= TRAINING.rate * grad[j]!;
  }
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { features: [...FEATURE_NAMES], mean: mean.map(round), scale: scale.map(round), weights: w.map(round) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const file = args.find((a) => a.endsWith('.jsonl')) ?? fileURLToPath(new URL('../../../shared/datasets/squad-v1.1-dev/dev.jsonl', import.meta.url));
  let articles = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as SquadArticle);
  const pick = opt('--articles');
  if (pick) articles = pick.split(',').map((i) => articles[Number(i)]!);
  const examples = examplesOf(articles);
  const model = train(examples);
  const out = opt('--out') ?? fileURLToPath(RANKER_FILE);
  writeFileSync(out, JSON.stringify(model, null, 1) + '\n');
  console.log(`${examples.length} questions from ${articles.length} articles → ${out}`);
  FEATURE_NAMES.forEach((n, j) => console.log(`  ${n.padEnd(24)} ${model.weights[j]!.toFixed(3)}`));
}
