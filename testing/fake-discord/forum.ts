// Forum channels in the fake: a forum with tags, posts (a thread plus its starter message, as Discord
// creates them together), and the REST routes the bot uses on them: read a channel or a message,
// post in a thread, and PATCH a thread's applied tags.
import { EventEmitter } from 'node:events';
import { botMessage } from './interactions.ts';
import { ChannelType, MessageType, type APIGuildForumTag, type APIMessage, type APIThreadChannel, type APIUser } from 'discord-api-types/v10';

export interface ForumChannel {
  id: string;
  type: ChannelType.GuildForum;
  guild_id: string;
  name: string;
  available_tags: APIGuildForumTag[];
}

export interface ChannelMessageRecord {
  channelId: string;
  body: Record<string, unknown>;
  at: number;
}

export interface ChannelPatchRecord {
  channelId: string;
  body: Record<string, unknown>;
}

export interface NewPost {
  forumId: string;
  title: string;
  content?: string;
  author: Pick<APIUser, 'id' | 'username'> & { bot?: boolean };
  /** False: the THREAD_CREATE Discord sends when a bot re-joins or a thread becomes visible again. */
  newlyCreated?: boolean;
  archived?: boolean;
  locked?: boolean;
}

type Send = (status: number, body: unknown) => void;

let next = 1n;
const snowflake = () => String((BigInt(Date.now() - 1420070400000) << 22n) + 5000n + next++);

export class FakeForums extends EventEmitter {
  readonly channels = new Map<string, ForumChannel | APIThreadChannel>();
  /** Messages by id (the starter message of a post has the thread's id). */
  readonly messages = new Map<string, APIMessage>();
  /** Every POST /channels/{id}/messages, in order. */
  readonly posted: ChannelMessageRecord[] = [];
  readonly patches: ChannelPatchRecord[] = [];

  constructor(private readonly botUser: APIUser) {
    super();
    this.setMaxListeners(0);
  }

  createForum(guildId: string, name: string, tags: string[] = []): ForumChannel {
    const forum: ForumChannel = {
      id: snowflake(),
      type: ChannelType.GuildForum,
      guild_id: guildId,
      name,
      available_tags: tags.map((t) => ({ id: snowflake(), name: t, moderated: false, emoji_id: null, emoji_name: null })),
    };
    this.channels.set(forum.id, forum);
    return forum;
  }

  /** Creates the thread and its starter message; the caller dispatches the gateway events. */
  createPost(post: NewPost): { thread: APIThreadChannel & { newly_created?: boolean }; starter: APIMessage } {
    const forum = this.channels.get(post.forumId);
    if (!forum || forum.type !== ChannelType.GuildForum) throw new Error(`fake Discord: no forum ${post.forumId}`);
    const id = snowflake();
    const thread = {
      id,
      type: ChannelType.PublicThread,
      guild_id: forum.guild_id,
      parent_id: forum.id,
      owner_id: post.author.id,
      name: post.title,
      applied_tags: [] as string[],
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      flags: 0,
      last_message_id: id,
      thread_metadata: { archived: post.archived ?? false, locked: post.locked ?? false, auto_archive_duration: 4320, archive_timestamp: new Date().toISOString() },
      ...(post.newlyCreated === false ? {} : { newly_created: true }),
    } as unknown as APIThreadChannel & { newly_created?: boolean };
    const starter = this.message(id, id, { content: post.content ?? '', author: { discriminator: '0', global_name: null, avatar: null, ...post.author, bot: post.author.bot ?? false } as APIUser });
    this.channels.set(id, thread);
    this.messages.set(id, starter);
    return { thread, starter };
  }

  waitForMessage(channelId: string, timeoutMs: number): Promise<ChannelMessageRecord> {
    const found = this.posted.find((p) => p.channelId === channelId);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const on = (r: ChannelMessageRecord) => {
        if (r.channelId !== channelId) return;
        clearTimeout(timer);
        this.off('posted', on);
        resolve(r);
      };
      const timer = setTimeout(() => {
        this.off('posted', on);
        reject(new Error(`fake Discord: no message in channel ${channelId} after ${timeoutMs} ms`));
      }, timeoutMs);
      this.on('posted', on);
    });
  }

  /** Answers the channel routes; false when the path is not one of them. */
  route(method: string, path: string, body: unknown, contentAllowed: boolean, send: Send): boolean {
    let m: RegExpMatchArray | null;
    if ((m = path.match(/^\/channels\/(\d+)$/))) {
      const channel = this.channels.get(m[1]!);
      if (!channel) return (send(404, { message: 'Unknown Channel', code: 10003 }), true);
      if (method === 'GET') return (send(200, channel), true);
      if (method === 'PATCH') {
        const patch = (body ?? {}) as Record<string, unknown>;
        this.patches.push({ channelId: channel.id, body: patch });
        const tags = patch.applied_tags;
        if (tags !== undefined) {
          const parent = 'parent_id' in channel && channel.parent_id ? this.channels.get(channel.parent_id) : undefined;
          const known = new Set(parent && 'available_tags' in parent ? parent.available_tags.map((t) => t.id) : []);
          if (!Array.isArray(tags) || tags.length > 5 || tags.some((t) => !known.has(String(t)))) {
            return (send(400, { message: 'Invalid Form Body', code: 50035 }), true);
          }
        }
        Object.assign(channel, patch);
        this.emit('patched', channel.id);
        return (send(200, channel), true);
      }
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/)) && method === 'GET') {
      const msg = this.messages.get(m[2]!);
      if (!msg || msg.channel_id !== m[1]) return (send(404, { message: 'Unknown Message', code: 10008 }), true);
      // Without the Message Content intent, Discord blanks the text of messages that don't mention the bot.
      return (send(200, contentAllowed ? msg : { ...msg, content: '' }), true);
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages$/)) && method === 'POST') {
      if (!this.channels.has(m[1]!)) return (send(404, { message: 'Unknown Channel', code: 10003 }), true);
      const record: ChannelMessageRecord = { channelId: m[1]!, body: (body ?? {}) as Record<string, unknown>, at: performance.now() };
      this.posted.push(record);
      const msg = this.message(snowflake(), m[1]!, { ...(record.body as object), author: this.botUser });
      this.messages.set(msg.id, msg);
      this.emit('posted', record);
      return (send(200, msg), true);
    }
    return false;
  }

  private message(id: string, channelId: string, fields: Partial<APIMessage>): APIMessage {
    return { ...botMessage(), author: this.botUser, type: MessageType.Default, ...fields, id, channel_id: channelId } as APIMessage;
  }
}
