// Guilds placed on chosen shards, for the sharding tests: Discord routes a guild to shard
// (guild_id >> 22) % count, so a test picks ids whose shard it knows.
import { shardFor } from './gateway.ts';
import { CHANNEL_ID } from './interactions.ts';

/** The first guild id from `start` upwards that shard `shard` of `count` owns. */
export function guildOn(shard: number, count: number, start = 1100000000000000002n): string {
  for (let id = start; ; id += 1n << 22n) if (shardFor(String(id), count) === shard) return String(id);
}

/** One guild per shard of `count`, in shard order, each with a channel of its own. */
export function guildPerShard(count: number): Array<{ id: string; channelId: string }> {
  return Array.from({ length: count }, (_, k) => ({ id: guildOn(k, count), channelId: String(BigInt(CHANNEL_ID) + BigInt(k)) }));
}
