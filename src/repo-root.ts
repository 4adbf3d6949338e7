// The checkout's root: the nearest folder above this file with a package.json. Found rather than
// written as '../..', so the same code finds knowledge/ whether it runs from src/ (tsx) or from the
// precompiled node_modules/.cache/article-qa-bot/src/ (npm run build), three folders deeper (no
// package.json sits in node_modules/ or its .cache/).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const REPO_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** Where scripts/build.mjs writes the production build (its BUILD_NAME). */
const BUILD_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'article-qa-bot');

/** True when this code runs from the production build (scripts/build.mjs), not from src/ under tsx. */
export const BUILT = `${dirname(fileURLToPath(import.meta.url))}${sep}`.startsWith(BUILD_DIR + sep);

/**
 * How to start a worker thread whose code is `source` (a path from the root, "src/….ts", listed in
 * ENTRIES of scripts/build.mjs), as `new Worker(script, { eval })`: the built .js, or the .ts
 * itself behind tsx's loader, registered inside the worker (a worker's execArgv cannot take
 * `--import`, and one started under vitest has no loader at all).
 */
export function workerScript(source: string): { script: string; eval: boolean } {
  if (BUILT) return { script: join(BUILD_DIR, source.replace(/\.ts$/, '.js')), eval: false };
  const tsx = pathToFileURL(join(dirname(createRequire(join(REPO_ROOT, 'package.json')).resolve('tsx')), 'esm', 'api', 'index.mjs')).href;
  const file = pathToFileURL(join(REPO_ROOT, source)).href;
  return { script: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file)}); })`, eval: true };
}
