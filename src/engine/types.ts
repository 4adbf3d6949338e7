// What the engine answers with. Transports and reply formatters depend on these shapes only.
import type { KnowledgePack, Paragraph, Entity, Quote, TimelineEntry } from '../knowledge/schema.ts';

export interface Passage {
  /** Sentence-sized text from the article (or the quote with its sentence). */
  text: string;
  /** One readable line: who said or reported it, their role, and how. */
  attribution: string;
  speaker: string;
  role?: string;
  how: string;
  /** Index into the pack's paragraphs, and the label a reader sees ("¶4"). */
  paragraph: number;
  paragraphLabel: string;
  /** Index of the sentence within the pack's passage list (stable for a given pack, moved by an edit). */
  passageId: number;
  /** A short hash of the text (engine/passage-key.ts): names the passage across edits of the pack, for button ids. */
  key: string;
  /** Confidence in 0..1. */
  score: number;
  /** Words of the passage that matched the question, as they appear in the text (for bolding). */
  matched: string[];
  /** Slug of the article the passage came from. */
  article: string;
}

export interface Answer {
  question: string;
  found: boolean;
  answer: Passage | null;
  alternatives: Passage[];
  /** When not found: a sentence saying what is missing ("The article does not mention Zelensky."). */
  reason?: string;
  /** Question words the article never mentions. */
  missing: string[];
  /** Did-you-mean questions (up to 3) for a miss. */
  suggestions: string[];
  /**
   * For a found answer, how far a reader may trust it. Decided once, in the engine, from calibrated
   * thresholds, so every reply and the unanswered log agree on what "High" means.
   */
  band?: ConfidenceBand;
  /**
   * Not found, but one passage comes near: shown as "The article doesn't say exactly; the closest it
   * comes is: …". It is never an answer (found stays false), and never shown as confident.
   */
  closest?: Passage;
  /** Set when the question is about the article itself (who wrote it, when, what it is about): answered from its meta. */
  about?: ArticleFacet;
}

export type ConfidenceBand = 'high' | 'medium' | 'low';

export type ArticleFacet = 'summary' | 'authors' | 'published' | 'publisher' | 'length' | 'url' | 'headline';

export interface AskOptions {
  /** How many alternatives after the best answer (default 4). */
  alternatives?: number;
}

export interface Engine {
  readonly pack: KnowledgePack;
  answer(question: string, options?: AskOptions): Answer;
  /**
   * Share (0..1) of the question's weight whose words the article uses anywhere: a cheap first cut in a
   * library. Given the question's stems (tokenised once for the whole library) it skips typo repair.
   */
  relevance(question: string, stems?: readonly string[]): number;
  /** Up to `limit` (≤ 25) short suggestions, each ≤ 100 characters, for a partial question. */
  suggest(partial: string, limit?: number): string[];
  /** How many passages the engine ranks (passage ids are 0 to this − 1). */
  passageCount(): number;
  paragraph(index: number): Paragraph | undefined;
  /** A passage by its number in this pack (numbers move when the pack is edited). */
  passage(passageId: number): Passage | undefined;
  /** A passage by its key (Passage.key), which button custom_ids carry: the same sentence after an edit, else undefined. */
  passageByKey(key: string): Passage | undefined;
  /** Finds an entity by name, alias or typo. */
  findEntity(name: string): Entity | undefined;
  /** Passages that mention an entity. */
  mentions(entityId: string): Passage[];
  /** Direct quotes, optionally filtered by speaker (entity id or name) and topic words. */
  quotes(filter?: { speaker?: string; topic?: string }): Quote[];
  timeline(): TimelineEntry[];
}
