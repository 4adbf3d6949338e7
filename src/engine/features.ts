// The ranking features of one candidate passage, as the learned re-ranker (learned.ts) reads them.
// Every feature is scale-free (logs, shares, flags), so one set of weights fits a 10-sentence news
// story and a 90-paragraph Wikipedia article alike.
import type { AnswerType, Question } from './question.ts';
import { STOP_WORDS, tokenize, type Token } from './text.ts';

export interface CandidateParts {
  /** The hand-tuned score of rank.ts, which the model corrects rather than replaces. */
  hand: number;
  sentence: number;
  paragraph: number;
  neighbours: number;
  /** Share of the question's weight the sentence answers to: all matches, and the question's own words only. */
  coverage: number;
  exact: number;
  contextCoverage: number;
  /** The share of the question's weight its paragraph matches word for word (no related words). */
  contextExact: number;
  /** Coverage of the sentence read together with the one before it in its paragraph. */
  withBefore: number;
  /** Proximity bonus over the question's total weight. */
  proximity: number;
  phrases: number;
  type: number;
  speaker: number;
  headline: boolean;
  /** Words in the sentence, and how many of them the question does not use (where an answer can be). */
  length: number;
  fresh: number;
  /** The sentence opens its paragraph. */
  opens: boolean;
  tokens: Token[];
  /** The best candidate's sentence and paragraph scores, to read this one's against. */
  topSentence: number;
  topParagraph: number;
}

const TYPES: AnswerType[] = ['when', 'number', 'who', 'where', 'why', 'quote'];

export const FEATURE_NAMES = [
  'log hand',
  'log sentence',
  'log paragraph',
  'log neighbours',
  'coverage',
  'exact coverage',
  'related-only coverage',
  'context coverage',
  'proximity',
  'phrases',
  'speaker',
  'headline',
  'log length',
  'fresh share',
  'opens paragraph',
  'sentence / best',
  'paragraph / best',
  ...TYPES.map((t) => `type bonus (${t})`),
  'longest common run',
  'surface words share',
  'question words share',
  'fresh names (who/where)',
  'fresh names (other)',
  'fresh numbers (when/number)',
  'fresh numbers (other)',
  'matched span',
  'coverage with the sentence before',
  'context exact coverage',
] as const;

/** What of the question every candidate is compared with, worked out once per question. */
export interface QuestionShape {
  type: AnswerType;
  words: string[];
  content: Set<string>;
  stems: Set<string>;
}

export function questionShape(q: Question): QuestionShape {
  const tokens = tokenize(q.text);
  const content = tokens.filter((t) => !STOP_WORDS.has(t.word));
  return { type: q.type, words: tokens.map((t) => t.word), content: new Set(content.map((t) => t.word)), stems: new Set(content.map((t) => t.stem)) };
}

const NUMBER = /^\d/;

export function featureVector(p: CandidateParts, q: QuestionShape): number[] {
  const typed = TYPES.map((t) => (t === q.type ? p.type : 0));
  const tokens = p.tokens;
  let surface = 0, names = 0, numbers = 0, first = -1, last = -1;
  const seen = new Set<string>();
  tokens.forEach((t, i) => {
    if (q.content.has(t.word) && !seen.has(t.word)) {
      seen.add(t.word);
      surface++;
    }
    if (q.stems.has(t.stem)) {
      if (first < 0) first = i;
      last = i;
    } else if (!STOP_WORDS.has(t.word)) {
      if (NUMBER.test(t.word)) numbers++;
      else if (t.capital && i > 0) names++;
    }
  });
  const matchedStems = new Set(tokens.filter((t) => q.stems.has(t.stem)).map((t) => t.stem));
  const asksName = q.type === 'who' || q.type === 'where';
  const asksNumber = q.type === 'when' || q.type === 'number';
  const share = (n: number, of: number) => (of ? n / of : 0);
  return [
    Math.log(p.hand + 1e-3),
    Math.log1p(p.sentence),
    Math.log1p(p.paragraph),
    Math.log1p(p.neighbours),
    p.coverage,
    p.exact,
    p.coverage - p.exact,
    p.contextCoverage,
    p.proximity,
    Math.min(p.phrases, 3),
    p.speaker,
    p.headline ? 1 : 0,
    Math.log1p(p.length),
    p.length ? p.fresh / p.length : 0,
    p.opens ? 1 : 0,
    p.topSentence > 0 ? p.sentence / p.topSentence : 0,
    p.topParagraph > 0 ? p.paragraph / p.topParagraph : 0,
    ...typed,
    share(longestCommonRun(q.words, tokens), q.words.length),
    share(surface, q.content.size),
    share(matchedStems.size, q.stems.size),
    asksName ? Math.log1p(names) : 0,
    asksName ? 0 : Math.log1p(names),
    asksNumber ? Math.log1p(numbers) : 0,
    asksNumber ? 0 : Math.log1p(numbers),
    matchedStems.size > 1 ? share(last - first + 1, tokens.length) : 0,
    p.withBefore,
    p.contextExact,
  ];
}

/** Longest run of the question's words, stop words included, that the sentence repeats word for word. */
function longestCommonRun(words: string[], tokens: Token[]): number {
  let best = 0;
  const prev = new Array<number>(tokens.length + 1).fill(0);
  for (let i = 0; i < words.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= tokens.length; j++) {
      const above = prev[j]!;
      prev[j] = words[i] === tokens[j - 1]!.word ? diagonal + 1 : 0;
      if (prev[j]! > best) best = prev[j]!;
      diagonal = above;
    }
  }
  return best;
}
