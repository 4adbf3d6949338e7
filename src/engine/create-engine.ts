// One article's answer engine: knowledge pack in, ranked passages with attribution and confidence out.
// Everything outside engine/ gets it through engine/index.ts.
import type { KnowledgePack, Entity, Quote } from '../knowledge/schema.ts';
import type { Answer, AskOptions, Engine, Passage } from './types.ts';
import { buildPassages, type PassageRecord } from './passages.ts';
import { buildTermIndex, idf, type TermCounts, type TermIndex } from './term-index.ts';
import { Vocabulary } from './fuzzy.ts';
import { analyseQuestion, analysisText, askedStems, type Question } from './question.ts';
import { groupWeights, rankPassages, type GroupWeight, type Scored } from './rank.ts';
import { judge } from './refusal.ts';
import { everydayRank, loadEverydayEnglish } from './background.ts';
import { describedPeople } from './coreference.ts';
import { acronymsOf, type Acronyms } from './acronyms.ts';
import { Suggester, suggestionNames } from './suggest.ts';
import { fold, STOP_WORDS, tokenize, type Token } from './text.ts';
import { expandChatSpellings } from './chat-words.ts';
import { aboutArticle, articleFacet } from './about-article.ts';
import { bandOf, CLEAR_LEAD, LEARNED_CLEAR_LEAD } from './band.ts';
import { modelInUse } from './learned.ts';
import { holdsDetail } from './answer-detail.ts';
import { keyLookup, PassageKeys } from './passage-key.ts';
import { fitToQuestion, type Candidates } from './question-fit.ts';
import type { ArticleFacet } from './types.ts';

const DEFAULT_ALTERNATIVES = 4;

/**
 * When the best passage lacks the amount of money a price question asks for, the next passages that hold
 * one, as far as this many, answer instead when their own confidence (not capped by the best's score) is
 * at least this share of the best's. Only for money: a bare figure or a capitalised word is in too many
 * passages (looking ahead for them answered a news dev and a riverside-library question the article
 * does not answer).
 */
const DETAIL_LOOKAHEAD = 3;
const DETAIL_SHARE = 0.45;

