// Reads a question: what kind of answer it wants, and which words must be found in the article
// (each with its typo repair and related words).
import { tokenize, STOP_WORDS, stemWord, fold, type Token } from './text.ts';
import { RELATED } from './lexicon.ts';
import { wordnetStems } from './wordnet.ts';
import type { Vocabulary } from './fuzzy.ts';
import { PERSON_NOUNS, type DescribedPeople } from './coreference.ts';
import { RANKING } from './ranking-defaults.ts';
import { everydayRank } from './background.ts';
import { ANSWER_FRAME_WORDS, EXCLUDING, expandChatSpellings, FILLER_WORDS, IDIOMS, MEASURE_WORDS, PLACE_FRAME_WORDS, PREPOSITIONS, PRONOUN_ONE, TIME_FRAME_WORDS } from './chat-words.ts';
import { acronymKey, type Acronyms } from './acronyms.ts';
import { ieForms, irregularForms, numberSpelling, sibilantPlurals, superlatives } from './word-forms.ts';

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
  /** Filler with a plain sense ("happen", "think"): evidence where it matches, never the subject asked about. */
  weak?: true;
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
  /** "besides X", "other than X": the answer is what X is not, which no passage's words can confirm (never High). */
  excludes?: boolean;
  /** "what year…", "on what date…": a year, or a calendar date, is wanted, not any time ("on Saturday"). */
  calendar?: 'year' | 'date';
}


