// An engine over a made-up story, read from a real file in a temp dir, as `ask --article` reads one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { createEngine } from '../../src/engine/index.ts';
import { loadArticleFile } from '../../src/knowledge/loader.ts';

export function storyEngine(story: string): ReturnType<typeof createEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'story-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'story.txt');
  writeFileSync(file, story);
  return createEngine(loadArticleFile(file));
}

/** The engine finds an answer to `question`, and the answer's passage contains `expected`. */
export function expectAnswer(engine: { answer(question: string): { found: boolean; reason?: string; answer: { text: string } | null } }, question: string, expected: string): void {
  const a = engine.answer(question);
  expect(a.found, a.reason).toBe(true);
  expect(a.answer!.text).toContain(expected);
}
