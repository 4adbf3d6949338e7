// Retention: unanswered rows older than RETENTION_DAYS are purged when the store opens and then by a
// daily timer that does not keep the process alive and stops on close. Settings are never purged.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS, openCuratorStore } from '../src/store/store.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';

const newDir = tempDataDirs();
afterEach(() => {
  vi.useRealTimers();
});

function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return { now: () => t, advanceDays: (d: number) => (t += d * DAY_MS) };
}

describe('retention', () => {
  it('purges rows older than the retention when the store opens, and keeps newer ones and settings', () => {
    const dir = newDir();
    const c = clock();
    const first = openCuratorStore({ dataDir: dir, retentionDays: 30, now: c.now, log: captureLog() });
    first.recordUnanswered({ kind: 'not-found', question: 'Asked on day 0', article: 'seed' });
    c.advanceDays(20);
    first.recordUnanswered({ kind: 'not-found', question: 'Asked on day 20', article: 'seed' });
    first.updateGuildSettings('7', { privateByDefault: true });
    first.close();

    c.advanceDays(15); // day 35: day 0 is past 30 days, day 20 is not
    const log = captureLog();
    const second = openCuratorStore({ dataDir: dir, retentionDays: 30, now: c.now, log });
    expect(second.healthy).toBe(true);
    expect(second.unansweredReport().map((g) => g.representative)).toEqual(['Asked on day 20']);
    expect(second.guildSettings('7')?.privateByDefault).toBe(true);
    expect(log.lines).toEqual(['INFO Curator database: purged 1 unanswered question older than 30 days.']);
    second.close();
  });

  it('keeps a row exactly at the boundary and purges one a millisecond older', () => {
    const dir = newDir();
    const c = clock();
    const s = openCuratorStore({ dataDir: dir, retentionDays: 1, now: c.now, log: captureLog() });
    s.recordUnanswered({ kind: 'not-found', question: 'boundary', article: 'seed' });
    c.advanceDays(1);
    expect(s.purgeExpired()).toBe(0);
    c.advanceDays(1 / DAY_MS);
    expect(s.purgeExpired()).toBe(1);
    s.close();
  });

  it('purges again on a timer while running, and the timer is unref()ed and cleared on close', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const c = clock();
    const s = openCuratorStore({ dataDir: newDir(), retentionDays: 90, now: c.now, log: captureLog() });
    expect(vi.getTimerCount()).toBe(1);
    s.recordUnanswered({ kind: 'low-confidence', question: 'old by tomorrow', article: 'seed' });
    c.advanceDays(91);
    vi.advanceTimersByTime(DAY_MS);
    expect(s.unansweredReport()).toEqual([]);
    s.close();
    expect(vi.getTimerCount()).toBe(0);
    s.close(); // twice is fine
  });

  it('never keeps the process alive: the purge timer is unref()ed', () => {
    const spy = vi.spyOn(globalThis, 'setInterval');
    const s = openCuratorStore({ dataDir: newDir(), log: captureLog() });
    const timer = spy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    s.close();
    spy.mockRestore();
  });

  it('falls back to the default retention on a nonsense value and says so', () => {
    const log = captureLog();
    const s = openCuratorStore({ dataDir: newDir(), retentionDays: -3, log });
    expect(s.healthy).toBe(true);
    expect(log.lines[0]).toMatch(/retention of -3 days is not a positive number; using 90/);
    s.close();
  });
});

describe('RETENTION_DAYS and DATA_DIR in the bot config', () => {
  const base = { DISCORD_TOKEN: 'a'.repeat(24) + '.bbbbbb.' + 'c'.repeat(27), DISCORD_CLIENT_ID: '123456789012345678' };

  it('default to ./data and 90 days, and take what is set', async () => {
    const { parseConfig } = await import('../src/discord/config.ts');
    expect(parseConfig('gateway', base)).toMatchObject({ dataDir: './data', retentionDays: 90 });
    expect(parseConfig('gateway', { ...base, DATA_DIR: ' /var/lib/bot ', RETENTION_DAYS: '30' })).toMatchObject({ dataDir: '/var/lib/bot', retentionDays: 30 });
    expect(parseConfig('gateway', { ...base, DATA_DIR: '', RETENTION_DAYS: '' })).toMatchObject({ dataDir: './data', retentionDays: 90 });
  });

  it('reject a retention that is not a whole number of days from 1', async () => {
    const { ConfigError, parseConfig } = await import('../src/discord/config.ts');
    for (const bad of ['0', '-5', '1.5', 'forever']) {
      let caught: unknown;
      try {
        parseConfig('gateway', { ...base, RETENTION_DAYS: bad });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as InstanceType<typeof ConfigError>).problems.join('\n')).toMatch(/^RETENTION_DAYS .*how many days unanswered questions are kept/);
    }
  });
});
