// Runs the gateway bot for a validated config: knowledge → engine → handler → discord.js client,
// with a clean shutdown on SIGTERM/SIGINT. Kept apart from main.ts so a shard process can reuse it.
import { boot, onStopSignals } from '../runtime/boot.ts';
import type { Logger } from '../log.ts';
import type { Config } from './config.ts';
import { DEFAULT_API_URL } from './api-url.ts';
import { STOP_GRACE_MS, createGatewayBot, type GatewayBot } from './gateway.ts';
import { Routes } from 'discord-api-types/v10';
import type { ChannelApi } from './forum/channel-api.ts';
import { watchForumPosts } from './forum/watch.ts';

/** Longest a shutdown may take before we exit anyway: the 10 s for in-flight answers, then the disconnect. */
const SHUTDOWN_MS = STOP_GRACE_MS + 2000;

export async function runGateway(config: Config, log: Logger): Promise<GatewayBot> {
  let bot: GatewayBot | undefined;
  // Forum posts' channel calls go through the bot's REST client, which exists once the bot does.
  const discord: ChannelApi = {
    getChannel: (id) => bot!.client.rest.get(Routes.channel(id)),
    editChannel: (id, body) => bot!.client.rest.patch(Routes.channel(id), { body }),
  };
  // Under the ShardingManager a reload must reach every shard process: the manager relays SIGHUP and
  // this shard's /kb reload, over the same IPC messages as HTTP_WORKERS use (src/discord/sharding.ts).
  const mode = config.shard ? `shard ${config.shard.id}` : 'gateway';
  const { handle, contextFor, cooldowns } = await boot(config, log, { mode, discord, ipcReloads: Boolean(config.shard && process.send) });
  // Shards are always given explicitly: discord.js otherwise reads SHARDS from the environment itself,
  // where it is ours (auto|N, or empty from .env.example, which JSON.parse rejects).
  const clientOptions = config.shard ? { shards: [config.shard.id], shardCount: config.shard.count } : { shards: [0], shardCount: 1 };
  bot = createGatewayBot({ token: config.token!, ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}), handle, log, clientOptions, messageContent: config.messageContent });
  // Commands and forum posts share the question counts, the cooldown and the REST client.
  const forum = watchForumPosts(bot.client, { contextFor, cooldowns, messageContent: config.messageContent, log });
  const running = bot;

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing in-flight answers and disconnecting`);
    setTimeout(() => process.exit(0), SHUTDOWN_MS).unref();
    // Forum answers in flight get the same grace as interactions, then the client disconnects.
    const forumDone = Promise.race([Promise.allSettled([...forum.pending]), new Promise((r) => setTimeout(r, STOP_GRACE_MS).unref())]);
    forumDone.then(() => running.stop()).then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('Error while disconnecting', err);
        process.exit(0);
      },
    );
  };
  onStopSignals(shutdown);
  // A shard process whose ShardingManager is gone (killed without stopping us) must not linger.
  if (config.shard && process.connected) process.once('disconnect', () => shutdown('ShardingManager gone'));

  try {
    await running.start();
  } catch (err) {
    const code = (err as { code?: string }).code;
    const network = networkFailure(err);
    if (code === 'TokenInvalid') log.error('Discord rejected DISCORD_TOKEN. Reset it in the developer portal (Bot → Reset Token) and update .env.');
    // Unreachable is the operator's to fix, not a bug: one line with the hint, no stack.
    else if (network) log.error(`Could not reach Discord at ${config.apiUrl ?? DEFAULT_API_URL} (${network}). Check the network connection, and DISCORD_API_URL if it is set.`);
    else log.error('Could not connect to Discord', err);
    await running.stop(0).catch(() => undefined);
    process.exit(1);
  }
  return running;
}

/** Socket and DNS failures (on the error or its cause, as undici nests them). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

/** "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9" when `err` is a network failure, else undefined. */
function networkFailure(err: unknown): string | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return e.message.includes(code) ? e.message : `${code}: ${e.message}`;
  }
  return undefined;
}
