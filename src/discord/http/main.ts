// `npm run serve`: the HTTP interactions endpoint. Listens first (so /healthz can say 503 while the
// knowledge loads), then loads knowledge → engine → the shared handler, and only then reports ready.
// SIGTERM/SIGINT: /healthz 503, answer what has arrived (the listen backlog too), stop listening once
// idle, finish in-flight requests and follow-up PATCHes, exit 0 (server.ts close()).
//
// HTTP_WORKERS=N (or auto = one per CPU) runs N such processes on one port with node:cluster: the
// endpoint keeps no state, so this is the one-machine form of "replicas behind a load balancer".
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { boot, onStopSignals, protectProcess } from '../../runtime/boot.ts';
import { createLogger, type Logger } from '../../log.ts';
import { configOrExit, type Config } from '../config.ts';
import { restChannels } from '../forum/rest-channels.ts';
import { relayReloads } from '../../runtime/process-reloads.ts';
import { createInteractionsServer } from './server.ts';

/** How many worker processes HTTP_WORKERS asks for; exits 1 with a hint on a bad value. */
function workerCount(value: string | undefined): number {
  const v = (value ?? '').trim();
  if (v === '') return 1;
  if (v === 'auto') return availableParallelism();
  if (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 64) return Number(v);
  process.stderr.write(
    `Configuration problem (1):\n  - HTTP_WORKERS must be a number from 1 to 64 or "auto" (got "${v.slice(0, 20)}"). Expected how many processes serve the endpoint (default 1).\n`,
  );
  process.exit(1);
}

function announce(host: string, port: number, workers: number): void {
  const shown = host.includes(':') ? `[${host}]` : host;
  const suffix = workers > 1 ? `, ${workers} workers` : '';
  // stdout, whatever LOG_LEVEL says: scripts and people need to know where it listens.
  process.stdout.write(`Listening on http://${shown}:${port} (POST /interactions, GET /healthz${suffix})\n`);
}

/**
 * The drain's round trip between a cluster worker and the primary. The primary holds the listening
 * socket and hands each connection to one worker at a time, queueing the rest; it hands the next one
 * as it reads the worker's ack, so one that was queued for this worker reaches it before the answer
 * to a question asked after that ack. A worker stops taking connections only after a round trip
 * brought none: nothing the primary accepted is then left to reset.
 */
interface DrainPing {
  drainPing: number;
}
const isDrainPing = (m: unknown): m is DrainPing => typeof (m as DrainPing | null)?.drainPing === 'number';

function primaryRoundTrip(): () => Promise<void> {
  let n = 0;
  return () =>
    new Promise((resolve) => {
      const id = ++n;
      const onMessage = (m: unknown) => {
        if (!isDrainPing(m) || m.drainPing !== id) return;
        process.off('message', onMessage);
        process.off('disconnect', onGone);
        resolve();
      };
      // No primary, no more connections.
      const onGone = () => {
        process.off('message', onMessage);
        resolve();
      };
      process.on('message', onMessage);
      process.once('disconnect', onGone);
      if (!process.connected || !process.send) onGone();
      else process.send({ drainPing: id } satisfies DrainPing, (err: Error | null) => err && onGone());
    });
}

/** One serving process: the whole endpoint, or one cluster worker. */
async function serve(config: Config, log: Logger): Promise<void> {
  const endpoint = createInteractionsServer({
    publicKey: config.publicKey!,
    ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    ...(config.token ? { token: config.token } : {}),
    maxConnections: config.maxConnections,
    logger: log,
  });

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: draining (/healthz says 503); answering what has arrived and ${endpoint.pendingFollowUps} follow-up(s), then exiting`);
    endpoint.close(cluster.isWorker ? primaryRoundTrip() : undefined).then(
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
  };
  onStopSignals(shutdown);

  try {
    const address = await endpoint.listen(config.port, config.host);
    if (cluster.isPrimary) announce(address.address, address.port, 1);
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

  // With a bot token the forum's "This answered it" can apply the Solved tag from here too.
  const discord = config.token ? restChannels(config.token, config.apiUrl) : undefined;
  const mode = cluster.isPrimary ? 'http' : `http worker ${cluster.worker?.id ?? ''}`.trim();
  const { handle, knowledge } = await boot(config, log, { mode, ...(discord ? { discord } : {}), ipcReloads: cluster.isWorker });
  endpoint.setHandler(handle);
  if (!stopping) {
    const loading = knowledge.current().library.loading().length;
    log.info(`Ready: knowledge loaded, answering interactions${loading ? `; ${loading} article${loading === 1 ? '' : 's'} still loading in the background` : ''}`);
    process.send?.({ ready: true });
  }
}

/** The cluster primary: forks workers, replaces one that dies, and stops them all on a signal. */
function supervise(config: Config, log: Logger, workers: number): void {
  let stopping = false;
  let announced = false;
  const ready = new Set<number>();
  const live = new Set<number>();
  const fork = () => {
    const worker = cluster.fork();
    live.add(worker.id);
    worker.on('message', (m: unknown) => {
      if ((m as { ready?: boolean }).ready) ready.add(worker.id);
      // Answered on the same channel, behind any connection already handed to this worker.
      if (isDrainPing(m) && worker.isConnected()) worker.send(m);
    });
  };
  cluster.on('listening', (_worker, address) => {
    if (announced) return;
    announced = true;
    announce(address.address ?? config.host, address.port, workers);
  });
  let exitCode = 0;
  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker.id);
    const wasReady = ready.delete(worker.id);
    if (stopping) {
      // Killed by our own SIGTERM means the worker had not installed its drain yet, which comes
      // before it listens: it held no connection, so nothing was lost. Anything else is a failure.
      if (code !== 0 && signal !== 'SIGTERM') {
        exitCode = 1;
        log.warn(`Worker ${worker.process.pid} exited (${signal ?? code}) while stopping`);
      }
      if (live.size === 0) process.exit(exitCode);
      return;
    }
    // A worker that never got ready hit a config or knowledge error: the others would too.
    if (!wasReady) {
      log.error(`Worker ${worker.process.pid} exited (${signal ?? code}) before it was ready; stopping`);
      exitCode = 1;
      stop('worker failure');
      return;
    }
    log.warn(`Worker ${worker.process.pid} exited (${signal ?? code}); starting a new one`);
    fork();
  });
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${why}: stopping ${live.size} worker(s)`);
    if (live.size === 0) process.exit(exitCode);
    // Each worker drains on its own (stop accepting, finish requests and follow-ups, exit 0).
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  // Ctrl-C reaches the workers directly too; they drain on their own.
  process.once('SIGINT', () => stop('SIGINT'));
  relayReloads(log);
  for (let i = 0; i < workers; i++) fork();
}

const config = configOrExit('http');
const log = createLogger(config.logLevel);
// Before anything can log or throw; boot() repeats it harmlessly (both steps are idempotent).
protectProcess(config, log, cluster.isPrimary ? 'http' : `http worker ${cluster.worker?.id ?? ''}`.trim());
const workers = cluster.isPrimary ? workerCount(process.env.HTTP_WORKERS) : 1;
if (cluster.isPrimary && workers > 1) supervise(config, log, workers);
else await serve(config, log);
