// Two real `npm run serve` processes (A and B) on one real PostgreSQL server, as two replicas behind
// a load balancer: a setting made on A applies on B, a question refused on A shows in /kb unanswered
// on B, /kb reload on A reloads B, a replay is answered once whichever replica gets it, and when the
// database stops the answers go on and recording resumes once it is back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { chatInput, subcommand } from '../testing/fake-discord/interactions.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { spawnServe, waitUntil as until, type ChildRun } from '../testing/spawn.ts';
import { makeKeys, nowTimestamp, postInteraction, signBody } from './http-helpers.ts';
import { startEditRecorder } from '../src/cli/bench-reload.ts';

const noPostgres = postgresUnavailable();
if (noPostgres) console.warn(`Replica tests skipped: ${noPostgres}`);

const keys = makeKeys();
const GUILD = '1500000000000000001';
const MODERATOR = { guildId: GUILD, permissions: String(PermissionFlagsBits.ManageGuild), userId: '1500000000000000009' };
const children: ChildRun[] = [];
const dirs: string[] = [];
let db: TestPostgres | undefined;
let rest: Awaited<ReturnType<typeof startEditRecorder>> | undefined;

interface Replica {
  url: string;
  output: () => string;
}

async function serve(name: string, databaseUrl: string): Promise<Replica> {
  const dataDir = mkdtempSync(join(tmpdir(), `replica-${name}-`));
  dirs.push(dataDir);
  const served = await spawnServe({
    env: { LOG_LEVEL: 'info', DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_CLIENT_ID: '1100000000000000001', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, DISCORD_API_URL: rest!.url },
    readyTimeoutMs: 40_000,
  });
  children.push(served);
  return { url: served.url, output: served.output };
}

const body = async (res: Response) => (await res.json()) as { type: number; data?: { flags?: number; content?: string; embeds?: Array<{ description?: string }> } };
const ask = async (r: Replica, question: string, guildId = GUILD) => body(await postInteraction(r.url, keys, chatInput('ask', { question }, { guildId, userId: '1500000000000000002' })));
const count = (text: string, re: RegExp) => text.match(new RegExp(re, 'g'))?.length ?? 0;

let a: Replica;
let b: Replica;

beforeAll(async () => {
  if (noPostgres) return;
  db = await startTestPostgres();
  rest = await startEditRecorder();
  [a, b] = await Promise.all([serve('A', db.url), serve('B', db.url)]);
}, 150_000);

afterAll(async () => {
  for (const c of children) c.kill();
  await db?.destroy();
  await rest?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(noPostgres)('two serve replicas on one PostgreSQL', () => {
  it('a setting made on A applies on B', async () => {
    expect((await ask(b, 'Who did Ma Zhaoxu meet?')).data?.flags ?? 0).toBe(0);
    const saved = await body(await postInteraction(a.url, keys, subcommand('settings', 'private', { enabled: true }, MODERATOR)));
    expect(JSON.stringify(saved)).toMatch(/Saved/);
    const t0 = performance.now();
    // By the change notice, usually within a second; 20 s is a backstop for a loaded box (the time is logged).
    await until('B answers privately', async () => (((await ask(b, 'Who did Ma Zhaoxu meet?')).data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0, b.output, 20_000);
    console.info(`setting on A applied on B after ${(performance.now() - t0).toFixed(0)} ms (polling /ask on B)`);
  });

  it('a question refused on A shows in /kb unanswered on B', async () => {
    const refused = await ask(a, 'What colour is the prime minister of Atlantis?');
    expect(JSON.stringify(refused)).not.toMatch(/Rudenko/);
    await until(
      '/kb unanswered on B lists it',
      async () => JSON.stringify(await body(await postInteraction(b.url, keys, subcommand('kb', 'unanswered', {}, MODERATOR)))).includes('prime minister of Atlantis'),
      b.output,
      5000,
    );
  });

  it('/kb reload on A reloads B, and A says B confirmed', async () => {
    const interaction = subcommand('kb', 'reload', {}, MODERATOR);
    const ack = await body(await postInteraction(a.url, keys, interaction));
    expect(ack.type).toBe(5); // deferred at once; the result is edited in
    const reply = await rest!.edit(interaction.token, 30_000);
    expect(reply.content).toMatch(/Reloaded the knowledge/);
    expect(reply.content).toMatch(/Other replicas on the shared database: 1 of 1 confirmed the reload/);
    await until('B logs its reload', () => /Knowledge reloaded \(\/kb reload, from another replica\)/.test(b.output()), b.output, 5000);
    expect(count(a.output(), /Knowledge reloaded/)).toBe(1);
  }, 60_000); // each replica's first reload starts its worker thread, which loads the engine under tsx

  it('a replay of the same signed bytes is answered once, on either replica (409 after)', async () => {
    const raw = JSON.stringify(chatInput('ask', { question: 'What is the capital of Freedonia?' }, { guildId: GUILD }));
    const ts = nowTimestamp();
    const send = (r: Replica) => postInteraction(r.url, keys, raw, { timestamp: ts, signature: signBody(keys.privateKey, ts, raw) });
    expect((await send(a)).status).toBe(200);
    expect((await send(a)).status).toBe(409);
    expect((await send(b)).status).toBe(409);
    await until(
      'the refusal is recorded once',
      async () => /Freedonia/.test(JSON.stringify(await body(await postInteraction(b.url, keys, subcommand('kb', 'unanswered', {}, MODERATOR))))),
      b.output,
      5000,
    );
    const report = JSON.stringify(await body(await postInteraction(b.url, keys, subcommand('kb', 'unanswered', {}, MODERATOR))));
    expect(report).not.toMatch(/Freedonia[^"]*×\s*[2-9]/);
  });

  it('database outage: answers go on within 3 s, one log line each way, settings kept, recording resumes', async () => {
    await db!.stop();
    const slowest: number[] = [];
    for (let k = 0; k < 4; k++) {
      const t0 = performance.now();
      const reply = await ask(a, `During the outage, who runs the lighthouse number ${k}?`);
      slowest.push(performance.now() - t0);
      expect(reply.type).toBe(4);
      // The last settings read still apply: B's guild answers privately.
      const onB = await ask(b, 'Who did Ma Zhaoxu meet?');
      expect((onB.data?.flags ?? 0) & MessageFlags.Ephemeral).not.toBe(0);
    }
    console.info(`answers during the outage: slowest ${Math.max(...slowest).toFixed(0)} ms`);
    expect(Math.max(...slowest)).toBeLessThan(3000);
    await until('A logs the outage', () => /is unreachable/.test(a.output()), a.output, 5000);
    await db!.start();
    await until('A logs the recovery', () => /is reachable again/.test(a.output()), a.output, 15_000);
    expect(count(a.output(), /is unreachable/)).toBe(1);
    expect(count(a.output(), /is reachable again/)).toBe(1);
    console.info(a.output().split('\n').filter((l) => /Curator database/.test(l)).join('\n'));
    await until(
      'what A refused during the outage reaches /kb unanswered on B',
      async () => JSON.stringify(await body(await postInteraction(b.url, keys, subcommand('kb', 'unanswered', {}, MODERATOR)))).includes('lighthouse number 3'),
      b.output,
      15_000,
    );
    // And new questions are recorded again as they come.
    await ask(a, 'After the outage, who paints the harbour wall?');
    await until(
      'a question after the outage is recorded',
      async () => JSON.stringify(await body(await postInteraction(b.url, keys, subcommand('kb', 'unanswered', {}, MODERATOR)))).includes('paints the harbour wall'),
      b.output,
      5000,
    );
  }, 60_000);
});