/** `wordnet`: also match WordNet relations (uncurated packs; a curated pack's keywords already say how readers ask). */
/** `described`: the people a describing word stands for ("the russian guy"), from coreference.ts. */
/** `text`: analysisText(raw), when the caller has it already. */
/** `acronyms`: the names of the article an acronym it never writes stands for (acronyms.ts). */
export function analyseQuestion(raw: string, vocabulary: Vocabulary, wordnet = false, described?: DescribedPeople, text = analysisText(raw), acronyms?: Acronyms): Question {
  const tokens = joinSplitWords(tokenize(text), vocabulary);
  const groups: TermGroup[] = [];
  let position = 0;
  // A one-digit number is a word of the question too: "the 4 day week".
  const content = (t: Token) => !STOP_WORDS.has(t.word) && (t.word.length >= 2 || /^\d$/.test(t.word));
  const frame = (t: Token, i: number) =>
    !t.capital &&
    (ANSWER_FRAME_WORDS.has(t.word) ||
      (TIME_FRAME_WORDS.has(t.word) && /^(what|which)$/.test(tokens[i - 1]?.word ?? '')) ||
      (PLACE_FRAME_WORDS.has(t.word) && /^(what|which)$/.test(tokens[i - 1]?.word ?? '') && !vocabulary.has(t.word)) ||
      (MEASURE_WORDS.has(t.word) && tokens[i - 1]?.word === 'how') ||
      pronounOne(tokens, i));
  // Filler and answer-frame nouns only phrase the question; a question made of nothing else keeps them.
  const phrasing = (t: Token, i: number) => (FILLER_WORDS.has(t.word) && !inTitle(tokens, i, vocabulary)) || frame(t, i) || (PREPOSITIONS.has(t.word) && !vocabulary.has(t.word));
  const onlyPhrasing = tokens.every((t, i) => !content(t) || phrasing(t, i));
  const { absorbed, meanings } = readIdioms(text, tokens, vocabulary);
  const excluded = excludedTokens(text, tokens);
  tokens.forEach((t, i) => {
    // An idiom's head means what the idiom does, even when the word alone is filler ("else" in "anyone else").
    // Filler with a plain sense ("happen": an event, an incident) stays as weak evidence, never as a missing subject.
    const weak = !onlyPhrasing && FILLER_WORDS.has(t.word) && RELATED.has(t.stem) && phrasing(t, i);
    if (!meanings.has(i) && !weak && (!content(t) || (!onlyPhrasing && phrasing(t, i)))) return;
    if (absorbed.has(i) || excluded.skipped.has(i)) return;
    const meaning = meanings.get(i);
    // An idiom whose literal word means nothing ("deal" in "a big deal") and whose sense the article lacks only phrases the question.
    if (meaning?.drop && !meaning.stems.some((m) => vocabulary.hasStem(m.stem))) return;
    const stems = [{ stem: t.stem, weight: meaning?.drop ? 0 : 1 }];
    // "died" is "die": the same word, which the stemmer parts.
    for (const stem of ieForms(t.word)) stems.push({ stem, weight: stems[0]!.weight });
    // "4" for "four" and "four" for "4": one number, spelt either way.
    const spelt = numberSpelling(t.word);
    if (spelt) stems.push({ stem: stemWord(spelt), weight: stems[0]!.weight });
    // "buses" for "bus": a plural in -es the stemmer parts from its singular.
    for (const stem of sibilantPlurals(t.word, (w) => vocabulary.has(w))) stems.push({ stem, weight: stems[0]!.weight });
    // "met" for "meet", "biggest" for "big": forms of the same word the stemmer does not join.
    // Where the article lacks the reader's own form, another form of the word stands in, as a typo repair does.
    if (!vocabulary.has(t.word)) {
      for (const stem of irregularForms(t.word)) stems.push({ stem, weight: FORM_WEIGHT });
      for (const stem of superlatives(t.word, (w) => vocabulary.has(w))) stems.push({ stem, weight: RANKING.typoWeight });
    }
    for (const m of meaning?.stems ?? []) if (!stems.some((o) => o.stem === m.stem)) stems.push(m);
    let known = weak || stems.some((s) => s.weight >= FORM_WEIGHT && vocabulary.hasStem(s.stem)) || (stems[0]!.weight > 0 && vocabulary.has(t.word));
    let repairedTo: string | null = null;
    // "NYC" for "New York City": an acronym the article never writes stands for the name it spells.
    const key = !known && acronyms ? acronymKey(text.slice(t.start, t.end)) : undefined;
    const expanded = key ? acronyms!(key) : undefined;
    if (expanded) {
      for (const w of tokenize(expanded)) if (!STOP_WORDS.has(w.word) && !stems.some((o) => o.stem === w.stem)) stems.push({ stem: w.stem, weight: RANKING.typoWeight });
      repairedTo = expanded;
      known = true;
    }
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
    for (const s of [...stems]) for (const r of RELATED.get(s.stem) ?? []) if (!stems.some((o) => o.stem === r)) stems.push({ stem: r, weight: RANKING.relatedWeight * s.weight });
    // A word whose plain sense the article uses ("netizens" for "users") is a word, not a name the article lacks.
    const meant = !known && (RELATED.get(t.stem) ?? []).some((r) => vocabulary.hasStem(r));
    if (wordnet) for (const s of stems.slice(0, 1)) for (const r of wordnetStems(s.stem, text, RANKING.wordnet)) if (!stems.some((o) => o.stem === r.stem)) stems.push(r);
    // A capitalised word mid-question, or one that is not everyday English, is probably a name.
    const nameLike = !/^\d/.test(t.word) && ((t.capital && i > 0) || (t.word.length >= 4 && everydayRank(t.word) === undefined && !meant));
    groups.push({ word: t.word, surface: text.slice(t.start, t.end), token: i, stems, position: position++, nameLike, known, ...(repairedTo ? { repaired: repairedTo } : {}), ...(weak ? { weak: true as const } : {}) });
  });
  forgetNamePieces(groups, tokens, vocabulary);
  const phrases = text.includes('"') ? [...text.matchAll(/"([^"]{3,})"/g)].map((m) => m[1]!.toLowerCase()) : [];
  const speech = /\b(say|says|said|call|calls|called|describe|described|tell|told|quote|quoted|statement|words|according|claim|claimed|state|stated|announce|announced)\b/i.test(text);
  // Both of NAME_OF's forms say "name" (no other letter folds to its letters): most questions skip it (issue 14).
  const m = /name/i.test(text) ? NAME_OF.exec(text) : null;
  const named = (m?.[1] ?? m?.[2])?.toLowerCase();
  const nameOf = named && !STOP_WORDS.has(named) ? named : undefined;
  const type = answerType(text);
  const calendar = type === 'when' ? CALENDAR.exec(text)?.[1]?.toLowerCase() : undefined;
  return {
    text: raw, type, groups, phrases, speech,
    ...(nameOf ? { nameOf } : {}),
    ...(calendar ? { calendar: calendar === 'year' ? 'year' : 'date' } : {}),
    ...(excluded.found ? { excludes: true } : {}),
  };
}

