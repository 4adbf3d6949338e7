// Gateway payloads the fake sends, typed with discord-api-types so that a shape change in the API
// types fails the type check instead of confusing discord.js at runtime.
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  type APIUser,
  type ApplicationFlags,
  type RoleFlags,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';

export function guildCreate(guildId: string, channelId: string, ownerId: string): GatewayGuildCreateDispatchData {
  return {
    id: guildId,
    name: `Fake guild ${guildId}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [
      {
        id: guildId, // the @everyone role shares the guild's id
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        position: 0,
        permissions: '2248473465835073',
        managed: false,
        mentionable: false,
        flags: 0 as RoleFlags, // no flags set
      },
    ],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: [
      { id: channelId, type: ChannelType.GuildText, name: 'general', guild_id: guildId, position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function ready(opts: {
  user: APIUser;
  applicationId: string;
  guildIds: string[];
  sessionId: string;
  resumeUrl: string;
  shard: [number, number];
}): GatewayReadyDispatchData {
  return {
    v: 10,
    user: opts.user,
    guilds: opts.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: opts.sessionId,
    resume_gateway_url: opts.resumeUrl,
    shard: opts.shard,
    application: { id: opts.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}
