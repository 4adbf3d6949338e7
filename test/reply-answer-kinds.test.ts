// How each kind of answer reads, on Discord and in the terminal, from answers built by hand (the
// engine's declared types are plain data): a near miss says so and shows no confidence, a question
// about the article shows its details, the engine's band decides the confidence word, and a miss
// offers its did-you-mean questions in a menu.
import { describe, expect, it } from 'vitest';
import { ComponentType, MessageFlags } from 'discord-api-types/v10';
import type { Answer, Passage } from '../src/engine/types.ts';
import type { ArticleMeta } from '../src/knowledge/schema.ts';
import { answerReply, CLOSEST_LEAD } from '../src/reply/answer.ts';
import { formatAnswerText } from '../src/cli/format.ts';
import { findInArticleReply } from '../src/reply/passages.ts';
import { decodeDidYouMean } from '../src/reply/buttons.ts';
import { visibleText } from './helpers/responses.ts';
import { parseArticleText, UNKNOWN_PUBLISHER } from '../src/knowledge/plain-text.ts';

const meta: ArticleMeta = { slug: 'harbour-bridge', title: 'City Council Approves New Harbour Bridge', publisher: 'Harbour Herald', section: [], contributors: ['A. Writer'] };
const passage: Passage = {
  text: 'The project will cost 240 million dollars, according to the council’s finance office.', attribution: 'the council’s finance office', speaker: 'the council’s finance office',
  how: 'according to', paragraph: 3, paragraphLabel: '¶3', passageId: 4, key: 'bridgeK4', score: 0.81, matched: ['cost'], article: 'harbour-bridge',
};
const base: Answer = { question: 'how much does each lane cost', found: false, answer: null, alternatives: [], missing: [], suggestions: [] };
const embedOf = (a: Answer, opts = { ephemeral: false }) => answerReply(a, meta, opts).embeds![0]!;

