// /who: a person or organisation in the article: role, aliases, and the passages that mention them.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { CommandContext, Reply } from '../src/discord/command.ts';
import { toChoices } from '../src/discord/choices.ts';
import { focusedOption, stringOption } from '../src/discord/options.ts';
import { whoNotFoundReply, whoReply } from '../src/reply/who.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'who',
  description: 'Who is a person or organisation in the article: role, aliases, and where they appear.',
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [
    { type: ApplicationCommandOptionType.String, name: 'name', description: 'A name or alias, e.g. "Prigozhin" or "Wagner".', required: true, autocomplete: true, max_length: 100 },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export function execute(interaction: APIChatInputApplicationCommandInteraction, { engine }: CommandContext): Reply {
  const name = stringOption(interaction, 'name') ?? '';
  const entity = engine.pack.entities.find((e) => e.id === name) ?? engine.findEntity(name);
  if (!entity) return { data: whoNotFoundReply(name, engine.pack.entities) };
  return { data: whoReply(entity, engine.mentions(entity.id), engine.pack.meta) };
}

export function autocomplete(interaction: APIApplicationCommandAutocompleteInteraction, { engine }: CommandContext) {
  const typed = (focusedOption(interaction)?.value ?? '').trim().toLowerCase();
  const entities = engine.pack.entities;
  const starts = entities.filter((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase().startsWith(typed)));
  const contains = entities.filter((e) => !starts.includes(e) && [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(typed)));
  const matches = [...starts, ...contains];
  if (matches.length === 0 && typed) {
    const guess = engine.findEntity(typed);
    if (guess) matches.push(guess);
  }
  return toChoices(matches.map((e) => ({ name: `${e.name} (${e.role})`, value: e.id })));
}
