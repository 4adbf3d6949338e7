// Causes of misses found on the harbour-bridge held-out chat set, fixed in general and tested on a pack
// written here (through the real `ingest`, as a curator starts): a headline a body sentence restates
// does not outrank that sentence.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../src/engine/index.ts';
import { loadPack } from '../src/knowledge/loader.ts';
import { ingest } from '../src/ingest/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'engine-chat-causes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = `School Board Approves Longer Lunch Break

The school board voted 5 to 4 on Wednesday to approve a longer lunch break at every secondary school, after a debate that ran for two months.

Parents' association chairwoman Ruth Okon told the board that pupils had too little time to eat. She said the group would watch how the change worked.

The change will cost the district about 90,000 dollars a year, according to its budget office.
`;

let engine: Engine;
beforeAll(async () => {
  const file = join(dir, 'lunch.txt');
  writeFileSync(file, ARTICLE);
  await ingest({ file, slug: 'lunch-break', out: dir, published: '2026-02-12', publisher: 'Test Gazette', markdown: false, forceNewDraft: false });
  engine = createEngine(loadPack(join(dir, 'lunch-break')));
});

describe('a headline restated by a body sentence ranks below it', () => {
  it.each([
    ['so did the lunch thing pass or nah', 'voted 5 to 4'],
    ['did the board approve the longer lunch break', 'voted 5 to 4'],
  ])('%s', (question, detail) => {
    const a = engine.answer(question);
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain(detail);
    // The headline is still offered, just after the sentence that says it in full.
    expect(a.alternatives.map((p) => p.text)).toContain('School Board Approves Longer Lunch Break');
  });

  it('keeps the headline first when it matches a word no body sentence has', () => {
    const a = engine.answer('what did the headline say about the lunch break');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toBe('School Board Approves Longer Lunch Break');
  });
});
