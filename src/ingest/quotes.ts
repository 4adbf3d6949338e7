// Direct quotes: the words inside quotation marks, verbatim, each with the speaker the engine's
// attribution heuristics give its sentence. A quote whose sentence names no speaker is not written
// (a quote must have one) but reported, so the curator can add it by hand.
import { type PassageRecord, splitSentences } from '../engine/index.ts';
import type { KnowledgePack, Quote } from '../knowledge/schema.ts';
import { UNKNOWN_ROLE } from './entities.ts';
import { isInferred } from './facts.ts';
import type { SpeakerBook } from './speakers.ts';

export interface QuoteSpan {
  text: string;
  start: number;
  end: number;
}

// “…”, "…", and ‘…’ where the closing ’ is not an apostrophe ("Russia’s" stays inside).
const DOUBLE = /“([^“”]+)”|"([^"]+)"/g;
const SINGLE = /(?<=^|[\s(\[—–-])‘((?:[^‘’]|’(?=\p{L}))+)’(?!\p{L})/gu;

/** Quoted spans of a paragraph, outermost only, with the text trimmed of a trailing comma. */
export function quotedSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  for (const re of [DOUBLE, SINGLE]) {
    for (const m of text.matchAll(re)) {
      const inner = m[1] ?? m[2] ?? '';
      const start = m.index! + 1;
      if (spans.some((s) => start >= s.start - 1 && start <= s.end + 1)) continue;
      const lead = inner.length - inner.trimStart().length;
      const trimmed = inner.trim().replace(/[\s,;:]+$/u, '');
      if (!/\p{L}/u.test(trimmed)) continue;
      spans.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    }
  }
  const open = openEndedSpan(text);
  if (open && !spans.some((s) => open.start < s.end + 1)) spans.push(open);
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * News runs a quote over several paragraphs by opening each with a mark and closing only the last:
 * the words from an opening mark that is never closed to the paragraph's end are a quote too.
 */
function openEndedSpan(text: string): QuoteSpan | undefined {
  const curlyOpen = text.lastIndexOf('“');
  const straight = [...text.matchAll(/"/g)].map((m) => m.index!);
  const at = curlyOpen > text.lastIndexOf('”') ? curlyOpen : straight.length % 2 === 1 ? straight.at(-1)! : -1;
  if (at < 0) return undefined;
  const inner = text.slice(at + 1);
  const lead = inner.length - inner.trimStart().length;
  const trimmed = inner.trim().replace(/[\s,;:]+$/u, '');
  return /\p{L}/u.test(trimmed) ? { text: trimmed, start: at + 1 + lead, end: at + 1 + lead + trimmed.length } : undefined;
}

export interface QuotesDraft {
  quotes: Quote[];
  /** Quotes the heuristics found no speaker for. */
  unattributed: { text: string; paragraph: number }[];
}

export function findQuotes(pack: KnowledgePack, records: PassageRecord[], book: SpeakerBook): QuotesDraft {
  const quotes: Quote[] = [];
  const unattributed: QuotesDraft['unattributed'] = [];
  const ids = new Set<string>();
  for (const para of pack.paragraphs) {
    if (para.kind === 'credits') continue;
    const own = records.filter((r) => r.paragraph === para.index);
    const spans = para.kind === 'body' ? splitSentences(para.text) : [{ text: para.text, start: 0, end: para.text.length }];
    for (const q of quotedSpans(para.text)) {
      if (quotes.some((x) => x.paragraph === para.index && x.text === q.text)) continue;
      // The first sentence the quote touches that names a speaker: "“… .” X said." spans two.
      const touched = spans.map((s, i) => ({ s, r: own[i] })).filter(({ s }) => q.start < s.end && q.end > s.start);
      const source = touched.map(({ r }) => r).find((r) => r && isInferred(r, pack.meta.publisher));
      if (!source) {
        unattributed.push({ text: q.text, paragraph: para.index });
        continue;
      }
      const speaker = book.ensure(source.speaker);
      const base = quoteId(q.text);
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      quotes.push({
        id,
        paragraph: para.index,
        text: q.text,
        speaker: speaker.id,
        role: speaker.role && speaker.role !== UNKNOWN_ROLE ? speaker.role : source.role ?? UNKNOWN_ROLE,
        setting: source.how,
      });
    }
  }
  return { quotes, unattributed };
}

/** The quote's first words as an id: “Russia’s internal affair” → "russias-internal-affair". */
function quoteId(text: string): string {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 5);
  return words.join('-') || 'quote';
}
