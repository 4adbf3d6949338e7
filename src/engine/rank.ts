// Ranks passages for a question: BM25 on the sentence, plus BM25 on its paragraph (context decides
// between two similar sentences), plus small bonuses for words in the question's order and for
// the kind of answer asked for (a date for "when", a number for "how many").
import type { Question, TermGroup } from './question.ts';
import { idf, type DocStats, type TermIndex } from './term-index.ts';
import type { PassageRecord } from './passages.ts';
import { RANKING } from './ranking-defaults.ts';
import { STOP_WORDS, type Token } from './text.ts';
import { everydayRank } from './background.ts';
import type { CandidateParts } from './features.ts';
import { rerank } from './learned.ts';

export interface Scored {
  id: number;
  score: number;
  /** Share (0..1) of the question's weight that this passage answers to. */
  coverage: number;
  /** The same share over the passage's whole paragraph: does this part of the article address the question? */
  contextCoverage: number;
  /** Which of the question's word groups the passage's paragraph answers to (by index). */
  contextGroups: Set<number>;
  /** Stems that matched in the passage text, for highlighting. */
  matchedStems: Set<string>;
  /** The learned re-ranker's inputs (features.ts), for training and for explaining a ranking. */
  features?: number[];
}

export interface GroupWeight {
  group: TermGroup;
  idf: number;
}

/**
 * Each group's weight is the rarity of what the reader typed. A word the article lacks is the rarest,
 * unless it is everyday English: "won" in a question is phrasing, "Zelensky" is a subject.
 */
export function groupWeights(q: Question, index: TermIndex): GroupWeight[] {
  const max = idf(index.passages, '\u0000');
  return q.groups.map((group) => {
    const own = group.stems.filter((s) => s.weight >= RANKING.typoWeight && index.passages.terms.has(s.stem));
    if (own.length) return { group, idf: Math.max(...own.map((s) => idf(index.passages, s.stem))) };
    // Filler the article lacks ("what happened to…", "how many people…") phrases the question: it weighs nothing.
    if (group.weak && !group.stems.some((s) => s.weight > 0 && index.passages.terms.has(s.stem))) return { group, idf: 0 };
    return { group, idf: max * absentWordWeight(group.word) };
  });
}

function absentWordWeight(word: string): number {
  const rank = everydayRank(word);
  if (rank === undefined) return 1;
  for (const [below, weight] of RANKING.everydayWeights) if (rank < below) return weight;
  return 1;
}

