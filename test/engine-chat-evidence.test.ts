// Chat questions on articles written here, where the question's words are evidence in other forms: a
// misspelt surname still names the person its everyday given name belongs to, "promise" is what an
// article writes as "vowed", "talk about" what it writes as "exchanged views"; and High needs a clear lead.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.ts';
import { loadArticleFile } from '../src/knowledge/loader.ts';
import { phraseMeanings } from '../src/engine/lexicon.ts';
import { ieForms } from '../src/engine/word-forms.ts';
import { bandOf } from '../src/engine/band.ts';
import { stemWord } from '../src/engine/text.ts';

const dir = mkdtempSync(join(tmpdir(), 'engine-chat-evidence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function article(name: string, text: string) {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, text);
  return createEngine(loadArticleFile(file));
}

/** The same article read as a curated pack with no keywords: no WordNet, the hand ranking, only the engine's own word lists. */
function curated(name: string, text: string) {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, text);
  return createEngine({ ...loadArticleFile(file), curated: true });
}

describe('a given name that is an everyday word', () => {
  const port = article(
    'port',
    'New Port Opens\n\nDeputy Governor Ma Jianwei opened the container port on Friday, promising faster trade with the south.\n\nThe port cost 2 billion yuan to build.\n\nShipping firms said the new cranes would cut waiting times.\n',
  );

  it('still names the person when the surname beside it is misspelt', () => {
    const a = port.answer('what did ma jianwie open');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('Ma Jianwei opened');
    expect(a.missing).not.toContain('ma');
  });
});

describe('a promise written in other words', () => {
  const flood = article(
    'flood',
    'Town Counts Flood Damage\n\nMayor Ana Silva vowed on Monday to rebuild the river bridge before winter.\n\nThe flood damaged 40 homes, the fire service said.\n\nVolunteers handed out food at the school.\n',
  );

  it.each([['what did the mayor promise tho'], ['so what did silva pledge']])('%s', (question) => {
    const a = flood.answer(question);
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('vowed on Monday to rebuild');
  });
});

describe('set phrases an article writes for one plain word', () => {
  const summit = article(
    'summit',
    'Leaders Meet in Oslo\n\nPrime Minister Eva Lind met Finnish President Aho Virtanen in Oslo on Tuesday.\n\nLind and Virtanen exchanged views on fishing rights and energy prices, her office said.\n\nThe singer Rolf Berg won three national awards in his career.\n\nBerg passed away in March after a long illness, aged 80.\n\nLind said Berg had been a friend.\n',
  );

  it('finds "exchanged views" for "talk about"', () => {
    const a = summit.answer('what did lind and virtanen talk about');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('exchanged views on fishing rights');
  });

  it('finds "passed away" for "die", and "died" for "die" however the stemmer parts them', () => {
    for (const question of ['when did rolf berg die', 'so when did rolf berg actually die']) {
      const a = summit.answer(question);
      expect(a.found).toBe(true);
      expect(a.answer!.text).toContain('passed away in March');
    }
  });

  it('reads the phrase in any form of its verb, and not its words apart', () => {
    expect(phraseMeanings('The ministers held two days of talks.')).toEqual([]);
    expect(phraseMeanings('The ministers held talks in Rome.')).toEqual(['discuss discussed meet met']);
    expect(phraseMeanings('The final takes place in June.')).toEqual(['happen happened']);
    expect(phraseMeanings('They exchange opinions often.')).toEqual(['discuss discussed']);
    expect(phraseMeanings('Views were exchanged, and a place was taken.')).toEqual([]);
  });

  it('joins the forms of a short verb in -ie and no other word', () => {
    expect(new Set(ieForms('died'))).toEqual(new Set([stemWord('die'), stemWord('dying')].filter((s) => s !== stemWord('died'))));
    expect(ieForms('tie')).toContain(stemWord('tied'));
    expect(ieForms('pie')).toEqual([]);
    expect(ieForms('denied')).toEqual([]);
  });
});

describe('a word with a plain sense the article uses is not a missing name', () => {
  const forum = article(
    'forum',
    'Fans React to Final\n\nSocial media users shared clips of the late goal within minutes.\n\nThe club said ticket sales had doubled.\n',
  );

  it('answers "netizens" from "social media users" instead of refusing an unknown name', () => {
    const a = forum.answer('what were netizens sharing');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('users shared clips');
  });

  it('still refuses a name the article lacks', () => {
    expect(forum.answer('what did zorblatt share').found).toBe(false);
  });
});

describe('High needs a clear lead over the next passage', () => {
  it('is not High when another passage is nearly as strong', () => {
    expect(bandOf(0.9, true, 0.5)).toBe('high');
    expect(bandOf(0.9, true, 0.85)).toBe('medium');
    expect(bandOf(0.9, true)).toBe('high');
  });

  it('gives one band however many alternatives are asked for', () => {
    const twins = article(
      'twins',
      'Two Bakeries Open\n\nThe Rye House bakery opened on Main Street on Monday.\n\nThe Rye House bakery opened on Mill Street on Tuesday.\n\nBread prices rose this year.\n',
    );
    const all = twins.answer('when did the rye house bakery open');
    const none = twins.answer('when did the rye house bakery open', { alternatives: 0 });
    expect(all.found).toBe(true);
    expect(all.band).not.toBe('high');
    expect(none.band).toBe(all.band);
  });
});

describe('filler with a plain sense is weak evidence, never a missing subject', () => {
  const dam = article(
    'dam',
    'Dam Protest Ends\n\nOn March 1, police cleared the last Kessel protesters from the dam site as Kessel farmers watched.\n\nThe regional government said the Kessel incident of March 3 would be investigated.\n\nFarmers say the dam will flood their fields.\n',
  );

  it.each([['what date did the kessel thing actually happen'], ['when did the kessel stuff happen']])('%s', (question) => {
    const a = dam.answer(question);
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('incident of March 3');
    expect(a.missing).toEqual([]);
  });

  it('does not refuse "what happened" where the article never says "happened" or "incident"', () => {
    const a = dam.answer('so what happened to the farmers');
    expect(a.found).toBe(true);
    expect(a.missing).toEqual([]);
  });
});

describe('chat verbs for what an article says in its own words', () => {
  const club = curated(
    'club',
    'Rowing Club Wins Fight Over Boathouse\n\nThe Elmford rowing association, whose chairwoman is Greta Holm, has used the old boathouse since 1950.\n\nThe town board voted on Monday to approve a new lease for the club, ending a dispute over the boathouse that had lasted two years.\n\nA neighbour, Piet Maas, said he was considering legal action over the noise.\n\nMaas has lived beside the boathouse for ten years.\n\nThe lease runs for twenty years.\n',
  );

  it.each([
    ['who runs the rowing group', 'chairwoman is Greta Holm'],
    ['so did the lease actually pass or nah', 'voted on Monday to approve'],
    ['is maas gonna sue', 'considering legal action'],
    ['how long had they been arguing about the boathouse', 'lasted two years'],
  ])('%s', (question, detail) => {
    const a = club.answer(question);
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain(detail);
  });
});