describe('a near miss (Answer.closest)', () => {
  const near: Answer = { ...base, closest: passage, reason: 'The article gives no figure per lane.', suggestions: ['How much will the bridge cost?'] };

  it('says the article does not say exactly and shows the closest passage, with no confidence', () => {
    const data = answerReply(near, meta, { ephemeral: false });
    const text = visibleText(data);
    expect(text).toContain(CLOSEST_LEAD);
    expect(text).toContain('240 million dollars');
    expect(text).not.toMatch(/Not in the article|Confidence|High/);
    expect(data.embeds![0]!.fields!.map((f) => f.name)).toEqual(['Source']);
    const kinds = (data.components ?? []).flatMap((row) => (row as { components: Array<{ type: number }> }).components.map((c) => c.type));
    expect(kinds).toContain(ComponentType.StringSelect); // its did-you-mean questions stay pickable
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('is shown by the claim check too, after saying the article does not address the claim', () => {
    const text = visibleText(findInArticleReply('each lane costs 5 million', near, meta));
    expect(text).toMatch(/does not address this[\s\S]*doesn't say exactly[\s\S]*240 million dollars/);
  });

  it('reads the same way in the terminal', () => {
    const out = formatAnswerText(near, () => meta);
    expect(out.startsWith(CLOSEST_LEAD)).toBe(true);
    expect(out).toContain('240 million dollars');
    expect(out).toContain('¶3');
    expect(out).not.toMatch(/confidence/i);
    expect(out).toMatch(/Did you mean:\n  • How much will the bridge cost\?/);
  });
});

describe('a question about the article (Answer.about)', () => {
  const about: Answer = { ...base, question: 'who wrote this', found: true, about: 'authors', band: 'high', answer: { ...passage, text: 'Written by A. Writer.', paragraphLabel: 'about the article', score: 1 } };

  it('answers from the article’s details, without confidence or passage buttons', () => {
    const data = answerReply(about, meta, { ephemeral: false });
    const embed = data.embeds![0]!;
    expect(embed.description).toBe('Written by A. Writer.');
    expect(embed.fields).toEqual([{ name: 'Source', value: 'The article\'s details: “City Council Approves New Harbour Bridge”, Harbour Herald' }]);
    expect(data.components).toBeUndefined();
  });

  it('in the terminal too', () => {
    expect(formatAnswerText(about, () => meta)).toBe("Written by A. Writer.\n\nSource: the article's details (“City Council Approves New Harbour Bridge”, Harbour Herald)");
  });
});

describe('the terminal Source line', () => {
  const found: Answer = { ...base, found: true, answer: passage };
  // The meta a plain article gets when no publisher is given: its publisher is the placeholder "the article".
  const bare = parseArticleText('Harbour Bridge Approved\n\nThe council voted for the bridge.', { slug: 'bridge' }).meta;

  it('leaves out a placeholder publisher instead of printing “…”, the article', () => {
    expect(bare.publisher).toBe(UNKNOWN_PUBLISHER);
    const out = formatAnswerText(found, () => bare);
    expect(out).toContain('Source: “Harbour Bridge Approved”, ¶3');
    expect(out).not.toMatch(/, the article\b/);
  });

  it('ends with the article URL when the pack knows one, and names a real publisher', () => {
    const url = 'https://news.example.org/bridge-approved';
    expect(formatAnswerText(found, () => ({ ...meta, url }))).toContain(`Source: “City Council Approves New Harbour Bridge”, Harbour Herald, ¶3 <${url}>`);
    expect(formatAnswerText({ ...found, about: 'authors' }, () => ({ ...bare, url }))).toContain(`Source: the article's details (“Harbour Bridge Approved” <${url}>)`);
  });
});

describe('the confidence band', () => {
  it('decides the word over the raw score', () => {
    const found: Answer = { ...base, found: true, answer: passage };
    expect(embedOf({ ...found, band: 'medium' }).fields![1]!.value).toMatch(/^Medium \(81%\)/);
    expect(embedOf({ ...found, band: 'high' }).fields![1]!.value).toMatch(/^High \(81%\)/);
    expect(embedOf(found).fields![1]!.value).toMatch(/^High \(81%\)/); // no band: the score decides
    expect(formatAnswerText({ ...found, band: 'low' }, () => meta)).toContain('confidence low, 81%');
  });
});

describe('did-you-mean on a miss', () => {
  const long = `What did the ${'very '.repeat(30)}long name say?`;
  const miss: Answer = { ...base, reason: 'The article does not mention lanes.', suggestions: ['How much will the bridge cost?', 'Who is Tom Becker?', 'How much will the bridge cost?', long, 'Who is Elena Ruiz?'] };

  it('is a menu of whole questions (≤ 100 characters, no repeats) whose id names the article asked', () => {
    const data = answerReply(miss, meta, { ephemeral: true, article: 'harbour-bridge' });
    const menu = (data.components![0] as { components: Array<{ type: number; custom_id: string; options: Array<{ label: string; value: string }> }> }).components[0]!;
    expect(menu.type).toBe(ComponentType.StringSelect);
    expect(menu.options.map((o) => o.value)).toEqual(['How much will the bridge cost?', 'Who is Tom Becker?', 'Who is Elena Ruiz?']);
    expect(decodeDidYouMean(menu.custom_id)).toEqual({ slug: 'harbour-bridge' });
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(visibleText(data)).toContain('Did you mean:');
  });

  it('asks every article when none was chosen, and has no menu without suggestions', () => {
    const data = answerReply(miss, meta, { ephemeral: false });
    const id = (data.components![0] as { components: Array<{ custom_id: string }> }).components[0]!.custom_id;
    expect(decodeDidYouMean(id)).toEqual({ slug: '' });
    expect(answerReply({ ...miss, suggestions: [] }, meta, { ephemeral: false }).components).toBeUndefined();
    expect(decodeDidYouMean('ask:dym:Bad Slug')).toBeUndefined();
  });
});
