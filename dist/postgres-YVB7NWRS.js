import {
  GuildSettingsPatchSchema,
  MIGRATIONS,
  NewerSchemaError,
  createReplayMemory,
  mergeSettings,
  reportFromRows,
  sqlFor,
  storedEntry
} from "./chunk-3Q5STBVI.js";
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
  SETTINGS_REFRESH_MS
} from "./chunk-MK7BL3V7.js";
import "./chunk-MXDCF3SD.js";

// src/store/postgres.ts
import { randomUUID } from "node:crypto";
import pg from "pg";

// src/store/postgres-migrate.ts
var MIGRATION_LOCK = 7360117001;
async function migratePostgres(client, migrations = MIGRATIONS) {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      why        TEXT    NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query("SELECT MAX(version) AS v FROM schema_migrations");
    const current = rows[0]?.v ?? 0;
    if (current > migrations.length) throw new NewerSchemaError(current);
    const pending = migrations.slice(current);
    for (const m of pending) {
      const sql = sqlFor(m, "postgres");
      if (sql.trim()) await client.query(sql);
      await client.query("INSERT INTO schema_migrations (version, why) VALUES ($1, $2)", [m.version, m.why]);
    }
    await client.query("COMMIT");
    return pending;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => void 0);
    throw err;
  }
}

