// Knowledge reloads across replicas on one shared database (PostgreSQL LISTEN/NOTIFY through the
// curator store). A /kb reload or SIGHUP that succeeded here is announced; every other replica reloads
// on the notice, logs its own outcome and answers with a confirmation, which the moderator's reply
// counts. Reloads that came from a notice, or were relayed between HTTP_WORKERS or shards (which have
// their own IPC relay), are not announced again, so nothing echoes.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.ts';
import type { CuratorStore, StoreNotice } from '../store/types.ts';
import { reloadAndLog, type KnowledgeStore, type ReloadResult } from './knowledge-store.ts';

/**
 * How long a moderator's reply waits for the other replicas to confirm. The reply is an edit of a
 * deferral, so it can wait for a reload that takes seconds on each replica (built on a worker thread).
 */
export const CONFIRM_WAIT_MS = 10_000;
const FROM_REPLICA = ', from another replica';

export interface ReplicaConfirmations {
  /** Other replicas that reloaded successfully / failed within the wait. */
  confirmed: number;
  failed: number;
  /** Other replicas listening when the reload was announced, when the database could say. */
  replicas: number | undefined;
}

export interface ReplicaReloads {
  /** For the reply to the reload announced with this origin: waits until all replicas answered, at most CONFIRM_WAIT_MS. */
  confirmations(origin: string): Promise<ReplicaConfirmations | undefined>;
  stop(): void;
}

interface Pending {
  id: string;
  confirmed: number;
  failed: number;
  replicas: Promise<number | undefined>;
  changed: () => void;
}

export function shareReloadsOverStore(
  knowledge: KnowledgeStore,
  store: CuratorStore & { peers?: () => Promise<number | undefined> },
  log: Logger,
): ReplicaReloads | undefined {
  if (!store.shared) return undefined;
  const byOrigin = new Map<string, Pending>();
  const byId = new Map<string, Pending>();

  const offReload = knowledge.onReload((result: ReloadResult, origin: string) => {
    if (!result.ok || origin.includes(FROM_REPLICA) || origin.includes('relayed from')) return;
    const pending: Pending = { id: randomUUID(), confirmed: 0, failed: 0, replicas: store.peers?.() ?? Promise.resolve(undefined), changed: () => undefined };
    byOrigin.set(origin, pending);
    byId.set(pending.id, pending);
    setTimeout(() => {
      byId.delete(pending.id);
      if (byOrigin.get(origin) === pending) byOrigin.delete(origin);
    }, CONFIRM_WAIT_MS * 4).unref();
    store.publish({ kind: 'reload', id: pending.id, from: '', origin });
  });

  const offNotice = store.onNotice((n: StoreNotice) => {
    if (n.kind === 'reload') {
      // Awaited so that a reload that becomes asynchronous (off the main thread) still confirms its outcome.
      void (async () => {
        const result = await reloadAndLog(knowledge, log, `${n.origin ?? 'reload'}${FROM_REPLICA}`);
        store.publish({ kind: 'reloaded', id: n.id, from: '', ok: result.ok, generation: result.snapshot.generation });
      })();
    } else if (n.kind === 'reloaded') {
      const p = byId.get(n.id);
      if (!p) return;
      if (n.ok) p.confirmed++;
      else p.failed++;
      p.changed();
    }
  });

  return {
    async confirmations(origin) {
      const p = byOrigin.get(origin);
      if (!p) return undefined;
      const replicas = await p.replicas;
      const done = () => replicas !== undefined && p.confirmed + p.failed >= replicas;
      if (!done()) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, CONFIRM_WAIT_MS);
          p.changed = () => {
            if (done()) {
              clearTimeout(timer);
              resolve();
            }
          };
        });
      }
      return { confirmed: p.confirmed, failed: p.failed, replicas };
    },
    stop() {
      offReload();
      offNotice();
    },
  };
}

/** One sentence for the moderator's reply. */
export function describeConfirmations(c: ReplicaConfirmations): string {
  const of = c.replicas !== undefined ? ` of ${c.replicas}` : '';
  const failed = c.failed ? `; ${c.failed} failed (see their logs) and keep their knowledge` : '';
  const missing = c.replicas !== undefined && c.confirmed + c.failed < c.replicas ? `; ${c.replicas - c.confirmed - c.failed} did not answer within ${CONFIRM_WAIT_MS / 1000} s` : '';
  return `Other replicas on the shared database: ${c.confirmed}${of} confirmed the reload${failed}${missing}.`;
}
