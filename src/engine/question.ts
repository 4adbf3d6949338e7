// Reads a question: what kind of answer it wants, and which words must be found in the article
// (each with its typo repair and related words).
import { tokenize, STOP_WORDS, stemWord, fold, type Token } from './text.ts';
import { RELATED } from './lexicon.ts';
import { wordnetStems } from './wordnet.ts';
import type { Vocabulary } from './fuzzy.ts';
import { PERSON_NOUNS, type DescribedPeople } from './coreference.ts';
import { RANKING } from './ranking-defaults.ts';
import { everydayRank } from './background.ts';
import { ANSWER_FRAME_WORDS, expandChatSpellings, FILLER_WORDS, MEASURE_WORDS, PLACE_FRAME_WORDS, PREPOSITIONS, TIME_FRAME_WORDS } from './chat-words.ts';

export type AnswerType = 'when' | 'number' | 'who' | 'where' | 'why' | 'quote' | 'any';

export interface TermGroup {
  /** The word, lowercased, and as the reader wrote it. */
  word: string;
  surface: string;
  /** Index among all the question's tokens, to tell which words stood side by side. */
  token: number;
  /** Its stem, and alternatives with weights: typo repair (0.9), related words (0.5). */
  stems: Array<{ stem: string; weight: number }>;
  /** Position among the question's content words, for proximity. */
  position: number;
  /** Capitalised mid-sentence: probably a name, so its absence matters more. */
  nameLike: boolean;
  /** Whether the article (or the repair) has the word itself. */
  known: boolean;
  /** The article word a typo or a longer form was mapped to. */
  repaired?: string;
}

export interface Question {
  text: string;
  type: AnswerType;
  groups: TermGroup[];
  /** Phrases the reader put in quotation marks. */
  phrases: string[];
  /** Asks what someone said ("What did Putin call…", "according to…"): the speaker matters. */
  speech: boolean;
  /** "the name of the spokesperson": the word for whom a name is asked for. */
  nameOf?: string;
}


/** `wordnet`: also match WordNet relations (uncurated packs; a curated pack's keywords already say how readers ask). */
/** `described`: the people a describing word stands for ("the russian guy"), from coreference.ts. */
export function analyseQuestion(raw: string, vocabulary: Vocabulary, wordnet = false, described?: DescribedPeople): Question {
  const text = expandChatSpellings(fold(raw).replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, ' ').slice(0, 1000));
  const tokens = joinSplitWords(tokenize(text), vocabulary);
  const groups: TermGroup[] = [];
  let position = 0;
  const content = (t: Token) => !STOP_WORDS.has(t.word) && t.word.length >= 2;
  const frame = (t: Token, i: number) =>
    !t.capital &&
    (ANSWER_FRAME_WORDS.has(t.word) ||
      (TIME_FRAME_WORDS.has(t.word) && /^(what|which)$/.test(tokens[i - 1]?.word ?? '')) ||
      (PLACE_FRAME_WORDS.has(t.word) && /^(what|which)$/.test(tokens[i - 1]?.word ?? '') && !vocabulary.has(t.word)) ||
      (MEASURE_WORDS.has(t.word) && tokens[i - 1]?.word === 'how'));
  // Filler and answer-frame nouns only phrase the question; a question made of nothing else keeps them.
  const phrasing = (t: Token, i: number) => (FILLER_WORDS.has(t.word) && !inTitle(tokens, i, vocabulary)) || frame(t, i) || (PREPOSITIONS.has(t.word) && !vocabulary.has(t.word));
  const onlyPhrasing = tokens.every((t, i) => !content(t) || phrasing(t, i));
  tokens.forEach((t, i) => {
    if (!content(t) || (!onlyPhrasing && phrasing(t, i))) return;
    const stems = [{ stem: t.stem, weight: 1 }];
    let known = vocabulary.has(t.word) || vocabulary.hasStem(t.stem);
    let repairedTo: string | null = null;
    if (!known) {
      // A real everyday word ("cost") is not a typo of an article word ("post").
      const rank = everydayRank(t.word);
      const repaired = rank !== undefined && rank < RANKING.realWordRank ? null : vocabulary.correct(t.word);
      const relative = repaired ? null : vocabulary.relative(t.word, wordnet);
      if (repaired) stems.push({ stem: stemWord(repaired), weight: RANKING.typoWeight });
      if (relative) stems.push({ stem: stemWord(relative), weight: RANKING.relativeWeight });
      repairedTo = repaired ?? relative;
      known = Boolean(repairedTo);
    }
    // "the russian guy": the describing word also stands for the people the article describes so.
    if (described && PERSON_NOUNS.has(tokens[i + 1]?.word ?? '')) for (const stem of described(t.word)) if (!stems.some((o) => o.stem === stem)) stems.push({ stem, weight: RANKING.typoWeight });
    for (const s of [...stems]) for (const r of RELATED.get(s.stem) ?? []) stems.push({ stem: r, weight: RANKING.relatedWeight * s.weight });
    if (wordnet) for (const s of stems.slice(0, 1)) for (const r of wordnetStems(s.stem, text, RANKING.wordnet)) if (!stems.some((o) => o.stem === r.stem)) stems.push(r);
    // A capitalised word mid-question, or one that is not everyday English, is probably a name.
    const nameLike = !/^\d/.test(t.word) && ((t.capital && i > 0) || (t.word.length >= 4 && everydayRank(t.word) === undefined));
    groups.push({ word: t.word, surface: text.slice(t.start, t.end), token: i, stems, position: position++, nameLike, known, ...(repairedTo ? { repaired: repairedTo } : {}) });
  });
  forgetNamePieces(groups, tokens, vocabulary);
  const phrases = [...text.matchAll(/"([^"]{3,})"/g)].map((m) => m[1]!.toLowerCase());
  const speech = /\b(say|says|said|call|calls|called|describe|described|tell|told|quote|quoted|statement|words|according|claim|claimed|state|stated|announce|announced)\b/i.test(text);
  const m = NAME_OF.exec(text);
  const named = (m?.[1] ?? m?.[2])?.toLowerCase();
  const nameOf = named && !STOP_WORDS.has(named) ? named : undefined;
  return { text: raw, type: answerType(text), groups, phrases, speech, ...(nameOf ? { nameOf } : {}) };
}

