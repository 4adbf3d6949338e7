// The one start-up of every serving process: the gateway bot, each shard process, the HTTP endpoint
// and each of its cluster workers. They differ only in the transport they then start; everything
// before it happens here, in this order:
//   1. secrets registered and the process guards installed, before anything can log or throw;
//   2. the knowledge loaded (no pack loads: the loader's message and exit 1, never serve on nothing);
//   3. the curator store opened (SQLite, or PostgreSQL with DATABASE_URL) and reloads shared over it;
//   4. the handler built, then warmed up through a cooldown-free copy that records nothing;
//   5. SIGHUP reloads, passed on over IPC when a parent (cluster primary, ShardingManager) relays them.
// Stopping is the transport's, through onStopSignals.
export { protectProcess } from './protect.ts';
import { join } from 'node:path';
import { KnowledgeError } from '../knowledge/loader.ts';
import type { Logger } from '../log.ts';
import { protectProcess } from './protect.ts';
import { openStore } from '../store/open.ts';
import type { CuratorStore } from '../store/store.ts';
import type { Config } from '../discord/config.ts';
import type { HandleInteraction } from '../discord/interaction-result.ts';
import type { ChannelApi } from '../discord/forum/channel-api.ts';
import { createContextFactory, createInteractionHandler } from '../discord/handler.ts';
import { createGuildCooldowns, type GuildCooldowns } from '../discord/cooldown.ts';
import { createQuestionStats, type QuestionStats } from '../discord/question-stats.ts';
import { warmUp } from '../discord/warm-up.ts';
import { shareReloads } from './process-reloads.ts';
import { CACHE_FOLDER } from './passage-cache.ts';
import { createKnowledgeStore, fixedKnowledge, logSkipped, reloadOnSignal, loadedLibrary, type KnowledgeStore } from './knowledge-store.ts';
import { shareReloadsOverStore, type ReplicaReloads } from './replica-reloads.ts';

export interface BootOptions {
  /** Which process this is, on the guards' lines ("gateway", "shard 1", "http", "http worker 2"). */
  mode: string;
  /** Channel calls with the bot token (the forum's Solved tag), when this transport has them. */
  discord?: ChannelApi;
  /** True under a parent that relays reloads over IPC (cluster worker, shard process). */
  ipcReloads: boolean;
}

export interface Booted {
  knowledge: KnowledgeStore;
  curator: CuratorStore;
  replicas?: ReplicaReloads;
  /** Shared by commands and forum posts: the question counts and the per-user cooldown. */
  questions: QuestionStats;
  cooldowns: GuildCooldowns;
  handle: HandleInteraction;
  /** What a forum post's answer sees, as a command does. */
  contextFor: ReturnType<typeof createContextFactory>;
}

export async function boot(config: Config, log: Logger, options: BootOptions): Promise<Booted> {
  protectProcess(config, log, options.mode);
  let knowledge: KnowledgeStore;
  try {
    knowledge = createKnowledgeStore({ cacheDir: join(config.dataDir, CACHE_FOLDER), log });
  } catch (err) {
    process.stderr.write(`${err instanceof KnowledgeError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  logSkipped(log, knowledge.current());
  // A corrupt, locked or unreachable database is one warning and the bot answers on.
  const curator = await openStore({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir, retentionDays: config.retentionDays, log });
  // With DATABASE_URL, a reload here reaches every replica on the database, and theirs reach this one.
  const replicas = shareReloadsOverStore(knowledge, curator, log);
  const questions = createQuestionStats();
  const cooldowns = createGuildCooldowns(config.cooldown);
  const deps = { knowledge, log, questions, curator, ...(options.discord ? { discord: options.discord } : {}), ...(replicas ? { replicas } : {}) };
  const handle = createInteractionHandler({ ...deps, cooldown: config.cooldown, cooldowns });
  // The packs the index cache lacked are built on a worker (the other core) while this warms up and then
  // serves: each joins the library once written, and until then the library leaves it out (a
  // library-wide question is answered over the others and says how many are still loading; naming one
  // gets "still loading"), since asking a pending pack would build it on this thread, past Discord's 3 s.
  // Never an unhandled rejection: a pack the build could not make stays "still loading", and the warning says why.
  knowledge.settled().catch((err: unknown) => log.warn(`Knowledge: the background build of the packs the index cache lacked failed (${err instanceof Error ? err.message : String(err)})`));
  // Pay for lazy tables and JIT before going online, not inside a user's 3 s window. A separate
  // cooldown-free handler, so the synthetic questions count neither against a user nor in /kb stats.
  // Over the packs already loaded: the others load when a question first needs them (issue 14).
  await warmUp(createInteractionHandler({ knowledge: fixedKnowledge(loadedLibrary(knowledge.current().library)), cooldown: false }));
  // SIGHUP (kill -HUP, systemctl reload) validates and swaps in the knowledge files, as /kb reload does.
  reloadOnSignal(knowledge, log);
  if (options.ipcReloads) shareReloads(knowledge, log);
  return { knowledge, curator, ...(replicas ? { replicas } : {}), questions, cooldowns, handle, contextFor: createContextFactory(deps) };
}

/** SIGTERM and SIGINT each stop the process once, through the transport's own drain. */
export function onStopSignals(stop: (signal: string) => void): void {
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
