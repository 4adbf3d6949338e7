// The gateway bot's side of Q&A forums: on THREAD_CREATE for a new post in the guild's chosen forum
// it answers the post in its thread, as /ask would. THREAD_CREATE arrives with the Guilds intent; the
// starter message is read over REST (its author says whether a bot posted it, and with the Message
// Content intent its text joins the title).
import { GatewayDispatchEvents, Routes, type APIMessage } from 'discord-api-types/v10';
import type { Client } from 'discord.js';
import type { Logger } from '../../log.ts';
import { answerPost } from '../../../commands/forum-post.ts';
import type { CommandContext } from '../command.ts';
import type { GuildCooldowns } from '../cooldown.ts';
import { postQuestions, readPost, RecentIds, skipReason, type ForumPost } from './post.ts';

export interface ForumWatchOptions {
  contextFor: (guildId: string | undefined) => CommandContext;
  cooldowns: GuildCooldowns;
  /** MESSAGE_CONTENT=true: the post's text is read and asked along with its title. */
  messageContent: boolean;
  log: Logger;
}

export interface ForumWatch {
  /** Posts being answered right now (shutdown lets them finish). */
  readonly pending: ReadonlySet<Promise<void>>;
}

/** Discord creates a post's thread and starter message together; a read that races it gets one retry. */
const STARTER_RETRY_MS = 300;

export function watchForumPosts(client: Client, options: ForumWatchOptions): ForumWatch {
  const { log } = options;
  const answered = new RecentIds();
  const pending = new Set<Promise<void>>();

  async function starterOf(post: ForumPost): Promise<APIMessage | undefined> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        return (await client.rest.get(Routes.channelMessage(post.threadId, post.threadId))) as APIMessage;
      } catch (err) {
        if (attempt === 0) await new Promise((r) => setTimeout(r, STARTER_RETRY_MS));
        else log.debug(`Forum post ${post.threadId}: starter message not readable (${String(err)}); answering from the title`);
      }
    }
    return undefined;
  }

  async function answer(post: ForumPost, ctx: CommandContext): Promise<void> {
    const starter = await starterOf(post);
    if (starter?.author?.bot) return log.debug(`Forum post ${post.threadId} was opened by a bot; left alone`);
    const wait = options.cooldowns.take(post.ownerId, ctx.settings);
    if (wait > 0) return log.info(`Forum post ${post.threadId} not answered: its author is over the cooldown (${wait} ms)`);
    const body = options.messageContent ? starter?.content : undefined;
    // A post has no 3 s window: it waits for a start's background build, and is answered from every article.
    await ctx.knowledge?.settled();
    const reply = answerPost(postQuestions(post.title, body), ctx);
    ctx.questions?.record(post.title);
    await client.rest.post(Routes.channelMessages(post.threadId), { body: reply.data });
    if (reply.found) ctx.questions?.recordForum('answered');
    log.info(`Answered forum post ${post.threadId} in guild ${post.guildId} (found: ${reply.found})`);
  }

  client.ws.on(GatewayDispatchEvents.ThreadCreate, (data: unknown) => {
    const post = readPost(data);
    if (!post) return;
    const ctx = options.contextFor(post.guildId);
    const skip = skipReason(post, ctx.settings, client.user?.id, answered);
    if (skip) {
      if (skip !== 'no-forum' && skip !== 'other-channel') log.debug(`Forum post ${post.threadId} left alone: ${skip}`);
      return;
    }
    answered.add(post.threadId);
    const p = answer(post, ctx)
      .catch((err: unknown) => log.error(`Could not answer forum post ${post.threadId}`, err))
      .finally(() => pending.delete(p));
    pending.add(p);
  });
  return { pending };
}