/** "the name of the Chinese spokesperson (who…)", "what's the judge's name": asks for whom a name is wanted. */
const NAME_OF = /\bnames? of (?:the |that |this |a |an )?(?:[\p{L}-]+ ){0,4}?([\p{L}-]+)(?=\s+(?:who|whom|that|which|in|at|from|for|of|on|the|a|an|his|her|their|its|my|our|your|he|she|they|we|you|i)\b|\s*[?.!,]|\s*$)|\b([\p{L}-]+)'s (?:full |real )?name\b/iu;

/** A word the article writes only in a title ("Man of the Match"), asked as that title ("man of the match"): the title's word, not filler. */
function inTitle(tokens: Token[], i: number, vocabulary: Vocabulary): boolean {
  const w = (k: number) => tokens[k]?.word;
  return vocabulary.nameOnly.has(tokens[i]!.stem) && (w(i + 1) === 'of' || w(i - 1) === 'of' || (w(i - 1) === 'the' && w(i - 2) === 'of'));
}

/** "an lu shan" → "lushan": two unknown pieces the article writes as one word are that word. */
function joinSplitWords(tokens: Token[], vocabulary: Vocabulary): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    const joined = b ? a.word + b.word : '';
    if (b && !vocabulary.has(a.word) && !vocabulary.has(b.word) && !STOP_WORDS.has(b.word) && joined.length >= 5 && vocabulary.has(joined)) {
      out.push({ word: joined, stem: stemWord(joined), start: a.start, end: b.end, capital: a.capital });
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * "What time is it?" must not match "Global Times": an everyday lower-case word that the article only
 * uses inside a name counts only when the question also has another word of that name ("wagner group").
 */
function forgetNamePieces(groups: TermGroup[], tokens: Token[], vocabulary: Vocabulary): void {
  const asked = new Set(groups.map((g) => g.stems[0]!.stem));
  for (const g of groups) {
    const own = g.stems[0]!.stem;
    const partners = vocabulary.nameOnly.get(own);
    if (!partners || tokens[g.token]!.capital || g.repaired || inTitle(tokens, g.token, vocabulary)) continue;
    const rank = everydayRank(g.word);
    if (rank === undefined || rank >= RANKING.namePieceRank) continue;
    if ([...partners].some((p) => asked.has(p))) continue;
    g.known = false;
    // Weight 0, not removed: the first stem stays the word's own, which the ranking relies on.
    g.stems = g.stems.map((s) => (s.stem === own ? { ...s, weight: 0 } : s));
  }
}

/** Every stem the question asks with, its typo repairs and related words included. */
export function askedStems(q: Question): Set<string> {
  return new Set(q.groups.flatMap((g) => g.stems.map((s) => s.stem)));
}

function answerType(q: string): AnswerType {
  const s = q.toLowerCase();
  // "when" asks for a time at the head of a clause ("so when did…", "and when was…"), not as a conjunction
  // ("what did Adele say when she accepted…").
  if (/^\W*(\w+\W+){0,3}?when\b|\bwhen (did|was|were|is|are|will|does|do|has|had|would)\b|\b(what (year|date|day|month|time)|which (year|date|day|month)|how long ago)\b/.test(s)) return 'when';
  // "how big of a deal" asks how much it mattered, not for a figure.
  if (/\bhow (much|big|bad|serious|large) of an?\b/.test(s)) return 'any';
  if (/\bhow (many|much|long|old|far|large|big|often)\b|\bwhat (number|percentage|proportion|amount)\b/.test(s)) return 'number';
  if (/\b(quote|exact words|in (his|her|their) words|what did .+ (say|call|describe))\b/.test(s)) return 'quote';
  if (/^\s*(who|whom|whose)\b|\bwhich (person|people|man|woman|group|organi[sz]ation|company)\b/.test(s)) return 'who';
  // "did he meet anyone else", "was anybody arrested": the answer is whoever it was.
  if (/^\s*(did|does|do|is|was|were|are|has|have|had|will|would)\b.*\b(anyone|anybody|someone|somebody)\b/.test(s)) return 'who';
  if (/^\s*where\b|\bwhat (city|country|place|location)\b/.test(s)) return 'where';
  if (/^\s*why\b|\bwhat (caused|was the reason)\b/.test(s)) return 'why';
  return 'any';
}

export { STOP_WORDS };
