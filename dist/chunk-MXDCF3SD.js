var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/log.ts
import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url);
var LOG_LEVELS = ["debug", "info", "warn", "error", "silent"];
var secrets = /* @__PURE__ */ new Set();
var longestFirst = [];
function addSecret(value) {
  if (!value || value.length < 8) return;
  secrets.add(value);
  const head = value.slice(0, value.lastIndexOf("."));
  if (head.length >= 8) secrets.add(head);
  longestFirst = [...secrets].sort((a, b) => b.length - a.length);
}
function redact(text) {
  let out = text.includes("/interactions/") || text.includes("/webhooks/") ? text.replace(/(\/(?:interactions\/\d+|webhooks\/\d+)\/)[\w.-]{20,}/g, "$1[token]") : text;
  for (const s of longestFirst) if (out.includes(s)) out = out.split(s).join("[redacted]");
  return out;
}
var REDACT_PATHS = [
  "token",
  "*.token",
  "publicKey",
  "*.publicKey",
  "authorization",
  "headers.authorization",
  "*.headers.authorization",
  "err.requestBody.json.token"
];
var RESERVED = /* @__PURE__ */ new Set(["level", "time", "pid", "hostname", "msg"]);
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
function entry(msg, detail) {
  if (detail === void 0) return { msg };
  if (!isPlainObject(detail)) return { msg, err: detail };
  const out = { msg };
  for (const [k, v] of Object.entries(detail)) out[RESERVED.has(k) ? `_${k}` : k] = v;
  return out;
}
var prettify;
function pretty() {
  prettify ??= require2("pino-pretty").prettyFactory({
    colorize: true,
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname"
  });
  return prettify;
}
function createLogger(level = "info", write, options = {}) {
  const prettyLines = options.pretty ?? (!write && process.stderr.isTTY === true);
  const sink = write ?? ((line) => void process.stderr.write(line));
  const destination = {
    write(line) {
      const clean = redact(line);
      sink(prettyLines ? pretty()(clean) : clean);
    }
  };
  const pino = require2("pino");
  const logger = pino(
    {
      level,
      base: { pid: process.pid, ...options.base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" }
    },
    destination
  );
  const at = (lvl) => (msg, detail) => {
    if (!logger.isLevelEnabled(lvl)) return;
    logger[lvl](entry(msg, detail));
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
var ignore = () => void 0;
var silentLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

export {
  __export,
  LOG_LEVELS,
  addSecret,
  redact,
  createLogger,
  silentLogger
};
//# sourceMappingURL=chunk-MXDCF3SD.js.map
