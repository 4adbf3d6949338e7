import {
  answerPost,
  boot,
  onStopSignals
} from "./chunk-JMCQRML5.js";
import {
  DEFAULT_API_URL,
  createDelivery,
  errorReply,
  instead,
  interactionLine,
  logInteraction,
  noticeReply
} from "./chunk-ZMW5B3AT.js";
import "./chunk-NA2RNWX3.js";
import "./chunk-6RQLLAWW.js";
import "./chunk-3Q5STBVI.js";
import "./chunk-MK7BL3V7.js";
import {
  silentLogger
} from "./chunk-MXDCF3SD.js";

// src/discord/gateway.ts
import { Client, GatewayIntentBits } from "discord.js";
import { GatewayDispatchEvents } from "discord-api-types/v10";
var STOP_GRACE_MS = 1e4;
var RESTARTING = noticeReply("The bot is restarting. Please try again in a few seconds.");
function createGatewayBot(options) {
  const log = options.log ?? silentLogger;
  const delivery = createDelivery({ ...options.apiUrl ? { apiUrl: options.apiUrl } : {} });
  const client = new Client({
    ...options.clientOptions,
    // Guilds alone carries interactions and THREAD_CREATE; Message Content only when an owner turned it on.
    intents: options.messageContent ? [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent] : [GatewayIntentBits.Guilds],
    // For what discord.js builds itself (forum replies through channel.send): interaction bodies get it at the edge.
    allowedMentions: { parse: [] },
    rest: {
      agent: delivery.dispatcher,
      ...options.clientOptions?.rest,
      ...options.apiUrl ? { api: options.apiUrl } : {}
    }
  });
  const actions = client.actions;
  if (actions?.InteractionCreate) actions.InteractionCreate.handle = () => void 0;
  const pending = /* @__PURE__ */ new Set();
  let draining = false;
  async function apply(i, shard) {
    const started = performance.now();
    let result;
    if (draining) result = { response: instead(i, RESTARTING) };
    else {
      try {
        result = await options.handle(i);
      } catch (err) {
        log.error(`Handler threw for interaction ${i.id} on shard ${shard}`, err);
        result = { response: instead(i, errorReply(i.id)) };
      }
    }
    const outcome = await deliver(i, shard, result);
    logInteraction(log, interactionLine(i, result, started, { outcome, transport: "gateway", shard }));
  }
  async function deliver(i, shard, result) {
    try {
      await delivery.callback(i, result.response);
    } catch (err) {
      log.error(`Could not answer interaction ${i.id} (type ${result.response.type}) on shard ${shard}`, err);
      return "failed";
    }
    if (!result.followUp) return "answered";
    return delivery.followUp(
      i,
      result.followUp,
      (stage, err) => log.error(stage === "work" ? `Follow-up failed for interaction ${i.id} on shard ${shard}` : `Could not deliver the deferred answer for interaction ${i.id} on shard ${shard}`, err)
    );
  }
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data, shardId) => {
    const p = apply(data, shardId).finally(() => pending.delete(p));
    pending.add(p);
  });
  client.on("error", (err) => log.error("discord.js client error", err));
  client.on("warn", (msg) => log.warn(msg));
  client.on("debug", (msg) => log.debug(msg));
  client.on("shardDisconnect", (ev, id) => log.warn(`Shard ${id} disconnected (code ${ev.code}); discord.js will reconnect`));
  client.on("shardResume", (id, replayed) => log.info(`Shard ${id} resumed (${replayed} events replayed)`));
  return {
    client,
    get inFlight() {
      return pending.size;
    },
    async start() {
      const ready = new Promise((resolve) => client.once("clientReady", () => resolve()));
      await client.login(options.token);
      await ready;
      const count = client.options.shardCount ?? 1;
      const shards = count > 1 ? ` on shard ${[client.options.shards].flat().join(", ")} of ${count}` : "";
      log.info(`Logged in as ${client.user?.tag ?? "the bot"}; serving ${client.guilds.cache.size} guild(s)${shards}`);
    },
    async stop(graceMs = STOP_GRACE_MS) {
      draining = true;
      let late = false;
      if (pending.size > 0) {
        log.info(`Finishing ${pending.size} interaction(s) in flight (up to ${graceMs} ms)`);
        let timer;
        const grace = new Promise((resolve) => timer = setTimeout(resolve, graceMs, "late"));
        const drained = (async () => {
          while (pending.size > 0) await Promise.allSettled([...pending]);
        })();
        late = await Promise.race([drained, grace]) === "late";
        clearTimeout(timer);
        if (late) log.warn(`${pending.size} interaction(s) still in flight after ${graceMs} ms; disconnecting anyway`);
      }
      await client.destroy();
      await delivery.close(late);
    }
  };
}

// src/discord/run-gateway.ts
import { Routes as Routes2 } from "discord-api-types/v10";

// src/discord/forum/watch.ts
import { GatewayDispatchEvents as GatewayDispatchEvents2, Routes } from "discord-api-types/v10";

