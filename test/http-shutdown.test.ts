// `npm run serve` as a real child process: it starts from the environment alone, reports where it
// listens, and on SIGTERM stops accepting, finishes the request it is in the middle of, and exits 0.
// A bad configuration stops it with exit 1. (HTTP_WORKERS=2 as a real process, SIGTERM included, is
// in kb-sighup.test.ts, which runs one for its reload checks anyway.)
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { makeKeys, postInteraction } from './http-helpers.ts';
import { signedInteractionRequest } from '../testing/signing.ts';
import { chatInput } from '../testing/fake-discord/interactions.ts';
import { spawnEntry, spawnServe, waitUntil, type ChildRun } from '../testing/spawn.ts';

const keys = makeKeys();
let run: ChildRun | undefined;

afterEach(() => {
  run?.kill();
  run = undefined;
});

async function serve(env: Record<string, string>): Promise<{ url: string; output: () => string; exited: Promise<number | null> }> {
  const served = await spawnServe({ via: 'npm', inheritEnv: true, env: { LOG_LEVEL: 'info', ...env } });
  run = served;
  return { url: served.url, output: served.output, exited: served.exited.then((e) => e.code) };
}

describe('npm run serve', () => {
  it('serves PING and /ask, then on SIGTERM finishes the in-flight request, refuses new ones and exits 0', async () => {
    const { url, output, exited } = await serve({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_CLIENT_ID: '1100000000000000001' });
    expect(output()).not.toContain(keys.publicKeyHex);

    const pong = await postInteraction(url, keys, { type: 1 });
    expect(await pong.json()).toEqual({ type: 1 });

    // Start a signed /ask whose body is still on its way when SIGTERM arrives.
    const body = JSON.stringify(chatInput('ask', { question: 'Who did China’s foreign minister meet?' }));
    const target = new URL(url);
    const req = signedInteractionRequest(keys.privateKey, body, { host: target.hostname, port: target.port });
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 100));
    await new Promise((r) => setTimeout(r, 200));
    run!.child.kill('SIGTERM');
    // Once it says it drains (not after a set time: under load the signal may take longer to act)...
    await waitUntil('the drain to begin', () => /SIGTERM: no new connections/.test(output()), output, 20_000, 10);
    // ...the listening socket is closed: a new connection is refused. (fetch could reuse an open
    // keep-alive socket, which the drain still serves: agent false makes a fresh one.)
    const refused = new Promise((resolve, reject) => request(`${url}/healthz`, { agent: false }, resolve).on('error', reject).end());
    req.end(body.slice(100));
    await expect(refused).rejects.toThrow();

    const answered = await inFlight;
    expect(answered.status).toBe(200);
    const response = JSON.parse(answered.body) as { type: number; data: { embeds: Array<{ description: string }>; allowed_mentions: unknown } };
    expect(response.type).toBe(4);
    expect(response.data.embeds[0]!.description).toMatch(/Rudenko/);
    expect(response.data.allowed_mentions).toEqual({ parse: [] });

    expect(await exited).toBe(0);
    expect(output()).toMatch(/SIGTERM/);
    expect(output()).not.toContain(keys.publicKeyHex);
  });

  // The configuration checks need no npm: the script itself, as the npm script runs it (exec node).
  it('refuses a bad HTTP_WORKERS value', async () => {
    run = spawnEntry('serve', { inheritEnv: true, env: { DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_CLIENT_ID: '1', PORT: '0', HTTP_WORKERS: 'many' } });
    expect((await run.exited).code).toBe(1);
    const out = run.output();
    expect(out).toMatch(/HTTP_WORKERS/);
  });

  it('refuses to start without the public key, listing the problem, and exits 1', async () => {
    run = spawnEntry('serve', { inheritEnv: true, env: { DISCORD_PUBLIC_KEY: '', DISCORD_CLIENT_ID: 'abc', PORT: '0' } });
    expect((await run.exited).code).toBe(1);
    const out = run.output();
    expect(out).toMatch(/DISCORD_PUBLIC_KEY/);
    expect(out).toMatch(/DISCORD_CLIENT_ID/);
  });
});
