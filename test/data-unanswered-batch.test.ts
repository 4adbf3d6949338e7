// Unanswered rows are written in batches off the answer's path (issue 14). Nothing recorded may be
// lost: this process's reads see every row at once, another process sees them once the batch is
// written (RECORD_FLUSH_MS, or at once past RECORD_BATCH_MAX), and close(), a plain process.exit and
// the real `serve` process stopping on SIGTERM right after an answer all write what is waiting.
import { mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_BATCH_MAX, RECORD_FLUSH_MS, openCuratorStore } from '../src/store/store.ts';
import { chatInput } from '../testing/fake-discord/interactions.ts';
import { REPO_DIR, spawnServe, type ChildRun } from '../testing/spawn.ts';
import { makeKeys, postInteraction } from './http-helpers.ts';

const newDir = () => mkdtempSync(join(process.env.TEST_DATA_DIR ?? tmpdir(), 'batch-'));
const quiet = { warn: () => undefined };

/** The questions in the file, as another process (npm run report) reads them. */
function questionsInFile(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT question FROM unanswered ORDER BY id').all() as Array<{ question: string }>).map((r) => r.question);
  } finally {
    db.close();
  }
}

const miss = (question: string) => ({ kind: 'not-found' as const, question, article: 'seed' });

let run: ChildRun | undefined;
afterEach(() => {
  run?.kill();
  run = undefined;
});

describe('batched unanswered rows', () => {
  it("this process's report sees a row at once; another process once the batch is written", async () => {
    const s = openCuratorStore({ dataDir: newDir(), log: quiet });
    try {
      s.recordUnanswered(miss('Who won the vote?'));
      expect(s.unansweredReport().map((g) => g.representative)).toEqual(['Who won the vote?']);
      s.recordUnanswered(miss('Where is the harbour?'));
      // A timer set after the store's, for as long, fires after it.
      await sleep(RECORD_FLUSH_MS);
      expect(questionsInFile(s.path)).toEqual(['Who won the vote?', 'Where is the harbour?']);
    } finally {
      s.close();
    }
  });

  it('writes a full batch at once, in order, and close() writes the rest', () => {
    const s = openCuratorStore({ dataDir: newDir(), log: quiet });
    const asked = Array.from({ length: RECORD_BATCH_MAX + 5 }, (_, k) => `Question number ${k}?`);
    for (const q of asked) s.recordUnanswered(miss(q));
    expect(questionsInFile(s.path)).toEqual(asked.slice(0, RECORD_BATCH_MAX));
    s.close();
    expect(questionsInFile(s.path)).toEqual(asked);
  });

  it('a process that exits without closing the store still writes what was waiting', () => {
    const dir = newDir();
    const script = `
      import { openCuratorStore } from './src/store/store.ts';
      const s = openCuratorStore({ dataDir: ${JSON.stringify(dir)}, log: { warn: () => undefined } });
      s.recordUnanswered({ kind: 'not-found', question: 'Asked just before exit?', article: 'seed' });
      s.recordUnanswered({ kind: 'feedback', question: 'Pressed just before exit?', article: 'seed' });
      process.exit(0);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_DIR, encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    const s = openCuratorStore({ dataDir: dir, log: quiet });
    try {
      expect(questionsInFile(s.path)).toEqual(['Asked just before exit?', 'Pressed just before exit?']);
    } finally {
      s.close();
    }
  });

  it('`serve` stopped by SIGTERM right after answering a miss has the miss in its database', async () => {
    const keys = makeKeys();
    const dir = newDir();
    const served = await spawnServe({ env: { DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_CLIENT_ID: '1100000000000000001', DATA_DIR: dir, LOG_LEVEL: 'warn' }, readyTimeoutMs: 30_000 });
    run = served;
    const question = 'What colour is the volcano on Mars?';
    const res = await postInteraction(served.url, keys, chatInput('ask', { question }));
    const body = (await res.json()) as { type: number; data: { embeds: Array<{ description?: string }> } };
    expect(body.type).toBe(4);
    expect(body.data.embeds[0]!.description).toMatch(/^\*\*Not in/);
    served.child.kill('SIGTERM');
    expect((await served.exited).code).toBe(0);
    expect(questionsInFile(join(dir, 'bot.sqlite'))).toEqual([question]);
  }, 60_000);
});
