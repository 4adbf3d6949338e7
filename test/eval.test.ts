// npm run eval: the scorer's hit rules on answers built by hand, then the whole evaluation over small
// sets written to a temp dir (real files, the real engine, the real ingest command), checked against
// ../shared/eval/score.mjs itself when it is beside the checkout.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Passage } from '../src/engine/types.ts';
import { passageKey } from '../src/engine/passage-key.ts';
import { formatTable } from '../src/cli/eval.ts';
import { halves, scoreItems, squadFigures, tallySquad, emptySquadTally, type QuestionItem } from '../src/cli/eval/score.ts';
import { evaluate, type Row } from '../src/cli/eval/sets.ts';

const root = join(import.meta.dirname, '..');
const scorer = join(root, '..', 'shared', 'eval', 'score.mjs');

const passage = (text: string, attribution = 'the article'): Passage => ({
  text, attribution, speaker: attribution, how: 'reporting', paragraph: 1, paragraphLabel: '¶1', passageId: 1, key: passageKey(text), score: 0.9, matched: [], article: 'a',
});
const answer = (found: boolean, texts: string[], extra: Partial<Answer> = {}): Answer => ({
  question: 'q', found, answer: texts[0] ? passage(texts[0], 'Mayor Elena Ruiz') : null, alternatives: texts.slice(1).map((t) => passage(t)), missing: [], suggestions: [], ...extra,
});
const item = (id: string, found: boolean, gold: string[] = [], attribution?: string[]): QuestionItem => ({
  id, question: id, expect: { found, passage_contains_any: gold, ...(attribution ? { attribution_mentions_any: attribution } : {}) },
});

describe('the scorer’s hit rules', () => {
  it('counts top1, top3, rejections, attribution only on a top hit, and the precision of High answers', () => {
    const items = [
      item('q1', true, ['Bridge’s   COST'], ['ruiz']), // curly quote and spaces normalised: a top hit, attribution right
      item('q2', true, ['second'], ['ruiz']), // hit at 2: top3 only, attribution not counted
      item('q3', true, ['nowhere']), // refused: a false rejection
      item('q4', false), // rejected
      item('q5', false), // answered with High confidence: a wrong High
    ];
    const answers = [
      answer(true, ["the bridge's cost is high"], { band: 'high' }),
      answer(true, ['first', 'the second one'], { band: 'medium' }),
      answer(false, []),
      answer(false, []),
      answer(true, ['anything'], { band: 'high' }),
    ];
    const f = scoreItems(items, answers);
    expect(f).toEqual({ questions: 5, top1: 1 / 3, top3: 2 / 3, reject: 1 / 2, attribution: 1 / 2, falseReject: 1 / 3, highPrecision: 1 / 2, high: 2 });
  });

  it('splits a set by the parity of the number its ids end with', () => {
    const { odd, even } = halves([item('c01', true), item('c02', true), item('news-x-13', true), item('d10', false)]);
    expect(odd.map((i) => i.id)).toEqual(['c01', 'news-x-13']);
    expect(even.map((i) => i.id)).toEqual(['c02', 'd10']);
  });

  it('counts a SQuAD hit only inside the question’s paragraph and holding a gold answer', () => {
    const article = { paragraphs: ['Alpha text here. Gold answer.', 'Other gold answer.'], questions: [0, 0, 1].map((p, k) => ({ id: `s${k}`, question: 'q', paragraph: p, answers: [{ text: 'gold answer' }] })) };
    const t = tallySquad(emptySquadTally(), article, [answer(true, ['Gold answer.']), answer(true, ['Alpha text here.', 'x', 'Gold answer.']), answer(true, ['Alpha text here. Gold answer.'])]);
    const f = squadFigures(t);
    expect([f.questions, f.top1, f.top3, f.falseReject]).toEqual([3, 1 / 3, 2 / 3, 0]);
    expect(Number.isNaN(f.reject)).toBe(true);
  });
});

