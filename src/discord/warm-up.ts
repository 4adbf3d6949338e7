// The first question a fresh process answers pays for lazy index work and JIT compilation (about
// 60-200 ms measured); answering a few synthetic interactions before going online moves that cost
// out of the first real user's 3 s window.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionType,
  Locale,
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
} from 'discord-api-types/v10';
import type { HandleInteraction } from './interaction-result.ts';

const base = {
  id: '0',
  application_id: '0',
  token: 'warm-up',
  version: 1 as const,
  app_permissions: '0',
  locale: Locale.EnglishUS,
  entitlements: [],
  authorizing_integration_owners: {},
  attachment_size_limit: 0,
  user: { id: '0', username: 'warm-up', discriminator: '0', global_name: null, avatar: null },
};

function ask(question: string): APIChatInputApplicationCommandInteraction {
  return {
    ...base,
    type: InteractionType.ApplicationCommand,
    channel: { id: '0', type: 1 } as APIChatInputApplicationCommandInteraction['channel'],
    channel_id: '0',
    data: { id: '0', name: 'ask', type: ApplicationCommandType.ChatInput, options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }] },
  };
}

function suggest(partial: string): APIApplicationCommandAutocompleteInteraction {
  return {
    ...base,
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: '0', name: 'ask', type: ApplicationCommandType.ChatInput, options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: partial, focused: true }] },
  };
}

export async function warmUp(handle: HandleInteraction): Promise<void> {
  const samples: APIInteraction[] = [ask('Who met whom, and what did they say?'), ask('What is the capital of France?'), suggest('who'), suggest('')];
  for (const i of samples) await handle(i).then((r) => r.followUp);
}
