// Structured logs through pino, on stderr (stdout stays free for CLIs and the listen line): one JSON
// object per line, or pino-pretty's readable lines when stderr is a terminal. Secrets never get out:
// pino's redact blanks the fields known to hold them, and every finished line is scrubbed of the bot
// token (also the part discord.js's debug line leaves visible), the public key, and interaction
// tokens inside webhook/callback URLs, whatever field or error message they ended up in.
import { createRequire } from 'node:module';
import type pinoModule from 'pino';

const require = createRequire(import.meta.url);

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The second argument is either an error (logged under `err`, with its stack) or a plain object of
 * fields merged into the line (`log.info('interaction', { interaction: id, ms })`).
 */
export interface Logger {
  debug(msg: string, detail?: unknown): void;
  info(msg: string, detail?: unknown): void;
  warn(msg: string, detail?: unknown): void;
  error(msg: string, detail?: unknown): void;
}

const secrets = new Set<string>();
/** `secrets`, longest first (a secret containing another is replaced whole): sorted once per addSecret, not per line. */
let longestFirst: string[] = [];

/** Registers a value that must never appear in a log line (the bot token, the public key). */
export function addSecret(value: string | undefined): void {
  if (!value || value.length < 8) return;
  secrets.add(value);
  // discord.js's debug line censors only the token's last segment; hide the rest of it too.
  const head = value.slice(0, value.lastIndexOf('.'));
  if (head.length >= 8) secrets.add(head);
  longestFirst = [...secrets].sort((a, b) => b.length - a.length);
}

/** The final scrub every line goes through, whatever shape the secret took on the way. */
export function redact(text: string): string {
  // Every line passes here (one per interaction), so the work is skipped where it cannot match.
  let out = text.includes('/interactions/') || text.includes('/webhooks/') ? text.replace(/(\/(?:interactions\/\d+|webhooks\/\d+)\/)[\w.-]{20,}/g, '$1[token]') : text;
  for (const s of longestFirst) if (out.includes(s)) out = out.split(s).join('[redacted]');
  return out;
}

/** Fields that may hold a secret wherever they appear (discord.js errors carry requests). */
const REDACT_PATHS = [
  'token',
  '*.token',
  'publicKey',
  '*.publicKey',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'err.requestBody.json.token',
];

/** Keys pino writes itself: a field with one of these names is renamed rather than clobber them. */
const RESERVED = new Set(['level', 'time', 'pid', 'hostname', 'msg']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `msg` first, so a line reads "what happened" before the fields and the error that explain it. */
function entry(msg: string, detail: unknown): Record<string, unknown> {
  if (detail === undefined) return { msg };
  if (!isPlainObject(detail)) return { msg, err: detail };
  const out: Record<string, unknown> = { msg };
  for (const [k, v] of Object.entries(detail)) out[RESERVED.has(k) ? `_${k}` : k] = v;
  return out;
}

let prettify: ((line: string) => string) | undefined;
function pretty(): (line: string) => string {
  // Loaded only for a terminal: services write JSON and never pay for it.
  prettify ??= (require('pino-pretty') as typeof import('pino-pretty')).prettyFactory({
    colorize: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
  return prettify;
}

export interface LoggerOptions {
  /** Human-readable lines instead of JSON (default: when stderr is a terminal and no `write` is given). */
  pretty?: boolean;
  /** Fields on every line (e.g. { shard: 0 }). */
  base?: Record<string, unknown>;
}

/**
 * A logger at `level`. Lines go to `write` when given (tests capture them), else to stderr. Each
 * line is one JSON object ending in "\n".
 */
export function createLogger(level: LogLevel = 'info', write?: (line: string) => void, options: LoggerOptions = {}): Logger {
  const prettyLines = options.pretty ?? (!write && process.stderr.isTTY === true);
  const sink = write ?? ((line: string) => void process.stderr.write(line));
  const destination = {
    write(line: string) {
      const clean = redact(line);
      sink(prettyLines ? pretty()(clean) : clean);
    },
  };
  // Required on first use: a process that never logs (ask answering its lines) does not load pino.
  const pino = require('pino') as typeof pinoModule;
  const logger = pino(
    {
      level,
      base: { pid: process.pid, ...options.base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination,
  );
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, detail?: unknown) => {
    if (!logger.isLevelEnabled(lvl)) return;
    logger[lvl](entry(msg, detail));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

const ignore = () => undefined;
export const silentLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
