// Words inside names: an everyday word the article uses only inside a name ("Man of the Match") runs on
// through "of" and "the", so a question naming it keeps every word, even chat filler ("man"); and letters
// NFKD leaves whole ("ØNE PILØTS") fold so a name typed on a plain keyboard matches.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.ts';
import { fold, tokenize } from '../src/engine/text.ts';
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

describe('letters that do not decompose', () => {
  it('folds Ø, Ł and đ one for one, so a stylised name matches as typed on a keyboard', () => {
    expect(fold('TWENTY ØNE PILØTS in Łódź')).toBe('TWENTY ONE PILOTS in Lodz');
    const tokens = tokenize('TWENTY ØNE PILØTS');
    expect(tokens.map((t) => [t.word, t.start])).toEqual([['twenty', 0], ['one', 7], ['pilots', 11]]);
  });

  it('answers a question about a stylised band name typed plainly', () => {
    const band = join(dir, 'band.txt');
    writeFileSync(band, 'Duo wins award\n\nThe duo TWENTY ØNE PILØTS won Best Pop Duo for their song Stressed Out. The host tripped on the stairs.\n');
    const a = createEngine(loadArticleFile(band)).answer('what did twenty one pilots win');
    expect(a.answer!.text).toContain('Best Pop Duo');
    expect(a.answer!.matched).toEqual(expect.arrayContaining(['ØNE', 'PILØTS']));
  });
});
