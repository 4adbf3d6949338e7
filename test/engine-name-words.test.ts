// Words inside names: a name the article writes with "of the" in it ("Record of the Year") is one name in
// the term index, so a question naming it keeps its everyday words; and letters NFKD leaves whole
// ("ØNE PILØTS") fold so a name typed on a plain keyboard matches.
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
    'Harbour singer wins two awards',
    'Mira Holt won the Record of the Year award on Saturday for her song Tides. The gala, held at the harbour, ran late.',
    'Her album Salt won the Album of the Year award. She thanked her band.',
  ].join('\n\n') + '\n',
);
const engine = createEngine(loadArticleFile(file));

describe('a name with "of the" in it', () => {
  it('keeps an everyday word the article uses only in that name when the question names the rest of it', () => {
    const a = engine.answer('who won record of the year');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('Record of the Year');
    expect(a.answer!.matched.map((m) => m.toLowerCase())).toContain('record');
  });

  it('still drops that word when the question names nothing else of the name', () => {
    const a = engine.answer('what record did the gala set');
    expect(a.answer?.matched.map((m) => m.toLowerCase()) ?? []).not.toContain('record');
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
