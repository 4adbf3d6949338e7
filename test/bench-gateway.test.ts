// The gateway burst stays runnable: the bot as `npm start` runs it, in a child process, against the
// fake Discord in this process, with a small burst. Figures mean nothing here; `npm run bench` measures.
import { describe, expect, it } from 'vitest';
import { runGatewayBench } from '../src/cli/bench-gateway.ts';

describe('bench-gateway', () => {
  it('answers every interaction of a burst exactly once, correctly, and times the first callback', async () => {
    const report = await runGatewayBench({ burst: 40, warmup: 10, settleMs: 8000, log: () => {} });
    expect(report.rows.map((r) => r.scenario)).toEqual(['help', 'ask']);
    for (const r of report.rows) {
      expect(r.sent, r.scenario).toBe(40);
      expect(r.answered, r.scenario).toBe(40);
      expect(r.lost, r.scenario).toBe(0);
      expect(r.duplicates, r.scenario).toBe(0);
      expect(r.deferred, r.scenario).toBe(0);
      expect(r.correct, r.scenario).toBe(40);
      expect(r.p50Ms).toBeGreaterThan(0);
      expect(r.p50Ms).toBeLessThanOrEqual(r.p99Ms);
      expect(r.perSecond).toBeGreaterThan(0);
      if (process.platform === 'linux') expect(r.botCpuUs, r.scenario).toBeGreaterThan(0);
    }
  }, 60_000);
});
