// What every curator store offers, whichever database holds it: the unanswered-question log, the
// per-guild settings, the replay check and notices between replicas. SQLite (store.ts) answers at
// once; PostgreSQL (postgres.ts) answers the slower calls with promises, so callers await them.
import { z } from 'zod';
import type { QuestionGroup, QuestionTally } from './group.ts';
import { groupQuestions } from './group.ts';
import { DAY_MS } from './defaults.ts';
import { redactStored } from './redact.ts';

export type Awaitable<T> = T | Promise<T>;

export const UNANSWERED_KINDS = ['not-found', 'low-confidence', 'feedback'] as const;
export type UnansweredKind = (typeof UNANSWERED_KINDS)[number];

/** What is logged about a question. There is deliberately no field for who asked. */
export interface UnansweredEntry {
  kind: UnansweredKind;
  question: string;
  /** Slug of the article the question was asked about. */
  article: string;
  /** Null or absent in DMs and outside Discord. */
  guildId?: string | null;
  /** The engine's top candidate passage, if it had one. */
  candidate?: string | null;
  /** That candidate's confidence in 0..1. */
  score?: number | null;
}

export interface ReportOptions {
  article?: string;
  /** Groups to return (default 20). */
  limit?: number;
}

export type ReportGroup = QuestionGroup;

export interface GuildSettings {
  guildId: string;
  defaultArticle: string | null;
  /** Null: the bot's configured cooldown applies. */
  cooldown: { burst: number; refillMs: number } | null;
  privateByDefault: boolean;
  /** The Q&A forum whose new posts the gateway bot answers (null: none). */
  forumChannelId: string | null;
  updatedAt: number;
}

/** Fields to change; null clears a value back to the bot's default. */
export const GuildSettingsPatchSchema = z
  .object({
    defaultArticle: z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be an article slug (a-z, 0-9, -)').nullable(),
    cooldown: z
      .object({
        burst: z.number().int().min(0).max(1000),
        refillMs: z.number().int().min(1).max(DAY_MS),
      })
      .nullable(),
    privateByDefault: z.boolean(),
    forumChannelId: z.string().regex(/^\d{1,20}$/, 'must be a channel id').nullable(),
  })
  .partial()
  .strict();
export type GuildSettingsPatch = z.infer<typeof GuildSettingsPatchSchema>;

export interface StoreLog {
  warn(msg: string): void;
  info?(msg: string): void;
}


export interface CuratorStore {
  /** False when the database could not be used: every method is then a no-op. */
  readonly healthy: boolean;
  /** Why the store is not healthy (one line), if it is not. */
  readonly problem?: string;
  /** Absolute path of the database file. */
  readonly path: string;
  /** True when other processes share this state (PostgreSQL); false for the per-machine SQLite file. */
  readonly shared: boolean;
  /** Never waits: written now (SQLite) or in the background (PostgreSQL, queued during an outage). */
  recordUnanswered(entry: UnansweredEntry): void;
  /** The most frequent unanswered questions, near-identical wordings grouped together. */
  unansweredReport(options?: ReportOptions): Awaitable<ReportGroup[]>;
  /** Never waits on a network: PostgreSQL serves it from a cache that change notices keep current. */
  guildSettings(guildId: string): GuildSettings | undefined;
  /** Merges the patch into the guild's settings; undefined when invalid or not stored. */
  updateGuildSettings(guildId: string, patch: GuildSettingsPatch): Awaitable<GuildSettings | undefined>;
  clearGuildSettings(guildId: string): Awaitable<void>;
  /** Deletes unanswered rows older than the retention; returns how many. */
  purgeExpired(): Awaitable<number>;
  /**
   * True the first time an interaction id is seen, false for a replay. In this process always; across
   * every process on the database when it is shared and reachable.
   */
  claimInteraction(id: string): Awaitable<boolean>;
  /** Sends a notice to every other process on the same database (no-op when not shared). */
  publish(notice: StoreNotice): void;
  /** Notices from the other processes. Returns an unsubscribe function. */
  onNotice(listener: (notice: StoreNotice) => void): () => void;
  /** Stops timers and closes the database. Safe to call twice. */
  close(): Awaitable<void>;
}

/** A small message between replicas (knowledge reloads and their confirmations). */
export interface StoreNotice {
  kind: 'reload' | 'reloaded';
  /** Which reload this is about. */
  id: string;
  /** The process that sent it. */
  from: string;
  origin?: string;
  ok?: boolean;
  generation?: number;
}


/** Control characters out, whitespace folded, token-shaped strings redacted, cut to max. */
export function clean(text: string, max: number): string {
  // Control characters (NUL, escapes, bidi overrides) have no place in a report table.
  const s = redactStored(text)
    .replace(/[\p{Cc}\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The row to store for an entry (both backends), or undefined when the question is empty. */
export function storedEntry(entry: UnansweredEntry, at: number) {
  const question = clean(String(entry.question ?? ''), 500);
  if (!question) return undefined;
  return {
    at: Math.floor(at),
    kind: entry.kind,
    question,
    article: clean(String(entry.article ?? ''), 100) || '-',
    guildId: entry.guildId ? clean(String(entry.guildId), 32) : null,
    candidate: entry.candidate ? clean(String(entry.candidate), 2000) : null,
    score: typeof entry.score === 'number' && Number.isFinite(entry.score) ? entry.score : null,
  };
}

/** The patch applied over the current settings (absent fields keep their value). */
export function mergeSettings(guildId: string, current: GuildSettings | undefined, p: GuildSettingsPatch, at: number): GuildSettings {
  return {
    guildId,
    defaultArticle: p.defaultArticle !== undefined ? p.defaultArticle : (current?.defaultArticle ?? null),
    cooldown: p.cooldown !== undefined ? p.cooldown : (current?.cooldown ?? null),
    privateByDefault: p.privateByDefault ?? current?.privateByDefault ?? false,
    forumChannelId: p.forumChannelId !== undefined ? p.forumChannelId : (current?.forumChannelId ?? null),
    updatedAt: Math.floor(at),
  };
}

/** One row of the report query, as both backends return it. */
export interface TallyRow {
  question: string;
  article: string;
  count: number;
  lastSeen: number;
  notFound: number;
  lowConfidence: number;
  feedback: number;
  candidate: string | null;
}

/** Report rows grouped into at most `limit` groups. */
export function reportFromRows(rows: readonly TallyRow[], limit: number | undefined = 20): ReportGroup[] {
  const tallies: QuestionTally[] = rows.map((r) => ({
    question: r.question,
    article: r.article,
    count: Number(r.count),
    lastSeen: Number(r.lastSeen),
    kinds: Object.fromEntries(
      (
        [
          ['not-found', Number(r.notFound)],
          ['low-confidence', Number(r.lowConfidence)],
          ['feedback', Number(r.feedback)],
        ] as const
      ).filter(([, n]) => n > 0),
    ),
    candidate: r.candidate,
  }));
  const n = Number.isFinite(limit) ? Math.max(1, Math.min(1000, Math.floor(limit))) : 20;
  return groupQuestions(tallies).slice(0, n);
}
