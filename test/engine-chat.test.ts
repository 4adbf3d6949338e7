// Chat-style questions over real packs: filler and chat spellings are not subjects, "US" is the
// country, a question's need decides a refusal, questions about the article come from its meta, and
// the confidence bands are the ones every reply and the unanswered log use.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.ts';
import { expandChatSpellings } from '../src/engine/chat-words.ts';
import { articleFacet } from '../src/engine/about-article.ts';
import { buildPassages } from '../src/engine/passages.ts';
import { bandOf, CLEAR_LEAD, LEARNED_CLEAR_LEAD } from '../src/engine/band.ts';
import { RANKING } from '../src/engine/ranking-defaults.ts';
import { tokenize } from '../src/engine/text.ts';
import { confidenceHint } from '../src/reply/confidence.ts';
import { LOW_CONFIDENCE_BELOW } from '../src/store/record.ts';
import { loadArticleFile, loadDefaultPack, loadPack } from '../src/knowledge/loader.ts';
import { norm, readSet, scoreSet } from './helpers/score.ts';

const packs = join(import.meta.dirname, 'fixtures/packs');
const seed = createEngine(loadDefaultPack());
const harbour = createEngine(loadPack(join(packs, 'harbour-bridge')));
const library = createEngine(loadPack(join(packs, 'riverside-library')));
const dir = mkdtempSync(join(tmpdir(), 'engine-chat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chat phrasing', () => {
  it('never reads filler, hedges or stand-ins as missing subjects', () => {
    for (const q of ['so like how much did the bridge cost tbh lol', 'ok but how much is the bridge thing gonna cost or nah', 'wait anyone know what the bridge stuff costs rn']) {
      const a = harbour.answer(q);
      expect(a.found, q).toBe(true);
      expect(a.answer!.text).toContain('240 million dollars');
      expect(a.missing).toEqual([]);
    }
  });

  it('understands chat spellings and abbreviations', () => {
    expect(expandChatSpellings('wat r u doing w/ the govt bc ppl acc to him')).toBe('what are you doing with the government because people according to him');
    // Capital letters alone are initials, not "you" or "are".
    expect(expandChatSpellings('the U.N. and R. Kelly')).toBe('the U.N. and R. Kelly');
    // "dose" before its subject is "does"; a dose of something stays a dose.
    expect(expandChatSpellings('how long dose it take')).toBe('how long does it take');
    expect(expandChatSpellings('what dose the vaccine dose contain')).toBe('what does the vaccine dose contain');
    const a = library.answer('wat did ppl complain abt');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('complained about the closure');
  });

  it('keeps "US" and "U.S." the country, and "us" the pronoun', () => {
    expect(tokenize('The US, the U.S. and us').map((t) => t.word)).toEqual(['the', 'usa', 'the', 'usa', 'and', 'us']);
    const file = join(dir, 'sanctions.txt');
    writeFileSync(file, 'New Sanctions Announced\n\nThe US announced new sanctions on steel imports on Monday.\n\nCanada said it would study the decision.\n');
    const engine = createEngine(loadArticleFile(file));
    const a = engine.answer('what did the US announce');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('The US announced');
  });

  it('answers a two-part question with a passage for each part', () => {
    const a = harbour.answer('how much will it cost, and when does construction begin');
    expect(a.found).toBe(true);
    const texts = [a.answer!, ...a.alternatives].slice(0, 2).map((p) => p.text).join(' ');
    expect(texts).toContain('240 million dollars');
    expect(texts).toContain('spring of 2026');
  });
});

describe('coreference for matching', () => {
  it('lets "the pair" and "she" answer to the names just before', () => {
    const pair = buildPassages(loadDefaultPack()).find((r) => r.text.includes('the pair had exchanged views'))!;
    expect(pair.expansion).toMatch(/Rudenko/);
    const file = join(dir, 'coref.txt');
    writeFileSync(file, 'Park Opens\n\nMayor Elena Ruiz opened the park on Sunday. She said the trees were planted by pupils.\n');
    const records = buildPassages(loadArticleFile(file));
    expect(records.find((r) => r.text.startsWith('She said'))!.expansion).toContain('Elena Ruiz');
  });
});

describe('refusal follows what the question needs', () => {
  it('refuses "how many" when the passage on the subject has no figure, and offers it as the closest', () => {
    const a = harbour.answer('how many boats use the inner harbour');
    expect(a.found).toBe(false);
    expect(a.reason).toMatch(/no figure/);
    expect(a.closest?.text).toContain('inner harbour');
  });

  it('does not offer a closest passage for a subject the article never mentions', () => {
    const a = harbour.answer('what did the prime minister of japan say about the bridge');
    expect(a.found).toBe(false);
    expect(a.closest).toBeUndefined();
  });
});

describe('questions about the article itself', () => {
  it('answers who wrote it, what it is about, when it was published and how long it is, from the meta', () => {
    const wrote = seed.answer('who wrote this');
    expect(wrote).toMatchObject({ found: true, about: 'authors', band: 'high' });
    expect(wrote.answer!.text).toContain('Jing Li');
    const tldr = seed.answer('tldr?');
    expect(tldr.about).toBe('summary');
    expect(tldr.answer!.text).toContain('national stability');
    const when = harbour.answer('when was this article published');
    expect(when.about).toBe('published');
    expect(when.answer!.text).toContain('2025-10-14');
    // The seed prints no date: an honest refusal that still says what the question was about.
    expect(seed.answer('when was it published')).toMatchObject({ found: false, about: 'published' });
    expect(library.answer('how long is the article').answer!.text).toMatch(/^About \d+ words/);
  });

  it('keeps passage-shaped answers, so every reply and button works', () => {
    const a = library.answer("what's the article about");
    expect(a.answer).toMatchObject({ article: 'riverside-library', score: 1, paragraph: 0 });
    expect(library.passage(a.answer!.passageId)).toBeDefined();
  });

  it('leaves questions about other writings and studies to the article text', () => {
    expect(articleFacet('who wrote pride and prejudice?')).toBeUndefined();
    expect(articleFacet('so where was this study published')).toBeUndefined();
    expect(articleFacet('what is the bridge about')).toBeUndefined();
  });
});

describe('confidence bands', () => {
  it('are one set of thresholds for the engine, the reply and the unanswered log', () => {
    const { high, medium } = RANKING.confidenceBands;
    expect(bandOf(high)).toBe('high');
    expect(bandOf(high - 0.001)).toBe('medium');
    expect(bandOf(medium - 0.001)).toBe('low');
    expect(bandOf(0.99, false)).toBe('medium');
    expect(confidenceHint(high).label).toMatch(/^High/);
    expect(confidenceHint(high - 0.001).label).toMatch(/^Medium/);
    expect(confidenceHint(medium - 0.001).label).toMatch(/^Low/);
    expect(LOW_CONFIDENCE_BELOW).toBe(medium);
  });

  it('need a clear lead: on an article the learned re-ranker ranks, a margin the hand score would call clear is not one', () => {
    expect(bandOf(0.9, true, 0.5)).toBe('high');
    expect(bandOf(0.9, true, 0.5, LEARNED_CLEAR_LEAD)).toBe('medium');
    expect(bandOf(0.9, true, 0.2, LEARNED_CLEAR_LEAD)).toBe('high');
    expect(LEARNED_CLEAR_LEAD).toBeLessThan(CLEAR_LEAD);
    // The bare harbour article has no curator's keywords, so its answers are ranked by the learned model.
    const bare = createEngine(loadArticleFile(join(import.meta.dirname, 'fixtures/harbour-article.txt')));
    const questions = ['when will the bridge open', 'how much did the bridge cost', 'who is the mayor', 'what did the mayor say about the bridge'];
    let high = 0;
    for (const question of questions) {
      const a = bare.answer(question);
      if (a.band !== 'high') continue;
      high++;
      expect(a.alternatives[0]?.score ?? 0).toBeLessThan(LEARNED_CLEAR_LEAD * a.answer!.score);
    }
    // The seed's curated pack keeps the hand score's lead: its High answers may have a closer runner-up.
    const curated = seed.answer('who is rudenko');
    expect(curated.band).toBe(bandOf(curated.answer!.score, true, curated.alternatives[0]?.score ?? 0, CLEAR_LEAD));
    expect(high).toBeGreaterThan(0); // some answer was High, so its lead was checked
  });

  it('label every found answer with its band, and never a "why" answer without a reason High', () => {
    const a = harbour.answer('what did the mayor say about the bridge');
    expect(a.band).toBe(bandOf(a.answer!.score));
    const why = library.answer('why is there a solar roof');
    if (why.found) expect(why.band).not.toBe('high');
  });

  const formal = join(import.meta.dirname, '../../shared/eval/time-dev.jsonl');
  it.skipIf(!existsSync(formal))('mean something: at least 95% of High answers on the formal dev set are right', () => {
    const items = readSet(formal);
    let high = 0;
    let right = 0;
    for (const item of items) {
      const a = seed.answer(item.question);
      if (a.band !== 'high') continue;
      high++;
      if (item.expect.found && (item.expect.passage_contains_any ?? []).some((g) => norm(a.answer!.text).includes(norm(g)))) right++;
    }
    expect(high).toBeGreaterThan(10);
    expect(right / high).toBeGreaterThanOrEqual(0.95);
    expect(scoreSet(seed, items).top1).toBe(1);
  });
});

describe('chat-style held-out questions on the fixture packs', () => {
  it('meets floors written before the chat work was tuned', () => {
    for (const [name, engine] of [['harbour-bridge', harbour], ['riverside-library', library]] as const) {
      const f = scoreSet(engine, readSet(join(import.meta.dirname, `fixtures/chat-heldout/${name}.jsonl`)));
      expect(f.reject, name).toBeGreaterThanOrEqual(0.6);
      expect(f.top1, name).toBeGreaterThanOrEqual(0.5);
    }
  });

  // Packs as `npm run ingest` writes them, dev sets split by id since issue 9's ingest work (odd ids
  // tuned, even checked): floors above their first figures (top1 bus-strike 64.7, wetland-frogs 35.3).
  it('meets floors on the two ingested packs, and credits the wetland quotes to the ecologist', () => {
    for (const [name, floor] of [['bus-strike', 0.7], ['wetland-frogs', 0.45]] as const) {
      const engine = createEngine(loadPack(join(packs, name)));
      const f = scoreSet(engine, readSet(join(import.meta.dirname, `fixtures/chat-heldout/${name}.jsonl`)));
      expect(f.top1, name).toBeGreaterThanOrEqual(floor);
      if (name === 'wetland-frogs') expect(engine.answer('who said it shows that a wetland can come back').answer?.attribution).toContain('Hannah Okafor');
    }
  });

  // Held out (questions never looked at while tuning; ingest was tuned on the two stories' gold files): floors
  // just under the figures measured at the end of the session that wrote them, so a regression shows.
  it('meets floors on the two held-out ingested packs', () => {
    for (const [name, top1, reject] of [['hospital-waiting-list', 0.7, 0.8], ['app-data-breach', 0.45, 0.4]] as const) {
      const f = scoreSet(createEngine(loadPack(join(packs, name))), readSet(join(import.meta.dirname, `fixtures/chat-heldout/${name}.jsonl`)));
      expect(f.top1, name).toBeGreaterThanOrEqual(top1);
      expect(f.reject, name).toBeGreaterThanOrEqual(reject);
    }
  });

  // Check sets nobody tunes on (questions and gold written before ingest or the engine saw the stories):
  // floors just under the first run, engine at main 1445284 (top1 53.3 and 60.0 of 15, reject 60.0 and 80.0 of 5), so a regression shows.
  it('meets floors on the airline and museum check packs', () => {
    for (const [name, top1, reject] of [['airline-pilot-shortage', 0.5, 0.55], ['museum-returns-plaque', 0.55, 0.75]] as const) {
      const f = scoreSet(createEngine(loadPack(join(packs, name))), readSet(join(import.meta.dirname, `fixtures/chat-heldout/${name}.jsonl`)));
      expect(f.top1, name).toBeGreaterThanOrEqual(top1);
      expect(f.reject, name).toBeGreaterThanOrEqual(reject);
    }
  });
});


