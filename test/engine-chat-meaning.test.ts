// Chat questions read for what they mean, on articles written here: a measure after "how" is not a
// subject, "the french guy" is the Frenchman the article names, and "the name of the X" needs a name.
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
import { buildPassages } from '../src/engine/passages.ts';
import { buildEngineParts, questionRanker } from '../src/engine/create-engine.ts';

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

describe('"the name of the X" is refused when the article never names X', () => {
  const engine = article('names', 'Port Strike Ends\n\nA union spokesperson, who asked reporters for patience, said the strike at the port had ended.\n\nPort director Anna Kowalczyk said ships would sail again on Monday.\n\nThe strike was the longest since the Harbour Bridge opened.\n');

  it('refuses, and offers the passage as the closest, when the one asked about goes unnamed', () => {
    const a = engine.answer('anyone know the name of the union spokesperson who said the strike ended');
    expect(a.found).toBe(false);
    expect(a.reason).toBe('The article does not name the spokesperson.');
    expect(a.closest?.text).toContain('union spokesperson');
  });

  it.each([
    ['what is the name of the port director', 'Anna Kowalczyk'],
    ["what's the bridge's name", 'Harbour Bridge'],
  ])('answers when the name is there: %s', (question, name) => {
    const a = engine.answer(question);
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain(name);
  });
});

describe('"how long" wants a length of time, and "the pair" means the people just named', () => {
  const trial = article('trial', 'Trial Opens\n\nJohn Miller, 42, and his wife Ann Miller, 39, went on trial in Leeds on Monday.\n\nThe inquiry into the bridge collapse took three weeks.\n');

  it('refuses "how long" when the passage on the subject has only ages, and answers it where a duration is', () => {
    const refused = trial.answer('how long is the trial in leeds');
    expect(refused.found).toBe(false);
    expect(refused.reason).toBe('The article does not say how long.');
    const answered = trial.answer('how long was the inquiry into the collapse');
    expect(answered.found).toBe(true);
    expect(answered.answer!.text).toContain('three weeks');
  });

  it('resolves "the pair" in a sentence that names only a place', () => {
    const file = join(dir, 'pair.txt');
    writeFileSync(file, 'Talks Held\n\nForeign Minister Jean Dupont met Deputy Minister Sara Okonkwo on Monday.\n\nA statement from Paris said the pair had agreed to meet again.\n');
    const records = buildPassages(loadArticleFile(file));
    // As the sentence's own words: "the pair" stands for them, so they are not a related word's guess.
    expect(records.find((r) => r.text.includes('the pair'))!.referents).toEqual(expect.arrayContaining(['Minister Jean Dupont', 'Deputy Minister Sara Okonkwo']));
  });

  it('keeps a pronoun\'s referent, a guess at the last names seen, among the related words', () => {
    const file = join(dir, 'pronoun.txt');
    writeFileSync(file, 'Talks Held\n\nForeign Minister Jean Dupont met Deputy Minister Sara Okonkwo on Monday.\n\nShe said they had agreed to meet again.\n');
    const said = buildPassages(loadArticleFile(file)).find((r) => r.text.startsWith('She said'))!;
    expect(said.referents).toBeUndefined();
    expect(said.expansion).toContain('Dupont');
  });

  it('matches the names "the pair" stands for as words of the sentence itself', () => {
    const file = join(dir, 'talks.txt');
    writeFileSync(file, 'Talks Held\n\nThe visit came after Foreign Minister Jean Dupont met in Paris with Deputy Minister Sara Okonkwo.\n\nA statement from Paris said the pair had discussed trade and security.\n');
    const ranker = questionRanker(buildEngineParts(loadArticleFile(file)));
    const { ranked } = ranker.rank(ranker.analyse('what did jean dupont and sara okonkwo discuss'));
    const pair = ranked.find((s) => ranker.records[s.id]!.text.includes('the pair'))!;
    expect([...pair.matchedStems]).toEqual(expect.arrayContaining(['dupont', 'okonkwo', 'discuss']));
  });
});

describe('questions about the article itself, padded the way chat pads them', () => {
  const engine = article('padded', 'Library Reopens\n\nThe city library reopened on Saturday after a renovation that added a roof garden.\n');
  it.each(['who wrote the article lol', 'ok so whats this story about tbh', 'tldr pls'])('%s is answered from the meta', (question) => {
    const a = engine.answer(question);
    expect(a.about).toBeDefined();
  });
});

describe('a preposition the article lacks is never a missing subject', () => {
  it('answers "across spain" from a passage that says "in Spain"', () => {
    const engine = article('protests', 'Protests Spread\n\nFarmers protested in Spain on Monday against new water rules.\n');
    const a = engine.answer('why were farmers protesting across spain');
    expect(a.found).toBe(true);
    expect(a.missing).toEqual([]);
    expect(analyseQuestion('protests across spain', new Vocabulary(new Set(['across']))).groups.map((g) => g.word)).toContain('across');
  });
});
