// The curator store: an embedded SQLite database (better-sqlite3) under DATA_DIR holding the log of
// questions the bot could not answer well, and per-guild settings. It is the bot's only state.
//
// It must never take the bot down: a database that is corrupt, locked by another process, from a
// newer release or not writable is reported in one log line, and the store carries on as a no-op
// with the same methods (healthy: false). Every method catches its own errors; writes never throw.
//
// The file is watched for deletion or replacement under the running bot (its inode is compared before
// each use): that is logged once and a fresh database is opened in its place.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, DAY_MS, DEFAULT_BUSY_TIMEOUT_MS, DEFAULT_DATA_DIR, DEFAULT_RETENTION_DAYS, REPORT_SCAN_LIMIT } from './defaults.ts';
import { migrate } from './migrations.ts';
import { createReplayMemory } from './replays.ts';
import {
  GuildSettingsPatchSchema,
  mergeSettings,
  reportFromRows,
  storedEntry,
  type CuratorStore,
  type GuildSettings,
  type GuildSettingsPatch,
  type ReportGroup,
  type ReportOptions,
  type StoreLog,
  type TallyRow,
} from './types.ts';

export * from './types.ts';
export { DATABASE_FILE, DAY_MS, DEFAULT_BUSY_TIMEOUT_MS, DEFAULT_DATA_DIR, DEFAULT_RETENTION_DAYS, REPORT_SCAN_LIMIT };

export interface CuratorStoreOptions {
  /** Directory of the database (created if missing). Default ./data. */
  dataDir?: string;
  /** File name inside dataDir. Default bot.sqlite. */
  file?: string;
  /** Unanswered rows older than this are purged at open and then every purgeIntervalMs. Default 90. */
  retentionDays?: number;
  /** Default one day. */
  purgeIntervalMs?: number;
  /** How long a statement waits for another process's lock before giving up. Default 1000 ms. */
  busyTimeoutMs?: number;
  /** While the file is locked at open, how often to try again (default one minute). */
  retryLockedMs?: number;
  /** The clock, in ms since the epoch (tests inject one). */
  now?: () => number;
  log?: StoreLog;
}

/** Warnings as timestamped lines through `write` (the default log writes them to stderr). */
export function writerLog(write: (text: string) => unknown): StoreLog {
  return { warn: (msg) => void write(`${new Date().toISOString()} WARN ${msg}\n`) };
}

const stderrLog: StoreLog = writerLog((text) => process.stderr.write(text));

type Db = Database.Database;

interface Statements {
  insert: Database.Statement<[Record<string, unknown>]>;
  purge: Database.Statement<[number]>;
  tallies: Database.Statement<[{ article: string | null; limit: number }], TallyRow>;
  getGuild: Database.Statement<[string], GuildRow>;
  putGuild: Database.Statement<[Record<string, unknown>]>;
  deleteGuild: Database.Statement<[string]>;
  /** Changes when another connection (another HTTP worker on the same file) commits. */
  dataVersion: Database.Statement<[], number>;
}

interface GuildRow {
  guild_id: string;
  default_article: string | null;
  cooldown_burst: number | null;
  cooldown_refill_ms: number | null;
  private_by_default: number;
  forum_channel: string | null;
  updated_at: number;
}

/** What kind of trouble an error means for the store. */
function classify(err: unknown): 'corrupt' | 'busy' | 'other' {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return 'other';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return 'other';
}

function describeOpenProblem(err: unknown, busyTimeoutMs: number): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown })?.code;
  switch (classify(err)) {
    case 'corrupt':
      return code === 'SQLITE_NOTADB' ? `is not a SQLite database (${message})` : `is corrupt (${message})`;
    case 'busy':
      return `is locked by another process (still locked after ${busyTimeoutMs} ms: ${message})`;
    default:
      return `cannot be used (${code ? `${String(code)}: ` : ''}${message})`;
  }
}

function hint(kind: ReturnType<typeof classify>, retryMs: number): string {
  if (kind === 'corrupt') return 'move the file aside and restart to start a new one';
  if (kind === 'busy') return `trying again every ${Math.max(1, Math.round(retryMs / 1000))} s`;
  return 'fix it and restart';
}

function toSettings(row: GuildRow): GuildSettings {
  return {
    guildId: row.guild_id,
    defaultArticle: row.default_article,
    cooldown: row.cooldown_burst === null || row.cooldown_refill_ms === null ? null : { burst: row.cooldown_burst, refillMs: row.cooldown_refill_ms },
    privateByDefault: row.private_by_default === 1,
    forumChannelId: row.forum_channel ?? null,
    updatedAt: row.updated_at,
  };
}

