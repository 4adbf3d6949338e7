import {
  DEFAULT_BURST,
  DEFAULT_REFILL_MS,
  PONG,
  createDelivery,
  errorReply,
  instead,
  interactionLine,
  logInteraction,
  responseJson
} from "./chunk-ZMW5B3AT.js";
import {
  DEFAULT_DATA_DIR,
  DEFAULT_RETENTION_DAYS
} from "./chunk-MK7BL3V7.js";
import {
  LOG_LEVELS
} from "./chunk-MXDCF3SD.js";

// src/discord/http/server.ts
import { createServer } from "node:http";
import { Server as NetServer } from "node:net";
import { InteractionType } from "discord-api-types/v10";

// src/discord/http/verify.ts
import { createPublicKey, verify } from "node:crypto";
var ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
var HEX_64 = /^[0-9a-fA-F]{64}$/;
var HEX_128 = /^[0-9a-fA-F]{128}$/;
var DIGITS = /^\d{1,12}$/;
var DEFAULT_MAX_SKEW_SECONDS = 300;
function loadPublicKey(hex) {
  if (!HEX_64.test(hex)) throw new Error("DISCORD_PUBLIC_KEY must be 64 hexadecimal characters");
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki"
  });
}
function checkHeaders(signature, timestamp, nowSeconds = Date.now() / 1e3, maxSkewSeconds = DEFAULT_MAX_SKEW_SECONDS) {
  if (!signature) return { ok: false, reason: "missing-signature" };
  if (!timestamp) return { ok: false, reason: "missing-timestamp" };
  if (!HEX_128.test(signature)) return { ok: false, reason: "malformed-signature" };
  if (!DIGITS.test(timestamp)) return { ok: false, reason: "malformed-timestamp" };
  const age = nowSeconds - Number(timestamp);
  if (age > maxSkewSeconds) return { ok: false, reason: "stale-timestamp" };
  if (age < -maxSkewSeconds) return { ok: false, reason: "future-timestamp" };
  return { ok: true };
}
function verifyRequest(key, signature, timestamp, rawBody, nowSeconds = Date.now() / 1e3, maxSkewSeconds = DEFAULT_MAX_SKEW_SECONDS) {
  const headers = checkHeaders(signature, timestamp, nowSeconds, maxSkewSeconds);
  if (!headers.ok) return headers;
  const message = Buffer.concat([Buffer.from(timestamp, "utf8"), rawBody]);
  let ok = false;
  try {
    ok = verify(null, message, key, Buffer.from(signature, "hex"));
  } catch {
    ok = false;
  }
  return ok ? { ok: true } : { ok: false, reason: "bad-signature" };
}

