// `npm start`: the gateway bot. Without configuration it explains what to set and how to try the
// bot offline, and exits 1. With SHARDS=auto|N it runs the bot as one process per shard
// (src/discord/sharding.ts); each shard process is this file again.
import { fileURLToPath } from 'node:url';
import { configOrExit } from './discord/config.ts';
import { createLogger } from './log.ts';
import { protectProcess } from './runtime/protect.ts';

const config = configOrExit('gateway');
const log = createLogger(config.logLevel);
// Imported after the config check so a misconfigured start fails fast, without loading discord.js.
if (config.shards !== undefined && !config.shard) {
  // SHARDS=auto|N: this process becomes the ShardingManager and runs this same file once per shard.
  protectProcess(config, log, 'shard manager');
  const { runShardingManager } = await import('./discord/sharding.ts');
  await runShardingManager(config, log, fileURLToPath(import.meta.url));
} else {
  const { runGateway } = await import('./discord/run-gateway.ts');
  await runGateway(config, log);
  log.info(config.shard ? `Ready: shard ${config.shard.id}/${config.shard.count} answering interactions` : 'Ready: answering interactions');
}
