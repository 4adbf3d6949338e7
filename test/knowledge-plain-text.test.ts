// The parser must find the seed article's structure and work on any plain text (no headline, CRLF).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from '../src/knowledge/plain-text.ts';

const SEED = readFileSync(new URL('../knowledge/time-china-russia-wagner/article.txt', import.meta.url), 'utf8');

describe('parseArticleText on the seed article', () => {
  const parsed = parseArticleText(SEED, { slug: 'seed' });

  it('finds the headline, 12 body paragraphs and the credits line, in order', () => {
    expect(parsed.paragraphs.map((p) => p.label)).toEqual([
      'headline',
      ...Array.from({ length: 12 }, (_, i) => `¶${i + 1}`),
      'credits',
    ]);
    expect(parsed.paragraphs.map((p) => p.index)).toEqual([...Array(14).keys()]);
    expect(parsed.paragraphs[0]).toMatchObject({
      kind: 'headline',
      text: 'China Backs Russia’s Actions to Maintain ‘National Stability’ After Wagner Group Revolt',
    });
    expect(parsed.paragraphs[1]?.text).toMatch(/^China said it supports Russia’s actions/);
    expect(parsed.paragraphs[12]?.text).toMatch(/^A Weibo account operated by a part of the People’s Liberation Army/);
    expect(parsed.paragraphs[13]).toMatchObject({ kind: 'credits', text: '—With assistance from Jing Li and Xiao Zibang.' });
  });

  it('keeps page furniture out of the paragraphs and reads metadata from it', () => {
    expect(parsed.furniture).toEqual([
      '• World\n• China',
      '3 minute read',
      'Read More: Wagner Group’s Revolt in Russia Ends After Deal Struck. Here’s What to Know',
      'More Must-Reads from TIME',
      'Contact us at letters@time.com',
    ]);
    const all = parsed.paragraphs.map((p) => p.text).join('\n');
    for (const bit of ['Read More', 'minute read', 'Must-Reads', 'letters@time.com', '• World']) expect(all).not.toContain(bit);
    expect(parsed.meta).toMatchObject({
      slug: 'seed',
      title: parsed.paragraphs[0]?.text,
      section: ['World', 'China'],
      readingTime: '3 minute read',
      contributors: ['Jing Li', 'Xiao Zibang'],
      publisher: 'TIME',
    });
  });
});

describe('parseArticleText on other plain text', () => {
  const squad = [
    'The Normans (Norman: Nourmands; French: Normands; Latin: Normanni) were the people who in the 10th and 11th centuries gave their name to Normandy, a region in France.',
    'The Norman dynasty had a major political, cultural and military impact on medieval Europe.',
    'Short line without a full stop',
  ].join('\n\n');

  it('treats a first paragraph that is a sentence as body, not a headline', () => {
    const parsed = parseArticleText(squad, { slug: 'normans', title: 'Normans' });
    expect(parsed.paragraphs.map((p) => [p.kind, p.label])).toEqual([
      ['body', '¶1'],
      ['body', '¶2'],
      ['body', '¶3'],
    ]);
    expect(parsed.meta.title).toBe('Normans');
    expect(parsed.meta.publisher).toBe('the article');
    expect(parsed.furniture).toEqual([]);
  });

  it('falls back to the slug for the title', () => {
    expect(parseArticleText(squad, { slug: 'normans' }).meta.title).toBe('normans');
  });

  it('normalises CRLF and joins wrapped lines with a space', () => {
    const text = 'A Short Headline\r\n\r\nFirst line of a paragraph\r\ncontinues here.\r\n  \r\nSecond paragraph.\r\n\r\nReporting by Jane Roe in Paris; Editing by John Doe\r\n';
    const parsed = parseArticleText(text, { slug: 'crlf' });
    expect(parsed.paragraphs.map((p) => [p.label, p.text])).toEqual([
      ['headline', 'A Short Headline'],
      ['¶1', 'First line of a paragraph continues here.'],
      ['¶2', 'Second paragraph.'],
      ['credits', 'Reporting by Jane Roe in Paris; Editing by John Doe'],
    ]);
    expect(parsed.meta.contributors).toEqual(['Jane Roe', 'John Doe']);
    expect(parsed.paragraphs.some((p) => p.text.includes('\r'))).toBe(false);
  });

  it('reads a byline as credits and a dateline as the publication date', () => {
    const text = 'By Land and Sea\n\nBy Jane Roe and John Doe\n\nJune 26, 2023 3:15 AM EDT\n\nLONDON - Beavers were seen.\n\nBy the end of the day, it rained.';
    const parsed = parseArticleText(text, { slug: 'byline' });
    expect(parsed.paragraphs.map((p) => [p.label, p.text])).toEqual([
      ['headline', 'By Land and Sea'],
      ['credits', 'By Jane Roe and John Doe'],
      ['¶1', 'LONDON - Beavers were seen.'],
      ['¶2', 'By the end of the day, it rained.'],
    ]);
    expect(parsed.meta).toMatchObject({ published: '2023-06-26', contributors: ['Jane Roe', 'John Doe'] });
    expect(parsed.furniture).toEqual(['June 26, 2023 3:15 AM EDT']);
  });

  it('does not take a single short block as a headline (nothing would be left to answer from)', () => {
    const parsed = parseArticleText('Just one line', { slug: 'one' });
    expect(parsed.paragraphs).toEqual([{ index: 0, kind: 'body', label: '¶1', text: 'Just one line' }]);
  });
});

describe('parseArticleText on news furniture', () => {
  const text = `Fans Cheer Late Win\n\nMonday, July 28, 2014\n\nThe home side won 2 – 1 on a late goal.\n\n'Effectively kidnapped'\n\nThe coach said the team "never gave up".\n\nGroup B — Spain 1 – 1 Italy\n\nSpain and Italy drew.`;
  const parsed = parseArticleText(text, { slug: 'news' });

  it('takes the date from a dateline that opens with the weekday, and keeps it out of the answers', () => {
    expect(parsed.meta.published).toBe('2014-07-28');
    expect(parsed.paragraphs.some((p) => p.text.includes('2014'))).toBe(false);
  });

  it('moves subheads out of the answerable paragraphs into meta', () => {
    expect(parsed.meta.subheads).toEqual(["'Effectively kidnapped'", 'Group B — Spain 1 – 1 Italy']);
    expect(parsed.paragraphs.map((p) => p.label)).toEqual(['headline', '¶1', '¶2', '¶3']);
  });
});
