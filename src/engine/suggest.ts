// Autocomplete and did-you-mean: short questions and facts a reader can pick while typing.
// Fuse.js matches the questions, so "prigoz" or "xi jinp" still find what they mean; facts come from
// the engine's own index, with the word being typed completed from the article's vocabulary.
import Fuse from 'fuse.js';
import type { KnowledgePack, Entity } from '../knowledge/schema.ts';
import type { PassageRecord } from './passages.ts';
import { STOP_WORDS, tokenize } from './text.ts';

export const MAX_CHOICE_LENGTH = 100;
export const MAX_CHOICES = 25;

/** Facts ranked for a partial question by the engine's own index (fast on a library of thousands). */
export type RankFacts = (partial: string, limit: number) => Array<{ text: string; at: number }>;

export class Suggester {
  /** Questions a reader may pick: a few dozen, so Fuse.js searches them in microseconds. */
  private readonly questions: string[];
  private readonly fuse: Fuse<string>;
  private readonly entities: Fuse<{ entity: Entity; name: string }>;
  private readonly starters: string[];
  private questionStems: Array<Set<string>> | undefined;

  constructor(
    pack: KnowledgePack,
    passages: PassageRecord[],
    private readonly rankFacts: RankFacts,
  ) {
    this.questions = unique(
      [
        ...pack.entities
          .filter((e) => e.type === 'person' || e.type === 'organisation')
          .map((e) => `${e.type === 'person' ? 'Who' : 'What'} is ${/\s\p{Ll}/u.test(e.name.replace(/\s(of|and)\s/g, ' ')) ? 'the ' : ''}${e.name}?`),
        ...pack.quotes.map((q) => `Who said “${clip(q.text, MAX_CHOICE_LENGTH - 13)}”?`),
        ...pack.timeline.map((t) => `What happened ${t.when.replace(/^(in|on)\s+/i, 'in ')}?`.replace(/^What happened in (\p{Lu}\p{Ll}+day)/u, 'What happened on $1')),
        ...(pack.curated ? [] : namesIn(passages).map((n) => `Who is ${n}?`)),
      ].map((q) => clip(q.replace(/\s+/g, ' ').trim(), MAX_CHOICE_LENGTH)),
    );
    this.fuse = new Fuse(this.questions, { includeScore: true, ignoreLocation: true, threshold: 0.3, minMatchCharLength: 2, useTokenSearch: true });
    this.entities = new Fuse(
      pack.entities.flatMap((entity) => [entity.name, ...entity.aliases].map((name) => ({ entity, name }))),
      { keys: ['name'], includeScore: true, threshold: 0.35, ignoreLocation: true },
    );
    const facts = passages.filter((p) => p.kind === 'body' && p.text.length > 20).map((p) => clip(p.text, MAX_CHOICE_LENGTH));
    this.starters = unique([...this.questions.slice(0, 15), ...facts]).slice(0, MAX_CHOICES);
  }

  /** Questions that match first, then the facts that answer what is typed so far. */
  suggest(partial: string, limit = MAX_CHOICES): string[] {
    const n = Math.max(0, Math.min(MAX_CHOICES, Math.floor(limit) || 0));
    const query = cleanQuery(partial);
    if (!query) return this.starters.slice(0, n);
    const questions = this.fuse.search(query, { limit: Math.ceil(n / 2) }).map((r) => r.item);
    const facts = this.rankFacts(partial, n).map((f) => around(f.text, f.at));
    return unique([...questions, ...facts]).slice(0, n);
  }

  /**
   * Questions the article can answer that share the words (or their repairs) the reader used.
   * Refusals are frequent, so this uses the already-analysed question instead of a fuzzy search.
   */
  didYouMean(stems: ReadonlyArray<{ stem: string; weight: number }>, limit: number): string[] {
    this.questionStems ??= this.questions.map((q) => new Set(tokenize(q).filter((t) => !STOP_WORDS.has(t.word)).map((t) => t.stem)));
    return this.questions
      .map((q, i) => ({ q, score: stems.reduce((sum, s) => sum + (this.questionStems![i]!.has(s.stem) ? s.weight : 0), 0) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((x) => x.q);
  }

  findEntity(name: string): Entity | undefined {
    const query = cleanQuery(name);
    if (!query) return undefined;
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

/** A choice of at most 100 characters that shows the matched part of a longer text. */
function around(text: string, at: number): string {
  if (text.length <= MAX_CHOICE_LENGTH || at < MAX_CHOICE_LENGTH / 2) return clip(text, MAX_CHOICE_LENGTH);
  const from = text.lastIndexOf(' ', Math.max(0, at - 30)) + 1;
  return clip(`…${text.slice(from)}`, MAX_CHOICE_LENGTH);
}

/** Cuts at a word boundary and marks the cut, never mid-word. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** Multi-word capitalised names in an uncurated article, most frequent first. */
function namesIn(passages: PassageRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const p of passages) {
    for (const m of p.text.matchAll(/(?<![.!?]\s|^)\b\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)+/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([n]) => n);
}
