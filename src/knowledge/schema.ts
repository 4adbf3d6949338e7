// The knowledge pack's shape. Every file of a pack is parsed through these schemas when it loads,
// so a typo in curated JSON fails loudly instead of serving half-right answers.
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and dashes');
const text = z.string().trim().min(1);

/** One answerable block of the article, in reading order. Index 0 is usually the headline. */
export const ParagraphSchema = z.object({
  index: z.number().int().nonnegative(),
  kind: z.enum(['headline', 'body', 'credits']),
  /** How a person refers to it: "headline", "¶4", "credits". */
  label: text,
  text,
  /** The subhead a body paragraph stands under ("Group F — Sweden 1 – 0 Korea Republic"): what it is about, in the article's words. */
  section: text.optional(),
});

export const ArticleMetaSchema = z.object({
  slug: id,
  title: text,
  publisher: text,
  url: z.string().url().optional(),
  section: z.array(text).default([]),
  readingTime: text.optional(),
  /** ISO date (YYYY-MM-DD) when known; the seed article prints none, so this is the curator's inference. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  contributors: z.array(text).default([]),
  /** Subheads and captions: the article's furniture, kept for reference but never served as an answer. */
  subheads: z.array(text).optional(),
  summary: text.optional(),
  /**
   * Written by `npm run ingest` and not yet curated: no keywords say how readers ask, so questions also
   * match WordNet relations, as for a bare article. Remove it once the facts have curated keywords.
   */
  generated: z.boolean().optional(),
});

/** Who said or reported a statement, and how: the heart of "who said it". */
export const AttributionSchema = z.object({
  /** The source as a reader would name them: "Ma Zhaoxu", "China's foreign ministry", "the article". */
  speaker: text,
  /** Entity id when the speaker is a known entity. */
  entity: id.optional(),
  role: text.optional(),
  /** "a statement", "a TV broadcast to the nation", "according to the Kremlin", "the article's own reporting". */
  how: text,
});

export const FactSchema = z.object({
  id,
  paragraph: z.number().int().nonnegative(),
  /** The statement, verbatim: must be a substring of its paragraph. */
  text,
  attribution: AttributionSchema,
  /** Curator-written words a reader might use for this fact but the article does not (e.g. "prosecuted"). */
  keywords: z.array(text).default([]),
});

export const QuoteSchema = z.object({
  id,
  paragraph: z.number().int().nonnegative(),
  /** The words inside the quotation marks, verbatim. */
  text,
  speaker: id,
  /** The speaker's role at the time, as the article gives it. */
  role: text,
  /** Where and how it was said: "a brief statement", "a TV broadcast to the nation on Saturday". */
  setting: text,
});

/** The role ingest writes when the article gives none: the curator fills it in. It says nothing of the entity. */
export const UNKNOWN_ROLE = 'as named in the article';

export const EntitySchema = z.object({
  id,
  name: text,
  type: z.enum(['person', 'organisation', 'place', 'event', 'other']),
  role: text,
  aliases: z.array(text).default([]),
});

export const TimelineEntrySchema = z.object({
  /** Sortable date: YYYY, YYYY-MM or YYYY-MM-DD ("0755" for 755 AD). */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  /** The date as the article words it: "Saturday, June 24". */
  when: text,
  event: text,
  paragraph: z.number().int().nonnegative(),
  /** Why the date is what it is when the article does not print it whole (e.g. the year inferred). */
  basis: text.optional(),
});

export const FactsFileSchema = z.array(FactSchema);
export const QuotesFileSchema = z.array(QuoteSchema);
export const EntitiesFileSchema = z.array(EntitySchema);
export const TimelineFileSchema = z.array(TimelineEntrySchema);

export type Paragraph = z.infer<typeof ParagraphSchema>;
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;
export type Attribution = z.infer<typeof AttributionSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** A loaded, validated article: everything the engine needs. `curated` is false for a bare text file. */
export interface KnowledgePack {
  meta: ArticleMeta;
  paragraphs: Paragraph[];
  facts: Fact[];
  quotes: Quote[];
  entities: Entity[];
  timeline: TimelineEntry[];
  curated: boolean;
  /** Where it came from, for error messages and /kb stats. */
  source: string;
}
