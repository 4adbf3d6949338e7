// /quote: the article's direct quotations, optionally narrowed to a speaker and a topic.
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
import type { Entity } from '../src/knowledge/schema.ts';
import { quotesReply } from '../src/reply/quotes.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'quote',
  description: 'The direct quotes in the article, with who said them, their role and the setting.',
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [
    { type: ApplicationCommandOptionType.String, name: 'speaker', description: 'Who said it (pick from the list or type a name).', autocomplete: true, max_length: 100 },
    { type: ApplicationCommandOptionType.String, name: 'topic', description: 'Words the quote is about, e.g. "stability".', max_length: 100 },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function entityMap(entities: Entity[]): Map<string, Entity> {
  return new Map(entities.map((e) => [e.id, e]));
}

export function execute(interaction: APIChatInputApplicationCommandInteraction, { engine }: CommandContext): Reply {
  const speaker = stringOption(interaction, 'speaker')?.trim() || undefined;
  const topic = stringOption(interaction, 'topic')?.trim() || undefined;
  const filter = { ...(speaker ? { speaker } : {}), ...(topic ? { topic } : {}) };
  const quotes = engine.quotes(filter);
  const label = (i: number) => engine.paragraph(i)?.label ?? `¶${i}`;
  return { data: quotesReply(quotes, entityMap(engine.pack.entities), engine.pack.meta, filter, label) };
}

export function autocomplete(interaction: APIApplicationCommandAutocompleteInteraction, { engine }: CommandContext) {
  const typed = (focusedOption(interaction)?.value ?? '').trim().toLowerCase();
  const quoted = new Set(engine.quotes().map((q) => q.speaker));
  const speakers = engine.pack.entities.filter((e) => quoted.has(e.id));
  const matches = speakers.filter((e) => !typed || [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(typed)));
  if (matches.length === 0 && typed) {
    const guess = engine.findEntity(typed); // typo tolerance ("prigozin")
    if (guess && quoted.has(guess.id)) matches.push(guess);
  }
  return toChoices(matches.map((e) => ({ name: `${e.name} (${e.role})`, value: e.id })));
}
