import {
  installProcessGuards,
  message
} from "./chunk-6RQLLAWW.js";
import {
  addSecret
} from "./chunk-MXDCF3SD.js";

// src/discord/delivery.ts
import { Agent } from "undici";
import {
  InteractionResponseType as InteractionResponseType3
} from "discord-api-types/v10";

// src/discord/deadline.ts
import {
  InteractionResponseType,
  MessageFlags
} from "discord-api-types/v10";
var DEFAULT_DEADLINE_MS = 2e3;
var TIMEOUT = /* @__PURE__ */ Symbol("timeout");
function toResponse(reply) {
  if (reply.update) {
    const { flags: _flags, ...data } = reply.data;
    return { type: InteractionResponseType.UpdateMessage, data };
  }
  return { type: InteractionResponseType.ChannelMessageWithSource, data: reply.data };
}
function toEdit(data) {
  const body = {};
  if (data.allowed_mentions !== void 0) body.allowed_mentions = data.allowed_mentions;
  if (data.content !== void 0) body.content = data.content;
  body.embeds = data.embeds ?? [];
  body.components = data.components ?? [];
  return body;
}
function isPromise(value) {
  return typeof value?.then === "function";
}
async function respondWithin(work, shape, ms, onLateError) {
  const result = work();
  if (!isPromise(result)) return { response: toResponse(result) };
  const running = result;
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, ms, TIMEOUT);
  });
  try {
    const first = await Promise.race([running, timeout]);
    if (first !== TIMEOUT) return { response: toResponse(first) };
  } finally {
    clearTimeout(timer);
  }
  const response = shape.update ? { type: InteractionResponseType.DeferredMessageUpdate } : {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    data: shape.ephemeral ? { flags: MessageFlags.Ephemeral } : {}
  };
  const followUp = running.then(
    (reply) => toEdit(reply.data),
    (err) => toEdit(onLateError(err).data)
  );
  return { response, followUp };
}

// src/discord/outgoing.ts
import {
  InteractionResponseType as InteractionResponseType2,
  InteractionType
} from "discord-api-types/v10";
var PONG = { type: InteractionResponseType2.Pong };
function errorReply(ref) {
  return {
    data: message({
      content: `Something went wrong while answering. It has been logged (ref ${ref}); please try again.`,
      ephemeral: true
    })
  };
}
function noticeReply(content) {
  return { data: message({ content, ephemeral: true }) };
}
function instead(i, reply) {
  if (i.type === InteractionType.ApplicationCommandAutocomplete) {
    return { type: InteractionResponseType2.ApplicationCommandAutocompleteResult, data: { choices: [] } };
  }
  return { type: InteractionResponseType2.ChannelMessageWithSource, data: reply.data };
}
var NONE = { parse: [] };
function mentionsNone(data) {
  const m = data.allowed_mentions;
  if (!m || !Array.isArray(m.parse) || m.parse.length !== 0) return false;
  for (const key in m) if (key !== "parse") return false;
  return true;
}
function withoutMentions(data) {
  return mentionsNone(data) ? data : { ...data, allowed_mentions: NONE };
}
function safeResponse(response) {
  if ((response.type === InteractionResponseType2.ChannelMessageWithSource || response.type === InteractionResponseType2.UpdateMessage) && response.data) {
    return { ...response, data: withoutMentions(response.data) };
  }
  return response;
}
function responseJson(response) {
  return JSON.stringify(safeResponse(response));
}
function editJson(body) {
  return JSON.stringify(withoutMentions(body));
}

