import {
  addSecret
} from "./chunk-MXDCF3SD.js";

// src/discord/sharding.ts
var DISCORD_API = "https://discord.com/api";
var READY_TIMEOUT_MS = 6e4;
var STOP_GRACE_MS = 13e3;
var isReloadOthers = (m) => typeof m === "object" && m !== null && m.kb === "reload-others";
var ShardCountError = class extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
    this.name = "ShardCountError";
  }
  code;
};
async function fetchRecommendedShards(apiUrl, token) {
  const url = `${apiUrl.replace(/\/+$/, "")}/v10/gateway/bot`;
  let res;
  try {
    res = await fetch(url, {
      headers: { authorization: `Bot ${token}`, "user-agent": "DiscordBot (https://github.com/article-qa-bot, 0.1.0)" },
      signal: AbortSignal.timeout(15e3)
    });
  } catch (err) {
    throw new ShardCountError(`Could not reach ${url} for the recommended shard count: ${err instanceof Error ? err.message : String(err)}`, "Unreachable");
  }
  if (res.status === 401) throw new ShardCountError("Discord rejected DISCORD_TOKEN. Reset it in the developer portal (Bot \u2192 Reset Token) and update .env.", "TokenInvalid");
  if (!res.ok) throw new ShardCountError(`GET ${url} answered ${res.status}; cannot pick a shard count (set SHARDS to a number instead of auto)`, "BadResponse");
  const body = await res.json().catch(() => void 0);
  const shards = body?.shards;
  if (typeof shards !== "number" || !Number.isInteger(shards) || shards < 1) {
    throw new ShardCountError(`GET ${url} gave no usable shard count (got ${JSON.stringify(shards)}); set SHARDS to a number instead of auto`, "BadResponse");
  }
  return {
    shards,
    maxConcurrency: body?.session_start_limit?.max_concurrency ?? 1,
    remaining: body?.session_start_limit?.remaining ?? Infinity
  };
}
async function runShardingManager(config, log, entry) {
  const token = config.token;
  addSecret(token);
  const api = config.apiUrl ?? DISCORD_API;
  let total;
  if (config.shards === "auto") {
    try {
      const rec = await fetchRecommendedShards(api, token);
      total = rec.shards;
      log.info(`Discord recommends ${total} shard(s) (max_concurrency ${rec.maxConcurrency}, ${rec.remaining} session starts left)`);
      if (rec.remaining < total) log.warn(`Only ${rec.remaining} session starts are left today for ${total} shard(s); some shards may not connect until the limit resets`);
    } catch (err) {
      log.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    }
  } else if (typeof config.shards === "object") {
    total = config.shards.count;
  } else {
    total = config.shards ?? 1;
  }
  const slice = typeof config.shards === "object" ? config.shards : void 0;
  const shardList = slice ? Array.from({ length: slice.last - slice.first + 1 }, (_, k) => slice.first + k) : [...Array(total).keys()];
  const here = shardList.length;
  if (config.apiUrl) process.env.DISCORD_API_URL = config.apiUrl;
  else delete process.env.DISCORD_API_URL;
  const { ShardingManager } = await import("discord.js");
  const manager = new ShardingManager(entry, {
    totalShards: total,
    shardList,
    token,
    mode: "process",
    // The same loader flags (`--import tsx`) as this process, so the shard can run src/main.ts.
    execArgv: process.execArgv,
    // Off while starting: a shard that cannot start (bad token, broken knowledge) must stop the
    // start, not be restarted forever. Turned on once every shard is ready.
    respawn: false
  });
  const live = /* @__PURE__ */ new Map();
  let stopping = false;
  let exitCode = 0;
  let killTimer;
  const finishIfDone = () => {
    if (stopping && live.size === 0) {
      clearTimeout(killTimer);
      log.info(`All shards stopped; exiting ${exitCode}`);
      process.exit(exitCode);
    }
  };
  const stopAll = (why, code) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    manager.respawn = false;
    log.info(`${why}: stopping ${live.size} shard process(es)`);
    for (const child of live.values()) child.kill("SIGTERM");
    killTimer = setTimeout(() => {
      log.warn(`${live.size} shard process(es) did not exit within ${STOP_GRACE_MS} ms; killing them`);
      for (const child of live.values()) child.kill("SIGKILL");
      setTimeout(() => process.exit(exitCode), 500).unref();
    }, STOP_GRACE_MS);
    killTimer.unref();
    finishIfDone();
  };
  manager.on("shardCreate", (shard) => {
    const name = `Shard ${shard.id}/${total}`;
    shard.on("spawn", (p) => {
      const child = p;
      if (stopping) {
        child.kill("SIGTERM");
      }
      live.set(shard.id, child);
      log.info(`${name}: process ${child.pid} starting`);
    });
    shard.on("ready", () => log.info(`${name}: ready`));
    shard.on("disconnect", () => stopping || log.warn(`${name}: gateway disconnected`));
    shard.on("reconnecting", () => stopping || log.info(`${name}: reconnecting`));
    shard.on("death", (p) => {
      const child = p;
      if (live.get(shard.id) === child) live.delete(shard.id);
      if (stopping) {
        if (child.exitCode !== 0 && child.exitCode !== null) log.warn(`${name}: exited with code ${child.exitCode}`);
        finishIfDone();
        return;
      }
      log.warn(`${name}: process ${child.pid} exited (${child.signalCode ?? `code ${child.exitCode}`})${manager.respawn ? "; restarting it" : ""}`);
    });
    shard.on("error", (err) => log.error(`${name}: ${err.message}`));
    shard.on("message", (m) => {
      if (isReloadOthers(m)) reloadShards(`${m.origin}, relayed from shard ${shard.id}`, shard.id);
    });
  });
  const reloadShards = (origin, except) => {
    for (const shard of manager.shards.values()) {
      if (shard.id === except || !shard.process?.connected) continue;
      shard.send({ kb: "reload", origin }).catch((err) => log.warn(`Shard ${shard.id}: could not pass on the reload (${String(err)})`));
    }
  };
  process.on("SIGHUP", () => {
    log.info(`SIGHUP: asking ${manager.shards.size} shard process(es) to reload the knowledge`);
    reloadShards("SIGHUP");
  });
  process.once("SIGTERM", () => stopAll("SIGTERM", 0));
  process.once("SIGINT", () => stopAll("SIGINT", 0));
  log.info(`Starting ${slice ? `shards ${slice.first}-${slice.last} of ${total}: ` : ""}${here} shard process(es), ${config.shardSpawnDelayMs} ms apart`);
  try {
    await manager.spawn({ amount: total, delay: config.shardSpawnDelayMs, timeout: READY_TIMEOUT_MS });
  } catch (err) {
    if (!stopping) {
      log.error(`A shard could not start (${err instanceof Error ? err.message : String(err)}); stopping the others`);
      stopAll("Start-up failed", 1);
    }
    await new Promise(() => void 0);
  }
  if (!stopping) {
    manager.respawn = true;
    log.info(`Ready: ${here} shard process(es)${slice ? ` (shards ${slice.first}-${slice.last} of ${total})` : ""} answering interactions`);
  }
  return { manager, totalShards: total };
}
export {
  DISCORD_API,
  ShardCountError,
  fetchRecommendedShards,
  runShardingManager
};
//# sourceMappingURL=sharding-GKZ3DXPS.js.map
