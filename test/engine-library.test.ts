// A library of articles answers as one, naming the article each answer came from.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../src/engine/library.ts';
import { loadArticleFile, loadDefaultPack } from '../src/knowledge/loader.ts';
import { packFromText } from '../src/knowledge/from-text.ts';

const seed = loadDefaultPack();
const harbour = loadArticleFile(join(import.meta.dirname, 'fixtures/harbour-article.txt'), { slug: 'harbour-bridge' });
const volcano = packFromText(
  'Volcano Erupts on Remote Island\n\nThe volcano on Kora Island erupted on Monday, sending ash 12 kilometres into the sky, the island geology service said.\n\nAbout 2,000 residents were evacuated by ferry, according to the coast guard.',
  'kora-volcano',
);
const library = createLibrary([seed, harbour, volcano]);

describe('createLibrary', () => {
  it('answers from whichever article covers the question, and says which', () => {
    const bridge = library.answer('How much will the bridge cost?');
    expect(bridge.found).toBe(true);
    expect(bridge.answer!.article).toBe('harbour-bridge');
    const wagner = library.answer('Who did China’s foreign minister meet?');
    expect(wagner.answer!.article).toBe('time-china-russia-wagner');
    const ash = library.answer('How high did the ash go?');
    expect(ash.answer!.article).toBe('kora-volcano');
    expect(ash.answer!.attribution).toMatch(/geology service/);
  });

  it('asks one article when told to, and refuses what that article does not cover', () => {
    expect(library.answer('How much will the bridge cost?', { article: 'time-china-russia-wagner' }).found).toBe(false);
    expect(library.answer('How many residents were evacuated?', { article: 'kora-volcano' }).answer!.text).toContain('2,000 residents');
    expect(() => library.answer('anything', { article: 'no-such-article' })).toThrow(/no-such-article/);
  });

  it('refuses what no article covers', () => {
    const a = library.answer('Who won the Super Bowl?');
    expect(a.found).toBe(false);
    expect(a.reason).toBeTruthy();
  });

  it('lists and finds its articles, and rejects two packs with one slug', () => {
    expect(library.articles.map((a) => a.slug)).toEqual(['time-china-russia-wagner', 'harbour-bridge', 'kora-volcano']);
    expect(library.findArticle('volcano')?.slug).toBe('kora-volcano');
    expect(library.findArticle('harbour-bridge')?.slug).toBe('harbour-bridge');
    expect(() => createLibrary([volcano, volcano])).toThrow(/kora-volcano/);
  });

  it('mixes suggestions from every article, within Discord limits', () => {
    const s = library.suggest('', { limit: 25 });
    expect(s.length).toBeLessThanOrEqual(25);
    expect(new Set(s).size).toBe(s.length);
    expect(library.suggest('bridge', { article: 'harbour-bridge' }).join(' ')).toMatch(/bridge/i);
  });
});
