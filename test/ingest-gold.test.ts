// Ingest against hand-written gold files for four real news stories (test/fixtures/news, CC BY 2.5) and
// nine written for the project (test/fixtures/stories):
// entity and quote precision and recall, and dated events with the right year and month.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftPack } from '../src/ingest/draft.ts';
import { loadTypeGuesser } from '../src/ingest/nlp.ts';
import { scoreAgainstGold, type Gold, type GoldScore } from './helpers/ingest-gold.ts';

const dir = join(import.meta.dirname, 'fixtures/news');
const stories = ['crops-ozone-warming', 'grammys-adele-bowie', 'homeopathy-trial', 'world-cup-day-five'];
const typeGuesser = await loadTypeGuesser();

/** The stories of a folder, ingested and scored against their gold files: the figures summed over them. */
function scoreFolder(folder: string, slugs: string[]) {
  const scores = slugs.map((slug) =>
    scoreAgainstGold(draftPack(readFileSync(join(folder, `${slug}.txt`), 'utf8'), { slug, typeGuesser }), JSON.parse(readFileSync(join(folder, `${slug}.gold.json`), 'utf8')) as Gold),
  );
  return (f: (s: GoldScore) => number) => scores.reduce((n, s) => n + f(s), 0);
}

/** The bars for a set of gold files; `measured` says what this commit measures (and, for held-out stories, the first run). */
function meetsTheBars(sum: ReturnType<typeof scoreFolder>, measured: { entities: string; quotes: string; events: string }) {
  it(`finds the entities: precision ≥ 95%, recall ≥ 85% (${measured.entities})`, () => {
    expect(sum((s) => s.entities.right) / sum((s) => s.entities.found)).toBeGreaterThanOrEqual(0.95);
    expect(sum((s) => s.entities.recalled) / sum((s) => s.entities.gold)).toBeGreaterThanOrEqual(0.85);
  });

  it(`finds the quotes with their speakers: precision ≥ 95%, recall ≥ 90% (${measured.quotes})`, () => {
    expect(sum((s) => s.quotes.right) / sum((s) => s.quotes.found)).toBeGreaterThanOrEqual(0.95);
    expect(sum((s) => s.quotes.recalled) / sum((s) => s.quotes.gold)).toBeGreaterThanOrEqual(0.9);
  });

  it(`dates the events with the right year and month against the dateline (${measured.events})`, () => {
    expect(sum((s) => s.events.right) / sum((s) => s.events.gold)).toBeGreaterThanOrEqual(0.9);
  });
}

describe('ingest of the dev news stories, against their gold files', () => {
  meetsTheBars(scoreFolder(dir, stories), { entities: 'measured 111/113 and 81/83', quotes: 'measured 16/16 and 16/16', events: 'measured 9/9' });

  it('reads the publication date from a dateline that opens with the weekday', () => {
    const pack = draftPack(readFileSync(join(dir, 'crops-ozone-warming.txt'), 'utf8'), { slug: 'crops' });
    expect(pack.meta.published).toBe('2014-07-28');
    expect(pack.timeline.find((t) => t.when === 'yesterday')?.date).toBe('2014-07-27');
  });
});

// Written with their gold files before any rule was changed for them: a held-out check (test/fixtures/stories).
describe('ingest of four stories written for the project, against their gold files', () => {
  meetsTheBars(scoreFolder(join(import.meta.dirname, 'fixtures/stories'), ['court-landlord-fire', 'cup-semi-final-comeback', 'bees-pesticide-study', 'bus-drivers-strike']), {
    entities: 'first run 41/50 and 40/43; measured 46/46 and 43/43',
    quotes: 'first run 16/20 and 16/25; measured 25/25 and 25/25',
    events: 'first run 9/19; measured 18/19, the miss "next June" read as the June ahead',
  });
});

