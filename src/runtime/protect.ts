// Step 1 of every process's start-up (src/runtime/boot.ts), on its own so that a process that only
// supervises (the cluster primary, the ShardingManager) or checks its configuration first loads
// nothing else.
import { addSecret, type Logger } from '../log.ts';
import type { Config } from '../discord/config.ts';
import { installProcessGuards } from '../process-guard.ts';

/**
 * Step 1 of the start-up: for a process that only supervises (the cluster primary, the ShardingManager), or
 * to run it as early as possible. Idempotent, so boot() running it again changes nothing.
 */
export function protectProcess(config: Config, log: Logger, mode: string): void {
  // Neither may reach a log line, whatever an error message happens to contain.
  addSecret(config.token);
  addSecret(config.publicKey);
  // A stray rejection or exception is logged and the process keeps serving (src/process-guard.ts).
  installProcessGuards(log, { mode });
}