// src/discord/delivery.ts
var DEFAULT_API_URL = "https://discord.com/api";
var DELIVERY_RETRIES = 3;
var ATTEMPT_TIMEOUT_MS = 1e4;
var MAX_RATE_LIMIT_WAIT_MS = 5e3;
var USER_AGENT = "DiscordBot (https://github.com/article-qa-bot, 0.1.0)";
var DEFAULT_REST_CONNECTIONS = 128;
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
var RETRYABLE_CODES = /* @__PURE__ */ new Set(["ECONNRESET", "EPIPE", "ECONNREFUSED", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT"]);
function rateLimitWait(headers, text) {
  const header = Number(headers["retry-after"]);
  let seconds = Number.isFinite(header) ? header : NaN;
  if (!Number.isFinite(seconds)) {
    try {
      seconds = Number(JSON.parse(text).retry_after);
    } catch {
      seconds = NaN;
    }
  }
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1e3 : 1e3;
}
function createDelivery(options) {
  const base = new URL((options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ""));
  const origin = base.origin;
  const prefix = base.pathname.replace(/\/+$/, "");
  const dispatcher = new Agent({ connections: options.connections ?? DEFAULT_REST_CONNECTIONS });
  const json = { "content-type": "application/json", "user-agent": USER_AGENT };
  const withToken = options.token ? { ...json, authorization: `Bot ${options.token}` } : json;
  async function send(method, path, body, headers, label) {
    let limited = 0;
    for (let attempt = 0; ; attempt++) {
      let status;
      let text = "";
      let wait = 0;
      try {
        const res = await dispatcher.request({ origin, path: prefix + path, method, headers, body, headersTimeout: ATTEMPT_TIMEOUT_MS, bodyTimeout: ATTEMPT_TIMEOUT_MS });
        status = res.statusCode;
        if (status < 300) {
          await res.body.dump();
          return;
        }
        text = await res.body.text().catch(() => "");
        if (status === 429) wait = rateLimitWait(res.headers, text);
      } catch (err) {
        const code = err.code;
        if (attempt < DELIVERY_RETRIES && typeof code === "string" && RETRYABLE_CODES.has(code)) continue;
        throw err;
      }
      if (status === 429 && limited < DELIVERY_RETRIES && wait <= MAX_RATE_LIMIT_WAIT_MS) {
        limited++;
        attempt--;
        await sleep(wait);
        continue;
      }
      if (status < 500 || attempt >= DELIVERY_RETRIES) throw new Error(`${label} answered ${status} ${text.slice(0, 200)}`.trim());
    }
  }
  return {
    dispatcher,
    callback(i, response) {
      const query = response.type === InteractionResponseType3.ApplicationCommandAutocompleteResult ? "" : "?with_response=false";
      return send("POST", `/v10/interactions/${i.id}/${encodeURIComponent(i.token)}/callback${query}`, responseJson(response), json, `POST /interactions/${i.id}/callback`);
    },
    async followUp(i, pending, report) {
      let body;
      try {
        body = await pending;
      } catch (err) {
        report("work", err);
        body = toEdit(errorReply(i.id).data);
      }
      try {
        await send("PATCH", `/v10/webhooks/${i.application_id}/${encodeURIComponent(i.token)}/messages/@original`, editJson(body), withToken, "PATCH @original");
        return "answered";
      } catch (err) {
        report("patch", err);
        return "failed";
      }
    },
    async close(abandon = false) {
      await (abandon ? dispatcher.destroy() : dispatcher.close()).catch(() => void 0);
    }
  };
}

// src/runtime/protect.ts
function protectProcess(config, log, mode) {
  addSecret(config.token);
  addSecret(config.publicKey);
  installProcessGuards(log, { mode });
}

// src/discord/cooldown.ts
var MAX_TRACKED = 1e4;
var DEFAULT_BURST = 60;
var DEFAULT_REFILL_MS = 250;
function createCooldown({ burst = DEFAULT_BURST, refillMs = DEFAULT_REFILL_MS, now = Date.now } = {}) {
  const buckets = /* @__PURE__ */ new Map();
  return {
    take(userId) {
      const t = now();
      const b = buckets.get(userId) ?? { tokens: burst, at: t };
      b.tokens = Math.min(burst, b.tokens + (t - b.at) / refillMs);
      b.at = t;
      if (b.tokens < 1) {
        buckets.set(userId, b);
        return Math.ceil((1 - b.tokens) * refillMs);
      }
      b.tokens -= 1;
      buckets.delete(userId);
      buckets.set(userId, b);
      if (buckets.size > MAX_TRACKED) {
        const oldest = buckets.keys().next().value;
        if (oldest !== void 0) buckets.delete(oldest);
      }
      return 0;
    }
  };
}
function createGuildCooldowns(base = {}) {
  const fallback = base === false ? void 0 : createCooldown(base);
  const now = base === false ? void 0 : base.now;
  const byGuild = /* @__PURE__ */ new Map();
  const forGuild = (settings) => {
    if (!settings?.cooldown) return fallback;
    const { burst, refillMs } = settings.cooldown;
    const key = `${burst}/${refillMs}`;
    let entry = byGuild.get(settings.guildId);
    if (!entry || entry.key !== key) {
      entry = { key, cooldown: burst === 0 ? void 0 : createCooldown({ burst, refillMs, ...now ? { now } : {} }) };
      byGuild.set(settings.guildId, entry);
      if (byGuild.size > MAX_TRACKED) byGuild.delete(byGuild.keys().next().value);
    }
    return entry.cooldown;
  };
  return { take: (userId, settings) => forGuild(settings)?.take(userId) ?? 0 };
}

// src/discord/interaction-log.ts
import { InteractionType as InteractionType2 } from "discord-api-types/v10";
var TYPES = {
  [InteractionType2.Ping]: "ping",
  [InteractionType2.ApplicationCommand]: "command",
  [InteractionType2.MessageComponent]: "component",
  [InteractionType2.ApplicationCommandAutocomplete]: "autocomplete",
  [InteractionType2.ModalSubmit]: "modal"
};
function interactionLine(i, result, started, rest) {
  const summary = result?.summary;
  return {
    interaction: String(i.id),
    type: TYPES[i.type] ?? String(i.type),
    ...summary?.command !== void 0 ? { command: summary.command } : {},
    ms: Math.round((performance.now() - started) * 10) / 10,
    ...summary?.found !== void 0 ? { found: summary.found } : {},
    ...result?.followUp ? { deferred: true } : {},
    outcome: rest.outcome,
    transport: rest.transport,
    ...rest.shard !== void 0 ? { shard: rest.shard } : {}
  };
}
function logInteraction(log, line) {
  log.info("interaction", line);
}

export {
  DEFAULT_BURST,
  DEFAULT_REFILL_MS,
  createGuildCooldowns,
  DEFAULT_DEADLINE_MS,
  toResponse,
  isPromise,
  respondWithin,
  PONG,
  errorReply,
  noticeReply,
  instead,
  responseJson,
  DEFAULT_API_URL,
  createDelivery,
  interactionLine,
  logInteraction,
  protectProcess
};
//# sourceMappingURL=chunk-ZMW5B3AT.js.map
