// The whole test run gets a throw-away DATA_DIR, so no test, in-process handler or spawned bot (they
// inherit the environment) writes its database into the checkout (issue 12, 9a). vitest.config.ts
// makes it and hands it to the workers; as globalSetup this file removes it after the run. A test
// that needs its own database still sets DATA_DIR itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = join(tmpdir(), 'article-qa-test-data-');

export function makeTestDataDir(): string {
  const dir = mkdtempSync(PREFIX);
  process.env.TEST_DATA_DIR = dir;
  return dir;
}

export default function setup(): () => void {
  return () => {
    const dir = process.env.TEST_DATA_DIR;
    if (dir?.startsWith(PREFIX)) rmSync(dir, { recursive: true, force: true });
  };
}
