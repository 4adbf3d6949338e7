// /kb reload and /kb stats, for moderators. Hidden from members without Manage Server by
// default_member_permissions, and checked again at run time from the member's permissions in the
// interaction, since a server can override who sees a command.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { CommandContext, Reply } from '../src/discord/command.ts';
import { userId } from '../src/discord/options.ts';
import { describeReload } from '../src/knowledge/store.ts';
import { kbReloadReply, kbStatsReply, TOP_QUESTIONS } from '../src/reply/kb.ts';
import { message } from '../src/reply/message.ts';

/** The permission /kb needs (Administrator implies it). */
export const REQUIRED_PERMISSION = PermissionFlagsBits.ManageGuild;

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'kb',
  description: 'Moderators: reload the article knowledge or show its statistics.',
  default_member_permissions: String(REQUIRED_PERMISSION),
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'reload', description: 'Load the knowledge files again; the old knowledge stays if they are invalid.' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'stats', description: 'Passages, entities, quotes, load time and the top questions since start.' },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const ephemeral = () => true;

/** Whether the invoking member may use /kb: Manage Server or Administrator, from the interaction itself. */
export function mayManage(interaction: APIInteraction): boolean {
  const raw = interaction.member?.permissions;
  if (!raw || !/^\d+$/.test(raw)) return false; // DMs and malformed payloads: no
  const bits = BigInt(raw);
  return (bits & PermissionFlagsBits.Administrator) !== 0n || (bits & REQUIRED_PERMISSION) === REQUIRED_PERMISSION;
}

function subcommand(interaction: APIChatInputApplicationCommandInteraction): string | undefined {
  const first = interaction.data.options?.[0];
  return first?.type === ApplicationCommandOptionType.Subcommand ? first.name : undefined;
}

const refusal = (text: string): Reply => ({ data: message({ content: text, ephemeral: true }) });

export function execute(interaction: APIChatInputApplicationCommandInteraction, ctx: CommandContext): Reply {
  const sub = subcommand(interaction);
  if (!mayManage(interaction)) {
    ctx.log.warn(`/kb ${sub ?? ''} refused: the member lacks Manage Server (interaction ${interaction.id})`);
    return refusal('Only members with the **Manage Server** permission can use `/kb`.');
  }
  if (sub === 'reload') {
    if (!ctx.knowledge) return refusal('This bot was started without reloadable knowledge.');
    const origin = `/kb reload by user ${userId(interaction) ?? 'unknown'}`;
    const result = ctx.knowledge.reload(origin);
    if (result.ok) ctx.log.info(describeReload(result, origin));
    else ctx.log.error(describeReload(result, origin));
    return { data: kbReloadReply(result) };
  }
  if (sub === 'stats') {
    // Stats describe what serves questions now, not the snapshot this interaction happened to start with.
    const snapshot = ctx.knowledge?.current() ?? ctx.snapshot;
    if (!snapshot) return refusal('No knowledge statistics are available.');
    const q = ctx.questions;
    return { data: kbStatsReply(snapshot, q?.top(TOP_QUESTIONS) ?? [], { total: q?.total ?? 0, distinct: q?.distinct ?? 0, since: q?.since ?? snapshot.loadedAt }) };
  }
  return refusal('Unknown /kb subcommand. Use `/kb reload` or `/kb stats`.');
}
