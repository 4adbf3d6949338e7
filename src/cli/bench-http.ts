// Load benchmark for the HTTP interactions endpoint (issue 4). Starts `src/discord/http/main.ts` in a
// child process with a fresh key pair, then drives it from this process over loopback with autocannon
// and pre-signed requests. Measured: throughput, p50/p99 latency, and the share of responses that
// are correct, at 1, 16 and 64 connections. The same run measures a PING-only baseline: signature
// check and HTTP without the answer work.
//
//   npm run bench:http [-- --duration 3 --connections 1,16,64 --workers 1,2 --no-autocomplete]
//   BENCH_NODE_FLAGS=--cpu-prof npm run bench:http    (flags for the server process, e.g. to profile it)
//
// runHttpBench() and formatHttpBenchTable() are exported for `npm run bench`.
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionResponse,
  type APIPingInteraction,
} from 'discord-api-types/v10';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_ENTRY = fileURLToPath(new URL('../discord/http/main.ts', import.meta.url));
/** The seed article's dev questions (their expected passages check the answers; nothing is tuned on them). */
export const DEFAULT_QUESTIONS = fileURLToPath(new URL('../../../shared/eval/time-dev.jsonl', import.meta.url));
const APP_ID = '1100000000000000001';

export type Scenario = 'ping' | 'ask' | 'autocomplete';

export interface HttpBenchOptions {
  /** Concurrent connections to measure at (default 1, 16, 64). */
  connections?: number[];
  /** Seconds per measurement (default 3). */
  durationSeconds?: number;
  /** Seconds of unmeasured load first, so the JIT is warm (default 1). */
  warmupSeconds?: number;
  /** Question set in the eval format (`question`, `expect.found`, `expect.passage_contains_any`). */
  questionsFile?: string;
  /** Also measure autocomplete at the middle concurrency (default true). */
  autocomplete?: boolean;
  /** Server process counts to measure (HTTP_WORKERS), each with its own child; default 1 and one per CPU. */
  workers?: number | number[];
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

export interface HttpBenchRow {
  scenario: Scenario;
  /** Server processes (HTTP_WORKERS) behind the port. */
  workers: number;
  connections: number;
  /** Responses received in the measured window. */
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses that passed the check for their request (status, shape, and for /ask the expected passage). */
  correct: number;
  /** Socket errors, timeouts and non-2xx responses. */
  errors: number;
}

export interface HttpBenchReport {
  rows: HttpBenchRow[];
  questions: number;
  node: string;
  cpu: string;
  /** 1-minute load average when the run ended: other work on the machine skews every figure. */
  load: number;
}

interface Question {
  question: string;
  found: boolean;
  passages: string[];
}

type Check = (status: number, body: string) => boolean;

interface PreparedRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
  onResponse: (status: number, body: string) => void;
}