function prepare(db: Db): Statements {
  return {
    insert: db.prepare(
      'INSERT INTO unanswered (at, kind, question, article, guild_id, candidate, score) VALUES (@at, @kind, @question, @article, @guildId, @candidate, @score)',
    ),
    purge: db.prepare('DELETE FROM unanswered WHERE at < ?'),
    tallies: db.prepare(`
      SELECT question, article, COUNT(*) AS count, MAX(at) AS lastSeen,
             SUM(kind = 'not-found') AS notFound, SUM(kind = 'low-confidence') AS lowConfidence, SUM(kind = 'feedback') AS feedback,
             (SELECT candidate FROM unanswered c
               WHERE c.article = u.article AND c.question = u.question AND c.candidate IS NOT NULL
               ORDER BY c.at DESC LIMIT 1) AS candidate
        FROM unanswered u
       WHERE @article IS NULL OR article = @article
       GROUP BY article, question
       ORDER BY count DESC, lastSeen DESC
       LIMIT @limit`),
    getGuild: db.prepare('SELECT * FROM guild_settings WHERE guild_id = ?'),
    putGuild: db.prepare(`
      INSERT INTO guild_settings (guild_id, default_article, cooldown_burst, cooldown_refill_ms, private_by_default, forum_channel, updated_at)
      VALUES (@guildId, @defaultArticle, @burst, @refillMs, @privateByDefault, @forumChannel, @updatedAt)
      ON CONFLICT (guild_id) DO UPDATE SET
        default_article = excluded.default_article, cooldown_burst = excluded.cooldown_burst,
        cooldown_refill_ms = excluded.cooldown_refill_ms, private_by_default = excluded.private_by_default,
        forum_channel = excluded.forum_channel, updated_at = excluded.updated_at`),
    deleteGuild: db.prepare('DELETE FROM guild_settings WHERE guild_id = ?'),
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
  };
}

/** How long guild-settings reads trust the file at the path without a stat (writes always check). */
const SETTINGS_FILE_CHECK_MS = 1_000;
/** Guilds whose settings are kept in memory; past this the cache starts over (it is only a cache). */
const SETTINGS_CACHE_MAX = 10_000;

/** Opens (creating and migrating if needed) the curator database. Never throws. */
/** The SQLite store answers every call at once, so its methods return plain values. */
export interface SqliteCuratorStore extends CuratorStore {
  unansweredReport(options?: ReportOptions): ReportGroup[];
  updateGuildSettings(guildId: string, patch: GuildSettingsPatch): GuildSettings | undefined;
  clearGuildSettings(guildId: string): void;
  purgeExpired(): number;
  claimInteraction(id: string): boolean;
  close(): void;
}

