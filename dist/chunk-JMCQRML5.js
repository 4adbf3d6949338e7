import {
  DEFAULT_BURST,
  DEFAULT_DEADLINE_MS,
  DEFAULT_REFILL_MS,
  PONG,
  createGuildCooldowns,
  errorReply,
  isPromise,
  noticeReply,
  protectProcess,
  respondWithin,
  toResponse
} from "./chunk-ZMW5B3AT.js";
import {
  CLOSEST_LEAD,
  DID_YOU_MEAN,
  KnowledgeError,
  MATCHES_PER_PAGE,
  RANKING,
  answerReply,
  askButtonsFit,
  confidenceHint,
  contextId,
  createLibrary,
  escapeText,
  highlight,
  loadLibraryFromEnv,
  moreMatchesId,
  neutraliseMentions,
  oneLine,
  parseAskButton,
  parseDidYouMean,
  passageBlock,
  plainText,
  singleEngineLibrary,
  sourceLine
} from "./chunk-NA2RNWX3.js";
import {
  COLOURS,
  LIMITS,
  fitRendered,
  message,
  truncate
} from "./chunk-6RQLLAWW.js";
import {
  GuildSettingsPatchSchema,
  createReplayMemory,
  mergeSettings,
  migrate,
  reportFromRows,
  storedEntry
} from "./chunk-3Q5STBVI.js";
import {
  DATABASE_FILE,
  DAY_MS,
  DEFAULT_BUSY_TIMEOUT_MS,
  DEFAULT_DATA_DIR,
  DEFAULT_RETENTION_DAYS,
  REPORT_SCAN_LIMIT
} from "./chunk-MK7BL3V7.js";
import {
  __export,
  addSecret,
  silentLogger
} from "./chunk-MXDCF3SD.js";

// src/discord/http/cluster-reload.ts
import cluster from "node:cluster";

