// /timeline: the dated events of the article, in order.
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { CommandContext, Reply } from '../src/discord/command.ts';
import { timelineReply } from '../src/reply/timeline.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'timeline',
  description: 'The dated events in the article, in order.',
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export function execute(_interaction: unknown, { engine }: CommandContext): Reply {
  return { data: timelineReply(engine.timeline(), engine.pack.meta, (i) => engine.paragraph(i)?.label ?? `¶${i}`) };
}
