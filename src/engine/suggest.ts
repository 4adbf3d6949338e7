// Autocomplete and did-you-mean: whole questions and names a reader can pick while typing, never a
// cut-off sentence. Fuse.js matches them, so "prigoz" or "xi jinp" still find what they mean.
import Fuse from 'fuse.js';
import type { KnowledgePack, Entity, Quote, TimelineEntry } from '../knowledge/schema.ts';
import type { PassageRecord } from './passages.ts';
import { STOP_WORDS, tokenize } from './text.ts';

export const MAX_CHOICE_LENGTH = 100;
export const MAX_CHOICES = 25;

/** The words the question templates below are made of. */
const TEMPLATE_WORDS = 'who is what was did say happened does the article about';

export class Suggester {
  /** Questions a reader may pick: a few dozen, so Fuse.js searches them in microseconds. */
  private readonly questions: string[];
  private readonly starters: string[];
  private readonly nameList: () => string[];
  private readonly entityNames: () => Array<{ entity: Entity; name: string }>;
  /**
   * The Fuse.js indexes, made on first use: only autocomplete and name look-ups search them, so a
   * process that answers a question (`npm run ask`, did-you-mean) never builds them.
   */
  private fuse: Fuse<string> | undefined;
  private entities: Fuse<{ entity: Entity; name: string }> | undefined;
  /** Names a reader may pick as they are: the pack's entities, or the names found in an uncurated text. */
  private names: Fuse<string> | undefined;
  /** Each stem of the questions (template words aside) → the questions that have it, by index. */
  private questionsWith: Map<string, number[]> | undefined;

  /** `found`: the names of an uncurated text (suggestionNames), which a library keeps for a pack it has not loaded. */
  constructor(pack: KnowledgePack, found: readonly string[]) {
    this.questions = unique(
      [
        ...pack.entities.map(entityQuestion),
        ...pack.quotes.map(quoteQuestion),
        ...pack.quotes.map((q) => speakerQuestion(q, pack.entities)),
        ...pack.timeline.map(timelineQuestion),
        ...found.map((n) => `What does the article say about ${n}?`), // untyped: a name may be a person, a place or a paper
      ]
        .filter((q): q is string => q !== undefined)
        .map((q) => q.replace(/\s+/g, ' ').trim())
        .filter((q) => q.length <= MAX_CHOICE_LENGTH),
    );
    this.nameList = () => unique([...pack.entities.map((e) => e.name), ...found]).filter((n) => n.length <= MAX_CHOICE_LENGTH);
    this.entityNames = () => pack.entities.flatMap((entity) => [entity.name, ...entity.aliases].map((name) => ({ entity, name })));
    this.starters = this.questions.slice(0, MAX_CHOICES);
  }

  /** Questions that match what is typed so far, then the names it matches. */
  suggest(partial: string, limit = MAX_CHOICES): string[] {
    const n = Math.max(0, Math.min(MAX_CHOICES, Math.floor(limit) || 0));
    const query = cleanQuery(partial);
    if (!query) return this.starters.slice(0, n);
    this.fuse ??= new Fuse(this.questions, { includeScore: true, ignoreLocation: true, threshold: 0.3, minMatchCharLength: 2, useTokenSearch: true });
    this.names ??= new Fuse(this.nameList(), { threshold: 0.35, ignoreLocation: true });
    const questions = this.fuse.search(query, { limit: n }).map((r) => r.item);
    const names = this.names.search(query, { limit: n }).map((r) => r.item);
    return unique([...questions.slice(0, Math.ceil(n / 2)), ...names, ...questions]).slice(0, n);
  }

