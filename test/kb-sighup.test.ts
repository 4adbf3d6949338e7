// A real `serve` process with HTTP_WORKERS=2: two processes answer on one port and SIGTERM stops
// them all. SIGHUP reloads the knowledge the way /kb reload does: the change is answered over HTTP
// afterwards, an invalid file is logged and the old index keeps serving, and the signal never stops
// the process; a /kb reload that one HTTP worker served reaches the others.
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { DEFAULT_PACK_DIR } from '../src/knowledge/loader.ts';
import { chatInput, subcommand } from '../testing/fake-discord/interactions.ts';
import { spawnServe, waitUntil, type ChildRun } from '../testing/spawn.ts';
import { makeKeys, postInteraction } from './http-helpers.ts';
import { startEditRecorder } from '../src/cli/bench-reload.ts';

const keys = makeKeys();
const BAKERY = 'What does the bakery on Elm Street sell?';
const dirs: string[] = [];
let run: ChildRun | undefined;
let rest: Awaited<ReturnType<typeof startEditRecorder>> | undefined;

afterAll(async () => {
  await rest?.close();
  run?.kill();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function copyPack(): { dir: string; article: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kb-sighup-'));
  dirs.push(dir);
  cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
  for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o644);
  return { dir, article: readFileSync(join(dir, 'article.txt'), 'utf8') };
}

const addBakery = (dir: string, article: string) =>
  writeFileSync(join(dir, 'article.txt'), article.replace('absolute leadership over the army.', 'absolute leadership over the army. A bakery on Elm Street sells blue croissants every Tuesday.'));

async function serve(env: Record<string, string>) {
  // node directly (not npm), as a supervisor would run it, so the signal reaches the server itself.
  const served = await spawnServe({ env: { LOG_LEVEL: 'info', DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_CLIENT_ID: '1100000000000000001', DISCORD_API_URL: rest!.url, ...env } });
  run = served;
  return { proc: served.child, url: served.url, output: served.output, exited: served.exited.then((e) => e.code) };
}

async function answer(url: string, question: string, userId = '1400000000000000001'): Promise<string> {
  const res = await postInteraction(url, keys, chatInput('ask', { question }, { userId }));
  return JSON.stringify(await res.json());
}

const count = (text: string, re: RegExp) => text.match(new RegExp(re, 'g'))?.length ?? 0;

// One HTTP_WORKERS=2 process covers all of this, test after test: the cluster itself, SIGHUP to the
// primary (relayed to the workers), SIGHUP to one worker (the same handler a single-process `serve`
// installs), /kb reload in one worker relayed to the other, and SIGTERM. Starting one process
// (three, with its workers) instead of several keeps the suite fast.
describe('serve with HTTP_WORKERS=2', () => {
  let served: Awaited<ReturnType<typeof serve>>;
  let pack: { dir: string; article: string };

  beforeAll(async () => {
    pack = copyPack();
    rest = await startEditRecorder();
    served = await serve({ KNOWLEDGE_DIR: pack.dir, HTTP_WORKERS: '2' });
    // Each worker answers only once its own knowledge is loaded.
    await waitUntil('both workers ready', () => count(served.output(), /Ready: knowledge loaded/) === 2, served.output, 60_000);
  }, 150_000);

  it('serves from two processes on one port, checking every signature', async () => {
    const { url, output } = served;
    expect(output()).toMatch(/2 workers/);
    for (let i = 0; i < 6; i++) {
      const res = await postInteraction(url, keys, chatInput('ask', { question: 'What did Putin call the mutiny?' }, { userId: String(1500000000000000000n + BigInt(i)) }));
      const body = (await res.json()) as { type: number; data: { embeds: Array<{ description: string }> } };
      expect(body.data.embeds[0]!.description).toMatch(/treason/);
    }
    const forged = await postInteraction(url, keys, { type: 1 }, { signWith: makeKeys().privateKey });
    expect(forged.status).toBe(401);
  });

  it('reloads on SIGHUP, keeps serving on an invalid pack, relays /kb reload across workers, and keeps running', async () => {
    const { dir, article } = pack;
    const { proc, url, output } = served;
    expect(await answer(url, BAKERY)).not.toContain('blue croissants');
    /** Whichever worker Discord's request lands on (round robin) must answer the same. */
    const answerAll = async (expected: boolean) => {
      for (let i = 0; i < 4; i++) expect((await answer(url, BAKERY, String(1400000000000000010n + BigInt(i)))).includes('blue croissants')).toBe(expected);
    };

    // SIGHUP to the primary reloads both workers.
    addBakery(dir, article);
    proc.kill('SIGHUP');
    await expect.poll(() => count(output(), /Knowledge reloaded \(SIGHUP\): \d+ passages/), { timeout: 30_000 }).toBe(2);
    await answerAll(true);

    // An invalid file: logged with the loader's message, the old index keeps serving.
    writeFileSync(join(dir, 'entities.json'), '[{"id": "x"}]');
    proc.kill('SIGHUP');
    await expect.poll(() => count(output(), /Knowledge reload failed \(SIGHUP\); still serving generation 2 from \S+: 3 problems in the knowledge:(?:\n|\\n)\s*- \S*entities\.json at \[0\]\.name/), { timeout: 30_000 }).toBe(2);
    await answerAll(true);

    // /kb reload lands on one worker; the primary relays it to the other.
    writeFileSync(join(dir, 'entities.json'), readFileSync(join(DEFAULT_PACK_DIR, 'entities.json')));
    writeFileSync(join(dir, 'article.txt'), article);
    const kb = subcommand('kb', 'reload', {}, { permissions: String(PermissionFlagsBits.ManageGuild) });
    const res = await postInteraction(url, keys, kb);
    expect(((await res.json()) as { type: number }).type).toBe(5); // deferred at once, the result edited in
    expect((await rest!.edit(kb.token, 30_000)).content).toMatch(/Reloaded the knowledge/);
    await expect.poll(() => count(output(), /Knowledge reloaded \(\/kb reload[,)]/), { timeout: 30_000 }).toBe(2);
    await answerAll(false);
    expect(count(output(), /Knowledge reloaded \(\/kb reload[,)]/)).toBe(2); // relayed once, not echoed back

    // SIGHUP sent to one worker directly reloads that worker, as it does a single `serve` process.
    const workerPid = Number(output().match(/relayed from worker (\d+)/)![1]);
    addBakery(dir, article);
    process.kill(workerPid, 'SIGHUP');
    await expect.poll(() => count(output(), /Knowledge reloaded \(SIGHUP\)/), { timeout: 30_000 }).toBe(3);

    // What people asked is counted; the start-up warm-up's synthetic questions are not.
    const stats = JSON.stringify(await (await postInteraction(url, keys, subcommand('kb', 'stats', {}, { permissions: String(PermissionFlagsBits.ManageGuild) }))).json());
    expect(stats).toMatch(/\d+× what does the bakery on elm street sell/);
    expect(stats).not.toMatch(/who met whom|capital of france/);

    expect(proc.exitCode).toBeNull();
  }, 150_000);

  it('stops both workers on SIGTERM and exits 0', async () => {
    served.proc.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    expect(served.output().match(/Stopped/g)?.length).toBe(2);
  });
});