// src/discord/http/server.ts
var MAX_BODY_BYTES = 64 * 1024;
var REQUEST_TIMEOUT_MS = 1e4;
var TIMEOUT_CHECK_MS = 1e3;
var DEFAULT_MAX_CONNECTIONS = 1024;
var DEFAULT_DRAIN_IDLE_MS = 1e3;
var PONG_JSON = responseJson(PONG);
var stderrLogger = {
  info: (m) => process.stderr.write(`[http] ${m}
`),
  warn: (m) => process.stderr.write(`[http] warn: ${m}
`),
  error: (m) => process.stderr.write(`[http] error: ${m}
`)
};
function describe(err) {
  return err instanceof Error ? err.message : String(err);
}
function createInteractionsServer(options) {
  const key = loadPublicKey(options.publicKey);
  const delivery = createDelivery({ ...options.apiUrl ? { apiUrl: options.apiUrl } : {}, ...options.token ? { token: options.token } : {} });
  const log = options.logger ?? stderrLogger;
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const maxSkew = options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS;
  const grace = options.shutdownGraceMs ?? 1e4;
  const drainIdle = options.drainIdleMs ?? DEFAULT_DRAIN_IDLE_MS;
  let handle = options.handle;
  let closing = false;
  let inFlight = 0;
  const receiving = /* @__PURE__ */ new Set();
  const connections = /* @__PURE__ */ new Set();
  const followUps = /* @__PURE__ */ new Set();
  function send(res, status, body, headers = {}) {
    if (res.headersSent) return;
    if (closing) headers.connection = "close";
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      ...headers
    });
    res.end(body);
  }
  function sendError(res, status, error, headers) {
    const body = { error };
    send(res, status, JSON.stringify(body), headers);
  }
  function startFollowUp(interaction, result, started) {
    const task = delivery.followUp(
      interaction,
      result.followUp,
      (stage, err) => log.error(`interaction ${interaction.id}: ${stage === "work" ? "follow-up work failed" : "follow-up PATCH failed"}: ${describe(err)}`)
    ).then((outcome) => logInteraction(log, interactionLine(interaction, result, started, { outcome, transport: "http" })));
    followUps.add(task);
    void task.finally(() => followUps.delete(task));
  }
  async function answer(res, interaction, started) {
    if (interaction.type === InteractionType.Ping) {
      send(res, 200, PONG_JSON);
      logInteraction(log, interactionLine(interaction, void 0, started, { outcome: "answered", transport: "http" }));
      return;
    }
    if (!handle) {
      sendError(res, 503, "not ready", { "retry-after": "1" });
      logInteraction(log, interactionLine(interaction, void 0, started, { outcome: "failed", transport: "http" }));
      return;
    }
    let response;
    let result;
    try {
      result = await handle(interaction);
      if (result.replay) {
        sendError(res, 409, "interaction already answered");
        log.warn(`interaction ${interaction.id}: replayed; refused with 409`);
        return;
      }
      response = result.response;
      if (result.followUp) startFollowUp(interaction, result, started);
    } catch (err) {
      log.error(`interaction ${interaction.id}: handler failed: ${describe(err)}`);
      response = instead(interaction, errorReply(interaction.id));
    }
    send(res, 200, responseJson(response));
    if (!result?.followUp) logInteraction(log, interactionLine(interaction, result, started, { outcome: "answered", transport: "http" }));
  }
  function onInteraction(req, res) {
    const signature = req.headers["x-signature-ed25519"];
    const timestamp = req.headers["x-signature-timestamp"];
    const sig = typeof signature === "string" ? signature : void 0;
    const ts = typeof timestamp === "string" ? timestamp : void 0;
    const pre = checkHeaders(sig, ts, Date.now() / 1e3, maxSkew);
    if (!pre.ok) {
      refuse(req, res, 401, "invalid request signature");
      return;
    }
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBody) {
      refuse(req, res, 413, `body larger than ${maxBody} bytes`);
      return;
    }
    const started = performance.now();
    const chunks = [];
    let size = 0;
    let aborted = false;
    req.on("data", (chunk) => {
      if (aborted) return;
      size += chunk.length;
      if (size > maxBody) {
        aborted = true;
        chunks.length = 0;
        refuse(req, res, 413, `body larger than ${maxBody} bytes`);
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", () => {
      aborted = true;
    });
    req.on("end", () => {
      if (aborted) return;
      const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      const verdict = verifyRequest(key, sig, ts, raw, Date.now() / 1e3, maxSkew);
      if (!verdict.ok) {
        sendError(res, 401, "invalid request signature");
        return;
      }
      let interaction;
      try {
        const parsed = JSON.parse(raw.toString("utf8"));
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || typeof parsed.type !== "number") {
          throw new Error("not an interaction object");
        }
        interaction = parsed;
      } catch {
        sendError(res, 400, "invalid JSON body");
        return;
      }
      answer(res, interaction, started).catch((err) => {
        log.error(`interaction ${interaction.id}: ${describe(err)}`);
        sendError(res, 500, "internal error");
      });
    });
  }
  function refuse(req, res, status, error, headers = {}) {
    if (req.complete) {
      sendError(res, status, error, headers);
      return;
    }
    req.removeAllListeners("data");
    req.resume();
    sendError(res, status, error, { ...headers, connection: "close" });
    const cut = setTimeout(() => req.socket.destroy(), 200);
    cut.unref();
    req.once("end", () => clearTimeout(cut));
  }
  const server = createServer({ connectionsCheckingInterval: TIMEOUT_CHECK_MS }, (req, res) => {
    inFlight++;
    if (!req.complete) {
      receiving.add(req);
      const received = () => {
        receiving.delete(req);
      };
      req.once("end", received);
      req.once("close", received);
    }
    res.once("close", () => {
      inFlight--;
      receiving.delete(req);
    });
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    let path = q === -1 ? url : url.slice(0, q);
    if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
    if (path === "/interactions") {
      if (req.method !== "POST") {
        refuse(req, res, 405, "method not allowed", { allow: "POST" });
        return;
      }
      onInteraction(req, res);
      return;
    }
    req.resume();
    if (path === "/healthz") {
      if (req.method !== "GET" && req.method !== "HEAD") {
        sendError(res, 405, "method not allowed", { allow: "GET, HEAD" });
      } else if (handle && !closing) {
        send(res, 200, '{"status":"ok"}');
      } else {
        send(res, 503, JSON.stringify({ status: closing ? "stopping" : "loading" }));
      }
      return;
    }
    sendError(res, 404, "not found");
  });
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.requestTimeout = 2 * REQUEST_TIMEOUT_MS;
  server.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  server.on("connection", (socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  });
  return {
    server,
    listen(port, host = "0.0.0.0") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(server.address());
        });
      });
    },
    setHandler(h) {
      handle = h;
    },
    get ready() {
      return handle !== void 0;
    },
    get pendingFollowUps() {
      return followUps.size;
    },
    async close() {
      closing = true;
      const started = Date.now();
      const stopped = new Promise((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      const work = () => inFlight - receiving.size + followUps.size;
      const over = () => {
        const elapsed = Date.now() - started;
        return elapsed >= grace || work() === 0 && (connections.size === 0 || elapsed >= drainIdle);
      };
      while (!over()) await new Promise((r) => setTimeout(r, 20));
      const inTime = work() === 0;
      server.closeAllConnections();
      for (const socket of connections) socket.destroy();
      await stopped;
      await delivery.close(!inTime);
      return inTime;
    }
  };
}

