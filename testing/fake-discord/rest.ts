// The REST half of the fake: records every request so tests can assert on it, answers the routes
// the bot uses, and lets a test queue faults (429, 500, slow answers) per route.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { FakeForums } from './forum.ts';
import { botMessage } from './interactions.ts';
import type {
  APIApplicationCommand,
  APIInteractionResponse,
  APIMessage,
  RESTGetAPIGatewayBotResult,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

export interface RecordedRequest {
  method: string;
  /** Path without the query, percent-decoded: `%40original` arrives as `@original`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** performance.now() when the request arrived. */
  at: number;
  status?: number;
}

export interface OverrideResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (slow REST). With no status, the normal answer follows. */
  delayMs?: number;
  /** Hold the answer until this settles: a request kept in flight exactly as long as a test needs. */
  until?: Promise<unknown>;
}

/** A request held in flight until `release()`: pass `until` to override() (no timer, so no race with load). */
export function hold(): { until: Promise<void>; release(): void } {
  let release!: () => void;
  const until = new Promise<void>((resolve) => (release = resolve));
  return { until, release };
}

export interface RouteMatch {
  method?: string;
  /** Exact decoded path or a pattern, e.g. /\/callback$/. */
  path: string | RegExp;
}

interface Override {
  match: RouteMatch;
  response: OverrideResponse;
  remaining: number;
}

export interface CallbackRecord {
  interactionId: string;
  token: string;
  body: APIInteractionResponse;
  request: RecordedRequest;
}

export interface EditRecord {
  token: string;
  body: Partial<APIMessage> & Record<string, unknown>;
  request: RecordedRequest;
}

