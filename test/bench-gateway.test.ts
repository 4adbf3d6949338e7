// The gateway burst stays runnable: the bot as `npm start` runs it, in a child process, against the
// fake Discord in this process, with a small burst. Figures mean nothing here; `npm run bench` measures.
import { describe, expect, it } from 'vitest';
import { runGatewayBench } from '../src/cli/bench-gateway.ts';
import { DEFAULT_QUESTIONS, askAnswerMatches, benchQuestions } from '../src/cli/bench-common.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { chatInput } from '../testing/fake-discord/index.ts';

/**
 * How many of the burst's /ask the same engine answers right in process: the bench must deliver
 * exactly those answers, whatever the engine's quality on the question set it falls back to.
 */
async function rightInProcess(n: number): Promise<number> {
  const questions = benchQuestions(DEFAULT_QUESTIONS, () => {});
  const handle = createInteractionHandler({ knowledge: createKnowledgeStore(), cooldown: false });
  let right = 0;
  for (let k = 0; k < n; k++) {
    const q = questions[k % questions.length]!;
    if (askAnswerMatches(q, (await handle(chatInput('ask', { question: q.question }))).response)) right++;
  }
  return right;
}

describe('bench-gateway', () => {
  it('answers every interaction of a burst exactly once, correctly (edits after deferrals too), and times the first callback', async () => {
    const report = await runGatewayBench({ burst: 40, warmup: 10, settleMs: 8000, log: () => {} });
    const expected = { help: 40, ask: await rightInProcess(40) };
    expect(expected.ask).toBeGreaterThan(30);
    expect(report.rows.map((r) => r.scenario)).toEqual(['help', 'ask']);
    for (const r of report.rows) {
      expect(r.sent, r.scenario).toBe(40);
      expect(r.answered, r.scenario).toBe(40);
      expect(r.lost, r.scenario).toBe(0);
      expect(r.duplicates, r.scenario).toBe(0);
      // A deferral (the backlog rule, under load) must be followed by its answer's edit.
      expect(r.edited, r.scenario).toBe(r.deferred);
      expect(r.correct, r.scenario).toBe(expected[r.scenario]);
      expect(r.p50Ms).toBeGreaterThan(0);
      expect(r.p50Ms).toBeLessThanOrEqual(r.p99Ms);
      expect(r.perSecond).toBeGreaterThan(0);
      // /proc counts CPU in 10 ms clock ticks, and 40 cheap interactions can fall inside one: read, not > 0.
      if (process.platform === 'linux') expect(Number.isFinite(r.botCpuUs) && r.botCpuUs >= 0, `${r.scenario}: ${r.botCpuUs}`).toBe(true);
    }
  }, 60_000);
});
