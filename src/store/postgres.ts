// The curator store in PostgreSQL (DATABASE_URL), shared by every replica on the same database:
// the unanswered log, guild settings, the replay check and notices between replicas (LISTEN/NOTIFY).
//
// No interaction waits for the database. Guild settings are served from a cache loaded at start and
// kept current by a notice on every change (and a full read now and then, in case one was missed);
// unanswered questions are written in the background; the replay check waits at most
// PG_CLAIM_TIMEOUT_MS. Connections and statements time out within about a second. When the database
// is unreachable that is logged once, settings stay as last read, unanswered questions wait in memory,
// and the store tries again every PG_RETRY_MS; once it answers that is logged once and the queue is
// written. Like the SQLite store it never throws.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  DAY_MS,
  DEFAULT_RETENTION_DAYS,
  OUTAGE_QUEUE_LIMIT,
  PG_CLAIM_TIMEOUT_MS,
  PG_CONNECT_TIMEOUT_MS,
  PG_POOL_SIZE,
  PG_QUERY_TIMEOUT_MS,
  PG_RETRY_MS,
  REPLAY_WINDOW_MS,
  REPORT_SCAN_LIMIT,
  SETTINGS_REFRESH_MS,
} from './defaults.ts';
import { migratePostgres } from './postgres-migrate.ts';
import { createReplayMemory } from './replays.ts';
import {
  GuildSettingsPatchSchema,
  mergeSettings,
  reportFromRows,
  storedEntry,
  type CuratorStore,
  type GuildSettings,
  type ReportGroup,
  type StoreLog,
  type StoreNotice,
  type TallyRow,
} from './types.ts';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  retentionDays?: number;
  purgeIntervalMs?: number;
  now?: () => number;
  log?: StoreLog;
  /** This process's name in notices between replicas (default: a random id). */
  processId?: string;
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
  retryMs?: number;
  settingsRefreshMs?: number;
}

export interface PostgresCuratorStore extends CuratorStore {
  readonly processId: string;
  /** How many other processes listen for notices on this database now (undefined when unreachable). */
  peers(): Promise<number | undefined>;
}

const SETTINGS_CHANNEL = 'bot_settings';
const NOTICE_CHANNEL = 'bot_notices';
/** application_name of the listening connection: counting them counts the replicas. */
const LISTENER_NAME = 'article-qa-bot:listen';

interface GuildRow {
  guild_id: string;
  default_article: string | null;
  cooldown_burst: number | null;
  cooldown_refill_ms: number | null;
  private_by_default: boolean;
  forum_channel: string | null;
  updated_at: string | number;
}

function toSettings(row: GuildRow): GuildSettings {
  return {
    guildId: row.guild_id,
    defaultArticle: row.default_article,
    cooldown: row.cooldown_burst === null || row.cooldown_refill_ms === null ? null : { burst: row.cooldown_burst, refillMs: row.cooldown_refill_ms },
    privateByDefault: row.private_by_default === true,
    forumChannelId: row.forum_channel ?? null,
    updatedAt: Number(row.updated_at),
  };
}

/** The URL without its password, for log lines and /kb stats. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'postgres://(unparsable DATABASE_URL)';
  }
}

/**
 * An error the server sent about the statement (a constraint, a syntax error) leaves the database
 * usable; anything else (refused, reset, timed out, the server shutting down) is an outage.
 */
function isOutage(err: unknown): boolean {
  const e = err as { code?: unknown; severity?: unknown };
  if (typeof e?.severity !== 'string' || typeof e.code !== 'string') return true;
  return e.code.startsWith('08') || e.code.startsWith('57P') || e.code === '53300';
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)) || String((err as { code?: unknown })?.code ?? 'error');