/** `learned`: re-rank with the model trained on uncurated text (learned.ts); a curated pack's keywords and speakers are the hand score's. */
export function rankPassages(q: Question, index: TermIndex, passages: PassageRecord[], weights: GroupWeight[], learned = false): Scored[] {
  const totalIdf = weights.reduce((a, w) => a + w.idf, 0) || 1;
  const sentence = new Map<number, { score: number; covered: number; exact: number; stems: Set<string> }>();
  const perGroup: Array<Map<number, Hit>> = [];
  weights.forEach(({ group }, g) => {
    const best = bestPerDoc(index.passages, group);
    perGroup.push(best);
    for (const [doc, hit] of best) {
      const entry = sentence.get(doc) ?? { score: 0, covered: 0, exact: 0, stems: new Set<string>() };
      entry.score += hit.score;
      entry.covered += weights[g]!.idf * hit.weight;
      if (hit.inText && hit.weight >= RANKING.typoWeight) entry.exact += weights[g]!.idf;
      if (hit.inText) entry.stems.add(hit.stem);
      sentence.set(doc, entry);
    }
  });

  const { score: paragraphScore, covered: paragraphCovered, exact: paragraphExact } = paragraphSums(index.paragraphs.count);
  const paragraphGroups = new Map<number, Set<number>>();
  weights.forEach(({ group, idf: weight }, g) => {
    for (const [doc, hit] of bestPerDoc(index.paragraphs, group)) {
      paragraphScore[doc]! += hit.score;
      paragraphCovered[doc]! += weight * hit.weight;
      if (hit.inText && hit.weight >= RANKING.typoWeight) paragraphExact[doc]! += weight;
      const groups = paragraphGroups.get(doc) ?? new Set<number>();
      groups.add(g);
      paragraphGroups.set(doc, groups);
    }
  });

  // What the reader named, a typo repaired or a "russian guy" resolved included: an answer is something else.
  const asked = new Set<string>();
  for (const g of q.groups) g.stems.forEach((s, k) => (k === 0 || s.weight >= RANKING.typoWeight) && asked.add(s.stem));
  const asksForHeadline = q.groups.some((g) => /^(headline|title)s?$/.test(g.word));
  const out: Scored[] = [];
  const neighbourScore = (id: number, n: number) =>
    n >= 0 && n < passages.length && index.paragraphOf[n] === index.paragraphOf[id] ? sentence.get(n)?.score ?? 0 : 0;
  // First the cheap part of the score for every candidate; the bonuses only for the best of them, so a
  // common word in a long article does not cost a proximity check on hundreds of sentences.
  const base: Array<{ id: number; score: number }> = [];
  for (const [id, s] of sentence) {
    // A sentence next to a strong match may hold the answer the match only introduces ("It led to…").
    const neighbours = neighbourScore(id, id - 1) + neighbourScore(id, id + 1);
    const coverage = Math.min(1, s.covered / totalIdf);
    const score = (s.score + RANKING.paragraphWeight * paragraphScore[index.paragraphOf[id]!]! + RANKING.neighbourWeight * neighbours) * coverage ** RANKING.coverageExponent;
    base.push({ id, score });
  }
  if (base.length > RANKING.rerankDepth) base.sort((a, b) => b.score - a.score || a.id - b.id).length = RANKING.rerankDepth;
  const parts: CandidateParts[] = [];
  const strong = strongStems(q);
  for (const { id, score: baseScore } of base) {
    const s = sentence.get(id)!;
    const coverage = Math.min(1, s.covered / totalIdf);
    // Only where two neighbouring question words both match: every text token is a posting, so a word
    // the passage writes is in its group's hits.
    const near = adjacentHits(perGroup, id) ? proximity(q, index, id, weights, strong) : 0;
    const phrases = phraseHits(q, passages[id]!.text);
    const type = typeBonus(q, passages[id]!.text, index.tokens[id]!, asked);
    const speaker = q.speech ? speakerMatch(passages[id]!.speakerStems, asked) : 0;
    let score = baseScore + (RANKING.proximityWeight * near + RANKING.phraseWeight * phrases) * coverage ** RANKING.coverageExponent;
    score *= 1 + type;
    if (q.speech) score *= 1 + RANKING.speakerBonus * speaker;
    // A headline restates the story in few words; the body sentence behind it is the better evidence.
    const headline = passages[id]!.kind === 'headline' && !asksForHeadline;
    if (headline) score *= RANKING.headlineFactor;
    const para = index.paragraphOf[id]!;
    const contextCoverage = Math.max(coverage, Math.min(1, paragraphCovered[para]! / totalIdf));
    out.push({ id, score, coverage, contextCoverage, contextGroups: paragraphGroups.get(para) ?? new Set(), matchedStems: s.stems });
    // The re-ranker's inputs only when it runs: on a curated pack they would be garbage to collect.
    if (!learned) continue;
    const tokens = index.tokens[id]!;
    // Read with the sentence before it in its paragraph, which may name what this one says "it" or "he" for.
    const before = id > 0 && index.paragraphOf[id - 1] === para ? id - 1 : -1;
    let together = 0;
    if (before >= 0) weights.forEach((w, g) => (together += w.idf * Math.max(perGroup[g]!.get(id)?.weight ?? 0, perGroup[g]!.get(before)?.weight ?? 0)));
    parts.push({
      withBefore: before >= 0 ? Math.min(1, together / totalIdf) : coverage,
      hand: score, sentence: s.score, paragraph: paragraphScore[para]!, neighbours: neighbourScore(id, id - 1) + neighbourScore(id, id + 1),
      coverage, exact: Math.min(1, s.exact / totalIdf), contextCoverage, contextExact: Math.min(1, paragraphExact[para]! / totalIdf), proximity: near / totalIdf, phrases, type, speaker, headline,
      length: tokens.length, fresh: tokens.filter((t) => !STOP_WORDS.has(t.word) && !asked.has(t.stem)).length, opens: id === 0 || index.paragraphOf[id - 1] !== para, tokens, topSentence: 0, topParagraph: 0,
    });
  }
  // The learned re-ranker was trained with headlines as a feature and decides for itself.
  if (!learned) restatedHeadlines(out, passages);
  return rerank(out, parts, q, learned);
}

