// Pins the engine's answers on the curated seed article: right passage, right speaker, honest misses.
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../src/engine/index.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';

let engine: Engine;
beforeAll(() => {
  engine = createEngine(loadDefaultPack());
});

const found = (q: string) => {
  const a = engine.answer(q);
  expect(a.found, `${q} → ${a.reason}`).toBe(true);
  return a.answer!;
};

describe('answers from the curated seed article', () => {
  it.each([
    ["Who did China's foreign minister meet?", 'Qin Gang met in Beijing with Russian Deputy Foreign Minister Andrey Rudenko', /spokesperson/i],
    ['who called it an internal affair?', '“Russia’s internal affair,”', /spokesperson/i],
    ['complex and grim', '“complex and grim”', /Ma Zhaoxu/],
    ['What did Putin say in his TV address?', 'Putin spoke of “treason”', /Putin/],
    ['treason', 'Putin spoke of “treason”', /Putin/],
    ['Belarus', 'allowed to leave for Belarus', /Kremlin/],
    ['What did Xinhua report?', 'strongly condemned the incident', /Xinhua/],
    ['What did the Russian foreign ministry say on its website?', 'The Chinese side expressed support', /foreign ministry/i],
    ["what did russia's foreign ministry say about china", 'The Chinese side expressed support', /Russia’s foreign ministry/],
    ['wagner group leader', 'Wagner Group head Yevgeny Prigozhin', /Putin/],
  ])('%s', (question, passage, speaker) => {
    const a = found(question);
    expect(a.text).toContain(passage);
    expect(a.attribution).toMatch(speaker);
  });

  it('repairs typos in names', () => {
    expect(found('prigozin belarus').text).toContain('leave for Belarus');
    expect(found('xi jinpng putin trust').text).toContain('Mutual political trust');
  });

  it('answers the parts of the page that are not body text', () => {
    expect(found('headline').paragraphLabel).toBe('headline');
    expect(found('Who helped write the article?').text).toContain('With assistance from Jing Li and Xiao Zibang');
  });

  it('gives each passage its paragraph, a confidence in 0..1 and the words that matched', () => {
    const a = engine.answer('When did Xi visit Putin in Moscow?');
    expect(a.answer!.text).toContain('visited him in Moscow in March');
    expect(a.answer!.paragraphLabel).toBe('¶9');
    expect(a.answer!.matched).toEqual(expect.arrayContaining(['Xi', 'Moscow']));
    const scores = [a.answer!, ...a.alternatives].map((p) => p.score);
    for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
    for (const s of scores) expect(s).toBeLessThanOrEqual(1);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });
});

describe('says so when the article does not cover a question', () => {
  it.each([
    ['What did Joe Biden say?', /Joe|Biden/],
    ['What did Zelensky say about the revolt?', /Zelensky/],
    ['What is the capital of France?', /France/],
    ['tell me a joke', /joke/],
    ['How many soldiers does Wagner have?', /figure|soldiers/],
    ['What is the GDP of China?', /GDP|gdp/],
    ['qwertyuiop', /qwertyuiop/],
    ["Who is Prigozhin's lawyer?", /mentions “Prigozhin” but says nothing about “lawyer”/],
    ['Where does Xi Jinping live?', /“live”/],
    ['Did Xi call Putin on the phone?', /“phone”/],
    ['What did the United Nations say?', /United Nations/],
    ['What time is it?', /time/],
  ])('%s', (question, missing) => {
    const a = engine.answer(question);
    expect(a.found).toBe(false);
    expect(a.answer).toBeNull();
    expect(a.reason).toMatch(missing);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('refuses empty and punctuation-only questions with a reason', () => {
    for (const q of ['', '   ', '???', '!^=$|']) {
      const a = engine.answer(q);
      expect(a.found).toBe(false);
      expect(a.reason).toMatch(/no words/);
    }
  });
});
