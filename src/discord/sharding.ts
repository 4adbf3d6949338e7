// SHARDS=auto|N: `npm start` becomes a discord.js ShardingManager that runs one bot process per shard
// (each one the same src/main.ts, told its shard by the SHARDS / SHARD_COUNT the manager sets). The
// manager itself loads no knowledge and opens no gateway connection; it only starts, watches and stops
// the shard processes.
//
// discord.js's own "auto" (fetchRecommendedShardCount) always asks https://discord.com/api, so the
// recommended count is fetched here from DISCORD_API_URL instead, and the manager is given a number.
import type { ChildProcess } from 'node:child_process';
import type { Shard, ShardingManager } from 'discord.js';
import type { RESTGetAPIGatewayBotResult } from 'discord-api-types/v10';
import { addSecret, type Logger } from '../log.ts';
// Type only: the manager loads no knowledge, so it must not pull in the reload code's imports.
import type { ReloadMessage } from '../runtime/process-reloads.ts';
import { DEFAULT_API_URL } from './api-url.ts';
import type { Config } from './config.ts';

/** How long a shard process may take from fork to READY (knowledge load, warm-up, IDENTIFY). */
const READY_TIMEOUT_MS = 60_000;
/**
 * A shard gets this long to finish its answers and exit after SIGTERM before it is killed: its own
 * bound (10 s for answers in flight, then the disconnect; run-gateway.ts) plus a margin.
 */
const STOP_GRACE_MS = 13_000;

const isReloadOthers = (m: unknown): m is ReloadMessage => typeof m === 'object' && m !== null && (m as ReloadMessage).kb === 'reload-others';

export class ShardCountError extends Error {
  constructor(
    message: string,
    readonly code: 'TokenInvalid' | 'Unreachable' | 'BadResponse',
  ) {
    super(message);
    this.name = 'ShardCountError';
  }
}

export interface GatewayRecommendation {
  shards: number;
  /** IDENTIFYs allowed per 5 s (session_start_limit.max_concurrency). */
  maxConcurrency: number;
  /** Session starts left today (session_start_limit.remaining). */
  remaining: number;
}

/** GET {api}/v10/gateway/bot: Discord's recommended shard count for this bot. */
export async function fetchRecommendedShards(apiUrl: string, token: string): Promise<GatewayRecommendation> {
  const url = `${apiUrl.replace(/\/+$/, '')}/v10/gateway/bot`;
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: `Bot ${token}`, 'user-agent': 'DiscordBot (https://github.com/article-qa-bot, 0.1.0)' },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new ShardCountError(`Could not reach ${url} for the recommended shard count: ${err instanceof Error ? err.message : String(err)}`, 'Unreachable');
  }
  if (res.status === 401) throw new ShardCountError('Discord rejected DISCORD_TOKEN. Reset it in the developer portal (Bot → Reset Token) and update .env.', 'TokenInvalid');
  if (!res.ok) throw new ShardCountError(`GET ${url} answered ${res.status}; cannot pick a shard count (set SHARDS to a number instead of auto)`, 'BadResponse');
  const body = (await res.json().catch(() => undefined)) as Partial<RESTGetAPIGatewayBotResult> | undefined;
  const shards = body?.shards;
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1) {
    throw new ShardCountError(`GET ${url} gave no usable shard count (got ${JSON.stringify(shards)}); set SHARDS to a number instead of auto`, 'BadResponse');
  }
  return {
    shards,
    maxConcurrency: body?.session_start_limit?.max_concurrency ?? 1,
    remaining: body?.session_start_limit?.remaining ?? Infinity,
  };
}

export interface ShardManagerHandle {
  readonly manager: ShardingManager;
  readonly totalShards: number;
}

/**
 * Runs the ShardingManager for `config.shards` over `entry` (src/main.ts) and returns once every shard
 * is READY. SIGTERM/SIGINT stop every shard (each finishes its answers) and exit 0; a shard that
 * cannot start stops them all and exits 1. Once all are up, a shard that dies is restarted.
 */
