// Message context menu "Find in article": the passages that address a message's claim, shown only to
// the moderator who asked. A context menu has no options: it searches the guild's default article
// (/settings), else every article. A claim no article addresses is recorded for /kb unanswered.
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIMessageApplicationCommandInteraction,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { defaultArticle, loadingReply } from '../src/discord/articles.ts';
import type { CommandContext, Reply } from '../src/discord/command.ts';
import { message } from '../src/reply/message.ts';
import { findInArticleReply } from '../src/reply/passages.ts';
import { withLoadingNote } from '../src/reply/library.ts';
import { answerAndRecord } from './kit/answer.ts';

/** Long messages are judged on their opening; the engine ranks better on a focused claim. */
const MAX_CLAIM = 1000;

export const data = {
  type: ApplicationCommandType.Message,
  name: 'Find in article',
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
} satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody & { type: ApplicationCommandType.Message };

export const ephemeral = () => true;

export function execute(interaction: APIMessageApplicationCommandInteraction, ctx: CommandContext): Reply {
  const target = interaction.data.resolved.messages[interaction.data.target_id];
  const text = [target?.content ?? '', ...(target?.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? ''])]
    .join('\n')
    .trim();
  if (!text) {
    return { data: message({ content: 'That message has no text to check against the article.', ephemeral: true }), found: false };
  }
  const claim = text.slice(0, MAX_CLAIM);
  const library = ctx.library;
  const slug = defaultArticle(ctx, library)?.slug ?? (library.articles.length === 1 ? library.articles[0]!.slug : undefined);
  const loading = slug ? loadingReply(library, slug) : undefined;
  if (loading) return loading;
  const unsearched = slug ? 0 : library.loading().length;
  const { answer, meta } = answerAndRecord(ctx, claim, { slug, alternatives: 3 });
  return { data: withLoadingNote(findInArticleReply(claim, answer, meta), unsearched), found: answer.found };
}
