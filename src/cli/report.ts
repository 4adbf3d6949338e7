// npm run report [-- --article SLUG --limit N --json]
// The most frequent questions the bot could not answer (or answered weakly, or that readers flagged
// with "this didn't answer me"), near-identical wordings grouped, from the curator database under
// DATA_DIR (default ./data). RETENTION_DAYS applies as in the bot: older rows are purged on open.
import { loadEnvFile } from '../discord/config.ts';
import { curatorOptionsFromEnv } from '../data/env.ts';
import { formatReport, reportJson } from '../data/format.ts';
import { openCuratorStore } from '../data/store.ts';

const USAGE = 'Usage: npm run report [-- --article SLUG] [--limit N] [--json]';

interface Args {
  article?: string;
  limit: number;
  json: boolean;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
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
    } else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`Unknown argument "${a}".`);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
loadEnvFile();
const env = curatorOptionsFromEnv(process.env);
if (!env.ok) fail(env.problems.join('\n'));
const store = openCuratorStore(env.options);
if (!store.healthy) {
  // openCuratorStore has already said what is wrong on stderr.
  process.exitCode = 1;
} else {
  const groups = store.unansweredReport({ article: args.article, limit: args.limit });
  store.close();
  if (args.json) process.stdout.write(`${reportJson(groups)}\n`);
  else {
    const scope = args.article ? ` about ${args.article}` : '';
    process.stdout.write(`Unanswered questions${scope} (${store.path}):\n\n${formatReport(groups)}\n`);
  }
}
