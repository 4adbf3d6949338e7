// More shapes of news attribution, read from the wording of an uncurated article (sentences written for
// this test): "said lead author X", "X's lawyer, Y, said", an acronym in brackets, "according to a
// study / researchers / a report by X", "according to ROLE, NAME,", "X of the Y, who …, said", a verb
// inside the quote, "the agency" / "the company" for the body named before. Real passages of a real
// text file in a temp dir.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPassages } from '../src/engine/passages.ts';
import { loadArticleFile } from '../src/knowledge/loader.ts';

const dir = mkdtempSync(join(tmpdir(), 'attribution-shapes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const story = [
  'Drug regulator backs new malaria vaccine',
  'Monday, May 5, 2025',
  'A new malaria vaccine cut infections in children by half, according to a study published on Sunday in the journal Tropical Health. According to the researchers, the effect lasted two years.',
  '"We saw fewer cases in every village we tested," said lead author Amara Diallo. "Nobody expected a result this clear."',
  'The European Medicines Agency (EMA) said on Friday that the vaccine was safe. "The benefits clearly outweigh the risks," the agency said.',
  'Professor Ruth Kagame of the University of Kigali, who was not involved in the trial, said the sample was large. "I told my students this would happen," the professor said.',
  'The maker\'s lawyer, Jonas Weber, said the firm was "very proud". According to the company\'s chief executive, Lena Varga, doses will ship in June.',
  'In a statement, Sanofar Pharma said it had tripled production. The company added that prices would fall.',
  'According to a report published by the Ghana Health Service, cases rose by a fifth last year. According to scientists at the institute, the trend will not last.',
  '"Counting them was the best week of my career," said Dr. Ines Moreau, the ecologist who led the field survey. "It shows what a clinic can do."',
  '"Supplies held up," said Mr. Tom Reid, a day after the vote. The ecologist later said the survey would be repeated.',
  'The transport firm, Eastvale Metro Lines, said the new buses would cost 9 million euros. Union leader Mia Kovac said drivers were ready.',
  'Service on all routes was back to normal by noon, the company said.',
].join('\n\n');

function passages() {
  const file = join(dir, 'vaccine.txt');
  writeFileSync(file, `${story}\n`);
  return buildPassages(loadArticleFile(file));
}
const all = passages();
const who = (start: string) => {
  const p = all.find((r) => r.text.startsWith(start));
  expect(p, start).toBeDefined();
  return { speaker: p!.speaker, role: p!.role, how: p!.how };
};

describe('news attribution shapes', () => {
  it('reads "said lead author X" after a quote, and gives the next sentence of the quote to X', () => {
    expect(who('"We saw fewer cases')).toMatchObject({ speaker: 'Amara Diallo', role: 'lead author' });
    expect(who('"Nobody expected')).toMatchObject({ speaker: 'Amara Diallo' });
  });

  it('credits a study and researchers by what they are, not where or when they appeared', () => {
    expect(who('A new malaria vaccine')).toMatchObject({ speaker: 'a study', how: 'according to a study' });
    expect(who('According to the researchers')).toMatchObject({ speaker: 'the researchers' });
    expect(who('According to scientists')).toMatchObject({ speaker: 'scientists at the institute' });
    expect(who('According to a report')).toMatchObject({ speaker: 'the Ghana Health Service', how: 'according to a report by the Ghana Health Service' });
  });

  it('reads past an acronym in brackets, and resolves "the agency" to the Agency named before', () => {
    expect(who('The European Medicines Agency')).toMatchObject({ speaker: 'the European Medicines Agency', how: 'said on Friday' });
    expect(who('"The benefits')).toMatchObject({ speaker: 'the European Medicines Agency' });
  });

  it('gives "X of the Y, who …, said" to the person, and a quote whose own words hold a verb to the speaker outside it', () => {
    expect(who('Professor Ruth Kagame')).toMatchObject({ speaker: 'Ruth Kagame' });
    expect(who('Professor Ruth Kagame').role).toMatch(/University of Kigali/);
    expect(who('"I told my students')).toMatchObject({ speaker: 'Ruth Kagame' });
  });

  it('reads "X\'s lawyer, Y, said" and "according to the company\'s chief executive, Y,"', () => {
    expect(who("The maker's lawyer")).toEqual({ speaker: 'Jonas Weber', role: "maker's lawyer", how: 'said' });
    expect(who("The maker's lawyer").role).not.toMatch(/^The/);
    expect(who('According to the company')).toMatchObject({ speaker: 'Lena Varga', role: "company's chief executive" });
  });

  it('reads "said Dr. X" with the dot of the title, and the description after the name as the role', () => {
    expect(who('"Counting them')).toEqual({ speaker: 'Ines Moreau', role: 'ecologist who led the field survey', how: 'said' });
    expect(who('"It shows what')).toMatchObject({ speaker: 'Ines Moreau' });
    // A time after the name is when, not who: no role.
    expect(who('"Supplies held up')).toMatchObject({ speaker: 'Tom Reid', how: 'said' });
    expect(who('"Supplies held up').role).toBeUndefined();
    // "the ecologist" later is the person the article gave that role.
    expect(who('The ecologist later')).toMatchObject({ speaker: 'Ines Moreau' });
  });

  it('gives "the company said" to the body the article gave that role ("The transport firm, X, said"), not to the last body that spoke', () => {
    expect(who('The transport firm')).toMatchObject({ speaker: 'Eastvale Metro Lines', role: 'transport firm' });
    expect(who('Service on all routes')).toMatchObject({ speaker: 'Eastvale Metro Lines' });
  });

  it('gives "the company added" to the body that spoke in the sentence before', () => {
    expect(who('In a statement, Sanofar Pharma')).toMatchObject({ speaker: 'Sanofar Pharma', how: 'said in a statement' });
    expect(who('The company added')).toMatchObject({ speaker: 'Sanofar Pharma', how: 'added' });
  });
});

// A person introduced by an appositive, a relative clause about a person before an organisation's
// appositive, and an age before the role: whose the next quote is.
const story2 = [
  'Ferry cuts leave islanders stranded',
  'Tuesday, June 9, 2026',
  'The operator, Northsound Ferries, said it would cut two sailings a day. "We cannot crew every boat," the company said.',
  'Among those affected, island farmer Morag Baird, 58, has missed three markets. "I lose a day every time," she said. "Nobody asked us."',
  'Doctor Ewan Reid, who chairs the Island Health Partnership, a group of local surgeries, said patients had missed appointments. "Some have given up," he said.',
  'Many passengers said they were angry. Lewis Grant, 19, a student from Stornoway, said he had lost his summer job. "There was no bus either," he said.',
  'Councillor Ann Mackay said the timetable was unfair. Later, the operator emailed tenant Ian Ross, a porter, about refunds. "That is not enough," she said.',
].join('\n\n');

describe('news attribution: people introduced by an appositive', () => {
  const file = join(dir, 'ferry.txt');
  writeFileSync(file, `${story2}\n`);
  const records = buildPassages(loadArticleFile(file));
  const speakerOf = (start: string) => records.find((r) => r.text.startsWith(start))?.speaker;

  it('gives the quotes after "Among those affected, island farmer Morag Baird, 58, …" to her, not to the company before', () => {
    expect(speakerOf('"I lose a day')).toBe('Morag Baird');
    expect(speakerOf('"Nobody asked us')).toBe('Morag Baird');
  });

  it('gives "X, who chairs the Y, a group …, said" to the person, not the body', () => {
    expect(speakerOf('Doctor Ewan Reid')).toBe('Ewan Reid');
    expect(speakerOf('"Some have given up')).toBe('Ewan Reid');
  });

  it('reads "X, 19, a student from Y, said", so "he said" after "Many passengers said" is X', () => {
    expect(speakerOf('Lewis Grant')).toBe('Lewis Grant');
    expect(speakerOf('"There was no bus')).toBe('Lewis Grant');
  });

  it('keeps the speaker when the name set off by commas is an object, not an introduction', () => {
    expect(speakerOf('"That is not enough')).toBe('Ann Mackay');
  });
});
