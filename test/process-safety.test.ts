// Real processes under stress: stray rejections and exceptions are logged and the process keeps
// serving (gateway bot, HTTP endpoint, ask CLI); a storm of uncaught exceptions is unrecoverable and
// exits 1 for a supervisor; and SIGTERM on the gateway bot stops taking work, finishes the answer in
// flight (its callback still on the wire), answers a newcomer with a notice, and exits 0.
// test/fixtures/process-faults.mjs is preloaded to cause the faults on SIGUSR2.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ID, FAKE_TOKEN, FakeDiscord, chatInput, hold } from '../testing/fake-discord/index.ts';
import { messageData } from './helpers/responses.ts';
import { makeKeys, postInteraction } from './http-helpers.ts';

const root = new URL('..', import.meta.url).pathname;
const FAULTS = new URL('./fixtures/process-faults.mjs', import.meta.url).pathname;

interface Proc {
  child: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  lines: () => Array<Record<string, unknown> & { msg: string }>;
  exited: Promise<{ code: number | null; at: number }>;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** `node --import tsx --import faults <entry>`: what npm start / npm run serve run, plus the faults. */
function start(entry: string, env: Record<string, string>, stdin: 'ignore' | 'pipe' = 'ignore'): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', FAULTS, entry, ...(entry.endsWith('ask.ts') ? ['--json'] : [])], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: process.env.DATA_DIR, ENV_FILE: '/nonexistent', LOG_LEVEL: 'info', ...env },
    stdio: [stdin, 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: performance.now() })));
  const lines = () =>
    err
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown> & { msg: string });
  return { child, stderr: () => err, stdout: () => out, lines, exited };
}

const errOf = (l: Record<string, unknown>) => (l.err as { message?: string } | undefined)?.message ?? '';

describe('process safety', () => {
  it('gateway: logs stray errors and keeps serving; SIGTERM finishes the answer in flight, then exits 0', async () => {
    const fake = await FakeDiscord.start();
    try {
      const bot = start('src/main.ts', { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, COOLDOWN_BURST: '0' });
      await fake.waitForReady(1, 60_000).catch((err: Error) => {
        throw new Error(`${err.message}\n${bot.stderr()}`);
      });

      bot.child.kill('SIGUSR2');
      await expect.poll(() => bot.lines().filter((l) => /still serving/.test(l.msg)).length, { timeout: 5000 }).toBe(2);
      const rejection = bot.lines().find((l) => l.msg === 'Unhandled rejection (still serving)')!;
      expect(errOf(rejection)).toBe('stray rejection on purpose');
      expect(rejection).toMatchObject({ level: 'error', mode: 'gateway' });
      expect(errOf(bot.lines().find((l) => l.msg === 'Uncaught exception (still serving)')!)).toBe('stray exception on purpose #1');
      const after = await fake.interact(chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' }));
      expect(messageData(after.body).embeds![0]!.description).toMatch(/Rudenko/);

      // An /ask whose answer is slow to deliver (its callback held on the wire) is in flight at SIGTERM.
      const inFlight = chatInput('ask', { question: 'What did Putin call the mutiny?' });
      const wire = hold();
      fake.rest.override({ method: 'POST', path: new RegExp(`/interactions/${inFlight.id}/`) }, { until: wire.until });
      fake.sendInteraction(inFlight);
      await expect.poll(() => fake.requests.some((r) => r.path.includes(inFlight.id)), { timeout: 5000 }).toBe(true);
      const answered = fake.waitForCallback(inFlight.id, 30_000).then((cb) => ({ cb, at: performance.now() }));
      bot.child.kill('SIGTERM');
      await expect.poll(() => bot.lines().some((l) => /SIGTERM/.test(l.msg)), { timeout: 5000 }).toBe(true);

      // Work arriving now is not started, but not left unanswered either.
      const newcomer = await fake.interact(chatInput('ask', { question: 'Who is Prigozhin?' }));
      expect(messageData(newcomer.body).content).toMatch(/restarting/);
      expect(bot.child.exitCode).toBeNull(); // still waiting for the answer in flight

      wire.release();
      const { cb, at } = await answered;
      expect(messageData(cb.body).embeds![0]!.description).toMatch(/treason/);
      const exit = await bot.exited;
      expect(exit.code).toBe(0);
      expect(exit.at).toBeGreaterThanOrEqual(at);
      const line = bot.lines().find((l) => l.msg === 'interaction' && l.interaction === inFlight.id);
      expect(line).toMatchObject({ outcome: 'answered', found: true, command: 'ask' });
      expect(bot.lines().some((l) => /Finishing 1 interaction/.test(l.msg))).toBe(true);
    } finally {
      await fake.close();
    }
  }, 120_000);

  it('serve: a stray error is logged and it keeps serving; a storm of them exits 1 for a supervisor', async () => {
    const keys = makeKeys();
    const serve = start('src/discord/http/main.ts', { DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_CLIENT_ID: APP_ID, HOST: '127.0.0.1', PORT: '0' });
    await expect.poll(() => serve.stdout(), { timeout: 60_000 }).toMatch(/Listening on http:\/\/127\.0\.0\.1:\d+/);
    const url = serve.stdout().match(/(http:\/\/127\.0\.0\.1:\d+)/)![1]!;
    await expect.poll(async () => (await fetch(`${url}/healthz`)).status, { timeout: 60_000, interval: 50 }).toBe(200);

    serve.child.kill('SIGUSR2');
    await expect.poll(() => serve.lines().filter((l) => /still serving/.test(l.msg)).length, { timeout: 5000 }).toBe(2);
    expect(serve.lines().find((l) => /Uncaught/.test(l.msg))).toMatchObject({ level: 'error', mode: 'http' });
    const res = await postInteraction(url, keys, chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' }));
    expect(res.status).toBe(200);

    // Four more within the minute: five uncaught exceptions is a process failing at its own work.
    // Each signal once the last one was handled: two sent before the process runs would arrive as one.
    const uncaught = () => serve.lines().filter((l) => /Uncaught exception/.test(l.msg)).length;
    for (let n = 2; n <= 4; n++) {
      serve.child.kill('SIGUSR2');
      await expect.poll(uncaught, { timeout: 10_000 }).toBe(n);
    }
    serve.child.kill('SIGUSR2');
    const exit = await serve.exited;
    expect(exit.code).toBe(1);
    expect(serve.lines().some((l) => /^Unrecoverable: 5 uncaught exceptions/.test(l.msg))).toBe(true);
  }, 120_000);

  it('ask --json: a stray error is logged on stderr and the batch goes on', async () => {
    const ask = start('src/cli/ask.ts', {}, 'pipe');
    ask.child.stdin!.write('Who did Ma Zhaoxu meet?\n');
    await expect.poll(() => ask.stdout().split('\n').length, { timeout: 60_000 }).toBe(2);
    ask.child.kill('SIGUSR2');
    await expect.poll(() => ask.lines().length, { timeout: 5000 }).toBe(2);
    expect(ask.lines().map((l) => l.mode)).toEqual(['ask', 'ask']);
    ask.child.stdin!.end('What did Putin call the mutiny?\n');
    expect((await ask.exited).code).toBe(0);
    const answers = ask.stdout().trim().split('\n').map((l) => JSON.parse(l) as { found: boolean });
    expect(answers).toHaveLength(2);
    expect(answers.every((a) => a.found)).toBe(true);
  }, 120_000);
});
