// npm run report [-- --article SLUG --limit N --json]
// The most frequent questions the bot could not answer (or answered weakly, or that readers flagged
// with "this didn't answer me"), near-identical wordings grouped, from the curator database under
// DATA_DIR (default ./data), or from PostgreSQL when DATABASE_URL is set, as the bot reads it.
// RETENTION_DAYS applies as in the bot: older rows are purged on open.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnvFile } from '../discord/config.ts';
import { curatorOptionsFromEnv } from '../store/env.ts';
import { formatReport, reportJson } from '../store/format.ts';
import { openStore } from '../store/open.ts';
import { writerLog } from '../store/store.ts';

const USAGE = 'Usage: npm run report [-- --article SLUG] [--limit N] [--json]';

interface Args {
  article?: string;
  limit: number;
  json: boolean;
}

/** Where the command reads its arguments and settings and writes its output (tests pass their own). */
export interface ReportIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => unknown;
  stderr: (text: string) => unknown;
}

/** A bad argument or setting: the message and the usage on stderr, exit 2. */
class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

function parseArgs(argv: string[]): Args | 'help' {
  const args: Args = { limit: 20, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value.`);
    if (flag === '--json') args.json = true;
    else if (flag === '--article') args.article = value();
    else if (flag === '--limit') {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 1000) fail(`--limit must be a whole number from 1 to 1000 (got "${v}").`);
      args.limit = n;
    } else if (flag === '--help' || flag === '-h') return 'help';
    else fail(`Unknown argument "${a}".`);
  }
  return args;
}

/** The whole command; returns the exit code (0, 1 for an unusable database, 2 for bad input). */
export async function runReport(io: ReportIo): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(io.argv);
    if (args === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    loadEnvFile(io.env);
    const env = curatorOptionsFromEnv(io.env);
    if (!env.ok) fail(env.problems.join('\n'));
    const databaseUrl = io.env.DATABASE_URL?.trim();
    const store = await openStore({ ...env.options, ...(databaseUrl ? { databaseUrl } : {}), log: writerLog(io.stderr) });
    // The store has already said what is wrong on stderr.
    if (!store.healthy) {
      await store.close();
      return 1;
    }
    const groups = await store.unansweredReport({ article: args.article, limit: args.limit });
    await store.close();
    if (args.json) io.stdout(`${reportJson(groups)}\n`);
    else {
      const scope = args.article ? ` about ${args.article}` : '';
      io.stdout(`Unanswered questions${scope} (${store.path}):\n\n${formatReport(groups)}\n`);
    }
    return 0;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`${err.message}\n${USAGE}\n`);
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runReport({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => (process.exitCode = code));
}
