// Configuration from the environment (and .env through dotenv), validated with zod. Every problem is
// reported at once with how to fix it, and the token's value is never echoed. Each run mode asks
// for what it needs: the gateway bot and the deploy script need the token, the HTTP endpoint the
// public key.
import { existsSync } from 'node:fs';
import dotenv from 'dotenv';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from '../log.ts';
import { DEFAULT_BURST, DEFAULT_REFILL_MS, type CooldownOptions } from './cooldown.ts';
import { DEFAULT_DATA_DIR, DEFAULT_RETENTION_DAYS } from '../store/defaults.ts';
import { DEFAULT_MAX_CONNECTIONS } from './http/limits.ts';

export type Mode = 'gateway' | 'http' | 'deploy';

export interface Config {
  token?: string;
  clientId: string;
  guildId?: string;
  /** REST base including /api; undefined means Discord's. */
  apiUrl?: string;
  publicKey?: string;
  logLevel: LogLevel;
  host: string;
  port: number;
  cooldown: CooldownOptions | false;
  /**
   * SHARDS: run `npm start` as a ShardingManager with this many shard processes ('auto': Discord's
   * recommendation), or one slice of a fixed total (SHARDS=0-7 SHARD_COUNT=16) so several hosts
   * together run every shard.
   */
  shards?: 'auto' | number | ShardSlice;
  /** SHARD_SPAWN_DELAY_MS: pause between starting shard processes (Discord allows one IDENTIFY per 5 s by default). */
  shardSpawnDelayMs: number;
  /** Set in a shard process the ShardingManager started: which shard this process runs, of how many. */
  shard?: { id: number; count: number };
  /** DATABASE_URL: PostgreSQL for the curator state, shared by every replica; absent: SQLite under dataDir. */
  databaseUrl?: string;
  /** DATA_DIR: where the curator database (bot.sqlite) lives. */
  dataDir: string;
  /** RETENTION_DAYS: unanswered questions older than this are purged. */
  retentionDays: number;
  /** HTTP_MAX_CONNECTIONS: open connections the HTTP endpoint holds at most (per process). */
  maxConnections: number;
  /** MESSAGE_CONTENT=true: identify with the privileged Message Content intent, so forum posts are answered from their text too. */
  messageContent: boolean;
}

/** Shards first..last (inclusive) of `count`: this host's part of a bot sharded over several hosts. */
export interface ShardSlice {
  first: number;
  last: number;
  count: number;
}

/** Most shards SHARD_COUNT may name across all hosts. */
export const MAX_SHARD_COUNT = 65_536;

/** Most shard processes SHARDS may ask for on one machine (each is a whole bot process). */
export const MAX_SHARDS = 256;
const SHARDS_MESSAGE = `must be "auto", a whole number from 1 to ${MAX_SHARDS}, or a range of shard ids such as 0-7 (with SHARD_COUNT)`;
/** discord.js's own default pause between shard spawns. */
export const DEFAULT_SHARD_SPAWN_DELAY_MS = 5500;

const PORTAL = 'https://discord.com/developers/applications';

const HINTS: Record<string, string> = {
  DISCORD_TOKEN: `the bot token: ${PORTAL} → your application → Bot → Reset Token`,
  DISCORD_CLIENT_ID: `the Application ID (digits only, e.g. 1123456789012345678): ${PORTAL} → your application → General Information`,
  DISCORD_GUILD_ID: 'a server id (digits only): Discord → Settings → Advanced → Developer Mode, then right-click the server → Copy Server ID; leave it empty to deploy commands globally',
  DISCORD_API_URL: 'the REST base including /api, e.g. https://discord.com/api (leave it empty for Discord itself)',
  DISCORD_PUBLIC_KEY: `the application's public key (64 hex characters): ${PORTAL} → your application → General Information`,
  LOG_LEVEL: `one of ${LOG_LEVELS.join(', ')}`,
  HOST: 'the address the HTTP endpoint listens on, e.g. 0.0.0.0 or 127.0.0.1',
  PORT: 'a TCP port between 0 and 65535',
  COOLDOWN_BURST: 'how many commands a user may send back to back (0 turns the cooldown off)',
  COOLDOWN_REFILL_MS: 'milliseconds until a user may send one more command after the burst',
  SHARDS: `"auto" (the shard count Discord recommends), a number of shard processes from 1 to ${MAX_SHARDS}, or this host's range of shard ids such as 0-7 together with SHARD_COUNT; leave it empty for one process without sharding`,
  SHARD_COUNT: `the total number of shards over all hosts, from 1 to ${MAX_SHARD_COUNT}, with SHARDS set to this host's range (e.g. SHARDS=0-7 SHARD_COUNT=16)`,
  DATABASE_URL: 'a PostgreSQL connection URL such as postgres://bot:secret@db.internal:5432/bot; leave it empty for the embedded SQLite file under DATA_DIR',
  SHARD_SPAWN_DELAY_MS: 'milliseconds between starting two shard processes (default 5500; Discord allows one IDENTIFY per 5 s unless max_concurrency is higher)',
  DATA_DIR: `a directory for the bot's database (default ${DEFAULT_DATA_DIR}; created if missing)`,
  HTTP_MAX_CONNECTIONS: `how many connections one HTTP process holds open at most, a whole number from 1 (default ${DEFAULT_MAX_CONNECTIONS})`,
  RETENTION_DAYS: `how many days unanswered questions are kept, a whole number from 1 (default ${DEFAULT_RETENTION_DAYS})`,
  MESSAGE_CONTENT: 'true or false (default false): true only after turning on Message Content Intent in the developer portal (Bot → Privileged Gateway Intents)',
};

