// Chat questions say in idioms and other word forms what an article says plainly: "passing around" for
// "sharing", "meet" for "met", "big" for "biggest", "anyone else besides X", "who is X". All on
// articles written here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.ts';
import { analyseQuestion } from '../src/engine/question.ts';
import { Vocabulary } from '../src/engine/fuzzy.ts';
import { loadArticleFile } from '../src/knowledge/loader.ts';
import { irregularForms, sibilantPlurals, superlatives } from '../src/engine/word-forms.ts';
import { stemWord } from '../src/engine/text.ts';

const dir = mkdtempSync(join(tmpdir(), 'engine-chat-idioms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function article(name: string, text: string) {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, text);
  return createEngine(loadArticleFile(file));
}

describe('forms of one word the stemmer does not join', () => {
  it('joins irregular verb forms both ways', () => {
    expect(irregularForms('meet')).toContain(stemWord('met'));
    expect(irregularForms('met')).toContain(stemWord('meet'));
    expect(irregularForms('fought')).toContain(stemWord('fight'));
    expect(irregularForms('table')).toEqual([]);
  });

  it('joins an adjective and its superlative when the article has it', () => {
    const has = (w: string) => ['biggest', 'late', 'early', 'largest'].includes(w);
    expect(superlatives('big', has)).toEqual([stemWord('biggest')]);
    expect(superlatives('latest', has)).toEqual([stemWord('late')]);
    expect(superlatives('earliest', has)).toEqual([stemWord('early')]);
    expect(superlatives('large', has)).toEqual([stemWord('largest')]);
    // Never a stop word: "forest" is no superlative of "for".
    expect(superlatives('forest', (w) => w === 'for')).toEqual([]);
  });

  it('joins a plural in -es and its singular, which the stemmer parts, when the article writes the other', () => {
    expect(sibilantPlurals('buses', (w) => w === 'bus')).toEqual([stemWord('bus')]);
    expect(sibilantPlurals('bus', (w) => w === 'buses')).toEqual([stemWord('buses')]);
    expect(sibilantPlurals('gases', (w) => w === 'gas')).toEqual([stemWord('gas')]);
    // "houses" is "house" to the stemmer already; "hous" is no word an article writes.
    expect(sibilantPlurals('houses', (w) => w === 'house')).toEqual([]);
    // Never a stop word: "this" is no singular of anything.
    expect(sibilantPlurals('this', () => true)).toEqual([]);
    const depot = article('depot', 'Depot Reopens\n\nEvery bus left the depot on time on Monday.\n\nThe canteen closed at noon.\n');
    const a = depot.answer('r the buses running on time');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('Every bus');
  });

  it('a question in one form finds the sentence in the other', () => {
    const town = article('town', 'Town Meeting\n\nThe mayor met the fire chief on Monday.\n\nThe flood was the biggest disaster in the town for a century.\n\nThe council will build a bigger pump house next year.\n');
    expect(town.answer('who did the mayor meet').answer?.text).toContain('fire chief');
    expect(town.answer('how big of a deal was the flood').answer?.text).toContain('biggest disaster');
  });
});

describe('"come back" and "come from" are read as the plain words an article uses', () => {
  const marsh = article('marsh', 'Birds in the Marsh\n\nThe cranes returned to the marsh this spring after a decade away.\n\nThe geese arrived from a lake in the north, the warden said.\n\nWinters here come with a cold wind that can last for weeks.\n');

  it('"came back" is "returned", and "come from" is "arrived from"', () => {
    const q = analyseQuestion('wait the birds came back??', new Vocabulary(new Set(['returned', 'birds']), new Set([stemWord('returned'), stemWord('birds')])));
    expect(q.groups.find((g) => g.word === 'came')?.stems.map((s) => s.stem)).toContain(stemWord('returned'));
    expect(q.groups.find((g) => g.word === 'came')?.known).toBe(true);
    expect(marsh.answer('wait the cranes came back??').answer?.text).toContain('cranes returned');
    expect(marsh.answer('where did the geese come from').answer?.text).toContain('arrived from a lake');
  });
});

describe('chat openers and spellings', () => {
  const vocab = (...words: string[]) => new Vocabulary(new Set(words), new Set(words.map(stemWord)));
  const depot = article('depot-strike', 'Depot Strike\n\nDrivers walked out because split shifts kept them at work for 14 hours.\n\nUnion chair Rosa Lind will meet managers tomorrow.\n\nThe depot charges a fee for parking.\n');

  it('"how come" and "so why", "ok but who" ask what "why" and "who" ask', () => {
    const v = vocab('drivers', 'strike', 'union');
    expect(analyseQuestion('how come the drivers went on strike', v).type).toBe('why');
    expect(analyseQuestion('srsly why did they strike', v).type).toBe('why');
    expect(analyseQuestion('ok but who is the union leader', v).type).toBe('who');
    // A question word after real words is no opener: "the union said why" asks about the union.
    expect(analyseQuestion('the union said why', v).type).toBe('any');
    expect(depot.answer('how come the drivers walked out').answer?.text).toContain('because split shifts');
  });

  it('"in charge of" asks who leads, and "tmrw", "rly", "wtf" are read as words or filler, never missing', () => {
    const a = depot.answer("who's in charge of the union");
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('Union chair Rosa Lind');
    const b = depot.answer('wtf is the union rly doing tmrw');
    expect(b.found).toBe(true);
    expect(b.answer!.text).toContain('tomorrow');
    expect(b.missing).toEqual([]);
  });
});

describe('idioms are read as the plain words an article uses', () => {
  const square = article('square', 'Flooded Square\n\nResidents were sharing photos of the flooded square on social media.\n\nThe council passed a new budget for flood defences on Tuesday.\n\nThe union condemned the closure of the harbour office.\n\nThe union met managers on Friday to talk about the harbour office.\n');

  it('"passing around" is sharing, not the budget the council passed', () => {
    const a = square.answer('what were residents passing around lol');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('sharing photos');
    expect(a.missing).toEqual([]);
  });

  it('the particle of a phrasal verb is never a word to find', () => {
    const q = analyseQuestion('who stepped down', new Vocabulary(new Set(['resigned']), new Set([stemWord('resigned')])));
    expect(q.groups.map((g) => g.word)).toEqual(['stepped']);
    expect(q.groups[0]!.stems.map((s) => s.stem)).toContain(stemWord('resigned'));
  });

  it('"how did they react" is answered by what they did in reaction', () => {
    const a = square.answer('how did the union react to the closure');
    expect(a.answer?.text).toContain('condemned');
  });
});

describe('"anyone else besides X" asks for someone who is not X', () => {
  const visit = article('visit', 'Envoy Visit\n\nThe envoy met Prime Minister Ana Ruiz in the capital on Monday.\n\nThe envoy also met opposition leader Tomas Berg on Tuesday.\n\nThe visit was planned months ago.\n');

  it('prefers the passage that names someone else', () => {
    const a = visit.answer('did the envoy meet anyone else besides ruiz');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('Tomas Berg');
    expect(a.missing).toEqual([]);
  });

  it('keeps the excluded name out of the words to find when someone else is asked for', () => {
    const words = new Vocabulary(new Set(['envoy', 'met', 'ruiz', 'radio', 'station', 'bbc']));
    const q = analyseQuestion('did the envoy meet anyone other than ruiz', words);
    expect(q.groups.map((g) => g.word)).toEqual(['envoy', 'meet']);
    expect(q.type).toBe('who');
  });

  it('keeps it when other things are asked for: the answer often lists them together', () => {
    const words = new Vocabulary(new Set(['radio', 'station', 'bbc']));
    expect(analyseQuestion('aside from bbc radio, what radio station carried it', words).groups.map((g) => g.word)).toEqual(['bbc', 'radio', 'radio', 'station', 'carried']);
  });
});

describe('"who is X" is answered by the sentence that introduces X', () => {
  const inquiry = article('inquiry', 'Fire Inquiry\n\nInvestigators said the fire began in the kitchen.\n\nThe inquiry is led by Chief Inspector Maria Holm of the county police.\n\nReporters asked Holm about the plans, and Holm said the kitchen had no alarm.\n');

  it.each(['who is holm', "who's holm again", 'who was holm tho'])('%s', (question) => {
    expect(inquiry.answer(question).answer?.text).toContain('Chief Inspector Maria Holm');
  });
});
