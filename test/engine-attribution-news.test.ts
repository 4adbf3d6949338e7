// News attribution from the wording of an uncurated article: the role before the name, set off by
// commas ("Its chairman, Peter Okafor, told …"), and "he added" meaning the last person, not the
// organisation quoted in between. Real passages of a real text file in a temp dir.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPassages } from '../src/engine/passages.ts';
import { loadArticleFile } from '../src/knowledge/loader.ts';

const dir = mkdtempSync(join(tmpdir(), 'attribution-news-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const story = [
  'Council delays vote on river dam',
  'The regional council postponed a vote on the Kessel river dam on Monday after residents protested.',
  'The dam would flood about 40 farms, according to the Valley Farmers Union. Its chairman, Peter Okafor, told reporters that members would fight the plan in court. He added that the union had already hired lawyers.',
  'Anna Berg studies the river. The town would be safer, according to the Kessel Water Board. She added that the farms above it would be lost.',
  'After the vote, the mayor, Johan Ek, said the council would wait. In Brussels, officials said nothing.',
].join('\n\n');

function passages() {
  const file = join(dir, 'dam.txt');
  writeFileSync(file, `${story}\n`);
  return buildPassages(loadArticleFile(file));
}
const who = (start: string) => {
  const p = passages().find((r) => r.text.startsWith(start));
  expect(p, start).toBeDefined();
  return { speaker: p!.speaker, role: p!.role, how: p!.how };
};

describe('news attribution from the wording', () => {
  it('takes the name from "ROLE, NAME, said" with the role and the verb used', () => {
    // "Its" is the union the sentence before attributes its words to (engine-attribution-its-role).
    expect(who('Its chairman')).toEqual({ speaker: 'Peter Okafor', role: 'chairman of the Valley Farmers Union', how: 'told' });
    expect(who('After the vote')).toEqual({ speaker: 'Johan Ek', role: 'mayor', how: 'said' });
  });

  it('gives "he added" / "she added" to the last person named, not an organisation quoted between', () => {
    expect(who('He added')).toMatchObject({ speaker: 'Peter Okafor', how: 'added' });
    expect(who('The town would be safer').speaker).toBe('the Kessel Water Board');
    expect(who('She added')).toMatchObject({ speaker: 'Anna Berg', how: 'added' });
  });

  it('leaves a place or time before the comma out of the role', () => {
    expect(who('In Brussels').speaker).not.toMatch(/Brussels/);
  });
});

describe('a pronoun after a quote, and "it" for an organisation', () => {
  const strike = [
    'Port strike enters second week',
    'Dock workers at the port of Helm stayed out on Tuesday. Maria Costa, who leads the dockers\' union, spoke outside the gates.',
    '"Nobody wants a long strike," she said.',
    'The port authority rejected the union\'s figures. In a statement, it said wages had risen every year since 2019.',
  ].join('\n\n');
  const passagesOf = () => {
    const file = join(dir, 'strike.txt');
    writeFileSync(file, `${strike}\n`);
    return buildPassages(loadArticleFile(file));
  };
  const speakerOf = (start: string) => passagesOf().find((r) => r.text.startsWith(start))?.speaker;

  it('gives \'"…," she said\' to the person named before, never to the quote\'s first word', () => {
    expect(speakerOf('"Nobody wants')).toBe('Maria Costa');
  });

  it('gives "it said" to the organisation the sentence before opened with', () => {
    expect(speakerOf('In a statement')).toBe('the port authority');
  });
});

describe('the verb before the speaker, and an occupation written as a title', () => {
  const flood = [
    'Flood waters reach the old town',
    'Hydrologist Anna Berg said the river had risen two metres overnight. Economist Lars Holm told the radio the damage would cost millions.',
    'Said the mayor, Johan Ek: "We will rebuild the bridge before the summer."',
    'Said Karin Dahl, the town\'s fire chief, "Nobody was hurt."',
    'Said Ek: "The schools stay shut." Ek was called a "hero" in the local press.',
    'Nils Storm, QC, said the town would sue. Mia Falk, KC, a lawyer for the farmers, said they would join.',
    'Anna Berg pointed out that the dam had held. "It was built well," she continued. Lars Holm testified that the gates stuck.',
  ].join('\n\n');
  const byStart = (start: string) => {
    const file = join(dir, 'flood.txt');
    writeFileSync(file, `${flood}\n`);
    const p = buildPassages(loadArticleFile(file)).find((r) => r.text.startsWith(start));
    expect(p, start).toBeDefined();
    return { speaker: p!.speaker, role: p!.role };
  };

  it('takes "Said the mayor, Johan Ek:" as Johan Ek, mayor, whichever side of the comma the role is', () => {
    expect(byStart('Said the mayor')).toEqual({ speaker: 'Johan Ek', role: 'mayor' });
    expect(byStart('Said Karin Dahl')).toEqual({ speaker: 'Karin Dahl', role: "town's fire chief" });
  });

  it('expands a surname after the verb to the full name the article gave', () => {
    expect(byStart('Said Ek').speaker).toBe('Johan Ek');
  });

  it('gives a passive with a quoted word and no agent to the article, not to its subject or the last speaker', () => {
    expect(byStart('Ek was called').speaker).toBe('the article');
  });

  it('takes no honours after a name ("QC") for the role, but the role after them', () => {
    expect(byStart('Nils Storm')).toEqual({ speaker: 'Nils Storm', role: undefined });
    expect(byStart('Mia Falk').speaker).toBe('Mia Falk');
  });

  it('reads "pointed out" and "testified" as statements, and "she continued" after a quote as the last speaker', () => {
    expect(byStart('Anna Berg pointed out').speaker).toBe('Anna Berg');
    expect(byStart('"It was built well,"').speaker).toBe('Anna Berg');
    expect(byStart('Lars Holm testified').speaker).toBe('Lars Holm');
  });

  it('keeps an occupation that opens the sentence out of the name, as the role', () => {
    expect(byStart('Hydrologist Anna Berg')).toEqual({ speaker: 'Anna Berg', role: 'hydrologist' });
    expect(byStart('Economist Lars Holm')).toEqual({ speaker: 'Lars Holm', role: 'economist' });
  });
});

describe('a headline that restates what a source said', () => {
  const headlineOf = (name: string, text: string) => {
    const file = join(dir, `${name}.txt`);
    writeFileSync(file, `${text}\n`);
    return buildPassages(loadArticleFile(file)).find((p) => p.kind === 'headline')!;
  };

  it('stays the publisher\'s but says whose statement it reports', () => {
    const h = headlineOf('union', 'Union Vows to Fight Dam Plan in Court\n\nThe Valley Farmers Union said it would fight the dam plan in court. The council meets again in May.');
    expect({ speaker: h.speaker, how: h.how }).toEqual({ speaker: 'the article', how: 'the headline, reporting the Valley Farmers Union' });
  });

  it('reports nobody when the sentence it restates is the article\'s own', () => {
    const h = headlineOf('flood', 'River Floods Old Town\n\nThe river flooded the old town on Monday. Hydrologist Anna Berg said the water would fall by Friday.');
    expect(h.how).toBe('the headline');
  });
});

describe('the setting of a statement', () => {
  it('is a word every sentence of the statement answers to, not only the one that names it', () => {
    const file = join(dir, 'prize.txt');
    writeFileSync(file, 'Chemist wins prize\n\nIn her acceptance speech, Lena Park said, "I thank my family. The prize belongs to the whole lab."\n');
    const second = buildPassages(loadArticleFile(file)).find((p) => p.text.startsWith('The prize'))!;
    expect(second).toMatchObject({ speaker: 'Lena Park', how: 'said in her acceptance speech' });
    expect(second.expansion).toContain('her acceptance speech');
  });
});