// src/store/postgres.ts
var SETTINGS_CHANNEL = "bot_settings";
var NOTICE_CHANNEL = "bot_notices";
var LISTENER_NAME = "article-qa-bot:listen";
function toSettings(row) {
  return {
    guildId: row.guild_id,
    defaultArticle: row.default_article,
    cooldown: row.cooldown_burst === null || row.cooldown_refill_ms === null ? null : { burst: row.cooldown_burst, refillMs: row.cooldown_refill_ms },
    privateByDefault: row.private_by_default === true,
    forumChannelId: row.forum_channel ?? null,
    updatedAt: Number(row.updated_at)
  };
}
function describeUrl(url) {
  try {
    const u = new URL(url);
    u.password = "";
    return `${u.protocol}//${u.username ? `${u.username}@` : ""}${u.host}${u.pathname}`;
  } catch {
    return "postgres://(unparsable DATABASE_URL)";
  }
}
function isOutage(err) {
  const e = err;
  if (typeof e?.severity !== "string" || typeof e.code !== "string") return true;
  return e.code.startsWith("08") || e.code.startsWith("57P") || e.code === "53300";
}
var message = (err) => (err instanceof Error ? err.message : String(err)) || String(err?.code ?? "error");
async function openPostgresStore(options) {
  const log = options.log ?? { warn: (m) => void process.stderr.write(`${(/* @__PURE__ */ new Date()).toISOString()} WARN ${m}
`) };
  const info = (m) => log.info ? log.info(m) : log.warn(m);
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
    keepAlive: true
  };
  const pool = new pg.Pool({ ...clientConfig, max: PG_POOL_SIZE, application_name: "article-qa-bot", idleTimeoutMillis: 3e4 });
  pool.on("error", (err) => markDown(err));
  const settings = /* @__PURE__ */ new Map();
  const listeners = /* @__PURE__ */ new Set();
  const replays = createReplayMemory(now);
  const queue = [];
  let lost = 0;
  let up = false;
  let downSince;
  let problem = "is not connected yet";
  let listener;
  let retryTimer;
  let closed = false;
  let connecting;
  function markDown(err) {
    if (closed || !up) return;
    up = false;
    downSince = now();
    problem = `is unreachable (${message(err)})`;
    log.warn(
      `Curator database ${where} ${problem}; the bot keeps answering: settings stay as last read, unanswered questions wait in memory (up to ${OUTAGE_QUEUE_LIMIT}), trying again every ${Math.round(retryMs / 1e3) || 1} s.`
    );
    dropListener();
    scheduleRetry();
  }
  function dropListener() {
    const l = listener;
    listener = void 0;
    l?.removeAllListeners("end");
    l?.end().catch(() => void 0);
  }
  function scheduleRetry() {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = void 0;
      void connect().then((ok) => {
        if (!ok) scheduleRetry();
      });
    }, retryMs);
    retryTimer.unref();
  }
  async function query(text, values) {
    try {
      return await pool.query(text, values);
    } catch (err) {
      if (isOutage(err)) markDown(err);
      throw err;
    }
  }
  async function loadSettings() {
    const { rows } = await query("SELECT * FROM guild_settings");
    settings.clear();
    for (const r of rows) settings.set(r.guild_id, toSettings(r));
  }
  function onNotification(n) {
    if (!n.payload) return;
    try {
      const body = JSON.parse(n.payload);
      if (n.channel === SETTINGS_CHANNEL) {
        const s = body;
        if (s.deleted) settings.delete(s.guildId);
        else settings.set(s.guildId, s);
      } else if (n.channel === NOTICE_CHANNEL) {
        const notice = body;
        if (notice.from === processId) return;
        for (const l of listeners) {
          try {
            l(notice);
          } catch {
          }
        }
      }
    } catch {
    }
  }
  async function openListener() {
    const client = new pg.Client({ ...clientConfig, application_name: LISTENER_NAME });
    client.on("error", (err) => markDown(err));
    await client.connect();
    client.on("notification", onNotification);
    client.on("end", () => markDown(new Error("the listening connection closed")));
    await client.query(`LISTEN ${SETTINGS_CHANNEL}`);
    await client.query(`LISTEN ${NOTICE_CHANNEL}`);
    listener = client;
  }
  async function flushQueue() {
    let written = 0;
    while (queue.length && up) {
      const row = queue[0];
      await insert(row);
      queue.shift();
      written++;
    }
    return written;
  }
  const insert = (r) => query("INSERT INTO unanswered (at, kind, question, article, guild_id, candidate, score) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
    r.at,
    r.kind,
    r.question,
    r.article,
    r.guildId,
    r.candidate,
    r.score
  ]);
  function connect() {
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
        problem = void 0;
        const written = await flushQueue();
        if (wasDown !== void 0) {
          const lostNote = lost ? `; ${lost} could not be kept (the queue was full)` : "";
          info(`Curator database ${where} is reachable again after ${((now() - wasDown) / 1e3).toFixed(1)} s; recording again (${written} queued unanswered question${written === 1 ? "" : "s"} written${lostNote}).`);
          lost = 0;
        }
        downSince = void 0;
        return true;
      } catch (err) {
        dropListener();
        if (downSince === void 0) {
          up = true;
          markDown(err);
        }
        up = false;
        return false;
      } finally {
        connecting = void 0;
      }
    })();
    return connecting;
  }
  const purgeExpired = async () => {
    if (!up) return 0;
    try {
      await query("DELETE FROM seen_interactions WHERE at < $1", [now() - REPLAY_WINDOW_MS - 6e4]);
      const { rowCount } = await query("DELETE FROM unanswered WHERE at < $1", [now() - retentionDays * DAY_MS]);
      const n = rowCount ?? 0;
      if (n > 0) info(`Curator database: purged ${n} unanswered question${n === 1 ? "" : "s"} older than ${retentionDays} days.`);
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
    if (up) loadSettings().catch(() => void 0);
  }, options.settingsRefreshMs ?? SETTINGS_REFRESH_MS);
  refreshTimer.unref();
  async function transaction(fn) {
    if (!up) return void 0;
    let client;
    try {
      client = await pool.connect();
      await client.query("BEGIN");
      const out = await fn(client);
      await client.query("COMMIT");
      return out;
    } catch (err) {
      await client?.query("ROLLBACK").catch(() => void 0);
      if (isOutage(err)) markDown(err);
      else log.warn(`Curator database ${where}: ${message(err)}; the bot carries on.`);
      return void 0;
    } finally {
      client?.release();
    }
  }
  const store = {
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
      insert(row).catch((err) => {
        if (isOutage(err)) keep();
        else log.warn(`Curator database ${where}: could not record an unanswered question: ${message(err)}`);
      });
    },
    async unansweredReport({ article, limit = 20 } = {}) {
      if (!up) return [];
      try {
        const { rows } = await query(
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
          [article ?? null, REPORT_SCAN_LIMIT]
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
        log.warn(`Curator database: ignored invalid settings for guild ${guildId}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
        return void 0;
      }
      const id = String(guildId);
      const saved = await transaction(async (c) => {
        const { rows } = await c.query("SELECT * FROM guild_settings WHERE guild_id = $1 FOR UPDATE", [id]);
        const merged = mergeSettings(id, rows[0] ? toSettings(rows[0]) : void 0, parsed.data, now());
        await c.query(
          `INSERT INTO guild_settings (guild_id, default_article, cooldown_burst, cooldown_refill_ms, private_by_default, forum_channel, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (guild_id) DO UPDATE SET
             default_article = excluded.default_article, cooldown_burst = excluded.cooldown_burst,
             cooldown_refill_ms = excluded.cooldown_refill_ms, private_by_default = excluded.private_by_default,
             forum_channel = excluded.forum_channel, updated_at = excluded.updated_at`,
          [id, merged.defaultArticle, merged.cooldown?.burst ?? null, merged.cooldown?.refillMs ?? null, merged.privateByDefault, merged.forumChannelId, merged.updatedAt]
        );
        await c.query("SELECT pg_notify($1, $2)", [SETTINGS_CHANNEL, JSON.stringify(merged)]);
        return merged;
      });
      if (saved) settings.set(id, saved);
      return saved;
    },
    async clearGuildSettings(guildId) {
      const id = String(guildId);
      const done = await transaction(async (c) => {
        await c.query("DELETE FROM guild_settings WHERE guild_id = $1", [id]);
        await c.query("SELECT pg_notify($1, $2)", [SETTINGS_CHANNEL, JSON.stringify({ guildId: id, deleted: true })]);
        return true;
      });
      if (done) settings.delete(id);
    },
    purgeExpired,
    async claimInteraction(id) {
      if (!replays.claim(id)) return false;
      if (!up) return true;
      let timer;
      const late = new Promise((resolve) => {
        timer = setTimeout(() => resolve(true), PG_CLAIM_TIMEOUT_MS);
      });
      const shared = query("INSERT INTO seen_interactions (id, at) VALUES ($1, $2) ON CONFLICT DO NOTHING", [id, Math.floor(now())]).then(
        (r) => r.rowCount === 1,
        () => true
      );
      try {
        return await Promise.race([shared, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    publish(notice) {
      if (!up || closed) return;
      query("SELECT pg_notify($1, $2)", [NOTICE_CHANNEL, JSON.stringify({ ...notice, from: processId })]).catch(() => void 0);
    },
    onNotice(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async peers() {
      if (!up) return void 0;
      try {
        const { rows } = await query("SELECT COUNT(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", [LISTENER_NAME]);
        return Math.max(0, Number(rows[0]?.n ?? 0) - (listener ? 1 : 0));
      } catch {
        return void 0;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(purgeTimer);
      clearInterval(refreshTimer);
      if (retryTimer) clearTimeout(retryTimer);
      up = false;
      problem ??= "is closed";
      dropListener();
      await pool.end().catch(() => void 0);
    }
  };
  return store;
}
export {
  describeUrl,
  openPostgresStore
};
//# sourceMappingURL=postgres-YVB7NWRS.js.map
