// Guards answer quality with the scorer's own rules, in process: the seed article's dev questions,
// our own held-out questions of the same kinds, and a slice of SQuAD dev. Floors, not exact values,
// so honest improvements pass and regressions fail.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../src/engine/index.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';
import { packFromText } from '../src/knowledge/from-text.ts';

const shared = join(import.meta.dirname, '../../shared');
const norm = (s: unknown) =>
  String(s ?? '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

interface Item {
  question: string;
  expect: { found: boolean; passage_contains_any?: string[]; attribution_mentions_any?: string[] };
}

function scoreSet(engine: Engine, items: Item[]) {
  const t = { answerable: 0, top1: 0, negatives: 0, rejected: 0, attrAsked: 0, attr: 0 };
  for (const item of items) {
    const a = engine.answer(item.question);
    if (!item.expect.found) {
      t.negatives++;
      if (!a.found) t.rejected++;
      continue;
    }
    t.answerable++;
    const gold = item.expect.passage_contains_any!.map(norm);
    const top = a.found && gold.some((g) => norm(a.answer!.text).includes(g));
    if (top) t.top1++;
    if (item.expect.attribution_mentions_any) {
      t.attrAsked++;
      if (top && item.expect.attribution_mentions_any.some((w) => norm(a.answer!.attribution).includes(norm(w)))) t.attr++;
    }
  }
  return { top1: t.top1 / t.answerable, reject: t.rejected / t.negatives, attribution: t.attr / t.attrAsked };
}

const readSet = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Item);
const engine = createEngine(loadDefaultPack());

describe('answer quality', () => {
  it.skipIf(!existsSync(join(shared, 'eval/time-dev.jsonl')))('meets issue 2 floors on the seed dev set', () => {
    const f = scoreSet(engine, readSet(join(shared, 'eval/time-dev.jsonl')));
    expect(f.top1).toBeGreaterThanOrEqual(0.95);
    expect(f.reject).toBeGreaterThanOrEqual(0.9);
    expect(f.attribution).toBeGreaterThanOrEqual(0.95);
  });

  it('generalises to our own held-out questions about the seed article', () => {
    const f = scoreSet(engine, readSet(join(import.meta.dirname, 'fixtures/seed-extra.jsonl')));
    expect(f.top1).toBeGreaterThanOrEqual(0.9);
    expect(f.reject).toBe(1);
    expect(f.attribution).toBeGreaterThanOrEqual(0.9);
  });

  it.skipIf(!existsSync(join(shared, 'datasets/squad-v1.1-dev/dev.jsonl')))('ranks the right sentence first on a slice of SQuAD dev', () => {
    const line = readFileSync(join(shared, 'datasets/squad-v1.1-dev/dev.jsonl'), 'utf8').split('\n')[1]!;
    const art = JSON.parse(line) as { paragraphs: string[]; questions: Array<{ question: string; paragraph: number; answers: Array<{ text: string }> }> };
    const squad = createEngine(packFromText(art.paragraphs.join('\n\n'), 'squad'));
    const paras = art.paragraphs.map(norm);
    let hits = 0;
    for (const q of art.questions) {
      const a = squad.answer(q.question);
      const t = norm(a.answer?.text);
      if (a.found && paras[q.paragraph]!.includes(t) && q.answers.some((x) => t.includes(norm(x.text)))) hits++;
    }
    expect(hits / art.questions.length).toBeGreaterThanOrEqual(0.5);
  });
});
