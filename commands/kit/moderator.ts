// What makes a command a moderators' one: hidden from members without Manage Server by
// default_member_permissions, and checked again at run time from the member's permissions in the
// interaction, since a server can override who sees a command.
import { PermissionFlagsBits, type APIInteraction } from 'discord-api-types/v10';

/** The permission moderator commands need (Administrator implies it). */
export const REQUIRED_PERMISSION = PermissionFlagsBits.ManageGuild;

/** Whether the invoking member may use a moderator command: Manage Server or Administrator, from the interaction itself. */
export function mayManage(interaction: APIInteraction): boolean {
  const raw = interaction.member?.permissions;
  if (!raw || !/^\d+$/.test(raw)) return false; // DMs and malformed payloads: no
  const bits = BigInt(raw);
  return (bits & PermissionFlagsBits.Administrator) !== 0n || (bits & REQUIRED_PERMISSION) === REQUIRED_PERMISSION;
}
