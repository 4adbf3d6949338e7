// The database file deleted, replaced or truncated under the running bot (issue 12, defect 8): the
// store notices before its next use, says so once, and opens a fresh database at the same path, so
// what is recorded from then on is really kept.
import { renameSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openCuratorStore } from '../src/store/store.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';

const newDir = tempDataDirs();
const entry = (question: string) => ({ kind: 'not-found' as const, question, article: 'seed' });

/** What a restarted bot would find in the directory. */
function reportAfterRestart(dir: string): string[] {
  const s = openCuratorStore({ dataDir: dir, log: captureLog() });
  const questions = s.unansweredReport().map((g) => g.representative);
  s.close();
  return questions;
}

describe('the database file changes under the running store', () => {
  it('deleted: logged once, a new database is opened, and later rows survive a restart', () => {
    const dir = newDir();
    const log = captureLog();
    const s = openCuratorStore({ dataDir: dir, log });
    s.recordUnanswered(entry('Before the deletion?'));
    for (const f of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) rmSync(join(dir, f), { force: true });
    s.recordUnanswered(entry('After the deletion?'));
    expect(s.updateGuildSettings('1', { privateByDefault: true })).toMatchObject({ privateByDefault: true });
    s.recordUnanswered(entry('Later still?'));
    expect(log.lines.filter((l) => /was deleted or replaced/.test(l))).toHaveLength(1);
    expect(s.healthy).toBe(true);
    s.close();
    expect(reportAfterRestart(dir).sort()).toEqual(['After the deletion?', 'Later still?']);
  });

  it('replaced by another file: logged once, and the store writes to the file now at the path', () => {
    const dir = newDir();
    const other = newDir();
    const log = captureLog();
    const s = openCuratorStore({ dataDir: dir, log });
    s.recordUnanswered(entry('In the first file?'));
    const o = openCuratorStore({ dataDir: other, log: captureLog() });
    o.recordUnanswered(entry('In the restored backup?'));
    o.close();
    renameSync(join(other, DATABASE_FILE), join(dir, DATABASE_FILE));
    s.recordUnanswered(entry('After the restore?'));
    expect(log.lines.filter((l) => /was deleted or replaced/.test(l))).toHaveLength(1);
    s.close();
    expect(reportAfterRestart(dir).sort()).toEqual(['After the restore?', 'In the restored backup?']);
  });

  it('truncated to nothing: logged once, and recording goes on into a working database', () => {
    const dir = newDir();
    const log = captureLog();
    const s = openCuratorStore({ dataDir: dir, log });
    s.recordUnanswered(entry('Before the truncation?'));
    truncateSync(join(dir, DATABASE_FILE), 0);
    s.recordUnanswered(entry('After the truncation?'));
    expect(log.lines.filter((l) => /was (deleted or replaced|truncated)/.test(l))).toHaveLength(1);
    expect(s.healthy).toBe(true);
    s.close();
    expect(reportAfterRestart(dir)).toContain('After the truncation?');
  });
});