/** Quotation marks, straight or curly: the passage quotes someone. */
const QUOTE_MARK = /["\u201c\u201d]/;
/** An attribution that reports speech ("said in her acceptance speech", "told reporters"), not "according to". */
const SAID_HOW = /^(?:said|says|told|tells|added|adds|wrote|writes|explained|noted|warned|insisted|argued)\b/;

export function createEngine(pack: KnowledgePack): Engine {
  return engineFromParts(buildEngineParts(pack));
}

/**
 * The costly part of an engine, as plain data (arrays, Maps, Sets, typed arrays): what a reload builds
 * on a worker thread and hands to the main thread by structured clone (src/runtime/library-transfer.ts).
 * Nothing in here may be a function or depend on its prototype, except Vocabulary, which
 * engineFromParts revives.
 */
export interface EngineParts {
  pack: KnowledgePack;
  records: PassageRecord[];
  index: TermIndex;
  vocabulary: Vocabulary;
  /**
   * Each passage's key (passage-key.ts), by id, when known already (a parts file holds them). A fresh
   * build leaves them out: the engine hashes a passage when it first shows it (PassageKeys).
   */
  keys?: string[];
}

export function buildEngineParts(pack: KnowledgePack): EngineParts {
  loadEverydayEnglish();
  const records = buildPassages(pack);
  const { index, vocabulary } = indexParts(records);
  // Indexed now, and read by nothing else: a curated pack's expansions (aliases, keywords) were an
  // eighth of its engine's heap (issue 14).
  for (const r of records) r.expansion = '';
  return { pack, records, index, vocabulary };
}

/** The index proper over passages already made: what `npm run bench` times apart from the whole build. */
export function indexParts(records: PassageRecord[]): Pick<EngineParts, 'index' | 'vocabulary'> {
  const index = buildTermIndex(records);
  return { index, vocabulary: new Vocabulary(index.words, index.passages.terms, index.words, index.nameOnly, index.names) };
}

/** A question as the engine reads it, and the passages ranked for it. */
export interface Ranking {
  q: Question;
  weights: GroupWeight[];
  ranked: Scored[];
}

/**
 * How answer() reads a question and ranks the passages for it. `npm run train` learns from exactly
 * this path, so the weights it writes are for the candidates and features the engine makes.
 */
export function questionRanker(parts: EngineParts): { index: TermIndex; records: PassageRecord[]; uncurated: boolean; analyse(question: string, text?: string): Question; rank(q: Question): Ranking } {
  const { pack, records } = parts;
  // A bare article or a pack fresh from `npm run ingest` (meta.generated) has no curator's keywords yet:
  // WordNet stands in for them, and the learned ranker ranks it as it ranks the bare article (ingest
  // attributes every passage as --article does, so the two read the same text the same way). A curated
  // pack's keywords are the hand score's.
  const uncurated = !pack.curated || pack.meta.generated === true;
  const index: TermIndex = parts.index;
  const vocabulary = Vocabulary.revive(parts.vocabulary);
  // Made on the first question: in a library, most packs are only asked for their relevance (issue 14).
  let described: ReturnType<typeof describedPeople> | undefined;
  const describedOnce = () => {
    const people = pack.entities.filter((e) => e.type === 'person');
    return (described ??= describedPeople(records.filter((r) => r.kind === 'body').map((r) => r.text), people, (w) => everydayRank(w) !== undefined));
  };
  // Read from the article only when a question has a word that could be one (few do).
  let table: Acronyms | undefined;
  const acronyms: Acronyms = (key) => {
    if (!table) {
      const shown = records.filter((r) => r.kind !== 'credits');
      table = acronymsOf(shown.map((r) => r.text), shown.map((r) => index.tokens[r.id]!));
    }
    return table(key);
  };
  return {
    index,
    records,
    uncurated,
    analyse: (question, text) => analyseQuestion(String(question ?? ''), vocabulary, uncurated, describedOnce(), text, acronyms),
    rank(q) {
      const weights = groupWeights(q, index);
      return { q, weights, ranked: rankPassages(q, index, records, weights, uncurated) };
    },
  };
}

/** The engine around parts built here or on another thread (then cloned): cheap next to building them. */
export function engineFromParts(parts: EngineParts): Engine {
  loadEverydayEnglish();
  const { pack, records } = parts;
  const { index, analyse, rank, uncurated } = questionRanker(parts);
  // What only some questions need is made when one first does (issue 14: in a library of many packs,
  // most are never asked for suggestions, a passage by key or an entity by name).
  let suggesterMade: Suggester | undefined;
  const suggester = () => (suggesterMade ??= new Suggester(pack, suggestionNames(pack, records)));

  // A few speakers say most passages: each attribution line is written once, and found by the passage's id
  // after its first answer (the key string cost more than the look-up, issue 14).
  const lines = new Map<string, string>();
  const lineOf: Array<string | undefined> = [];
  const attributionOf = (r: PassageRecord) => {
    let line = lineOf[r.id];
    if (line !== undefined) return line;
    const key = `${r.speaker}\0${r.role ?? ''}\0${r.how}`;
    line = lines.get(key);
    if (line === undefined) lines.set(key, (line = formatAttribution(r)));
    return (lineOf[r.id] = line);
  };
  const keys = new PassageKeys(
    records.map((r) => r.text),
    parts.keys,
  );
  let byKey: Map<string, number> | undefined;
  // Two literals, not a spread for the optional role: the spread was most of making a passage (issue 14).
  // The keys keep their order, so the JSON of an answer is the same.
  const toPassage = (r: PassageRecord, s?: Scored, top?: Scored): Passage => {
    const attribution = attributionOf(r);
    const score = s ? confidence(s, top) : 0;
    const matched = s ? matchedWords(r.text, index.tokens[r.id]!, s.matchedStems) : [];
    const { text, speaker, role, how, paragraph, paragraphLabel, id } = r;
    const article = pack.meta.slug;
    return role
      ? { text, attribution, speaker, role, how, paragraph, paragraphLabel, passageId: id, key: keys.key(id)!, score, matched, article }
      : { text, attribution, speaker, how, paragraph, paragraphLabel, passageId: id, key: keys.key(id)!, score, matched, article };
  };

  // Questions about the article itself: answered from its meta, shaped as a passage so every reply works.
  const headline = records.find((r) => r.kind === 'headline') ?? records[0];
  const answerAbout = (question: string, facet: ArticleFacet): Answer => {
    const about = aboutArticle(pack, facet);
    const base = { question, about: facet, alternatives: [], missing: [], suggestions: [] };
    if (!about.text) return { ...base, found: false, answer: null, reason: about.reason };
    const answer: Passage = {
      text: about.text,
      attribution: `${pack.meta.publisher} (the article's details)`,
      speaker: pack.meta.publisher,
      how: "the article's details",
      // The headline's place, so "context" and feedback buttons point at a real part of the article.
      paragraph: headline?.paragraph ?? 0,
      paragraphLabel: 'about the article',
      passageId: headline?.id ?? 0,
      key: keys.key(headline?.id ?? 0) ?? '',
      score: 1,
      matched: [],
      article: pack.meta.slug,
    };
    return { ...base, found: true, answer, band: 'high' };
  };

  // Who said each passage, with their role ("the coach"), made when a what-did-X-say question first asks.
  const speakerOf = new Map<number, Set<string>>();
  const candidates: Candidates = {
    tokens: (id) => index.tokens[id]!,
    text: (id) => records[id]!.text,
    isName: (w) => index.names.has(w),
    speaker(id) {
      let stems = speakerOf.get(id);
      if (!stems) {
        const r = records[id]!;
        stems = r.speaker === pack.meta.publisher ? new Set() : new Set([...r.speakerStems, ...tokenize(r.role ?? '').filter((t) => !STOP_WORDS.has(t.word)).map((t) => t.stem)]);
        speakerOf.set(id, stems);
      }
      return stems;
    },
    quoted: (id) => QUOTE_MARK.test(records[id]!.text) || SAID_HOW.test(records[id]!.how),
    paragraph: (id) => index.paragraphOf[id]!,
  };

  let entityByName: Map<string, Entity> | undefined;
  const entityNamed = (key: string) => {
    if (!entityByName) {
      entityByName = new Map();
      for (const e of pack.entities) for (const n of [e.name, ...e.aliases, e.id]) entityByName.set(fold(n).toLowerCase(), e);
    }
    return entityByName.get(key);
  };

  return {
    pack,
    answer(question: string, options: AskOptions = {}): Answer {
      const raw = String(question ?? '');
      const folded = fold(raw.slice(0, 300));
      const expanded = expandChatSpellings(folded);
      const facet = articleFacet(expanded);
      if (facet) return answerAbout(question, facet);
      // The analysis folds and expands the same text again unless the facet check cut it.
      const { q, weights, ranked: byWords } = rank(analyse(question, raw.length <= 300 ? analysisText(raw, folded, expanded) : undefined));
      // Not in questionRanker: npm run train learns the ranking of words; the question's form is fitted after.
      const inArticle = (stem: string) => index.passages.terms.has(stem);
      const judged = (s: Scored | undefined) => judge(q, weights, s, s ? index.tokens[s.id]! : undefined, s ? records[s.id]!.text : undefined, index.names, inArticle);
      let ranked = fitToQuestion(q, byWords, candidates);
      let verdict = judged(ranked[0]);
      // "how much money did the fundraiser raise": the best passage on the words gives no sum ("drew 300
      // families"); a close runner-up that gives one answers instead of a refusal.
      if (verdict.detailAbsent) {
        const top = ranked[0]!;
        for (const s of ranked.slice(1, 1 + DETAIL_LOOKAHEAD)) {
          if (confidence(s) < DETAIL_SHARE * confidence(top)) continue;
          const own = judged(s);
          if (!own.found) continue;
          ranked = [s, ...ranked.filter((r) => r !== s)];
          verdict = own;
          break;
        }
      }
      const best = ranked[0];
      const n = options.alternatives ?? DEFAULT_ALTERNATIVES;
      // "did it work, and what happened to the dynasty after": each part may be answered where the whole is not.
      const parts = verdict.found ? [] : splitTwoPart(String(question ?? ''));
      if (parts.length === 2) {
        const [first, second] = parts.map((p) => this.answer(p, options)) as [Answer, Answer];
        if (first.found && second.found) return joinParts(question, first, second, options.alternatives ?? DEFAULT_ALTERNATIVES);
      }
      if (!verdict.found) {
        return {
          question,
          found: false,
          answer: null,
          alternatives: [],
          reason: verdict.reason,
          missing: verdict.missing,
          suggestions: suggester().didYouMean(allStems(q), 3),
          ...(verdict.near && best ? { closest: toPassage(records[best.id]!, best) } : {}),
        };
      }
      const answer = toPassage(records[best!.id]!, best);
      // The runner-up however few alternatives are asked for, so the band never depends on how many are shown.
      const runnerUp = ranked[1] ? confidence(ranked[1], best) : 0;
      return {
        question,
        found: true,
        answer,
        alternatives: ranked.slice(1, 1 + n).map((s) => toPassage(records[s.id]!, s, best)),
        missing: verdict.missing,
        suggestions: [],
        band: bandOf(answer.score, !q.excludes && holdsDetail(q.type, [index.tokens[best!.id]!], [answer.text], askedStems(q), q.calendar), runnerUp, uncurated && modelInUse() ? LEARNED_CLEAR_LEAD : CLEAR_LEAD),
      };
    },
    relevance(question: string, stems?: readonly string[]): number {
      if (stems) return stemRelevance(index.passages, stems);
      const weights = groupWeights(analyse(question), index);
      const total = weights.reduce((a, w) => a + w.idf, 0);
      const found = weights.filter((w) => w.group.stems.some((s) => s.weight > 0 && index.passages.terms.has(s.stem))).reduce((a, w) => a + w.idf, 0);
      return total > 0 ? found / total : 0;
    },
    suggest: (partial, limit = 25) => suggester().suggest(partial, limit),
    passageCount: () => records.length,
    paragraph: (i) => pack.paragraphs[i],
    passage: (id) => (records[id] ? toPassage(records[id]!) : undefined),
    passageByKey(key) {
      const id = (byKey ??= keyLookup(keys.all())).get(key);
      return id === undefined ? undefined : toPassage(records[id]!);
    },
    findEntity(name) {
      const key = fold(String(name ?? '')).toLowerCase().trim();
      return entityNamed(key) ?? suggester().findEntity(key);
    },
    mentions: (entityId) => records.filter((r) => r.entities.includes(entityId)).map((r) => toPassage(r)),
    quotes(filter = {}) {
      let quotes: Quote[] = pack.quotes;
      if (filter.speaker) {
        const entity = this.findEntity(filter.speaker);
        quotes = entity ? quotes.filter((q) => q.speaker === entity.id) : [];
      }
      if (filter.topic?.trim()) {
        const topic = tokenize(filter.topic).map((t) => t.stem);
        quotes = quotes.filter((q) => {
          const words = new Set(tokenize(`${q.text} ${pack.paragraphs[q.paragraph]?.text ?? ''}`).map((t) => t.stem));
          return topic.some((t) => words.has(t));
        });
      }
      return quotes;
    },
    timeline: () => [...pack.timeline].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/**
 * Engine.relevance given the question's stems: the share of their idf weight that the article's
 * passages use. A stem the article lacks weighs as much as the rarest possible one. Only the term
 * counts are read, so a library can ask it of a pack's summary before the pack is loaded (lazy-engine.ts).
 */
export function stemRelevance(passages: TermCounts, stems: readonly string[]): number {
  const max = idf(passages, '\u0000');
  let total = 0;
  let found = 0;
  for (const stem of stems) {
    const has = passages.terms.has(stem);
    const weight = has ? idf(passages, stem) : max;
    total += weight;
    if (has) found += weight;
  }
  return total > 0 ? found / total : 0;
}

/**
 * One answer for a two-part question: the passage both parts rank highest together (the one covering
 * both), else the first part's answer with the second's as the first alternative.
 */
function joinParts(question: string, first: Answer, second: Answer, n: number): Answer {
  const a = [first.answer!, ...first.alternatives];
  const b = [second.answer!, ...second.alternatives];
  let shared: { passage: Passage; score: number; rank: number } | undefined;
  a.forEach((p, i) => {
    const j = b.findIndex((o) => o.passageId === p.passageId && o.article === p.article);
    if (j >= 0 && (!shared || i + j < shared.rank)) shared = { passage: p, score: Math.min(p.score, b[j]!.score), rank: i + j };
  });
  const best = shared ? { ...shared.passage, score: shared.score } : { ...first.answer!, score: Math.min(first.answer!.score, second.answer!.score) };
  const alternatives = [...(shared ? [] : [second.answer!]), ...first.alternatives, ...second.alternatives]
    .filter((p, i, all) => p.passageId !== best.passageId && all.findIndex((o) => o.passageId === p.passageId) === i)
    .slice(0, n);
  return { question, found: true, answer: best, alternatives, missing: [], suggestions: [], band: bandOf(best.score) };
}

/** A question of two clauses ("…, and what happened after?"), split where the second one starts; else []. */
function splitTwoPart(question: string): string[] {
  const m = /^(.{8,}?)(?:[,;?]\s*(?:and|but|also|plus)?|\s+(?:and|but|also|plus))\s+((?:what|who|whom|when|where|why|how|which|did|does|do|is|was|were|are|has|had)\b.{8,})$/i.exec(question.trim());
  return m ? [m[1]!.trim(), m[2]!.trim()] : [];
}

function formatAttribution(r: PassageRecord): string {
  const who = r.role && !restates(r.speaker, r.role) ? `${r.speaker}, ${r.role}` : r.speaker;
  return `${who} (${r.how})`;
}

/** "a Chinese Foreign Ministry spokesperson" already says "spokesperson for China's Foreign Ministry". */
function restates(speaker: string, role: string): boolean {
  const said = new Set(tokenize(speaker).map((t) => t.stem.slice(0, 5)));
  const roleWords = tokenize(role).filter((t) => t.word.length > 3);
  return roleWords.length > 0 && roleWords.filter((t) => said.has(t.stem.slice(0, 5))).length / roleWords.length >= 0.6;
}

/**
 * Confidence blends how much of the question the passage covers with how strongly it matched.
 * An alternative never outranks the answer: its confidence is capped by its score against the best's.
 */
function confidence(s: Scored, top?: Scored): number {
  const own = 0.7 * s.coverage + 0.3 * (1 - Math.exp(-s.score / 6));
  const capped = top && top.score > 0 ? Math.min(own, confidence(top) * (s.score / top.score)) : own;
  return Math.round(Math.min(1, Math.max(0, capped)) * 1000) / 1000;
}

/** Every group's stems, in order: `q.groups.flatMap((g) => g.stems)` without flatMap's cost on every refusal. */
function allStems(q: Question): Array<{ stem: string; weight: number }> {
  const out: Array<{ stem: string; weight: number }> = [];
  for (const g of q.groups) for (const s of g.stems) out.push(s);
  return out;
}

function matchedWords(text: string, tokens: Token[], stems: Set<string>): string[] {
  const words = new Set<string>();
  for (const t of tokens) if (stems.has(t.stem)) words.add(text.slice(t.start, t.end));
  return [...words];
}