export interface RestState {
  token: string | undefined;
  applicationId: string;
  gatewayUrl: () => string;
  shards: () => number;
  botUser: { id: string; username: string };
  /** Whether the bot identified with the Message Content intent (message text is blanked otherwise). */
  contentAllowed: () => boolean;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  if (status === 204) {
    res.writeHead(204, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

const notFound = { message: '404: Not Found', code: 0 };
const unauthorized = { message: '401: Unauthorized', code: 0 };

function matches(m: RouteMatch, method: string, path: string): boolean {
  if (m.method && m.method.toUpperCase() !== method) return false;
  return typeof m.path === 'string' ? m.path === path : m.path.test(path);
}

let nextId = 1n;
const fakeId = () => String((BigInt(Date.now() - 1420070400000) << 22n) + nextId++);

export class FakeRest extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly callbacks: CallbackRecord[] = [];
  readonly edits: EditRecord[] = [];
  readonly followUps: EditRecord[] = [];
  /** Commands as last PUT: key "global" or the guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  private readonly overrides: Override[] = [];
  private readonly messages = new Map<string, APIMessage>();
  /** Forum channels, their posts, and the channel routes. */
  readonly forums: FakeForums;

  constructor(private readonly state: RestState) {
    super();
    this.setMaxListeners(0);
    this.forums = new FakeForums({ ...state.botUser, discriminator: '0', global_name: null, avatar: null, bot: true });
  }

  /** Answers the next `times` matching requests with `response` instead of the normal answer. */
  override(match: RouteMatch, response: OverrideResponse, times = 1): void {
    this.overrides.push({ match, response, remaining: times });
  }

  clearOverrides(): void {
    this.overrides.length = 0;
  }

  /** Resolves with the first recorded request (past or future) that satisfies `predicate`. */
  waitFor<T>(list: T[], event: string, predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const found = list.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onItem = (item: T) => {
        if (!predicate(item)) return;
        clearTimeout(timer);
        this.off(event, onItem);
        resolve(item);
      };
      const timer = setTimeout(() => {
        this.off(event, onItem);
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.on(event, onItem);
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });
    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = raw.toString('utf8');
      }
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = {
      method,
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      at: performance.now(),
    };
    this.requests.push(record);

    const send = (status: number, payload: unknown, headers?: Record<string, string>) => {
      record.status = status;
      json(res, status, payload, headers);
      this.emit('request', record);
    };

    const override = this.overrides.find((o) => o.remaining > 0 && matches(o.match, method, record.path));
    if (override) {
      override.remaining -= 1;
      if (override.remaining === 0) this.overrides.splice(this.overrides.indexOf(override), 1);
      if (override.response.delayMs) await new Promise((r) => setTimeout(r, override.response.delayMs));
      if (override.response.until) await override.response.until.catch(() => undefined);
      if (override.response.status !== undefined) {
        send(override.response.status, override.response.body ?? {}, override.response.headers);
        return;
      }
    }
    this.route(method, record, send);
  }

  private authorized(record: RecordedRequest): boolean {
    return this.state.token === undefined || record.headers.authorization === `Bot ${this.state.token}`;
  }

  private route(method: string, record: RecordedRequest, send: (status: number, body: unknown, headers?: Record<string, string>) => void): void {
    const p = record.path.replace(/^\/api(\/v\d+)?/, '');
    let m: RegExpMatchArray | null;

    if (method === 'GET' && p === '/gateway/bot') {
      if (!this.authorized(record)) return send(401, unauthorized);
      const body: RESTGetAPIGatewayBotResult = {
        url: this.state.gatewayUrl(),
        shards: this.state.shards(),
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      };
      return send(200, body);
    }
    if (method === 'GET' && p === '/gateway') return send(200, { url: this.state.gatewayUrl() });
    if (method === 'GET' && p === '/users/@me') {
      if (!this.authorized(record)) return send(401, unauthorized);
      return send(200, { ...this.state.botUser, discriminator: '0', global_name: null, avatar: null, bot: true });
    }

    if (method === 'POST' && (m = p.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const cb: CallbackRecord = { interactionId: m[1]!, token: m[2]!, body: record.body as APIInteractionResponse, request: record };
      this.callbacks.push(cb);
      this.emit('callback', cb);
      if (record.query.with_response === 'true') {
        return send(200, { interaction: { id: cb.interactionId, type: 2, activity_instance_id: null, response_message_id: null, response_message_loading: false, response_message_ephemeral: false } });
      }
      return send(204, null);
    }

    if ((m = p.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/))) {
      const [, , token, which] = m as unknown as [string, string, string, string];
      const key = `${token}/${which}`;
      if (method === 'PATCH') {
        const edit: EditRecord = { token, body: record.body as EditRecord['body'], request: record };
        this.edits.push(edit);
        this.emit('edit', edit);
        const msg = this.fakeMessage({ ...(this.messages.get(key) ?? {}), ...(record.body as object) });
        this.messages.set(key, msg);
        return send(200, msg);
      }
      if (method === 'GET') return this.messages.has(key) ? send(200, this.messages.get(key)) : send(404, { message: 'Unknown Message', code: 10008 });
      if (method === 'DELETE') {
        this.messages.delete(key);
        return send(204, null);
      }
    }
    if (method === 'POST' && (m = p.match(/^\/webhooks\/(\d+)\/([^/]+)$/))) {
      const followUp: EditRecord = { token: m[2]!, body: record.body as EditRecord['body'], request: record };
      this.followUps.push(followUp);
      this.emit('followUp', followUp);
      return send(200, this.fakeMessage(record.body as object));
    }

    if ((m = p.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      if (!this.authorized(record)) return send(401, unauthorized);
      const scope = m[2] ?? 'global';
      if (method === 'PUT') {
        const defs = (record.body ?? []) as RESTPostAPIApplicationCommandsJSONBody[];
        const saved = defs.map(
          (d) => ({ ...d, id: fakeId(), application_id: m![1]!, version: fakeId(), default_member_permissions: null, type: d.type ?? 1, description: 'description' in d ? d.description ?? '' : '', ...(m![2] ? { guild_id: m![2] } : {}) }) as APIApplicationCommand,
        );
        this.commands.set(scope, saved);
        this.emit('commands', scope, saved);
        return send(200, saved);
      }
      if (method === 'GET') return send(200, this.commands.get(scope) ?? []);
    }

    if (p.startsWith('/channels/')) {
      if (!this.authorized(record)) return send(401, unauthorized);
      if (this.forums.route(method, p, record.body, this.state.contentAllowed(), send)) return;
    }

    return send(404, notFound);
  }

  private fakeMessage(body: object): APIMessage {
    const author = { ...this.state.botUser, discriminator: '0', global_name: null, avatar: null, bot: true };
    return { ...botMessage(), id: fakeId(), channel_id: '0', author, type: 0, components: undefined, ...body } as APIMessage;
  }
}
