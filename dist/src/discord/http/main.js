import {
  createInteractionHandler,
  createKnowledgeStore,
  logSkipped,
  openStore,
  relayReloads,
  reloadOnSignal,
  shareReloads,
  shareReloadsOverStore,
  warmUp
} from "../../../chunk-YOAQV2SY.js";
import {
  configOrExit,
  createInteractionsServer
} from "../../../chunk-NVCRMJXY.js";
import {
  KnowledgeError
} from "../../../chunk-I2VQDV45.js";
import {
  installProcessGuards
} from "../../../chunk-GL54W7CU.js";
import "../../../chunk-JNSYBOQC.js";
import "../../../chunk-MK7BL3V7.js";
import {
  addSecret,
  createLogger
} from "../../../chunk-43HE7FTE.js";

// src/discord/http/main.ts
import cluster from "node:cluster";
import { availableParallelism } from "node:os";

// src/discord/forum/rest-channels.ts
var DISCORD_API = "https://discord.com/api";
var TIMEOUT_MS = 2500;
function restChannels(token, apiUrl = DISCORD_API) {
  const call = async (method, id, body) => {
    if (!/^\d{1,20}$/.test(id)) throw new Error("not a channel id");
    const res = await fetch(`${apiUrl}/v10/channels/${id}`, {
      method,
      headers: { authorization: `Bot ${token}`, ...body ? { "content-type": "application/json" } : {} },
      ...body ? { body: JSON.stringify(body) } : {},
      signal: AbortSignal.timeout(TIMEOUT_MS)
    });
    if (!res.ok) throw new Error(`Discord answered ${res.status} to ${method} /channels/${id}`);
    return res.json();
  };
  return { getChannel: (id) => call("GET", id), editChannel: (id, body) => call("PATCH", id, body) };
}

// src/discord/http/main.ts
function workerCount(value) {
  const v = (value ?? "").trim();
  if (v === "") return 1;
  if (v === "auto") return availableParallelism();
  if (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 64) return Number(v);
  process.stderr.write(
    `Configuration problem (1):
  - HTTP_WORKERS must be a number from 1 to 64 or "auto" (got "${v.slice(0, 20)}"). Expected how many processes serve the endpoint (default 1).
`
  );
  process.exit(1);
}
function announce(host, port, workers2) {
  const shown = host.includes(":") ? `[${host}]` : host;
  const suffix = workers2 > 1 ? `, ${workers2} workers` : "";
  process.stdout.write(`Listening on http://${shown}:${port} (POST /interactions, GET /healthz${suffix})
`);
}
async function serve(config2, log2) {
  const endpoint = createInteractionsServer({
    publicKey: config2.publicKey,
    ...config2.apiUrl ? { apiUrl: config2.apiUrl } : {},
    ...config2.token ? { token: config2.token } : {},
    maxConnections: config2.maxConnections,
    logger: log2
  });
  let stopping = false;
  const shutdown = (signal) => {
    if (stopping) return;
    stopping = true;
    log2.info(`${signal}: no new connections; finishing in-flight requests and ${endpoint.pendingFollowUps} follow-up(s)`);
    endpoint.close().then(
      (inTime) => {
        if (!inTime) log2.warn("Shutdown grace period ran out; remaining connections were closed");
        log2.info("Stopped");
        process.exit(0);
      },
      (err) => {
        log2.error("Error while stopping", err);
        process.exit(1);
      }
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  try {
    const address = await endpoint.listen(config2.port, config2.host);
    if (cluster.isPrimary) announce(address.address, address.port, 1);
  } catch (err) {
    const code = err.code;
    log2.error(
      code === "EADDRINUSE" ? `Port ${config2.port} on ${config2.host} is already in use: set PORT to a free port` : `Could not listen on ${config2.host}:${config2.port}`,
      err
    );
    process.exit(1);
  }
  await new Promise((resolve) => setImmediate(resolve));
  try {
    const knowledge = createKnowledgeStore();
    logSkipped(log2, knowledge.current());
    const curator = await openStore({ ...config2.databaseUrl ? { databaseUrl: config2.databaseUrl } : {}, dataDir: config2.dataDir, retentionDays: config2.retentionDays, log: log2 });
    const replicas = shareReloadsOverStore(knowledge, curator, log2);
    const discord = config2.token ? restChannels(config2.token, config2.apiUrl) : void 0;
    const handle = createInteractionHandler({ knowledge, log: log2, cooldown: config2.cooldown, curator, ...discord ? { discord } : {}, ...replicas ? { replicas } : {} });
    await warmUp(createInteractionHandler({ knowledge, cooldown: false }));
    endpoint.setHandler(handle);
    reloadOnSignal(knowledge, log2);
    if (cluster.isWorker) shareReloads(knowledge, log2);
  } catch (err) {
    process.stderr.write(`${err instanceof KnowledgeError ? err.message : String(err)}
`);
    process.exit(1);
  }
  if (!stopping) {
    log2.info("Ready: knowledge loaded, answering interactions");
    process.send?.({ ready: true });
  }
}
function supervise(config2, log2, workers2) {
  let stopping = false;
  let announced = false;
  const ready = /* @__PURE__ */ new Set();
  const live = /* @__PURE__ */ new Set();
  const fork = () => {
    const worker = cluster.fork();
    live.add(worker.id);
    worker.on("message", (m) => {
      if (m.ready) ready.add(worker.id);
    });
  };
  cluster.on("listening", (_worker, address) => {
    if (announced) return;
    announced = true;
    announce(address.address ?? config2.host, address.port, workers2);
  });
  let exitCode = 0;
  cluster.on("exit", (worker, code, signal) => {
    live.delete(worker.id);
    const wasReady = ready.delete(worker.id);
    if (stopping) {
      if (code !== 0) exitCode = 1;
      if (live.size === 0) process.exit(exitCode);
      return;
    }
    if (!wasReady) {
      log2.error(`Worker ${worker.process.pid} exited (${signal ?? code}) before it was ready; stopping`);
      exitCode = 1;
      stop("worker failure");
      return;
    }
    log2.warn(`Worker ${worker.process.pid} exited (${signal ?? code}); starting a new one`);
    fork();
  });
  const stop = (why) => {
    if (stopping) return;
    stopping = true;
    log2.info(`${why}: stopping ${live.size} worker(s)`);
    if (live.size === 0) process.exit(exitCode);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  relayReloads(log2);
  for (let i = 0; i < workers2; i++) fork();
}
var config = configOrExit("http");
var log = createLogger(config.logLevel);
addSecret(config.token);
addSecret(config.publicKey);
installProcessGuards(log, { mode: cluster.isPrimary ? "http" : `http worker ${cluster.worker?.id ?? ""}`.trim() });
var workers = cluster.isPrimary ? workerCount(process.env.HTTP_WORKERS) : 1;
if (cluster.isPrimary && workers > 1) supervise(config, log, workers);
else await serve(config, log);
//# sourceMappingURL=main.js.map
