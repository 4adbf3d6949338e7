// Runs one of the entry points built into node_modules/.cache/article-qa-bot/ (scripts/build.mjs) as
// if node ran it directly:
//   node scripts/run.mjs src/cli/ask.ts [args…]   →   node_modules/.cache/article-qa-bot/src/cli/ask.js [args…]
// A stale build never runs: when src/ is newer than the build, it is rebuilt first (a line on stderr
// says so), and when that fails this refuses to start.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_DIR, BUILD_NAME, ENTRIES, buildDist, staleReason } from './build.mjs';

const [entry] = process.argv.splice(2, 1);
if (!entry || !ENTRIES.includes(entry)) {
  process.stderr.write(`usage: node scripts/run.mjs ENTRY [args…], ENTRY one of ${ENTRIES.join(', ')}\n`);
  process.exit(2);
}
const stale = staleReason();
if (stale) {
  process.stderr.write(`${stale}: rebuilding it first (npm run build)\n`);
  try {
    await buildDist({ ifStale: true });
  } catch (err) {
    process.stderr.write(`Cannot start: ${BUILD_NAME}/ is stale and the build failed (${err instanceof Error ? err.message : String(err)}). Run npm install, then npm run build.\n`);
    process.exit(1);
  }
}
// BUILD_DIR links to the current build; resolving it once pins this process to that build.
const target = realpathSync(join(BUILD_DIR, entry.replace(/\.ts$/, '.js')));
process.argv[1] = target; // the entry's "am I the main module?" check sees itself
await import(pathToFileURL(target).href);
