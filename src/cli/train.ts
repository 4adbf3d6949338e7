// Trains the learned re-ranker (src/engine/learned.ts) on SQuAD dev only and writes its weights as
// data. Deterministic: articles and questions in file order, full-batch gradient descent from fixed
// starting weights, no randomness, so the same data gives the same weights.
//   npm run train [-- FILE.jsonl] [--articles 0,2,4] [--out FILE.json] [--check]
// --check writes nothing and fails unless the file is what training makes now, byte for byte.
// The objective is listwise: softmax cross-entropy of the passages that hold the answer among the
// best 40 candidates, with an L2 pull towards "trust the hand-tuned score".
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packFromText } from '../knowledge/from-text.ts';
import { buildEngineParts, questionRanker } from '../engine/create-engine.ts';
import { FEATURE_NAMES } from '../engine/features.ts';
import { RANKER_FILE, useModel, type RankerModel } from '../engine/learned.ts';
import { REPO_ROOT } from '../repo-root.ts';

/** The shared evaluation data beside the checkout, and the SQuAD split the weights are trained on. */
const SHARED = join(REPO_ROOT, '..', 'shared');
export const DEFAULT_DATA = join(SHARED, 'datasets/squad-v1.1-dev/dev.jsonl');

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
  return articles.flatMap((art) => articleExamples(art));
}

/**
 * One article's examples, its candidates ranked as the engine ranks them at run time (the same pack
 * as `--article` on a blank-line text file, the same question reading and ranking: questionRanker).
 */
function articleExamples(art: SquadArticle): Example[] {
  useModel(null);
  try {
    const ranker = questionRanker(buildEngineParts(packFromText(art.paragraphs.join('\n\n') + '\n', 'squad')));
    const records = ranker.records;
    const paras = art.paragraphs.map(norm);
    const out: Example[] = [];
    for (const q of art.questions) {
      const { ranked } = ranker.rank(ranker.analyse(q.question));
      const gold = ranked.map((s) => {
        const t = norm(records[s.id]!.text);
        return paras[q.paragraph]!.includes(t) && q.answers.some((a) => t.includes(norm(a.text)));
      });
      if (gold.some(Boolean) && gold.some((g) => !g)) out.push({ x: ranked.map((s) => s.features!), gold });
    }
    return out;
  } finally {
    useModel(undefined);
  }
}

/**
 * A short fingerprint of an article's examples (every feature value and gold flag). ranker.json keeps
 * one per training article, so a test can recompute one article's and catch a feature, candidate or
 * question-reading change that the committed weights were not trained on.
 */
export function examplesDigest(examples: Example[]): string {
  const hash = createHash('sha256');
  for (const e of examples) {
    e.x.forEach((row, i) => hash.update(`${e.gold[i] ? 1 : 0}:${row.map((v) => v.toPrecision(10)).join(',')}\n`));
    hash.update('|\n');
  }
  return hash.digest('hex').slice(0, 16);
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

/** The committed file's text for these articles: weights, and what they were trained on. */
export function trainedFile(articles: SquadArticle[], data: { name: string; bytes: Buffer }): { text: string; model: RankerModel; questions: number } {
  const perArticle = articles.map((a) => articleExamples(a));
  const model = train(perArticle.flat());
  model.training = {
    data: data.name,
    sha256: createHash('sha256').update(data.bytes).digest('hex'),
    ...TRAINING,
    articles: articles.map((a, i) => ({ title: a.title, examples: perArticle[i]!.length, digest: examplesDigest(perArticle[i]!) })),
  };
  return { text: JSON.stringify(model, null, 1) + '\n', model, questions: perArticle.reduce((n, e) => n + e.length, 0) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const file = args.find((a) => a.endsWith('.jsonl')) ?? DEFAULT_DATA;
  const bytes = readFileSync(file);
  let articles = bytes.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as SquadArticle);
  const pick = opt('--articles');
  if (pick) articles = pick.split(',').map((i) => articles[Number(i)]!);
  const { text, model, questions } = trainedFile(articles, { name: relative(SHARED, file), bytes });
  const out = opt('--out') ?? fileURLToPath(RANKER_FILE);
  if (args.includes('--check')) {
    // CI-style check: the committed weights are what this script makes at this commit.
    const same = readFileSync(out, 'utf8') === text;
    console.log(same ? `${out} is reproduced byte for byte` : `${out} differs from what training makes now: run npm run train`);
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(out, text);
    console.log(`${questions} questions from ${articles.length} articles → ${out}`);
    FEATURE_NAMES.forEach((n, j) => console.log(`  ${n.padEnd(28)} ${model.weights[j]!.toFixed(3)}`));
  }
}
