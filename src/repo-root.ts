// The checkout's root: the nearest folder above this file with a package.json. Found rather than
// written as '../..', so the same code finds knowledge/ whether it runs from src/ (tsx) or from the
// precompiled node_modules/.cache/article-qa-bot.builds/<build>/src/ (npm run build), four folders
// deeper (no package.json sits in node_modules/ or its .cache/).
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

/** Where scripts/build.mjs keeps the production builds (its BUILDS); BUILD_NAME links to the newest. */
const BUILDS = join(REPO_ROOT, 'node_modules', '.cache', 'article-qa-bot.builds');

/**
 * The build this code runs from (node resolves the link to the build's own folder), or undefined
 * under tsx. Workers start from the same build as their process, even after a rebuild.
 */
const OWN_BUILD = (() => {
  const here = dirname(fileURLToPath(import.meta.url));
  if (!here.startsWith(BUILDS + sep)) return undefined;
  return join(BUILDS, here.slice(BUILDS.length + 1).split(sep)[0]!);
})();

/** True when this code runs from the production build (scripts/build.mjs), not from src/ under tsx. */
export const BUILT = OWN_BUILD !== undefined;

/**
 * How to start a worker thread whose code is `source` (a path from the root, "src/….ts", listed in
 * ENTRIES of scripts/build.mjs), as `new Worker(script, { eval })`: the built .js, or the .ts
 * itself behind tsx's loader, registered inside the worker (a worker's execArgv cannot take
 * `--import`, and one started under vitest has no loader at all).
 */
export function workerScript(source: string): { script: string; eval: boolean } {
  if (OWN_BUILD) return { script: join(OWN_BUILD, source.replace(/\.ts$/, '.js')), eval: false };
  const tsx = pathToFileURL(join(dirname(createRequire(join(REPO_ROOT, 'package.json')).resolve('tsx')), 'esm', 'api', 'index.mjs')).href;
  const file = pathToFileURL(join(REPO_ROOT, source)).href;
  return { script: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file)}); })`, eval: true };
}
