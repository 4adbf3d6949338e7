// Which questions are about the article itself: a bare "it" or "this" means the article only when the
// question names nothing else first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleFacet } from '../src/engine/about-article.ts';
import { createEngine } from '../src/engine/index.ts';
import { extractEntities } from '../src/ingest/entities.ts';
import { loadArticleFile } from '../src/knowledge/loader.ts';
import { parseArticleText, parseCredits } from '../src/knowledge/plain-text.ts';

const dir = mkdtempSync(join(tmpdir(), 'about-article-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('articleFacet', () => {
  it('reads questions about the article, with or without chat padding', () => {
    expect(articleFacet('tldr')).toBe('summary');
    expect(articleFacet('ok so whats it about')).toBe('summary');
    expect(articleFacet('what is this article about')).toBe('summary');
    expect(articleFacet('who wrote it?')).toBe('authors');
    expect(articleFacet('when was it published')).toBe('published');
    expect(articleFacet('how long is it')).toBe('length');
  });
  it('leaves "it" to what the question named before it', () => {
    expect(articleFacet('hu xijin wrote something right? what was it about')).toBeUndefined();
    expect(articleFacet('the mayor gave a speech, how long was it')).toBeUndefined();
    expect(articleFacet('give me a summary of the deal')).toBeUndefined();
    expect(articleFacet('hu xijin wrote something, what was this article about')).toBe('summary');
  });
});

describe('who wrote it, from credit lines that say what each name did', () => {
  const body = 'The council approved the new harbour bridge on Tuesday after a two-year debate.';
  const story = (credits: string) => `Council approves harbour bridge\n\n${body}\n\n${credits}\n`;
  const wrote = (name: string, text: string) => {
    const file = join(dir, `${name}.txt`);
    writeFileSync(file, text);
    return createEngine(loadArticleFile(file)).answer('who wrote this');
  };

  it('reads the role of each name on a credit line', () => {
    expect(parseCredits('Reporting by Ana Ruiz in Lima; Editing by Tom Bell')).toEqual([
      { name: 'Ana Ruiz', role: 'reporting' },
      { name: 'Tom Bell', role: 'editing' },
    ]);
    expect(parseCredits('—With assistance from Jing Li and Xiao Zibang.')).toEqual([
      { name: 'Jing Li', role: 'assistance' },
      { name: 'Xiao Zibang', role: 'assistance' },
    ]);
  });

  it('does not make those credited only with assistance the authors', () => {
    const a = wrote('assist', story('—With assistance from Jing Li and Xiao Zibang.'));
    expect(a.about).toBe('authors');
    expect(a.answer!.text).toMatch(/^The article names no author; it credits Jing Li and Xiao Zibang with assistance/);
  });

  it('names the reporter as the author and the editor as what they did', () => {
    const a = wrote('reporting', story('Reporting by Ana Ruiz; Editing by Tom Bell'));
    expect(a.answer!.text).toMatch(/^Ana Ruiz \(the article's credits, which also credits Tom Bell with editing\)/);
  });

  it('gives an assisting contributor that role in the drafted entities', () => {
    const parsed = parseArticleText(story('—With assistance from Jing Li.'), { slug: 'assist' });
    const entities = extractEntities(parsed.paragraphs, { contributors: parsed.meta.contributors });
    expect(entities.find((e) => e.name === 'Jing Li')?.role).toBe('credited with assistance');
  });
});
