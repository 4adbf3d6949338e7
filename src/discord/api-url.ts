// Discord's REST base, including /api: the default of DISCORD_API_URL, which tests and benches point
// at the fake Discord. Kept in its own module so each user (HTTP follow-ups, the gateway bot, the
// shard count, the forum's channel calls) imports it without importing the others.
export const DEFAULT_API_URL = 'https://discord.com/api';
