// A new post in the server's Q&A forum, answered in its thread like /ask (same embed, no pings), and
// the "This answered it" button that marks the post solved. Not a slash command: the gateway bot calls
// answerPost for THREAD_CREATE (src/discord/forum/watch.ts); the button arrives as an interaction.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIInteractionResponseCallbackData, type APIMessageComponentInteraction } from 'discord-api-types/v10';
import type { CommandContext, ComponentRoute, Reply } from '../src/discord/command.ts';
import { forumTags, solvedTag } from '../src/discord/forum/channel-api.ts';
import { userId } from '../src/discord/invoker.ts';
import { MATCHES_PER_PAGE, answerReply } from '../src/reply/answer.ts';
import { message } from '../src/reply/message.ts';
import { ROUTES, routeOf } from '../src/reply/buttons.ts';
import { answerAndRecord } from './kit/answer.ts';
import { mayManage } from './kit/moderator.ts';

/** Discord allows five tags on a post. */
const MAX_TAGS = 5;

export interface PostAnswer {
  data: APIInteractionResponseCallbackData;
  found: boolean;
}

/**
 * Answers the first of `questions` that the article answers (the one with the best confidence when
 * several do); when none does, the polite refusal for the first, with its did-you-mean. Records
 * misses and weak answers for /kb unanswered, as /ask does.
 */
export function answerPost(questions: readonly string[], ctx: CommandContext): PostAnswer {
  if (questions.length === 0) return { data: message({ content: 'This post has no question to look up in the article.' }), found: false };
  const slug = ctx.settings?.defaultArticle ?? undefined;
  const article = slug && ctx.library.engine(slug) ? slug : undefined;
  const { question, answer, meta } = answerAndRecord(ctx, questions, { slug: article, alternatives: MATCHES_PER_PAGE * 3, closestSource: true });
  const searched = article ? 1 : ctx.library.articles.length;
  const data = answerReply({ ...answer, question }, meta, { ephemeral: false, searched });
  return { data: answer.found ? withForumButtons(data) : data, found: answer.found };
}

/** A forum answer's buttons: "This answered it" first, then More matches and "This didn't answer me". */
function withForumButtons(data: APIInteractionResponseCallbackData): APIInteractionResponseCallbackData {
  const solved: APIButtonComponent = { type: ComponentType.Button, style: ButtonStyle.Success, label: 'This answered it', custom_id: ROUTES.solved };
  const kept: APIButtonComponent[] = [];
  for (const row of data.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const c of row.components) if (keepInForum(c)) kept.push(c);
  }
  const row: APIActionRowComponent<APIButtonComponent> = { type: ComponentType.ActionRow, components: [solved, ...kept].slice(0, 5) };
  return { ...data, components: [row] };
}

/** Show context stays with /ask: in a thread the post itself is the context. */
function keepInForum(c: { type: ComponentType }): c is APIButtonComponent & { custom_id: string } {
  return c.type === ComponentType.Button && 'custom_id' in c && typeof c.custom_id === 'string' && routeOf(c.custom_id) !== ROUTES.context;
}

const privately = (content: string): Reply => ({ data: message({ content, ephemeral: true }) });

async function markSolved(interaction: APIMessageComponentInteraction, ctx: CommandContext): Promise<Reply> {
  const api = ctx.discord;
  if (!api) return privately('This bot cannot change tags from here (it runs without a bot token). A moderator can add the Solved tag by hand.');
  const presser = userId(interaction);
  const threadId = interaction.channel_id ?? interaction.channel?.id;
  if (!threadId) return privately('This button only works on an answer in a forum post.');
  let thread: { owner_id?: string; parent_id?: string; applied_tags?: string[] };
  let forum: unknown;
  try {
    thread = (await api.getChannel(threadId)) as typeof thread;
    if (presser !== thread.owner_id && !mayManage(interaction)) {
      return privately('Only the member who opened this post, or a moderator, can mark it solved.');
    }
    forum = thread.parent_id ? await api.getChannel(thread.parent_id) : undefined;
  } catch (err) {
    ctx.log.warn(`Could not read the forum post for "This answered it" (interaction ${interaction.id}): ${String(err)}`);
    return privately('I could not read this post to mark it solved. Please try again in a moment.');
  }
  const tag = solvedTag(forumTags(forum));
  const applied = Array.isArray(thread.applied_tags) ? thread.applied_tags : [];
  if (tag && applied.includes(tag.id)) return privately('This post is already marked solved.');
  // Counted once per post that becomes solved (or would, with a Solved tag), for /kb stats.
  ctx.questions?.recordForum('solved');
  if (!tag) return privately('Glad it helped! This forum has no tag named "Solved", so the post is unchanged; a moderator can create one.');
  if (applied.length >= MAX_TAGS) return privately(`Glad it helped! The post already has ${MAX_TAGS} tags, Discord's limit, so the Solved tag could not be added.`);
  try {
    await api.editChannel(threadId, { applied_tags: [...applied, tag.id] });
  } catch (err) {
    ctx.log.warn(`Could not apply the Solved tag (interaction ${interaction.id}): ${String(err)}`);
    return privately('I could not apply the Solved tag: the bot needs the Manage Threads permission in this forum.');
  }
  return privately('Marked this post as solved. Thanks!');
}

export const components: ComponentRoute[] = [{ prefix: ROUTES.solved, ephemeral: () => true, handle: markSolved }];