// src/runtime/knowledge-store.ts
function defaultWarm(library) {
  library.answer("Who met whom, and what did they say?");
  library.answer("What is the capital of France?");
  library.suggest("who");
  for (const { slug } of library.articles) {
    const engine = library.engine(slug);
    engine.answer("Who said what, and when?");
    engine.suggest("who", 25);
    engine.suggest("", 25);
  }
}
function countPassages(engine) {
  let n = 0;
  while (engine.passage(n) !== void 0) n++;
  return n;
}
function isLibrary(x) {
  return !("pack" in x);
}
function snapshotOf(library, skipped, source, loadMs, generation) {
  const engines = library.articles.map((a) => library.engine(a.slug));
  const engine = engines[0];
  if (!engine) throw new KnowledgeError({ file: source ?? "", path: "", message: "the library has no articles" });
  const sum = (f) => engines.reduce((n, e) => n + f(e), 0);
  return Object.freeze({
    library,
    engine,
    skipped: Object.freeze([...skipped]),
    loadedAt: /* @__PURE__ */ new Date(),
    loadMs,
    source: source ?? engine.pack.source,
    counts: Object.freeze({
      articles: engines.length,
      passages: sum(countPassages),
      paragraphs: sum((e) => e.pack.paragraphs.filter((p) => p.kind === "body").length),
      entities: sum((e) => e.pack.entities.length),
      quotes: sum((e) => e.pack.quotes.length),
      facts: sum((e) => e.pack.facts.length)
    }),
    generation
  });
}
function checkServedPacks(load, previous) {
  if (!previous) return;
  const served = new Set(previous.library.articles.map((a) => previous.library.engine(a.slug)?.pack.source));
  const broken = load.skipped.filter((s) => served.has(s.dir));
  if (broken.length === 0) return;
  const err = new KnowledgeError(broken.flatMap((s) => s.problems));
  err.message = `${broken.length === 1 ? "An article being served" : `${broken.length} articles being served`} no longer load${broken.length === 1 ? "s" : ""}:
${err.message}`;
  throw err;
}
function errorMessage(err) {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
function createKnowledgeStore(options = {}) {
  const loadOne = options.load;
  const loadLibrary = options.loadLibrary ?? (loadOne ? () => ({ root: "", packs: [loadOne()], skipped: [], single: true }) : loadLibraryFromEnv);
  const warm = options.warm ?? defaultWarm;
  const listeners = /* @__PURE__ */ new Set();
  const fresh = (generation, previous) => {
    const t0 = performance.now();
    const loaded = loadLibrary();
    checkServedPacks(loaded, previous);
    const library = createLibrary(loaded.packs);
    warm(library);
    return snapshotOf(library, loaded.skipped, loaded.single ? void 0 : loaded.root || void 0, performance.now() - t0, generation);
  };
  const initial = options.initial && (isLibrary(options.initial) ? options.initial : singleEngineLibrary(options.initial));
  let current = initial ? snapshotOf(initial, [], void 0, 0, 1) : fresh(1);
  return {
    current: () => current,
    reloadable: true,
    reload(origin = "reload") {
      const t0 = performance.now();
      const previous = current;
      let result;
      try {
        const next = fresh(previous.generation + 1, previous);
        current = next;
        result = { ok: true, snapshot: next, previous };
      } catch (error) {
        result = { ok: false, error, message: errorMessage(error), snapshot: previous, ms: performance.now() - t0 };
      }
      for (const l of listeners) {
        try {
          l(result, origin);
        } catch {
        }
      }
      return result;
    },
    onReload(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }
  };
}
function fixedKnowledge(engineOrLibrary) {
  const library = isLibrary(engineOrLibrary) ? engineOrLibrary : singleEngineLibrary(engineOrLibrary);
  const snapshot = snapshotOf(library, [], void 0, 0, 1);
  return {
    current: () => snapshot,
    reloadable: false,
    reload: () => ({ ok: false, error: void 0, message: "This process serves a fixed engine; there is no knowledge to reload.", snapshot, ms: 0 }),
    onReload: () => () => void 0
  };
}
function describeReload(result, origin) {
  if (result.ok) {
    const { snapshot: s, previous: p } = result;
    const c = s.counts;
    const articles = c.articles === 1 ? "" : `${c.articles} articles, `;
    const skipped = s.skipped.length ? `; ${s.skipped.length} pack${s.skipped.length === 1 ? "" : "s"} skipped: ${describeSkipped(s.skipped)}` : "";
    return `Knowledge reloaded (${origin}): ${articles}${c.passages} passages, ${c.entities} entities, ${c.quotes} quotes from ${s.source} in ${s.loadMs.toFixed(0)} ms; generation ${p.generation} \u2192 ${s.generation}${skipped}`;
  }
  return `Knowledge reload failed (${origin}); still serving generation ${result.snapshot.generation} from ${result.snapshot.source}: ${result.message}`;
}
function describeSkipped(skipped) {
  return skipped.map((s) => `${s.dir}: ${s.message.replace(/\s*\n\s*/g, " ")}`).join("; ");
}
function reloadAndLog(store, log, origin) {
  const result = store.reload(origin);
  logReload(log, result, origin);
  return result;
}
function logReload(log, result, origin) {
  if (!result.ok) log.error(describeReload(result, origin));
  else if (result.snapshot.skipped.length > 0) log.warn(describeReload(result, origin));
  else log.info(describeReload(result, origin));
}
function logSkipped(log, snapshot) {
  for (const s of snapshot.skipped) log.warn(`Knowledge pack skipped (the other articles serve): ${s.dir}: ${s.message}`);
  const n = snapshot.counts.articles;
  log.info(`Knowledge: ${n} article${n === 1 ? "" : "s"} from ${snapshot.source}${snapshot.skipped.length ? `, ${snapshot.skipped.length} skipped` : ""}`);
}
function reloadOnSignal(store, log, signal = "SIGHUP") {
  const onSignal = () => {
    reloadAndLog(store, log, signal);
  };
  process.on(signal, onSignal);
  return () => process.off(signal, onSignal);
}

// src/discord/http/cluster-reload.ts
var isReloadMessage = (m) => typeof m === "object" && m !== null && (m.kb === "reload" || m.kb === "reload-others");
function relayReloads(log) {
  const send = (origin, except) => {
    for (const w of Object.values(cluster.workers ?? {})) {
      if (w && w.id !== except && w.isConnected()) w.send({ kb: "reload", origin });
    }
  };
  process.on("SIGHUP", () => {
    log.info(`SIGHUP: asking ${Object.keys(cluster.workers ?? {}).length} worker(s) to reload the knowledge`);
    send("SIGHUP");
  });
  cluster.on("message", (worker, m) => {
    if (isReloadMessage(m) && m.kb === "reload-others") send(`${m.origin}, relayed from worker ${worker.process.pid}`, worker.id);
  });
}
function shareReloads(knowledge, log) {
  let relayed = false;
  process.on("message", (m) => {
    if (!isReloadMessage(m) || m.kb !== "reload") return;
    relayed = true;
    try {
      reloadAndLog(knowledge, log, m.origin);
    } finally {
      relayed = false;
    }
  });
  knowledge.onReload((result, origin) => {
    if (!relayed && result.ok && origin.startsWith("/kb") && process.send) process.send({ kb: "reload-others", origin });
  });
}

// src/store/store.ts
import { mkdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
function writerLog(write) {
  return { warn: (msg) => void write(`${(/* @__PURE__ */ new Date()).toISOString()} WARN ${msg}
`) };
}
var stderrLog = writerLog((text) => process.stderr.write(text));
function classify(err) {
  const code = err?.code;
  if (typeof code !== "string") return "other";
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) return "corrupt";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
  return "other";
}
function describeOpenProblem(err, busyTimeoutMs) {
  const message2 = err instanceof Error ? err.message : String(err);
  const code = err?.code;
  switch (classify(err)) {
    case "corrupt":
      return code === "SQLITE_NOTADB" ? `is not a SQLite database (${message2})` : `is corrupt (${message2})`;
    case "busy":
      return `is locked by another process (still locked after ${busyTimeoutMs} ms: ${message2})`;
    default:
      return `cannot be used (${code ? `${String(code)}: ` : ""}${message2})`;
  }
}
function hint(kind, retryMs) {
  if (kind === "corrupt") return "move the file aside and restart to start a new one";
  if (kind === "busy") return `trying again every ${Math.max(1, Math.round(retryMs / 1e3))} s`;
  return "fix it and restart";
}
function toSettings(row) {
  return {
    guildId: row.guild_id,
    defaultArticle: row.default_article,
    cooldown: row.cooldown_burst === null || row.cooldown_refill_ms === null ? null : { burst: row.cooldown_burst, refillMs: row.cooldown_refill_ms },
    privateByDefault: row.private_by_default === 1,
    forumChannelId: row.forum_channel ?? null,
    updatedAt: row.updated_at
  };
}
function prepare(db) {
  return {
    insert: db.prepare(
      "INSERT INTO unanswered (at, kind, question, article, guild_id, candidate, score) VALUES (@at, @kind, @question, @article, @guildId, @candidate, @score)"
    ),
    purge: db.prepare("DELETE FROM unanswered WHERE at < ?"),
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
    getGuild: db.prepare("SELECT * FROM guild_settings WHERE guild_id = ?"),
    putGuild: db.prepare(`
      INSERT INTO guild_settings (guild_id, default_article, cooldown_burst, cooldown_refill_ms, private_by_default, forum_channel, updated_at)
      VALUES (@guildId, @defaultArticle, @burst, @refillMs, @privateByDefault, @forumChannel, @updatedAt)
      ON CONFLICT (guild_id) DO UPDATE SET
        default_article = excluded.default_article, cooldown_burst = excluded.cooldown_burst,
        cooldown_refill_ms = excluded.cooldown_refill_ms, private_by_default = excluded.private_by_default,
        forum_channel = excluded.forum_channel, updated_at = excluded.updated_at`),
    deleteGuild: db.prepare("DELETE FROM guild_settings WHERE guild_id = ?"),
    dataVersion: db.prepare("PRAGMA data_version").pluck()
  };
}
var SETTINGS_FILE_CHECK_MS = 1e3;
var SETTINGS_CACHE_MAX = 1e4;
function openCuratorStore(options = {}) {
  const log = options.log ?? stderrLog;
  const now = options.now ?? Date.now;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const path = join(dataDir, options.file ?? DATABASE_FILE);
  const retryLockedMs = options.retryLockedMs ?? 6e4;
  let retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  if (!Number.isFinite(retentionDays) || retentionDays <= 0) {
    log.warn(`Curator database: retention of ${retentionDays} days is not a positive number; using ${DEFAULT_RETENTION_DAYS}.`);
    retentionDays = DEFAULT_RETENTION_DAYS;
  }
  let db;
  let stmts;
  let problem;
  let timer;
  let retryTimer;
  let closed = false;
  let lastWarnAt = -Infinity;
  let dropped = 0;
  let inode;
  let openedSize = 0;
  const replays = createReplayMemory(now);
  const settingsCache = /* @__PURE__ */ new Map();
  let cachedVersion;
  let fileCheckedAt = -Infinity;
  const forgetSettings = () => {
    settingsCache.clear();
    cachedVersion = void 0;
  };
  const fileChange = () => {
    try {
      const st = statSync(path);
      if (st.ino !== inode) return "deleted or replaced";
      return st.size === 0 && openedSize > 0 ? "truncated" : void 0;
    } catch {
      return "deleted or replaced";
    }
  };
  const reopen = (change2) => {
    log.warn(`Curator database ${path} was ${change2} while the bot was running; opening a new database there (what it held is gone unless restored).`);
    forgetSettings();
    if (timer) clearInterval(timer);
    timer = void 0;
    stmts = void 0;
    const stale = [`${path}-wal`, `${path}-shm`, ...change2 === "truncated" ? [path] : []];
    if (change2 === "truncated") for (const f of stale) rmSync(f, { force: true });
    try {
      db?.close();
    } catch {
    }
    db = void 0;
    for (const f of stale) rmSync(f, { force: true });
    try {
      connect();
    } catch (err) {
      disable(describeOpenProblem(err, busyTimeoutMs), classify(err));
    }
  };
  const disable = (why, kind) => {
    problem = why;
    forgetSettings();
    log.warn(`Curator database ${path} ${why}; the bot keeps answering but records no unanswered questions and keeps no guild settings (${hint(kind, retryLockedMs)}).`);
    if (timer) clearInterval(timer);
    timer = void 0;
    stmts = void 0;
    try {
      db?.close();
    } catch {
    }
    db = void 0;
  };
  function guard(what, fallback, fn, checkFile = true) {
    const change2 = db && checkFile ? fileChange() : void 0;
    if (change2) reopen(change2);
    if (!db || !stmts) return fallback;
    try {
      return fn(stmts, db);
    } catch (err) {
      const kind = classify(err);
      const message2 = err instanceof Error ? err.message : String(err);
      if (kind === "corrupt") {
        disable(`became unusable while trying to ${what} (${message2})`, kind);
        return fallback;
      }
      dropped += 1;
      const t = now();
      if (t - lastWarnAt >= 6e4) {
        const also = dropped > 1 ? ` (${dropped - 1} earlier failure${dropped === 2 ? "" : "s"} since the last warning)` : "";
        log.warn(`Curator database ${path}: could not ${what}: ${message2}${also}; the bot carries on.`);
        lastWarnAt = t;
        dropped = 0;
      }
      return fallback;
    }
  }
  const purgeExpired = () => guard("purge old unanswered questions", 0, (s) => {
    const { changes } = s.purge.run(now() - retentionDays * DAY_MS);
    if (changes > 0) log.info?.(`Curator database: purged ${changes} unanswered question${changes === 1 ? "" : "s"} older than ${retentionDays} days.`);
    return changes;
  });
  function connect() {
    mkdirSync(dataDir, { recursive: true });
    const handle = new Database(path, { timeout: busyTimeoutMs });
    try {
      handle.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
      handle.pragma("journal_mode = WAL");
      handle.pragma("synchronous = NORMAL");
      const check = handle.pragma("quick_check(1)", { simple: true });
      if (check !== "ok") throw Object.assign(new Error(`integrity check: ${String(check)}`), { code: "SQLITE_CORRUPT" });
      migrate(handle);
      const prepared = prepare(handle);
      const { changes } = prepared.purge.run(now() - retentionDays * DAY_MS);
      if (changes > 0) log.info?.(`Curator database: purged ${changes} unanswered question${changes === 1 ? "" : "s"} older than ${retentionDays} days.`);
      db = handle;
      stmts = prepared;
      ({ ino: inode, size: openedSize } = statSync(path));
      problem = void 0;
      timer = setInterval(purgeExpired, options.purgeIntervalMs ?? DAY_MS);
      timer.unref();
    } catch (err) {
      try {
        handle.close();
      } catch {
      }
      throw err;
    }
  }
  try {
    connect();
  } catch (err) {
    const kind = classify(err);
    disable(describeOpenProblem(err, busyTimeoutMs), kind);
    if (kind === "busy") {
      const retry = setInterval(() => {
        if (closed) return clearInterval(retry);
        try {
          connect();
          clearInterval(retry);
          const msg = `Curator database ${path} is no longer locked; recording unanswered questions again.`;
          if (log.info) log.info(msg);
          else log.warn(msg);
        } catch {
        }
      }, retryLockedMs);
      retry.unref();
      retryTimer = retry;
    }
  }
  return {
    get healthy() {
      return db !== void 0;
    },
    get problem() {
      return problem;
    },
    path,
    shared: false,
    recordUnanswered(entry) {
      guard("record an unanswered question", void 0, (s) => {
        const row = storedEntry(entry, now());
        if (row) s.insert.run(row);
      });
    },
    unansweredReport({ article, limit = 20 } = {}) {
      return guard("read the unanswered report", [], (s) => reportFromRows(s.tallies.all({ article: article ?? null, limit: REPORT_SCAN_LIMIT }), limit));
    },
    guildSettings(guildId) {
      const id = String(guildId);
      const t = Date.now();
      if (stmts && t - fileCheckedAt < SETTINGS_FILE_CHECK_MS && settingsCache.has(id)) {
        const s = stmts;
        const fresh = guard("read guild settings", false, () => s.dataVersion.get() === cachedVersion, false);
        if (fresh) return settingsCache.get(id) ?? void 0;
      }
      return guard("read guild settings", void 0, (s) => {
        fileCheckedAt = t;
        const version = s.dataVersion.get();
        if (version !== cachedVersion) {
          settingsCache.clear();
          cachedVersion = version;
        }
        const row = s.getGuild.get(id);
        const settings = row ? toSettings(row) : void 0;
        if (settingsCache.size >= SETTINGS_CACHE_MAX) settingsCache.clear();
        settingsCache.set(id, settings ?? null);
        return settings;
      });
    },
    updateGuildSettings(guildId, patch) {
      const parsed = GuildSettingsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        log.warn(`Curator database: ignored invalid settings for guild ${guildId}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
        return void 0;
      }
      const p = parsed.data;
      const saved = guard(
        "save guild settings",
        void 0,
        (s, d) => d.transaction(() => {
          const row = s.getGuild.get(String(guildId));
          const current = row ? toSettings(row) : void 0;
          const merged = mergeSettings(String(guildId), current, p, now());
          s.putGuild.run({
            guildId: merged.guildId,
            defaultArticle: merged.defaultArticle,
            burst: merged.cooldown?.burst ?? null,
            refillMs: merged.cooldown?.refillMs ?? null,
            privateByDefault: merged.privateByDefault ? 1 : 0,
            forumChannel: merged.forumChannelId,
            updatedAt: merged.updatedAt
          });
          return merged;
        }).immediate()
      );
      if (saved) settingsCache.set(String(guildId), saved);
      return saved;
    },
    clearGuildSettings(guildId) {
      guard("clear guild settings", void 0, (s) => {
        s.deleteGuild.run(String(guildId));
        settingsCache.set(String(guildId), null);
      });
    },
    purgeExpired,
    // One process per file is the SQLite shape (HTTP_WORKERS share reloads over IPC instead), so
    // replays are remembered in memory and there is nobody to send notices to.
    claimInteraction: (id) => replays.claim(id),
    publish: () => void 0,
    onNotice: () => () => void 0,
    close() {
      closed = true;
      if (timer) clearInterval(timer);
      if (retryTimer) clearInterval(retryTimer);
      timer = retryTimer = void 0;
      stmts = void 0;
      if (db) problem ??= "is closed";
      try {
        db?.close();
      } catch {
      }
      db = void 0;
    }
  };
}

// src/store/open.ts
async function openStore({ databaseUrl, dataDir, retentionDays, log }) {
  if (databaseUrl) {
    try {
      addSecret(decodeURIComponent(new URL(databaseUrl).password));
    } catch {
    }
    const { openPostgresStore } = await import("./postgres-YVB7NWRS.js");
    return openPostgresStore({ url: databaseUrl, ...retentionDays ? { retentionDays } : {}, ...log ? { log } : {} });
  }
  return openCuratorStore({ ...dataDir ? { dataDir } : {}, ...retentionDays ? { retentionDays } : {}, ...log ? { log } : {} });
}

// src/discord/handler.ts
import {
  ApplicationCommandType as ApplicationCommandType3,
  InteractionResponseType,
  InteractionType,
  MessageFlags as MessageFlags2
} from "discord-api-types/v10";

// src/discord/options.ts
function userId(interaction) {
  return interaction.member?.user.id ?? interaction.user?.id;
}

// src/discord/question.ts
var DISCORD_SYNTAX = /<(?:@[!&]?\d+|#\d+|\/[\w -]+:\d+|a?:\w+:\d+|t:-?\d+(?::[a-zA-Z])?)>|@(?:everyone|here)\b/g;
function cleanQuestion(text) {
  return text.replace(DISCORD_SYNTAX, " ").replace(/\s+/g, " ").trim();
}

// src/discord/question-stats.ts
var MAX_QUESTION_CHARS = 120;
var MAX_TRACKED = 5e3;
function normaliseQuestion(text) {
  return cleanQuestion(text).toLowerCase().replace(/[\s?!.]+$/u, "").slice(0, MAX_QUESTION_CHARS).trim();
}
function createQuestionStats(limit = MAX_TRACKED) {
  const counts = /* @__PURE__ */ new Map();
  let total = 0;
  const since = /* @__PURE__ */ new Date();
  const forum = { answered: 0, solved: 0 };
  return {
    recordForum(event) {
      forum[event]++;
    },
    get forum() {
      return { ...forum };
    },
    record(question) {
      const key = normaliseQuestion(question);
      if (!key) return;
      total++;
      const n = counts.get(key);
      if (n !== void 0) {
        counts.set(key, n + 1);
        return;
      }
      if (counts.size >= limit) {
        for (const [k, c] of counts) if (c === 1) counts.delete(k);
        if (counts.size >= limit) return;
      }
      counts.set(key, 1);
    },
    top(n) {
      return [...counts].map(([question, count]) => ({ question, count })).sort((a, b) => b.count - a.count).slice(0, Math.max(0, n));
    },
    get total() {
      return total;
    },
    get distinct() {
      return counts.size;
    },
    since
  };
}

// commands/article.ts
var article_exports = {};
__export(article_exports, {
  autocomplete: () => autocomplete,
  data: () => data,
  execute: () => execute
});

// src/discord/articles.ts
import {
  ApplicationCommandOptionType
} from "discord-api-types/v10";

// src/discord/choices.ts
function toChoices(items) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const item of items) {
    const { name, value } = typeof item === "string" ? { name: item, value: item } : item;
    const n = truncate(oneLine(name), LIMITS.choiceName);
    const v = oneLine(value).slice(0, LIMITS.choiceValue).trim();
    if (!n || !v || seen.has(v)) continue;
    seen.add(v);
    out.push({ name: n, value: v });
    if (out.length === LIMITS.choices) break;
  }
  return out;
}

// src/discord/articles.ts
var ARTICLE_OPTION = "article";
var ALL_ARTICLES = "*";
function articleOption(description = "Which article (default: the server's default article, else all of them).") {
  return { type: ApplicationCommandOptionType.String, name: ARTICLE_OPTION, description, autocomplete: true, max_length: 100 };
}
function libraryOf(ctx) {
  return ctx.library ?? singleEngineLibrary(ctx.engine);
}
function articleChoices(library, typed) {
  const key = oneLine(typed).toLowerCase();
  const text = (a) => `${a.slug} ${a.title} ${a.publisher}`.toLowerCase();
  const starts = library.articles.filter((a) => !key || a.slug.startsWith(key) || a.title.toLowerCase().startsWith(key));
  const contains = key ? library.articles.filter((a) => !starts.includes(a) && text(a).includes(key)) : [];
  return toChoices([...starts, ...contains].map((a) => ({ name: a.title, value: a.slug })));
}
function defaultArticle(ctx, library = libraryOf(ctx)) {
  const slug = ctx.settings?.defaultArticle;
  return slug ? library.articles.find((a) => a.slug === slug) : void 0;
}
function articleScope(value, ctx) {
  const library = libraryOf(ctx);
  const one = (meta, from) => ({ scope: { slug: meta.slug, engine: library.engine(meta.slug), meta, from } });
  const typed = value?.trim();
  if (typed) {
    const meta = library.articles.find((a) => a.slug === typed) ?? library.findArticle(typed);
    return meta ? one(meta, "option") : { reply: unknownArticleReply(typed, library) };
  }
  const fallback = defaultArticle(ctx, library);
  if (fallback) return one(fallback, "default");
  if (library.articles.length === 1) return one(library.articles[0], "only");
  return { scope: { slug: void 0, from: "all" } };
}
function oneArticle(value, ctx, command2) {
  const r = articleScope(value, ctx);
  if ("reply" in r) return r;
  if (r.scope.slug !== void 0) return r.scope;
  return {
    reply: {
      data: libraryReply(libraryOf(ctx), {
        title: "Which article?",
        intro: `\`/${command2}\` shows one article. Choose it with the \`article\` option; a moderator can set a default with \`/settings article\`.`,
        ephemeral: true
      })
    }
  };
}
function libraryLines(library, room = LIMITS.description) {
  const lines = [];
  let used = 0;
  for (const [i, a] of library.articles.entries()) {
    const line = `**${escapeText(truncate(oneLine(a.title), 150))}** \u2014 ${escapeText(truncate(oneLine(a.publisher), 60))} \xB7 \`${a.slug}\``;
    const rest = library.articles.length - i;
    if (used + line.length + 1 > room - 40 && rest > 1) {
      lines.push(`\u2026 and ${rest} more: type in the \`article\` option to find them.`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join("\n");
}
function libraryReply(library, opts) {
  const head = opts.intro ? `${opts.intro}

` : "";
  const embed = {
    title: truncate(opts.title, LIMITS.title),
    description: head + libraryLines(library, LIMITS.description - head.length),
    color: COLOURS.info,
    footer: { text: `${library.articles.length} article${library.articles.length === 1 ? "" : "s"}. Pick one with the article option of any command.` }
  };
  return message({ embeds: [embed], ephemeral: opts.ephemeral });
}
function unknownArticleReply(value, library) {
  return {
    data: libraryReply(library, {
      title: "No such article",
      intro: `There is no article \u201C${escapeText(truncate(oneLine(value), 100))}\u201D in the library. These are the articles I know:`,
      ephemeral: true
    })
  };
}
function enginesIn(scope, library) {
  return scope.slug !== void 0 ? [scope.engine] : library.articles.map((a) => library.engine(a.slug));
}
function withAlsoIn(data10, others) {
  const embed = data10.embeds?.[0];
  if (!embed || others.length === 0) return data10;
  const names = others.slice(0, 5).map((a) => `\u201C${oneLine(a.title)}\u201D`).join(", ") + (others.length > 5 ? ` and ${others.length - 5} more` : "");
  const note = `Also in ${names}: choose with the article option.`;
  const text = embed.footer?.text ? `${embed.footer.text} \xB7 ${note}` : note;
  return { ...data10, embeds: [{ ...embed, footer: { ...embed.footer, text: truncate(plainText(text), LIMITS.footer) } }, ...data10.embeds.slice(1)] };
}

// src/reply/article.ts
function citation(meta) {
  const by = meta.contributors.length > 0 ? `${meta.contributors.join(", ")}. ` : "";
  const date = meta.published ? ` ${meta.published}.` : "";
  const url = meta.url ? ` ${meta.url}` : "";
  return `${by}\u201C${meta.title}.\u201D ${meta.publisher}.${date}${url}`;
}
function articleReply(meta, stats) {
  const fields = [{ name: "Publisher", value: escapeText(meta.publisher), inline: true }];
  if (meta.section.length > 0) fields.push({ name: "Section", value: escapeText(meta.section.join(" \u203A ")), inline: true });
  if (meta.readingTime) fields.push({ name: "Reading time", value: escapeText(meta.readingTime), inline: true });
  if (meta.published) fields.push({ name: "Published", value: meta.published, inline: true });
  if (meta.contributors.length > 0) {
    fields.push({ name: "Contributors", value: fitRendered(meta.contributors.join(", "), escapeText, LIMITS.fieldValue) });
  }
  fields.push({ name: "In the knowledge base", value: `${stats.paragraphs} paragraphs, ${stats.quotes} direct quotes, ${stats.entities} people and organisations` });
  fields.push({ name: "How to cite", value: fitRendered(citation(meta), escapeText, LIMITS.fieldValue) });
  return message({
    embeds: [{
      title: fitRendered(oneLine(meta.title), escapeText, LIMITS.title),
      ...meta.url ? { url: meta.url } : {},
      description: meta.summary ? fitRendered(meta.summary, escapeText, LIMITS.description) : "No summary is available for this article.",
      color: COLOURS.info,
      fields
    }]
  });
}

// commands/kit/define.ts
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType
} from "discord-api-types/v10";

// commands/kit/moderator.ts
import { PermissionFlagsBits } from "discord-api-types/v10";
var REQUIRED_PERMISSION = PermissionFlagsBits.ManageGuild;
function mayManage(interaction) {
  const raw = interaction.member?.permissions;
  if (!raw || !/^\d+$/.test(raw)) return false;
  const bits = BigInt(raw);
  return (bits & PermissionFlagsBits.Administrator) !== 0n || (bits & REQUIRED_PERMISSION) === REQUIRED_PERMISSION;
}

// commands/kit/options.ts
import {
  ApplicationCommandOptionType as OptionType
} from "discord-api-types/v10";
function declared(options, into = /* @__PURE__ */ new Map()) {
  for (const o of options) {
    if (o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup) declared(o.options ?? [], into);
    else into.set(o.name, o.type);
  }
  return into;
}
function fits(type, value) {
  if (type === OptionType.String || type === OptionType.Channel) return typeof value === "string";
  if (type === OptionType.Boolean) return typeof value === "boolean";
  if (type === OptionType.Integer) return typeof value === "number" && Number.isInteger(value);
  if (type === OptionType.Number) return typeof value === "number" && Number.isFinite(value);
  return false;
}
function readArguments(options, interaction) {
  const types = declared(options);
  const out = {};
  const visit = (given) => {
    for (const o of given ?? []) {
      if (o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup) {
        if (o.type === OptionType.Subcommand) out.subcommand = o.name;
        visit(o.options);
      } else if ("value" in o && types.get(o.name) === o.type && fits(o.type, o.value)) out[o.name] = o.value;
    }
  };
  visit(interaction.data.options);
  return out;
}
function focusedOption(interaction) {
  const find = (given) => {
    for (const o of given ?? []) {
      if ("focused" in o && o.focused === true) return { name: o.name, value: String(o.value ?? "") };
      const inner = "options" in o && Array.isArray(o.options) ? find(o.options) : void 0;
      if (inner) return inner;
    }
    return void 0;
  };
  return find(interaction.data.options);
}

// commands/kit/define.ts
var GUILD_AND_DM = { integration_types: [ApplicationIntegrationType.GuildInstall], contexts: [InteractionContextType.Guild, InteractionContextType.BotDM] };
var GUILD_ONLY = { integration_types: [ApplicationIntegrationType.GuildInstall], contexts: [InteractionContextType.Guild] };
function define(spec, head) {
  const options = spec.options ?? [];
  const args = (i) => readArguments(options, i);
  const own = spec.ephemeral;
  return {
    data: {
      type: ApplicationCommandType.ChatInput,
      name: spec.name,
      description: spec.description,
      ...head,
      ...options.length > 0 ? { options } : {}
    },
    ...own ? { ephemeral: (i, ctx) => own(args(i), ctx) } : {},
    execute: (i, ctx) => spec.execute(args(i), ctx, i),
    autocomplete(i, ctx) {
      const focused = focusedOption(i);
      if (focused?.name === ARTICLE_OPTION) return articleChoices(libraryOf(ctx), focused.value);
      return focused && spec.autocomplete ? spec.autocomplete(focused, args(i), ctx) : [];
    },
    ...spec.components ? { components: spec.components } : {}
  };
}
function command(spec) {
  return define(spec, GUILD_AND_DM);
}
function articleCommand(spec) {
  const options = [...spec.options ?? [], articleOption(spec.article)];
  return define({ ...spec, options }, GUILD_AND_DM);
}
var refusal = (text) => ({ data: message({ content: text, ephemeral: true }) });
function moderatorCommand(spec) {
  const defined = define(
    {
      ...spec,
      ephemeral: () => true,
      execute(args, ctx, interaction) {
        if (mayManage(interaction)) return spec.execute(args, ctx, interaction);
        const sub = args.subcommand;
        ctx.log.warn(`/${spec.name} ${sub ?? ""} refused: the member lacks Manage Server (interaction ${interaction.id})`);
        return refusal(`Only members with the **Manage Server** permission can use \`/${spec.name}\`.`);
      }
    },
    { default_member_permissions: String(REQUIRED_PERMISSION), ...GUILD_ONLY }
  );
  return { ...defined, unlimited: mayManage };
}

// commands/article.ts
var { data, execute, autocomplete } = articleCommand({
  name: "article",
  description: "About the article: title, publisher, reading time, contributors, summary and citation.",
  article: "Which article (default: the server's default; without one, the list of articles).",
  execute(args, ctx) {
    const target = articleScope(args.article, ctx);
    if ("reply" in target) return target.reply;
    if (target.scope.slug === void 0) {
      return { data: libraryReply(libraryOf(ctx), { title: "The articles I answer from", ephemeral: false }) };
    }
    const { pack } = target.scope.engine;
    const stats = {
      paragraphs: pack.paragraphs.filter((p) => p.kind === "body").length,
      quotes: pack.quotes.length,
      entities: pack.entities.length
    };
    return { data: articleReply(pack.meta, stats) };
  }
});

// commands/ask.ts
var ask_exports = {};
__export(ask_exports, {
  autocomplete: () => autocomplete2,
  components: () => components,
  data: () => data2,
  ephemeral: () => ephemeral,
  execute: () => execute2,
  questionFromMessage: () => questionFromMessage
});
import { ApplicationCommandOptionType as ApplicationCommandOptionType2, ComponentType as ComponentType2, MessageFlags } from "discord-api-types/v10";

// src/store/record.ts
var LOW_CONFIDENCE_BELOW = RANKING.confidenceBands.medium;
function unansweredKind(answer) {
  if (!answer.found || !answer.answer) return "not-found";
  return answer.answer.score < LOW_CONFIDENCE_BELOW ? "low-confidence" : null;
}
function recordAnswer(store, { question, article, guildId, answer }) {
  try {
    const kind = unansweredKind(answer);
    if (!kind || !store) return kind;
    const top = answer.answer ?? answer.alternatives?.[0] ?? null;
    store.recordUnanswered({
      kind,
      question,
      article: answer.answer?.article || article,
      guildId: guildId ?? null,
      candidate: top?.text ?? null,
      score: top?.score ?? null
    });
    return kind;
  } catch {
    return null;
  }
}
function recordFeedback(store, entry) {
  try {
    store?.recordUnanswered({ kind: "feedback", ...entry });
  } catch {
  }
}

// src/reply/passages.ts
import { ButtonStyle, ComponentType } from "discord-api-types/v10";
function passageField(p) {
  const name = p.score > 0 ? `${p.paragraphLabel} \xB7 ${confidenceHint(p.score).label.split(":")[0]}` : `${p.paragraphLabel} \xB7 ${p.speaker}`;
  return { name: fitRendered(oneLine(name), escapeText, LIMITS.fieldName), value: passageBlock(p, LIMITS.fieldValue - 2) };
}
function moreMatchesReply(passages, meta, opts) {
  const page = passages.slice(0, MATCHES_PER_PAGE);
  const rest = passages.slice(MATCHES_PER_PAGE);
  if (page.length === 0) {
    return message({ content: "No more matches: the article has no other passages for this question.", ephemeral: opts.ephemeral });
  }
  const embed = {
    title: "More matches",
    description: `Other passages of \u201C${escapeText(meta.title)}\u201D that may answer the question.`,
    color: COLOURS.info,
    fields: page.map((p) => passageField(p)),
    footer: { text: plainText(meta.publisher) }
  };
  const buttons = page.filter((p) => askButtonsFit(p.article)).map((p) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: truncate(`Context of ${p.paragraphLabel}`, LIMITS.buttonLabel),
    custom_id: contextId(p.article, p.passageId)
  }));
  const components3 = [{ type: ComponentType.ActionRow, components: [...buttons] }];
  if (rest.length > 0 && askButtonsFit(rest[0].article)) {
    components3[0].components.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: "More matches",
      custom_id: moreMatchesId(rest[0].article, rest.map((p) => p.passageId), "next")
    });
  }
  return message({ embeds: [embed], components: components3[0].components.length > 0 ? components3 : [], ephemeral: opts.ephemeral });
}
function label(what, paragraphLabel) {
  return fitRendered(oneLine(paragraphLabel), (t) => `${what} (${escapeText(t)})`, LIMITS.fieldName);
}
function contextReply(passage, paragraph, neighbours, meta, opts) {
  const fields = [];
  if (neighbours.before) {
    fields.push({ name: label("Before", neighbours.before.label), value: fitRendered(neighbours.before.text, escapeText, LIMITS.fieldValue) });
  }
  if (neighbours.after) {
    fields.push({ name: label("After", neighbours.after.label), value: fitRendered(neighbours.after.text, escapeText, LIMITS.fieldValue) });
  }
  fields.push({ name: "Source", value: sourceLine(meta, paragraph.label) });
  const embed = {
    title: fitRendered(oneLine(paragraph.label), (t) => `Context: ${escapeText(t)}`, LIMITS.title),
    description: fitRendered(paragraph.text, (t) => highlight(t, [passage.text]), LIMITS.description),
    color: COLOURS.info,
    fields
  };
  return message({ embeds: [embed], ephemeral: opts.ephemeral });
}
function findInArticleReply(claim, answer, meta) {
  const shown = fitRendered(oneLine(claim), (t) => `> ${escapeText(t)}`, 300);
  if (!answer.found || !answer.answer) {
    const lines = [shown, "", `**The article does not address this.** ${escapeText(answer.reason ?? "")}`.trim()];
    if (answer.closest) lines.push("", `**${CLOSEST_LEAD}**`, passageBlock(answer.closest, 1200));
    const suggestions = answer.suggestions.slice(0, 3).map((s) => `\u2022 ${escapeText(truncate(oneLine(s), 100))}`);
    if (suggestions.length > 0) lines.push("", "**Related questions it does answer:**", ...suggestions);
    return message({ embeds: [{ title: "Find in article", description: lines.join("\n"), color: COLOURS.miss }], ephemeral: true });
  }
  const passages = [answer.answer, ...answer.alternatives].slice(0, 4);
  const embed = {
    title: "Find in article",
    description: `${shown}

Passages of \u201C${escapeText(meta.title)}\u201D, ${escapeText(meta.publisher)}, that address this claim. Read them before deciding whether they support it.`,
    color: confidenceHint(answer.answer.score, answer.band).colour,
    fields: passages.map((p) => passageField(p))
  };
  return message({ embeds: [embed], ephemeral: true });
}