  /**
   * Questions the article can answer that share the words (or their repairs) the reader used.
   * Refusals are frequent, so this uses the already-analysed question instead of a fuzzy search.
   */
  didYouMean(stems: ReadonlyArray<{ stem: string; weight: number }>, limit: number): string[] {
    // Only what a question is about counts: its template ("What happened …", "What did … say?") would
    // match any question that is phrased the same way.
    if (!this.questionsWith) {
      const template = new Set(tokenize(TEMPLATE_WORDS).map((t) => t.stem));
      this.questionsWith = new Map();
      this.questions.forEach((q, i) => {
        for (const stem of new Set(tokenize(q).filter((t) => !STOP_WORDS.has(t.word) && !template.has(t.stem)).map((t) => t.stem))) {
          const list = this.questionsWith!.get(stem);
          if (list) list.push(i);
          else this.questionsWith!.set(stem, [i]);
        }
      });
    }
    // By stem, not by question: every refusal runs this, and most of the pack's questions share no stem
    // with it (issue 14). Each question's weights are still added in the stems' order.
    const scores = new Array<number>(this.questions.length).fill(0);
    for (const s of stems) for (const i of this.questionsWith.get(s.stem) ?? []) scores[i]! += s.weight;
    const scored: Array<{ q: string; score: number }> = [];
    scores.forEach((score, i) => score > 0 && scored.push({ q: this.questions[i]!, score }));
    return scored
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((x) => x.q);
  }

  findEntity(name: string): Entity | undefined {
    const query = cleanQuery(name);
    if (!query) return undefined;
    this.entities ??= new Fuse(this.entityNames(), { keys: ['name'], includeScore: true, threshold: 0.35, ignoreLocation: true });
    return this.entities.search(query, { limit: 1 })[0]?.item.entity;
  }
}

/** Fuse's pattern length is bounded, and its extended-search operators must stay plain characters. */
function cleanQuery(s: string): string {
  return String(s ?? '')
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 32);
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Cuts at a word boundary and marks the cut, never mid-word. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** "Who is Qin Gang?", "What is the Wagner Group?", "What was the An Lushan Rebellion?", by the entity's type. */
function entityQuestion(e: Entity): string {
  const name = asNamed(e);
  if (e.type === 'person') return `Who is ${name}?`;
  if (e.type === 'organisation') return `What is ${name}?`;
  if (e.type === 'event') return `What was ${name}?`;
  return `What does the article say about ${name}?`;
}

/**
 * The name as a sentence uses it: "the" before a description ("the Chinese Foreign Ministry
 * spokesperson") and a many-word organisation or event ("the Wagner Group"), not before a person's
 * name, a possessive ("China’s foreign ministry") or a name that has its own.
 */
function asNamed(e: Entity): string {
  if (/^[Tt]he\s|^\S+['’]s\s\p{Ll}/u.test(e.name)) return e.name;
  const described = /\s\p{Ll}/u.test(e.name.replace(/\s(of|and)\s/g, ' '));
  const manyWord = e.type !== 'person' && e.type !== 'place' && /\s/.test(e.name);
  return described || manyWord ? `the ${e.name}` : e.name;
}

/** "Who said “treason”?" when the quote fits whole: a quote is never cut (its speaker's question asks for it). */
function quoteQuestion(q: Quote): string | undefined {
  const whole = `Who said “${q.text}”?`;
  return whole.length <= MAX_CHOICE_LENGTH ? whole : undefined;
}

function speakerQuestion(q: Quote, entities: readonly Entity[]): string | undefined {
  const speaker = entities.find((e) => e.id === q.speaker);
  return speaker ? `What did ${asNamed(speaker)} say?` : undefined;
}

/**
 * "What happened on Saturday?" for an entry dated by a day, month or year. A curator's note in
 * brackets ("the article implies Sunday: …") is never shown, and relative dates ("after the events")
 * make no question a reader would ask.
 */
function timelineQuestion(t: TimelineEntry): string | undefined {
  const when = t.when.replace(/\s*\([^)]*\)/g, '').replace(/\s*\[[^\]]*\]/g, '').trim();
  if (!/\d|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(when)) return undefined;
  if (when.split(/\s+/).length > 5) return undefined;
  return `What happened ${/^(in|on|at|late|early|by)\b/i.test(when) ? when : /^\d/.test(when) ? `in ${when}` : `on ${when}`}?`;
}

/** The names an uncurated pack's suggestions offer (a curated pack's come from its entities). */
export function suggestionNames(pack: KnowledgePack, passages: readonly PassageRecord[]): string[] {
  return pack.curated ? [] : namesIn(passages);
}

/** Multi-word capitalised names in an uncurated article, most frequent first. */
function namesIn(passages: readonly PassageRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const p of passages) {
    for (const m of p.text.matchAll(/(?<![.!?]\s|^)\b\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)+/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([n]) => n);
}
