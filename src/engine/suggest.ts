// Autocomplete and did-you-mean: short questions and facts a reader can pick while typing.
// Fuse.js does the matching, so "prigoz" or "xi jinp" still find what they mean.
import Fuse, { type FuseResultMatch } from 'fuse.js';
import type { KnowledgePack, Entity } from '../knowledge/schema.ts';
import type { PassageRecord } from './passages.ts';

export const MAX_CHOICE_LENGTH = 100;
export const MAX_CHOICES = 25;

export class Suggester {
  private readonly pool: string[];
  private readonly fuse: Fuse<string>;
  /** Fuse searches whole texts; a long fact is shown as the part around what matched. */
  private readonly entities: Fuse<{ entity: Entity; name: string }>;

  constructor(pack: KnowledgePack, passages: PassageRecord[]) {
    const questions = [
      ...pack.entities
        .filter((e) => e.type === 'person' || e.type === 'organisation')
        .map((e) => `${e.type === 'person' ? 'Who' : 'What'} is ${/\s\p{Ll}/u.test(e.name.replace(/\s(of|and)\s/g, ' ')) ? 'the ' : ''}${e.name}?`),
      ...pack.quotes.map((q) => `Who said “${clip(q.text, MAX_CHOICE_LENGTH - 13)}”?`),
      ...pack.timeline.map((t) => `What happened ${t.when.replace(/^(in|on)\s+/i, 'in ')}?`.replace(/^What happened in (\p{Lu}\p{Ll}+day)/u, 'What happened on $1')),
      ...(pack.curated ? [] : namesIn(passages).map((n) => `Who is ${n}?`)),
    ];
    const facts = passages.filter((p) => p.text.length > 20).map((p) => p.text);
    this.pool = [...new Set([...questions, ...facts].map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean))];
    this.fuse = new Fuse(this.pool, { includeScore: true, includeMatches: true, ignoreLocation: true, threshold: 0.3, minMatchCharLength: 2 });
    this.entities = new Fuse(
      pack.entities.flatMap((entity) => [entity.name, ...entity.aliases].map((name) => ({ entity, name }))),
      { keys: ['name'], includeScore: true, threshold: 0.35, ignoreLocation: true },
    );
  }

  suggest(partial: string, limit = MAX_CHOICES): string[] {
    const n = Math.max(0, Math.min(MAX_CHOICES, Math.floor(limit) || 0));
    const query = cleanQuery(partial);
    if (!query) return unique(this.pool.slice(0, n).map((t) => clip(t, MAX_CHOICE_LENGTH)));
    return unique(this.fuse.search(query, { limit: n }).map((r) => around(r.item, longestMatch(r.matches))));
  }

  didYouMean(question: string, limit: number): string[] {
    const query = cleanQuery(question);
    if (!query) return this.pool.slice(0, limit);
    return this.fuse
      .search(query, { limit: limit * 3 })
      .filter((r) => (r.score ?? 1) < 0.4)
      .map((r) => around(r.item, longestMatch(r.matches)))
      .slice(0, limit);
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

function longestMatch(matches: readonly FuseResultMatch[] | undefined): number {
  let best: readonly [number, number] = [0, 0];
  for (const m of matches ?? []) for (const r of m.indices) if (r[1] - r[0] > best[1] - best[0]) best = r;
  return best[0];
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