export function openCuratorStore(options: CuratorStoreOptions = {}): SqliteCuratorStore {
  const log = options.log ?? stderrLog;
  const now = options.now ?? Date.now;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const path = join(dataDir, options.file ?? DATABASE_FILE);
  const retryLockedMs = options.retryLockedMs ?? 60_000;
  let retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  if (!Number.isFinite(retentionDays) || retentionDays <= 0) {
    log.warn(`Curator database: retention of ${retentionDays} days is not a positive number; using ${DEFAULT_RETENTION_DAYS}.`);
    retentionDays = DEFAULT_RETENTION_DAYS;
  }

  let db: Db | undefined;
  let stmts: Statements | undefined;
  let problem: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let closed = false;
  // Runtime failures that leave the store usable (a lock held too long, a full disk) are reported
  // the first time and then at most once a minute, with how many were dropped in between.
  let lastWarnAt = -Infinity;
  let dropped = 0;
  /** The inode of the file that was opened: another one at the path means it was deleted or replaced. */
  let inode: number | undefined;
  let openedSize = 0;
  const replays = createReplayMemory(now);

  // Guild settings are read on every interaction and change on a /settings command: they are kept in
  // memory, and the cache is dropped whenever PRAGMA data_version says another process (an HTTP worker
  // on the same file) committed, so no worker serves another's old settings. This process's own writes
  // update it directly. The file check (deleted or replaced under us) runs at most once a second for
  // these reads; writes still check every time.
  const settingsCache = new Map<string, GuildSettings | null>();
  let cachedVersion: number | undefined;
  let fileCheckedAt = -Infinity;
  const forgetSettings = () => {
    settingsCache.clear();
    cachedVersion = undefined;
  };

  /** Why the file at the path is no longer the one we opened, if it is not: deleted, replaced or truncated. */
  const fileChange = (): 'deleted or replaced' | 'truncated' | undefined => {
    try {
      const st = statSync(path);
      if (st.ino !== inode) return 'deleted or replaced';
      // In WAL mode the main file only grows (at checkpoints): empty means someone truncated it.
      return st.size === 0 && openedSize > 0 ? 'truncated' : undefined;
    } catch {
      return 'deleted or replaced';
    }
  };

  /** The file changed under us: say so once and start a fresh database at the path. */
  const reopen = (change: 'deleted or replaced' | 'truncated'): void => {
    log.warn(`Curator database ${path} was ${change} while the bot was running; opening a new database there (what it held is gone unless restored).`);
    forgetSettings();
    if (timer) clearInterval(timer);
    timer = undefined;
    stmts = undefined;
    // The old WAL and shared memory belong to the old file: a new database must not replay them.
    // An emptied file holds nothing either, so it goes too, before the old handle's closing
    // checkpoint can write stray pages into it.
    const stale = [`${path}-wal`, `${path}-shm`, ...(change === 'truncated' ? [path] : [])];
    if (change === 'truncated') for (const f of stale) rmSync(f, { force: true });
    try {
      db?.close();
    } catch {
      // the old handle points at a file that is gone
    }
    db = undefined;
    for (const f of stale) rmSync(f, { force: true });
    try {
      connect();
    } catch (err) {
      disable(describeOpenProblem(err, busyTimeoutMs), classify(err));
    }
  };

  const disable = (why: string, kind: ReturnType<typeof classify>) => {
    problem = why;
    forgetSettings();
    log.warn(`Curator database ${path} ${why}; the bot keeps answering but records no unanswered questions and keeps no guild settings (${hint(kind, retryLockedMs)}).`);
    if (timer) clearInterval(timer);
    timer = undefined;
    stmts = undefined;
    try {
      db?.close();
    } catch {
      // already unusable
    }
    db = undefined;
  };

  /** Runs fn against the open database; any failure returns the fallback instead of throwing. */
  function guard<T>(what: string, fallback: T, fn: (s: Statements, d: Db) => T, checkFile = true): T {
    const change = db && checkFile ? fileChange() : undefined;
    if (change) reopen(change);
    if (!db || !stmts) return fallback;
    try {
      return fn(stmts, db);
    } catch (err) {
      const kind = classify(err);
      const message = err instanceof Error ? err.message : String(err);
      if (kind === 'corrupt') {
        disable(`became unusable while trying to ${what} (${message})`, kind);
        return fallback;
      }
      dropped += 1;
      const t = now();
      if (t - lastWarnAt >= 60_000) {
        const also = dropped > 1 ? ` (${dropped - 1} earlier failure${dropped === 2 ? '' : 's'} since the last warning)` : '';
        log.warn(`Curator database ${path}: could not ${what}: ${message}${also}; the bot carries on.`);
        lastWarnAt = t;
        dropped = 0;
      }
      return fallback;
    }
  }

  const purgeExpired = (): number =>
    guard('purge old unanswered questions', 0, (s) => {
      const { changes } = s.purge.run(now() - retentionDays * DAY_MS);
      if (changes > 0) log.info?.(`Curator database: purged ${changes} unanswered question${changes === 1 ? '' : 's'} older than ${retentionDays} days.`);
      return changes;
    });

  /** Opens, checks, migrates and purges; on failure the handle is closed again and the error thrown. */
  function connect(): void {
    mkdirSync(dataDir, { recursive: true });
    const handle = new Database(path, { timeout: busyTimeoutMs });
    try {
      handle.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
      // The first read of the file: a file that is not a database fails here.
      handle.pragma('journal_mode = WAL');
      handle.pragma('synchronous = NORMAL');
      const check = handle.pragma('quick_check(1)', { simple: true });
      if (check !== 'ok') throw Object.assign(new Error(`integrity check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
      migrate(handle);
      const prepared = prepare(handle);
      // Purge once now, inside the try: a lock held at start is reported like any other open problem.
      const { changes } = prepared.purge.run(now() - retentionDays * DAY_MS);
      if (changes > 0) log.info?.(`Curator database: purged ${changes} unanswered question${changes === 1 ? '' : 's'} older than ${retentionDays} days.`);
      db = handle;
      stmts = prepared;
      ({ ino: inode, size: openedSize } = statSync(path));
      problem = undefined;
      timer = setInterval(purgeExpired, options.purgeIntervalMs ?? DAY_MS);
      timer.unref();
    } catch (err) {
      try {
        handle.close();
      } catch {
        // the original error is the one worth reporting
      }
      throw err;
    }
  }

  try {
    connect();
  } catch (err) {
    const kind = classify(err);
    disable(describeOpenProblem(err, busyTimeoutMs), kind);
    // A lock is usually someone else's short job (a backup, a migration in another worker): try
    // again now and then, quietly, and say so once it works.
    if (kind === 'busy') {
      const retry = setInterval(() => {
        if (closed) return clearInterval(retry);
        try {
          connect();
          clearInterval(retry);
          const msg = `Curator database ${path} is no longer locked; recording unanswered questions again.`;
          if (log.info) log.info(msg);
          else log.warn(msg);
        } catch {
          // still locked (or worse): stay a no-op
        }
      }, retryLockedMs);
      retry.unref();
      retryTimer = retry;
    }
  }

  return {
    get healthy() {
      return db !== undefined;
    },
    get problem() {
      return problem;
    },
    path,

    shared: false,

    recordUnanswered(entry) {
      guard('record an unanswered question', undefined, (s) => {
        const row = storedEntry(entry, now());
        if (row) s.insert.run(row);
      });
    },

    unansweredReport({ article, limit = 20 } = {}) {
      return guard('read the unanswered report', [] as ReportGroup[], (s) => reportFromRows(s.tallies.all({ article: article ?? null, limit: REPORT_SCAN_LIMIT }), limit));
    },

    guildSettings(guildId) {
      const id = String(guildId);
      const t = Date.now();
      if (stmts && t - fileCheckedAt < SETTINGS_FILE_CHECK_MS && settingsCache.has(id)) {
        const s = stmts;
        const fresh = guard('read guild settings', false, () => s.dataVersion.get() === cachedVersion, false);
        if (fresh) return settingsCache.get(id) ?? undefined;
      }
      return guard('read guild settings', undefined, (s) => {
        fileCheckedAt = t;
        const version = s.dataVersion.get();
        if (version !== cachedVersion) {
          settingsCache.clear();
          cachedVersion = version;
        }
        const row = s.getGuild.get(id);
        const settings = row ? toSettings(row) : undefined;
        if (settingsCache.size >= SETTINGS_CACHE_MAX) settingsCache.clear();
        settingsCache.set(id, settings ?? null);
        return settings;
      });
    },

    updateGuildSettings(guildId, patch) {
      const parsed = GuildSettingsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        log.warn(`Curator database: ignored invalid settings for guild ${guildId}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
        return undefined;
      }
      const p = parsed.data;
      const saved = guard('save guild settings', undefined, (s, d) =>
        d
          .transaction((): GuildSettings => {
            const row = s.getGuild.get(String(guildId));
            const current = row ? toSettings(row) : undefined;
            const merged = mergeSettings(String(guildId), current, p, now());
            s.putGuild.run({
              guildId: merged.guildId,
              defaultArticle: merged.defaultArticle,
              burst: merged.cooldown?.burst ?? null,
              refillMs: merged.cooldown?.refillMs ?? null,
              privateByDefault: merged.privateByDefault ? 1 : 0,
              forumChannel: merged.forumChannelId,
              updatedAt: merged.updatedAt,
            });
            return merged;
          })
          .immediate(),
      );
      if (saved) settingsCache.set(String(guildId), saved);
      return saved;
    },

    clearGuildSettings(guildId) {
      guard('clear guild settings', undefined, (s) => {
        s.deleteGuild.run(String(guildId));
        settingsCache.set(String(guildId), null);
      });
    },

    purgeExpired,

    // One process per file is the SQLite shape (HTTP_WORKERS share reloads over IPC instead), so
    // replays are remembered in memory and there is nobody to send notices to.
    claimInteraction: (id) => replays.claim(id),
    publish: () => undefined,
    onNotice: () => () => undefined,

    close() {
      closed = true;
      if (timer) clearInterval(timer);
      if (retryTimer) clearInterval(retryTimer);
      timer = retryTimer = undefined;
      stmts = undefined;
      if (db) problem ??= 'is closed';
      try {
        db?.close();
      } catch {
        // closing is best effort
      }
      db = undefined;
    },
  };
}