/** A Discord bot token: base64 user id, timestamp and HMAC, in base64url, joined by dots. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const SECRET = new Set(['DISCORD_TOKEN', 'DATABASE_URL']);

/** Empty strings (`DISCORD_GUILD_ID=` in .env) mean "not set". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

// A snowflake is an unsigned 64-bit integer written in decimal.
const snowflake = z.string().regex(/^\d{1,20}$/, 'must be a Discord id (digits only)').refine((s) => !/^\d+$/.test(s) || BigInt(s) < 2n ** 64n, 'is too large for a Discord id');

const EnvSchema = z.object({
  DISCORD_TOKEN: optional(
    z.string()
      .refine((s) => !/^Bot\s/i.test(s), 'must be the token alone, without the "Bot " prefix')
      .refine((s) => !/\s/.test(s), 'must not contain spaces or line breaks')
      // Checked here so a mistyped token is named before anything is sent to the network.
      .refine((s) => /\s/.test(s) || /^Bot\s/i.test(s) || TOKEN_SHAPE.test(s), 'is not shaped like a bot token (three base64url parts separated by dots)'),
  ),
  DISCORD_CLIENT_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(z.string().url('must be a URL').refine((s) => /^https?:\/\//.test(s), 'must start with http:// or https://')),
  DISCORD_PUBLIC_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters')),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })),
  HOST: optional(z.string()),
  PORT: optional(z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).max(65535, 'must be at most 65535')),
  COOLDOWN_BURST: optional(z.coerce.number({ message: 'must be a number' }).int().min(0)),
  COOLDOWN_REFILL_MS: optional(z.coerce.number({ message: 'must be a number' }).int().min(1)),
  SHARDS: optional(
    z.union(
      [
        z.literal('auto'),
        z.string().regex(/^\d+\s*-\s*\d+$/, SHARDS_MESSAGE),
        z.coerce.number().int(SHARDS_MESSAGE).min(1, SHARDS_MESSAGE).max(MAX_SHARDS, SHARDS_MESSAGE),
      ],
      { message: SHARDS_MESSAGE },
    ),
  ),
  SHARD_COUNT: optional(z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).max(MAX_SHARD_COUNT)),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')),
  SHARD_SPAWN_DELAY_MS: optional(z.coerce.number({ message: 'must be a number' }).int().min(0).max(600_000)),
  DATA_DIR: optional(z.string()),
  RETENTION_DAYS: optional(z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1')),
  HTTP_MAX_CONNECTIONS: optional(z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1')),
  MESSAGE_CONTENT: optional(z.enum(['true', 'false'], { message: 'must be true or false' })),
});

const REQUIRED: Record<Mode, Array<keyof z.infer<typeof EnvSchema>>> = {
  gateway: ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'],
  deploy: ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'],
  http: ['DISCORD_PUBLIC_KEY', 'DISCORD_CLIENT_ID'],
};

export class ConfigError extends Error {
  constructor(
    readonly mode: Mode,
    readonly problems: string[],
  ) {
    super(formatProblems(mode, problems));
    this.name = 'ConfigError';
  }
}

function formatProblems(mode: Mode, problems: string[]): string {
  const lines = [`Configuration problem${problems.length === 1 ? '' : 's'} (${problems.length}):`, ...problems.map((p) => `  - ${p}`), ''];
  lines.push('Set these in the environment or in a .env file (copy .env.example to .env and fill it in).');
  if (mode === 'gateway' || mode === 'deploy') {
    lines.push('To try the bot offline, without Discord: npm run ask -- "Who did China\'s foreign minister meet?"');
  }
  return lines.join('\n');
}

/** Validates an environment for a mode; throws ConfigError listing every problem. */
export function parseConfig(mode: Mode, env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  // In a shard process, discord.js's ShardingManager has replaced SHARDS with this shard's id.
  const shard = shardOf(env);
  const parsed = EnvSchema.safeParse(shard ? { ...env, SHARDS: undefined, SHARD_COUNT: undefined } : env);
  const bad = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      if (bad.has(key)) continue;
      bad.add(key);
      const shown = SECRET.has(key) ? '' : ` (got "${String(env[key]).trim().slice(0, 80)}")`;
      problems.push(`${key} ${issue.message}${shown}. Expected ${HINTS[key] ?? 'a valid value'}.`);
    }
  }
  for (const key of REQUIRED[mode]) {
    // Judge presence on the raw value: when another variable is invalid there is no parsed data.
    if (!bad.has(key) && !env[key]?.trim()) {
      const what = mode === 'http' ? 'the HTTP endpoint' : mode === 'deploy' ? 'deploy-commands' : 'the bot';
      problems.push(`${key} is not set (required to run ${what}). Set it to ${HINTS[key]}.`);
    }
  }
  const shards = parsed.success && !bad.has('SHARDS') && !bad.has('SHARD_COUNT') ? shardsOf(parsed.data.SHARDS, parsed.data.SHARD_COUNT, problems) : undefined;
  if (problems.length > 0 || !parsed.success) throw new ConfigError(mode, problems);

  const v = parsed.data;
  const burst = v.COOLDOWN_BURST ?? DEFAULT_BURST;
  return {
    ...(v.DISCORD_TOKEN ? { token: v.DISCORD_TOKEN } : {}),
    clientId: v.DISCORD_CLIENT_ID!,
    ...(v.DISCORD_GUILD_ID ? { guildId: v.DISCORD_GUILD_ID } : {}),
    ...(v.DISCORD_API_URL ? { apiUrl: v.DISCORD_API_URL.replace(/\/+$/, '') } : {}),
    ...(v.DISCORD_PUBLIC_KEY ? { publicKey: v.DISCORD_PUBLIC_KEY.toLowerCase() } : {}),
    logLevel: v.LOG_LEVEL ?? 'info',
    host: v.HOST ?? '0.0.0.0',
    port: v.PORT ?? 3000,
    cooldown: burst === 0 ? false : { burst, refillMs: v.COOLDOWN_REFILL_MS ?? DEFAULT_REFILL_MS },
    ...(shards !== undefined ? { shards } : {}),
    shardSpawnDelayMs: v.SHARD_SPAWN_DELAY_MS ?? DEFAULT_SHARD_SPAWN_DELAY_MS,
    ...(shard ? { shard } : {}),
    ...(v.DATABASE_URL ? { databaseUrl: v.DATABASE_URL } : {}),
    dataDir: v.DATA_DIR ?? DEFAULT_DATA_DIR,
    retentionDays: v.RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS,
    maxConnections: v.HTTP_MAX_CONNECTIONS ?? DEFAULT_MAX_CONNECTIONS,
    messageContent: v.MESSAGE_CONTENT === 'true',
  };
}

