// Every answer of the interactions server carries Content-Length, equal to the body's bytes, and is
// never chunked: Discord and balancers read a framed body, and keep-alive needs it. Real server, real
// signatures; each kind of answer the server gives is asked for once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import type { HandleInteraction } from '../src/discord/interaction-result.ts';
import { makeKeys, postInteraction, startServer, type RunningServer } from './http-helpers.ts';

const keys = makeKeys();
const base = { application_id: '2', token: 'tok', version: 1 };
const command = (id: string, name: string) => ({ type: 2, id, ...base, data: { id: '3', name, type: 1 } });

const handle: HandleInteraction = async (i) => {
  const name = (i as { data?: { name?: string } }).data?.name;
  if (name === 'replay') return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'x' } }, replay: true };
  if (name === 'throw') throw new Error('handler broke');
  // Multi-byte text: the length is in bytes, not characters.
  return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'Grammy für Beyoncé — “Renaissance” 🎶' } } };
};

let srv: RunningServer;
let loading: RunningServer;
beforeAll(async () => {
  srv = await startServer(keys, { handle });
  loading = await startServer(keys);
});
afterAll(async () => {
  await srv.close();
  await loading.close();
});

async function framed(res: Response, status: number): Promise<void> {
  expect(res.status).toBe(status);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(res.headers.get('transfer-encoding')).toBeNull();
  expect(res.headers.get('content-length')).toBe(String(bytes.length));
  expect(bytes.length).toBeGreaterThan(0);
}

describe('Content-Length on every answer', () => {
  it('PING, an answer with multi-byte text, and the error reply of a failed handler', async () => {
    await framed(await postInteraction(srv.url, keys, { type: 1 }), 200);
    await framed(await postInteraction(srv.url, keys, command('10', 'ask')), 200);
    await framed(await postInteraction(srv.url, keys, command('11', 'throw')), 200);
  });

  it('the refusals: bad JSON, bad shape, bad signature, a replay, too large', async () => {
    await framed(await postInteraction(srv.url, keys, '{"type":'), 400);
    await framed(await postInteraction(srv.url, keys, { type: 2, id: 'x' }), 400);
    await framed(await postInteraction(srv.url, keys, { type: 1 }, { signWith: makeKeys().privateKey }), 401);
    await framed(await postInteraction(srv.url, keys, { type: 1 }, { omit: ['timestamp'] }), 401);
    await framed(await postInteraction(srv.url, keys, command('12', 'replay')), 409);
    await framed(await postInteraction(srv.url, keys, JSON.stringify({ type: 1, pad: 'x'.repeat(70 * 1024) })), 413);
  });

  it('before the knowledge is ready, and the other routes', async () => {
    await framed(await postInteraction(loading.url, keys, command('13', 'ask')), 503);
    await framed(await fetch(`${loading.url}/healthz`), 503);
    await framed(await fetch(`${srv.url}/healthz`), 200);
    await framed(await fetch(`${srv.url}/interactions`), 405);
    await framed(await fetch(`${srv.url}/healthz`, { method: 'DELETE' }), 405);
    await framed(await fetch(`${srv.url}/nothing-here`), 404);
  });
});
