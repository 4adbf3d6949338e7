// Discord's HTTP interactions transport: Discord POSTs each interaction here and reads the
// response from the HTTP reply. Stateless, so any number of replicas can sit behind a balancer.
// The same HandleInteraction as the gateway bot does the work; this file only speaks HTTP.
//
// Signed interactions take turns (turns.ts), as on the gateway: under a burst, answering each in full
// before the next one is read makes the last wait for all the work ahead of it, past Discord's 3 s.
// At its turn an interaction is answered in full, unless the backlog rule (backlog.ts) says the
// requests still waiting for their HTTP response would take longer than the budget: then it is
// answered with a deferral (type 5, or 6 for a button that edits), and its answer is PATCHed onto
// @original once no request is waiting.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type AddressInfo, type Socket } from 'node:net';
import { InteractionType, type APIInteraction, type APIInteractionResponse } from 'discord-api-types/v10';
import type { Logger } from '../../log.ts';
import type { HandleInteraction, HandleOptions, InteractionResult } from '../interaction-result.ts';
import { createBacklog, kindOf, type BacklogSettings } from '../backlog.ts';
import { createTurns } from '../turns.ts';
import { createDelivery } from '../delivery.ts';
import { interactionLine, logInteraction } from '../interaction-log.ts';
import { PONG, errorReply, instead, responseJson } from '../outgoing.ts';
import { checkHeaders, loadPublicKey, verifyRequest, DEFAULT_MAX_SKEW_SECONDS } from './verify.ts';
import { validateInteraction } from './validate.ts';
import { DEFAULT_MAX_CONNECTIONS, MAX_BODY_BYTES, REQUEST_TIMEOUT_MS, TIMEOUT_CHECK_MS } from './limits.ts';

/**
 * Once the drain has closed the listener, how long open keep-alive connections stay up so a request
 * already on its way on one is answered (with Connection: close) rather than reset. A balancer's next
 * request goes elsewhere.
 */
export const DEFAULT_DRAIN_IDLE_MS = 1_000;
/** While draining, how often it looks again; the listener closes after one such turn brings nothing new. */
const DRAIN_TURN_MS = 20;

/** The part of the one Logger (src/log.ts) the server writes to; `info`'s detail carries the per-interaction line. */
export type ServerLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface InteractionsServerOptions {
  /** The shared handler. May be omitted and set later with setHandler(): /healthz says 503 until then. */
  handle?: HandleInteraction;
  /** The application's public key, 64 hex characters. Never logged. */
  publicKey: string;
  /** REST base including /api, for follow-up PATCHes. Discord's by default. */
  apiUrl?: string;
  /** Bot token; only sent on follow-ups when present (the webhook route needs no auth). Never logged. */
  token?: string;
  logger?: ServerLogger;
  maxBodyBytes?: number;
  maxSkewSeconds?: number;
  /** How long close() waits for in-flight requests and follow-ups before cutting connections. */
  shutdownGraceMs?: number;
  /** See DEFAULT_DRAIN_IDLE_MS; 0 closes idle connections at once. */
  drainIdleMs?: number;
  /** Open connections beyond this are dropped on accept (HTTP_MAX_CONNECTIONS). */
  maxConnections?: number;
  /** The backlog rule's settings (default: BACKLOG in deadline.ts, with the measured cost). */
  backlog?: Partial<BacklogSettings>;
}

export interface InteractionsServer {
  readonly server: Server;
  /** Resolves with the bound address; port 0 picks a free one. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  setHandler(handle: HandleInteraction): void;
  readonly ready: boolean;
  /** Follow-up PATCHes not yet finished. */
  readonly pendingFollowUps: number;
  /** Signed interactions received whose HTTP response has not been sent yet. */
  readonly unanswered: number;
  /** Interactions answered with a deferral because of the backlog, since the start. */
  readonly deferredForBacklog: number;
  /**
   * Graceful stop: refuse new connections, finish in-flight requests and pending follow-ups.
   * Resolves true when everything drained within the grace period, false if it had to cut.
   * `handedOut`, in a cluster worker, is a round trip to the primary: a connection the primary
   * accepted for this worker arrives before it resolves (see DrainHandoff in main.ts).
   */
  close(handedOut?: () => Promise<void>): Promise<boolean>;
}