// Written with their gold files and chat sets (test/fixtures/chat-heldout) before ingest or the engine saw
// them. The first run was below the bars; the fixes of issue 10 were tuned on them, so the floors
// are the figures measured after those fixes, and the check story below is the one nobody tuned on.
/** Floors for stories below (or just at) the bars: [right, of] pairs, measured; `said` names what they were on the first run. */
function keepsTheFloors(slugs: string[], floors: { entities: [[number, number], [number, number]]; quotes: [[number, number], [number, number]]; events: [number, number] }, said: { entities: string; quotes: string; events: string }) {
  const sum = scoreFolder(join(import.meta.dirname, 'fixtures/stories'), slugs);
  const ratio = (right: (s: GoldScore) => number, of: (s: GoldScore) => number) => sum(right) / sum(of);
  const [[er, ef], [ec, eg]] = floors.entities;
  const [[qr, qf], [qc, qg]] = floors.quotes;
  it(`finds the entities (${said.entities}; measured ${er}/${ef} right of found, ${ec}/${eg} of gold recalled)`, () => {
    expect(ratio((s) => s.entities.right, (s) => s.entities.found)).toBeGreaterThanOrEqual(er / ef);
    expect(ratio((s) => s.entities.recalled, (s) => s.entities.gold)).toBeGreaterThanOrEqual(ec / eg);
  });
  it(`finds the quotes with their speakers (${said.quotes}; measured ${qr}/${qf} and ${qc}/${qg})`, () => {
    expect(ratio((s) => s.quotes.right, (s) => s.quotes.found)).toBeGreaterThanOrEqual(qr / qf);
    expect(ratio((s) => s.quotes.recalled, (s) => s.quotes.gold)).toBeGreaterThanOrEqual(qc / qg);
  });
  it(`dates the events (${said.events}; measured ${floors.events[0]}/${floors.events[1]})`, () => {
    expect(ratio((s) => s.events.right, (s) => s.events.gold)).toBeGreaterThanOrEqual(floors.events[0] / floors.events[1]);
  });
}

describe('ingest of two later held-out stories (hospital waiting list, app data breach), against their gold files', () => {
  keepsTheFloors(['hospital-waiting-list', 'app-data-breach'], { entities: [[31, 31], [30, 30]], quotes: [[21, 21], [21, 21]], events: [21, 21] }, {
    entities: 'first run 29/33 and 28/30',
    quotes: 'first run 16/21 and 16/21',
    events: 'first run 17/21: "in May" and "by Friday" read as past, "two years ago" and a bare "January" missed',
  });
});

// Written with its gold file before the fixes of issue 10 and never tuned on (test/fixtures/stories/README.md):
// the floors are what those fixes measure on it, below the bars where they still miss.
describe('ingest of the check story for issue 10 (school closure vote), against its gold file', () => {
  keepsTheFloors(['school-closure-vote'], { entities: [[14, 15], [14, 14]], quotes: [[8, 10], [8, 10]], events: [9, 11] }, {
    entities: 'first run 13/16 and 13/14',
    quotes: 'first run 8/10 and 8/10',
    events: 'first run 8/11',
  });
});

// Written with their gold files and their chat and formal question sets before ingest or the engine saw them, and
// never tuned on (test/fixtures/chat-heldout/README.md): the floors are the first run's figures (main 1445284).
describe('ingest of the airline and museum check stories, against their gold files', () => {
  keepsTheFloors(['airline-pilot-shortage', 'museum-returns-plaque'], { entities: [[27, 30], [26, 27]], quotes: [[12, 18], [12, 19]], events: [16, 24] }, {
    entities: 'first run 27/30 and 26/27: "British Airline Pilots\' Association" split in two, a second "Nigeria\'s National Commission"',
    quotes: 'first run 12/18 and 12/19: a curator introduced in the passive and a nurse in "Among them was" given the previous speaker',
    events: 'first run 16/24: future dates in the airline story ("November 1", "in February", "on December 19", "in December") read as past, "by Easter" and "next week" missed',
  });
});

