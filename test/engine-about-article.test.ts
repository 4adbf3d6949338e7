// Which questions are about the article itself: a bare "it" or "this" means the article only when the
// question names nothing else first.
import { describe, expect, it } from 'vitest';
import { articleFacet } from '../src/engine/about-article.ts';

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
