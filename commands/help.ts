// /help: what the bot does, with examples. Private, so it does not clutter the channel.
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { CommandContext, Reply } from '../src/discord/command.ts';
import { helpReply } from '../src/reply/help.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'help',
  description: 'What this bot can do, with examples.',
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const ephemeral = () => true;

export function execute(_interaction: unknown, { engine, library }: CommandContext): Reply {
  return { data: helpReply(engine.pack.meta, { articles: library?.articles.length ?? 1 }) };
}