describe('ingest follows how news attributes quotes', () => {
  const text = [
    'Briton freed from Guantanamo speaks out',
    'Sunday, February 6, 2005',
    'Martin Mubanga, who was freed last month, said he had been held without charge.',
    'His lawyer Louise Christian said: "He was effectively kidnapped and held for three years.',
    '"Nobody has ever explained why he was taken."',
    'The Home Office said in a statement that it would not comment. "Each case is considered on its merits," the department added.',
    'Stephen Jakobi, director of Fair Trials Abroad, said the treatment was "a disgrace".',
  ].join('\n\n');
  const pack = draftPack(text, { slug: 'freed' });
  const speakerOf = (words: string) => pack.entities.find((e) => e.id === pack.quotes.find((q) => q.text.includes(words))?.speaker)?.name;

  it('keeps each paragraph of a quote that runs over two, with its speaker', () => {
    expect(speakerOf('effectively kidnapped')).toBe('Louise Christian');
    expect(speakerOf('Nobody has ever explained')).toBe('Louise Christian');
  });

  it('resolves "the department" to the organisation that spoke before', () => {
    expect(speakerOf('considered on its merits')).toBe('Home Office');
  });

  it('takes the role from an appositive and types the organisation by its evidence', () => {
    expect(pack.entities.find((e) => e.name === 'Stephen Jakobi')?.role).toBe('director of Fair Trials Abroad');
    expect(pack.entities.find((e) => e.name === 'Fair Trials Abroad')?.type).toBe('organisation');
    expect(pack.entities.find((e) => e.name === 'Louise Christian')?.role).toBe('lawyer');
  });

  it('dates "last month" from the dateline', () => {
    expect(pack.timeline.map((t) => [t.when, t.date])).toEqual([['last month', '2005-01']]);
  });
});

describe('ingest reads news conventions a curator would otherwise fix by hand', () => {
  const text = [
    'Ferry operator fined after harbour crash',
    'Thursday, October 9, 2025',
    'Last March, the ferry operator was described as "reckless" by a harbour inspector. In June the company paid the fine.',
    'Mr Halvorsen, the operator\'s owner, said little. The transport minister, Ingrid Lund, said the UK rules were too weak.',
    'Ms Christian, a passenger, said: "We were thrown against the rails."',
    'The harbour board said it was "deeply sorry" and would review its checks.',
  ].join('\n\n');
  const pack = draftPack(text, { slug: 'ferry' });
  const entity = (name: string) => pack.entities.find((e) => e.name === name || e.aliases.includes(name));

  it('dates a month after a capitalised "Last" that opens the sentence', () => {
    expect(pack.timeline.map((t) => [t.when, t.date])).toEqual([['Last March', '2025-03'], ['In June', '2025-06']]);
  });

  it('gives a passive sentence to the agent after "by", never to its subject', () => {
    const speakerOf = (words: string) => pack.entities.find((e) => e.id === pack.quotes.find((q) => q.text === words)?.speaker)?.name;
    expect(speakerOf('reckless')).toBe('harbour inspector');
    expect(pack.facts.find((f) => f.text.startsWith('Last March'))?.attribution.speaker).toBe('a harbour inspector');
  });

  it('keeps an honorific out of the role, a role set off by commas before the name in it, and a country acronym a place', () => {
    expect(entity('Halvorsen')?.role).not.toBe('Mr');
    expect(entity('Ingrid Lund')?.role).toBe('transport minister');
    expect(entity('UK')?.type).toBe('place');
  });

  it('types a speaker the article names only as "the harbour board" as an organisation', () => {
    const board = pack.entities.find((e) => e.id === pack.quotes.find((q) => q.text === 'deeply sorry')?.speaker);
    expect(board).toMatchObject({ name: 'harbour board', type: 'organisation' });
  });

  it('keeps a surname that looks like a demonym when a title marks it as a name', () => {
    expect(entity('Christian')?.type).toBe('person');
    expect(pack.quotes.find((q) => q.text.startsWith('We were thrown'))?.speaker).toBe(entity('Christian')?.id);
  });
});
