// Chat phrasings that only frame a question, on articles written here: "what does X think of Y" asks
// what X said, "anything"/"something" stand for whatever the article says, "what's up with X" asks
// about X, "eli5" and "give me the gist" ask for the summary. None of them is a missing subject.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.ts';
import { loadArticleFile } from '../src/knowledge/loader.ts';

const dir = mkdtempSync(join(tmpdir(), 'engine-chat-phrasing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function article(name: string, text: string, curated = false) {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, text);
  return createEngine({ ...loadArticleFile(file), ...(curated ? { curated: true } : {}) });
}

const TEXT =
  'Council Backs New Tram Line\n\n' +
  'The city council approved a new tram line on Tuesday after a long debate over its cost.\n\n' +
  'Mayor Lena Hoff said the line would cut traffic in the old town and open by 2027.\n\n' +
  'Shop owners on Mill Street said the building work would drive customers away for two years.\n\n' +
  'The line will cost 310 million euros, most of it paid by the national government.\n';

for (const curated of [false, true]) {
  describe(`framing words are not missing subjects (${curated ? 'a curated pack' : 'an article with no curation'})`, () => {
    const tram = article(curated ? 'tram-curated' : 'tram', TEXT, curated);

    it.each([
      ['what does hoff think', 'Mayor Lena Hoff said'],
      ["what's hoff's opinion", 'Mayor Lena Hoff said'],
      ['what did hoff believe', 'Mayor Lena Hoff said'],
      ['what do shop owners feel about the tram', 'Shop owners on Mill Street said'],
    ])('%s → what they said', (question, expected) => {
      const a = tram.answer(question);
      expect(a.found, a.reason).toBe(true);
      expect(a.answer!.text).toContain(expected);
    });

    it('"did they say anything about X" asks about X', () => {
      const a = tram.answer('did they say anything about the cost');
      expect(a.found, a.reason).toBe(true);
      expect(a.answer!.text).toMatch(/cost/);
    });

    it('"what\'s up with X" and "what\'s going on with X" ask about X', () => {
      for (const q of ["what's up with mill street", 'whats going on with mill street']) {
        const a = tram.answer(q);
        expect(a.found, `${q}: ${a.reason}`).toBe(true);
        expect(a.answer!.text).toContain('Mill Street');
      }
    });

    it('"eli5 X" asks to explain X, and "eli5" or "give me the gist" alone asks for the summary', () => {
      const a = tram.answer('eli5 the tram debate');
      expect(a.found, a.reason).toBe(true);
      expect(a.answer!.text).toContain('debate');
      for (const q of ['eli5', 'give me the gist', "what's the gist", 'explain this']) {
        const s = tram.answer(q);
        expect(s.found, q).toBe(true);
        expect(s.answer!.text, q).toContain('Council Backs New Tram Line');
      }
    });
  });
}

describe('a framing word never stands in for the subject', () => {
  const tram = article('tram-refuse', TEXT);
  it.each(['what does hoff think about the airport', "what's hoff's opinion on the airport", 'what happened to hoff at the airport'])('%s → refused, naming only the airport', (question) => {
    const a = tram.answer(question);
    expect(a.found).toBe(false);
    expect(a.reason).toBe('The article mentions “Hoff” but says nothing about “airport”.');
  });
});

describe('a long line of symbols and non-ASCII letters', () => {
  it('is read and answered, not backtracked on without end (the opening-filler pattern)', () => {
    const tram = article('tram-symbols', TEXT);
    // \W matches "ᴦ" too: the old pattern's groups could split such a line in every way before failing.
    const line = Array.from({ length: 120 }, () => '🐖ᴦ𓍃𞋇  #  ').join('');
    const a = tram.answer(line);
    expect(a.found).toBe(false);
    expect(tram.answer(`so why did the council back the tram ${'ᴦ# '.repeat(40)}`).question).toContain('council');
  });
});
