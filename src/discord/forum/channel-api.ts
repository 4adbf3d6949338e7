// The two channel calls the forum needs beyond interaction callbacks (which use the interaction's own
// token): read a channel, and change a thread's tags. Both need the bot token, so the gateway bot
// provides them through its REST client; the HTTP endpoint only when DISCORD_TOKEN is set.
export interface ChannelApi {
  getChannel(id: string): Promise<unknown>;
  editChannel(id: string, body: Record<string, unknown>): Promise<unknown>;
}

/** A forum tag as GET /channels/{forum} lists it. */
export interface ForumTag {
  id: string;
  name: string;
}

export function forumTags(channel: unknown): ForumTag[] {
  const tags = (channel as { available_tags?: unknown } | null)?.available_tags;
  return Array.isArray(tags) ? tags.filter((t): t is ForumTag => typeof t?.id === 'string' && typeof t?.name === 'string') : [];
}

/** The tag a forum uses to mark a post answered: the one named "Solved", in any case. */
export function solvedTag(tags: readonly ForumTag[]): ForumTag | undefined {
  return tags.find((t) => t.name.trim().toLowerCase() === 'solved');
}
