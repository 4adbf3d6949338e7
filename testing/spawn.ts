// The bot and the HTTP endpoint as real child processes, for the process tests and the drain probe:
// started from the checkout, configured by the environment alone (never a developer's .env), with
// stdout and stderr collected in one string. spawnServe waits until /healthz says the knowledge is
// loaded; spawnBot until the fake Discord has seen the bot's IDENTIFY.
import { spawn, type ChildProcess } from 'node:child_process';
import type { FakeDiscord } from './fake-discord/index.ts';
import { APP_ID } from './fake-discord/interactions.ts';

export const REPO_DIR = new URL('..', import.meta.url).pathname;

/** The npm scripts, and the source file each one execs. */
const ENTRIES = { start: 'src/main.ts', serve: 'src/discord/http/main.ts' } as const;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildRun {
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr interleaved. */
  output(): string;
  exited: Promise<Exit>;
  /** SIGKILL if it is still running (for afterEach and afterAll). */
  kill(): void;
}

export interface SpawnOptions {
  /**
   * 'npm': the npm script as a user types it (`npm start`, `npm run serve`: the precompiled build).
   * 'node': what the script execs, under tsx, so a signal reaches the process itself (a supervisor's view).
   */
  via?: 'npm' | 'node';
  /** Start from all of process.env; by default only PATH, HOME and vitest's temp DATA_DIR are passed on. */
  inheritEnv?: boolean;
  env?: Record<string, string | undefined>;
}

/** Waits up to `timeoutMs` for `check` to hold; the error names what it waited for and shows the output. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, output: () => string, timeoutMs = 30_000, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await Promise.resolve().then(check).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${timeoutMs} ms; output so far:\n${output()}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function spawnEntry(script: keyof typeof ENTRIES, options: SpawnOptions = {}): ChildRun {
  const [cmd, args] =
    options.via === 'npm' ? ['npm', script === 'start' ? ['start', '--silent'] : ['run', '--silent', script]] : [process.execPath, ['--import', 'tsx', ENTRIES[script]]];
  const base = options.inheritEnv ? process.env : { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: process.env.DATA_DIR };
  const child = spawn(cmd, args, {
    cwd: REPO_DIR,
    env: { ...base, ENV_FILE: '/nonexistent/.env', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    output: () => out,
    exited,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

export interface ServeOptions extends SpawnOptions {
  /** How long the listen line and then /healthz 200 may each take. */
  readyTimeoutMs?: number;
}

/** `serve` on 127.0.0.1 and a free port, once it answers /healthz 200 (the knowledge is loaded). */
export async function spawnServe(options: ServeOptions = {}): Promise<ChildRun & { url: string; port: number }> {
  const run = spawnEntry('serve', { ...options, env: { HOST: '127.0.0.1', PORT: '0', ...options.env } });
  const listening = () => /Listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(run.output());
  let exit: Exit | undefined;
  void run.exited.then((e) => (exit = e));
  const timeout = options.readyTimeoutMs ?? 60_000;
  try {
    await waitUntil('the listen line', () => {
      if (exit) throw new Error(`serve exited with ${exit.code ?? exit.signal} before listening:\n${run.output()}`);
      return listening() !== null;
    }, run.output, timeout);
    const [, url, port] = listening()!;
    await waitUntil('/healthz 200', async () => (await fetch(`${url}/healthz`)).status === 200, run.output, timeout);
    return { ...run, url: url!, port: Number(port) };
  } catch (err) {
    run.kill();
    throw err;
  }
}

export interface BotOptions extends SpawnOptions {
  /** Gateway sessions to wait for (IDENTIFY seen by the fake); 0 returns at once. Default 1. */
  ready?: number;
  readyTimeoutMs?: number;
}

/** `npm start` (or its node form) against the fake Discord: its token, application id and API URL. */
export async function spawnBot(fake: FakeDiscord, options: BotOptions = {}): Promise<ChildRun> {
  const run = spawnEntry('start', {
    via: 'npm',
    ...options,
    env: { DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, ...options.env },
  });
  const ready = options.ready ?? 1;
  if (ready > 0) {
    await fake.waitForReady(ready, options.readyTimeoutMs ?? 60_000).catch((err: Error) => {
      run.kill();
      throw new Error(`${err.message}\n--- bot output ---\n${run.output()}`);
    });
  }
  return run;
}
