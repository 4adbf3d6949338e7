// An engine over a made-up story, read from a real file in a temp dir, as `ask --article` reads one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createEngine } from '../../src/engine/index.ts';
import { loadArticleFile } from '../../src/knowledge/loader.ts';

export function storyEngine(story: string): ReturnType<typeof createEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'story-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'story.txt');
  writeFileSync(file, story);
  return createEngine(loadArticleFile(file));
}
