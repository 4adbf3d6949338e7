// The draft timeline: whole dates as written, partial ones only with a stated basis, the rest skipped.
import { describe, expect, it } from 'vitest';
import { draftTimeline } from '../src/ingest/timeline.ts';
import { parseArticleText } from '../src/knowledge/plain-text.ts';

const paragraphs = (text: string) => parseArticleText(text, { slug: 't' }).paragraphs;

const SEED_LIKE = paragraphs(`Headline Of The Story

In a TV broadcast to the nation on Saturday, Putin spoke of treason. As part of a deal late on Sunday, the president relented.

The ministry cited the events of June 24 in a statement.

Xi visited him in Moscow in March. The rebellion began in 755 AD. Mao revamped the army in 1927 — an event of note.`);

describe('draftTimeline', () => {
  it('keeps years and eras as written, and skips dates with no year to anchor them', () => {
    const { entries, skipped } = draftTimeline(SEED_LIKE);
    expect(entries.map((e) => [e.date, e.when, e.paragraph])).toEqual([
      ['0755', 'in 755 AD', 3],
      ['1927', 'in 1927', 3],
    ]);
    expect(entries.every((e) => e.basis === undefined)).toBe(true);
    expect(skipped.map((s) => s.when)).toEqual(['on Saturday', 'late on Sunday', 'of June 24', 'in March']);
  });

  it('infers years, months and weekdays from the publication date, and says so', () => {
    const { entries, skipped } = draftTimeline(SEED_LIKE, { published: '2023-06-26', publishedFrom: '--published' });
    expect(skipped).toEqual([]);
    expect(entries.map((e) => [e.date, e.when])).toEqual([
      ['0755', 'in 755 AD'],
      ['1927', 'in 1927'],
      ['2023-03', 'in March'],
      ['2023-06-24', 'on Saturday'],
      ['2023-06-24', 'of June 24'],
      ['2023-06-25', 'late on Sunday'],
    ]);
    const saturday = entries.find((e) => e.when === 'on Saturday')!;
    expect(saturday.basis).toMatch(/June 24.*fell on a Saturday/);
    expect(entries.find((e) => e.when === 'in March')!.basis).toMatch(/month only; 2023 is inferred .*--published \(2023-06-26\)/);
    expect(entries.find((e) => e.when === 'of June 24')!.basis).toMatch(/no year; 2023 is inferred/);
  });

  it('takes the year of a full date the article prints for its partial dates', () => {
    const { entries } = draftTimeline(paragraphs('Title Line\n\nThe talks opened on June 24, 2023 in Minsk.\n\nThey closed on June 27 without a deal.\n\nA second round is set for Friday.'));
    expect(entries.map((e) => [e.date, e.when, e.basis !== undefined])).toEqual([
      ['2023-06-24', 'on June 24, 2023', false],
      ['2023-06-27', 'on June 27', true],
    ]);
    expect(entries[1]!.basis).toMatch(/2023 is the year of “on June 24, 2023” \(¶1\)/);
  });

  it('reads day-first dates, month and year, and leaves numbers that are not years alone', () => {
    const { entries } = draftTimeline(
      paragraphs('Title Line\n\nIt signed on 3 March 2021 and again in May 2022.\n\nSome 1,500 people and 2000 cars came; prices rose 2024% and the tally was 1999.5 points.\n\nWe may march in May.'),
    );
    expect(entries.map((e) => [e.date, e.when])).toEqual([
      ['2021-03-03', 'on 3 March 2021'],
      ['2022-05', 'in May 2022'],
      ['2022-05', 'in May'],
    ]);
    expect(entries[2]!.basis).toMatch(/month only; the year is that of “in May 2022” \(¶1\)/);
  });
});

