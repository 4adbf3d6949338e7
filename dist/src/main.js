import {
  configOrExit
} from "../chunk-NVCRMJXY.js";
import {
  installProcessGuards
} from "../chunk-GL54W7CU.js";
import "../chunk-MK7BL3V7.js";
import {
  createLogger
} from "../chunk-43HE7FTE.js";

// src/main.ts
import { fileURLToPath } from "node:url";
var config = configOrExit("gateway");
var log = createLogger(config.logLevel);
if (config.shards !== void 0 && !config.shard) {
  installProcessGuards(log, { mode: "shard manager" });
  const { runShardingManager } = await import("../sharding-3WKRP6SK.js");
  await runShardingManager(config, log, fileURLToPath(import.meta.url));
} else {
  const { runGateway } = await import("../run-gateway-UCXE4JPD.js");
  await runGateway(config, log);
  log.info(config.shard ? `Ready: shard ${config.shard.id}/${config.shard.count} answering interactions` : "Ready: answering interactions");
}
//# sourceMappingURL=main.js.map
