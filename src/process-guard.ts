// A stray rejection or exception must not take a serving process down, nor go unseen: both are
// logged (with the stack, through the structured logger) and the process keeps serving. Only a truly
// unrecoverable state exits non-zero, for a supervisor (systemd, pm2, the ShardingManager, the
// cluster primary) to restart: uncaught exceptions that keep coming, which means the process is
// failing at its own work rather than meeting one bad input.
import type { Logger } from './log.ts';

export interface GuardOptions {
  /** Which process this is, on every line the guard writes ("gateway", "shard 1", "http", "ask"). */
  mode: string;
  /** This many uncaught exceptions within `windowMs` is unrecoverable (default 5 in 60 s). */
  maxUncaught?: number;
  windowMs?: number;
  /** How the process ends when unrecoverable (default: process.exit). */
  exit?: (code: number) => void;
}

let installed = false;

/** Installs the handlers once per process; later calls are ignored (one place owns them). */
export function installProcessGuards(logger: Logger | (() => Logger), options: GuardOptions): void {
  if (installed) return;
  installed = true;
  // A function is called on the first error only (the ask CLI does not load pino to answer lines).
  let made: Logger | undefined;
  const get = () => (made ??= typeof logger === 'function' ? logger() : logger);
  const log: Logger = { debug: (m, d) => get().debug(m, d), info: (m, d) => get().info(m, d), warn: (m, d) => get().warn(m, d), error: (m, d) => get().error(m, d) };
  const max = options.maxUncaught ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const recent: number[] = [];

  process.on('unhandledRejection', (reason) => {
    log.error('Unhandled rejection (still serving)', { mode: options.mode, err: reason });
  });

  process.on('uncaughtException', (err, origin) => {
    const now = Date.now();
    recent.push(now);
    while (recent.length > 0 && recent[0]! < now - windowMs) recent.shift();
    if (recent.length >= max) {
      log.error(`Unrecoverable: ${recent.length} uncaught exceptions within ${windowMs / 1000} s; exiting 1 for a supervisor to restart`, {
        mode: options.mode,
        origin,
        err,
      });
      exit(1);
      return;
    }
    log.error('Uncaught exception (still serving)', { mode: options.mode, origin, err });
  });
}
