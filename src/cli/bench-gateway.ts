// Gateway burst benchmark (issue 4): the bot runs as `src/main.ts` in a child process, exactly as
// `npm start` runs it, against the fake Discord in THIS process (so the two never share an event
// loop). The fake dispatches a burst of interactions over the one gateway socket as fast as it can,
// each from a different user, and records every interaction callback the bot POSTs back. Measured:
// answered exactly once (0 lost, 0 duplicates), answers correct, and p50/p99 time from dispatch to
// the first callback. A first callback that is a deferral (the bot's backlog rule) must be followed by
// the edit of @original with the answer: those are waited for, checked the same way, and timed as
// dispatch → answer. The same run measures a /help burst (no engine work) as the baseline.
//
// A dev tool: it imports the fake Discord from testing/. Nothing at runtime or in `npm test`'s own
// imports of src/cli/bench.ts loads this file; bench.ts loads it on demand.
//
//   npx tsx src/cli/bench-gateway.ts [--burst 1000]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InteractionResponseType, type APIInteraction, type APIInteractionResponse, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { APP_ID, FakeDiscord, chatInput, type CallbackRecord, type EditRecord } from '../../testing/fake-discord/index.ts';
import { DEFAULT_QUESTIONS, RUN_BUILT, askAnswerMatches, benchQuestions, percentile, scratchDataDir, treeCpuSeconds } from './bench-common.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export type GatewayScenario = 'help' | 'ask';

export interface GatewayBenchOptions {
  /** Interactions per burst (default 1000). */
  burst?: number;
  /** Unmeasured interactions first (half /help, half /ask), so the bot's JIT is warm (default 200). */
  warmup?: number;
  /** Give up waiting for missing callbacks this long after the last one arrived (default 10 s). */
  settleMs?: number;
  questionsFile?: string;
  log?: (line: string) => void;
}

export interface GatewayBenchRow {
  scenario: GatewayScenario;
  /** Interactions dispatched. */
  sent: number;
  /** Interactions that got at least one callback. */
  answered: number;
  /** Sent but never answered. */
  lost: number;
  /** Extra callbacks beyond the first for the same interaction. */
  duplicates: number;
  /** First callbacks that were deferrals (type 5/6) rather than the answer. */
  deferred: number;
  /** Deferrals whose answer arrived as the edit of @original. */
  edited: number;
  /** Answers (first callback, or the edit after a deferral) that passed the check (/help: a message; /ask: the expected passage or the miss). */
  correct: number;
  /** First dispatch → last first-callback, seconds. */
  seconds: number;
  perSecond: number;
  /** Dispatch → first callback, ms. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Dispatch → the answer itself (the first callback, or the edit after a deferral), ms. */
  answerP50Ms: number;
  answerP99Ms: number;
  /** The bot process's CPU time (user + system) per interaction sent, until every answer was in, µs; NaN without /proc. */
  botCpuUs: number;
  /** This process's (the fake Discord's) CPU time per interaction sent, µs. */
  clientCpuUs: number;
  /** The same two until the last first response (deferral or answer) came in: what the p99 of first responses waited on. */
  firstBotCpuUs?: number;
  firstClientCpuUs?: number;
  /** TCP sockets toward the fake Discord's port right after the burst, any state but LISTEN; NaN without /proc. */
  sockets?: number;
}

export interface GatewayBenchReport {
  rows: GatewayBenchRow[];
  burst: number;
  questions: number;
  node: string;
  cpu: string;
  load: number;
}

interface Bot {
  child: ChildProcess;
  stop(): Promise<number | null>;
}

