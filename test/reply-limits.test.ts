// Every reply must fit Discord's limits, cut long text at a sentence or word boundary with an
// ellipsis, and echo user text so it can neither format the message nor mention anyone.
import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord-api-types/v10';
import { answerReply, notFoundReply } from '../src/reply/answer.ts';
import { escapeText } from '../src/reply/escape.ts';
import { highlight } from '../src/reply/highlight.ts';
import { LIMITS } from '../src/reply/limits.ts';
import { embedLength, message } from '../src/reply/message.ts';
import { findInArticleReply, moreMatchesReply } from '../src/reply/passages.ts';
import { truncate } from '../src/reply/truncate.ts';
import { passage, stubPack } from './helpers/stub-engine.ts';

const meta = stubPack.meta;
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

function assertEmbedLimits(embed: APIEmbed): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
  for (const f of embed.fields ?? []) {
    expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
}

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('Short text.', 100)).toBe('Short text.');
  });

  it('cuts at a sentence end when that keeps most of the text', () => {
    const text = `${'A'.repeat(70)} ends here. Then another sentence that is far too long to fit in.`;
    expect(truncate(text, 100)).toBe(`${'A'.repeat(70)} ends here. …`);
  });

  it('otherwise cuts between words, never inside one', () => {
    const text = words(500);
    const out = truncate(text, 1024);
    expect(out.length).toBeLessThanOrEqual(1024);
    expect(out.endsWith('…')).toBe(true);
    const kept = out.slice(0, -1).split(' ');
    expect(text.split(' ')).toContain(kept[kept.length - 1]);
  });

  it('never splits a surrogate pair', () => {
    const out = truncate('😀'.repeat(100), 51);
    expect(out.length).toBeLessThanOrEqual(51);
    expect(() => encodeURIComponent(out)).not.toThrow();
  });
});

describe('escaping echoed text', () => {
  it('neutralises every mention form', () => {
    const out = escapeText('@everyone @here <@123> <@!123> <@&456> <#789> </ask:1>');
    expect(out).not.toMatch(/@everyone|@here|<@\d|<@!|<@&|<#\d|<\//);
  });

  it('escapes markdown so it renders literally', () => {
    expect(escapeText('**bold** _it_ `code` ||spoiler|| ~~s~~')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\|\\|spoiler\\|\\| \\~\\~s\\~\\~');
    expect(escapeText('# heading\n> quote\n- item')).toBe('\\# heading\n\\> quote\n\\- item');
  });

  it('bolds matched words without letting the text add markup', () => {
    expect(highlight('Qin Gang met *Rudenko*', ['Qin', 'Gang', 'Rudenko'])).toBe('**Qin Gang** met \\***Rudenko**\\*');
    expect(highlight('The minister met Rudenko', ['met'])).toBe('The minister **met** Rudenko');
  });
});

describe('reply bodies stay within Discord limits', () => {
  const huge = `${words(3000)}. ${words(3000)}.`;

  it('fits a very long answer passage, attribution and question', () => {
    const p = passage(1, huge, { attribution: words(2000), matched: ['word1', 'word7'] });
    const data = answerReply(
      { question: `${'?'.repeat(500)} @everyone`, found: true, answer: p, alternatives: [p], missing: [], suggestions: [] },
      meta,
      { ephemeral: false },
    );
    expect(data.allowed_mentions).toEqual({ parse: [] });
    for (const e of data.embeds ?? []) assertEmbedLimits(e);
    expect(data.embeds?.[0]?.description).toMatch(/…\n\n— /);
    for (const row of data.components ?? []) {
      for (const c of (row as { components: Array<{ custom_id?: string }> }).components) {
        expect(c.custom_id?.length ?? 0).toBeLessThanOrEqual(LIMITS.customId);
      }
    }
  });

  it('fits a miss with long suggestions', () => {
    const data = notFoundReply(
      { question: huge, found: false, answer: null, alternatives: [], missing: [], suggestions: [huge, huge, huge, huge], reason: huge },
      { ephemeral: true },
    );
    for (const e of data.embeds ?? []) assertEmbedLimits(e);
    expect(data.flags).toBe(64);
  });

  it('fits pages of long alternatives and claim checks', () => {
    const many = Array.from({ length: 30 }, (_, i) => passage(i, huge));
    const more = moreMatchesReply(many, meta, { ephemeral: true });
    for (const e of more.embeds ?? []) assertEmbedLimits(e);
    const find = findInArticleReply(huge, { question: huge, found: true, answer: many[0]!, alternatives: many.slice(1), missing: [], suggestions: [] }, meta);
    for (const e of find.embeds ?? []) assertEmbedLimits(e);
  });

  it('shares the 6,000 total across embeds and clamps content', () => {
    const embed: APIEmbed = { title: huge, description: huge, fields: Array.from({ length: 40 }, () => ({ name: huge, value: huge })) };
    const data = message({ content: huge, embeds: [embed, embed, embed] });
    expect(data.content!.length).toBeLessThanOrEqual(LIMITS.content);
    const total = (data.embeds ?? []).reduce((n, e) => n + embedLength(e), 0);
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
    for (const e of data.embeds ?? []) assertEmbedLimits(e);
  });
});
