// /article: title, publisher, section, reading time, contributors, summary, and how to cite it. With
// several articles and neither the option nor a guild default, it lists the library instead.
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { ARTICLE_OPTION, articleChoices, articleOption, articleScope, libraryOf, libraryReply } from '../src/discord/articles.ts';
import type { CommandContext, Reply } from '../src/discord/command.ts';
import { focusedOption, stringOption } from '../src/discord/options.ts';
import { articleReply } from '../src/reply/article.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'article',
  description: 'About the article: title, publisher, reading time, contributors, summary and citation.',
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [articleOption("Which article (default: the server's default; without one, the list of articles).")],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export function execute(interaction: APIChatInputApplicationCommandInteraction, ctx: CommandContext): Reply {
  const target = articleScope(stringOption(interaction, ARTICLE_OPTION), ctx);
  if ('reply' in target) return target.reply;
  if (target.scope.slug === undefined) {
    return { data: libraryReply(libraryOf(ctx), { title: 'The articles I answer from', ephemeral: false }) };
  }
  const { pack } = target.scope.engine;
  const stats = {
    paragraphs: pack.paragraphs.filter((p) => p.kind === 'body').length,
    quotes: pack.quotes.length,
    entities: pack.entities.length,
  };
  return { data: articleReply(pack.meta, stats) };
}

export function autocomplete(interaction: APIApplicationCommandAutocompleteInteraction, ctx: CommandContext) {
  return articleChoices(libraryOf(ctx), focusedOption(interaction)?.value ?? '');
}
