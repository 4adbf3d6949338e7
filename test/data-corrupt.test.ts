// A database that cannot be used never takes the bot down: it is reported in one log line, and the
// store carries on as a no-op with the same methods (healthy: false) until it is fixed.
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../src/store/record.ts';
import { DATABASE_FILE, openCuratorStore, type CuratorStore } from '../src/store/store.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';

const newDir = tempDataDirs();

/** Calls every method as the bot would; none may throw, and all return their empty values. */
function expectNoOp(s: CuratorStore) {
  expect(() => s.recordUnanswered({ kind: 'not-found', question: 'Who is Carol?', article: 'seed', guildId: '1' })).not.toThrow();
  expect(recordAnswer(s, { question: 'Who?', article: 'seed', answer: { found: false, answer: null, alternatives: [] } })).toBe('not-found');
  expect(s.unansweredReport({ limit: 5 })).toEqual([]);
  expect(s.guildSettings('1')).toBeUndefined();
  expect(s.updateGuildSettings('1', { privateByDefault: true })).toBeUndefined();
  expect(() => s.clearGuildSettings('1')).not.toThrow();
  expect(s.purgeExpired()).toBe(0);
  expect(() => s.close()).not.toThrow();
}

function seeded(dir: string) {
  const s = openCuratorStore({ dataDir: dir, log: captureLog() });
  for (let i = 0; i < 200; i++) s.recordUnanswered({ kind: 'not-found', question: `Question number ${i} about something`, article: 'seed', candidate: 'x'.repeat(500) });
  s.updateGuildSettings('1', { privateByDefault: true });
  s.close(); // checkpoints the WAL into the main file
  return join(dir, DATABASE_FILE);
}

describe('a corrupt database file', () => {
  it('that is not a database at all: reported once, no-op, file left as it was', () => {
    const dir = newDir();
    const file = join(dir, DATABASE_FILE);
    const garbage = Buffer.from('this is not a database, it is a shopping list: eggs, milk\n'.repeat(100));
    writeFileSync(file, garbage);
    const log = captureLog();
    const s = openCuratorStore({ dataDir: dir, log });
    expect(s.healthy).toBe(false);
    expect(s.problem).toMatch(/is not a SQLite database/);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(new RegExp(`^WARN Curator database ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a SQLite database .*the bot keeps answering.*move the file aside`));
    expectNoOp(s);
    expect(log.lines).toHaveLength(1); // the no-op calls add no noise
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('with damaged pages behind a valid header: caught at open by the integrity check', () => {
    const dir = newDir();
    const file = seeded(dir);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, 4096); // pages 2–4
    closeSync(fd);
    const log = captureLog();
    const s = openCuratorStore({ dataDir: dir, log });
    expect(s.healthy).toBe(false);
    expect(s.problem).toMatch(/corrupt|not a SQLite database/);
    expect(log.lines).toHaveLength(1);
    expectNoOp(s);
  });

  it('written by a newer release (schema version ahead): left alone', () => {
    const dir = newDir();
    const file = seeded(dir);
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    const log = captureLog();
    const s = openCuratorStore({ dataDir: dir, log });
    expect(s.healthy).toBe(false);
    expect(s.problem).toMatch(/schema version 99 is newer than this bot knows/);
    expectNoOp(s);
  });

  it('where DATA_DIR cannot be created: reported, not thrown', () => {
    const dir = newDir();
    const notADir = join(dir, 'a-file');
    writeFileSync(notADir, 'x');
    const log = captureLog();
    const s = openCuratorStore({ dataDir: notADir, log });
    expect(s.healthy).toBe(false);
    expect(s.problem).toMatch(/cannot be used/);
    expect(log.lines).toHaveLength(1);
    expectNoOp(s);
  });
});

describe('a locked database file', () => {
  /** Another process's connection holding an exclusive lock with a write in progress. */
  function lockExclusively(file: string) {
    const other = new Database(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    other.exec("INSERT INTO guild_settings (guild_id, updated_at) VALUES ('other', 0)");
    return () => {
      other.exec('COMMIT');
      other.close();
    };
  }

  it('locked at open: reported once, a no-op meanwhile, and picked up again once the lock goes', async () => {
    const dir = newDir();
    const file = seeded(dir);
    const release = lockExclusively(file);
    const log = captureLog();
    const t0 = performance.now();
    const s = openCuratorStore({ dataDir: dir, log, busyTimeoutMs: 50, retryLockedMs: 25 });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(s.healthy).toBe(false);
    expect(s.problem).toMatch(/is locked by another process/);
    expect(log.lines).toEqual([expect.stringMatching(/^WARN Curator database .* is locked by another process .*trying again every 1 s/)]);
    expect(() => s.recordUnanswered({ kind: 'feedback', question: 'lost while locked', article: 'seed' })).not.toThrow();
    expect(s.unansweredReport()).toEqual([]);

    await new Promise((r) => setTimeout(r, 120));
    expect(s.healthy).toBe(false); // still locked: retries stay quiet
    expect(log.lines).toHaveLength(1);

    release();
    await expect.poll(() => s.healthy, { timeout: 3000, interval: 25 }).toBe(true);
    expect(s.problem).toBeUndefined();
    expect(log.lines[1]).toMatch(/is no longer locked/);
    expect(s.guildSettings('1')?.privateByDefault).toBe(true);
    s.recordUnanswered({ kind: 'feedback', question: 'kept after the lock', article: 'seed' });
    expect(s.unansweredReport({ limit: 1000 }).map((g) => g.representative)).toContain('kept after the lock');
    s.close();
  });

  it('locked while running: writes are dropped with a warning, nothing throws, and it recovers', () => {
    const dir = newDir();
    seeded(dir);
    const log = captureLog();
    let t = Date.now();
    const s = openCuratorStore({ dataDir: dir, log, busyTimeoutMs: 20, now: () => t });
    expect(s.healthy).toBe(true);
    // Another process mid-write (WAL: it blocks writers, readers carry on).
    const other = new Database(s.path);
    other.exec('BEGIN IMMEDIATE');
    other.exec("INSERT INTO guild_settings (guild_id, updated_at) VALUES ('other', 0)");
    for (let i = 0; i < 3; i++) expect(() => s.recordUnanswered({ kind: 'not-found', question: `dropped ${i}`, article: 'seed' })).not.toThrow();
    expect(s.updateGuildSettings('1', { privateByDefault: false })).toBeUndefined();
    expect(s.unansweredReport({ limit: 1000 })).toHaveLength(200); // reads still work
    expect(s.healthy).toBe(true); // a lock is not a reason to give up
    expect(log.lines).toEqual([expect.stringMatching(/could not record an unanswered question: database is locked; the bot carries on/)]);

    other.exec('COMMIT');
    other.close();
    t += 61_000;
    s.recordUnanswered({ kind: 'not-found', question: 'after the lock', article: 'seed' });
    expect(s.unansweredReport({ limit: 1000 }).map((g) => g.representative)).toContain('after the lock');
    expect(s.unansweredReport({ limit: 1000 }).map((g) => g.representative)).not.toContain('dropped 0');
    s.close();
  });
});
