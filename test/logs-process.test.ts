// The real processes' logs, as an operator collects them: `npm start` against the fake Discord and
// `npm run serve`, both at LOG_LEVEL=debug (the chattiest), each sent a mix of interactions. Their
// captured stderr is greped: the bot token and the public key never appear (nor the token's parts),
// every line is one JSON object, and each interaction has exactly one line with its id, type, command,
// latency, found (for /ask and the context menu), and shard or transport. Stdout carries no logs.
// Both are stopped with SIGINT (Ctrl-C), which must be as graceful as SIGTERM: exit 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { APIInteraction } from 'discord-api-types/v10';
import { APP_ID, FakeDiscord, autocomplete, button, chatInput, messageCommand } from '../testing/fake-discord/index.ts';
import { customIds, messageData } from './helpers/responses.ts';
import { makeKeys, postInteraction } from './http-helpers.ts';

const root = new URL('..', import.meta.url).pathname;
/** Shaped like a real token (base64 id . timestamp . hmac), and unique to this run. */
const TOKEN = `${Buffer.from(APP_ID).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(28).toString('base64url')}`;
const keys = makeKeys();

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function run(args: string[], env: Record<string, string>): Run {
  const child = spawn('npm', args, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: process.env.DATA_DIR, ENV_FILE: '/nonexistent', LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}

type Line = Record<string, unknown> & { msg: string; level: string };

/** Every stderr line parsed; a line that is not JSON fails the test with the line itself. */
function parse(stderr: string): Line[] {
  return stderr
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      try {
        return JSON.parse(l) as Line;
      } catch {
        throw new Error(`not a JSON log line: ${l.slice(0, 300)}`);
      }
    });
}

/** Neither secret, nor any 8+ character piece of the token around its dots, nor the key in upper case. */
function expectNoSecrets(text: string): void {
  expect(text).not.toContain(TOKEN);
  for (const part of TOKEN.split('.')) if (part.length >= 8) expect(text).not.toContain(part);
  expect(text).not.toContain(TOKEN.slice(0, TOKEN.lastIndexOf('.')));
  expect(text).not.toContain(keys.publicKeyHex);
  expect(text).not.toContain(keys.publicKeyHex.toUpperCase());
}

function expectOneLineEach(lines: Line[], sent: Array<{ i: APIInteraction; fields: Record<string, unknown> }>): void {
  for (const { i, fields } of sent) {
    const mine = lines.filter((l) => l.msg === 'interaction' && l.interaction === i.id);
    expect(mine, `log lines for interaction ${i.id}`).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 'info', ...fields });
    expect(typeof mine[0]!.ms).toBe('number');
    expect(mine[0]).not.toHaveProperty('user');
  }
}

describe('logs of the real processes', () => {
  it('npm start: JSON lines on stderr, one per interaction, no token; SIGINT exits 0', async () => {
    const fake = await FakeDiscord.start({ token: TOKEN });
    try {
      const bot = run(['start', '--silent'], { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
      await fake.waitForReady(1, 60_000).catch((err: Error) => {
        throw new Error(`${err.message}\n${bot.stderr()}`);
      });
      const found = chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' });
      const missed = chatInput('ask', { question: `What is the capital of France? ${TOKEN}` });
      const typed = autocomplete('ask', 'question', 'prigoz');
      const claim = messageCommand('Find in article', { content: 'Putin called the mutiny treason' });
      const help = chatInput('help');
      const answer = await fake.interact(found);
      for (const i of [missed, typed, claim, help]) await fake.interact(i);
      const click = button(customIds(messageData(answer.body))[1]!);
      await fake.interact(click);

      bot.child.kill('SIGINT');
      expect((await bot.exited).code).toBe(0);
      const stderr = bot.stderr();
      expectNoSecrets(stderr);
      expect(bot.stdout()).toBe('');
      const lines = parse(stderr);
      expect(lines.some((l) => l.level === 'debug')).toBe(true);
      expect(lines.some((l) => /SIGINT/.test(l.msg))).toBe(true);
      expectOneLineEach(lines, [
        { i: found, fields: { type: 'command', command: 'ask', found: true, shard: 0, transport: 'gateway', outcome: 'answered' } },
        { i: missed, fields: { type: 'command', command: 'ask', found: false, shard: 0 } },
        { i: typed, fields: { type: 'autocomplete', command: 'ask', shard: 0 } },
        { i: claim, fields: { type: 'command', command: 'Find in article', found: true, shard: 0 } },
        { i: help, fields: { type: 'command', command: 'help', shard: 0 } },
        { i: click, fields: { type: 'component', command: 'ask:ctx', shard: 0 } },
      ]);
      console.log(`npm start: ${lines.length} log lines, ${lines.filter((l) => l.msg === 'interaction').length} interaction lines, no secret`);
    } finally {
      await fake.close();
    }
  }, 120_000);

  it('npm run serve: JSON lines on stderr, one per interaction, no key or token; SIGINT exits 0', async () => {
    const fake = await FakeDiscord.start({ token: TOKEN });
    try {
      const serve = run(['run', '--silent', 'serve'], {
        DISCORD_PUBLIC_KEY: keys.publicKeyHex.toUpperCase(),
        DISCORD_CLIENT_ID: APP_ID,
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        HOST: '127.0.0.1',
        PORT: '0',
      });
      await expect.poll(() => serve.stdout(), { timeout: 60_000 }).toMatch(/Listening on http:\/\/127\.0\.0\.1:\d+/);
      const url = serve.stdout().match(/(http:\/\/127\.0\.0\.1:\d+)/)![1]!;
      await expect.poll(async () => (await fetch(`${url}/healthz`)).status, { timeout: 60_000, interval: 50 }).toBe(200);

      const ping = { id: '1300000000000000001', type: 1, application_id: APP_ID, token: 'x'.repeat(40), version: 1 } as unknown as APIInteraction;
      const found = chatInput('ask', { question: 'What did Putin call the mutiny?' });
      const typed = autocomplete('who', 'name', 'wag');
      const claim = messageCommand('Find in article', { content: 'The capital of France is Paris' });
      const sent = [ping, found, typed, claim];
      for (const i of sent) expect((await postInteraction(url, keys, i)).status).toBe(200);
      const forged = await postInteraction(url, keys, found, { signWith: makeKeys().privateKey });
      expect(forged.status).toBe(401);

      serve.child.kill('SIGINT');
      expect((await serve.exited).code).toBe(0);
      const stderr = serve.stderr();
      expectNoSecrets(stderr);
      expectNoSecrets(serve.stdout());
      expect(serve.stdout().trim().split('\n')).toHaveLength(1); // the listen line only
      const lines = parse(stderr);
      expect(lines.some((l) => /SIGINT/.test(l.msg))).toBe(true);
      expectOneLineEach(lines, [
        { i: ping, fields: { type: 'ping', transport: 'http', outcome: 'answered' } },
        { i: found, fields: { type: 'command', command: 'ask', found: true, transport: 'http' } },
        { i: typed, fields: { type: 'autocomplete', command: 'who', transport: 'http' } },
        { i: claim, fields: { type: 'command', command: 'Find in article', found: false, transport: 'http' } },
      ]);
      console.log(`npm run serve: ${lines.length} log lines, ${lines.filter((l) => l.msg === 'interaction').length} interaction lines, no secret`);
    } finally {
      await fake.close();
    }
  }, 120_000);
});
