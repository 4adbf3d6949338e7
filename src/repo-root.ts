// The checkout's root: the nearest folder above this file with a package.json. Found rather than
// written as '../..', so the same code finds knowledge/ whether it runs from src/ (tsx) or from the
// precompiled node_modules/.cache/article-qa-bot/src/ (npm run build), three folders deeper (no
// package.json sits in node_modules/ or its .cache/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const REPO_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
