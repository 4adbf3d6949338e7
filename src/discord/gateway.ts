// The gateway transport: a discord.js Client (Guilds intent only) receives INTERACTION_CREATE as raw
// API payloads, hands them to the shared handler, and applies the result through REST: the callback,
// then PATCH @original when the handler deferred.
//
// Interactions take turns (one queue, oldest first, worked through in short slices so callbacks and
// newly arrived interactions get in between). At its turn an interaction is answered in full, unless
// the backlog rule (backlog.ts) says the first responses still waiting would take longer than the
// budget: then it is acknowledged with a deferral, and its work waits in a second queue that runs only
// when no first response is waiting (or when its oldest job has waited DEFERRED_PATIENCE_MS).
import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { GatewayDispatchEvents, type APIInteraction } from 'discord-api-types/v10';
import { silentLogger, type Logger } from '../log.ts';
import type { HandleInteraction, HandleOptions, InteractionResult } from './interaction-result.ts';
import { createBacklog, kindOf, type BacklogSettings } from './backlog.ts';
import { createTurns } from './turns.ts';
import { createDelivery } from './delivery.ts';
import { interactionLine, logInteraction } from './interaction-log.ts';
import { errorReply, instead, noticeReply } from './outgoing.ts';

export interface GatewayBotOptions {
  token: string;
  /** REST base including /api (DISCORD_API_URL); the gateway URL then comes from GET {api}/v10/gateway/bot. */
  apiUrl?: string;
  handle: HandleInteraction;
  log?: Logger;
  /** MESSAGE_CONTENT=true: also the privileged Message Content intent (forum posts' text). */
  messageContent?: boolean;
  /** Extra discord.js options (sharding under ShardingManager, tests). Intents and mentions stay fixed. */
  clientOptions?: Partial<ClientOptions>;
  /** The backlog rule's settings (default: BACKLOG in deadline.ts, with the measured cost). */
  backlog?: Partial<BacklogSettings>;
}

export interface GatewayBot {
  readonly client: Client;
  /** Logs in and resolves once the client is ready. */
  start(): Promise<void>;
  /**
   * Stops taking work (new interactions get a "restarting" notice), lets in-flight answers finish
   * (up to `graceMs`, 10 s by default), then destroys the client.
   */
  stop(graceMs?: number): Promise<void>;
  /** Answers currently being computed or sent. */
  readonly inFlight: number;
  /** Interactions received whose first response Discord has not yet taken (or refused). */
  readonly unacknowledged: number;
  /** Interactions acknowledged with a deferral because of the backlog, since the start. */
  readonly deferredForBacklog: number;
}

interface Arrival {
  i: APIInteraction;
  shard: number;
  /** performance.now() when the gateway handed it over. */
  arrived: number;
  done: () => void;
}

/** How long stop() lets in-flight answers finish before it disconnects anyway. */
export const STOP_GRACE_MS = 10_000;

/** What an interaction gets while the bot shuts down: it is not worked on, but not left unanswered. */
const RESTARTING = noticeReply('The bot is restarting. Please try again in a few seconds.');

