// Typed interaction payloads, as Discord sends them (and as discord.js 14.28 needs them to be:
// entitlements, authorizing_integration_owners, a channel object). A shape change in
// discord-api-types fails the type check here rather than silently in a test.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  GuildMemberFlags,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIMessageComponentSelectMenuInteraction,
  type APIUser,
  type APIInteractionGuildMember,
} from 'discord-api-types/v10';

export const APP_ID = '1100000000000000001';
export const GUILD_ID = '1100000000000000002';
export const CHANNEL_ID = '1100000000000000003';
export const BOT_USER_ID = APP_ID;

let counter = 0n;
/** Unique snowflake-shaped ids (strictly increasing within a run). */
export function snowflake(): string {
  counter += 1n;
  return String((BigInt(Date.now() - 1420070400000) << 22n) + counter);
}

export function user(id = '1200000000000000001', username = 'reader'): APIUser {
  return { id, username, discriminator: '0', global_name: username, avatar: null };
}

/** What the fake gives a member by default (no Manage Server, no Administrator). */
export const MEMBER_PERMISSIONS = '2248473465835073';

function member(u: APIUser, permissions = MEMBER_PERMISSIONS): APIInteractionGuildMember {
  const m: APIGuildMember & { permissions: string } = {
    user: u,
    roles: [],
    joined_at: '2024-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: GuildMemberFlags.CompletedOnboarding,
    permissions,
  };
  return m as APIInteractionGuildMember;
}

interface Common {
  userId?: string;
  /** The member's permissions in the channel, as a decimal bit set (default MEMBER_PERMISSIONS). */
  permissions?: string;
  guildId?: string;
  channelId?: string;
}

function base(opts: Common) {
  const u = user(opts.userId);
  const channelId = opts.channelId ?? CHANNEL_ID;
  return {
    id: snowflake(),
    application_id: APP_ID,
    token: `tok-${snowflake()}-${'x'.repeat(40)}`,
    version: 1 as const,
    guild_id: opts.guildId ?? GUILD_ID,
    guild: { id: opts.guildId ?? GUILD_ID, locale: Locale.EnglishUS, features: [] },
    channel_id: channelId,
    channel: { id: channelId, type: ChannelType.GuildText as const, name: 'general' },
    member: member(u, opts.permissions),
    app_permissions: '2248473465835073',
    locale: Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: opts.guildId ?? GUILD_ID },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10_485_760,
  };
}

export type OptionValue = string | boolean | number;

function toOptions(options: Record<string, OptionValue>): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(options).map(([name, value]) => {
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    if (typeof value === 'number') return { name, type: ApplicationCommandOptionType.Number, value };
    return { name, type: ApplicationCommandOptionType.String, value };
  });
}

export function chatInput(name: string, options: Record<string, OptionValue> = {}, opts: Common = {}): APIChatInputApplicationCommandInteraction {
  return {
    ...base(opts),
    type: InteractionType.ApplicationCommand,
    data: { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options: toOptions(options) },
  };
}

/** A chat-input command with one subcommand (`/kb reload`). */
export function subcommand(name: string, sub: string, options: Record<string, OptionValue> = {}, opts: Common = {}): APIChatInputApplicationCommandInteraction {
  return {
    ...base(opts),
    type: InteractionType.ApplicationCommand,
    data: {
      id: snowflake(),
      name,
      type: ApplicationCommandType.ChatInput,
      options: [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options: toOptions(options) }],
    },
  };
}

export function autocomplete(name: string, focused: string, value: string, others: Record<string, OptionValue> = {}, opts: Common = {}): APIApplicationCommandAutocompleteInteraction {
  return {
    ...base(opts),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: snowflake(),
      name,
      type: ApplicationCommandType.ChatInput,
      options: [{ name: focused, type: ApplicationCommandOptionType.String, value, focused: true }, ...toOptions(others)],
    },
  };
}

export function botMessage(opts: { content?: string; ephemeral?: boolean; components?: APIMessage['components'] } = {}): APIMessage {
  return {
    id: snowflake(),
    channel_id: CHANNEL_ID,
    author: { ...user(BOT_USER_ID, 'article-bot'), bot: true },
    content: opts.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.ChatInputCommand,
    ...(opts.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    components: opts.components ?? [],
  };
}

export function button(customId: string, message: APIMessage = botMessage(), opts: Common = {}): APIMessageComponentButtonInteraction {
  return {
    ...base(opts),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: customId, component_type: ComponentType.Button },
  };
}

/** A pick from a string select menu (the did-you-mean menu), on the message that carried it. */
export function stringSelect(customId: string, values: string[], message: APIMessage = botMessage(), opts: Common = {}): APIMessageComponentSelectMenuInteraction {
  return {
    ...base(opts),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: customId, component_type: ComponentType.StringSelect, values },
  };
}

export function messageCommand(name: string, target: { content: string; authorId?: string }, opts: Common = {}): APIMessageApplicationCommandInteraction {
  const msg: APIMessage = { ...botMessage({ content: target.content }), author: user(target.authorId ?? '1200000000000000099', 'claimant'), type: MessageType.Default };
  return {
    ...base(opts),
    type: InteractionType.ApplicationCommand,
    data: {
      id: snowflake(),
      name,
      type: ApplicationCommandType.Message,
      target_id: msg.id,
      resolved: { messages: { [msg.id]: msg } },
    },
  };
}
