// Issue 12, defects 1 and 6, on `npm run serve` as a real process: after SIGTERM a request sent on an
// already-open keep-alive connection is answered (with Connection: close), not reset; for one process
// and for two cluster workers. A request stalled mid-body does not hold the shutdown for the grace.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeKeys, nowTimestamp, signedInteractionRequest } from '../testing/signing.ts';
import { spawnServe, waitUntil, type ChildRun } from '../testing/spawn.ts';

const keys = makeKeys();
let run: ChildRun | undefined;
let dataDir: string | undefined;

afterEach(() => {
  run?.kill();
  run = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

async function serve(workers: number): Promise<{ port: number; exited: Promise<number | null> }> {
  dataDir = mkdtempSync(join(tmpdir(), 'http-drain-'));
  const served = await spawnServe({
    inheritEnv: true,
    env: { LOG_LEVEL: 'info', DATA_DIR: dataDir, HTTP_WORKERS: String(workers), DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_CLIENT_ID: '1100000000000000001' },
  });
  run = served;
  return { port: served.port, exited: served.exited.then((e) => e.code) };
}

/** SIGTERM, then wait until every serving process has begun its drain (logged), not for a set time. */
async function terminate(workers: number): Promise<void> {
  const draining = () => run!.output().match(/SIGTERM: no new connections/g)?.length ?? 0;
  run!.child.kill('SIGTERM');
  await waitUntil(`${workers} process(es) draining`, () => draining() === workers, run!.output, 20_000, 10);
}

/** A signed PING on the agent's sockets: the status and the Connection header, or the error code. */
function ping(agent: Agent, port: number): Promise<{ status: number; connection?: string } | { error: string }> {
  const body = JSON.stringify({ type: 1, id: '1', application_id: '2', token: 'tok', version: 1 });
  return new Promise((resolve) => {
    const req = signedInteractionRequest(keys.privateKey, body, { agent, host: '127.0.0.1', port });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(res.headers.connection ? { connection: res.headers.connection } : {}) }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(body);
  });
}

describe('graceful drain over keep-alive connections', () => {
  for (const workers of [1, 2]) {
    it(`answers requests sent on open keep-alive sockets after SIGTERM (${workers} worker${workers > 1 ? 's' : ''})`, async () => {
      const { port, exited } = await serve(workers);
      const agent = new Agent({ keepAlive: true, maxSockets: 8 });
      // Eight sockets, each having carried one request, now idle and kept alive.
      const first = await Promise.all(Array.from({ length: 8 }, () => ping(agent, port)));
      expect(first.every((r) => 'status' in r && r.status === 200)).toBe(true);
      await terminate(workers);
      const after = await Promise.all(Array.from({ length: 8 }, () => ping(agent, port)));
      expect(after).toEqual(Array.from({ length: 8 }, () => ({ status: 200, connection: 'close' })));
      agent.destroy();
      expect(await exited).toBe(0);
    }, 60_000);
  }

  it('does not let a request stalled mid-body hold the shutdown for the whole grace period', async () => {
    const { port, exited } = await serve(1);
    const socket = connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const ts = nowTimestamp();
    socket.write(
      `POST /interactions HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 200\r\n` +
        `x-signature-ed25519: ${'ab'.repeat(64)}\r\nx-signature-timestamp: ${ts}\r\n\r\n{"type":`,
    );
    socket.on('error', () => {});
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await terminate(1);
    expect(await exited).toBe(0);
    // The drain window (1 s) and process exit, not the 10 s grace: it never ran out, and it ended well before.
    expect(run!.output()).not.toMatch(/grace period ran out/);
    expect(Date.now() - started).toBeLessThan(9_000);
    socket.destroy();
  }, 60_000);
});
