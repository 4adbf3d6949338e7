// Issue 12, defects 1 and 6, on a real interactions server in this process (real sockets, real
// signatures): what close() does with connections, and the limits that keep stalled or piled-up
// connections from holding the process. No timing: each check waits for an outcome.
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import type { HandleInteraction } from '../src/discord/interaction-result.ts';
import { REQUEST_TIMEOUT_MS, TIMEOUT_CHECK_MS } from '../src/discord/http/limits.ts';
import { waitUntil } from '../testing/spawn.ts';
import { makeKeys, nowTimestamp, signBody, startServer } from './http-helpers.ts';

const keys = makeKeys();
const handle: HandleInteraction = async () => ({ response: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'ok' } } });

type Answer = { status: number; connection: string | undefined; body: string } | { error: string };

/** GET /healthz or a signed PING, on `agent` (kept alive) or on a connection of its own. */
function call(port: number, what: 'healthz' | 'ping', agent: Agent | false): Promise<Answer> {
  const body = JSON.stringify({ type: 1 });
  const ts = nowTimestamp();
  return new Promise((resolve) => {
    const req = request(
      what === 'healthz'
        ? { host: '127.0.0.1', port, path: '/healthz', agent }
        : {
            host: '127.0.0.1',
            port,
            path: '/interactions',
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'x-signature-ed25519': signBody(keys.privateKey, ts, body), 'x-signature-timestamp': ts },
          },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(what === 'ping' ? body : undefined);
  });
}

/** A raw connection: resolves once the kernel completed it. */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** What comes back on `socket` until the server closes it. */
function received(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => resolve(text));
  });
}

describe('stopping the interactions server', () => {
  it('says 503 on /healthz at once, and once it stops listening answers kept-alive connections with Connection: close', async () => {
    const srv = await startServer(keys, { handle, drainIdleMs: 60_000 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect(await call(srv.port, 'healthz', agent)).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    const stopping = srv.close();
    expect(await call(srv.port, 'healthz', agent)).toMatchObject({ status: 503, body: '{"status":"stopping"}' });
    await waitUntil('the listener to close', async () => 'error' in (await call(srv.port, 'healthz', false)), () => srv.logs.join('\n'));
    // The connection kept alive all along is still served, and told to go elsewhere next time.
    expect(await call(srv.port, 'ping', agent)).toEqual({ status: 200, connection: 'close', body: '{"type":1}' });
    agent.destroy();
    expect(await stopping).toBe(true);
  });

  it('still takes a connection the kernel completed after close() began, then stops listening once idle', async () => {
    const srv = await startServer(keys, { handle });
    const stopping = srv.close();
    // Connected before this process got back to its event loop: it sits in the listen backlog, which
    // closing the listener at once would reset.
    const late = await call(srv.port, 'ping', false);
    expect(late).toEqual({ status: 200, connection: 'close', body: '{"type":1}' });
    expect(await stopping).toBe(true);
    expect(await call(srv.port, 'ping', false)).toEqual({ error: 'ECONNREFUSED' });
  });

  it('does not let a request stalled mid-body hold the shutdown: it is cut, and the drain counts as in time', async () => {
    const srv = await startServer(keys, { handle });
    const socket = await open(srv.port);
    const cut = received(socket);
    const ts = nowTimestamp();
    socket.write(`POST /interactions HTTP/1.1\r\nHost: x\r\ncontent-length: 200\r\nx-signature-ed25519: ${'ab'.repeat(64)}\r\nx-signature-timestamp: ${ts}\r\n\r\n{"type":`);
    // The headers are read (the request has begun) before the stop, so it is one in flight.
    await new Promise<void>((resolve) => srv.server.server.once('request', () => resolve()));
    expect(await srv.close()).toBe(true);
    expect(await cut).toBe('');
  });
});

describe('connection limits', () => {
  it('times out headers and bodies after 10 s each, checked every second', async () => {
    const srv = await startServer(keys, { handle });
    try {
      expect(srv.server.server.headersTimeout).toBe(REQUEST_TIMEOUT_MS);
      expect(srv.server.server.requestTimeout).toBe(2 * REQUEST_TIMEOUT_MS);
      expect(REQUEST_TIMEOUT_MS).toBe(10_000);
      // node's own check runs every 30 s unless set, so a stall could live three times too long.
      expect((srv.server.server as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval).toBe(TIMEOUT_CHECK_MS);
      expect(TIMEOUT_CHECK_MS).toBe(1_000);
    } finally {
      await srv.close();
    }
  });

  it('answers 408 to headers that never finish', async () => {
    const srv = await startServer(keys, { handle });
    try {
      srv.server.server.headersTimeout = 300;
      const socket = await open(srv.port);
      const answer = received(socket);
      socket.write('POST /interactions HTTP/1.1\r\nHost: x\r\n');
      expect(await answer).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await srv.close();
    }
  });

  it('drops connections beyond maxConnections and keeps serving the ones it holds', async () => {
    const srv = await startServer(keys, { handle, maxConnections: 2 });
    try {
      const agent = new Agent({ keepAlive: true, maxSockets: 2 });
      const held = await Promise.all([call(srv.port, 'healthz', agent), call(srv.port, 'healthz', agent)]);
      expect(held.map((a) => 'status' in a && a.status)).toEqual([200, 200]);
      expect(await new Promise((resolve) => srv.server.server.getConnections((_err, n) => resolve(n)))).toBe(2);
      const third = await open(srv.port);
      const dropped = received(third);
      third.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(await dropped).toBe('');
      expect(await Promise.all([call(srv.port, 'healthz', agent), call(srv.port, 'healthz', agent)])).toMatchObject([{ status: 200 }, { status: 200 }]);
      agent.destroy();
    } finally {
      await srv.close();
    }
  });
});