const CONTROL = /[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/**
 * The question as analyseQuestion reads it: folded, control and invisible characters blanked, cut at
 * 1,000 characters, chat spellings expanded. `expanded`: expandChatSpellings(folded), when the caller has
 * it (the facet check, create-engine.ts), used when blanking and cutting change nothing (issue 14).
 */
export function analysisText(raw: string, folded = fold(raw), expanded?: string): string {
  const cleaned = folded.replace(CONTROL, ' ').slice(0, 1000);
  return expanded !== undefined && cleaned === folded ? expanded : expandChatSpellings(cleaned);
}

/** "another one", "is it the one": "one" for a noun already said, not before a noun of its own ("one pilot"). */
function pronounOne(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.word !== 'one' && t.word !== 'ones') return false;
  const next = tokens[i + 1];
  return PRONOUN_ONE.test(tokens[i - 1]?.word ?? '') || !next || STOP_WORDS.has(next.word);
}

/**
 * The question's idioms (chat-words.ts IDIOMS): the plain words each one's head word also stands for,
 * and the idiom's other words, which are part of it and never a subject of their own.
 */
function readIdioms(text: string, tokens: Token[], vocabulary: Vocabulary): { absorbed: Set<number>; meanings: Map<number, { drop: boolean; stems: Array<{ stem: string; weight: number }> }> } {
  const absorbed = new Set<number>();
  const meanings = new Map<number, { drop: boolean; stems: Array<{ stem: string; weight: number }> }>();
  if (!ANY_IDIOM.test(text)) return { absorbed, meanings };
  for (const idiom of IDIOMS) {
    const m = idiom.match.exec(text);
    if (!m) continue;
    const inside = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.start >= m.index && t.end <= m.index + m[0].length);
    const head = inside.find(({ t }) => idiom.head.test(t.word));
    if (!head) continue;
    const entry = meanings.get(head.i) ?? { drop: false, stems: [] };
    entry.drop ||= Boolean(idiom.drop);
    for (const w of idiom.means) {
      const stem = stemWord(w);
      if (!entry.stems.some((s) => s.stem === stem)) entry.stems.push({ stem, weight: idiom.weight });
    }
    meanings.set(head.i, entry);
    // Only the idiom's particle is absorbed, never an object or an adjective inside it ("a big deal": "big"
    // stays), and only where the article lacks it: one that says "set up" too is matched by both words.
    for (const { t, i } of inside) if (i !== head.i && PARTICLES.has(t.word) && !vocabulary.has(t.word)) absorbed.add(i);
  }
  return { absorbed, meanings };
}

/** Any idiom at all: one pattern, so a question with none (most) is not read 30 times over (issue 14). */
// Each idiom's pattern is made with the 'i' flag alone (chat-words.ts idiom()), so their sources join as they are.
const ANY_IDIOM = new RegExp(IDIOMS.map((idiom) => (idiom.match.flags === 'i' ? idiom.match.source : '')).join('|'), 'i');

/**
 * Weight of an irregular form of a verb the article lacks ("lost" for "lose"): just under a typo repair's,
 * so the verb keeps the small weight of an everyday word the article lacks instead of taking the form's
 * rarity. A superlative ("biggest" for "big") is weighed as a repair: it is often the subject itself.
 */
const FORM_WEIGHT = 0.85;

/** The particles of phrasal verbs ("pass around", "step down"): part of the idiom, never a subject. */
const PARTICLES = new Set(['around', 'round', 'along', 'about', 'over', 'down', 'out', 'off', 'up', 'into', 'by', 'with', 'behind', 'back']);

