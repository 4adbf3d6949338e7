// Start-up (issue 14): how long `npm run ask -- "Belarus"` takes, wall clock, how long
// `npm run serve` takes until /healthz answers 200, and how long `npm start` takes from spawn to its
// first /ask answer against the fake Discord in this process, each as the production build runs it
// (scripts/run.mjs → the build in node_modules/.cache/) and as tsx ran it before, against `node -e 0`, in one run. Runs are
// interleaved (one of each, then again) so a noisy moment hits every row alike; medians are reported.
//
//   npx tsx src/cli/bench-startup.ts [--runs 5]     (npm run bench runs it too)
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RUN_BUILT, scratchDataDir } from './bench-common.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface StartupRow {
  what: string;
  how: 'baseline' | 'built' | 'tsx';
  runs: number;
  medianMs: number;
  /** medianMs ÷ `node -e 0`'s, same run. */
  vsNode: number;
}

export interface StartupReport {
  rows: StartupRow[];
  node: string;
  cpu: string;
  load: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function wallMs(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ENV_FILE: '/nonexistent/.env' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - t;
}

const PUBLIC_KEY = (() => {
  const der = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32).toString('hex');
})();

/** Spawn → the first 200 from /healthz (the knowledge is loaded), then stop it. */
async function serveReadyMs(args: string[]): Promise<number> {
  return (await serveReady(args)).ms;
}

/** Resident memory of a live process (MB), from /proc; NaN where there is none. */
function rssMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Spawn → the first 200 from /healthz (the knowledge is loaded): how long that took, and the process's
 * resident memory (MB) right then. `env` is added to serve's environment (KNOWLEDGE_DIR, DATA_DIR).
 * With `until`, the process is then kept running until it holds of what the process has printed (polled;
 * its line saying the packs its start left to the worker are built, say), and how long that took from
 * spawn and the RSS then are given too.
 */
export async function serveReady(
  args: string[],
  env: Record<string, string> = {},
  options: { until?: (output: string) => boolean } = {},
): Promise<{ ms: number; rssMb: number; settled?: { ms: number; rssMb: number } }> {
  const t = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, ENV_FILE: '/nonexistent/.env', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_CLIENT_ID: '1100000000000000001', HTTP_WORKERS: '1', DATA_DIR: env.DATA_DIR ?? scratchDataDir('startup'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  try {
    for (;;) {
      if (performance.now() - t > 30_000) throw new Error(`serve not ready after 30 s:\n${out}`);
      if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}:\n${out}`);
      const url = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url && (await fetch(`${url}/healthz`).then((r) => r.status, () => 0)) === 200) {
        const ready = { ms: performance.now() - t, rssMb: rssMb(child.pid) };
        if (!options.until) return ready;
        while (!options.until(out)) {
          if (performance.now() - t > 120_000) throw new Error(`serve did not settle within 120 s:\n${out}`);
          if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}:\n${out}`);
          await new Promise((r) => setTimeout(r, 20));
        }
        return { ...ready, settled: { ms: performance.now() - t, rssMb: rssMb(child.pid) } };
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Spawn → the first /ask callback: the gateway bot (`npm start`) against a fake Discord in this
 * process. The /ask is sent the moment the bot's shard has identified, the earliest Discord could
 * send one, so the figure is start-up + login + the first answer, as a user right after a restart sees it.
 */
async function gatewayFirstAnswerMs(args: string[]): Promise<number> {
  // Loaded here only: npm test imports this file through bench.ts, and the fake is a dev tool.
  const { APP_ID, FakeDiscord, chatInput } = await import('../../testing/fake-discord/index.ts');
  const fake = await FakeDiscord.start();
  const t = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, ENV_FILE: '/nonexistent/.env', DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'warn', SHARDS: '', DATA_DIR: scratchDataDir('startup') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  try {
    await fake.waitForReady(1, 30_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${out}`);
    });
    const ask = chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' });
    fake.sendInteraction(ask);
    await fake.waitForCallback(ask.id, 30_000);
    return performance.now() - t;
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await fake.close();
  }
}

export async function runStartupBench(options: { runs?: number; log?: (line: string) => void } = {}): Promise<StartupReport> {
  const runs = Math.max(1, options.runs ?? 5);
  const log = options.log ?? (() => {});
  spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: REPO, stdio: 'ignore' });
  const cases: Array<{ what: string; how: StartupRow['how']; time: () => number | Promise<number> }> = [
    { what: 'node -e 0', how: 'baseline', time: () => wallMs(['-e', '0']) },
    { what: 'ask "Belarus"', how: 'built', time: () => wallMs([RUN_BUILT, 'src/cli/ask.ts', 'Belarus']) },
    { what: 'ask "Belarus"', how: 'tsx', time: () => wallMs(['--import', 'tsx', 'src/cli/ask.ts', 'Belarus']) },
    { what: 'serve ready', how: 'built', time: () => serveReadyMs([RUN_BUILT, 'src/discord/http/main.ts']) },
    { what: 'serve ready', how: 'tsx', time: () => serveReadyMs(['--import', 'tsx', 'src/discord/http/main.ts']) },
    { what: 'gateway first answer', how: 'built', time: () => gatewayFirstAnswerMs([RUN_BUILT, 'src/main.ts']) },
    { what: 'gateway first answer', how: 'tsx', time: () => gatewayFirstAnswerMs(['--import', 'tsx', 'src/main.ts']) },
  ];
  const times = cases.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    log(`start-up: round ${i + 1} of ${runs}`);
    for (const [k, c] of cases.entries()) times[k]!.push(await c.time());
  }
  const base = median(times[0]!);
  return {
    rows: cases.map((c, k) => ({ what: c.what, how: c.how, runs, medianMs: median(times[k]!), vsNode: median(times[k]!) / base })),
    node: process.version,
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    load: loadavg()[0] ?? NaN,
  };
}

export function formatStartupTable(report: StartupReport): string {
  const rows = report.rows.map((r) => [r.what, r.how === 'built' ? 'built (npm scripts)' : r.how === 'tsx' ? 'tsx (src/ as is)' : '-', String(r.runs), r.medianMs.toFixed(0), `${r.vsNode.toFixed(1)}×`]);
  const header = ['process', 'runs from', 'runs', 'median ms', 'vs node -e 0'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    `Start-up (issue 14): wall clock from spawn to exit (ask), to the first 200 from /healthz (serve, 1 worker), or to the first /ask answer against the fake Discord (gateway), medians, interleaved (${report.node}, ${report.cpu}, load average ${report.load.toFixed(2)})`,
    line(header),
    `|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--runs');
  const report = await runStartupBench({ runs: i > 0 ? Number(process.argv[i + 1]) : 5, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`${process.argv.includes('--json') ? JSON.stringify(report, null, 2) : formatStartupTable(report)}\n`);
}