describe('npm run eval over sets in a temp dir', () => {
  let shared: string;
  let rows: Row[];
  const harbour = join(root, 'test', 'fixtures', 'harbour-article.txt');
  const storyItems: QuestionItem[] = [
    item('h01', true, ['240 million dollars']),
    item('h02', false),
    item('h03', true, ['block boats from the inner harbour'], ['becker']),
  ].map((x, k) => ({ ...x, question: ['How much will the bridge cost?', 'What is the recipe for pancakes?', 'Who said the bridge would block boats?'][k]! }));
  const formalItems: QuestionItem[] = [
    { ...item('d01', true, ['met in Beijing with Russian Deputy Foreign Minister Andrey Rudenko']), question: 'Who did Qin Gang meet in Beijing?' },
    { ...item('d02', false), question: 'What is the recipe for pancakes?' },
  ];
  const jsonl = (xs: object[]) => xs.map((x) => JSON.stringify(x)).join('\n') + '\n';

  beforeAll(() => {
    shared = mkdtempSync(join(tmpdir(), 'eval-test-'));
    mkdirSync(join(shared, 'eval', 'news'), { recursive: true });
    mkdirSync(join(shared, 'seeds'));
    mkdirSync(join(shared, 'datasets', 'squad-v1.1-dev'), { recursive: true });
    copyFileSync(join(root, 'knowledge', 'time-china-russia-wagner', 'article.txt'), join(shared, 'seeds', 'seed.txt'));
    writeFileSync(join(shared, 'eval', 'time-dev.jsonl'), jsonl(formalItems));
    copyFileSync(harbour, join(shared, 'eval', 'news', 'harbour.txt'));
    writeFileSync(join(shared, 'eval', 'news', 'harbour.jsonl'), jsonl(storyItems));
    const paragraphs = readFileSync(harbour, 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const cost = paragraphs.findIndex((p) => p.includes('240 million'));
    writeFileSync(join(shared, 'datasets', 'squad-v1.1-dev', 'dev.jsonl'), jsonl([{ paragraphs, questions: [{ id: 's1', question: 'How much will the bridge cost?', paragraph: cost, answers: [{ text: '240 million dollars' }] }] }]));
    rows = evaluate({ root, shared });
  }, 120_000);
  afterAll(() => rmSync(shared, { recursive: true, force: true }));

  const row = (prefix: string) => rows.find((r) => r.set.startsWith(prefix))!;
  const figures = (prefix: string) => {
    const r = row(prefix);
    if (!r || 'skipped' in r) throw new Error(`no figures for ${prefix}`);
    return r.figures;
  };

  it('reports every present set, its halves, and lists the absent ones as skipped with why', () => {
    expect(figures('formal dev (time-dev.jsonl)').questions).toBe(2);
    expect(figures('formal dev (time-dev.jsonl), odd ids').questions).toBe(1);
    expect(figures('formal dev (time-dev.jsonl), even ids').questions).toBe(1);
    expect(figures('formal dev, seed with no curation').questions).toBe(2);
    for (const absent of ['chat dev (time-dev-casual.jsonl)', 'SQuAD test']) expect(row(absent)).toMatchObject({ skipped: expect.stringMatching(/is absent$/) });
    expect(figures('news dev, --article (1 stories)').questions).toBe(3);
    expect(figures('news dev, ingested packs (1 stories)').questions).toBe(3);
    expect(figures('SQuAD dev (1 articles)')).toMatchObject({ questions: 1, top1: 1, falseReject: 0 });
    expect(figures('fixtures seed-extra.jsonl').questions).toBeGreaterThan(0);
    const table = formatTable(rows);
    expect(table).toMatch(/^\| set \| n \| top1 /);
    expect(table).toContain('- skipped SQuAD test:');
  });

  it('answers the news story right through both --article and the ingested pack', () => {
    for (const name of ['news dev, --article', 'news dev, ingested packs']) expect(figures(name)).toMatchObject({ top1: 1, reject: 1, falseReject: 0 });
  });

  it.skipIf(!existsSync(scorer))('gives the same figures as ../shared/eval/score.mjs', () => {
    const run = (set: string, cmd: string) => {
      const res = spawnSync(process.execPath, [scorer, '--set', set, '--cmd', cmd], { cwd: root, encoding: 'utf8' });
      expect(res.status).toBe(0);
      return res.stdout.trim().split('\n').pop()!;
    };
    const show = (f: ReturnType<typeof figures>) =>
      (['top1', 'top3', 'reject', 'attribution', 'falseReject'] as const).map((k) => `${k}=${Number.isNaN(f[k]) ? 'n/a' : `${(100 * f[k]).toFixed(1)}%`}`).join(' ');
    const story = join(shared, 'eval', 'news', 'harbour');
    expect(run(`${story}.jsonl`, `npm run --silent ask -- --json --article '${story}.txt'`)).toBe(show(figures('news dev, --article')));
    expect(run(join(shared, 'eval', 'time-dev.jsonl'), 'npm run --silent ask -- --json')).toBe(show(figures('formal dev (time-dev.jsonl)')));
  }, 60_000);

  it('scores a fixture set one folder down against the fixture pack it is named after', () => {
    const fake = join(shared, 'checkout');
    mkdirSync(join(fake, 'test', 'fixtures', 'chat'), { recursive: true });
    cpSync(join(root, 'test', 'fixtures', 'packs', 'harbour-bridge'), join(fake, 'test', 'fixtures', 'packs', 'harbour-bridge'), { recursive: true });
    writeFileSync(join(fake, 'test', 'fixtures', 'chat', 'harbour-bridge.jsonl'), jsonl(storyItems.slice(0, 2)));
    const [only] = evaluate({ root: fake, shared }, ['fixtures']);
    expect(only).toMatchObject({ set: 'fixtures chat/harbour-bridge.jsonl', figures: { questions: 2, top1: 1, reject: 1 } });
    expect(evaluate({ root: fake, shared }, ['fixtures']).map((r) => r.set)).toEqual(['fixtures chat/harbour-bridge.jsonl', 'fixtures chat/harbour-bridge.jsonl, odd ids', 'fixtures chat/harbour-bridge.jsonl, even ids']);
  });

  it('says every set is skipped when nothing is beside the checkout', () => {
    const none = evaluate({ root: shared, shared: join(shared, 'nothing-here') }, ['dev', 'news', 'squad', 'fixtures']);
    expect(none.every((r) => 'skipped' in r)).toBe(true);
    expect(none.map((r) => r.set)).toEqual(expect.arrayContaining(['news dev, --article', 'SQuAD dev', 'engine fixtures']));
  });
});
