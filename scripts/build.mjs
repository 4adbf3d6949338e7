// The production build (issue 14): npm start, npm run serve and npm run ask run the JavaScript bundled
// here into node_modules/.cache/article-qa-bot/ (BUILD_DIR), not TypeScript compiled on every start by
// tsx. It lives under node_modules/ so that it is never part of the checkout: `npm ci` leaves nothing
// but node_modules/ behind, and removing node_modules/ removes the build with what it was built for. esbuild bundles our own code (src/
// and commands/) and leaves every package in node_modules external; it only strips types, which
// `npm run typecheck` and the tests check. `npm install` / `npm ci` run it ("prepare").
//
//   node scripts/build.mjs              build now
//   node scripts/build.mjs --if-stale   build only when src/ (or the build itself) is newer than the build
//
// A build is written to a folder of its own under BUILDS, under a lock, and put in place by renaming a
// symlink over BUILD_DIR: rename(2) is atomic, so a process starting during a rebuild sees the old
// build or the new one, never none. A running process has resolved its own build's real path, so its
// later imports and worker threads keep reading the build it started with; the newest KEEP_BUILDS are
// kept for that.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** Where the build goes, and what messages call it. */
export const BUILD_NAME = 'node_modules/.cache/article-qa-bot';
export const BUILD_DIR = join(ROOT, ...BUILD_NAME.split('/'));
/** Written last by a build; its mtime is the moment that build started reading the sources. */
const STAMP = join(BUILD_DIR, '.built');
/** The builds BUILD_DIR points into, one folder each, named so that they sort oldest first. */
export const BUILDS = `${BUILD_DIR}.builds`;
const KEEP_BUILDS = 5;
const LOCK = `${BUILD_DIR}.lock`;
const LOCK_STALE_MS = 120_000;

/** What npm start, npm run serve and npm run ask run, by their source path, and the worker threads they start. */
export const ENTRIES = ['src/main.ts', 'src/discord/http/main.ts', 'src/cli/ask.ts', 'src/runtime/reload-worker.ts'];
/** Sources whose change makes the build stale. */
const SOURCES = ['src', 'commands', 'package.json', 'scripts/build.mjs'];

function newestMtime(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted or renamed file changes its folder's mtime
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Why the build cannot be run as it is, or undefined when it is current. */
export function staleReason() {
  const built = statSync(STAMP, { throwIfNoEntry: false });
  if (!built) return `${BUILD_NAME}/ has not been built`;
  for (const source of SOURCES) if (newestMtime(join(ROOT, source)) > built.mtimeMs) return `${source} is newer than ${BUILD_NAME}/`;
  return undefined;
}

async function bundle(outdir) {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outbase: '.',
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

function lock() {
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const st = statSync(LOCK, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

/** Builds BUILD_DIR (always, or with ifStale only when it is stale); returns whether it built. */
export async function buildDist({ ifStale = false } = {}) {
  lock();
  try {
    if (ifStale && !staleReason()) return false; // another process built it while this one waited
    const started = new Date();
    const name = `${String(started.getTime()).padStart(15, '0')}-${process.pid}`;
    const folder = join(BUILDS, name);
    const link = `${BUILD_DIR}.link.${process.pid}`;
    try {
      await bundle(folder);
      writeFileSync(join(folder, '.built'), `${started.toISOString()}\n`);
      utimesSync(join(folder, '.built'), started, started);
      rmSync(link, { force: true });
      symlinkSync(join(basename(BUILDS), name), link);
      // A build folder from before builds were linked cannot be renamed over; it goes first, once.
      if (lstatSync(BUILD_DIR, { throwIfNoEntry: false })?.isDirectory()) rmSync(BUILD_DIR, { recursive: true, force: true });
      renameSync(link, BUILD_DIR);
    } catch (err) {
      rmSync(folder, { recursive: true, force: true });
      throw err;
    } finally {
      rmSync(link, { force: true });
    }
    for (const old of readdirSync(BUILDS).sort().slice(0, -KEEP_BUILDS)) if (old !== name) rmSync(join(BUILDS, old), { recursive: true, force: true });
    return true;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const ifStale = process.argv.includes('--if-stale');
  const t = performance.now();
  if (await buildDist({ ifStale })) process.stderr.write(`built ${BUILD_NAME}/ (${ENTRIES.join(', ')}) in ${Math.round(performance.now() - t)} ms\n`);
  else if (!existsSync(BUILD_DIR)) process.exit(1);
}
