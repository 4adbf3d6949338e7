// What the bot sends Discord about an interaction after the first response, for both transports: the
// gateway's callback POST, and the deferred answer's PATCH @original (gateway and HTTP alike). One
// bounded pool of keep-alive sockets (undici), bodies serialised at the edge (outgoing.ts), and one
// retry rule, the one discord.js's REST client applied before: a 429 waits as long as Discord says,
// a 5xx or a dropped connection is tried again, up to 3 times. Interaction routes are authorised by
// the interaction's own token and sit outside the bot's global rate limit, so there is no bucket
// queue to keep: discord.js's own REST layer cost more CPU per callback than the answer (issue 14).
import { Agent, type Dispatcher } from 'undici';
import {
  InteractionResponseType,
  type APIInteraction,
  type APIInteractionResponse,
  type RESTPatchAPIInteractionOriginalResponseJSONBody,
} from 'discord-api-types/v10';
import { DEFAULT_API_URL } from './api-url.ts';
import { toEdit } from './deadline.ts';
import { editJson, errorReply, responseJson } from './outgoing.ts';

/** Retries after the first attempt for a 5xx or a dropped connection (discord.js's default). */
export const DELIVERY_RETRIES = 3;
/** Each attempt's limit for Discord's headers, then for its body (discord.js's 15 s). */
const ATTEMPT_TIMEOUT_MS = 15_000;
/** Longest wait a 429 may ask for before we give up on that answer (the interaction token lives 15 min). */
const MAX_RATE_LIMIT_WAIT_MS = 5_000;
const USER_AGENT = 'DiscordBot (https://github.com/article-qa-bot, 0.1.0)';
/**
 * Most keep-alive sockets a bot process opens toward Discord's REST API. Without a bound, undici
 * opened one per callback in flight: 419–2,002 sockets after a burst of 1,000 /ask (issue 14). At
 * ~100 ms a round trip to Discord, 128 still carry ~1,000 callbacks a second, inside the 3 s window.
 */
export const DEFAULT_REST_CONNECTIONS = 128;

export interface DeliveryOptions {
  /** REST base including /api (DISCORD_API_URL). Discord's by default. */
  apiUrl?: string;
  /** Sent as `Authorization: Bot …` on PATCH @original when present; the webhook route needs none. */
  token?: string;
  /** Most sockets toward Discord (a burst queues on them instead of opening one per request). */
  connections?: number;
}

export interface Delivery {
  /** The pool every request toward Discord shares (discord.js's REST client is given it too). */
  readonly dispatcher: Dispatcher;
  /** POST the interaction callback (the gateway's first response). Rejects once the retries are spent. */
  callback(i: APIInteraction, response: APIInteractionResponse): Promise<void>;
  /**
   * The deferred answer: waits for it (a failure becomes the error reply) and PATCHes @original.
   * Never rejects; `report` hears what went wrong, and the result says whether the user got it.
   */
  followUp(
    i: APIInteraction,
    pending: Promise<RESTPatchAPIInteractionOriginalResponseJSONBody>,
    report: (stage: 'work' | 'patch', err: unknown) => void,
  ): Promise<'answered' | 'failed'>;
  /** Waits for requests in flight, then closes the sockets; `abandon`: cuts them at once instead. */
  close(abandon?: boolean): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Socket-level failures worth another attempt: the connection broke or never opened. A timeout is
 * not one of them: a slow Discord most likely got the request, and a second callback would be a
 * second answer (seen under load in the 1,000-interaction burst test).
 */
const RETRYABLE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_CONNECT_TIMEOUT']);

/** How long a 429 asks us to wait: the retry-after header, else the body's retry_after, in ms. */
function rateLimitWait(headers: Record<string, string | string[] | undefined>, text: string): number {
  const header = Number(headers['retry-after']);
  let seconds = Number.isFinite(header) ? header : NaN;
  if (!Number.isFinite(seconds)) {
    try {
      seconds = Number((JSON.parse(text) as { retry_after?: unknown }).retry_after);
    } catch {
      seconds = NaN;
    }
  }
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
}

export function createDelivery(options: DeliveryOptions): Delivery {
  const base = new URL((options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''));
  const origin = base.origin;
  const prefix = base.pathname.replace(/\/+$/, '');
  const dispatcher = new Agent({ connections: options.connections ?? DEFAULT_REST_CONNECTIONS });
  const json = { 'content-type': 'application/json', 'user-agent': USER_AGENT };
  const withToken = options.token ? { ...json, authorization: `Bot ${options.token}` } : json;

  /** One request with the retry rule; `label` names it in errors without the interaction token. */
  async function send(method: 'POST' | 'PATCH', path: string, body: string, headers: Record<string, string>, label: string): Promise<void> {
    let limited = 0;
    for (let attempt = 0; ; attempt++) {
      let status: number;
      let text = '';
      let wait = 0;
      try {
        const res = await dispatcher.request({ origin, path: prefix + path, method, headers, body, headersTimeout: ATTEMPT_TIMEOUT_MS, bodyTimeout: ATTEMPT_TIMEOUT_MS });
        status = res.statusCode;
        if (status < 300) {
          await res.body.dump();
          return;
        }
        text = await res.body.text().catch(() => '');
        if (status === 429) wait = rateLimitWait(res.headers, text);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (attempt < DELIVERY_RETRIES && typeof code === 'string' && RETRYABLE_CODES.has(code)) continue;
        throw err;
      }
      // A 429 is Discord pacing us, not a failure: wait as told (a few times), without using a retry.
      if (status === 429 && limited < DELIVERY_RETRIES && wait <= MAX_RATE_LIMIT_WAIT_MS) {
        limited++;
        attempt--;
        await sleep(wait);
        continue;
      }
      if (status < 500 || attempt >= DELIVERY_RETRIES) throw new Error(`${label} answered ${status} ${text.slice(0, 200)}`.trim());
    }
  }

  return {
    dispatcher,
    callback(i, response) {
      // As discord.js sends them: autocomplete results without a query string.
      const query = response.type === InteractionResponseType.ApplicationCommandAutocompleteResult ? '' : '?with_response=false';
      return send('POST', `/v10/interactions/${i.id}/${encodeURIComponent(i.token)}/callback${query}`, responseJson(response), json, `POST /interactions/${i.id}/callback`);
    },
    async followUp(i, pending, report) {
      let body: RESTPatchAPIInteractionOriginalResponseJSONBody;
      try {
        body = await pending;
      } catch (err) {
        report('work', err);
        body = toEdit(errorReply(i.id).data);
      }
      try {
        await send('PATCH', `/v10/webhooks/${i.application_id}/${encodeURIComponent(i.token)}/messages/@original`, editJson(body), withToken, 'PATCH @original');
        return 'answered';
      } catch (err) {
        report('patch', err);
        return 'failed';
      }
    },
    async close(abandon = false) {
      await (abandon ? dispatcher.destroy() : dispatcher.close()).catch(() => undefined);
    },
  };
}