// commands/kit/answer.ts
function answerAndRecord(ctx, text, opts) {
  const { slug } = opts;
  const library = libraryOf(ctx);
  const answer = library.answer(cleanQuestion(text), { alternatives: opts.alternatives, ...slug ? { article: slug } : {} });
  const best = answer.found ? answer.answer : null;
  const shown = best ?? (opts.closestSource ? answer.closest : null);
  const meta = library.engine(shown?.article ?? slug ?? "")?.pack.meta ?? ctx.engine.pack.meta;
  const alternatives = best ? answer.alternatives.filter((p) => p.article === best.article) : answer.alternatives;
  recordAnswer(ctx.curator, { question: text, article: slug ?? best?.article ?? ALL_ARTICLES, guildId: ctx.guildId ?? null, answer });
  return { answer: { ...answer, alternatives }, meta };
}

// commands/ask.ts
var MAX_QUESTION = 300;
var ALTERNATIVES = MATCHES_PER_PAGE * 3;
function privately(args, ctx) {
  return args.private ?? ctx?.settings?.privateByDefault ?? false;
}
var { data: data2, ephemeral, execute: execute2, autocomplete: autocomplete2 } = articleCommand({
  name: "ask",
  description: "Ask a question about the article; get the passage that answers it and who said it.",
  options: [
    {
      type: ApplicationCommandOptionType2.String,
      name: "question",
      description: `Your question, e.g. "Who did China's foreign minister meet?"`,
      required: true,
      max_length: MAX_QUESTION,
      autocomplete: true
    },
    {
      type: ApplicationCommandOptionType2.Boolean,
      name: "private",
      description: "Only you see the answer (default: everyone sees it, unless the server's settings say private)."
    }
  ],
  article: "Which article to ask (default: the server's default article, else all of them).",
  ephemeral: privately,
  execute(args, ctx) {
    const question = args.question ?? "";
    ctx.questions?.record(question);
    return ask(question, args.article, privately(args, ctx), ctx);
  },
  autocomplete(focused, args, ctx) {
    const target = articleScope(args.article, ctx);
    const slug = "scope" in target ? target.scope.slug : void 0;
    return toChoices(libraryOf(ctx).suggest(cleanQuestion(focused.value), { limit: 25, ...slug ? { article: slug } : {} }));
  }
});
function ask(question, article, isPrivate, ctx) {
  const target = articleScope(article, ctx);
  if ("reply" in target) return target.reply;
  const { slug } = target.scope;
  const { answer, meta } = answerAndRecord(ctx, question, { slug, alternatives: ALTERNATIVES, closestSource: true });
  const searched = slug ? 1 : libraryOf(ctx).articles.length;
  return {
    data: answerReply({ ...answer, question }, meta, { ephemeral: isPrivate, searched, ...slug ? { article: slug } : {} }),
    found: answer.found
  };
}
function pickedQuestion(interaction, ctx) {
  const parsed = parseDidYouMean(interaction.data.custom_id);
  const picked = interaction.data.component_type === ComponentType2.StringSelect ? interaction.data.values[0] : void 0;
  if (!parsed || typeof picked !== "string" || !picked.trim()) return staleButton();
  ctx.questions?.record(picked);
  return ask(picked.slice(0, MAX_QUESTION), parsed.slug || void 0, pickedPrivately(interaction), ctx);
}
function pickedPrivately(interaction) {
  return ((interaction.message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}
function staleButton() {
  return {
    data: message({ content: "This button belongs to an article this bot no longer serves. Ask again with /ask.", ephemeral: true })
  };
}
function morePage(interaction, ctx, update) {
  const parsed = parseAskButton(interaction.data.custom_id);
  const engine = parsed && libraryOf(ctx).engine(parsed.slug);
  if (!parsed || !engine || parsed.kind !== "more" && parsed.kind !== "next") return staleButton();
  const passages = parsed.passageIds.map((id) => engine.passage(id)).filter((p) => p !== void 0);
  return { data: moreMatchesReply(passages, engine.pack.meta, { ephemeral: true }), update };
}
var components = [
  { prefix: "ask:more", ephemeral: () => true, handle: (i, ctx) => morePage(i, ctx, false) },
  { prefix: "ask:next", update: () => true, handle: (i, ctx) => morePage(i, ctx, true) },
  {
    prefix: "ask:ctx",
    ephemeral: () => true,
    handle(interaction, ctx) {
      const parsed = parseAskButton(interaction.data.custom_id);
      const engine = parsed && libraryOf(ctx).engine(parsed.slug);
      if (!parsed || !engine || parsed.kind !== "ctx") return staleButton();
      const passage = engine.passage(parsed.passageId);
      const paragraph = passage && engine.paragraph(passage.paragraph);
      if (!passage || !paragraph) return staleButton();
      const neighbours = { before: engine.paragraph(paragraph.index - 1), after: engine.paragraph(paragraph.index + 1) };
      return { data: contextReply(passage, paragraph, neighbours, engine.pack.meta, { ephemeral: true }) };
    }
  },
  { prefix: "ask:miss", ephemeral: () => true, handle: feedback },
  { prefix: DID_YOU_MEAN, ephemeral: pickedPrivately, handle: pickedQuestion }
];
function questionFromMessage(interaction) {
  const title = interaction.message?.embeds?.[0]?.title ?? "";
  return title.replace(/^“|”$/g, "").replace(/\u200b/g, "").replace(/\\([\\*_~`|[\]>#+\-.])/g, "$1").trim();
}
var pressed = /* @__PURE__ */ new Set();
var MAX_PRESSED = 1e4;
function feedback(interaction, ctx) {
  const parsed = parseAskButton(interaction.data.custom_id);
  if (!parsed || parsed.kind !== "miss") return staleButton();
  const thanks = (text) => ({ data: message({ content: text, ephemeral: true }) });
  const key = `${interaction.message?.id ?? ""}:${interaction.member?.user.id ?? interaction.user?.id ?? ""}`;
  if (pressed.has(key)) return thanks("Already noted for the moderators. Thanks!");
  pressed.add(key);
  if (pressed.size > MAX_PRESSED) pressed.delete(pressed.values().next().value);
  const question = questionFromMessage(interaction);
  const passage = libraryOf(ctx).engine(parsed.slug)?.passage(parsed.passageId);
  if (question) {
    recordFeedback(ctx.curator, { question, article: parsed.slug, guildId: ctx.guildId ?? null, candidate: passage?.text ?? null, score: confidenceOf(interaction) });
  }
  return thanks("Thanks, noted for the moderators.");
}
function confidenceOf(interaction) {
  const field = interaction.message?.embeds?.[0]?.fields?.find((f) => f.name === "Confidence");
  const pct = field && /\((\d{1,3})%\)/.exec(field.value)?.[1];
  return pct ? Number(pct) / 100 : null;
}

// commands/find-in-article.ts
var find_in_article_exports = {};
__export(find_in_article_exports, {
  data: () => data3,
  ephemeral: () => ephemeral2,
  execute: () => execute3
});
import {
  ApplicationCommandType as ApplicationCommandType2,
  ApplicationIntegrationType as ApplicationIntegrationType2,
  InteractionContextType as InteractionContextType2
} from "discord-api-types/v10";
var MAX_CLAIM = 1e3;
var data3 = {
  type: ApplicationCommandType2.Message,
  name: "Find in article",
  integration_types: [ApplicationIntegrationType2.GuildInstall],
  contexts: [InteractionContextType2.Guild]
};
var ephemeral2 = () => true;
function execute3(interaction, ctx) {
  const target = interaction.data.resolved.messages[interaction.data.target_id];
  const text = [target?.content ?? "", ...(target?.embeds ?? []).flatMap((e) => [e.title ?? "", e.description ?? ""])].join("\n").trim();
  if (!text) {
    return { data: message({ content: "That message has no text to check against the article.", ephemeral: true }), found: false };
  }
  const claim = text.slice(0, MAX_CLAIM);
  const library = libraryOf(ctx);
  const slug = defaultArticle(ctx, library)?.slug ?? (library.articles.length === 1 ? library.articles[0].slug : void 0);
  const { answer, meta } = answerAndRecord(ctx, claim, { slug, alternatives: 3 });
  return { data: findInArticleReply(claim, answer, meta), found: answer.found };
}

// commands/forum-post.ts
import { ButtonStyle as ButtonStyle2, ComponentType as ComponentType3 } from "discord-api-types/v10";

// src/discord/forum/channel-api.ts
function forumTags(channel) {
  const tags = channel?.available_tags;
  return Array.isArray(tags) ? tags.filter((t) => typeof t?.id === "string" && typeof t?.name === "string") : [];
}
function solvedTag(tags) {
  return tags.find((t) => t.name.trim().toLowerCase() === "solved");
}

// commands/forum-post.ts
var SOLVED_ID = "forum:solved";
var MAX_TAGS = 5;
function answerPost(questions, ctx) {
  const library = libraryOf(ctx);
  const slug = ctx.settings?.defaultArticle ?? void 0;
  const scope = slug && library.engine(slug) ? { article: slug } : {};
  let chosen;
  for (const question2 of questions) {
    const answer2 = library.answer(cleanQuestion(question2), { alternatives: MATCHES_PER_PAGE * 3, ...scope });
    if (!chosen || answer2.found && (!chosen.answer.found || (answer2.answer?.score ?? 0) > (chosen.answer.answer?.score ?? 0))) chosen = { question: question2, answer: answer2 };
  }
  if (!chosen) return { data: message({ content: "This post has no question to look up in the article." }), found: false };
  const { question, answer } = chosen;
  const best = answer.found ? answer.answer : null;
  const meta = library.engine((best ?? answer.closest)?.article ?? slug ?? "")?.pack.meta ?? ctx.engine.pack.meta;
  const alternatives = best ? answer.alternatives.filter((p) => p.article === best.article) : answer.alternatives;
  recordAnswer(ctx.curator, { question, article: scope.article ?? best?.article ?? ALL_ARTICLES, guildId: ctx.guildId ?? null, answer });
  const searched = scope.article ? 1 : library.articles.length;
  const data10 = answerReply({ ...answer, question, alternatives }, meta, { ephemeral: false, searched });
  return { data: answer.found ? withForumButtons(data10) : data10, found: answer.found };
}
function withForumButtons(data10) {
  const solved = { type: ComponentType3.Button, style: ButtonStyle2.Success, label: "This answered it", custom_id: SOLVED_ID };
  const kept = [];
  for (const row2 of data10.components ?? []) {
    if (row2.type !== ComponentType3.ActionRow) continue;
    for (const c of row2.components) if (keepInForum(c)) kept.push(c);
  }
  const row = { type: ComponentType3.ActionRow, components: [solved, ...kept].slice(0, 5) };
  return { ...data10, components: [row] };
}
function keepInForum(c) {
  return c.type === ComponentType3.Button && "custom_id" in c && typeof c.custom_id === "string" && !c.custom_id.startsWith("ask:ctx");
}
var privately2 = (content) => ({ data: message({ content, ephemeral: true }) });
async function markSolved(interaction, ctx) {
  const api = ctx.discord;
  if (!api) return privately2("This bot cannot change tags from here (it runs without a bot token). A moderator can add the Solved tag by hand.");
  const presser = interaction.member?.user.id ?? interaction.user?.id;
  const threadId = interaction.channel_id ?? interaction.channel?.id;
  if (!threadId) return privately2("This button only works on an answer in a forum post.");
  let thread;
  let forum;
  try {
    thread = await api.getChannel(threadId);
    if (presser !== thread.owner_id && !mayManage(interaction)) {
      return privately2("Only the member who opened this post, or a moderator, can mark it solved.");
    }
    forum = thread.parent_id ? await api.getChannel(thread.parent_id) : void 0;
  } catch (err) {
    ctx.log.warn(`Could not read the forum post for "This answered it" (interaction ${interaction.id}): ${String(err)}`);
    return privately2("I could not read this post to mark it solved. Please try again in a moment.");
  }
  const tag = solvedTag(forumTags(forum));
  const applied = Array.isArray(thread.applied_tags) ? thread.applied_tags : [];
  if (tag && applied.includes(tag.id)) return privately2("This post is already marked solved.");
  ctx.questions?.recordForum("solved");
  if (!tag) return privately2('Glad it helped! This forum has no tag named "Solved", so the post is unchanged; a moderator can create one.');
  if (applied.length >= MAX_TAGS) return privately2(`Glad it helped! The post already has ${MAX_TAGS} tags, Discord's limit, so the Solved tag could not be added.`);
  try {
    await api.editChannel(threadId, { applied_tags: [...applied, tag.id] });
  } catch (err) {
    ctx.log.warn(`Could not apply the Solved tag (interaction ${interaction.id}): ${String(err)}`);
    return privately2("I could not apply the Solved tag: the bot needs the Manage Threads permission in this forum.");
  }
  return privately2("Marked this post as solved. Thanks!");
}
var components2 = [{ prefix: SOLVED_ID, ephemeral: () => true, handle: markSolved }];

// commands/help.ts
var help_exports = {};
__export(help_exports, {
  data: () => data4,
  ephemeral: () => ephemeral3,
  execute: () => execute4
});

// src/reply/help.ts
function helpReply(meta, opts = {}) {
  const articles = opts.articles ?? 1;
  const lines = [
    articles > 1 ? `I answer questions about ${articles} news articles (\`/article\` lists them). Every answer is a passage from one of them, with who said it, where, and which article it came from. Every command takes an \`article\` option to ask one article; without it, \`/ask\` searches them all.` : `I answer questions about one article: \u201C${fitRendered(oneLine(meta.title), escapeText, 300)}\u201D (${fitRendered(oneLine(meta.publisher), escapeText, 100)}). Every answer is a passage from the article, with who said it and where.`,
    "",
    "**/ask** `question` \u2014 the passage that answers it. Set `private` to see it alone.",
    "e.g. `/ask question: Who did China's foreign minister meet?`",
    "**/quote** `speaker` `topic` \u2014 the direct quotes, with speaker, role and setting.",
    "e.g. `/quote speaker: Putin`",
    "**/who** `name` \u2014 a person or organisation: role, aliases, and where they appear.",
    "e.g. `/who name: Prigozhin`",
    "**/timeline** \u2014 the dated events in order.",
    "**/article** \u2014 title, publisher, reading time, summary and how to cite it.",
    "**Find in article** \u2014 right-click a message \u2192 Apps \u2192 Find in article: the passages that address its claim (only you see it).",
    "",
    "If the article does not cover something, I say so instead of guessing. **This didn't answer me** under an answer tells the moderators.",
    "Moderators (Manage Server): `/settings` (default article, cooldown, private answers) and `/kb` (reload, stats, unanswered questions)."
  ];
  return message({ embeds: [{ title: "What I can do", description: lines.join("\n"), color: COLOURS.info }], ephemeral: true });
}

// commands/help.ts
var { data: data4, ephemeral: ephemeral3, execute: execute4 } = command({
  name: "help",
  description: "What this bot can do, with examples.",
  ephemeral: () => true,
  execute: (_args, { engine, library }) => ({ data: helpReply(engine.pack.meta, { articles: library?.articles.length ?? 1 }) })
});

// commands/kb.ts
var kb_exports = {};
__export(kb_exports, {
  autocomplete: () => autocomplete3,
  data: () => data5,
  ephemeral: () => ephemeral4,
  execute: () => execute5,
  unlimited: () => unlimited
});
import { ApplicationCommandOptionType as ApplicationCommandOptionType3 } from "discord-api-types/v10";

// src/reply/kb.ts
var TOP_QUESTIONS = 10;
function shortenPaths(text) {
  return text.replace(/(?:\/[^\s/:'"`]+)+\/([^\s/:'"`]+\/[^\s/:'"`]+)/g, "\u2026/$1");
}
var unix = (d) => Math.floor(d.getTime() / 1e3);
function kbStatsReply(s, top, totals, extra = {}) {
  const c = s.counts;
  const fields = [
    { name: "Articles", value: String(c.articles), inline: true },
    { name: "Passages", value: String(c.passages), inline: true },
    { name: "Entities", value: String(c.entities), inline: true },
    { name: "Quotes", value: String(c.quotes), inline: true },
    { name: "Paragraphs", value: String(c.paragraphs), inline: true },
    { name: "Facts", value: String(c.facts), inline: true },
    { name: "Load time", value: `${s.loadMs.toFixed(0)} ms`, inline: true }
  ];
  let list = `Since <t:${unix(totals.since)}:R>: ${totals.total} asked, ${totals.distinct} different.`;
  if (top.length === 0) list += "\nNo questions yet.";
  for (const [i, q] of top.entries()) {
    const line = `${i + 1}. ${q.count}\xD7 ${escapeText(oneLine(q.question))}`;
    if (list.length + line.length + 1 > LIMITS.fieldValue) break;
    list += `
${line}`;
  }
  fields.push({ name: "Top questions", value: list });
  if (totals.forum) fields.push({ name: "Forum posts", value: `${totals.forum.answered} answered, ${totals.forum.solved} marked solved with "This answered it".` });
  if (s.skipped.length > 0) {
    const lines = s.skipped.map((p) => `\u2022 ${escapeText(oneLine(shortenPaths(p.message)))}`);
    fields.push({ name: `Skipped packs (${s.skipped.length})`, value: truncate(lines.join("\n"), LIMITS.fieldValue) });
  }
  if (extra.database) fields.push({ name: "Unanswered-question log", value: truncate(escapeText(oneLine(shortenPaths(extra.database))), LIMITS.fieldValue) });
  const title = c.articles > 1 ? `Knowledge: ${c.articles} articles` : `Knowledge: ${oneLine(s.engine.pack.meta.title)}`;
  return message({
    ephemeral: true,
    embeds: [
      {
        title: truncate(title, LIMITS.title),
        description: `Generation ${s.generation}, loaded <t:${unix(s.loadedAt)}:R> from \`${neutraliseMentions(truncate(oneLine(shortenPaths(s.source)), 300)).replace(/`/g, "'")}\`.`,
        color: COLOURS.info,
        fields
      }
    ]
  });
}
function skippedNote(skipped) {
  if (skipped.length === 0) return "";
  const head = `
${skipped.length} pack${skipped.length === 1 ? " was" : "s were"} skipped (invalid; the others serve):
`;
  return head + codeBlock(skipped.map((p) => p.message).join("\n"), 1500 - head.length);
}
function codeBlock(text, room) {
  const body = truncate(neutraliseMentions(shortenPaths(text)).replace(/`/g, "\u02CB"), Math.max(1, room - 8));
  return `\`\`\`
${body}
\`\`\``;
}
function kbReloadReply(result) {
  if (result.ok) {
    const { snapshot: s, previous: p } = result;
    const c = s.counts;
    return message({
      ephemeral: true,
      content: `Reloaded the knowledge in ${s.loadMs.toFixed(0)} ms (generation ${p.generation} \u2192 ${s.generation}): ${c.articles > 1 || p.counts.articles > 1 ? `${c.articles} articles (was ${p.counts.articles}), ` : ""}${c.passages} passages, ${c.entities} entities, ${c.quotes} quotes (was ${p.counts.passages}, ${p.counts.entities}, ${p.counts.quotes}). New questions are answered from it now; answers already in progress finish with the old one.` + skippedNote(s.skipped)
    });
  }
  const head = `Reload failed: nothing changed, still serving the knowledge loaded <t:${unix(result.snapshot.loadedAt)}:R> (generation ${result.snapshot.generation}).
`;
  return message({ ephemeral: true, content: head + codeBlock(result.message, LIMITS.content - head.length) });
}

// src/reply/unanswered.ts
var UNANSWERED_SHOWN = 15;
var KIND_LABELS = { "not-found": "not found", "low-confidence": "low confidence", feedback: "didn't answer" };
function kinds(k) {
  return Object.entries(k).filter(([, n]) => (n ?? 0) > 0).map(([kind, n]) => `${KIND_LABELS[kind] ?? kind} ${n}`).join(", ");
}
function unansweredReply(groups, opts) {
  const where = opts.article ? ` about \u201C${oneLine(opts.article)}\u201D` : "";
  if (opts.problem) {
    return message({
      ephemeral: true,
      content: truncate(`The curator database is not available, so no unanswered questions are being recorded: it ${escapeText(oneLine(opts.problem))}. The bot keeps answering; an operator should look at the log.`, LIMITS.content)
    });
  }
  if (groups.length === 0) {
    return message({ ephemeral: true, content: escapeText(`No unanswered questions recorded${where} yet.`) });
  }
  const article = (slug) => slug === "*" ? "all articles" : opts.titleOf(slug) ?? slug;
  const lines = [];
  let used = 0;
  const shown = groups.slice(0, UNANSWERED_SHOWN);
  for (const [i, g] of shown.entries()) {
    const wordings = g.variants > 1 ? ` \xB7 ${g.variants} wordings` : "";
    const line = `${i + 1}. **${g.count}\xD7** ${escapeText(truncate(oneLine(g.representative), 200))}
   ${escapeText(truncate(oneLine(article(g.article)), 80))} \xB7 ${kinds(g.kinds)}${wordings} \xB7 last <t:${Math.floor(g.lastSeen / 1e3)}:R>`;
    if (used + line.length + 1 > LIMITS.description - 60) {
      lines.push(`\u2026 ${groups.length - i} more: \`npm run report\` prints them all.`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return message({
    ephemeral: true,
    embeds: [
      {
        // An article title comes from a pack (an ingested page may hold anything): escaped like the rest.
        title: fitRendered(`Unanswered questions${where}`, escapeText, LIMITS.title),
        description: lines.join("\n"),
        color: COLOURS.info,
        footer: {
          text: `Most asked first; similar wordings grouped. ${groups.length > shown.length ? `${shown.length} of ${groups.length} groups shown; ` : ""}npm run report prints the full table.`
        }
      }
    ]
  });
}

// src/runtime/replica-reloads.ts
import { randomUUID } from "node:crypto";
var CONFIRM_WAIT_MS = 1500;
var FROM_REPLICA = ", from another replica";
function shareReloadsOverStore(knowledge, store, log) {
  if (!store.shared) return void 0;
  const byOrigin = /* @__PURE__ */ new Map();
  const byId = /* @__PURE__ */ new Map();
  const offReload = knowledge.onReload((result, origin) => {
    if (!result.ok || origin.includes(FROM_REPLICA) || origin.includes("relayed from")) return;
    const pending = { id: randomUUID(), confirmed: 0, failed: 0, replicas: store.peers?.() ?? Promise.resolve(void 0), changed: () => void 0 };
    byOrigin.set(origin, pending);
    byId.set(pending.id, pending);
    setTimeout(() => {
      byId.delete(pending.id);
      if (byOrigin.get(origin) === pending) byOrigin.delete(origin);
    }, CONFIRM_WAIT_MS * 4).unref();
    store.publish({ kind: "reload", id: pending.id, from: "", origin });
  });
  const offNotice = store.onNotice((n) => {
    if (n.kind === "reload") {
      void (async () => {
        const result = await reloadAndLog(knowledge, log, `${n.origin ?? "reload"}${FROM_REPLICA}`);
        store.publish({ kind: "reloaded", id: n.id, from: "", ok: result.ok, generation: result.snapshot.generation });
      })();
    } else if (n.kind === "reloaded") {
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
      if (!p) return void 0;
      const replicas = await p.replicas;
      const done = () => replicas !== void 0 && p.confirmed + p.failed >= replicas;
      if (!done()) {
        await new Promise((resolve2) => {
          const timer = setTimeout(resolve2, CONFIRM_WAIT_MS);
          p.changed = () => {
            if (done()) {
              clearTimeout(timer);
              resolve2();
            }
          };
        });
      }
      return { confirmed: p.confirmed, failed: p.failed, replicas };
    },
    stop() {
      offReload();
      offNotice();
    }
  };
}
function describeConfirmations(c) {
  const of = c.replicas !== void 0 ? ` of ${c.replicas}` : "";
  const failed = c.failed ? `; ${c.failed} failed (see their logs) and keep their knowledge` : "";
  const missing = c.replicas !== void 0 && c.confirmed + c.failed < c.replicas ? `; ${c.replicas - c.confirmed - c.failed} did not answer within ${CONFIRM_WAIT_MS / 1e3} s` : "";
  return `Other replicas on the shared database: ${c.confirmed}${of} confirmed the reload${failed}${missing}.`;
}

// src/reply/replicas.ts
function withConfirmations(data10, c) {
  return c ? { ...data10, content: truncate(`${data10.content ?? ""}
${describeConfirmations(c)}`, LIMITS.content) } : data10;
}

// commands/kb.ts
var { data: data5, ephemeral: ephemeral4, execute: execute5, autocomplete: autocomplete3, unlimited } = moderatorCommand({
  name: "kb",
  description: "Moderators: reload the knowledge, show its statistics, or the questions it could not answer.",
  options: [
    { type: ApplicationCommandOptionType3.Subcommand, name: "reload", description: "Load the knowledge files again; the old knowledge stays if they are invalid." },
    { type: ApplicationCommandOptionType3.Subcommand, name: "stats", description: "Passages, entities, quotes, load time and the top questions since start." },
    {
      type: ApplicationCommandOptionType3.Subcommand,
      name: "unanswered",
      description: "The most frequent questions the bot could not answer well, similar wordings grouped.",
      options: [articleOption("Only questions about this article (default: all).")]
    }
  ],
  execute(args, ctx) {
    if (args.subcommand === "reload") {
      if (!ctx.knowledge) return refusal("This bot was started without reloadable knowledge.");
      const origin = "/kb reload";
      const result = ctx.knowledge.reload(origin);
      logReload(ctx.log, result, origin);
      const data10 = kbReloadReply(result);
      if (!result.ok || !ctx.replicas) return { data: data10 };
      return ctx.replicas.confirmations(origin).then((c) => ({ data: withConfirmations(data10, c) }));
    }
    if (args.subcommand === "stats") {
      const snapshot = ctx.knowledge?.current() ?? ctx.snapshot;
      if (!snapshot) return refusal("No knowledge statistics are available.");
      const q = ctx.questions;
      const database = !ctx.curator ? "not configured" : ctx.curator.healthy ? "recording" : `not available: it ${ctx.curator.problem ?? "cannot be used"}`;
      return {
        data: kbStatsReply(snapshot, q?.top(TOP_QUESTIONS) ?? [], { total: q?.total ?? 0, distinct: q?.distinct ?? 0, since: q?.since ?? snapshot.loadedAt, ...q ? { forum: q.forum } : {} }, { database })
      };
    }
    if (args.subcommand === "unanswered") return unanswered(args.article?.trim(), ctx);
    return refusal("Unknown /kb subcommand. Use `/kb reload`, `/kb stats` or `/kb unanswered`.");
  }
});
async function unanswered(value, ctx) {
  const library = libraryOf(ctx);
  const meta = value ? library.articles.find((a) => a.slug === value) ?? library.findArticle(value) : void 0;
  if (value && !meta && !/^[a-z0-9-]{1,100}$/.test(value)) return unknownArticleReply(value, library);
  const slug = meta?.slug ?? value;
  const curator = ctx.curator;
  const problem = !curator ? "is not configured in this process" : curator.healthy ? void 0 : curator.problem ?? "cannot be used";
  const groups = curator && !problem ? await curator.unansweredReport({ ...slug ? { article: slug } : {}, limit: 50 }) : [];
  const titleOf = (s) => library.articles.find((a) => a.slug === s)?.title;
  return { data: unansweredReply(groups, { ...slug ? { article: meta?.title ?? slug } : {}, titleOf, ...problem ? { problem } : {} }) };
}

// commands/quote.ts
var quote_exports = {};
__export(quote_exports, {
  autocomplete: () => autocomplete4,
  data: () => data6,
  execute: () => execute6
});
import { ApplicationCommandOptionType as ApplicationCommandOptionType4 } from "discord-api-types/v10";

// src/reply/quotes.ts
var MAX_QUOTES = 10;
function quotesReply(quotes, entities, meta, filter, paragraphLabel) {
  const asked = [filter.speaker && `speaker \u201C${oneLine(filter.speaker)}\u201D`, filter.topic && `topic \u201C${oneLine(filter.topic)}\u201D`].filter(Boolean).join(" and ");
  if (quotes.length === 0) {
    const speakers = [...new Set([...entities.values()].map((e) => e.name))].slice(0, 10).map(escapeText).join(", ");
    const description = `The article has no direct quote${asked ? ` for ${escapeText(truncate(asked, 200))}` : ""}.` + (speakers ? `
Try /quote with no options to list them all.` : "");
    return message({ embeds: [{ title: "No matching quotes", description, color: COLOURS.miss }] });
  }
  const fields = quotes.slice(0, MAX_QUOTES).map((q) => {
    const speaker = entities.get(q.speaker)?.name ?? q.speaker;
    const tail = `
\u2014 ${escapeText(speaker)}, ${escapeText(q.role)}; ${escapeText(q.setting)} (${escapeText(paragraphLabel(q.paragraph))})`;
    const room = LIMITS.fieldValue - Math.min(tail.length, 400);
    return {
      name: fitRendered(oneLine(`${speaker} (${q.role})`), escapeText, LIMITS.fieldName),
      value: fitRendered(q.text, (t) => `\u201C${escapeText(t)}\u201D`, room) + truncate(tail, 400)
    };
  });
  const embed = {
    title: asked ? truncate(`Quotes: ${asked}`, LIMITS.title) : "Direct quotes in the article",
    description: `From \u201C${escapeText(meta.title)}\u201D, ${escapeText(meta.publisher)}.`,
    color: COLOURS.info,
    fields,
    footer: { text: quotes.length > MAX_QUOTES ? `${MAX_QUOTES} of ${quotes.length} quotes shown: narrow with speaker or topic.` : `${quotes.length} quote${quotes.length === 1 ? "" : "s"}` }
  };
  embed.title = fitRendered(embed.title, escapeText, LIMITS.title);
  return message({ embeds: [embed] });
}

// commands/quote.ts
function entityMap(entities) {
  return new Map(entities.map((e) => [e.id, e]));
}
var { data: data6, execute: execute6, autocomplete: autocomplete4 } = articleCommand({
  name: "quote",
  description: "The direct quotes in the article, with who said them, their role and the setting.",
  options: [
    { type: ApplicationCommandOptionType4.String, name: "speaker", description: "Who said it (pick from the list or type a name).", autocomplete: true, max_length: 100 },
    { type: ApplicationCommandOptionType4.String, name: "topic", description: 'Words the quote is about, e.g. "stability".', max_length: 100 }
  ],
  article: "Which article (default: the server's default article, else all of them).",
  execute(args, ctx) {
    const speaker = args.speaker?.trim() || void 0;
    const topic = args.topic?.trim() || void 0;
    const filter = { ...speaker ? { speaker } : {}, ...topic ? { topic } : {} };
    const target = articleScope(args.article, ctx);
    if ("reply" in target) return target.reply;
    const library = libraryOf(ctx);
    const reply = (engine, quotes = engine.quotes(filter)) => quotesReply(quotes, entityMap(engine.pack.entities), engine.pack.meta, filter, (i) => engine.paragraph(i)?.label ?? `\xB6${i}`);
    if (target.scope.slug !== void 0) return { data: reply(target.scope.engine) };
    if (!speaker && !topic) {
      const one = oneArticle(void 0, ctx, "quote");
      return "reply" in one ? one.reply : { data: reply(one.engine) };
    }
    const hits = enginesIn(target.scope, library).map((engine) => ({ engine, quotes: engine.quotes(filter) })).filter((h) => h.quotes.length > 0).sort((a, b) => b.quotes.length - a.quotes.length);
    if (hits.length === 0) {
      const asked = [speaker && `speaker \u201C${oneLine(speaker)}\u201D`, topic && `topic \u201C${oneLine(topic)}\u201D`].filter(Boolean).join(" and ");
      const description = `None of the ${library.articles.length} articles has a direct quote for ${escapeText(truncate(asked, 200))}.`;
      return { data: message({ embeds: [{ title: "No matching quotes", description, color: COLOURS.miss }] }) };
    }
    const [best, ...others] = hits;
    return { data: withAlsoIn(reply(best.engine, best.quotes), others.map((h) => h.engine.pack.meta)) };
  },
  autocomplete(focused, args, ctx) {
    const typed = focused.value.trim().toLowerCase();
    const target = articleScope(args.article, ctx);
    const engines = "scope" in target ? enginesIn(target.scope, libraryOf(ctx)) : [];
    const matches = [];
    for (const engine of engines) {
      const quoted = new Set(engine.quotes().map((q) => q.speaker));
      const speakers = engine.pack.entities.filter((e) => quoted.has(e.id));
      const found2 = speakers.filter((e) => !typed || [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(typed)));
      if (found2.length === 0 && typed) {
        const guess = engine.findEntity(typed);
        if (guess && quoted.has(guess.id)) found2.push(guess);
      }
      matches.push(...found2);
    }
    return toChoices(matches.map((e) => ({ name: `${e.name} (${e.role})`, value: e.id })));
  }
});

// commands/settings.ts
var settings_exports = {};
__export(settings_exports, {
  MAX_BURST: () => MAX_BURST,
  MAX_REFILL_MS: () => MAX_REFILL_MS,
  autocomplete: () => autocomplete5,
  data: () => data7,
  ephemeral: () => ephemeral5,
  execute: () => execute7,
  unlimited: () => unlimited2
});
import { ApplicationCommandOptionType as ApplicationCommandOptionType5, ChannelType } from "discord-api-types/v10";
var MAX_REFILL_MS = 24 * 60 * 60 * 1e3;
var MAX_BURST = 1e3;
var OPTIONS = [
  { type: ApplicationCommandOptionType5.Subcommand, name: "show", description: "This server's settings." },
  {
    type: ApplicationCommandOptionType5.Subcommand,
    name: "article",
    description: "The article commands use without an article option; leave empty for all articles.",
    options: [articleOption("The default article (empty: /ask searches every article).")]
  },
  {
    type: ApplicationCommandOptionType5.Subcommand,
    name: "cooldown",
    description: "Commands a member may send back to back, then one per refill; both empty: the bot's default.",
    options: [
      { type: ApplicationCommandOptionType5.Integer, name: "burst", description: `Commands back to back, 0 to ${MAX_BURST} (0 turns the cooldown off).`, min_value: 0, max_value: MAX_BURST },
      { type: ApplicationCommandOptionType5.Integer, name: "refill_ms", description: "Milliseconds until one more command is allowed after the burst.", min_value: 1, max_value: MAX_REFILL_MS }
    ]
  },
  {
    type: ApplicationCommandOptionType5.Subcommand,
    name: "private",
    description: "Whether answers are only shown to the member who asked, unless they choose otherwise.",
    options: [{ type: ApplicationCommandOptionType5.Boolean, name: "enabled", description: "True: answers are private by default.", required: true }]
  },
  {
    type: ApplicationCommandOptionType5.Subcommand,
    name: "forum",
    description: "The Q&A forum whose new posts the bot answers in their thread; leave empty to turn it off.",
    options: [
      { type: ApplicationCommandOptionType5.Channel, name: "channel", description: "A forum channel (empty: the bot answers no forum posts).", channel_types: [ChannelType.GuildForum] }
    ]
  }
];
function describeCooldown(c) {
  if (!c) return "The bot's default.";
  if (c.burst === 0) return "Off: members are not rate limited in this server.";
  return `${c.burst} command${c.burst === 1 ? "" : "s"} back to back, then one every ${c.refillMs} ms.`;
}
function settingsReply(ctx, settings, headline) {
  const library = libraryOf(ctx);
  const slug = settings?.defaultArticle ?? null;
  const meta = slug ? library.articles.find((a) => a.slug === slug) : void 0;
  const article = !slug ? library.articles.length > 1 ? "None: `/ask` searches every article; `/timeline` asks which one." : "None (the library has one article)." : meta ? `${escapeText(truncate(oneLine(meta.title), 200))} (\`${slug}\`)` : `\`${slug}\`, which is no longer in the library: commands behave as if none were set.`;
  const fields = [
    { name: "Default article", value: article },
    { name: "Cooldown", value: describeCooldown(settings?.cooldown ?? null) },
    { name: "Private by default", value: settings?.privateByDefault ? "Yes: answers are shown only to the member who asked." : "No: answers are public unless `private` is set." },
    { name: "Q&A forum", value: forumLine(settings?.forumChannelId ?? null) }
  ];
  return { data: message({ ephemeral: true, embeds: [{ title: headline, color: COLOURS.info, fields }] }) };
}
function forumLine(id) {
  if (!id) return "None: forum posts are not answered automatically.";
  return `<#${id}>: the bot answers each new post there in its thread (the gateway bot only; see the README).`;
}
function forumChoice(id, interaction) {
  if (id === void 0) return { id: null };
  if (!/^\d{1,20}$/.test(id)) return refusal("Choose a forum channel.");
  const resolved = interaction.data.resolved?.channels?.[id];
  if (resolved && resolved.type !== ChannelType.GuildForum) return refusal("That is not a forum channel. Choose a forum (a channel where each post is a thread).");
  return { id };
}
var { data: data7, ephemeral: ephemeral5, execute: execute7, autocomplete: autocomplete5, unlimited: unlimited2 } = moderatorCommand({
  name: "settings",
  description: "Moderators: this server's default article, cooldown, private answers and Q&A forum.",
  options: OPTIONS,
  execute: (args, ctx, interaction) => change(args, ctx, interaction)
});
async function change(args, ctx, interaction) {
  const sub = args.subcommand;
  const guildId = ctx.guildId ?? interaction.guild_id;
  if (!guildId) return refusal("`/settings` applies to a server: use it in one.");
  const store = ctx.curator;
  if (!store?.healthy) {
    const why = store?.problem ? `: it ${escapeText(truncate(oneLine(store.problem), 300))}` : "";
    return refusal(`Settings cannot be read or saved because the bot's database is not available${why}. The bot keeps answering with its defaults.`);
  }
  if (sub === "show" || sub === void 0) return settingsReply(ctx, store.guildSettings(guildId), "Settings for this server");
  let patch;
  if (sub === "article") {
    const typed = args.article?.trim() ?? "";
    const library = libraryOf(ctx);
    const meta = typed ? library.articles.find((a) => a.slug === typed) ?? library.findArticle(typed) : void 0;
    if (typed && !meta) return unknownArticleReply(typed, library);
    patch = { defaultArticle: meta?.slug ?? null };
  } else if (sub === "cooldown") {
    const { burst, refill_ms: refillMs } = args;
    const current = store.guildSettings(guildId)?.cooldown;
    if (burst === void 0 && refillMs === void 0) patch = { cooldown: null };
    else {
      const b = burst ?? current?.burst ?? DEFAULT_BURST;
      const r = refillMs ?? current?.refillMs ?? DEFAULT_REFILL_MS;
      if (b < 0 || b > MAX_BURST || r < 1 || r > MAX_REFILL_MS) return refusal(`burst must be 0 to ${MAX_BURST} and refill_ms 1 to ${MAX_REFILL_MS}.`);
      patch = { cooldown: { burst: b, refillMs: r } };
    }
  } else if (sub === "private") {
    if (args.enabled === void 0) return refusal("Say `enabled: True` or `enabled: False`.");
    patch = { privateByDefault: args.enabled };
  } else if (sub === "forum") {
    const choice = forumChoice(args.channel, interaction);
    if ("data" in choice) return choice;
    patch = { forumChannelId: choice.id };
  } else {
    return refusal("Unknown /settings subcommand. Use `/settings show`, `article`, `cooldown`, `private` or `forum`.");
  }
  const saved = await store.updateGuildSettings(guildId, patch);
  if (!saved) return refusal("The setting could not be saved (the database refused it; see the bot log). Nothing changed.");
  ctx.log.info(`/settings ${sub} for guild ${guildId}: ${JSON.stringify(patch)}`);
  return settingsReply(ctx, saved, "Saved. Settings for this server");
}

// commands/timeline.ts
var timeline_exports = {};
__export(timeline_exports, {
  autocomplete: () => autocomplete6,
  data: () => data8,
  execute: () => execute8
});

// src/reply/timeline.ts
function timelineReply(entries, meta, paragraphLabel) {
  if (entries.length === 0) {
    return message({ embeds: [{ title: "Timeline", description: "The article gives no dated events.", color: COLOURS.miss }] });
  }
  const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date));
  const lines = [];
  let used = 0;
  for (const e of sorted) {
    const line = `**${escapeText(e.when)}**: ${escapeText(e.event)} (${escapeText(paragraphLabel(e.paragraph))})`;
    if (used + line.length + 1 > LIMITS.description - 40) {
      lines.push(`\u2026and ${sorted.length - lines.length} more.`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return message({
    embeds: [{
      title: fitRendered(oneLine(meta.title), (t) => `Timeline: ${escapeText(t)}`, LIMITS.title),
      description: lines.join("\n"),
      color: COLOURS.info,
      footer: { text: "Dates as the article gives them; years the article leaves out are inferred from its context." }
    }]
  });
}

// commands/timeline.ts
var { data: data8, execute: execute8, autocomplete: autocomplete6 } = articleCommand({
  name: "timeline",
  description: "The dated events in the article, in order.",
  article: "Which article (default: the server's default article).",
  execute(args, ctx) {
    const target = oneArticle(args.article, ctx, "timeline");
    if ("reply" in target) return target.reply;
    const { engine } = target;
    return { data: timelineReply(engine.timeline(), engine.pack.meta, (i) => engine.paragraph(i)?.label ?? `\xB6${i}`) };
  }
});

// commands/who.ts
var who_exports = {};
__export(who_exports, {
  autocomplete: () => autocomplete7,
  data: () => data9,
  execute: () => execute9
});
import { ApplicationCommandOptionType as ApplicationCommandOptionType6 } from "discord-api-types/v10";

// src/reply/who.ts
var MAX_MENTIONS = 5;
function isPersonOrOrganisation(e) {
  return e.type === "person" || e.type === "organisation";
}
function whoReply(entity, mentions, meta) {
  const fields = [{ name: "Type", value: entity.type, inline: true }];
  if (entity.aliases.length > 0) {
    fields.push({ name: "Also called", value: fitRendered(entity.aliases.join(", "), escapeText, LIMITS.fieldValue), inline: true });
  }
  const names = [entity.name, ...entity.aliases];
  for (const p of mentions.slice(0, MAX_MENTIONS)) {
    const terms = [...names, ...p.matched];
    fields.push({
      name: fitRendered(oneLine(p.paragraphLabel), (t) => `Mentioned in ${escapeText(t)}`, LIMITS.fieldName),
      value: fitRendered(p.text, (t) => highlight(t, terms), LIMITS.fieldValue)
    });
  }
  const more = mentions.length - MAX_MENTIONS;
  const embed = {
    title: fitRendered(oneLine(entity.name), escapeText, LIMITS.title),
    description: fitRendered(entity.role, escapeText, LIMITS.description),
    color: COLOURS.info,
    fields,
    footer: {
      text: plainText(
        mentions.length === 0 ? `Not mentioned in any passage of \u201C${meta.title}\u201D.` : `${mentions.length} passage${mentions.length === 1 ? "" : "s"} of \u201C${meta.title}\u201D, ${meta.publisher}${more > 0 ? ` (first ${MAX_MENTIONS} shown)` : ""}`
      )
    }
  };
  return message({ embeds: [embed] });
}
function whoNotFoundReply(name, known) {
  const list = known.filter(isPersonOrOrganisation).slice(0, 12).map((e) => escapeText(e.name)).join(", ");
  const text = `The article does not mention anyone or anything called \u201C${escapeText(truncate(oneLine(name), 100))}\u201D.` + (list ? `
People and organisations it does mention include: ${list}.` : "");
  return message({ embeds: [{ title: "Not in the article", description: text, color: COLOURS.miss }] });
}

// commands/who.ts
var { data: data9, execute: execute9, autocomplete: autocomplete7 } = articleCommand({
  name: "who",
  description: "Who is a person or organisation in the article: role, aliases, and where they appear.",
  options: [
    { type: ApplicationCommandOptionType6.String, name: "name", description: 'A name or alias, e.g. "Prigozhin" or "Wagner".', required: true, autocomplete: true, max_length: 100 }
  ],
  article: "Which article (default: the server's default article, else all of them).",
  execute(args, ctx) {
    const name = args.name ?? "";
    const target = articleScope(args.article, ctx);
    if ("reply" in target) return target.reply;
    const engines = enginesIn(target.scope, libraryOf(ctx));
    const key = name.trim().toLowerCase();
    const byId = engines.flatMap((engine) => found(engine, engine.pack.entities.find((e) => e.id === name)));
    const byName = () => engines.flatMap((engine) => found(engine, engine.pack.entities.find((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase() === key))));
    const exact = byId.length > 0 ? byId : byName();
    const hits = exact.length > 0 ? exact : engines.flatMap((engine) => found(engine, engine.findEntity(name)));
    if (hits.length === 0) return { data: whoNotFoundReply(name, engines.flatMap((e) => e.pack.entities)) };
    const ranked = hits.map((h) => ({ ...h, mentions: h.engine.mentions(h.entity.id) })).sort((a, b) => b.mentions.length - a.mentions.length);
    const [best, ...others] = ranked;
    return { data: withAlsoIn(whoReply(best.entity, best.mentions, best.engine.pack.meta), others.map((h) => h.engine.pack.meta)) };
  },
  autocomplete(focused, args, ctx) {
    const typed = focused.value.trim().toLowerCase();
    const target = articleScope(args.article, ctx);
    const engines = "scope" in target ? enginesIn(target.scope, libraryOf(ctx)) : [];
    const lists = engines.map((engine) => entityMatches(engine, typed));
    const pick = (k) => lists.flatMap((l) => l[k]).map((e) => ({ name: `${e.name} (${e.role})`, value: e.id }));
    return toChoices([...pick(0), ...pick(1)]);
  }
});
function found(engine, entity) {
  return entity && isPersonOrOrganisation(entity) ? [{ engine, entity }] : [];
}
function entityMatches(engine, typed) {
  const entities = engine.pack.entities.filter(isPersonOrOrganisation);
  const starts = entities.filter((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase().startsWith(typed)));
  const contains = entities.filter((e) => !starts.includes(e) && [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(typed)));
  if (starts.length + contains.length === 0 && typed) {
    const guess = engine.findEntity(typed);
    if (guess && isPersonOrOrganisation(guess)) contains.push(guess);
  }
  return [starts, contains];
}

// src/discord/registry.ts
var commands = [ask_exports, quote_exports, who_exports, timeline_exports, article_exports, help_exports, find_in_article_exports, kb_exports, settings_exports];
function commandKey(type, name) {
  return `${type ?? 1}:${name}`;
}
var extraRoutes = [...components2];
function createRegistry(list = commands, extra = extraRoutes) {
  const byKey = /* @__PURE__ */ new Map();
  const routes = /* @__PURE__ */ new Map();
  for (const c of list) {
    const key = commandKey(c.data.type, c.data.name);
    if (byKey.has(key)) throw new Error(`Two commands are named ${c.data.name}`);
    byKey.set(key, c);
    for (const r of c.components ?? []) {
      if (routes.has(r.prefix)) throw new Error(`Two component routes use the prefix ${r.prefix}`);
      routes.set(r.prefix, r);
    }
  }
  for (const r of extra) {
    if (routes.has(r.prefix)) throw new Error(`Two component routes use the prefix ${r.prefix}`);
    routes.set(r.prefix, r);
  }
  return {
    command: (type, name) => byKey.get(commandKey(type, name)),
    component(customId) {
      const [a, b] = customId.split(":");
      return routes.get(`${a}:${b}`) ?? routes.get(a ?? "");
    },
    definitions: () => list.map((c) => c.data)
  };
}

// src/discord/handler.ts
function createContextFactory(deps) {
  return (guildId) => {
    const snapshot = deps.knowledge.current();
    const settings = guildId && deps.curator ? deps.curator.guildSettings(guildId) : void 0;
    return {
      engine: snapshot.engine,
      library: snapshot.library,
      log: deps.log,
      snapshot,
      knowledge: deps.knowledge,
      questions: deps.questions,
      ...deps.curator ? { curator: deps.curator } : {},
      ...guildId ? { guildId } : {},
      ...settings ? { settings } : {},
      ...deps.discord ? { discord: deps.discord } : {},
      ...deps.replicas ? { replicas: deps.replicas } : {}
    };
  };
}
function notice(content) {
  return { response: toResponse(noticeReply(content)) };
}
function isMessageCommand(c) {
  return c.data.type === ApplicationCommandType3.Message;
}
function describe(i) {
  if (i.type === InteractionType.ApplicationCommand || i.type === InteractionType.ApplicationCommandAutocomplete) {
    return `${i.data.name} (interaction ${i.id})`;
  }
  if (i.type === InteractionType.MessageComponent) return `button ${i.data.custom_id} (interaction ${i.id})`;
  return `interaction ${i.id} of type ${i.type}`;
}
function createInteractionHandler(options) {
  const log = options.log ?? silentLogger;
  const registry = createRegistry(options.commands ?? commands);
  const cooldowns = options.cooldowns ?? createGuildCooldowns(options.cooldown ?? {});
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  if (!options.knowledge && !options.engine) throw new Error("createInteractionHandler needs knowledge or an engine");
  const knowledge = options.knowledge ?? fixedKnowledge(options.engine);
  const questions = options.questions ?? createQuestionStats();
  const curator = options.curator;
  const contextFor = createContextFactory({
    knowledge,
    log,
    questions,
    ...curator ? { curator } : {},
    ...options.discord ? { discord: options.discord } : {},
    ...options.replicas ? { replicas: options.replicas } : {}
  });
  const context = (i) => contextFor(i.guild_id);
  const failed = (i) => (err) => {
    log.error(`Handler failed for ${describe(i)}`, err);
    return errorReply(i.id);
  };
  const summaries = /* @__PURE__ */ new WeakMap();
  async function run(i, shape, doWork, ctx, unlimited3 = false) {
    const finish = (reply) => {
      const summary = summaries.get(i);
      if (summary && reply.found !== void 0) summary.found = reply.found;
      return shape.ephemeral ? privately3(reply) : reply;
    };
    const work = () => {
      const reply = doWork();
      return isPromise(reply) ? reply.then(finish) : finish(reply);
    };
    const slowDown = !unlimited3 && userId(i) ? cooldowns.take(userId(i), ctx?.settings) : 0;
    if (slowDown > 0) {
      log.debug(`Cooldown for ${describe(i)}: ${slowDown} ms`);
      return notice(`Slow down: you are sending commands too fast. Try again in ${Math.ceil(slowDown / 1e3)} s.`);
    }
    try {
      return await respondWithin(work, shape, deadlineMs, failed(i));
    } catch (err) {
      return { response: toResponse(failed(i)(err)) };
    }
  }
  function shapeOf(update, ephemeral6) {
    return { update, ephemeral: !update && (ephemeral6 ?? false) };
  }
  function command2(i) {
    const ctx = context(i);
    const cmd = registry.command(i.data.type, i.data.name);
    if (!cmd) {
      log.warn(`Unknown command ${describe(i)}: are the deployed commands out of date? Run npm run deploy-commands.`);
      return Promise.resolve(notice("I do not know that command any more. An admin can refresh the commands with `npm run deploy-commands`."));
    }
    if (isMessageCommand(cmd)) {
      if (i.data.type !== ApplicationCommandType3.Message) return Promise.resolve(notice("That command does not apply here."));
      const data10 = i;
      return run(i, shapeOf(false, cmd.ephemeral?.(data10)), () => cmd.execute(data10, ctx), ctx);
    }
    if (i.data.type !== ApplicationCommandType3.ChatInput) return Promise.resolve(notice("That command does not apply here."));
    const chatCmd = cmd;
    const chat = i;
    const shape = shapeOf(false, chatCmd.ephemeral?.(chat, ctx) ?? ctx.settings?.privateByDefault);
    return run(i, shape, () => chatCmd.execute(chat, ctx), ctx, chatCmd.unlimited?.(chat) ?? false);
  }
  function component(i) {
    const ctx = context(i);
    const route2 = registry.component(i.data.custom_id);
    if (!route2) return Promise.resolve(notice("This button has expired. Ask again to get a fresh one."));
    return run(i, shapeOf(route2.update?.(i) ?? false, route2.ephemeral?.(i)), () => route2.handle(i, ctx), ctx);
  }
  async function autocomplete8(i) {
    const cmd = registry.command(ApplicationCommandType3.ChatInput, i.data.name);
    const ctx = context(i);
    let choices = [];
    try {
      if (cmd?.autocomplete) choices = await cmd.autocomplete(i, ctx);
    } catch (err) {
      log.error(`Autocomplete failed for ${describe(i)}`, err);
    }
    return { response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } } };
  }
  const memory = createReplayMemory();
  const claim = (id) => curator ? curator.claimInteraction(id) : memory.claim(id);
  const acts = (i) => i.type === InteractionType.ApplicationCommand || i.type === InteractionType.MessageComponent || i.type === InteractionType.ModalSubmit;
  return async function handle(i) {
    if (acts(i) && typeof i.id === "string" && !await claim(i.id)) {
      log.debug(`Replay of interaction ${i.id} ignored`);
      return { ...notice("This interaction was already answered."), replay: true };
    }
    const summary = { ...commandOf(i, registry) ? { command: commandOf(i, registry) } : {} };
    summaries.set(i, summary);
    return { ...await route(i), summary };
  };
  function route(i) {
    switch (i.type) {
      case InteractionType.Ping:
        return Promise.resolve({ response: PONG });
      case InteractionType.ApplicationCommand:
        return command2(i);
      case InteractionType.MessageComponent:
        return component(i);
      case InteractionType.ApplicationCommandAutocomplete:
        return autocomplete8(i);
      default:
        log.warn(`Unhandled ${describe(i)}`);
        return Promise.resolve(notice("This kind of interaction is not supported."));
    }
  }
}
function privately3(reply) {
  if (reply.update) return reply;
  return { ...reply, data: { ...reply.data, flags: (reply.data.flags ?? 0) | MessageFlags2.Ephemeral } };
}
function commandOf(i, registry) {
  if (i.type === InteractionType.ApplicationCommand || i.type === InteractionType.ApplicationCommandAutocomplete) return i.data.name.slice(0, 32);
  if (i.type === InteractionType.MessageComponent) return registry.component(i.data.custom_id)?.prefix ?? "unknown-component";
  return void 0;
}

// src/discord/warm-up.ts
import {
  ApplicationCommandOptionType as ApplicationCommandOptionType7,
  ApplicationCommandType as ApplicationCommandType4,
  InteractionType as InteractionType2,
  Locale
} from "discord-api-types/v10";
var base = {
  id: "0",
  application_id: "0",
  token: "warm-up",
  version: 1,
  app_permissions: "0",
  locale: Locale.EnglishUS,
  entitlements: [],
  authorizing_integration_owners: {},
  attachment_size_limit: 0,
  user: { id: "0", username: "warm-up", discriminator: "0", global_name: null, avatar: null }
};
function ask2(question) {
  return {
    ...base,
    type: InteractionType2.ApplicationCommand,
    channel: { id: "0", type: 1 },
    channel_id: "0",
    data: { id: "0", name: "ask", type: ApplicationCommandType4.ChatInput, options: [{ name: "question", type: ApplicationCommandOptionType7.String, value: question }] }
  };
}
function suggest(partial) {
  return {
    ...base,
    type: InteractionType2.ApplicationCommandAutocomplete,
    data: { id: "0", name: "ask", type: ApplicationCommandType4.ChatInput, options: [{ name: "question", type: ApplicationCommandOptionType7.String, value: partial, focused: true }] }
  };
}
async function warmUp(handle) {
  const samples = [ask2("Who met whom, and what did they say?"), ask2("What is the capital of France?"), suggest("who"), suggest("")];
  for (const i of samples) await handle(i).then((r) => r.followUp);
}

// src/runtime/boot.ts
async function boot(config, log, options) {
  protectProcess(config, log, options.mode);
  let knowledge;
  try {
    knowledge = createKnowledgeStore();
  } catch (err) {
    process.stderr.write(`${err instanceof KnowledgeError ? err.message : String(err)}
`);
    process.exit(1);
  }
  logSkipped(log, knowledge.current());
  const curator = await openStore({ ...config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}, dataDir: config.dataDir, retentionDays: config.retentionDays, log });
  const replicas = shareReloadsOverStore(knowledge, curator, log);
  const questions = createQuestionStats();
  const cooldowns = createGuildCooldowns(config.cooldown);
  const deps = { knowledge, log, questions, curator, ...options.discord ? { discord: options.discord } : {}, ...replicas ? { replicas } : {} };
  const handle = createInteractionHandler({ ...deps, cooldown: config.cooldown, cooldowns });
  await warmUp(createInteractionHandler({ knowledge, cooldown: false }));
  reloadOnSignal(knowledge, log);
  if (options.ipcReloads) shareReloads(knowledge, log);
  return { knowledge, curator, ...replicas ? { replicas } : {}, questions, cooldowns, handle, contextFor: createContextFactory(deps) };
}
function onStopSignals(stop) {
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

export {
  answerPost,
  relayReloads,
  boot,
  onStopSignals
};
//# sourceMappingURL=chunk-JMCQRML5.js.map
