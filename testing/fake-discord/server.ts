// A small fake of Discord's REST API and gateway v10 on 127.0.0.1, for driving the real discord.js
// Client (or a child `npm start`) end to end: `rest: { api: fake.apiUrl }`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents, GatewayIntentBits, type APIInteraction, type APIThreadChannel, type APIUser } from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import { APP_ID, CHANNEL_ID, GUILD_ID } from './interactions.ts';
import { FakeGateway, type GatewaySession } from './gateway.ts';
import { FakeRest, type CallbackRecord, type EditRecord, type RecordedRequest } from './rest.ts';
import type { ChannelMessageRecord, ForumChannel, NewPost } from './forum.ts';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts; REST and IDENTIFY with another one fail (401 / close 4004). */
  token?: string;
  applicationId?: string;
  guilds?: Array<{ id: string; channelId: string }>;
  /** What GET /gateway/bot answers for `shards` (default 1). */
  shards?: number;
  heartbeatIntervalMs?: number;
}

export interface SentInteraction {
  id: string;
  token: string;
  shard: number;
  /** performance.now() when the INTERACTION_CREATE went out. */
  sentAt: number;
}

export const FAKE_TOKEN = 'fake-bot-token.for-tests.only-0123456789';

export class FakeDiscord {
  readonly rest: FakeRest;
  readonly gateway: FakeGateway;
  readonly sent = new Map<string, SentInteraction>();
  readonly applicationId: string;
  readonly token: string | undefined;
  private shardCount: number;
  private server!: Server;
  private wss!: WebSocketServer;
  private port = 0;

  private constructor(opts: FakeDiscordOptions) {
    this.applicationId = opts.applicationId ?? APP_ID;
    this.token = 'token' in opts ? opts.token : FAKE_TOKEN;
    this.shardCount = opts.shards ?? 1;
    const botUser: APIUser = { id: this.applicationId, username: 'article-bot', discriminator: '0', global_name: null, avatar: null, bot: true };
    this.rest = new FakeRest({
      token: this.token,
      applicationId: this.applicationId,
      gatewayUrl: () => this.gatewayUrl,
      shards: () => this.shardCount,
      botUser,
      contentAllowed: () => this.intentsHave(GatewayIntentBits.MessageContent),
    });
    this.gateway = new FakeGateway({
      token: this.token,
      applicationId: this.applicationId,
      botUser,
      guilds: opts.guilds ?? [{ id: GUILD_ID, channelId: CHANNEL_ID }],
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
      shards: () => this.shardCount,
      resumeUrl: () => this.gatewayUrl,
    });
  }

  static async start(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(opts);
    fake.server = createServer((req, res) => {
      fake.rest.handle(req, res).catch((err: unknown) => {
        res.writeHead(500).end(String(err));
      });
    });
    fake.wss = new WebSocketServer({ server: fake.server });
    fake.gateway.attach(fake.wss);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** REST base including /api, as DISCORD_API_URL / `rest.api` take it. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Changes what /gateway/bot answers from now on (e.g. 2 for a sharding test). */
  setShards(n: number): void {
    this.shardCount = n;
  }

  get requests(): RecordedRequest[] {
    return this.rest.requests;
  }

  /** Resolves once `count` shards have identified and been sent READY + GUILD_CREATE. */
  async waitForReady(count = 1, timeoutMs = 10_000): Promise<GatewaySession[]> {
    const ready = () => [...this.gateway.byShard.values()].filter((s) => s.ws !== undefined);
    if (ready().length >= count) return ready();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (ready().length < count) return;
        clearTimeout(timer);
        this.gateway.off('ready', check);
        resolve(ready());
      };
      const timer = setTimeout(() => {
        this.gateway.off('ready', check);
        reject(new Error(`fake Discord: ${ready().length}/${count} shards ready after ${timeoutMs} ms`));
      }, timeoutMs);
      this.gateway.on('ready', check);
    });
  }

  /** Dispatches INTERACTION_CREATE to the shard that owns the interaction's guild. */
  sendInteraction(interaction: APIInteraction): SentInteraction {
    const { shard } = this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, interaction, interaction.guild_id);
    const sent = { id: interaction.id, token: interaction.token, shard, sentAt: performance.now() };
    this.sent.set(interaction.id, sent);
    return sent;
  }

  /** Whether some session identified with this intent bit. */
  private intentsHave(bit: number): boolean {
    return [...this.gateway.byShard.values()].some((s) => (Number(s.identify.intents) & bit) !== 0);
  }

  /** A forum channel in `guildId` (the default guild) with these tags. */
  createForum(name = 'questions', tags: string[] = [], guildId = GUILD_ID): ForumChannel {
    return this.rest.forums.createForum(guildId, name, tags);
  }

  /**
   * A new forum post, as Discord announces it: THREAD_CREATE (with newly_created unless said otherwise),
   * then MESSAGE_CREATE for the starter message to bots with the Guild Messages intent, its text blanked
   * without Message Content.
   */
  post(post: NewPost): APIThreadChannel {
    const { thread, starter } = this.rest.forums.createPost(post);
    this.gateway.dispatch(GatewayDispatchEvents.ThreadCreate, thread, thread.guild_id);
    if (this.intentsHave(GatewayIntentBits.GuildMessages)) {
      const content = this.intentsHave(GatewayIntentBits.MessageContent) ? starter.content : '';
      this.gateway.dispatch(GatewayDispatchEvents.MessageCreate, { ...starter, content, guild_id: thread.guild_id }, thread.guild_id);
    }
    return thread;
  }

  /** The first message the bot posted in channel (thread) `id`. */
  waitForChannelMessage(id: string, timeoutMs = 5000): Promise<ChannelMessageRecord> {
    return this.rest.forums.waitForMessage(id, timeoutMs);
  }

  /** The interaction callback (POST …/callback) for interaction `id`, past or future. */
  waitForCallback(id: string, timeoutMs = 5000): Promise<CallbackRecord> {
    return this.rest.waitFor(this.rest.callbacks, 'callback', (c) => c.interactionId === id, timeoutMs, `the callback for interaction ${id}`);
  }

  /** The PATCH of @original (a deferred answer's follow-up) for interaction `id`. */
  waitForEdit(id: string, timeoutMs = 5000): Promise<EditRecord> {
    const token = this.sent.get(id)?.token;
    return this.rest.waitFor(this.rest.edits, 'edit', (e) => e.token === token, timeoutMs, `the @original edit for interaction ${id}`);
  }

  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.rest.waitFor(this.rest.requests, 'request', predicate, timeoutMs, 'a matching request');
  }

  /** Sends an interaction and waits for its callback; reports the time to first response. */
  async interact(interaction: APIInteraction, timeoutMs = 5000): Promise<CallbackRecord & { ms: number }> {
    const sent = this.sendInteraction(interaction);
    const cb = await this.waitForCallback(interaction.id, timeoutMs);
    return { ...cb, ms: cb.request.at - sent.sentAt };
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
