// Configuration: every problem listed at once with how to fix it, mode-specific requirements, the
// token never echoed, and `npm start` exiting 1 with offline instructions when unconfigured.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/discord/config.ts';

const problems = (mode: 'gateway' | 'http' | 'deploy', env: NodeJS.ProcessEnv): string[] => {
  try {
    parseConfig(mode, env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

const TOKEN = 'MTEx.secret-token-value.abcdefghijklmnop';
const ID = '1100000000000000001';

describe('parseConfig', () => {
  it('accepts a minimal gateway config and applies defaults', () => {
    const c = parseConfig('gateway', { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: ID, DISCORD_GUILD_ID: '', DISCORD_API_URL: 'http://127.0.0.1:9/api/' });
    expect(c).toMatchObject({ token: TOKEN, clientId: ID, apiUrl: 'http://127.0.0.1:9/api', logLevel: 'info', port: 3000, host: '0.0.0.0' });
    expect(c.guildId).toBeUndefined();
    expect(c.cooldown).toEqual({ burst: 60, refillMs: 250 });
    expect(parseConfig('gateway', { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: ID, COOLDOWN_BURST: '0' }).cooldown).toBe(false);
  });

  it('lists every problem at once: missing token and a bad id', () => {
    const list = problems('gateway', { DISCORD_CLIENT_ID: 'not-a-snowflake', DISCORD_GUILD_ID: '12x', LOG_LEVEL: 'loud' });
    expect(list).toHaveLength(4);
    expect(list.join('\n')).toMatch(/DISCORD_TOKEN is not set/);
    expect(list.join('\n')).toMatch(/DISCORD_CLIENT_ID must be a Discord id.*Application ID/);
    expect(list.join('\n')).toMatch(/DISCORD_GUILD_ID/);
    expect(list.join('\n')).toMatch(/LOG_LEVEL/);
  });

  it('refuses a token that is not shaped like one, naming the variable and not the value', () => {
    for (const token of ['abc', 'abcdefghij.klmnop', 'a.b.c.d', 'abc.d$f.ghi']) {
      const list = problems('gateway', { DISCORD_TOKEN: token, DISCORD_CLIENT_ID: ID });
      expect(list).toEqual([expect.stringMatching(/^DISCORD_TOKEN is not shaped like a bot token/)]);
      expect(list[0]).not.toContain(token);
    }
    expect(problems('gateway', { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: ID })).toEqual([]);
  });

  it('never echoes the token, even when it is invalid', () => {
    const secret = 'Bot super-secret-value';
    const err = (() => {
      try {
        parseConfig('gateway', { DISCORD_TOKEN: secret, DISCORD_CLIENT_ID: ID });
      } catch (e) {
        return e as ConfigError;
      }
    })()!;
    expect(err.message).toMatch(/without the "Bot " prefix/);
    expect(err.message).not.toContain('super-secret-value');
  });

  it('asks each mode for what it needs', () => {
    expect(problems('http', { DISCORD_CLIENT_ID: ID })).toEqual([expect.stringMatching(/DISCORD_PUBLIC_KEY is not set/)]);
    expect(problems('http', { DISCORD_CLIENT_ID: ID, DISCORD_PUBLIC_KEY: 'ab'.repeat(32) })).toEqual([]);
    expect(problems('http', { DISCORD_CLIENT_ID: ID, DISCORD_PUBLIC_KEY: 'xyz' })).toEqual([expect.stringMatching(/64 hexadecimal/)]);
    expect(problems('deploy', { DISCORD_CLIENT_ID: ID })).toEqual([expect.stringMatching(/DISCORD_TOKEN is not set/)]);
  });
});

describe('npm start without configuration', () => {
  const start = (env: NodeJS.ProcessEnv) =>
    spawnSync('node', ['--import', 'tsx', 'src/main.ts'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: process.env.DATA_DIR, ENV_FILE: '/nonexistent', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  // One child process covers the exit path; the other cases are checked in-process above.
  it('explains how to configure and how to try it offline, and exits 1 without printing the token', () => {
    const r = start({ DISCORD_CLIENT_ID: '12345-abc', DISCORD_TOKEN: '  ' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DISCORD_TOKEN is not set/);
    expect(r.stderr).toMatch(/DISCORD_CLIENT_ID must be a Discord id/);
    expect(r.stderr).toMatch(/\.env\.example/);
    expect(r.stderr).toMatch(/npm run ask/);
    expect(r.stdout).toBe('');
  });
});
