// `npm run serve`: the HTTP interactions endpoint. Listens first (so /healthz can say 503 while the
// knowledge loads), then loads knowledge → engine → the shared handler, and only then reports ready.
// SIGTERM/SIGINT: stop accepting, finish in-flight requests and follow-up PATCHes, exit 0.
import { createEngine } from '../../engine/index.ts';
import { KnowledgeError, loadDefaultPack } from '../../knowledge/loader.ts';
import { addSecret, createLogger } from '../../log.ts';
import { configOrExit } from '../config.ts';
import { createInteractionHandler } from '../handler.ts';
import { warmUp } from '../warm-up.ts';
import { createInteractionsServer } from './server.ts';

const config = configOrExit('http');
const log = createLogger(config.logLevel);
// Neither may reach a log line, whatever an error message happens to contain.
addSecret(config.token);
addSecret(config.publicKey);

const endpoint = createInteractionsServer({
  publicKey: config.publicKey!,
  ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
  ...(config.token ? { token: config.token } : {}),
  logger: log,
});

process.on('unhandledRejection', (err) => log.error('Unhandled rejection (still serving)', err));

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: no new connections; finishing in-flight requests and ${endpoint.pendingFollowUps} follow-up(s)`);
  endpoint.close().then(
    (inTime) => {
      if (!inTime) log.warn('Shutdown grace period ran out; remaining connections were closed');
      log.info('Stopped');
      process.exit(0);
    },
    (err: unknown) => {
      log.error('Error while stopping', err);
      process.exit(1);
    },
  );
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));

try {
  const address = await endpoint.listen(config.port, config.host);
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  // stdout, whatever LOG_LEVEL says: scripts and people need to know where it listens.
  process.stdout.write(`Listening on http://${shownHost}:${address.port} (POST /interactions, GET /healthz)\n`);
} catch (err) {
  const code = (err as { code?: string }).code;
  log.error(
    code === 'EADDRINUSE'
      ? `Port ${config.port} on ${config.host} is already in use: set PORT to a free port`
      : `Could not listen on ${config.host}:${config.port}`,
    err,
  );
  process.exit(1);
}

// Let the listen line out and /healthz answer 503 before the synchronous load.
await new Promise((resolve) => setImmediate(resolve));

try {
  const engine = createEngine(loadDefaultPack());
  const handle = createInteractionHandler({ engine, log, cooldown: config.cooldown });
  // Pay for lazy tables and JIT before /healthz says ready, not inside a user's 3 s window.
  await warmUp(handle);
  endpoint.setHandler(handle);
} catch (err) {
  // Never serve partial knowledge: a broken pack stops the endpoint with the loader's message.
  process.stderr.write(`${err instanceof KnowledgeError ? err.message : String(err)}\n`);
  process.exit(1);
}
if (!stopping) log.info('Ready: knowledge loaded, answering interactions');