/**
 * "anyone else besides Qin", "who other than the mayor…": the trigger is no word to find and, asked for
 * someone else, neither are whom it names. Asked for other things ("besides fats, what other compounds…"),
 * X stays: the passage that answers often lists X with the rest.
 */
function excludedTokens(text: string, tokens: Token[]): { skipped: Set<number>; found: boolean } {
  const m = EXCLUDING.exec(text);
  const out = new Set<number>();
  if (!m) return { skipped: out, found: false };
  const someoneElse = answerType(text) === 'who';
  const end = someoneElse ? m.index + m[0].length : m.index + m[0].length - m[1]!.length;
  tokens.forEach((t, i) => t.start >= m.index && t.end <= end && out.add(i));
  return { skipped: out, found: true };
}

const CALENDAR = /\b(?:what|which)\s+(year|date)\b/i;

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
  // A typo in the other word still names it ("ma zaoxu" is Ma Zhaoxu): its repair counts as asked.
  const asked = new Set<string>();
  for (const g of groups) g.stems.forEach((s, k) => (k === 0 || (g.repaired && s.weight >= RANKING.typoWeight)) && asked.add(s.stem));
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
  const out = new Set<string>();
  for (const g of q.groups) for (const s of g.stems) out.add(s.stem);
  return out;
}

/** Hedges and reactions a chat question may open with ("so", "wait", "ok but", "srsly"), before its question word. */
// Letters and the rest are disjoint classes: \W also matches a non-ASCII letter, and with it a long line of
// symbols and letters backtracked without end (found by props-ask-json).
const LEADING_FILLER = /^[^\p{L}']*(?:[\p{L}']+[^\p{L}']+){1,4}?(?=(?:who|whom|whose|where|why)\b)/u;
const OPENERS = new Set(['and', 'but', 'then', 'also', 'plus']);

/** The question without the hedges it opens with: "so why did…" asks why, as "why did…" does. */
function withoutOpeningFiller(s: string): string {
  const m = LEADING_FILLER.exec(s);
  if (!m) return s;
  const words = m[0].toLowerCase().match(/[\p{L}']+/gu) ?? [];
  return words.every((w) => FILLER_WORDS.has(w) || OPENERS.has(w)) ? s.slice(m[0].length) : s;
}

function answerType(q: string): AnswerType {
  const s = withoutOpeningFiller(q.toLowerCase());
  // "when" asks for a time at the head of a clause ("so when did…", "and when was…"), not as a conjunction
  // ("what did Adele say when she accepted…").
  if (/^\W*(\w+\W+){0,3}?when\b|\bwhen (did|was|were|is|are|will|does|do|has|had|would)\b|\b(what (year|date|day|month|time)|which (year|date|day|month)|how long ago)\b/.test(s)) return 'when';
  // "how big of a deal" asks how much it mattered, not for a figure.
  if (/\bhow (much|big|bad|serious|large) of an?\b/.test(s)) return 'any';
  if (/\bhow (many|much|long|old|far|large|big|often)\b|\bwhat (number|percentage|proportion|amount)\b/.test(s)) return 'number';
  if (/\b(quote|exact words|in (his|her|their) words|what did .+ (say|call|describe))\b/.test(s)) return 'quote';
  if (/^\s*(who|whom|whose)\b|\bwhich (person|people|man|woman|group|organi[sz]ation|company)\b/.test(s)) return 'who';
  // "did he meet anyone else", "was anybody arrested": the answer is whoever it was.
  if (/(?:^|[,;]\s*)(did|does|do|is|was|were|are|has|have|had|will|would)\b[^,;.?]*\b(anyone|anybody|someone|somebody)\b/.test(s)) return 'who';
  if (/^\s*where\b|\bwhat (city|country|place|location)\b/.test(s)) return 'where';
  if (/^\s*why\b|\bwhat (caused|was the reason)\b/.test(s)) return 'why';
  return 'any';
}

export { STOP_WORDS };
