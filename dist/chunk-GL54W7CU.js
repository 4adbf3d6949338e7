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

export {
  installProcessGuards
};
//# sourceMappingURL=chunk-GL54W7CU.js.map
