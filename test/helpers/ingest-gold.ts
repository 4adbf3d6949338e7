// Scores a generated pack against a hand-written gold file: precision and recall of entities and quotes,
// and the share of dated events given the right year and month.
import type { GeneratedPack } from '../../src/ingest/draft.ts';

export interface Gold {
  published: string;
  entities: { name: string; type: string; role?: string; aliases?: string[] }[];
  quotes: { text: string; speaker: string }[];
  events: { when: string; date: string; contains: string }[];
}

export interface GoldScore {
  entities: { found: number; right: number; gold: number; recalled: number; typed: number; wrong: string[]; missed: string[] };
  quotes: { found: number; right: number; gold: number; recalled: number; wrong: string[]; missed: string[] };
  events: { gold: number; right: number; missed: string[] };
}

const fold = (s: string) =>
  s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/^(the|a|an) /i, '').replace(/'s?$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
const words = (s: string) => fold(s).split(/[^\p{L}\p{N}']+/u).filter(Boolean);

/** A found quote is the gold one when it holds most of the gold words, in a stretch of the same text. */
function sameQuote(found: string, gold: string): boolean {
  const f = fold(found);
  const g = words(gold);
  const inside = g.filter((w) => f.includes(w)).length;
  return inside / g.length >= 0.8 && (f.includes(fold(gold).slice(0, 25)) || fold(gold).includes(f.slice(0, 25)));
}

/** A speaker is right when a word of the gold speaker's name (not "the", "of") names them. */
function sameSpeaker(found: { name: string; aliases: string[] } | undefined, gold: string): boolean {
  if (!found) return false;
  const names = [found.name, ...found.aliases].map(fold);
  return names.includes(fold(gold)) || fold(gold).split(' ').filter((w) => w.length > 3).every((w) => names.some((n) => n.includes(w)));
}

export function scoreAgainstGold(pack: GeneratedPack, gold: Gold): GoldScore {
  const goldNames = (g: Gold['entities'][number]) => [g.name, ...(g.aliases ?? [])].map(fold);
  const matchOf = (e: GeneratedPack['entities'][number]) => gold.entities.find((g) => [e.name, ...e.aliases].some((n) => goldNames(g).includes(fold(n))));
  const right = pack.entities.filter(matchOf);
  const target = gold.entities.filter((g) => g.type !== 'other');
  const recalled = target.filter((g) => pack.entities.some((e) => [e.name, ...e.aliases].some((n) => goldNames(g).includes(fold(n)))));
  const entityById = new Map(pack.entities.map((e) => [e.id, e]));
  const quoteRight = (q: GeneratedPack['quotes'][number]) => gold.quotes.find((g) => sameQuote(q.text, g.text) && sameSpeaker(entityById.get(q.speaker), g.speaker));
  const goodQuotes = pack.quotes.filter(quoteRight);
  const quoteRecalled = gold.quotes.filter((g) => pack.quotes.some((q) => sameQuote(q.text, g.text) && sameSpeaker(entityById.get(q.speaker), g.speaker)));
  const eventRight = (g: Gold['events'][number]) =>
    pack.timeline.some((t) => t.event.includes(g.contains) && fold(t.when).includes(fold(g.when).replace(/^(on|in|since) /, '')) && t.date.startsWith(g.date.slice(0, 7)));
  return {
    entities: {
      found: pack.entities.length,
      right: right.length,
      gold: target.length,
      recalled: recalled.length,
      typed: right.filter((e) => matchOf(e)!.type === e.type).length,
      wrong: pack.entities.filter((e) => !matchOf(e)).map((e) => e.name),
      missed: target.filter((g) => !recalled.includes(g)).map((g) => g.name),
    },
    quotes: {
      found: pack.quotes.length,
      right: goodQuotes.length,
      gold: gold.quotes.length,
      recalled: quoteRecalled.length,
      wrong: pack.quotes.filter((q) => !quoteRight(q)).map((q) => `${q.speaker}: ${q.text.slice(0, 50)}`),
      missed: gold.quotes.filter((g) => !quoteRecalled.includes(g)).map((g) => `${g.speaker}: ${g.text.slice(0, 50)}`),
    },
    events: { gold: gold.events.length, right: gold.events.filter(eventRight).length, missed: gold.events.filter((g) => !eventRight(g)).map((g) => `${g.when} ${g.date}`) },
  };
}
