// The backlog rule's arithmetic (src/discord/backlog.ts) as properties: no deferral without a
// backlog, monotone in the backlog, cheap kinds never deferred, and measurements that never poison
// the estimate. The rule through the real client is test/gateway-backlog.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBacklog } from '../src/discord/backlog.ts';

const RUNS = { numRuns: 2000 };
const ms = fc.double({ min: 0, max: 50, noNaN: true });
const kinds = fc.constantFrom('2:ask', '2:help', '3:ask:more', '4:ask');

describe('createBacklog', () => {
  it('with a fixed cost, defers exactly when waiting × cost exceeds the budget', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), kinds, (waiting, cost, budget, kind) => {
        const b = createBacklog({ fixedCostMs: cost, budgetMs: budget });
        expect(b.shouldDefer(waiting, kind)).toBe(waiting * cost > budget);
      }),
      RUNS,
    );
  });

  it('never defers with nothing else waiting, and once it defers at n waiting it defers at more', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(kinds, ms), { maxLength: 60 }), fc.nat(2000), fc.nat(2000), kinds, (work, a, extra, kind) => {
        let busy = 0;
        const b = createBacklog({}, () => busy);
        for (const [k, t] of work) {
          busy += t + 0.2;
          b.worked(k, t);
          b.turn();
        }
        expect(b.shouldDefer(0, kind)).toBe(false);
        if (b.shouldDefer(a, kind)) expect(b.shouldDefer(a + extra, kind)).toBe(true);
        expect(Number.isFinite(b.costMs) && b.costMs >= 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('never defers a kind whose own work stays below minWorkMs, however long the queue', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.04, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.nat(100_000), (samples, waiting) => {
        const b = createBacklog({ minWorkMs: 0.05 });
        for (const t of samples) b.worked('2:help', t);
        expect(b.shouldDefer(waiting, '2:help')).toBe(false);
      }),
      RUNS,
    );
  });

  it('one slow sample (a GC pause) does not make a cheap kind look like work', () => {
    const b = createBacklog({ minWorkMs: 0.05 });
    for (let k = 0; k < 20; k++) b.worked('2:help', 0.005);
    b.worked('2:help', 40);
    expect(b.shouldDefer(10_000, '2:help')).toBe(false);
    // A kind never measured is assumed to be work.
    expect(b.shouldDefer(10_000, '2:new')).toBe(true);
  });

  it('ignores impossible measurements', () => {
    const b = createBacklog({}, () => Number.NaN);
    for (const t of [Number.NaN, -1, Number.POSITIVE_INFINITY]) b.worked('2:ask', t);
    for (let k = 0; k < 100; k++) b.turn();
    expect(Number.isFinite(b.costMs)).toBe(true);
    expect(b.figures().workMs).toEqual({});
  });

  it('measures the transport share from the busy time per turn, less the work', () => {
    let busy = 0;
    const b = createBacklog({ costWeight: 1 }, () => busy);
    for (let k = 0; k < 64; k++) {
      busy += 0.3 + 0.5; // 0.3 ms transport, 0.5 ms the command
      b.worked('2:ask', 0.5);
      b.turn();
    }
    expect(b.figures().overheadMs).toBeCloseTo(0.3, 6);
    expect(b.costMs).toBeCloseTo(0.8, 6);
  });

  it('charges no turn with the busy time before the first one (start-up, loading the knowledge)', () => {
    let busy = 0;
    const b = createBacklog({ costWeight: 1 }, () => busy);
    busy += 5_000; // the boot: busy, but no interaction's cost
    for (let k = 0; k < 33; k++) {
      busy += 0.3 + 0.5;
      b.worked('2:ask', 0.5);
      b.turn();
    }
    expect(b.figures().overheadMs).toBeCloseTo(0.3, 6);
    expect(b.shouldDefer(100, '2:ask')).toBe(false);
  });
});
