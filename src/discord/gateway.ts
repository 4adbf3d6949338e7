// The gateway transport: a discord.js Client (Guilds intent only) receives INTERACTION_CREATE as raw
// API payloads, hands them to the shared handler, and applies the result through REST: the callback,
// then PATCH @original when the handler deferred.
import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import {
  GatewayDispatchEvents,
  InteractionResponseType,
  Routes,
  type APIInteraction,
  type RESTPatchAPIInteractionOriginalResponseJSONBody,
} from 'discord-api-types/v10';
import { silentLogger, type Logger } from '../log.ts';
import type { HandleInteraction, InteractionResult } from './contract.ts';
import { toEdit, toResponse } from './deadline.ts';
import { errorReply } from './handler.ts';

export interface GatewayBotOptions {
  token: string;
  /** REST base including /api (DISCORD_API_URL); the gateway URL then comes from GET {api}/v10/gateway/bot. */
  apiUrl?: string;
  handle: HandleInteraction;
  log?: Logger;
  /** Extra discord.js options (sharding under ShardingManager, tests). Intents and mentions stay fixed. */
  clientOptions?: Partial<ClientOptions>;
}

export interface GatewayBot {
  readonly client: Client;
  /** Logs in and resolves once the client is ready. */
  start(): Promise<void>;
  /** Lets in-flight answers finish (up to `graceMs`), then destroys the client. */
  stop(graceMs?: number): Promise<void>;
  /** Answers currently being computed or sent. */
  readonly inFlight: number;
}

export function createGatewayBot(options: GatewayBotOptions): GatewayBot {
  const log = options.log ?? silentLogger;
  const client = new Client({
    ...options.clientOptions,
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { ...options.clientOptions?.rest, ...(options.apiUrl ? { api: options.apiUrl } : {}) },
  });

  // We answer from the raw payload, so discord.js's own Interaction objects would be built and thrown
  // away on every interaction; worse, a payload they cannot parse throws inside the gateway's
  // listener. Turn that one action off for this client only.
  const actions = (client as unknown as { actions?: { InteractionCreate?: { handle: (data: unknown) => void } } }).actions;
  if (actions?.InteractionCreate) actions.InteractionCreate.handle = () => undefined;

  const pending = new Set<Promise<void>>();

  async function apply(i: APIInteraction, shard: number): Promise<void> {
    const started = performance.now();
    let result: InteractionResult;
    try {
      result = await options.handle(i);
    } catch (err) {
      log.error(`Handler threw for interaction ${i.id} on shard ${shard}`, err);
      result = { response: toResponse(errorReply(i.id)) };
    }
    const type = result.response.type;
    try {
      await client.rest.post(Routes.interactionCallback(i.id, i.token), {
        body: result.response,
        auth: false,
        // As discord.js sends them: autocomplete results without a query string.
        ...(type === InteractionResponseType.ApplicationCommandAutocompleteResult ? {} : { query: new URLSearchParams({ with_response: 'false' }) }),
      });
    } catch (err) {
      log.error(`Could not answer interaction ${i.id} (type ${type}) on shard ${shard}`, err);
      return;
    }
    log.debug(`Answered interaction ${i.id} (type ${i.type}) on shard ${shard}: response type ${type} in ${(performance.now() - started).toFixed(1)} ms`);
    if (!result.followUp) return;
    let body: RESTPatchAPIInteractionOriginalResponseJSONBody;
    try {
      body = await result.followUp;
    } catch (err) {
      log.error(`Follow-up failed for interaction ${i.id} on shard ${shard}`, err);
      body = toEdit(errorReply(i.id).data);
    }
    try {
      await client.rest.patch(Routes.webhookMessage(i.application_id, i.token, '@original'), { body, auth: false });
    } catch (err) {
      log.error(`Could not deliver the deferred answer for interaction ${i.id} on shard ${shard}`, err);
    }
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
    async stop(graceMs = 1500) {
      if (pending.size > 0) {
        const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
        await Promise.race([Promise.allSettled([...pending]), grace]);
      }
      await client.destroy();
    },
  };
}