/**
 * The per-paragraph sums of one ranking, zeroed: the same three arrays for every question (nothing keeps
 * them past rankPassages), as allocating them cost more than filling them (issue 14).
 */
let sums = { score: new Float64Array(0), covered: new Float64Array(0), exact: new Float64Array(0) };

function paragraphSums(count: number): typeof sums {
  if (sums.score.length < count) sums = { score: new Float64Array(count), covered: new Float64Array(count), exact: new Float64Array(count) };
  else for (const a of [sums.score, sums.covered, sums.exact]) a.fill(0, 0, count);
  return sums;
}

/**
 * A headline that a body sentence restates, with every question word the headline matches and at least
 * its coverage, ranks just below that sentence: it says the same in fewer words (BM25 favours short
 * texts more than headlineFactor takes back), and the sentence says it with its who, when and how many.
 */
function restatedHeadlines(out: Scored[], passages: PassageRecord[]): void {
  for (const h of out) {
    if (passages[h.id]!.kind !== 'headline' || h.matchedStems.size === 0) continue;
    let cap = Infinity;
    for (const b of out) {
      if (passages[b.id]!.kind !== 'body' || b.coverage < h.coverage || b.score <= 0) continue;
      if ([...h.matchedStems].every((stem) => b.matchedStems.has(stem))) cap = Math.min(cap, b.score);
    }
    if (cap < Infinity && h.score >= cap) h.score = cap * 0.99;
  }
}

interface Hit {
  score: number;
  weight: number;
  stem: string;
  inText: boolean;
}

/** For one question word, the best-scoring of its forms (itself, typo repair, related words) in each document. */
function bestPerDoc(stats: DocStats, group: TermGroup): Map<number, Hit> {
  const best = new Map<number, Hit>();
  for (const { stem, weight } of group.stems) {
    const term = weight > 0 ? stats.terms.get(stem) : undefined;
    if (term === undefined) continue;
    const termIdf = idf(stats, stem);
    for (let k = stats.start[term]!, end = stats.start[term + 1]!; k < end; k++) {
      const doc = stats.docs[k]!;
      const inText = stats.tf[k]! > 0;
      const tf = stats.tf[k]! + RANKING.expansionWeight * stats.xtf[k]!;
      const norm = (tf * (RANKING.k1 + 1)) / (tf + RANKING.k1 * (1 - RANKING.b + (RANKING.b * stats.lengths[doc]!) / stats.avgLength));
      // A word found only among aliases/keywords counts for less than one the sentence itself uses.
      const effective = inText ? weight : weight * RANKING.expansionCoverage;
      const score = effective * termIdf * norm;
      const prev = best.get(doc);
      if (!prev || score > prev.score) best.set(doc, { score, weight: effective, stem, inText });
    }
  }
  return best;
}

/** Share of the speaker's words the question names: "Russia's foreign ministry" is not "a Chinese Foreign Ministry spokesperson". */
function speakerMatch(speaker: Set<string>, asked: Set<string>): number {
  if (!speaker.size) return 0;
  let hit = 0;
  for (const s of speaker) if (asked.has(s)) hit++;
  return hit / speaker.size;
}

/**
 * Rewards question words that stand close together in the passage, as they did in the question. The
 * passage's tokens are read once for every group's forms (a lookup by stem read them again for each
 * form of each pair: a tenth of an answer's CPU, issue 14); a group's positions are its first such
 * form's that the passage has, as before.
 */
