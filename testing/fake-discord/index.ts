// Entry point for tests: the fake server, typed interaction builders, and record types.
export { FakeDiscord, FAKE_TOKEN, type FakeDiscordOptions, type SentInteraction } from './server.ts';
export type { CallbackRecord, EditRecord, OverrideResponse, RecordedRequest, RouteMatch } from './rest.ts';
export { hold } from './rest.ts';
export { shardFor, type GatewaySession } from './gateway.ts';
export * from './interactions.ts';
export type { ChannelMessageRecord, ChannelPatchRecord, ForumChannel, NewPost } from './forum.ts';
export { guildOn, guildPerShard } from './shards.ts';