// src/discord/config.ts
import { existsSync } from "node:fs";
import dotenv from "dotenv";
import { z } from "zod";
var MAX_SHARD_COUNT = 65536;
var MAX_SHARDS = 256;
var SHARDS_MESSAGE = `must be "auto", a whole number from 1 to ${MAX_SHARDS}, or a range of shard ids such as 0-7 (with SHARD_COUNT)`;
var DEFAULT_SHARD_SPAWN_DELAY_MS = 5500;
var PORTAL = "https://discord.com/developers/applications";
var HINTS = {
  DISCORD_TOKEN: `the bot token: ${PORTAL} \u2192 your application \u2192 Bot \u2192 Reset Token`,
  DISCORD_CLIENT_ID: `the Application ID (digits only, e.g. 1123456789012345678): ${PORTAL} \u2192 your application \u2192 General Information`,
  DISCORD_GUILD_ID: "a server id (digits only): Discord \u2192 Settings \u2192 Advanced \u2192 Developer Mode, then right-click the server \u2192 Copy Server ID; leave it empty to deploy commands globally",
  DISCORD_API_URL: "the REST base including /api, e.g. https://discord.com/api (leave it empty for Discord itself)",
  DISCORD_PUBLIC_KEY: `the application's public key (64 hex characters): ${PORTAL} \u2192 your application \u2192 General Information`,
  LOG_LEVEL: `one of ${LOG_LEVELS.join(", ")}`,
  HOST: "the address the HTTP endpoint listens on, e.g. 0.0.0.0 or 127.0.0.1",
  PORT: "a TCP port between 0 and 65535",
  COOLDOWN_BURST: "how many commands a user may send back to back (0 turns the cooldown off)",
  COOLDOWN_REFILL_MS: "milliseconds until a user may send one more command after the burst",
  SHARDS: `"auto" (the shard count Discord recommends), a number of shard processes from 1 to ${MAX_SHARDS}, or this host's range of shard ids such as 0-7 together with SHARD_COUNT; leave it empty for one process without sharding`,
  SHARD_COUNT: `the total number of shards over all hosts, from 1 to ${MAX_SHARD_COUNT}, with SHARDS set to this host's range (e.g. SHARDS=0-7 SHARD_COUNT=16)`,
  DATABASE_URL: "a PostgreSQL connection URL such as postgres://bot:secret@db.internal:5432/bot; leave it empty for the embedded SQLite file under DATA_DIR",
  SHARD_SPAWN_DELAY_MS: "milliseconds between starting two shard processes (default 5500; Discord allows one IDENTIFY per 5 s unless max_concurrency is higher)",
  DATA_DIR: `a directory for the bot's database (default ${DEFAULT_DATA_DIR}; created if missing)`,
  HTTP_MAX_CONNECTIONS: `how many connections one HTTP process holds open at most, a whole number from 1 (default ${DEFAULT_MAX_CONNECTIONS})`,
  RETENTION_DAYS: `how many days unanswered questions are kept, a whole number from 1 (default ${DEFAULT_RETENTION_DAYS})`,
  MESSAGE_CONTENT: "true or false (default false): true only after turning on Message Content Intent in the developer portal (Bot \u2192 Privileged Gateway Intents)"
};
var TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
var SECRET = /* @__PURE__ */ new Set(["DISCORD_TOKEN", "DATABASE_URL"]);
var optional = (schema) => z.preprocess((v) => typeof v === "string" && v.trim() === "" ? void 0 : typeof v === "string" ? v.trim() : v, schema.optional());
var snowflake = z.string().regex(/^\d{1,20}$/, "must be a Discord id (digits only)").refine((s) => !/^\d+$/.test(s) || BigInt(s) < 2n ** 64n, "is too large for a Discord id");
var EnvSchema = z.object({
  DISCORD_TOKEN: optional(
    z.string().refine((s) => !/^Bot\s/i.test(s), 'must be the token alone, without the "Bot " prefix').refine((s) => !/\s/.test(s), "must not contain spaces or line breaks").refine((s) => /\s/.test(s) || /^Bot\s/i.test(s) || TOKEN_SHAPE.test(s), "is not shaped like a bot token (three base64url parts separated by dots)")
  ),
  DISCORD_CLIENT_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(z.string().url("must be a URL").refine((s) => /^https?:\/\//.test(s), "must start with http:// or https://")),
  DISCORD_PUBLIC_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, "must be 64 hexadecimal characters")),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` })),
  HOST: optional(z.string()),
  PORT: optional(z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(0).max(65535, "must be at most 65535")),
  COOLDOWN_BURST: optional(z.coerce.number({ message: "must be a number" }).int().min(0)),
  COOLDOWN_REFILL_MS: optional(z.coerce.number({ message: "must be a number" }).int().min(1)),
  SHARDS: optional(
    z.union(
      [
        z.literal("auto"),
        z.string().regex(/^\d+\s*-\s*\d+$/, SHARDS_MESSAGE),
        z.coerce.number().int(SHARDS_MESSAGE).min(1, SHARDS_MESSAGE).max(MAX_SHARDS, SHARDS_MESSAGE)
      ],
      { message: SHARDS_MESSAGE }
    )
  ),
  SHARD_COUNT: optional(z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1).max(MAX_SHARD_COUNT)),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// URL")),
  SHARD_SPAWN_DELAY_MS: optional(z.coerce.number({ message: "must be a number" }).int().min(0).max(6e5)),
  DATA_DIR: optional(z.string()),
  RETENTION_DAYS: optional(z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1")),
  HTTP_MAX_CONNECTIONS: optional(z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1")),
  MESSAGE_CONTENT: optional(z.enum(["true", "false"], { message: "must be true or false" }))
});
var REQUIRED = {
  gateway: ["DISCORD_TOKEN", "DISCORD_CLIENT_ID"],
  deploy: ["DISCORD_TOKEN", "DISCORD_CLIENT_ID"],
  http: ["DISCORD_PUBLIC_KEY", "DISCORD_CLIENT_ID"]
};
var ConfigError = class extends Error {
  constructor(mode, problems) {
    super(formatProblems(mode, problems));
    this.mode = mode;
    this.problems = problems;
    this.name = "ConfigError";
  }
  mode;
  problems;
};
function formatProblems(mode, problems) {
  const lines = [`Configuration problem${problems.length === 1 ? "" : "s"} (${problems.length}):`, ...problems.map((p) => `  - ${p}`), ""];
  lines.push("Set these in the environment or in a .env file (copy .env.example to .env and fill it in).");
  if (mode === "gateway" || mode === "deploy") {
    lines.push(`To try the bot offline, without Discord: npm run ask -- "Who did China's foreign minister meet?"`);
  }
  return lines.join("\n");
}
function parseConfig(mode, env) {
  const problems = [];
  const shard = shardOf(env);
  const parsed = EnvSchema.safeParse(shard ? { ...env, SHARDS: void 0, SHARD_COUNT: void 0 } : env);
  const bad = /* @__PURE__ */ new Set();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      if (bad.has(key)) continue;
      bad.add(key);
      const shown = SECRET.has(key) ? "" : ` (got "${String(env[key]).trim().slice(0, 80)}")`;
      problems.push(`${key} ${issue.message}${shown}. Expected ${HINTS[key] ?? "a valid value"}.`);
    }
  }
  for (const key of REQUIRED[mode]) {
    if (!bad.has(key) && !env[key]?.trim()) {
      const what = mode === "http" ? "the HTTP endpoint" : mode === "deploy" ? "deploy-commands" : "the bot";
      problems.push(`${key} is not set (required to run ${what}). Set it to ${HINTS[key]}.`);
    }
  }
  const shards = parsed.success && !bad.has("SHARDS") && !bad.has("SHARD_COUNT") ? shardsOf(parsed.data.SHARDS, parsed.data.SHARD_COUNT, problems) : void 0;
  if (problems.length > 0 || !parsed.success) throw new ConfigError(mode, problems);
  const v = parsed.data;
  const burst = v.COOLDOWN_BURST ?? DEFAULT_BURST;
  return {
    ...v.DISCORD_TOKEN ? { token: v.DISCORD_TOKEN } : {},
    clientId: v.DISCORD_CLIENT_ID,
    ...v.DISCORD_GUILD_ID ? { guildId: v.DISCORD_GUILD_ID } : {},
    ...v.DISCORD_API_URL ? { apiUrl: v.DISCORD_API_URL.replace(/\/+$/, "") } : {},
    ...v.DISCORD_PUBLIC_KEY ? { publicKey: v.DISCORD_PUBLIC_KEY.toLowerCase() } : {},
    logLevel: v.LOG_LEVEL ?? "info",
    host: v.HOST ?? "0.0.0.0",
    port: v.PORT ?? 3e3,
    cooldown: burst === 0 ? false : { burst, refillMs: v.COOLDOWN_REFILL_MS ?? DEFAULT_REFILL_MS },
    ...shards !== void 0 ? { shards } : {},
    shardSpawnDelayMs: v.SHARD_SPAWN_DELAY_MS ?? DEFAULT_SHARD_SPAWN_DELAY_MS,
    ...shard ? { shard } : {},
    ...v.DATABASE_URL ? { databaseUrl: v.DATABASE_URL } : {},
    dataDir: v.DATA_DIR ?? DEFAULT_DATA_DIR,
    retentionDays: v.RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS,
    maxConnections: v.HTTP_MAX_CONNECTIONS ?? DEFAULT_MAX_CONNECTIONS,
    messageContent: v.MESSAGE_CONTENT === "true"
  };
}
function shardsOf(shards, count, problems) {
  if (typeof shards !== "string" || shards === "auto") {
    if (count !== void 0) problems.push(`SHARD_COUNT is set but SHARDS is not a range of shard ids. Expected ${HINTS.SHARD_COUNT}.`);
    return shards;
  }
  const [first, last] = shards.split("-").map((n) => Number(n.trim()));
  if (count === void 0) {
    problems.push(`SHARDS is a range (${shards}) but SHARD_COUNT is not set. Expected ${HINTS.SHARD_COUNT}.`);
  } else if (first > last || last >= count) {
    problems.push(`SHARDS ${shards} is not a range of shard ids within SHARD_COUNT ${count} (ids run from 0 to ${count - 1}). Expected ${HINTS.SHARDS}.`);
  } else if (last - first + 1 > MAX_SHARDS) {
    problems.push(`SHARDS ${shards} asks for ${last - first + 1} shard processes on this host; at most ${MAX_SHARDS}. Expected ${HINTS.SHARDS}.`);
  }
  return { first, last, count: count ?? last + 1 };
}
function shardOf(env) {
  if (!env.SHARDING_MANAGER) return void 0;
  const id = Number(env.SHARDS);
  const count = Number(env.SHARD_COUNT);
  if (!Number.isInteger(id) || !Number.isInteger(count) || id < 0 || count < 1 || id >= count) return void 0;
  return { id, count };
}
function loadEnvFile(env = process.env) {
  const path = env.ENV_FILE ?? ".env";
  if (existsSync(path)) dotenv.config({ path, quiet: true, processEnv: env });
}
function loadConfig(mode, env = process.env) {
  loadEnvFile(env);
  return parseConfig(mode, env);
}
function configOrExit(mode) {
  try {
    return loadConfig(mode);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}
`);
      process.exit(1);
    }
    throw err;
  }
}

export {
  createInteractionsServer,
  configOrExit
};
//# sourceMappingURL=chunk-UQDIB6I5.js.map
