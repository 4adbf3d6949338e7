// `npm start` when Discord cannot be reached (DISCORD_API_URL at a closed port): one error line that
// says where it tried and what to check, no stack trace, exit code 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'bot-unreachable-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A port nothing listens on: bound once by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm start with Discord unreachable', () => {
  it('logs one line with a hint and exits 1', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api`;
    const r = spawnSync(process.execPath, ['scripts/run.mjs', 'src/main.ts'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ENV_FILE: '/nonexistent', DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.ZmFrZQ.c2VjcmV0LXBhcnQtb2YtdGhl', DISCORD_CLIENT_ID: '1100000000000000001', DISCORD_API_URL: apiUrl, DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const errors = r.stderr.split('\n').filter((l) => /"level":"error"/.test(l));
    expect(errors, r.stderr).toHaveLength(1);
    expect(errors[0]).toContain(`Could not reach Discord at ${apiUrl} (connect ECONNREFUSED`);
    expect(errors[0]).toMatch(/Check the network connection, and DISCORD_API_URL/);
    expect(r.stderr).not.toMatch(/"stack"|\\n\s+at /);
    expect(r.status).toBe(1);
  }, 90_000);
});
