// A small leveled logger on stderr (stdout stays free for CLIs). Secrets are masked on the way out:
// the bot token if it is known, and interaction tokens inside webhook/callback URLs.
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(msg: string, err?: unknown): void;
  info(msg: string, err?: unknown): void;
  warn(msg: string, err?: unknown): void;
  error(msg: string, err?: unknown): void;
}

const secrets = new Set<string>();

/** Registers a value that must never appear in a log line (the bot token). */
export function addSecret(value: string | undefined): void {
  if (!value || value.length < 8) return;
  secrets.add(value);
  // discord.js's debug line censors only the token's last segment; hide the rest of it too.
  const head = value.slice(0, value.lastIndexOf('.'));
  if (head.length >= 8) secrets.add(head);
}

export function redact(text: string): string {
  let out = text.replace(/(\/(?:interactions\/\d+|webhooks\/\d+)\/)[\w.-]{20,}/g, '$1[token]');
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('[redacted]');
  return out;
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const min = LOG_LEVELS.indexOf(level);
  const at = (lvl: LogLevel) => (msg: string, err?: unknown) => {
    if (LOG_LEVELS.indexOf(lvl) < min) return;
    const tail = err === undefined ? '' : `\n${describe(err)}`;
    write(redact(`${new Date().toISOString()} ${lvl.toUpperCase()} ${msg}${tail}`) + '\n');
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = createLogger('silent');