// src/discord/forum/post.ts
function readPost(raw) {
  const t = raw;
  if (!t || typeof t !== "object") return void 0;
  const str = (v) => typeof v === "string" && v.length > 0 ? v : void 0;
  const threadId = str(t.id);
  const guildId = str(t.guild_id);
  const parentId = str(t.parent_id);
  const ownerId = str(t.owner_id);
  if (!threadId || !guildId || !parentId || !ownerId) return void 0;
  const meta = t.thread_metadata ?? {};
  return {
    threadId,
    guildId,
    parentId,
    ownerId,
    title: typeof t.name === "string" ? t.name : "",
    newlyCreated: t.newly_created === true,
    archived: meta.archived === true,
    locked: meta.locked === true
  };
}
function skipReason(post, settings, botId, answered) {
  if (!settings?.forumChannelId) return "no-forum";
  if (post.parentId !== settings.forumChannelId) return "other-channel";
  if (!post.newlyCreated) return "not-new";
  if (post.archived || post.locked) return "closed";
  if (botId && post.ownerId === botId) return "own-post";
  if (answered.has(post.threadId)) return "already-answered";
  return void 0;
}
var MAX_BODY_CHARS = 600;
function postQuestions(title, body) {
  const t = title.trim();
  const b = (body ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_BODY_CHARS);
  if (!b) return t ? [t] : [];
  return t ? [t, `${t} ${b}`, b] : [b];
}
var RecentIds = class {
  constructor(max = 1e4) {
    this.max = max;
  }
  max;
  ids = /* @__PURE__ */ new Set();
  has(id) {
    return this.ids.has(id);
  }
  add(id) {
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value);
  }
};

// src/discord/forum/watch.ts
var STARTER_RETRY_MS = 300;
function watchForumPosts(client, options) {
  const { log } = options;
  const answered = new RecentIds();
  const pending = /* @__PURE__ */ new Set();
  async function starterOf(post) {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        return await client.rest.get(Routes.channelMessage(post.threadId, post.threadId));
      } catch (err) {
        if (attempt === 0) await new Promise((r) => setTimeout(r, STARTER_RETRY_MS));
        else log.debug(`Forum post ${post.threadId}: starter message not readable (${String(err)}); answering from the title`);
      }
    }
    return void 0;
  }
  async function answer(post, ctx) {
    const starter = await starterOf(post);
    if (starter?.author?.bot) return log.debug(`Forum post ${post.threadId} was opened by a bot; left alone`);
    const wait = options.cooldowns.take(post.ownerId, ctx.settings);
    if (wait > 0) return log.info(`Forum post ${post.threadId} not answered: its author is over the cooldown (${wait} ms)`);
    const body = options.messageContent ? starter?.content : void 0;
    const reply = answerPost(postQuestions(post.title, body), ctx);
    ctx.questions?.record(post.title);
    await client.rest.post(Routes.channelMessages(post.threadId), { body: reply.data });
    if (reply.found) ctx.questions?.recordForum("answered");
    log.info(`Answered forum post ${post.threadId} in guild ${post.guildId} (found: ${reply.found})`);
  }
  client.ws.on(GatewayDispatchEvents2.ThreadCreate, (data) => {
    const post = readPost(data);
    if (!post) return;
    const ctx = options.contextFor(post.guildId);
    const skip = skipReason(post, ctx.settings, client.user?.id, answered);
    if (skip) {
      if (skip !== "no-forum" && skip !== "other-channel") log.debug(`Forum post ${post.threadId} left alone: ${skip}`);
      return;
    }
    answered.add(post.threadId);
    const p = answer(post, ctx).catch((err) => log.error(`Could not answer forum post ${post.threadId}`, err)).finally(() => pending.delete(p));
    pending.add(p);
  });
  return { pending };
}

// src/discord/run-gateway.ts
var SHUTDOWN_MS = STOP_GRACE_MS + 2e3;
async function runGateway(config, log) {
  let bot;
  const discord = {
    getChannel: (id) => bot.client.rest.get(Routes2.channel(id)),
    editChannel: (id, body) => bot.client.rest.patch(Routes2.channel(id), { body })
  };
  const mode = config.shard ? `shard ${config.shard.id}` : "gateway";
  const { handle, contextFor, cooldowns } = await boot(config, log, { mode, discord, ipcReloads: Boolean(config.shard && process.send) });
  const clientOptions = config.shard ? { shards: [config.shard.id], shardCount: config.shard.count } : { shards: [0], shardCount: 1 };
  bot = createGatewayBot({ token: config.token, ...config.apiUrl ? { apiUrl: config.apiUrl } : {}, handle, log, clientOptions, messageContent: config.messageContent });
  const forum = watchForumPosts(bot.client, { contextFor, cooldowns, messageContent: config.messageContent, log });
  const running = bot;
  let stopping = false;
  const shutdown = (signal) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing in-flight answers and disconnecting`);
    setTimeout(() => process.exit(0), SHUTDOWN_MS).unref();
    const forumDone = Promise.race([Promise.allSettled([...forum.pending]), new Promise((r) => setTimeout(r, STOP_GRACE_MS).unref())]);
    forumDone.then(() => running.stop()).then(
      () => process.exit(0),
      (err) => {
        log.error("Error while disconnecting", err);
        process.exit(0);
      }
    );
  };
  onStopSignals(shutdown);
  if (config.shard && process.connected) process.once("disconnect", () => shutdown("ShardingManager gone"));
  try {
    await running.start();
  } catch (err) {
    const code = err.code;
    const network = networkFailure(err);
    if (code === "TokenInvalid") log.error("Discord rejected DISCORD_TOKEN. Reset it in the developer portal (Bot \u2192 Reset Token) and update .env.");
    else if (network) log.error(`Could not reach Discord at ${config.apiUrl ?? DEFAULT_API_URL} (${network}). Check the network connection, and DISCORD_API_URL if it is set.`);
    else log.error("Could not connect to Discord", err);
    await running.stop(0).catch(() => void 0);
    process.exit(1);
  }
  return running;
}
var NETWORK_CODES = /* @__PURE__ */ new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_SOCKET"]);
function networkFailure(err) {
  for (let e = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = e.code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return e.message.includes(code) ? e.message : `${code}: ${e.message}`;
  }
  return void 0;
}
export {
  runGateway
};
//# sourceMappingURL=run-gateway-FOJRCTTL.js.map