type ErrorBody = { error: string };

/** A signed, well-formed interaction waiting for its turn. */
interface Arrival {
  res: ServerResponse;
  interaction: APIInteraction;
  started: number;
  /** Its HTTP response was sent (or its connection closed first). */
  answered: boolean;
}

const PONG_JSON = responseJson(PONG);

const stderrLogger: ServerLogger = {
  info: (m) => process.stderr.write(`[http] ${m}\n`),
  warn: (m) => process.stderr.write(`[http] warn: ${m}\n`),
  error: (m) => process.stderr.write(`[http] error: ${m}\n`),
};

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function createInteractionsServer(options: InteractionsServerOptions): InteractionsServer {
  // Parse the key once at start-up: a bad key is a configuration error, not a per-request one.
  const key = loadPublicKey(options.publicKey);
  const delivery = createDelivery({ ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}), ...(options.token ? { token: options.token } : {}) });
  const log = options.logger ?? stderrLogger;
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const maxSkew = options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS;
  const grace = options.shutdownGraceMs ?? 10_000;
  const drainIdle = options.drainIdleMs ?? DEFAULT_DRAIN_IDLE_MS;
  let handle = options.handle;
  /** SIGTERM: /healthz says 503. */
  let closing = false;
  /** The listener is closed: answers say Connection: close, so clients go to another replica. */
  let unlistened = false;
  let inFlight = 0;
  /** Connections accepted and requests begun, ever: the drain keeps listening while this moves. */
  let arrivals = 0;
  /** Requests whose body is still arriving: a stalled one must not hold the shutdown. */
  const receiving = new Set<IncomingMessage>();
  const connections = new Set<Socket>();
  const followUps = new Set<Promise<void>>();
  const backlog = createBacklog(options.backlog);
  let unanswered = 0;
  let deferredForBacklog = 0;
  const turns = createTurns<Arrival>({
    turn,
    failed(a, err) {
      log.error(`interaction ${a.interaction.id}: ${describe(err)}`);
      sendError(a.res, 500, 'internal error');
      acknowledged(a);
    },
    log: { error: (m, err) => log.error(`${m}: ${describe(err)}`) },
  });
  const backlogged: HandleOptions = { later: turns.later };

  function acknowledged(a: Arrival): void {
    if (a.answered) return;
    a.answered = true;
    unanswered--;
  }

  async function turn(a: Arrival, tick: Promise<undefined>): Promise<void> {
    const kind = kindOf(a.interaction);
    const defer = backlog.shouldDefer(unanswered - 1, kind);
    const handled = answer(a, kind, defer);
    await Promise.race([handled, tick]);
    backlog.turn();
  }

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    if (res.headersSent) return;
    if (unlistened) headers.connection = 'close';
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...headers,
    });
    res.end(body);
  }

  function sendError(res: ServerResponse, status: number, error: string, headers?: Record<string, string>): void {
    const body: ErrorBody = { error };
    send(res, status, JSON.stringify(body), headers);
  }

  function startFollowUp(interaction: APIInteraction, result: InteractionResult, started: number): void {
    const task = delivery
      .followUp(interaction, result.followUp!, (stage, err) =>
        log.error(`interaction ${interaction.id}: ${stage === 'work' ? 'follow-up work failed' : 'follow-up PATCH failed'}: ${describe(err)}`),
      )
      .then((outcome) => logInteraction(log, interactionLine(interaction, result, started, { outcome, transport: 'http' })));
    followUps.add(task);
    void task.finally(() => followUps.delete(task));
  }

  /** One interaction's answer: in full, or (`defer`, the backlog rule said so) a deferral now and the PATCH later. */
  async function answer(a: Arrival, kind: string, defer: boolean): Promise<void> {
    const { res, interaction, started } = a;
    if (!handle) {
      sendError(res, 503, 'not ready', { 'retry-after': '1' });
      acknowledged(a);
      logInteraction(log, interactionLine(interaction, undefined, started, { outcome: 'failed', transport: 'http' }));
      return;
    }
    let response: APIInteractionResponse;
    let result: InteractionResult | undefined;
    try {
      result = await handle(interaction, defer ? backlogged : undefined);
      if (result.replay) {
        // Signed bytes sent again inside the signature window: answered once already (docs/scaling-out.md).
        sendError(res, 409, 'interaction already answered');
        acknowledged(a);
        log.warn(`interaction ${interaction.id}: replayed; refused with 409`);
        return;
      }
      response = result.response;
      const summary = result.summary;
      if (result.followUp) {
        if (defer) deferredForBacklog++;
        startFollowUp(interaction, result, started);
        result.followUp.then(() => summary?.workMs !== undefined && backlog.worked(kind, summary.workMs), () => undefined);
      } else if (summary?.workMs !== undefined) {
        backlog.worked(kind, summary.workMs);
      }
    } catch (err) {
      log.error(`interaction ${interaction.id}: handler failed: ${describe(err)}`);
      response = instead(interaction, errorReply(interaction.id));
    }
    send(res, 200, responseJson(response));
    acknowledged(a);
    // A deferred interaction gets its line when the follow-up is delivered.
    if (!result?.followUp) logInteraction(log, interactionLine(interaction, result, started, { outcome: 'answered', transport: 'http' }));
  }

  function onInteraction(req: IncomingMessage, res: ServerResponse): void {
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    const sig = typeof signature === 'string' ? signature : undefined;
    const ts = typeof timestamp === 'string' ? timestamp : undefined;
    // Cheap header checks first: a request that cannot verify never has its body read.
    const pre = checkHeaders(sig, ts, Date.now() / 1000, maxSkew);
    if (!pre.ok) {
      refuse(req, res, 401, 'invalid request signature');
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBody) {
      refuse(req, res, 413, `body larger than ${maxBody} bytes`);
      return;
    }

    const started = performance.now();
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (chunk: Buffer) => {
      if (aborted) return;
      size += chunk.length;
      if (size > maxBody) {
        aborted = true;
        chunks.length = 0;
        refuse(req, res, 413, `body larger than ${maxBody} bytes`);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      aborted = true;
    });
    req.on('end', () => {
      if (aborted) return;
      const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      // Queued, it counts as a turn when it has one; otherwise its loop time counts as one now, so
      // the backlog rule does not charge it to the interactions that come next.
      if (!received(res, sig, ts, raw, started)) backlog.turn();
    });
  }

  /** A whole body in: refused, answered at once (PING), or queued for its turn (true). */
  function received(res: ServerResponse, sig: string | undefined, ts: string | undefined, raw: Buffer, started: number): boolean {
    const verdict = verifyRequest(key, sig, ts, raw, Date.now() / 1000, maxSkew);
    if (!verdict.ok) {
      sendError(res, 401, 'invalid request signature');
      return false;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      sendError(res, 400, 'invalid JSON body');
      return false;
    }
    const shape = validateInteraction(parsed);
    if (!shape.ok) {
      // Names the field, never its value: a body may carry a user's question.
      send(res, 400, JSON.stringify({ error: 'invalid interaction', field: shape.field, problem: shape.problem }));
      return false;
    }
    const interaction = shape.interaction;
    if (interaction.type === InteractionType.Ping) {
      // Discord's URL check: no work, so no queue.
      send(res, 200, PONG_JSON);
      logInteraction(log, interactionLine(interaction, undefined, started, { outcome: 'answered', transport: 'http' }));
      return false;
    }
    const arrival: Arrival = { res, interaction, started, answered: false };
    unanswered++;
    // A client that hangs up before its answer is no longer waiting for it.
    res.once('close', () => acknowledged(arrival));
    turns.push(arrival);
    return true;
  }

  /**
   * Answers before the body is read, then closes the connection. The rest of the body is discarded
   * (never buffered) for a short moment only, so the client can finish writing and read the answer
   * instead of seeing a reset; a client that keeps sending gets cut.
   */
  function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}): void {
    if (req.complete) {
      sendError(res, status, error, headers);
      return;
    }
    req.removeAllListeners('data');
    req.resume();
    sendError(res, status, error, { ...headers, connection: 'close' });
    const cut = setTimeout(() => req.socket.destroy(), 200);
    cut.unref();
    req.once('end', () => clearTimeout(cut));
  }

  const server = createServer({ connectionsCheckingInterval: TIMEOUT_CHECK_MS }, (req, res) => {
    // In flight until its response is done (or the socket dies). While its body is still arriving it
    // is also "receiving": the drain waits for it only until its own end.
    inFlight++;
    arrivals++;
    if (!req.complete) {
      receiving.add(req);
      const received = () => {
        receiving.delete(req);
      };
      req.once('end', received);
      req.once('close', received);
    }
    res.once('close', () => {
      inFlight--;
      receiving.delete(req);
    });
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    let path = q === -1 ? url : url.slice(0, q);
    // "/interactions/" is how some people paste the URL into the portal; treat it the same.
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    if (path === '/interactions') {
      if (req.method !== 'POST') {
        refuse(req, res, 405, 'method not allowed', { allow: 'POST' });
        return;
      }
      onInteraction(req, res);
      return;
    }
    req.resume();
    if (path === '/healthz') {
      // 200 means answering (boot() is done), not "every pack built": on a first start the packs the
      // index cache lacked may still be building on a worker, and they answer "still loading" meanwhile.
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendError(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
      } else if (handle && !closing) {
        send(res, 200, '{"status":"ok"}');
      } else {
        send(res, 503, JSON.stringify({ status: closing ? 'stopping' : 'loading' }));
      }
      return;
    }
    sendError(res, 404, 'not found');
  });
  // Slow or stalled clients must not hold a slot for long; Discord sends small bodies quickly.
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.requestTimeout = 2 * REQUEST_TIMEOUT_MS;
  server.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  server.on('connection', (socket: Socket) => {
    arrivals++;
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });

  return {
    server,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    setHandler(h) {
      handle = h;
    },
    get ready() {
      return handle !== undefined;
    },
    get pendingFollowUps() {
      return followUps.size;
    },
    get unanswered() {
      return unanswered;
    },
    get deferredForBacklog() {
      return deferredForBacklog;
    },
    async close(handedOut) {
      closing = true;
      if (deferredForBacklog > 0) log.info(`deferred ${deferredForBacklog} interaction(s) for the backlog`);
      const started = Date.now();
      const elapsed = () => Date.now() - started;
      // A turn of the event loop with a poll phase in it: a connection the kernel completed before the
      // turn began is accepted in it, and a request already sent on an accepted one is read.
      const turn = () => new Promise<void>((resolve) => setTimeout(() => setImmediate(resolve), DRAIN_TURN_MS));
      // Requests still arriving do not count as work: a stalled one is cut with the rest.
      const work = () => inFlight - receiving.size + followUps.size;
      // 1. Keep listening until a turn passes idle: nothing in flight, no new connection or request.
      // Closing at once would reset the connections in the listen backlog: completed by the kernel
      // after SIGTERM was sent but before this busy process got to it, their requests already sent.
      // While traffic keeps coming (a balancer that has not yet seen /healthz 503), at most half the
      // grace, so the work it brings can still finish in it. Answers keep connections alive meanwhile:
      // Connection: close would only send clients back into this listener's backlog, to be reset
      // when it closes.
      for (;;) {
        const seen = arrivals;
        const idle = work() === 0;
        await turn();
        await handedOut?.();
        if ((idle && arrivals === seen && work() === 0) || elapsed() >= grace / 2) break;
      }
      // Stop listening but leave open connections be: http.Server#close would also close the idle
      // keep-alive ones at once, resetting a request that is already on its way on one of them.
      const stopped = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      unlistened = true;
      const unlistenedAt = Date.now();
      // 2. Answers on the way out say Connection: close, so busy sockets close themselves. The drain
      // ends when the work is done and the idle sockets had their window, or when the grace runs out.
      // One more turn first, so a connection accepted in the last one has its request read.
      const over = () => elapsed() >= grace || (work() === 0 && (connections.size === 0 || Date.now() - unlistenedAt >= drainIdle));
      do await turn();
      while (!over());
      const inTime = work() === 0;
      server.closeAllConnections();
      for (const socket of connections) socket.destroy();
      await stopped;
      // Follow-ups that ran out of grace are abandoned with their sockets, not awaited.
      await delivery.close(!inTime);
      return inTime;
    },
  };
}
