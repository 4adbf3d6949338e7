// `npm start`: the gateway bot. Without configuration it explains what to set and how to try the
// bot offline, and exits 1.
import { configOrExit } from './discord/config.ts';
import { createLogger } from './log.ts';

const config = configOrExit('gateway');
const log = createLogger(config.logLevel);
// Imported after the config check so a misconfigured start fails fast, without loading discord.js.
const { runGateway } = await import('./discord/run-gateway.ts');
await runGateway(config, log);
log.info('Ready: answering interactions');
