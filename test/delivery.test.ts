// The delivery retry rule (src/discord/delivery.ts) against a real HTTP server standing in for Discord's
// REST API: a 429 waits as told without spending a retry, a 5xx or a dropped connection is tried again
// up to DELIVERY_RETRIES times, a 4xx never; bodies leave with allowed_mentions forced to none.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { createDelivery, DELIVERY_RETRIES, type Delivery } from '../src/discord/delivery.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Script = (n: number, req: IncomingMessage, res: ServerResponse) => void;

let server: Server | undefined;
let delivery: Delivery | undefined;

async function fakeDiscord(script: Script): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      script(seen.length, req, res);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, seen };
}

function reply(res: ServerResponse, status: number, body = '', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

afterEach(async () => {
  await delivery?.close(true);
  delivery = undefined;
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

const interaction = { type: InteractionType.ApplicationCommand, id: '100', application_id: '200', token: 'to/ken', version: 1 } as unknown as APIInteraction;
const message = { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'hi @everyone' } } as const;

describe('delivery', () => {
  it('POSTs the callback once on success, to the escaped token, with mentions off', async () => {
    const { url, seen } = await fakeDiscord((_n, _req, res) => reply(res, 204));
    delivery = createDelivery({ apiUrl: url });
    await delivery.callback(interaction, message);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url).toBe('/api/v10/interactions/100/to%2Fken/callback?with_response=false');
    expect(JSON.parse(seen[0]!.body)).toEqual({ type: 4, data: { content: 'hi @everyone', allowed_mentions: { parse: [] } } });
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it('tries a 5xx again, and succeeds when Discord recovers', async () => {
    const { url, seen } = await fakeDiscord((n, _req, res) => reply(res, n < 3 ? 502 : 204));
    delivery = createDelivery({ apiUrl: url });
    await delivery.callback(interaction, message);
    expect(seen).toHaveLength(3);
  });

  it(`gives up on a 5xx after ${DELIVERY_RETRIES} retries, naming the route but not the token`, async () => {
    const { url, seen } = await fakeDiscord((_n, _req, res) => reply(res, 500, '{"message":"boom"}'));
    delivery = createDelivery({ apiUrl: url });
    const err = await delivery.callback(interaction, message).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/POST \/interactions\/100\/callback answered 500/);
    expect(err?.message).not.toContain('to/ken');
    expect(seen).toHaveLength(1 + DELIVERY_RETRIES);
  });

  it('never repeats a 4xx', async () => {
    const { url, seen } = await fakeDiscord((_n, _req, res) => reply(res, 404, '{"message":"Unknown interaction"}'));
    delivery = createDelivery({ apiUrl: url });
    await expect(delivery.callback(interaction, message)).rejects.toThrow(/answered 404/);
    expect(seen).toHaveLength(1);
  });

  it('waits as long as a 429 says, without spending a retry', async () => {
    const times: number[] = [];
    const { url, seen } = await fakeDiscord((n, _req, res) => {
      times.push(Date.now());
      // Four 429s in a row would exhaust the 3 retries if they counted; the body's retry_after is read when no header says.
      if (n === 1) reply(res, 429, '{"retry_after":0.05}');
      else if (n <= 3) reply(res, 429, '{}', { 'retry-after': '0.05' });
      else if (n <= 6) reply(res, 503);
      else reply(res, 204);
    });
    delivery = createDelivery({ apiUrl: url });
    await delivery.callback(interaction, message);
    expect(seen).toHaveLength(7);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(40);
  });

  it('gives up on a 429 that asks for longer than an answer can wait', async () => {
    const { url, seen } = await fakeDiscord((_n, _req, res) => reply(res, 429, '{"retry_after":60}'));
    delivery = createDelivery({ apiUrl: url });
    await expect(delivery.callback(interaction, message)).rejects.toThrow(/answered 429/);
    expect(seen).toHaveLength(1);
  });

  it('tries again when the connection drops before an answer', async () => {
    const { url, seen } = await fakeDiscord((n, req, res) => {
      if (n === 1) req.socket.destroy();
      else reply(res, 204);
    });
    delivery = createDelivery({ apiUrl: url });
    await delivery.callback(interaction, message);
    expect(seen).toHaveLength(2);
  });

  it('PATCHes @original with the token when there is one, and reports success', async () => {
    const { url, seen } = await fakeDiscord((_n, _req, res) => reply(res, 200, '{}'));
    delivery = createDelivery({ apiUrl: url, token: 'bot-token' });
    const reports: string[] = [];
    const outcome = await delivery.followUp(interaction, Promise.resolve({ content: 'late answer' }), (stage) => reports.push(stage));
    expect(outcome).toBe('answered');
    expect(reports).toEqual([]);
    expect(seen[0]!.method).toBe('PATCH');
    expect(seen[0]!.url).toBe('/api/v10/webhooks/200/to%2Fken/messages/@original');
    expect(seen[0]!.headers.authorization).toBe('Bot bot-token');
    expect(JSON.parse(seen[0]!.body)).toEqual({ content: 'late answer', allowed_mentions: { parse: [] } });
  });

  it('sends the error reply when the work fails, and reports the work', async () => {
    const { url, seen } = await fakeDiscord((_n, _req, res) => reply(res, 200, '{}'));
    delivery = createDelivery({ apiUrl: url });
    const reports: string[] = [];
    const outcome = await delivery.followUp(interaction, Promise.reject(new Error('engine broke')), (stage) => reports.push(stage));
    expect(outcome).toBe('answered');
    expect(reports).toEqual(['work']);
    expect(JSON.parse(seen[0]!.body).content).toMatch(/Something went wrong while answering.*ref 100/);
  });

  it('never rejects a follow-up: a PATCH Discord refuses is reported and the outcome is failed', async () => {
    const { url, seen } = await fakeDiscord((_n, _req, res) => reply(res, 400, '{"message":"bad"}'));
    delivery = createDelivery({ apiUrl: url });
    const reports: string[] = [];
    const outcome = await delivery.followUp(interaction, Promise.resolve({ content: 'x' }), (stage) => reports.push(stage));
    expect(outcome).toBe('failed');
    expect(reports).toEqual(['patch']);
    expect(seen).toHaveLength(1);
  });
});
