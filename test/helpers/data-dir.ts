// Temporary DATA_DIRs for the curator database tests, removed after each test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { StoreLog } from '../../src/store/store.ts';

export function tempDataDirs(): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), 'curator-'));
    made.push(d);
    return d;
  };
}

/** A log that keeps its lines for assertions. */
export function captureLog(): StoreLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (m) => lines.push(`WARN ${m}`), info: (m) => lines.push(`INFO ${m}`) };
}