export async function runShardingManager(config: Config, log: Logger, entry: string): Promise<ShardManagerHandle> {
  const token = config.token!;
  addSecret(token);
  const api = config.apiUrl ?? DEFAULT_API_URL;

  let total: number;
  if (config.shards === 'auto') {
    try {
      const rec = await fetchRecommendedShards(api, token);
      total = rec.shards;
      log.info(`Discord recommends ${total} shard(s) (max_concurrency ${rec.maxConcurrency}, ${rec.remaining} session starts left)`);
      if (rec.remaining < total) log.warn(`Only ${rec.remaining} session starts are left today for ${total} shard(s); some shards may not connect until the limit resets`);
    } catch (err) {
      log.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    }
  } else if (typeof config.shards === 'object') {
    total = config.shards.count;
  } else {
    total = config.shards ?? 1;
  }
  // A slice (SHARDS=0-7 SHARD_COUNT=16) runs only its own ids; the other hosts run the rest.
  const slice = typeof config.shards === 'object' ? config.shards : undefined;
  const shardList = slice ? Array.from({ length: slice.last - slice.first + 1 }, (_, k) => slice.first + k) : [...Array(total).keys()];
  const here = shardList.length;

  // Each shard process starts with a copy of this environment: make sure the REST base it must use
  // is in it, whether it came from the environment or from .env.
  if (config.apiUrl) process.env.DISCORD_API_URL = config.apiUrl;
  else delete process.env.DISCORD_API_URL;

  // Loaded only now, so a bad token or an unreachable API fails before paying for discord.js.
  const { ShardingManager } = await import('discord.js');
  const manager = new ShardingManager(entry, {
    totalShards: total,
    shardList,
    token,
    mode: 'process',
    // The same loader flags (`--import tsx`) as this process, so the shard can run src/main.ts.
    execArgv: process.execArgv,
    // Off while starting: a shard that cannot start (bad token, broken knowledge) must stop the
    // start, not be restarted forever. Turned on once every shard is ready.
    respawn: false,
  });

  const live = new Map<number, ChildProcess>();
  let stopping = false;
  let exitCode = 0;
  let killTimer: NodeJS.Timeout | undefined;

  const finishIfDone = () => {
    if (stopping && live.size === 0) {
      clearTimeout(killTimer);
      log.info(`All shards stopped; exiting ${exitCode}`);
      process.exit(exitCode);
    }
  };

  const stopAll = (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    manager.respawn = false;
    log.info(`${why}: stopping ${live.size} shard process(es)`);
    for (const child of live.values()) child.kill('SIGTERM');
    killTimer = setTimeout(() => {
      log.warn(`${live.size} shard process(es) did not exit within ${STOP_GRACE_MS} ms; killing them`);
      for (const child of live.values()) child.kill('SIGKILL');
      setTimeout(() => process.exit(exitCode), 500).unref();
    }, STOP_GRACE_MS);
    killTimer.unref();
    finishIfDone();
  };

  manager.on('shardCreate', (shard: Shard) => {
    const name = `Shard ${shard.id}/${total}`;
    // mode 'process': the spawn and death events carry the ChildProcess.
    shard.on('spawn', (p) => {
      const child = p as ChildProcess;
      // A shard started while we were stopping (between two spawns) is stopped at once.
      if (stopping) {
        child.kill('SIGTERM');
      }
      live.set(shard.id, child);
      log.info(`${name}: process ${child.pid} starting`);
    });
    shard.on('ready', () => log.info(`${name}: ready`));
    shard.on('disconnect', () => stopping || log.warn(`${name}: gateway disconnected`));
    shard.on('reconnecting', () => stopping || log.info(`${name}: reconnecting`));
    shard.on('death', (p) => {
      const child = p as ChildProcess;
      if (live.get(shard.id) === child) live.delete(shard.id);
      if (stopping) {
        if (child.exitCode !== 0 && child.exitCode !== null) log.warn(`${name}: exited with code ${child.exitCode}`);
        finishIfDone();
        return;
      }
      log.warn(`${name}: process ${child.pid} exited (${child.signalCode ?? `code ${child.exitCode}`})${manager.respawn ? '; restarting it' : ''}`);
    });
    shard.on('error', (err: Error) => log.error(`${name}: ${err.message}`));
    // A /kb reload reaches one shard (the one that owns the moderator's server): pass it to the others.
    shard.on('message', (m: unknown) => {
      if (isReloadOthers(m)) reloadShards(`${m.origin}, relayed from shard ${shard.id}`, shard.id);
    });
  });

  /** Asks every shard process (but `except`) to reload its knowledge; each logs the outcome. */
  const reloadShards = (origin: string, except?: number) => {
    for (const shard of manager.shards.values()) {
      if (shard.id === except || !shard.process?.connected) continue;
      shard.send({ kb: 'reload', origin } satisfies ReloadMessage).catch((err: unknown) => log.warn(`Shard ${shard.id}: could not pass on the reload (${String(err)})`));
    }
  };
  // SIGHUP (systemctl reload) on the manager reloads every shard; the manager holds no knowledge.
  // Without this handler SIGHUP would end the manager, and with it every shard.
  process.on('SIGHUP', () => {
    log.info(`SIGHUP: asking ${manager.shards.size} shard process(es) to reload the knowledge`);
    reloadShards('SIGHUP');
  });

  process.once('SIGTERM', () => stopAll('SIGTERM', 0));
  process.once('SIGINT', () => stopAll('SIGINT', 0));

  log.info(`Starting ${slice ? `shards ${slice.first}-${slice.last} of ${total}: ` : ''}${here} shard process(es), ${config.shardSpawnDelayMs} ms apart`);
  try {
    await manager.spawn({ amount: total, delay: config.shardSpawnDelayMs, timeout: READY_TIMEOUT_MS });
  } catch (err) {
    if (!stopping) {
      log.error(`A shard could not start (${err instanceof Error ? err.message : String(err)}); stopping the others`);
      stopAll('Start-up failed', 1);
    }
    // Wait for the exit that stopAll arranges.
    await new Promise(() => undefined);
  }
  if (!stopping) {
    manager.respawn = true;
    log.info(`Ready: ${here} shard process(es)${slice ? ` (shards ${slice.first}-${slice.last} of ${total})` : ''} answering interactions`);
  }
  return { manager, totalShards: total };
}
