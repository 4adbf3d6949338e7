// The Source field of an answer: a masked link to the article when its URL is known, never a publisher
// called "the article", and always within an embed field with mentions off.
import { describe, expect, it } from 'vitest';
import { answerReply } from '../src/reply/answer.ts';
import { LIMITS } from '../src/reply/limits.ts';
import { UNKNOWN_PUBLISHER } from '../src/knowledge/plain-text.ts';
import type { ArticleMeta } from '../src/knowledge/schema.ts';
import { passage, stubPack } from './helpers/stub-engine.ts';

const source = (meta: ArticleMeta) => {
  const p = passage(1, 'Alice met Bob in Paris.');
  const data = answerReply({ question: 'Where did they meet?', found: true, answer: p, alternatives: [], missing: [], suggestions: [] }, meta, { ephemeral: false });
  expect(data.allowed_mentions).toEqual({ parse: [] });
  return data.embeds![0]!.fields!.find((f) => f.name === 'Source')!.value;
};

describe('the Source field', () => {
  it('links the article title when the pack has a URL', () => {
    expect(source({ ...stubPack.meta, url: 'https://example.org/news/a-stub' })).toBe('¶1 of [“A Stub Article”](https://example.org/news/a-stub), Test Press');
  });

  it('keeps the plain title without a URL, and encodes what would end a masked link', () => {
    expect(source(stubPack.meta)).toBe('¶1 of “A Stub Article”, Test Press');
    expect(source({ ...stubPack.meta, url: 'https://en.wikinews.org/wiki/A_(b)' })).toContain('(https://en.wikinews.org/wiki/A_%28b%29)');
  });

  it('names no publisher when none is known, instead of "the article"', () => {
    expect(source({ ...stubPack.meta, publisher: UNKNOWN_PUBLISHER })).toBe('¶1 of “A Stub Article”');
  });

  it('drops the link rather than overflow the field', () => {
    const value = source({ ...stubPack.meta, title: 'T'.repeat(900), url: `https://example.org/${'x'.repeat(300)}` });
    expect(value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(value).not.toContain('https://');
  });
});