// The same normalisation as the scorer: curly quotes, dashes and spacing do not decide a match.
const norm = (s: string) =>
  s
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Embed markdown back to text: bold markers, backslash escapes, zero-width joiners. */
const unmark = (s: string) => s.replace(/\*\*/g, '').replace(/\\([\\*_~`|>#[\]()\-.!<@:])/g, '$1').replace(/\u200b/g, '');

export function loadQuestions(file: string): Question[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { question: string; expect: { found: boolean; passage_contains_any?: string[] } })
    .map((item) => ({ question: item.question, found: item.expect.found, passages: (item.expect.passage_contains_any ?? []).map(norm) }));
}

function checkAsk(q: Question): Check {
  return (status, body) => {
    if (status !== 200) return false;
    let response: APIInteractionResponse;
    try {
      response = JSON.parse(body) as APIInteractionResponse;
    } catch {
      return false;
    }
    if (response.type !== InteractionResponseType.ChannelMessageWithSource) return false;
    if (response.data?.allowed_mentions?.parse?.length !== 0) return false;
    const description = norm(unmark(response.data.embeds?.[0]?.description ?? ''));
    const miss = description.startsWith('not in the article');
    if (!q.found) return miss;
    return !miss && (q.passages.length === 0 || q.passages.some((p) => description.includes(p)));
  };
}

const checkPing: Check = (status, body) => status === 200 && body === '{"type":1}';

const checkChoices: Check = (status, body) => {
  if (status !== 200) return false;
  try {
    const response = JSON.parse(body) as APIInteractionResponse;
    if (response.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) return false;
    const choices = response.data?.choices ?? [];
    return (
      choices.length <= 25 &&
      choices.every((c) => c.name.length >= 1 && c.name.length <= 100 && String(c.value).length >= 1 && String(c.value).length <= 100)
    );
  } catch {
    return false;
  }
};

function base(seq: number) {
  // Every request is its own user: the per-user cooldown is part of the work measured, but a real
  // load comes from many people, not one person sending thousands of commands a second.
  const userId = String(1300000000000000000n + BigInt(seq));
  const id = String(1400000000000000000n + BigInt(seq));
  return {
    id,
    application_id: APP_ID,
    token: `bench-${id}-${'x'.repeat(60)}`,
    version: 1 as const,
    guild_id: '1100000000000000002',
    guild: { id: '1100000000000000002', locale: Locale.EnglishUS, features: [] },
    channel_id: '1100000000000000003',
    channel: { id: '1100000000000000003', type: ChannelType.GuildText as const, name: 'general' },
    member: {
      user: { id: userId, username: 'reader', discriminator: '0', global_name: 'reader', avatar: null },
      roles: [],
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      permissions: '2248473465835073',
    },
    app_permissions: '2248473465835073',
    locale: Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '1100000000000000002' },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10_485_760,
  };
}

function askInteraction(seq: number, question: string): APIChatInputApplicationCommandInteraction {
  return {
    ...base(seq),
    type: InteractionType.ApplicationCommand,
    data: {
      id: '1100000000000000010',
      name: 'ask',
      type: ApplicationCommandType.ChatInput,
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }],
    },
  };
}

function autocompleteInteraction(seq: number, partial: string): APIApplicationCommandAutocompleteInteraction {
  return {
    ...base(seq),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: '1100000000000000010',
      name: 'ask',
      type: ApplicationCommandType.ChatInput,
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: partial, focused: true }],
    },
  };
}

function pingInteraction(seq: number): APIPingInteraction {
  const b = base(seq);
  return { id: b.id, application_id: APP_ID, type: InteractionType.Ping, token: b.token, version: 1 } as APIPingInteraction;
}

interface Tally {
  correct: number;
  latencies: number[];
  errors: number;
}

function signed(key: KeyObject, body: string, check: Check, tally: Tally): PreparedRequest {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), key).toString('hex');
  return {
    method: 'POST',
    path: '/interactions',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
    body,
    onResponse: (status, responseBody) => {
      if (check(status, responseBody)) tally.correct++;
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Endpoint {
  url: string;
  child: ChildProcess;
  stop(): Promise<number | null>;
}

async function startEndpoint(publicKeyHex: string, workers: number, log: (line: string) => void): Promise<Endpoint> {
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', SERVER_ENTRY], {
    cwd: REPO,
    env: {
      ...process.env,
      ENV_FILE: '/nonexistent/bench.env', // the bench's own settings, not a developer's .env
      DISCORD_PUBLIC_KEY: publicKeyHex,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_API_URL: 'http://127.0.0.1:9/api', // a deferral must never reach the real Discord
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      HTTP_WORKERS: String(workers),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`the endpoint did not start within 20 s:\n${output}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = seen.match(/Listening on (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the endpoint exited with ${code} before listening:\n${output}`));
    });
  });
  for (let i = 0; ; i++) {
    const res = await fetch(`${url}/healthz`).catch(() => undefined);
    if (res?.status === 200) break;
    if (i > 400) throw new Error(`the endpoint never became healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  log(`endpoint ready at ${url} (pid ${child.pid})`);
  return {
    url,
    child,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      if (output.trim()) log(`endpoint log:\n${output.trim()}`);
      return code;
    },
  };
}

/** One autocannon run; each connection gets its own pre-signed request list. */
async function measure(
  url: string,
  workers: number,
  scenario: Scenario,
  connections: number,
  seconds: number,
  build: (seq: number, tally: Tally) => PreparedRequest,
  nextSeq: () => number,
): Promise<HttpBenchRow> {
  const tally: Tally = { correct: 0, latencies: [], errors: 0 };
  // Long enough that no user repeats more than a few times even at 8,000 requests/s: the cooldown
  // allows 20 at once, and the question list still cycles evenly.
  const perConnection = Math.max(40, Math.ceil((seconds * 8000) / connections / 10 / 40) * 40);
  const lists = Array.from({ length: connections }, (_, k) => {
    const list = Array.from({ length: perConnection }, () => build(nextSeq(), tally));
    // Start each connection at a different question, so the mix at any moment is even rather
    // than all connections asking the same (slowest) question in lockstep.
    return [...list.slice(k % perConnection), ...list.slice(0, k % perConnection)];
  });
  let assigned = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: lists[0]!,
    setupClient: (client) => {
      client.setRequests(lists[assigned++ % lists.length]!);
      client.on('response', (_status: number, _bytes: number, ms: number) => {
        tally.latencies.push(ms);
      });
    },
  });
  const sorted = tally.latencies.sort((a, b) => a - b);
  const requests = sorted.length;
  return {
    scenario,
    workers,
    connections,
    requests,
    seconds: result.duration,
    perSecond: requests / result.duration,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    correct: tally.correct,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export async function runHttpBench(options: HttpBenchOptions = {}): Promise<HttpBenchReport> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const levels = options.connections ?? [1, 16, 64];
  const seconds = options.durationSeconds ?? 3;
  const warmup = options.warmupSeconds ?? 1;
  const file = options.questionsFile ?? DEFAULT_QUESTIONS;
  let questions: Question[];
  if (existsSync(file)) {
    questions = loadQuestions(file);
  } else {
    log(`${file} not found: /ask answers are checked for shape only`);
    questions = ['Who did China’s foreign minister meet?', 'What did Putin call the mutiny?', 'What is the capital of France?'].map(
      (question) => ({ question, found: true, passages: [] }),
    );
  }

  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  const publicKeyHex = der.subarray(der.length - 32).toString('hex');
  const workerCounts = [...new Set(options.workers === undefined ? [1, availableParallelism()] : [options.workers].flat())];

  let seq = 0;
  const nextSeq = () => ++seq;
  let q = 0;
  const ask = (s: number, tally: Tally) => {
    const item = questions[q++ % questions.length]!;
    return signed(privateKey, JSON.stringify(askInteraction(s, item.question)), checkAsk(item), tally);
  };
  const ping = (s: number, tally: Tally) => signed(privateKey, JSON.stringify(pingInteraction(s)), checkPing, tally);
  // What people type: the first words of real questions, cut mid-word.
  const partials = questions.map((x) => x.question.slice(0, 4 + (x.question.length % 9)));
  let a = 0;
  const complete = (s: number, tally: Tally) =>
    signed(privateKey, JSON.stringify(autocompleteInteraction(s, partials[a++ % partials.length]!)), checkChoices, tally);

  const rows: HttpBenchRow[] = [];
  for (const workers of workerCounts) {
    const endpoint = await startEndpoint(publicKeyHex, workers, log);
    try {
      if (warmup > 0) {
        log(`warming up for ${warmup} s`);
        await measure(endpoint.url, workers, 'ask', 16, warmup, ask, nextSeq);
        await measure(endpoint.url, workers, 'ping', 16, warmup, ping, nextSeq);
      }
      for (const c of levels) {
        for (const [scenario, build] of [
          ['ping', ping],
          ['ask', ask],
        ] as const) {
          log(`${workers} worker(s): ${scenario} × ${c} connection(s) for ${seconds} s`);
          q = 0; // every row starts at the same question, so rows are comparable
          rows.push(await measure(endpoint.url, workers, scenario, c, seconds, build, nextSeq));
        }
      }
      if (options.autocomplete ?? true) {
        const c = levels[Math.floor(levels.length / 2)] ?? 16;
        log(`${workers} worker(s): autocomplete × ${c} connection(s) for ${seconds} s`);
        rows.push(await measure(endpoint.url, workers, 'autocomplete', c, seconds, complete, nextSeq));
      }
    } finally {
      const code = await endpoint.stop();
      if (code !== 0) log(`the endpoint exited with ${code} on SIGTERM`);
    }
  }
  return {
    rows,
    questions: questions.length,
    node: process.version,
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    load: loadavg()[0] ?? NaN,
  };
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

export function formatHttpBenchTable(report: HttpBenchReport): string {
  const key = (r: HttpBenchRow) => `${r.workers}/${r.connections}`;
  const pingRate = new Map(report.rows.filter((r) => r.scenario === 'ping').map((r) => [key(r), r.perSecond]));
  const header = ['scenario', 'workers', 'conns', 'req/s', 'vs ping', 'p50 ms', 'p99 ms', 'correct', 'errors', 'requests'];
  const lines = report.rows.map((r) => {
    const base = pingRate.get(key(r));
    return [
      r.scenario === 'ask' ? '/ask' : r.scenario === 'autocomplete' ? 'autocomplete' : 'PING',
      String(r.workers),
      String(r.connections),
      fmt(r.perSecond),
      base ? `${fmt(r.perSecond / base, 2)}×` : '',
      fmt(r.p50Ms, 2),
      fmt(r.p99Ms, 2),
      r.requests ? `${fmt((100 * r.correct) / r.requests, 1)}%` : 'n/a',
      String(r.errors),
      String(r.requests),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    `HTTP interactions endpoint over loopback, signed requests: autocannon in this process, the server in child processes (HTTP_WORKERS = workers); ${report.node}, ${report.cpu}, load average ${fmt(report.load, 2)}`,
    `/ask cycles ${report.questions} dev questions and checks each response (found or miss, and the expected passage). "vs ping" = throughput / PING throughput at the same workers and connections.`,
    row(header),
    `|${widths.map((w, i) => (i < 1 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...lines.map(row),
  ].join('\n');
}

function parseArgs(argv: string[]): HttpBenchOptions {
  const opts: HttpBenchOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--duration' && value) opts.durationSeconds = Number(argv[++i]);
    else if (arg === '--warmup' && value) opts.warmupSeconds = Number(argv[++i]);
    else if (arg === '--connections' && value) opts.connections = argv[++i]!.split(',').map(Number);
    else if (arg === '--questions' && value) opts.questionsFile = argv[++i]!;
    else if (arg === '--workers' && value) opts.workers = argv[++i]!.split(',').map(Number);
    else if (arg === '--no-autocomplete') opts.autocomplete = false;
    else {
      process.stderr.write(`unknown argument ${arg}\nusage: npm run bench:http -- [--duration S] [--warmup S] [--connections 1,16,64] [--workers 1,2] [--questions FILE] [--no-autocomplete]\n`);
      process.exit(2);
    }
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = await runHttpBench(parseArgs(process.argv.slice(2)));
  process.stdout.write(`${formatHttpBenchTable(report)}\n`);
}
