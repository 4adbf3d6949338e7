// The scorer's rules (../shared/eval/score.mjs), in process: top-1 passage, refusals of questions the
// article does not answer, and attribution on the top passage. Shared by the quality tests so every
// figure in them is computed the same way.
import { readFileSync } from 'node:fs';
import type { Engine } from '../../src/engine/index.ts';
import { norm } from '../../src/cli/eval/score.ts';

export { norm };

export interface Item {
  question: string;
  expect: { found: boolean; passage_contains_any?: string[]; attribution_mentions_any?: string[] };
}

export interface Figures {
  top1: number;
  reject: number;
  attribution: number;
}

export function scoreSet(engine: Engine, items: Item[]): Figures {
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

export const readSet = (file: string): Item[] =>
  readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Item);
