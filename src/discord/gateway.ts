// The gateway transport: a discord.js Client (Guilds intent only) receives INTERACTION_CREATE as raw
// API payloads, hands them to the shared handler, and applies the result through REST: the callback,
// then PATCH @original when the handler deferred.
import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { GatewayDispatchEvents, type APIInteraction } from 'discord-api-types/v10';
import { silentLogger, type Logger } from '../log.ts';
import type { HandleInteraction, InteractionResult } from './interaction-result.ts';
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

  /** Set by stop(): interactions that arrive while the in-flight ones finish get a short notice. */
  let draining = false;

  async function apply(i: APIInteraction, shard: number): Promise<void> {
    const started = performance.now();
    let result: InteractionResult;
    if (draining) result = { response: instead(i, RESTARTING) };
    else {
      try {
        result = await options.handle(i);
      } catch (err) {
        log.error(`Handler threw for interaction ${i.id} on shard ${shard}`, err);
        result = { response: instead(i, errorReply(i.id)) };
      }
    }
    const outcome = await deliver(i, shard, result);
    logInteraction(log, interactionLine(i, result, started, { outcome, transport: 'gateway', shard }));
  }

  /** Sends the callback, then the deferred answer if any; resolves with how that went. */
  async function deliver(i: APIInteraction, shard: number, result: InteractionResult): Promise<'answered' | 'failed'> {
    try {
      await delivery.callback(i, result.response);
    } catch (err) {
      log.error(`Could not answer interaction ${i.id} (type ${result.response.type}) on shard ${shard}`, err);
      return 'failed';
    }
    if (!result.followUp) return 'answered';
    return delivery.followUp(i, result.followUp, (stage, err) =>
      log.error(stage === 'work' ? `Follow-up failed for interaction ${i.id} on shard ${shard}` : `Could not deliver the deferred answer for interaction ${i.id} on shard ${shard}`, err),
    );
  }

  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: APIInteraction, shardId: number) => {
    const p = apply(data, shardId).finally(() => pending.delete(p));
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
