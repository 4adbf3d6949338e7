// The ask --json contract the scorer and other tools rely on: one JSON line per input line, in order.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAsk, toJson } from '../src/cli/ask.ts';
import type { Answer, Passage } from '../src/engine/types.ts';

const root = join(import.meta.dirname, '..');

/**
 * `ask --json` in this process, fed `input` on its stdin: runAsk is all the script runs besides the
 * process guards and the exit code. The exact command the scorer runs is spawned below.
 */
async function ask(input: string, args: string[] = [], env: NodeJS.ProcessEnv = { ...process.env, KNOWLEDGE_DIR: '' }) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  let stderr = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stdin.end(input);
  const status = await runAsk({ argv: ['--json', ...args], env, stdin, stdout, stderr: (t) => (stderr += t) });
  return { status, stdout: out, stderr, lines: out.split('\n').filter((l) => l.length) };
}

/** The command exactly as the scorer runs it: npm, --silent, the script, as a real process. */
function askNpm(input: string) {
  const res = spawnSync('npm', ['run', '--silent', 'ask', '--', '--json'], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ...res, lines: res.stdout.split('\n').filter((l) => l.length) };
}

const hostile = [
  '',
  '   ',
  'x'.repeat(20_000),
  'who is 🐉🐉🐉 prigozhin 👀',
  'מי זה פוטין? ‏‮reversed‬',
  'qin\u200b\u200bgang\u2060 met',
  'tab\there\u0000nul\u0007bell\u001b[31mred',
  'carriage\rreturn inside a line',
  '.*+?^${}()|[]\\ (((a+)+)+)$',
  "!^=$|' =exact 'include !exclude ^prefix suffix$ a|b",
  '@everyone @here <@123456789012345678> <@&987654321098765432> **bold** `code` ||spoiler||',
  '\u2028line\u2029separator',
  '"complex and grim"',
];

describe('npm run --silent ask -- --json', () => {
  it('answers every line, blank and hostile ones included, in order, with nothing else on stdout', async () => {
    const res = await ask(hostile.join('\n') + '\n');
    expect(res.status).toBe(0);
    expect(res.lines).toHaveLength(hostile.length);
    res.lines.forEach((line, i) => {
      const a = JSON.parse(line);
      expect(a.question).toBe(hostile[i]!.replace(/\r$/, ''));
      expect(typeof a.found).toBe('boolean');
      expect(Array.isArray(a.alternatives)).toBe(true);
      if (a.found) {
        expect(a.answer.text.length).toBeGreaterThan(0);
        expect(typeof a.answer.attribution).toBe('string');
        expect(a.answer.score).toBeGreaterThanOrEqual(0);
        expect(a.answer.score).toBeLessThanOrEqual(1);
      } else {
        expect(a.answer).toBeNull();
        expect(a.reason.length).toBeGreaterThan(0);
      }
    });
    expect(JSON.parse(res.lines[12]!).answer.attribution).toMatch(/Ma Zhaoxu/);
  });

  it('keeps to the exact command the scorer runs, and answers a last line with no newline', () => {
    const res = askNpm("Who did China's foreign minister meet?\nBelarus");
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.lines).toHaveLength(2);
    const first = JSON.parse(res.lines[0]!);
    expect(first.found).toBe(true);
    expect(first.answer.text).toContain('Andrey Rudenko');
    expect(first.alternatives.length).toBeGreaterThanOrEqual(2);
  });

  it('answers from another plain-text article with --article', async () => {
    const res = await ask('How much will the bridge cost?\nWho is Prigozhin?\n', ['--article', 'test/fixtures/harbour-article.txt']);
    expect(res.status).toBe(0);
    const [cost, prigozhin] = res.lines.map((l) => JSON.parse(l));
    expect(cost.answer.text).toContain('240 million dollars');
    expect(prigozhin.found).toBe(false);
  });

  it('exits non-zero with a clear message for a missing article file', async () => {
    const res = await ask('anything\n', ['--article', 'test/fixtures/no-such-file.txt']);
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/no-such-file\.txt/);
  });
});

describe('npm run ask with KNOWLEDGE_DIR naming a folder of packs', () => {
  it('answers across the library and names the article each answer came from', async () => {
    const res = await ask('How much will the bridge cost?\nWho did China’s foreign minister meet?\n', [], { ...process.env, KNOWLEDGE_DIR: 'test/fixtures/packs' });
    expect(res.status).toBe(0);
    const [bridge, china] = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(bridge.answer.article).toBe('harbour-bridge');
    expect(china.found).toBe(false);
  });
});

describe('the JSON answer carries the confidence band, the near miss and the article facet', () => {
  const p: Passage = { text: 'The project will cost 240 million dollars.', attribution: 'the finance office', speaker: 'the finance office', how: 'a report', paragraph: 3, paragraphLabel: '¶3', passageId: 4, key: 'bridgeK4', score: 0.5, matched: ['cost'], article: 'harbour-bridge' };
  const base: Answer = { question: 'q', found: false, answer: null, alternatives: [], missing: [], suggestions: [] };

  it('includes band, closest and about when the engine set them, and leaves them out otherwise', () => {
    expect(JSON.parse(toJson({ ...base, found: true, answer: p, band: 'high' }))).toMatchObject({ found: true, band: 'high' });
    expect(JSON.parse(toJson({ ...base, closest: p }))).toMatchObject({ found: false, answer: null, closest: { text: p.text, paragraphLabel: '¶3' } });
    expect(JSON.parse(toJson({ ...base, found: true, about: 'authors' })).about).toBe('authors');
    const plain = JSON.parse(toJson(base));
    for (const key of ['band', 'closest', 'about']) expect(plain).not.toHaveProperty(key);
  });

  it('passes through the band the real engine decides', async () => {
    const res = await ask('Who did Qin Gang meet in Beijing?\n');
    const line = JSON.parse(res.lines[0]!);
    expect(line.found).toBe(true);
    if ('band' in line) expect(['high', 'medium', 'low']).toContain(line.band);
  });
});
