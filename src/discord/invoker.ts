// Who invoked an interaction. (A command's options are read by key from its own definition: see
// commands/kit/options.ts.)
import type { APIInteraction } from 'discord-api-types/v10';

/** The invoking user, whether the interaction came from a guild (member.user) or a DM (user). */
export function userId(interaction: APIInteraction): string | undefined {
  return interaction.member?.user.id ?? interaction.user?.id;
}