export function createGatewayBot(options: GatewayBotOptions): GatewayBot {
  const log = options.log ?? silentLogger;
  // Callbacks and deferred answers go out through the shared delivery; its bounded pool of keep-alive
  // sockets is discord.js's too, so the bot's sockets toward Discord stay within one bound.
  const delivery = createDelivery({ ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}) });
  const client = new Client({
    ...options.clientOptions,
    // Guilds alone carries interactions and THREAD_CREATE; Message Content only when an owner turned it on.
    intents: options.messageContent ? [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent] : [GatewayIntentBits.Guilds],
    // For what discord.js builds itself (forum replies through channel.send): interaction bodies get it at the edge.
    allowedMentions: { parse: [] },
    rest: {
      agent: delivery.dispatcher,
      ...options.clientOptions?.rest,
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
    },
  });

  // We answer from the raw payload, so discord.js's own Interaction objects would be built and thrown
  // away on every interaction; worse, a payload they cannot parse throws inside the gateway's
  // listener. Turn that one action off for this client only.
  const actions = (client as unknown as { actions?: { InteractionCreate?: { handle: (data: unknown) => void } } }).actions;
  if (actions?.InteractionCreate) actions.InteractionCreate.handle = () => undefined;

  const pending = new Set<Promise<void>>();
  const backlog = createBacklog(options.backlog);
  let unacknowledged = 0;
  let deferredForBacklog = 0;

  /** Set by stop(): interactions that arrive while the in-flight ones finish get a short notice. */
  let draining = false;

  const turns = createTurns<Arrival>({
    turn,
    failed(next, err) {
      // A bug in the queue itself: the interaction still gets its answer (the error reply).
      log.error(`Interaction queue failed for interaction ${next.i.id}`, err);
      void finish(next, { response: instead(next.i, errorReply(next.i.id)) }).finally(next.done);
    },
    log,
  });
  const backlogged: HandleOptions = { later: turns.later };

  async function turn(a: Arrival, tick: Promise<undefined>): Promise<void> {
    const { i, shard } = a;
    const kind = kindOf(i);
    const defer = !draining && backlog.shouldDefer(unacknowledged - 1, kind);
    const handled = respond(i, shard, defer);
    const result = await Promise.race([handled, tick]);
    backlog.turn();
    if (result === undefined) {
      // Still working (an async command): it answers when it is done, without holding up the queue.
      handled.then((r) => finish(a, r), () => undefined).finally(a.done);
      return;
    }
    const delivered = finish(a, result);
    if (!result.followUp) {
      if (result.summary?.workMs !== undefined) backlog.worked(kind, result.summary.workMs);
    } else {
      if (defer) deferredForBacklog++;
      const summary = result.summary;
      result.followUp.then(() => summary?.workMs !== undefined && backlog.worked(kind, summary.workMs), () => undefined);
    }
    void delivered.finally(a.done);
  }

  async function respond(i: APIInteraction, shard: number, defer: boolean): Promise<InteractionResult> {
    if (draining) return { response: instead(i, RESTARTING) };
    try {
      return await options.handle(i, defer ? backlogged : undefined);
    } catch (err) {
      log.error(`Handler threw for interaction ${i.id} on shard ${shard}`, err);
      return { response: instead(i, errorReply(i.id)) };
    }
  }

  async function finish(a: Arrival, result: InteractionResult): Promise<void> {
    const outcome = await deliver(a.i, a.shard, result);
    logInteraction(log, interactionLine(a.i, result, a.arrived, { outcome, transport: 'gateway', shard: a.shard }));
  }

  /** Sends the callback, then the deferred answer if any; resolves with how that went. */
  async function deliver(i: APIInteraction, shard: number, result: InteractionResult): Promise<'answered' | 'failed'> {
    try {
      await delivery.callback(i, result.response);
    } catch (err) {
      log.error(`Could not answer interaction ${i.id} (type ${result.response.type}) on shard ${shard}`, err);
      return 'failed';
    } finally {
      unacknowledged--;
    }
    if (!result.followUp) return 'answered';
    return delivery.followUp(i, result.followUp, (stage, err) =>
      log.error(stage === 'work' ? `Follow-up failed for interaction ${i.id} on shard ${shard}` : `Could not deliver the deferred answer for interaction ${i.id} on shard ${shard}`, err),
    );
  }

  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: APIInteraction, shardId: number) => {
    unacknowledged++;
    const p: Promise<void> = new Promise<void>((done) => turns.push({ i: data, shard: shardId, arrived: performance.now(), done })).finally(() => pending.delete(p));
    pending.add(p);
  });
  client.on('error', (err) => log.error('discord.js client error', err));
  client.on('warn', (msg) => log.warn(msg));
  client.on('debug', (msg) => log.debug(msg));
  client.on('shardDisconnect', (ev, id) => log.warn(`Shard ${id} disconnected (code ${ev.code}); discord.js will reconnect`));
  client.on('shardResume', (id, replayed) => log.info(`Shard ${id} resumed (${replayed} events replayed)`));

  return {
    client,
    get inFlight() {
      return pending.size;
    },
    get unacknowledged() {
      return unacknowledged;
    },
    get deferredForBacklog() {
      return deferredForBacklog;
    },
    async start() {
      const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
      await client.login(options.token);
      await ready;
      const count = client.options.shardCount ?? 1;
      const shards = count > 1 ? ` on shard ${[client.options.shards].flat().join(', ')} of ${count}` : '';
      log.info(`Logged in as ${client.user?.tag ?? 'the bot'}; serving ${client.guilds.cache.size} guild(s)${shards}`);
    },
    async stop(graceMs = STOP_GRACE_MS) {
      draining = true;
      if (deferredForBacklog > 0) log.info(`Deferred ${deferredForBacklog} interaction(s) for the backlog`, backlog.figures());
      let late = false;
      if (pending.size > 0) {
        log.info(`Finishing ${pending.size} interaction(s) in flight (up to ${graceMs} ms)`);
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, graceMs, 'late')));
        // New interactions keep arriving (and get the notice) until the client is destroyed: wait
        // until none is left, not only for the ones in flight when stop() was called.
        const drained = (async () => {
          while (pending.size > 0) await Promise.allSettled([...pending]);
        })();
        late = (await Promise.race([drained, grace])) === 'late';
        clearTimeout(timer);
        if (late) log.warn(`${pending.size} interaction(s) still in flight after ${graceMs} ms; disconnecting anyway`);
      }
      await client.destroy();
      // Answers still on their way after the grace are abandoned with their sockets.
      await delivery.close(late);
    },
  };
}
