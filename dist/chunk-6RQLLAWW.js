// src/process-guard.ts
var installed = false;
function installProcessGuards(logger, options) {
  if (installed) return;
  installed = true;
  let made;
  const get = () => made ??= typeof logger === "function" ? logger() : logger;
  const log = { debug: (m, d) => get().debug(m, d), info: (m, d) => get().info(m, d), warn: (m, d) => get().warn(m, d), error: (m, d) => get().error(m, d) };
  const max = options.maxUncaught ?? 5;
  const windowMs = options.windowMs ?? 6e4;
  const exit = options.exit ?? ((code) => process.exit(code));
  const recent = [];
  process.on("unhandledRejection", (reason) => {
    log.error("Unhandled rejection (still serving)", { mode: options.mode, err: reason });
  });
  process.on("uncaughtException", (err, origin) => {
    const now = Date.now();
    recent.push(now);
    while (recent.length > 0 && recent[0] < now - windowMs) recent.shift();
    if (recent.length >= max) {
      log.error(`Unrecoverable: ${recent.length} uncaught exceptions within ${windowMs / 1e3} s; exiting 1 for a supervisor to restart`, {
        mode: options.mode,
        origin,
        err
      });
      exit(1);
      return;
    }
    log.error("Uncaught exception (still serving)", { mode: options.mode, origin, err });
  });
}

// src/reply/limits.ts
var LIMITS = {
  content: 2e3,
  embeds: 10,
  embedTotal: 6e3,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80
};

// src/reply/truncate.ts
var ELLIPSIS = "\u2026";
var SENTENCE_SHARE = 0.6;
var SENTENCE_END = /[.!?…]["'”’)\]]*\s/gu;
var TRAILING_JUNK = /[\s,;:–—-]+$/u;
function safeSlice(text, end) {
  let cut = text.slice(0, end);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 55296 && last <= 56319) cut = cut.slice(0, -1);
  return cut;
}
function truncate(text, max) {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max === 1) return ELLIPSIS;
  const room = max - 2;
  const head = safeSlice(text, room);
  let sentenceCut = -1;
  for (const m of head.matchAll(SENTENCE_END)) sentenceCut = m.index + m[0].trimEnd().length;
  if (/[.!?…]["'”’)\]]*$/u.test(head) && /^\s/u.test(text.slice(head.length))) sentenceCut = head.length;
  if (sentenceCut >= room * SENTENCE_SHARE) return `${head.slice(0, sentenceCut)} ${ELLIPSIS}`;
  let wordCut;
  if (/^\s/u.test(text.slice(head.length))) wordCut = head.length;
  else {
    const space = Math.max(head.lastIndexOf(" "), head.lastIndexOf("\n"), head.lastIndexOf("	"));
    wordCut = space > 0 ? space : head.length;
  }
  const kept = head.slice(0, wordCut).replace(TRAILING_JUNK, "");
  return `${kept || head}${ELLIPSIS}`.slice(0, max);
}
function fitRendered(plain, render, max) {
  let budget = Math.min(plain.length, max);
  for (; ; ) {
    const out = render(truncate(plain, budget));
    if (out.length <= max) return out;
    if (budget <= 1) return truncate(out, max);
    budget = Math.max(1, budget - Math.max(1, out.length - max));
  }
}

// src/reply/message.ts
import {
  MessageFlags
} from "discord-api-types/v10";
function embedLength(embed) {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}
function fitEmbed(embed, total = LIMITS.embedTotal) {
  const out = { ...embed };
  if (out.title !== void 0) out.title = truncate(out.title, LIMITS.title);
  if (out.description !== void 0) out.description = truncate(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.fields).map(
      (f) => ({
        ...f,
        name: truncate(f.name, LIMITS.fieldName) || "\u200B",
        value: truncate(f.value, LIMITS.fieldValue) || "\u200B"
      })
    );
  }
  while (embedLength(out) > total && out.fields && out.fields.length > 0) out.fields = out.fields.slice(0, -1);
  const shorten = (text) => truncate(text, Math.max(0, text.length - (embedLength(out) - total)));
  if (embedLength(out) > total && out.description) out.description = shorten(out.description);
  if (embedLength(out) > total && out.footer) out.footer = { ...out.footer, text: shorten(out.footer.text) };
  if (embedLength(out) > total && out.author) out.author = { ...out.author, name: shorten(out.author.name) };
  if (embedLength(out) > total && out.title) out.title = shorten(out.title);
  if (out.title === "") delete out.title;
  if (out.description === "") delete out.description;
  if (out.footer?.text === "") delete out.footer;
  if (out.author?.name === "") delete out.author;
  if (out.fields?.length === 0) delete out.fields;
  return out;
}
function hasContent(e) {
  return embedLength(e) > 0 || e.image !== void 0 || e.thumbnail !== void 0;
}
function message(parts) {
  const embeds = (parts.embeds ?? []).slice(0, LIMITS.embeds).map((e) => fitEmbed(e));
  let sum = embeds.reduce((n, e) => n + embedLength(e), 0);
  for (let i = embeds.length - 1; i >= 0 && sum > LIMITS.embedTotal; i--) {
    const e = embeds[i];
    const budget = Math.max(0, embedLength(e) - (sum - LIMITS.embedTotal));
    embeds[i] = fitEmbed(e, budget);
    sum = embeds.reduce((n, x) => n + embedLength(x), 0);
  }
  const shown = embeds.filter(hasContent);
  const data = { allowed_mentions: { parse: [] } };
  if (parts.content !== void 0) data.content = truncate(parts.content, LIMITS.content);
  if (shown.length > 0) data.embeds = shown;
  if (parts.components && parts.components.length > 0) data.components = parts.components;
  if (parts.ephemeral) data.flags = MessageFlags.Ephemeral;
  return data;
}
var COLOURS = { high: 3050327, medium: 13934615, low: 12603469, miss: 8421504, info: 3894949 };

export {
  LIMITS,
  truncate,
  fitRendered,
  message,
  COLOURS,
  installProcessGuards
};
//# sourceMappingURL=chunk-6RQLLAWW.js.map
