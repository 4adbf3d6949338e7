// Chat questions read for what they mean, on articles written here: a measure after "how" is not a
// subject, "the french guy" is the Frenchman the article names, and "besides X" means someone else.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.ts';
import { analyseQuestion } from '../src/engine/question.ts';
import { describedPeople } from '../src/engine/coreference.ts';
import { everydayRank } from '../src/engine/background.ts';
import { Vocabulary } from '../src/engine/fuzzy.ts';
import { loadArticleFile } from '../src/knowledge/loader.ts';

const dir = mkdtempSync(join(tmpdir(), 'engine-chat-meaning-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function article(name: string, text: string) {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, text);
  return createEngine(loadArticleFile(file));
}

const everyday = (w: string) => everydayRank(w) !== undefined;

describe('a measure after "how" only says what kind of answer is wanted', () => {
  const museum = article('museum', 'Museum Reopens\n\nThe city museum was closed for two years while builders repaired its roof.\n\nIt now stays open until 8 p.m. on Fridays.\n');

  it.each([
    ['how long was the museum closed', 'two years'],
    ['how late is the museum open on fridays', '8 p.m.'],
  ])('%s', (question, detail) => {
    const a = museum.answer(question);
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain(detail);
    expect(a.missing).toEqual([]);
  });

  it('keeps a measure of size, which is what the question is about', () => {
    const words = new Vocabulary(new Set(['bridge']));
    expect(analyseQuestion('how tall is the bridge', words).groups.map((g) => g.word)).toEqual(['tall', 'bridge']);
    expect(analyseQuestion('how long is the bridge closed', words).groups.map((g) => g.word)).toEqual(['bridge', 'closed']);
  });
});

describe('a describing word before "guy", "official" or "woman" stands for whom the article describes so', () => {
  const texts = ['French Foreign Minister Jean Dupont met Italian officials in Rome on Monday.', 'Dupont later travelled to Berlin for talks.', 'The Italian Foreign Ministry said the talks were useful.'];

  it('reads the appositive: the describing word, titles, then a name that is not everyday English', () => {
    const described = describedPeople(texts, [], everyday);
    expect(described('french')).toEqual(['dupont']);
    // "Italian Foreign Ministry" ends in everyday words: an organisation, not a person.
    expect(described('italian')).toEqual([]);
  });

  it("prefers the article's own description to a curator's alias", () => {
    const people = [{ name: 'Marie Laval', aliases: ['the French president'], role: 'President of France' }];
    expect(describedPeople(texts, people, everyday)('french')).toEqual(['dupont']);
    expect(describedPeople([], people, everyday)('french')).toEqual(['laval']);
  });

  it('answers "the french guy" with the passage about him that does not say "French"', () => {
    const engine = article('visit', `Ministers Meet\n\n${texts[0]}\n\n${texts[1]} ${texts[2]}\n`);
    const a = engine.answer('where did the french guy travel to');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('travelled to Berlin');
  });
});

describe('"besides X" asks for someone other than X', () => {
  const engine = article('council', 'Council Meeting\n\nMayor Elena Ruiz met Tom Becker on Monday to discuss the harbour.\n\nRuiz also met the engineer Sara Lind to discuss the harbour on Tuesday.\n');

  it('ranks the passage about someone else first', () => {
    const a = engine.answer('who did ruiz meet to discuss the harbour besides becker');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('Sara Lind');
    expect(analyseQuestion('who else besides becker, and when', new Vocabulary(new Set())).excluded).toEqual(['becker']);
  });

  it('without "besides" the same words find the first meeting', () => {
    const a = engine.answer('who did ruiz meet on monday to discuss the harbour');
    expect(a.answer!.text).toContain('Tom Becker');
  });
});