/** SHARDS and SHARD_COUNT together: a count, auto, or a slice; problems are appended. */
function shardsOf(shards: string | number | undefined, count: number | undefined, problems: string[]): Config['shards'] {
  if (typeof shards !== 'string' || shards === 'auto') {
    if (count !== undefined) problems.push(`SHARD_COUNT is set but SHARDS is not a range of shard ids. Expected ${HINTS.SHARD_COUNT}.`);
    return shards;
  }
  const [first, last] = shards.split('-').map((n) => Number(n.trim())) as [number, number];
  if (count === undefined) {
    problems.push(`SHARDS is a range (${shards}) but SHARD_COUNT is not set. Expected ${HINTS.SHARD_COUNT}.`);
  } else if (first > last || last >= count) {
    problems.push(`SHARDS ${shards} is not a range of shard ids within SHARD_COUNT ${count} (ids run from 0 to ${count - 1}). Expected ${HINTS.SHARDS}.`);
  } else if (last - first + 1 > MAX_SHARDS) {
    problems.push(`SHARDS ${shards} asks for ${last - first + 1} shard processes on this host; at most ${MAX_SHARDS}. Expected ${HINTS.SHARDS}.`);
  }
  return { first, last, count: count ?? last + 1 };
}

/**
 * The shard this process runs when discord.js's ShardingManager started it (it sets SHARDING_MANAGER,
 * SHARDS = the shard id and SHARD_COUNT in the child's environment); undefined otherwise.
 */
function shardOf(env: NodeJS.ProcessEnv): { id: number; count: number } | undefined {
  if (!env.SHARDING_MANAGER) return undefined;
  const id = Number(env.SHARDS);
  const count = Number(env.SHARD_COUNT);
  if (!Number.isInteger(id) || !Number.isInteger(count) || id < 0 || count < 1 || id >= count) return undefined;
  return { id, count };
}

/** Reads .env into `env` (ENV_FILE overrides the path; variables already set win). */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env): void {
  const path = env.ENV_FILE ?? '.env';
  if (existsSync(path)) dotenv.config({ path, quiet: true, processEnv: env as Record<string, string> });
}

/** Reads .env, then validates for `mode`. */
export function loadConfig(mode: Mode, env: NodeJS.ProcessEnv = process.env): Config {
  loadEnvFile(env);
  return parseConfig(mode, env);
}

/** For entry points: the config, or the list of problems on stderr and exit code 1. */
export function configOrExit(mode: Mode): Config {
  try {
    return loadConfig(mode);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