/** Connects, migrates and loads; never throws. While unreachable the store is a patient no-op. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresCuratorStore> {
  const log = options.log ?? { warn: (m: string) => void process.stderr.write(`${new Date().toISOString()} WARN ${m}\n`) };
  const info = (m: string) => (log.info ? log.info(m) : log.warn(m));
  const now = options.now ?? Date.now;
  const where = describeUrl(options.url);
  const processId = options.processId ?? randomUUID();
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const connectTimeoutMs = options.connectTimeoutMs ?? PG_CONNECT_TIMEOUT_MS;
  const queryTimeoutMs = options.queryTimeoutMs ?? PG_QUERY_TIMEOUT_MS;
  const retryMs = options.retryMs ?? PG_RETRY_MS;
  const clientConfig = {
    connectionString: options.url,
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: queryTimeoutMs,
    statement_timeout: queryTimeoutMs,
    keepAlive: true,
  };
  const pool = new pg.Pool({ ...clientConfig, max: PG_POOL_SIZE, application_name: 'article-qa-bot', idleTimeoutMillis: 30_000 });
  // An idle pooled connection that dies (the server restarts) emits here; the next query notices.
  pool.on('error', (err) => markDown(err));

  const settings = new Map<string, GuildSettings>();
  const listeners = new Set<(n: StoreNotice) => void>();
  const replays = createReplayMemory(now);
  const queue: NonNullable<ReturnType<typeof storedEntry>>[] = [];
  let lost = 0;
  let up = false;
  let downSince: number | undefined;
  let problem: string | undefined = 'is not connected yet';
  let listener: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let closed = false;
  let connecting: Promise<boolean> | undefined;

  function markDown(err: unknown): void {
    if (closed || !up) return;
    up = false;
    downSince = now();
    problem = `is unreachable (${message(err)})`;
    log.warn(
      `Curator database ${where} ${problem}; the bot keeps answering: settings stay as last read, unanswered questions wait in memory (up to ${OUTAGE_QUEUE_LIMIT}), trying again every ${Math.round(retryMs / 1000) || 1} s.`,
    );
    dropListener();
    scheduleRetry();
  }

  function dropListener(): void {
    const l = listener;
    listener = undefined;
    l?.removeAllListeners('end');
    l?.end().catch(() => undefined);
  }

  function scheduleRetry(): void {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect().then((ok) => {
        if (!ok) scheduleRetry();
      });
    }, retryMs);
    retryTimer.unref();
  }

  /** Runs a query; an outage marks the store down and rethrows. */
  async function query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      return await pool.query<R>(text, values);
    } catch (err) {
      if (isOutage(err)) markDown(err);
      throw err;
    }
  }

  async function loadSettings(): Promise<void> {
    const { rows } = await query<GuildRow>('SELECT * FROM guild_settings');
    settings.clear();
    for (const r of rows) settings.set(r.guild_id, toSettings(r));
  }

  function onNotification(n: pg.Notification): void {
    if (!n.payload) return;
    try {
      const body = JSON.parse(n.payload) as unknown;
      if (n.channel === SETTINGS_CHANNEL) {
        const s = body as { guildId: string; deleted?: boolean } & GuildSettings;
        if (s.deleted) settings.delete(s.guildId);
        else settings.set(s.guildId, s);
      } else if (n.channel === NOTICE_CHANNEL) {
        const notice = body as StoreNotice;
        if (notice.from === processId) return;
        for (const l of listeners) {
          try {
            l(notice);
          } catch {
            // a listener's failure is its own
          }
        }
      }
    } catch {
      // not ours
    }
  }

  async function openListener(): Promise<void> {
    const client = new pg.Client({ ...clientConfig, application_name: LISTENER_NAME });
    client.on('error', (err) => markDown(err));
    await client.connect();
    client.on('notification', onNotification);
    client.on('end', () => markDown(new Error('the listening connection closed')));
    await client.query(`LISTEN ${SETTINGS_CHANNEL}`);
    await client.query(`LISTEN ${NOTICE_CHANNEL}`);
    listener = client;
  }

  async function flushQueue(): Promise<number> {
    let written = 0;
    while (queue.length && up) {
      const row = queue[0]!;
      await insert(row);
      queue.shift();
      written++;
    }
    return written;
  }

  const insert = (r: NonNullable<ReturnType<typeof storedEntry>>) =>
    query('INSERT INTO unanswered (at, kind, question, article, guild_id, candidate, score) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      r.at,
      r.kind,
      r.question,
      r.article,
      r.guildId,
      r.candidate,
      r.score,
    ]);

  /** One attempt at a working store: migrate, listen (first, so no change is missed), load settings. */
  function connect(): Promise<boolean> {
    connecting ??= (async () => {
      try {
        const client = await pool.connect();
        try {
          await migratePostgres(client);
        } finally {
          client.release();
        }
        await openListener();
        const wasDown = downSince;
        up = true;
        await loadSettings();
        problem = undefined;
        const written = await flushQueue();
        if (wasDown !== undefined) {
          const lostNote = lost ? `; ${lost} could not be kept (the queue was full)` : '';
          info(`Curator database ${where} is reachable again after ${((now() - wasDown) / 1000).toFixed(1)} s; recording again (${written} queued unanswered question${written === 1 ? '' : 's'} written${lostNote}).`);
          lost = 0;
        }
        downSince = undefined;
        return true;
      } catch (err) {
        dropListener();
        if (downSince === undefined) {
          // The start of an outage (or a database that was never reachable): one line.
          up = true;
          markDown(err);
        }
        up = false;
        return false;
      } finally {
        connecting = undefined;
      }
    })();
    return connecting;
  }

  const purgeExpired = async (): Promise<number> => {
    if (!up) return 0;
    try {
      await query('DELETE FROM seen_interactions WHERE at < $1', [now() - REPLAY_WINDOW_MS - 60_000]);
      const { rowCount } = await query('DELETE FROM unanswered WHERE at < $1', [now() - retentionDays * DAY_MS]);
      const n = rowCount ?? 0;
      if (n > 0) info(`Curator database: purged ${n} unanswered question${n === 1 ? '' : 's'} older than ${retentionDays} days.`);
      return n;
    } catch {
      return 0;
    }
  };

  await connect();
  if (!up) scheduleRetry();
  void purgeExpired();
  const purgeTimer = setInterval(() => void purgeExpired(), Math.min(options.purgeIntervalMs ?? DAY_MS, REPLAY_WINDOW_MS));
  purgeTimer.unref();
  const refreshTimer = setInterval(() => {
    if (up) loadSettings().catch(() => undefined);
  }, options.settingsRefreshMs ?? SETTINGS_REFRESH_MS);
  refreshTimer.unref();

  /** Runs fn in one transaction on a pooled client; undefined when the database does not answer. */
  async function transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T | undefined> {
    if (!up) return undefined;
    let client: pg.PoolClient | undefined;
    try {
      client = await pool.connect();
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client?.query('ROLLBACK').catch(() => undefined);
      if (isOutage(err)) markDown(err);
      else log.warn(`Curator database ${where}: ${message(err)}; the bot carries on.`);
      return undefined;
    } finally {
      client?.release();
    }
  }

  const store: PostgresCuratorStore = {
    get healthy() {
      return up;
    },
    get problem() {
      return problem;
    },
    path: where,
    shared: true,
    processId,

    recordUnanswered(entry) {
      const row = storedEntry(entry, now());
      if (!row || closed) return;
      const keep = () => {
        if (queue.length >= OUTAGE_QUEUE_LIMIT) {
          queue.shift();
          lost++;
        }
        queue.push(row);
      };
      if (!up) return keep();
      insert(row).catch((err: unknown) => {
        if (isOutage(err)) keep();
        else log.warn(`Curator database ${where}: could not record an unanswered question: ${message(err)}`);
      });
    },

    async unansweredReport({ article, limit = 20 } = {}) {
      if (!up) return [] as ReportGroup[];
      try {
        const { rows } = await query<TallyRow>(
          `SELECT question, article, COUNT(*) AS count, MAX(at) AS "lastSeen",
                  COUNT(*) FILTER (WHERE kind = 'not-found') AS "notFound",
                  COUNT(*) FILTER (WHERE kind = 'low-confidence') AS "lowConfidence",
                  COUNT(*) FILTER (WHERE kind = 'feedback') AS feedback,
                  (SELECT candidate FROM unanswered c
                    WHERE c.article = u.article AND c.question = u.question AND c.candidate IS NOT NULL
                    ORDER BY c.at DESC LIMIT 1) AS candidate
             FROM unanswered u
            WHERE $1::text IS NULL OR article = $1
            GROUP BY article, question
            ORDER BY count DESC, "lastSeen" DESC
            LIMIT $2`,
          [article ?? null, REPORT_SCAN_LIMIT],
        );
        return reportFromRows(rows, limit);
      } catch {
        return [];
      }
    },

    guildSettings: (guildId) => settings.get(String(guildId)),

    async updateGuildSettings(guildId, patch) {
      const parsed = GuildSettingsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        log.warn(`Curator database: ignored invalid settings for guild ${guildId}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
        return undefined;
      }
      const id = String(guildId);
      const saved = await transaction(async (c) => {
        const { rows } = await c.query<GuildRow>('SELECT * FROM guild_settings WHERE guild_id = $1 FOR UPDATE', [id]);
        const merged = mergeSettings(id, rows[0] ? toSettings(rows[0]) : undefined, parsed.data, now());
        await c.query(
          `INSERT INTO guild_settings (guild_id, default_article, cooldown_burst, cooldown_refill_ms, private_by_default, forum_channel, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (guild_id) DO UPDATE SET
             default_article = excluded.default_article, cooldown_burst = excluded.cooldown_burst,
             cooldown_refill_ms = excluded.cooldown_refill_ms, private_by_default = excluded.private_by_default,
             forum_channel = excluded.forum_channel, updated_at = excluded.updated_at`,
          [id, merged.defaultArticle, merged.cooldown?.burst ?? null, merged.cooldown?.refillMs ?? null, merged.privateByDefault, merged.forumChannelId, merged.updatedAt],
        );
        // Delivered to every listener when the transaction commits, this process included.
        await c.query('SELECT pg_notify($1, $2)', [SETTINGS_CHANNEL, JSON.stringify(merged)]);
        return merged;
      });
      if (saved) settings.set(id, saved);
      return saved;
    },

    async clearGuildSettings(guildId) {
      const id = String(guildId);
      const done = await transaction(async (c) => {
        await c.query('DELETE FROM guild_settings WHERE guild_id = $1', [id]);
        await c.query('SELECT pg_notify($1, $2)', [SETTINGS_CHANNEL, JSON.stringify({ guildId: id, deleted: true })]);
        return true;
      });
      if (done) settings.delete(id);
    },

    purgeExpired,

    async claimInteraction(id) {
      if (!replays.claim(id)) return false;
      if (!up) return true;
      // The shared check must not hold an answer up: past the timeout this process's memory decides.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), PG_CLAIM_TIMEOUT_MS);
      });
      const shared = query('INSERT INTO seen_interactions (id, at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, Math.floor(now())]).then(
        (r) => r.rowCount === 1,
        () => true,
      );
      try {
        return await Promise.race([shared, late]);
      } finally {
        clearTimeout(timer);
      }
    },

    publish(notice) {
      if (!up || closed) return;
      query('SELECT pg_notify($1, $2)', [NOTICE_CHANNEL, JSON.stringify({ ...notice, from: processId })]).catch(() => undefined);
    },

    onNotice(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },

    async peers() {
      if (!up) return undefined;
      try {
        const { rows } = await query<{ n: string }>('SELECT COUNT(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [LISTENER_NAME]);
        return Math.max(0, Number(rows[0]?.n ?? 0) - (listener ? 1 : 0));
      } catch {
        return undefined;
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(purgeTimer);
      clearInterval(refreshTimer);
      if (retryTimer) clearTimeout(retryTimer);
      up = false;
      problem ??= 'is closed';
      dropListener();
      await pool.end().catch(() => undefined);
    },
  };
  return store;
}
