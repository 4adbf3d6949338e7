// /article: title, publisher, section, reading time, contributors, summary, and how to cite it.
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { CommandContext, Reply } from '../src/discord/command.ts';
import { articleReply } from '../src/reply/article.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'article',
  description: 'About the article: title, publisher, reading time, contributors, summary and citation.',
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export function execute(_interaction: unknown, { engine }: CommandContext): Reply {
  const { pack } = engine;
  const stats = {
    paragraphs: pack.paragraphs.filter((p) => p.kind === 'body').length,
    quotes: pack.quotes.length,
    entities: pack.entities.length,
  };
  return { data: articleReply(pack.meta, stats) };
}