function proximity(q: Question, index: TermIndex, doc: number, weights: GroupWeight[], strong: ReadonlySet<string>): number {
  if (q.groups.length < 2) return 0;
  const tokens = index.tokens[doc] ?? [];
  const at = new Map<string, number[]>();
  for (let i = 0; i < tokens.length; i++) {
    const stem = tokens[i]!.stem;
    if (!strong.has(stem)) continue;
    const list = at.get(stem);
    if (list) list.push(i);
    else at.set(stem, [i]);
  }
  if (at.size === 0) return 0;
  let bonus = 0;
  let a = positionsIn(at, q.groups[0]!);
  for (let i = 0; i + 1 < q.groups.length; i++) {
    const b = positionsIn(at, q.groups[i + 1]!);
    if (a.length && b.length && a.some((x) => b.some((y) => Math.abs(y - x) <= RANKING.proximityWindow))) bonus += Math.min(weights[i]!.idf, weights[i + 1]!.idf);
    a = b;
  }
  return bonus;
}

/** Whether two neighbouring groups of the question both hit the passage: else proximity is 0. */
function adjacentHits(perGroup: ReadonlyArray<ReadonlyMap<number, Hit>>, doc: number): boolean {
  for (let i = 0; i + 1 < perGroup.length; i++) if (perGroup[i]!.has(doc) && perGroup[i + 1]!.has(doc)) return true;
  return false;
}

/** The stems proximity reads: every group's forms weighed as the word itself or its typo repair. */
function strongStems(q: Question): Set<string> {
  const out = new Set<string>();
  for (const g of q.groups) for (const s of g.stems) if (s.weight >= RANKING.typoWeight) out.add(s.stem);
  return out;
}

const NONE: number[] = [];

function positionsIn(at: ReadonlyMap<string, number[]>, group: TermGroup): number[] {
  for (const { stem, weight } of group.stems) {
    if (weight < RANKING.typoWeight) continue;
    const found = at.get(stem);
    if (found) return found;
  }
  return NONE;
}

function phraseHits(q: Question, text: string): number {
  if (!q.phrases.length) return 0;
  const folded = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  return q.phrases.filter((p) => folded.includes(p)).length;
}

const DATE_WORD = /^(1\d{3}|20\d{2}|ad|bc|bce|ce|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|century|centuries|decade|yesterday|today|weekend|spring|summer|autumn|winter)$/;
const NUMBER_WORD = /^(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|several)$/;
// A capital after one of these is a place: where something is, came from or went ("travelled to Berlin").
const PLACE_CUE = new Set(['in', 'at', 'from', 'to', 'into', 'for', 'near', 'toward', 'towards']);
const REASON = /\b(because|due to|since|so that|in order to|as a result|led to|reason)\b/i;

export function hasNumber(tokens: Token[]): boolean {
  return tokens.some((t) => NUMBER_WORD.test(t.word));
}

/**
 * Bonus when the passage holds the kind of thing asked for and it is new: a "when" question is
 * answered by a date the question did not already contain, a "who" question by a name it did not.
 */
function typeBonus(q: Question, text: string, tokens: Token[], asked: Set<string>): number {
  const b = RANKING.typeBonus;
  if (q.type === 'any') return 0;
  if (q.type === 'why') return REASON.test(text) ? b / 2 : 0;
  if (q.type === 'quote') return /["\u201c]/.test(text) ? b / 2 : 0;
  const fresh = (i: number) => !asked.has(tokens[i]!.stem);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!fresh(i)) continue;
    if (q.type === 'when' && DATE_WORD.test(t.word)) return b;
    if (q.type === 'number' && NUMBER_WORD.test(t.word)) return b;
    if (q.type === 'who' && t.capital && i > 0) return b;
    if (q.type === 'where' && t.capital && i > 0 && PLACE_CUE.has(tokens[i - 1]!.word)) return b;
  }
  return 0;
}