describe('draftTimeline dates the future forward from the publication date', () => {
  const dated = (text: string, published: string) =>
    draftTimeline(paragraphs(`Title Line\n\n${text}`), { published, publishedFrom: 'the dateline' }).entries.map((e) => [e.when, e.date]);

  it('reads "next March" and "last March" from the publication date, not from another year the article prints', () => {
    expect(dated('The museum closed in May 2019. Work on the roof starts next March. It reopened last March.', '2024-10-02')).toEqual([
      ['in May 2019', '2019-05'],
      ['last March', '2024-03'],
      ['next March', '2025-03'],
    ]);
    expect(dated('The vote comes next month and the plant shuts next year; the rain arrives tomorrow.', '2024-12-30')).toEqual([
      ['tomorrow', '2024-12-31'],
      ['next year', '2025'],
      ['next month', '2025-01'],
    ]);
  });

  it('dates a month or day in a future-tense clause after the publication date', () => {
    expect(dated('The bridge will open in May. The inquiry is due to report on February 3. Tickets went on sale in May.', '2023-09-14')).toEqual([
      ['in May', '2023-05'],
      ['on February 3', '2024-02-03'],
      ['in May', '2024-05'],
    ]);
  });

  it('keeps a past clause past even when a future verb comes before it in the sentence or after it', () => {
    expect(dated('The team will meet them again after losing to them on Saturday. He was fined in August and will appeal.', '2023-09-14')).toEqual([
      ['in August', '2023-08'],
      ['on Saturday', '2023-09-09'],
    ]);
  });

  it('takes a weekday from a printed date only when that date is in the week of the publication date', () => {
    expect(dated('The final will be played on May 18. The club lost on Saturday and will play on Friday.', '2025-04-13')).toEqual([
      ['on Saturday', '2025-04-12'],
      ['on Friday', '2025-04-18'],
      ['on May 18', '2025-05-18'],
    ]);
  });
});

describe('draftTimeline leaves out years that date no event, and says why', () => {
  const draft = (text: string) => draftTimeline(paragraphs(`Title Line\n\n${text}`), { published: '2021-05-04', publishedFrom: 'the dateline' });

  it('skips projections, study periods and years that describe a noun, and keeps the events', () => {
    const { entries, skipped } = draft(
      'Sales fell to half of 1990 levels over 2010 - 2020. Prices doubled from 1995 to 2005, the 2019 Annual Report said. By 2040, the lake will be dry; rents will rise by 2030. The dam opened in 1962 and was rebuilt by 2001.',
    );
    expect(entries.map((e) => [e.when, e.date])).toEqual([
      ['in 1962', '1962'],
      ['by 2001', '2001'],
    ]);
    expect(skipped.map((s) => [s.when, s.why.split(' ')[1]])).toEqual([
      ['2010', 'period'],
      ['2020', 'period'],
      ['from 1995', 'period'],
      ['2005', 'period'],
      ['2040', 'projection'],
      ['by 2030', 'projection'],
    ]);
  });
});

describe('draftTimeline reads deadlines, counts back, joined months and weekdays used as adjectives', () => {
  const published = '2026-03-10'; // a Tuesday
  const dated = (text: string) => draftTimeline(paragraphs(`Headline Of The Story\n\n${text}`), { published }).entries.map((e) => [e.when, e.date]);

  it('dates a deadline in reported speech ahead, and a pluperfect one back', () => {
    expect(dated('The council said it would clear the site by Friday.')).toEqual([['by Friday', '2026-03-13']]);
    expect(dated('By Friday, the floodwater had gone.')).toEqual([['By Friday', '2026-03-06']]);
  });

  it('dates a month after a verb of expectation ahead', () => {
    expect(dated('The owners hope to reopen the mill in May.')).toEqual([['in May', '2026-05']]);
    expect(dated('The mill closed in May.')).toEqual([['in May', '2025-05']]);
  });

  it('counts years, months, weeks and days back from the publication date', () => {
    expect(dated('Two years ago the pier burned. A month ago it was sold. Ten days ago it reopened.')).toEqual([
      ['Two years ago', '2024'],
      ['A month ago', '2026-02'],
      ['Ten days ago', '2026-02-28'],
    ]);
  });

  it('dates a bare month joined to the month before it, on from that month', () => {
    expect(dated('Surveys ran between last October and February.')).toEqual([
      ['last October', '2025-10'],
      ['February', '2026-02'],
    ]);
    expect(dated('Prime Minister Theresa May and her deputy met.')).toEqual([]);
  });

  it('leaves out a weekday that describes a noun, and keeps one with a preposition or a time of day', () => {
    expect(dated('The market added Sunday stalls. On Monday morning it was full.')).toEqual([['On Monday', '2026-03-09']]);
  });
});
