// Guild settings are read on every interaction, so the SQLite store keeps them in memory (issue 14).
// A cache must never keep serving old settings: two stores on one file stand for two HTTP workers,
// and each must see the other's /settings change on its next read.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openCuratorStore } from '../src/store/store.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';

const newDir = tempDataDirs();

describe('cached guild settings', () => {
  it('a change committed by another process on the same file is seen on the next read', () => {
    const dir = newDir();
    const a = openCuratorStore({ dataDir: dir, log: captureLog() });
    const b = openCuratorStore({ dataDir: dir, log: captureLog() });
    try {
      expect(a.guildSettings('7')).toBeUndefined();
      b.updateGuildSettings('7', { privateByDefault: true });
      expect(a.guildSettings('7')).toMatchObject({ privateByDefault: true });
      b.updateGuildSettings('7', { privateByDefault: false, defaultArticle: 'other' });
      expect(a.guildSettings('7')).toMatchObject({ privateByDefault: false, defaultArticle: 'other' });
      b.clearGuildSettings('7');
      expect(a.guildSettings('7')).toBeUndefined();
    } finally {
      a.close();
      b.close();
    }
  });

  it("the store's own writes are what it reads next", () => {
    const s = openCuratorStore({ dataDir: newDir(), log: captureLog() });
    try {
      expect(s.guildSettings('8')).toBeUndefined();
      s.updateGuildSettings('8', { cooldown: { burst: 2, refillMs: 1000 } });
      expect(s.guildSettings('8')?.cooldown).toEqual({ burst: 2, refillMs: 1000 });
      s.clearGuildSettings('8');
      expect(s.guildSettings('8')).toBeUndefined();
    } finally {
      s.close();
    }
  });

  it('a deleted file drops the cache with the database: nothing of the old settings is served', () => {
    const dir = newDir();
    const log = captureLog();
    const s = openCuratorStore({ dataDir: dir, log });
    try {
      s.updateGuildSettings('9', { privateByDefault: true });
      expect(s.guildSettings('9')).toMatchObject({ privateByDefault: true });
      for (const f of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) rmSync(join(dir, f), { force: true });
      s.recordUnanswered({ kind: 'not-found', question: 'After the deletion?', article: 'seed' }); // a write notices at once
      expect(log.lines.filter((l) => /was deleted or replaced/.test(l))).toHaveLength(1);
      expect(s.guildSettings('9')).toBeUndefined();
    } finally {
      s.close();
    }
  });
});
