// Property: the `ask --json` contract. N arbitrary lines in (carriage returns, U+2028, NUL, lone
// surrogates, 20,000-character lines, empty lines), exactly N JSON lines out, in order, each the
// answer to its own line. One process answers the whole batch, as the scorer runs it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileLine } from './helpers/hostile.ts';

const root = join(import.meta.dirname, '..');
/** Lines per batch; one batch is one `ask --json` process. */
const LINES = Number(process.env.PROPS_ASK_LINES ?? 600);

function askJson(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr }));
    child.stdin.end(input, 'utf8');
  });
}

/** What a line reads as once it went through stdin as UTF-8 (a lone surrogate becomes U+FFFD). */
const viaUtf8 = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

/** Lines as they arrive: hostile ones, empty ones, CRLF endings, and a few with a stray "\r" inside. */
const line = fc.oneof(
  { weight: 10, arbitrary: hostileLine },
  { weight: 1, arbitrary: fc.constantFrom('', '\r', ' ', '\u0000', '\u2028', '\u2029', '\r\u2028\r', 'Who did Ma Zhaoxu meet?\r') },
);

describe('ask --json, hostile lines (property-based)', () => {
  it('answers N arbitrary lines with exactly N JSON lines, in order', async () => {
    let lines = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: LINES, maxLength: LINES }), fc.boolean(), async (drawn, finalNewline) => {
        // The first lines come again at the end: the same question must get the same answer.
        const batch = [...drawn, ...drawn.slice(0, 25)];
        lines += batch.length;
        const input = batch.join('\n') + (finalNewline ? '\n' : '');
        const res = await askJson(input);
        expect(res.stderr).toBe('');
        expect(res.code).toBe(0);
        expect(res.stdout.endsWith('\n')).toBe(true);
        const out = res.stdout.slice(0, -1).split('\n');
        // A last line with no newline is still a line; an empty last line without one is not.
        const expected = finalNewline || batch[batch.length - 1] !== '' ? batch : batch.slice(0, -1);
        expect(out).toHaveLength(expected.length);
        const byQuestion = new Map<string, string>();
        out.forEach((json, i) => {
          const a = JSON.parse(json) as { question: string; found: boolean; answer: unknown; reason?: string; alternatives: unknown[] };
          // In order, each line's own answer: the question comes back as sent ("\r\n" reads as "\n").
          expect(a.question).toBe(viaUtf8(expected[i]!).replace(/\r$/, ''));
          expect(typeof a.found).toBe('boolean');
          expect(Array.isArray(a.alternatives)).toBe(true);
          if (!a.found) expect(a.answer === null && typeof a.reason === 'string').toBe(true);
          const before = byQuestion.get(a.question);
          if (before !== undefined) expect(json).toBe(before);
          byQuestion.set(a.question, json);
        });
      }),
      // One run is one process answering LINES lines (PROPS_ASK_RUNS for more batches).
      { numRuns: Number(process.env.PROPS_ASK_RUNS ?? 1), endOnFailure: true },
    );
    console.log(`props-ask-json: ${lines} hostile lines through ask --json`);
  }, 60_000);
});
