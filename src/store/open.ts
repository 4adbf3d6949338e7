// Which curator store a process uses: PostgreSQL when DATABASE_URL is set (state shared by every
// replica on it), else the embedded SQLite file under DATA_DIR (one machine, nothing to install).
import { addSecret } from '../log.ts';
import { openCuratorStore } from './store.ts';
import type { CuratorStore, StoreLog } from './types.ts';

export interface OpenStoreOptions {
  databaseUrl?: string;
  dataDir?: string;
  retentionDays?: number;
  log?: StoreLog;
}

export async function openStore({ databaseUrl, dataDir, retentionDays, log }: OpenStoreOptions): Promise<CuratorStore> {
  if (databaseUrl) {
    // The password must never reach a log line, whatever a driver error quotes.
    try {
      addSecret(decodeURIComponent(new URL(databaseUrl).password));
    } catch {
      // an unparsable URL fails to connect, and says so without it
    }
    // Loaded only when used, so a SQLite-only bot never loads the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres.ts');
    return openPostgresStore({ url: databaseUrl, ...(retentionDays ? { retentionDays } : {}), ...(log ? { log } : {}) });
  }
  return openCuratorStore({ ...(dataDir ? { dataDir } : {}), ...(retentionDays ? { retentionDays } : {}), ...(log ? { log } : {}) });
}
