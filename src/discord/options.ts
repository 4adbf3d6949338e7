// Reading options from raw interaction payloads (no subcommands are used, so options are flat).
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
} from 'discord-api-types/v10';

type WithOptions = APIChatInputApplicationCommandInteraction | APIApplicationCommandAutocompleteInteraction;

function find(interaction: WithOptions, name: string): APIApplicationCommandInteractionDataOption | undefined {
  return interaction.data.options?.find((o) => o.name === name);
}

export function stringOption(interaction: WithOptions, name: string): string | undefined {
  const o = find(interaction, name);
  return o && o.type === ApplicationCommandOptionType.String ? o.value : undefined;
}

export function booleanOption(interaction: WithOptions, name: string): boolean | undefined {
  const o = find(interaction, name);
  return o && o.type === ApplicationCommandOptionType.Boolean ? o.value : undefined;
}

/** The option the user is typing in, for autocomplete. */
export function focusedOption(interaction: APIApplicationCommandAutocompleteInteraction): { name: string; value: string } | undefined {
  for (const o of interaction.data.options ?? []) {
    if ('focused' in o && o.focused) return { name: o.name, value: String(o.value ?? '') };
  }
  return undefined;
}

/** The invoking user, whether the interaction came from a guild (member.user) or a DM (user). */
export function userId(interaction: APIInteraction): string | undefined {
  return interaction.member?.user.id ?? interaction.user?.id;
}
