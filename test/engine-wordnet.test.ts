// The precomputed WordNet relations load and relate what they should, and the learned re-ranker's
// training is reproducible and its committed weights fit the features the engine computes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relationsOf, wordnetStems } from '../src/engine/wordnet.ts';
import { stemWord } from '../src/engine/text.ts';
import { FEATURE_NAMES } from '../src/engine/features.ts';
import { RANKER_FILE, type RankerModel } from '../src/engine/learned.ts';
import { createHash } from 'node:crypto';
import { examplesDigest, examplesOf, fit, objective, train, TRAINING, TRAINING_GRADIENT, TRAINING_NEWTON } from '../src/cli/train.ts';
import { sharedFile } from './helpers/shared.ts';
import { createEngine } from '../src/engine/index.ts';
import { loadArticleFile } from '../src/knowledge/loader.ts';

const weights = { synonym: 0.3, derivation: 0.6, antonym: 0.4, hypernym: 0.15 };

describe('WordNet relations', () => {
  it('knows succeed and fail as opposites, and derivations of a word', () => {
    expect(relationsOf(stemWord('succeed'))!.antonyms).toContain(stemWord('fail'));
    expect(relationsOf(stemWord('fail'))!.antonyms).toContain(stemWord('succeed'));
    expect(relationsOf(stemWord('succeed'))!.derivations).toContain(stemWord('success'));
    expect(relationsOf(stemWord('chinese'))!.derivations).toContain(stemWord('china'));
    expect(relationsOf('zzqx')).toBeUndefined();
  });

  it('offers antonyms only to yes/no questions, always below the word itself', () => {
    const yesNo = wordnetStems(stemWord('succeed'), 'did the revolt succeed', weights);
    const open = wordnetStems(stemWord('succeed'), 'how did the revolt succeed', weights);
    expect(yesNo.map((s) => s.stem)).toContain(stemWord('fail'));
    expect(open.map((s) => s.stem)).not.toContain(stemWord('fail'));
    expect(Math.max(...yesNo.map((s) => s.weight))).toBeLessThan(1);
  });
});

describe('WordNet by pack', () => {
  // A pack fresh from `npm run ingest` has no curated keywords: WordNet matches for it as for a bare article.
  const bare = loadArticleFile(join(import.meta.dirname, 'fixtures/harbour-article.txt'));
  const matched = (pack: typeof bare) => createEngine(pack).answer('when will construction commence').answer?.matched ?? [];

  it('relates words for a bare article and a generated pack, not for a curated one', () => {
    expect(matched(bare)).toContain('begin');
    expect(matched({ ...bare, curated: true, meta: { ...bare.meta, generated: true } })).toContain('begin');
    expect(matched({ ...bare, curated: true })).not.toContain('begin');
  });
});

describe('learned re-ranker', () => {
  const article = {
    title: 'slice',
    paragraphs: [
      'The bridge was built in 1932 by the city council. It carries a road and a railway over the river.',
      'Engineers from Sydney designed the arch. The steel came from England, shipped over three years.',
    ],
    questions: [
      { question: 'When was the bridge built?', paragraph: 0, answers: [{ text: '1932' }] },
      { question: 'What does the bridge carry?', paragraph: 0, answers: [{ text: 'a road and a railway' }] },
      { question: 'Where did the steel come from?', paragraph: 1, answers: [{ text: 'England' }] },
      { question: 'Who designed the arch?', paragraph: 1, answers: [{ text: 'Engineers from Sydney' }] },
    ],
  };

  it('trains to the same weights twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ranker-'));
    try {
      const runs = [0, 1].map((i) => {
        const file = join(dir, `ranker-${i}.json`);
        const examples = examplesOf([article]);
        expect(examples.length).toBeGreaterThan(0);
        writeFileSync(file, JSON.stringify(train(examples)));
        return readFileSync(file, 'utf8');
      });
      expect(runs[0]).toBe(runs[1]);
      expect((JSON.parse(runs[0]!) as RankerModel).weights).toHaveLength(FEATURE_NAMES.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fits to convergence with Newton steps: same bytes twice, gradient below tolerance, objective below gradient descent', () => {
    const examples = examplesOf([article]);
    const [a, b] = [0, 1].map(() => JSON.stringify(train(examples, TRAINING_NEWTON)));
    expect(a).toBe(b);
    const newton = fit(examples, TRAINING_NEWTON);
    expect(newton.gradient).toBeLessThanOrEqual(TRAINING_NEWTON.tolerance);
    expect(newton.steps).toBeLessThan(TRAINING_NEWTON.maxIterations);
    const descent = fit(examples, { ...TRAINING_GRADIENT, l2: TRAINING_NEWTON.l2 });
    expect(newton.loss).toBeLessThanOrEqual(descent.loss);
  });

  it("objective's gradient and Hessian are the derivatives of its loss (central differences)", () => {
    const examples = examplesOf([article]);
    const d = FEATURE_NAMES.length;
    const prior = FEATURE_NAMES.map((_, j) => (j === 0 ? 1 : 0));
    // Away from the prior, with weights of both signs, so no term vanishes.
    const w = FEATURE_NAMES.map((_, j) => ((j * 7) % 5) / 10 - 0.2);
    const at = objective(examples, w, prior, 0.01, true);
    const h = 1e-5;
    for (let j = 0; j < d; j++) {
      const up = w.map((v, k) => (k === j ? v + h : v)), down = w.map((v, k) => (k === j ? v - h : v));
      const fu = objective(examples, up, prior, 0.01, true), fd = objective(examples, down, prior, 0.01, true);
      expect(at.grad[j]!).toBeCloseTo((fu.loss - fd.loss) / (2 * h), 5);
      for (let k = 0; k < d; k++) expect(at.hessian![j * d + k]!).toBeCloseTo((fu.grad[k]! - fd.grad[k]!) / (2 * h), 4);
    }
  });

  // `npm run train` reproduces ranker.json byte for byte only while the engine makes the candidates and
  // features the weights were trained on: each article's examples digest catches a change to either.
  const squadDev = sharedFile('datasets/squad-v1.1-dev/dev.jsonl', 'the ranker reproducibility check');
  it.skipIf(!squadDev)('ships weights trained on the data and examples the engine makes now', () => {
    const model = JSON.parse(readFileSync(RANKER_FILE, 'utf8')) as RankerModel;
    const bytes = readFileSync(squadDev!);
    expect(model.training).toBeDefined();
    const { articles, sha256, ...settings } = model.training!;
    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const { data: _data, ...fitSettings } = settings;
    expect(fitSettings).toEqual(TRAINING);
    const squad = bytes.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as typeof article & { title: string });
    expect(articles.map((a) => a.title)).toEqual(squad.map((a) => a.title));
    // Every article: a change that moves only some articles' examples (a lexicon group, a question-reading
    // rule) left the weights stale while one article's digest still matched.
    squad.forEach((a, k) => {
      const examples = examplesOf([a]);
      expect(examples.length, a.title).toBe(articles[k]!.examples);
      expect(examplesDigest(examples), a.title).toBe(articles[k]!.digest);
    });
  }, 120_000);

  it('ships weights for exactly the features the engine computes', () => {
    const model = JSON.parse(readFileSync(RANKER_FILE, 'utf8')) as RankerModel;
    expect(model.features).toEqual([...FEATURE_NAMES]);
    expect(model.weights.every(Number.isFinite)).toBe(true);
  });
});
