// The load benchmark stays runnable: a short run against a real `serve` child, every response
// checked. Figures here mean nothing (tiny window, shared CPU); `npm run bench:http` measures.
import { describe, expect, it } from 'vitest';
import { formatHttpBenchTable, runHttpBench } from '../src/cli/bench-http.ts';

describe('bench-http', () => {
  it('drives PING, /ask and autocomplete with signed requests and checks the answers', async () => {
    const report = await runHttpBench({ connections: [2], workers: 1, durationSeconds: 0.5, warmupSeconds: 0, log: () => {} });
    expect(report.rows.map((r) => r.scenario)).toEqual(['ping', 'ask', 'autocomplete']);
    for (const row of report.rows) {
      expect(row.requests, row.scenario).toBeGreaterThan(10);
      expect(row.errors, row.scenario).toBe(0);
    }
    const ask = report.rows.find((r) => r.scenario === 'ask')!;
    expect(ask.correct / ask.requests).toBeGreaterThan(0.8);
    expect(report.rows.find((r) => r.scenario === 'ping')!.correct).toBe(report.rows[0]!.requests);
    const table = formatHttpBenchTable(report);
    expect(table).toMatch(/\| \/ask +\| +1 \| +2 \|/);
    expect(table).toMatch(/vs ping/);
  }, 30_000);
});
