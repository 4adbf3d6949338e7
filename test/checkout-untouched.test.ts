// Issue 12, 9a: the suite never writes into the checkout. Every spawned bot inherits the run's temp
// DATA_DIR (testing/temp-data-dir.ts); this checks the variable is set and points outside the tree.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;

describe('tests and the checkout', () => {
  it('run with a DATA_DIR outside the checkout', () => {
    const dir = process.env.DATA_DIR;
    expect(dir).toBeTruthy();
    expect(resolve(dir!).startsWith(resolve(ROOT))).toBe(false);
  });
});
