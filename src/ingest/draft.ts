// Article text in, a generated knowledge pack out (in memory): the verbatim text and a curated layer
// in the issue-2 format. Passages and attributions come from the engine's own heuristics
// (buildPassages over the uncurated article), so the draft never knows less than --article does.
import { buildPassages, splitSentences } from '../engine/index.ts';
import { parseArticleText, UNKNOWN_PUBLISHER } from '../knowledge/plain-text.ts';
import type { ArticleMeta, Entity, Fact, KnowledgePack, Quote, TimelineEntry } from '../knowledge/schema.ts';
import { extractEntities, UNKNOWN_ROLE } from './entities.ts';
import { draftFacts } from './facts.ts';
import { markdownToText } from './markdown.ts';
import type { TypeGuesser } from './nlp.ts';
import { findQuotes } from './quotes.ts';
import { SpeakerBook } from './speakers.ts';
import { draftTimeline } from './timeline.ts';

export interface DraftOptions {
  slug: string;
  title?: string;
  publisher?: string;
  url?: string;
  /** YYYY-MM-DD: anchors dates the article gives without a year. */
  published?: string;
  markdown?: boolean;
  typeGuesser?: TypeGuesser;
}

export interface GeneratedPack {
  /** article.txt: the article's text, as given (Markdown reduced to its plain text). */
  article: string;
  meta: ArticleMeta;
  facts: Fact[];
  quotes: Quote[];
  entities: Entity[];
  timeline: TimelineEntry[];
  report: {
    paragraphs: number;
    headline: boolean;
    unattributedQuotes: { text: string; paragraph: number }[];
    skippedDates: { when: string; paragraph: number; why: string }[];
    speakerEntities: number;
  };
}

export class IngestError extends Error {
  override name = 'IngestError';
}

export function draftPack(source: string, opts: DraftOptions): GeneratedPack {
  const md = opts.markdown ? markdownToText(source) : undefined;
  const article = md ? md.text : source;
  if (!article.trim()) throw new IngestError(md ? 'the Markdown file has no text once its markup is removed' : 'the article is empty');
  const parsed = parseArticleText(article, { slug: opts.slug, title: opts.title ?? md?.title, publisher: opts.publisher, url: opts.url });
  if (parsed.paragraphs.length === 0) throw new IngestError('the article has no answerable paragraphs (only page furniture)');
  const headline = parsed.paragraphs[0]?.kind === 'headline';

  const published = opts.published ?? parsed.meta.published;
  const meta: ArticleMeta = {
    slug: opts.slug,
    title: opts.title?.trim() || parsed.meta.title,
    // With no publisher named, the site it came from is one a reader can look up.
    publisher: parsed.meta.publisher === UNKNOWN_PUBLISHER && opts.url ? new URL(opts.url).hostname.replace(/^www\./, '') : parsed.meta.publisher,
    ...(opts.url ? { url: opts.url } : {}),
    section: parsed.meta.section,
    ...(parsed.meta.readingTime ? { readingTime: parsed.meta.readingTime } : {}),
    ...(published ? { published } : {}),
    contributors: parsed.meta.contributors,
    ...(parsed.meta.subheads ? { subheads: parsed.meta.subheads } : {}),
    generated: true,
  };
  const summary = summarise(parsed.paragraphs);
  if (summary) meta.summary = summary;

  const pack: KnowledgePack = { meta, paragraphs: parsed.paragraphs, facts: [], quotes: [], entities: [], timeline: [], curated: false, source: opts.slug };
  const records = buildPassages(pack);
  const entities = extractEntities(parsed.paragraphs, { contributors: meta.contributors, typeOf: opts.typeGuesser });
  const book = new SpeakerBook(entities);
  // Quotes first: they add an entity for each speaker the article never names otherwise, which facts then link.
  const quotes = findQuotes(pack, records, book);
  const facts = draftFacts(records, meta.publisher, book);
  // "said Dr. Hannah Okafor, the ecologist who led the survey": the role the article gives a speaker is the
  // entity's role too when the name alone gave none (readers ask for "the ecologist").
  for (const f of facts) {
    const entity = f.attribution.entity && f.attribution.role ? book.entities.find((e) => e.id === f.attribution.entity) : undefined;
    if (entity && entity.role === UNKNOWN_ROLE) entity.role = f.attribution.role!;
  }
  const timeline = draftTimeline(parsed.paragraphs, {
    published,
    publishedFrom: opts.published ? '--published' : 'the dateline',
  });
  return {
    article,
    meta,
    facts,
    quotes: quotes.quotes,
    entities: book.entities,
    timeline: timeline.entries,
    report: {
      paragraphs: parsed.paragraphs.length,
      headline,
      unattributedQuotes: quotes.unattributed,
      skippedDates: timeline.skipped,
      speakerEntities: book.added.length,
    },
  };
}

/** The first body sentence, and the next while the summary is short: extractive, for the curator to rewrite. */
function summarise(paragraphs: KnowledgePack['paragraphs']): string | undefined {
  const first = paragraphs.find((p) => p.kind === 'body');
  if (!first) return undefined;
  let summary = '';
  for (const s of splitSentences(first.text)) {
    if (summary && summary.length + s.text.length > 400) break;
    summary = summary ? `${summary} ${s.text}` : s.text;
    if (summary.length >= 120) break;
  }
  return summary || undefined;
}
