// The checkout's root: the nearest folder above this file with a package.json. Found rather than
// written as '../..', so the same code finds knowledge/ whether it runs from src/ (tsx) or from the
// precompiled dist/src/ (npm run build), one folder deeper.
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
