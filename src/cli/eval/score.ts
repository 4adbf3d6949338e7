// The hit rules of ../shared/eval/score.mjs, in process: same normalisation, same figures. Kept as a
// copy (the scorer is outside the project and a clone may lack it); test/eval-score.test.ts checks the
// two agree on real answers whenever the scorer is there.
import type { Answer } from '../../engine/index.ts';

export interface QuestionItem {
  id: string;
  question: string;
  kind?: string;
  expect: { found: boolean; passage_contains_any?: string[]; attribution_mentions_any?: string[] };
}

export interface SquadArticle {
  paragraphs: string[];
  questions: Array<{ id: string; question: string; paragraph: number; answers: Array<{ text: string }> }>;
}

/** Every figure of the table as a share in 0..1; NaN where the set has nothing to count. */
export interface Figures {
  questions: number;
  top1: number;
  top3: number;
  reject: number;
  attribution: number;
  falseReject: number;
  /** Of the answers shown with band 'high', the share that are right (NaN when none is high). */
  highPrecision: number;
  /** How many answers were shown with band 'high'. */
  high: number;
}

export const norm = (s: unknown): string =>
  String(s ?? '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const share = (n: number, d: number) => (d ? n / d : NaN);

/** The texts the scorer looks at: the answer, then the alternatives. */
function textsOf(a: Answer): string[] {
  return [a.answer, ...(a.alternatives ?? [])].filter((p) => p != null).map((p) => norm(p.text));
}

/** A question-set's figures, as score.mjs scores them (answers[k] answers items[k]). */
export function scoreItems(items: readonly QuestionItem[], answers: readonly Answer[]): Figures {
  const t = { answerable: 0, top1: 0, top3: 0, attrAsked: 0, attr: 0, negatives: 0, rejected: 0, falseReject: 0, high: 0, highRight: 0 };
  items.forEach((item, k) => {
    const a = answers[k]!;
    const high = a.found && a.band === 'high';
    if (high) t.high++;
    if (!item.expect.found) {
      t.negatives++;
      if (!a.found) t.rejected++;
      return;
    }
    t.answerable++;
    const gold = (item.expect.passage_contains_any ?? []).map(norm);
    const hitAt = textsOf(a).findIndex((text) => gold.some((g) => text.includes(g)));
    if (!a.found) t.falseReject++;
    if (a.found && hitAt === 0) {
      t.top1++;
      if (high) t.highRight++;
    }
    if (a.found && hitAt >= 0 && hitAt < 3) t.top3++;
    if (item.expect.attribution_mentions_any) {
      t.attrAsked++;
      const attr = norm(a.answer?.attribution);
      if (hitAt === 0 && item.expect.attribution_mentions_any.some((w) => attr.includes(norm(w)))) t.attr++;
    }
  });
  return {
    questions: items.length,
    top1: share(t.top1, t.answerable),
    top3: share(t.top3, t.answerable),
    reject: share(t.rejected, t.negatives),
    attribution: share(t.attr, t.attrAsked),
    falseReject: share(t.falseReject, t.answerable),
    highPrecision: share(t.highRight, t.high),
    high: t.high,
  };
}

/** Counts behind SQuAD figures, summed over articles before dividing (as the scorer does). */
export interface SquadTally {
  n: number;
  top1: number;
  top3: number;
  falseReject: number;
  high: number;
  highRight: number;
}

export const emptySquadTally = (): SquadTally => ({ n: 0, top1: 0, top3: 0, falseReject: 0, high: 0, highRight: 0 });

/** Adds one SQuAD article's answers: a hit lies inside the question's paragraph and holds a gold answer. */
export function tallySquad(t: SquadTally, article: SquadArticle, answers: readonly Answer[]): SquadTally {
  const paras = article.paragraphs.map(norm);
  article.questions.forEach((q, k) => {
    const a = answers[k]!;
    t.n++;
    if (!a.found) t.falseReject++;
    const hit = (text: string) => paras[q.paragraph]!.includes(text) && q.answers.some((ans) => text.includes(norm(ans.text)));
    const hitAt = textsOf(a).findIndex(hit);
    const high = a.found && a.band === 'high';
    if (high) t.high++;
    if (a.found && hitAt === 0) {
      t.top1++;
      if (high) t.highRight++;
    }
    if (a.found && hitAt >= 0 && hitAt < 3) t.top3++;
  });
  return t;
}

export function squadFigures(t: SquadTally): Figures {
  return {
    questions: t.n,
    top1: share(t.top1, t.n),
    top3: share(t.top3, t.n),
    reject: NaN,
    attribution: NaN,
    falseReject: share(t.falseReject, t.n),
    highPrecision: share(t.highRight, t.high),
    high: t.high,
  };
}

/** Odd and even ids (by the number an id ends with), for tuning on one half and checking on the other. */
export function halves<T extends { id: string }>(items: readonly T[]): { odd: T[]; even: T[] } {
  const odd: T[] = [];
  const even: T[] = [];
  items.forEach((item, i) => {
    const n = Number(/(\d+)\D*$/.exec(item.id)?.[1] ?? i + 1);
    (n % 2 === 1 ? odd : even).push(item);
  });
  return { odd, even };
}
