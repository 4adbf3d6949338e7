import {
  DAY_MS,
  REPLAY_MEMORY_LIMIT,
  REPLAY_WINDOW_MS
} from "./chunk-MK7BL3V7.js";
import {
  redact
} from "./chunk-MXDCF3SD.js";

// src/store/replays.ts
function createReplayMemory(now = Date.now, limit = REPLAY_MEMORY_LIMIT) {
  const seen = /* @__PURE__ */ new Map();
  const forgetOld = (t) => {
    for (const [id, at] of seen) {
      if (t - at <= REPLAY_WINDOW_MS + 6e4 && seen.size <= limit) break;
      seen.delete(id);
    }
  };
  return {
    claim(id) {
      const t = now();
      forgetOld(t);
      if (seen.has(id)) return false;
      seen.set(id, t);
      return true;
    },
    release(id) {
      seen.delete(id);
    }
  };
}

// src/store/types.ts
import { z } from "zod";

// src/store/group.ts
import Fuse from "fuse.js";
var SIMILARITY_THRESHOLD = 0.25;
var MIN_LENGTH_RATIO = 0.75;
var FILLER = /* @__PURE__ */ new Set(["a", "an", "the", "is", "are", "was", "were", "be", "did", "do", "does", "of", "to", "in", "on", "at", "about", "for", "please", "me", "tell", "us", "article", "exactly", "really"]);
var CONTRACTIONS = {
  "who's": "who is",
  "what's": "what is",
  "where's": "where is",
  "when's": "when is",
  "why's": "why is",
  "how's": "how is",
  "that's": "that is",
  "there's": "there is",
  "it's": "it is",
  "he's": "he is",
  "she's": "she is",
  "isn't": "is not",
  "didn't": "did not",
  "doesn't": "does not",
  "don't": "do not",
  "wasn't": "was not",
  "won't": "will not",
  "can't": "can not",
  "what're": "what are",
  "who're": "who are"
};
function normaliseQuestion(question) {
  let s = question.normalize("NFKD").replace(new RegExp("\\p{M}+", "gu"), "").toLowerCase().replace(/[\u2018\u2019\u02bc`´]/g, "'");
  s = s.replace(/\b[a-z]+'[a-z]+\b/g, (w) => CONTRACTIONS[w] ?? w);
  s = s.replace(/(\w)'s\b/g, "$1").replace(/(\w)s'(?=\s|$)/g, "$1s");
  return s.replace(/[^\p{L}\p{N}]+/gu, " ").trim().replace(/\s+/g, " ");
}
var byFrequency = (a, b) => b.count - a.count || b.lastSeen - a.lastSeen || a.question.localeCompare(b.question);
var FUSE_OPTIONS = {
  keys: ["norm"],
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  isCaseSensitive: true,
  threshold: SIMILARITY_THRESHOLD
};
var MAX_CANDIDATES = 64;
function coreWords(norm) {
  const words = norm.split(" ").filter((w) => !FILLER.has(w));
  return words.length ? words.join(" ") : norm;
}
function keysOf(core) {
  return [...new Set(core.split(" ").map((w) => w.slice(0, 4)))];
}
function groupQuestions(tallies) {
  const perArticle = /* @__PURE__ */ new Map();
  const groups = [];
  for (const t of [...tallies].sort(byFrequency)) {
    const norm = coreWords(normaliseQuestion(t.question) || t.question.trim().toLowerCase());
    let bucket = perArticle.get(t.article);
    if (!bucket) perArticle.set(t.article, bucket = { byNorm: /* @__PURE__ */ new Map(), byKey: /* @__PURE__ */ new Map() });
    const keys = keysOf(norm);
    const rep = bucket.byNorm.get(norm) ?? closest(bucket, norm, keys);
    if (rep) {
      bucket.byNorm.set(norm, rep);
      const g = rep.group;
      g.count += t.count;
      g.variants += 1;
      if (g.examples.length < 5) g.examples.push(t.question);
      for (const [k, n] of Object.entries(t.kinds)) g.kinds[k] = (g.kinds[k] ?? 0) + (n ?? 0);
      if (t.lastSeen > g.lastSeen) g.lastSeen = t.lastSeen;
      if (t.candidate && t.lastSeen >= rep.candidateAt) {
        g.candidate = t.candidate;
        rep.candidateAt = t.lastSeen;
      }
      continue;
    }
    const group = {
      representative: t.question,
      article: t.article,
      count: t.count,
      variants: 1,
      examples: [],
      lastSeen: t.lastSeen,
      kinds: { ...t.kinds },
      candidate: t.candidate
    };
    const fresh = { norm, words: norm.split(" "), group, candidateAt: t.candidate ? t.lastSeen : -Infinity };
    bucket.byNorm.set(norm, fresh);
    for (const k of keys) {
      const list = bucket.byKey.get(k);
      if (list) list.push(fresh);
      else bucket.byKey.set(k, [fresh]);
    }
    groups.push(group);
  }
  return groups.sort((a, b) => b.count - a.count || b.lastSeen - a.lastSeen || a.representative.localeCompare(b.representative));
}
function closest(bucket, norm, keys) {
  const shared = /* @__PURE__ */ new Map();
  for (const k of keys) for (const r of bucket.byKey.get(k) ?? []) shared.set(r, (shared.get(r) ?? 0) + 1);
  const need = Math.max(1, Math.ceil(keys.length / 2));
  const candidates = [];
  const words = norm.split(" ");
  for (const [r, n] of shared) {
    if (n < need) continue;
    if (Math.min(r.norm.length, norm.length) / Math.max(r.norm.length, norm.length) < MIN_LENGTH_RATIO) continue;
    if (sameWordLists(words, r.words)) candidates.push(r);
  }
  if (candidates.length === 0) return void 0;
  const best = new Fuse(candidates.slice(0, MAX_CANDIDATES), FUSE_OPTIONS).search(norm)[0];
  return best && (best.score ?? 1) <= SIMILARITY_THRESHOLD ? best.item : void 0;
}
function sameWordLists(wa, wb) {
  const onlyA = wa.filter((w) => !FILLER.has(w) && !wb.includes(w));
  if (onlyA.length > 3) return false;
  const onlyB = wb.filter((w) => !FILLER.has(w) && !wa.includes(w));
  if (onlyA.length !== onlyB.length && (onlyA.length === 0 || onlyB.length === 0)) return false;
  return onlyA.every((w) => onlyB.some((v) => nearSpelling(w, v))) && onlyB.every((w) => onlyA.some((v) => nearSpelling(w, v)));
}
function nearSpelling(x, y) {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 3 && long.startsWith(short) && long.length - short.length <= 2) return true;
  if (short.length < 5) return false;
  return editDistanceAtMost(short, long, short.length >= 9 ? 2 : 1);
}
function editDistanceAtMost(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    prev = cur;
  }
  return prev[b.length] <= max;
}

// src/store/redact.ts
var TOKEN_SHAPES = [
  // A Discord bot token: base64 user id, a timestamp, an HMAC, separated by dots.
  /[A-Za-z\d_-]{23,28}\.[A-Za-z\d_-]{6,7}\.[A-Za-z\d_-]{27,}/g,
  // A webhook or interaction token in a URL.
  /(\/(?:webhooks|interactions)\/\d+\/)[\w.-]{20,}/g,
  // Long hex keys (public keys, API keys, hashes of secrets): 32 hex digits or more.
  /\b[a-fA-F\d]{32,}\b/g
];
function redactStored(text) {
  let out = redact(text);
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, (_m, prefix) => typeof prefix === "string" ? `${prefix}[redacted]` : "[redacted]");
  return out;
}

// src/store/types.ts
var GuildSettingsPatchSchema = z.object({
  defaultArticle: z.string().regex(/^[a-z0-9-]{1,100}$/, "must be an article slug (a-z, 0-9, -)").nullable(),
  cooldown: z.object({
    burst: z.number().int().min(0).max(1e3),
    refillMs: z.number().int().min(1).max(DAY_MS)
  }).nullable(),
  privateByDefault: z.boolean(),
  forumChannelId: z.string().regex(/^\d{1,20}$/, "must be a channel id").nullable()
}).partial().strict();
function clean(text, max) {
  const s = redactStored(text).replace(/[\p{Cc}\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/gu, " ").replace(/\s+/g, " ").trim();
  return s.length > max ? `${s.slice(0, max - 1)}\u2026` : s;
}
function storedEntry(entry, at) {
  const question = clean(String(entry.question ?? ""), 500);
  if (!question) return void 0;
  return {
    at: Math.floor(at),
    kind: entry.kind,
    question,
    article: clean(String(entry.article ?? ""), 100) || "-",
    guildId: entry.guildId ? clean(String(entry.guildId), 32) : null,
    candidate: entry.candidate ? clean(String(entry.candidate), 2e3) : null,
    score: typeof entry.score === "number" && Number.isFinite(entry.score) ? entry.score : null
  };
}
function mergeSettings(guildId, current, p, at) {
  return {
    guildId,
    defaultArticle: p.defaultArticle !== void 0 ? p.defaultArticle : current?.defaultArticle ?? null,
    cooldown: p.cooldown !== void 0 ? p.cooldown : current?.cooldown ?? null,
    privateByDefault: p.privateByDefault ?? current?.privateByDefault ?? false,
    forumChannelId: p.forumChannelId !== void 0 ? p.forumChannelId : current?.forumChannelId ?? null,
    updatedAt: Math.floor(at)
  };
}
function reportFromRows(rows, limit = 20) {
  const tallies = rows.map((r) => ({
    question: r.question,
    article: r.article,
    count: Number(r.count),
    lastSeen: Number(r.lastSeen),
    kinds: Object.fromEntries(
      [
        ["not-found", Number(r.notFound)],
        ["low-confidence", Number(r.lowConfidence)],
        ["feedback", Number(r.feedback)]
      ].filter(([, n2]) => n2 > 0)
    ),
    candidate: r.candidate
  }));
  const n = Number.isFinite(limit) ? Math.max(1, Math.min(1e3, Math.floor(limit))) : 20;
  return groupQuestions(tallies).slice(0, n);
}

// src/store/migrations.ts
function sqlFor(m, backend) {
  return typeof m.sql === "string" ? m.sql : m.sql[backend] ?? "";
}
var MIGRATIONS = [
  {
    version: 1,
    why: "unanswered-question log and per-guild settings",
    sql: {
      sqlite: `
      -- One row per question that was not found, came back with low confidence, or got a
      -- "this didn't answer me" press. No user ids, on purpose: guild id only.
      CREATE TABLE unanswered (
        id        INTEGER PRIMARY KEY,
        at        INTEGER NOT NULL,                 -- ms since the epoch (UTC)
        kind      TEXT    NOT NULL CHECK (kind IN ('not-found', 'low-confidence', 'feedback')),
        question  TEXT    NOT NULL,
        article   TEXT    NOT NULL,                 -- knowledge pack slug
        guild_id  TEXT,                             -- null in DMs and the terminal
        candidate TEXT,                             -- the top passage the engine had, if any
        score     REAL                              -- its confidence in 0..1, if any
      ) STRICT;
      CREATE INDEX unanswered_at ON unanswered (at);
      CREATE INDEX unanswered_article ON unanswered (article, question);

      CREATE TABLE guild_settings (
        guild_id           TEXT    PRIMARY KEY,
        default_article    TEXT,
        cooldown_burst     INTEGER,                 -- null: the bot's configured cooldown
        cooldown_refill_ms INTEGER,
        private_by_default INTEGER NOT NULL DEFAULT 0,
        updated_at         INTEGER NOT NULL
      ) STRICT;
    `,
      postgres: `
      CREATE TABLE unanswered (
        id        BIGSERIAL PRIMARY KEY,
        at        BIGINT NOT NULL,
        kind      TEXT   NOT NULL CHECK (kind IN ('not-found', 'low-confidence', 'feedback')),
        question  TEXT   NOT NULL,
        article   TEXT   NOT NULL,
        guild_id  TEXT,
        candidate TEXT,
        score     DOUBLE PRECISION
      );
      CREATE INDEX unanswered_at ON unanswered (at);
      CREATE INDEX unanswered_article ON unanswered (article, question);

      CREATE TABLE guild_settings (
        guild_id           TEXT    PRIMARY KEY,
        default_article    TEXT,
        cooldown_burst     INTEGER,
        cooldown_refill_ms INTEGER,
        private_by_default BOOLEAN NOT NULL DEFAULT false,
        updated_at         BIGINT  NOT NULL
      );
    `
    }
  },
  {
    version: 2,
    why: "the Q&A forum channel whose new posts the bot answers",
    sql: `ALTER TABLE guild_settings ADD COLUMN forum_channel TEXT;`
  },
  {
    version: 3,
    why: "interaction ids already answered, so a replay is answered once across replicas",
    sql: {
      // SQLite serves one process: its replay memory is in that process.
      postgres: `
      CREATE TABLE seen_interactions (
        id TEXT   PRIMARY KEY,
        at BIGINT NOT NULL
      );
      CREATE INDEX seen_interactions_at ON seen_interactions (at);
    `
    }
  }
];
var SCHEMA_VERSION = MIGRATIONS.length;
var NewerSchemaError = class extends Error {
  constructor(found) {
    super(`schema version ${found} is newer than this bot knows (${SCHEMA_VERSION}); was it written by a newer release?`);
    this.found = found;
    this.name = "NewerSchemaError";
  }
  found;
};
function migrate(db, migrations = MIGRATIONS) {
  const run = db.transaction(() => {
    const current = db.pragma("user_version", { simple: true });
    if (current > migrations.length) throw new NewerSchemaError(current);
    const pending = migrations.slice(current);
    for (const m of pending) db.exec(sqlFor(m, "sqlite"));
    if (pending.length) db.pragma(`user_version = ${migrations.length}`);
    return pending;
  });
  return run.immediate();
}

export {
  sqlFor,
  MIGRATIONS,
  NewerSchemaError,
  migrate,
  createReplayMemory,
  GuildSettingsPatchSchema,
  storedEntry,
  mergeSettings,
  reportFromRows
};
//# sourceMappingURL=chunk-3Q5STBVI.js.map
