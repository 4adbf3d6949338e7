// Everyday words the article uses only inside a name ("Man of the Match"): the name runs on through
// "of" and "the", so a question naming it keeps every word, even one chat questions use as filler ("man").
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.ts';
import { loadArticleFile } from '../src/knowledge/loader.ts';

const dir = mkdtempSync(join(tmpdir(), 'engine-name-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, 'cup.txt');
writeFileSync(
  file,
  [
    'Harbour draw with Northside in cup final',
    'The final between Harbour and Northside ended 2–2 on Saturday. After the match, fans of both clubs stayed to sing.',
    'Goalkeeper Sam Reed won the Budweiser Man of the Match award. He saved two penalties in the shoot-out.',
  ].join('\n\n') + '\n',
);
const engine = createEngine(loadArticleFile(file));

describe('a name with "of the" in it', () => {
  it.each(['who got man of the match', 'who won man of the match in the final'])('%s finds the award', (question) => {
    const a = engine.answer(question);
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('Man of the Match');
    expect(a.answer!.matched.map((m) => m.toLowerCase())).toContain('man');
  });

  it('still drops "man" as filler when the question names nothing of the name', () => {
    const a = engine.answer('man what was the score of the final');
    expect(a.answer?.matched.map((m) => m.toLowerCase()) ?? []).not.toContain('man');
  });
});
