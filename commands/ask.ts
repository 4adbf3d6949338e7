// /ask: the passage that answers a question, with attribution, source and confidence, plus the
// "More matches" and "Show context" buttons whose custom_ids make them work after a restart.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIChatInputApplicationCommandInteraction,
  type APIMessageComponentInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { CommandContext, ComponentRoute, Reply } from '../src/discord/command.ts';
import { toChoices } from '../src/discord/choices.ts';
import { parseAskButton } from '../src/discord/custom-id.ts';
import { cleanQuestion } from '../src/discord/question.ts';
import { booleanOption, focusedOption, stringOption } from '../src/discord/options.ts';
import type { APIApplicationCommandAutocompleteInteraction } from 'discord-api-types/v10';
import type { Passage } from '../src/engine/types.ts';
import { MATCHES_PER_PAGE, answerReply } from '../src/reply/answer.ts';
import { message } from '../src/reply/message.ts';
import { contextReply, moreMatchesReply } from '../src/reply/passages.ts';

/** Alternatives fetched per question: the first page plus what the "More matches" chain can carry. */
const ALTERNATIVES = MATCHES_PER_PAGE * 3;

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'ask',
  description: 'Ask a question about the article; get the passage that answers it and who said it.',
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'Your question, e.g. "Who did China\'s foreign minister meet?"',
      required: true,
      max_length: 300,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: 'Only you see the answer (default: everyone in the channel sees it).',
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export function ephemeral(interaction: APIChatInputApplicationCommandInteraction): boolean {
  return booleanOption(interaction, 'private') ?? false;
}

export function execute(interaction: APIChatInputApplicationCommandInteraction, { engine }: CommandContext): Reply {
  const question = stringOption(interaction, 'question') ?? '';
  const answer = engine.answer(cleanQuestion(question), { alternatives: ALTERNATIVES });
  // Echo what the user typed (escaped), not the cleaned text the engine saw.
  return { data: answerReply({ ...answer, question }, engine.pack.meta, { ephemeral: ephemeral(interaction) }), found: answer.found };
}

export function autocomplete(interaction: APIApplicationCommandAutocompleteInteraction, { engine }: CommandContext) {
  const typed = focusedOption(interaction)?.value ?? '';
  return toChoices(engine.suggest(cleanQuestion(typed), 25));
}

function staleButton(): Reply {
  return {
    data: message({ content: 'This button belongs to an article this bot no longer serves. Ask again with /ask.', ephemeral: true }),
  };
}

function morePage(interaction: APIMessageComponentInteraction, { engine }: CommandContext, update: boolean): Reply {
  const parsed = parseAskButton(interaction.data.custom_id);
  if (!parsed || parsed.kind === 'ctx' || parsed.slug !== engine.pack.meta.slug) return staleButton();
  const passages = parsed.passageIds.map((id) => engine.passage(id)).filter((p): p is Passage => p !== undefined);
  return { data: moreMatchesReply(passages, engine.pack.meta, { ephemeral: true }), update };
}

// A public answer stays as posted and the clicker gets a private page; paging edits that private page.
export const components: ComponentRoute[] = [
  { prefix: 'ask:more', ephemeral: () => true, handle: (i, ctx) => morePage(i, ctx, false) },
  { prefix: 'ask:next', update: () => true, handle: (i, ctx) => morePage(i, ctx, true) },
  {
    prefix: 'ask:ctx',
    ephemeral: () => true,
    handle(interaction, { engine }) {
      const parsed = parseAskButton(interaction.data.custom_id);
      if (!parsed || parsed.kind !== 'ctx' || parsed.slug !== engine.pack.meta.slug) return staleButton();
      const passage = engine.passage(parsed.passageId);
      const paragraph = passage && engine.paragraph(passage.paragraph);
      if (!passage || !paragraph) return staleButton();
      const neighbours = { before: engine.paragraph(paragraph.index - 1), after: engine.paragraph(paragraph.index + 1) };
      return { data: contextReply(passage, paragraph, neighbours, engine.pack.meta, { ephemeral: true }) };
    },
  },
];
