// /timeline: the dated events of one article, in order: the article option's, else the guild's
// default, else the library's only article; with several and neither, the user is asked to choose.
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { ARTICLE_OPTION, articleChoices, articleOption, libraryOf, oneArticle } from '../src/discord/articles.ts';
import type { CommandContext, Reply } from '../src/discord/command.ts';
import { focusedOption, stringOption } from '../src/discord/options.ts';
import { timelineReply } from '../src/reply/timeline.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'timeline',
  description: 'The dated events in the article, in order.',
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [articleOption("Which article (default: the server's default article).")],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export function execute(interaction: APIChatInputApplicationCommandInteraction, ctx: CommandContext): Reply {
  const target = oneArticle(stringOption(interaction, ARTICLE_OPTION), ctx, 'timeline');
  if ('reply' in target) return target.reply;
  const { engine } = target;
  return { data: timelineReply(engine.timeline(), engine.pack.meta, (i) => engine.paragraph(i)?.label ?? `¶${i}`) };
}

export function autocomplete(interaction: APIApplicationCommandAutocompleteInteraction, ctx: CommandContext) {
  return articleChoices(libraryOf(ctx), focusedOption(interaction)?.value ?? '');
}