async function startBot(fake: FakeDiscord, log: (line: string) => void): Promise<Bot> {
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), RUN_BUILT, 'src/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      ENV_FILE: '/nonexistent/bench.env', // the bench's own settings, not a developer's .env
      DISCORD_TOKEN: fake.token,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'info',
      SHARDS: '', // one process: the burst measures the bot, not the sharding
      DATA_DIR: scratchDataDir('gateway'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // The bot's stderr: one line per interaction at LOG_LEVEL=info. This process is the fake Discord and
  // shares the cores with the bot, so a line costs little here: the chunks are kept as they come and
  // joined only when read (the last TAIL_BYTES or so), and the ready line is looked for only until it
  // is seen, in the new chunk and the end of the one before. (It used to rebuild a 256 KB string and
  // run a regex over it on every chunk, for the whole burst.)
  const TAIL_BYTES = 256 * 1024;
  const READY = 'Ready: answering interactions';
  const chunks: string[] = [];
  let kept = 0;
  let ready = false;
  let before = '';
  const tail = () => chunks.join('').slice(-TAIL_BYTES);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot was not ready within 60 s:\n${tail()}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      const text = d.toString();
      chunks.push(text);
      kept += text.length;
      while (kept - chunks[0]!.length >= TAIL_BYTES) kept -= chunks.shift()!.length;
      if (!ready && (before + text).includes(READY)) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
      if (!ready) before = text.slice(-READY.length);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited with ${code} before it was ready:\n${tail()}`));
    });
  });
  log(`gateway bot ready (pid ${child.pid})`);
  return {
    child,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      const output = tail();
      const problems = output
        .split('\n')
        .filter((l) => /"level":"(warn|error)"| (WARN|ERROR) /.test(l))
        .slice(0, 20);
      if (problems.length) log(`gateway bot warnings/errors:\n${problems.join('\n')}`);
      const backlog = output.split('\n').find((l) => l.includes('for the backlog'));
      if (backlog) log(`gateway bot: ${backlog}`);
      return code;
    },
  };
}

type Check = (response: APIInteractionResponse) => boolean;

const isMessage = (r: APIInteractionResponse) => r.type === InteractionResponseType.ChannelMessageWithSource;

/** Sends `items` in one go and waits for their callbacks; a later callback for the same id is a duplicate. */
/** Sockets whose local end is this port (the fake Discord's side), open or in TIME_WAIT, from /proc/net/tcp*. */
function socketsOnPort(port: number): number {
  let n = 0;
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) return NaN;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (local?.endsWith(hex) && state !== '0A') n++;
    }
  }
  return n;
}

async function burst(fake: FakeDiscord, botPid: number, scenario: GatewayScenario, items: Array<{ interaction: APIInteraction; check: Check }>, settleMs: number): Promise<GatewayBenchRow> {
  const byId = new Map(items.map((x, k) => [x.interaction.id, k]));
  const byToken = new Map(items.map((x, k) => [x.interaction.token, k]));
  const first: Array<CallbackRecord | undefined> = new Array(items.length);
  const edit: Array<EditRecord | undefined> = new Array(items.length);
  const counts = new Uint32Array(items.length);
  let answered = 0;
  let deferrals = 0;
  let edits = 0;
  let lastAt = 0;
  let wake: () => void = () => undefined;
  const isDeferral = (cb: CallbackRecord) => cb.body.type === InteractionResponseType.DeferredChannelMessageWithSource || cb.body.type === InteractionResponseType.DeferredMessageUpdate;
  const complete = () => answered === items.length && edits >= deferrals;
  const onCallback = (cb: CallbackRecord) => {
    const k = byId.get(cb.interactionId);
    if (k === undefined) return;
    counts[k]!++;
    if (counts[k] === 1) {
      first[k] = cb;
      answered++;
      if (isDeferral(cb)) deferrals++;
      lastAt = performance.now();
      if (answered === items.length) {
        firstBot = treeCpuSeconds(botPid) - botBefore;
        firstClient = process.cpuUsage(clientBefore);
      }
      if (complete()) wake();
    }
  };
  const onEdit = (e: EditRecord) => {
    const k = byToken.get(e.token);
    if (k === undefined || edit[k]) return;
    edit[k] = e;
    edits++;
    lastAt = performance.now();
    if (complete()) wake();
  };
  let firstBot = NaN;
  let firstClient: NodeJS.CpuUsage | undefined;
  fake.rest.on('callback', onCallback);
  fake.rest.on('edit', onEdit);
  const botBefore = treeCpuSeconds(botPid);
  const clientBefore = process.cpuUsage();
  const sentAt: number[] = [];
  for (const { interaction } of items) sentAt.push(fake.sendInteraction(interaction).sentAt);

  // Wait for every answer (the edits after deferrals too), or until nothing has arrived for settleMs.
  for (;;) {
    const quiet = Math.max(lastAt, sentAt[sentAt.length - 1]!) + settleMs - performance.now();
    if (complete() || quiet <= 0) break;
    await Promise.race([new Promise<void>((r) => (wake = r)), new Promise((r) => setTimeout(r, Math.min(quiet, 250)))]);
  }
  const botSeconds = treeCpuSeconds(botPid) - botBefore;
  const client = process.cpuUsage(clientBefore);
  const sockets = socketsOnPort(Number(new URL(fake.apiUrl).port));
  // Duplicates would arrive right behind the first answers.
  await new Promise((r) => setTimeout(r, 300));
  fake.rest.off('callback', onCallback);
  fake.rest.off('edit', onEdit);

  const latencies: number[] = [];
  const answers: number[] = [];
  let deferred = 0;
  let edited = 0;
  let correct = 0;
  let duplicates = 0;
  let end = 0;
  items.forEach((item, k) => {
    duplicates += Math.max(0, counts[k]! - 1);
    const cb = first[k];
    if (!cb) return;
    latencies.push(cb.request.at - sentAt[k]!);
    end = Math.max(end, cb.request.at);
    if (isDeferral(cb)) {
      deferred++;
      const e = edit[k];
      if (!e) return;
      edited++;
      answers.push(e.request.at - sentAt[k]!);
      // The edit carries the message the callback would have: checked as that callback.
      if (item.check({ type: InteractionResponseType.ChannelMessageWithSource, data: e.body as APIInteractionResponseCallbackData })) correct++;
    } else {
      answers.push(cb.request.at - sentAt[k]!);
      if (item.check(cb.body)) correct++;
    }
  });
  latencies.sort((a, b) => a - b);
  answers.sort((a, b) => a - b);
  const seconds = answered > 0 ? (end - sentAt[0]!) / 1000 : NaN;
  return {
    scenario,
    sent: items.length,
    answered,
    lost: items.length - answered,
    duplicates,
    deferred,
    edited,
    correct,
    seconds,
    perSecond: answered / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? NaN,
    answerP50Ms: percentile(answers, 50),
    answerP99Ms: percentile(answers, 99),
    botCpuUs: (botSeconds * 1e6) / items.length,
    clientCpuUs: (client.user + client.system) / items.length,
    firstBotCpuUs: (firstBot * 1e6) / items.length,
    firstClientCpuUs: firstClient ? (firstClient.user + firstClient.system) / items.length : NaN,
    sockets,
  };
}

export async function runGatewayBench(options: GatewayBenchOptions = {}): Promise<GatewayBenchReport> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const n = options.burst ?? 1000;
  const warm = options.warmup ?? 200;
  const settleMs = options.settleMs ?? 10_000;
  const file = options.questionsFile ?? DEFAULT_QUESTIONS;
  const questions = benchQuestions(file, log);

  // Every interaction is its own user: the per-user cooldown stays on, as in production, but a burst
  // from many people is what is measured, not one person's spam.
  let user = 0n;
  const nextUser = () => String(1300000000000000000n + ++user);
  const help = (): { interaction: APIInteraction; check: Check } => ({ interaction: chatInput('help', {}, { userId: nextUser() }), check: isMessage });
  let q = 0;
  const ask = (): { interaction: APIInteraction; check: Check } => {
    const item = questions[q++ % questions.length]!;
    return { interaction: chatInput('ask', { question: item.question }, { userId: nextUser() }), check: (r) => askAnswerMatches(item, r) };
  };

  const fake = await FakeDiscord.start();
  let bot: Bot | undefined;
  try {
    bot = await startBot(fake, log);
    await fake.waitForReady(1, 30_000);
    if (warm > 0) {
      log(`gateway: warming up with ${warm} interactions`);
      const items = Array.from({ length: warm }, (_, k) => (k % 2 ? ask() : help()));
      await burst(fake, bot.child.pid!, 'help', items, settleMs);
    }
    const rows: GatewayBenchRow[] = [];
    for (const [scenario, make] of [
      ['help', help],
      ['ask', ask],
    ] as const) {
      log(`gateway: burst of ${n} × /${scenario}`);
      q = 0;
      rows.push(await burst(fake, bot.child.pid!, scenario, Array.from({ length: n }, make), settleMs));
    }
    return { rows, burst: n, questions: questions.length, node: process.version, cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`, load: loadavg()[0] ?? NaN };
  } finally {
    const code = await bot?.stop();
    if (bot && code !== 0) log(`the gateway bot exited with ${code} on SIGTERM`);
    await fake.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--burst');
  const report = await runGatewayBench(i > 0 ? { burst: Number(process.argv[i + 1]) } : {});
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
