// What a new forum post is to the bot: the thread fields it decides on, whether to answer it at all,
// and the question to ask the article. Pure functions, so the rules are tested without a gateway.
import type { GuildSettings } from '../../store/store.ts';

export interface ForumPost {
  threadId: string;
  guildId: string;
  /** The forum the thread was posted in. */
  parentId: string;
  /** Who opened the post. */
  ownerId: string;
  title: string;
  /** Discord sets newly_created only on the THREAD_CREATE of a thread just made, not on a re-sent one. */
  newlyCreated: boolean;
  archived: boolean;
  locked: boolean;
}

/** The fields of a raw THREAD_CREATE payload; undefined when it is not a thread in a guild. */
export function readPost(raw: unknown): ForumPost | undefined {
  const t = raw as Record<string, unknown> | null;
  if (!t || typeof t !== 'object') return undefined;
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const threadId = str(t.id);
  const guildId = str(t.guild_id);
  const parentId = str(t.parent_id);
  const ownerId = str(t.owner_id);
  if (!threadId || !guildId || !parentId || !ownerId) return undefined;
  const meta = (t.thread_metadata ?? {}) as Record<string, unknown>;
  return {
    threadId,
    guildId,
    parentId,
    ownerId,
    title: typeof t.name === 'string' ? t.name : '',
    newlyCreated: t.newly_created === true,
    archived: meta.archived === true,
    locked: meta.locked === true,
  };
}

export type Skip = 'no-forum' | 'other-channel' | 'not-new' | 'closed' | 'own-post' | 'already-answered';

/** Why a post is left alone, or undefined when the bot should answer it. */
export function skipReason(post: ForumPost, settings: GuildSettings | undefined, botId: string | undefined, answered: { has(id: string): boolean }): Skip | undefined {
  if (!settings?.forumChannelId) return 'no-forum';
  if (post.parentId !== settings.forumChannelId) return 'other-channel';
  if (!post.newlyCreated) return 'not-new';
  if (post.archived || post.locked) return 'closed';
  if (botId && post.ownerId === botId) return 'own-post';
  if (answered.has(post.threadId)) return 'already-answered';
  return undefined;
}

/** Longest body text added to the title: a question, not an essay (the /ask option allows 300). */
export const MAX_BODY_CHARS = 600;

/**
 * The questions to try: the title alone, and, when the starter message's text is known (Message
 * Content intent), the title with the body, so a vague title ("question about the article") is
 * answered from what the post says.
 */
export function postQuestions(title: string, body: string | undefined): string[] {
  const t = title.trim();
  const b = (body ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_BODY_CHARS);
  if (!b) return t ? [t] : [];
  return t ? [t, `${t} ${b}`, b] : [b];
}

/** A set that forgets its oldest entries past `max`, for threads already answered. */
export class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max = 10_000) {}
  has(id: string): boolean {
    return this.ids.has(id);
  }
  add(id: string): void {
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
  }
}
