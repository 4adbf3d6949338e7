// Tests that spawn `npm start` or `npm run serve` run the precompiled build (scripts/run.mjs). Build
// it once here, before any file runs, when src/ is newer: otherwise each of those children would find
// it stale and rebuild it, several at once. In CI `npm ci` has built it already and this is a no-op.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`scripts/build.mjs --if-stale exited ${r.status}`);
}
