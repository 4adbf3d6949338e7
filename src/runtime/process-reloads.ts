// Knowledge reloads across the processes of one machine: HTTP_WORKERS (node:cluster workers) and
// gateway shard processes (SHARDS, src/discord/sharding.ts). Each process holds its own
// KnowledgeStore, so a reload must reach all of them: SIGHUP to the primary (or the shard manager) is
// passed to every process, and a /kb reload that one of them served (Discord picks the worker or
// shard, not the moderator) is passed to the others. The messages are the same over both IPCs.
import cluster from 'node:cluster';
import type { KnowledgeStore } from './knowledge-store.ts';
import { reloadAndLog } from './knowledge-store.ts';
import type { Logger } from '../log.ts';

/** What a primary and its worker or shard processes send each other. */
export interface ReloadMessage {
  kb: 'reload' | 'reload-others';
  origin: string;
}

const RELAYED = ', relayed from'; // the primary's (worker N) and the shard manager's (shard N) relays

const isReloadMessage = (m: unknown): m is ReloadMessage =>
  typeof m === 'object' && m !== null && ((m as ReloadMessage).kb === 'reload' || (m as ReloadMessage).kb === 'reload-others');

/** In the primary: SIGHUP reloads every worker; a worker's /kb reload reloads the others. */
export function relayReloads(log: Logger): void {
  const send = (origin: string, except?: number) => {
    for (const w of Object.values(cluster.workers ?? {})) {
      if (w && w.id !== except && w.isConnected()) w.send({ kb: 'reload', origin } satisfies ReloadMessage);
    }
  };
  process.on('SIGHUP', () => {
    log.info(`SIGHUP: asking ${Object.keys(cluster.workers ?? {}).length} worker(s) to reload the knowledge`);
    send('SIGHUP');
  });
  cluster.on('message', (worker, m: unknown) => {
    if (isReloadMessage(m) && m.kb === 'reload-others') send(`${m.origin}${RELAYED} worker ${worker.process.pid}`, worker.id);
  });
}

/** In a worker: reload when the primary says so, and tell it when a moderator reloaded here. */
export function shareReloads(knowledge: KnowledgeStore, log: Logger): void {
  process.on('message', (m: unknown) => {
    if (isReloadMessage(m) && m.kb === 'reload') void reloadAndLog(knowledge, log, m.origin);
  });
  knowledge.onReload((result, origin) => {
    // Only a moderator's reload that happened here; passing on a relayed one ("…, relayed from
    // worker N" or "shard N") would echo forever.
    if (result.ok && origin.startsWith('/kb') && !origin.includes(RELAYED) && process.send) process.send({ kb: 'reload-others', origin } satisfies ReloadMessage);
  });
}
