// Body size, JSON, methods, routing and /healthz on a real server.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { makeKeys, nowTimestamp, postInteraction, signBody, startServer, useRecordingServer } from './http-helpers.ts';

const keys = makeKeys();
const srv = useRecordingServer(keys);
const handle = srv.handle;

/** A chunked upload without content-length, so only counting bytes can stop it. */
function streamBody(url: string, totalBytes: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const ts = nowTimestamp();
    const target = new URL(`${url}/interactions`);
    const req = request({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      headers: {
        'x-signature-ed25519': signBody(keys.privateKey, ts, 'x'),
        'x-signature-timestamp': ts,
        'transfer-encoding': 'chunked',
      },
    });
    let sent = 0;
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    let stopped = false;
    req.on('response', (res) => {
      stopped = true;
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
      res.on('error', reject);
    });
    req.on('error', (err) => {
      if (!stopped) reject(err);
    });
    const pump = (): void => {
      while (!stopped && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!stopped) req.end();
    };
    pump();
  });
}

describe('POST /interactions limits', () => {
  it('answers 413 for a declared body over 64 KiB', async () => {
    const big = JSON.stringify({ type: 1, pad: 'x'.repeat(70 * 1024) });
    const res = await postInteraction(srv.url, keys, big);
    expect(res.status).toBe(413);
    await res.text();
    expect(handle).not.toHaveBeenCalled();
  });

  it('accepts a body just under the limit', async () => {
    const base = JSON.stringify({ type: 1, pad: '' });
    const body = JSON.stringify({ type: 1, pad: 'x'.repeat(64 * 1024 - base.length) });
    expect(Buffer.byteLength(body)).toBe(64 * 1024);
    const res = await postInteraction(srv.url, keys, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('stops a chunked upload early with 413 instead of reading it all', async () => {
    const { status, sent } = await streamBody(srv.url, 8 * 1024 * 1024);
    expect(status).toBe(413);
    // The server answered long before the 8 MiB were sent.
    expect(sent).toBeLessThan(8 * 1024 * 1024);
    expect(handle).not.toHaveBeenCalled();
  });

  it('answers 400 for a signed body that is not JSON', async () => {
    const res = await postInteraction(srv.url, keys, '{"type":1');
    expect(res.status).toBe(400);
    await res.text();
    const res2 = await postInteraction(srv.url, keys, '');
    expect(res2.status).toBe(400);
    await res2.text();
    expect(handle).not.toHaveBeenCalled();
  });

  it('answers 400 for JSON that is not an interaction object', async () => {
    for (const body of ['[1,2]', 'null', '"ping"', '{"type":"1"}']) {
      const res = await postInteraction(srv.url, keys, body);
      expect(res.status, body).toBe(400);
      await res.text();
    }
    expect(handle).not.toHaveBeenCalled();
  });

  it('checks the signature before JSON: unsigned garbage is 401, not 400', async () => {
    const res = await postInteraction(srv.url, keys, '{"type":1', { signature: 'ab'.repeat(64) });
    expect(res.status).toBe(401);
    await res.text();
  });

  it('answers 405 with Allow for other methods', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${srv.url}/interactions`, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      await res.text();
    }
    expect(handle).not.toHaveBeenCalled();
  });

  it('answers 404 for unknown paths', async () => {
    for (const path of ['/', '/interaction', '/interactions/x', '/api/v10']) {
      const res = await fetch(`${srv.url}${path}`, { method: 'POST', body: '{}' });
      expect(res.status, path).toBe(404);
      await res.text();
    }
  });

  it('accepts a trailing slash on /interactions', async () => {
    const ts = nowTimestamp();
    const body = '{"type":1}';
    const res = await fetch(`${srv.url}/interactions/`, {
      method: 'POST',
      body,
      headers: { 'x-signature-ed25519': signBody(keys.privateKey, ts, body), 'x-signature-timestamp': ts },
    });
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('ignores a query string when routing', async () => {
    const ts = nowTimestamp();
    const body = '{"type":1}';
    const res = await fetch(`${srv.url}/interactions?x=1`, {
      method: 'POST',
      body,
      headers: { 'x-signature-ed25519': signBody(keys.privateKey, ts, body), 'x-signature-timestamp': ts },
    });
    expect(await res.json()).toEqual({ type: 1 });
  });
});

describe('GET /healthz', () => {
  it('is 503 until the handler (and so the knowledge) is ready, then 200', async () => {
    const late = await startServer(keys);
    try {
      let res = await fetch(`${late.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'loading' });
      // PING still works while loading: Discord checks the endpoint when it is saved.
      const pong = await postInteraction(late.url, keys, { type: 1 });
      expect(await pong.json()).toEqual({ type: 1 });
      const cmd = await postInteraction(late.url, keys, { type: 2, id: '1', application_id: '2', token: 'tok', data: { name: 'help', type: 1 } });
      expect(cmd.status).toBe(503);
      await cmd.text();
      late.server.setHandler(handle);
      res = await fetch(`${late.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
      const head = await fetch(`${late.url}/healthz`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      const post = await fetch(`${late.url}/healthz`, { method: 'POST' });
      expect(post.status).toBe(405);
      await post.text();
    } finally {
      await late.close();
    }
  });
});
