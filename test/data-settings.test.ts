// Per-guild settings: default article, cooldown and private-by-default, merged patch by patch,
// validated, kept across restarts, and separate per guild.
import { describe, expect, it } from 'vitest';
import { GuildSettingsPatchSchema, openCuratorStore } from '../src/store/store.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';

const newDir = tempDataDirs();
let t = Date.UTC(2026, 2, 1);
const now = () => (t += 1000);

describe('guild settings', () => {
  it('starts empty, merges patches, clears with null, and survives a restart', () => {
    const dir = newDir();
    const s = openCuratorStore({ dataDir: dir, now, log: captureLog() });
    expect(s.guildSettings('100')).toBeUndefined();

    const a = s.updateGuildSettings('100', { defaultArticle: 'wagner-mutiny' });
    expect(a).toMatchObject({ guildId: '100', defaultArticle: 'wagner-mutiny', cooldown: null, privateByDefault: false });
    const b = s.updateGuildSettings('100', { cooldown: { burst: 5, refillMs: 2000 }, privateByDefault: true });
    expect(b).toMatchObject({ defaultArticle: 'wagner-mutiny', cooldown: { burst: 5, refillMs: 2000 }, privateByDefault: true });
    expect(b!.updatedAt).toBeGreaterThan(a!.updatedAt);
    const c = s.updateGuildSettings('100', { defaultArticle: null });
    expect(c).toMatchObject({ defaultArticle: null, cooldown: { burst: 5, refillMs: 2000 }, privateByDefault: true });
    s.close();

    const again = openCuratorStore({ dataDir: dir, now, log: captureLog() });
    expect(again.guildSettings('100')).toEqual(c);
    again.close();
  });

  it('keeps guilds apart and clears one guild only', () => {
    const s = openCuratorStore({ dataDir: newDir(), now, log: captureLog() });
    s.updateGuildSettings('1', { privateByDefault: true });
    s.updateGuildSettings('2', { defaultArticle: 'other-story' });
    expect(s.guildSettings('1')).toMatchObject({ privateByDefault: true, defaultArticle: null });
    expect(s.guildSettings('2')).toMatchObject({ privateByDefault: false, defaultArticle: 'other-story' });
    s.clearGuildSettings('1');
    expect(s.guildSettings('1')).toBeUndefined();
    expect(s.guildSettings('2')).toBeDefined();
    s.close();
  });

  it('rejects invalid values without storing anything or throwing', () => {
    const log = captureLog();
    const s = openCuratorStore({ dataDir: newDir(), now, log });
    s.updateGuildSettings('9', { privateByDefault: true });
    const bad = [
      { defaultArticle: 'Not A Slug!' },
      { cooldown: { burst: -1, refillMs: 1000 } },
      { cooldown: { burst: 3, refillMs: 0 } },
      { privateByDefault: 'yes' },
      { somethingElse: 1 },
    ];
    for (const patch of bad) {
      expect(GuildSettingsPatchSchema.safeParse(patch).success).toBe(false);
      expect(s.updateGuildSettings('9', patch as never)).toBeUndefined();
    }
    expect(s.guildSettings('9')).toMatchObject({ privateByDefault: true, defaultArticle: null, cooldown: null });
    expect(log.lines).toHaveLength(bad.length);
    expect(log.lines[0]).toMatch(/ignored invalid settings for guild 9: defaultArticle must be an article slug/);
    s.close();
  });

  it('is a no-op after close', () => {
    const s = openCuratorStore({ dataDir: newDir(), now, log: captureLog() });
    s.close();
    expect(s.healthy).toBe(false);
    expect(s.updateGuildSettings('1', { privateByDefault: true })).toBeUndefined();
    expect(s.guildSettings('1')).toBeUndefined();
  });
});
