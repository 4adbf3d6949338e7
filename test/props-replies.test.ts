// Property: every reply formatter in src/reply/ turns hostile data (the question, but also whatever
// an ingested article may contain: titles, names, labels, passages, matched words) into a message
// Discord accepts, that pings no one and renders the text literally. Fed directly, so the article's
// side of each reply is as hostile as the user's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { Answer, Passage } from '../src/engine/types.ts';
import { passageKey } from '../src/engine/passage-key.ts';
import type { ArticleMeta, Entity, Paragraph, Quote, TimelineEntry } from '../src/knowledge/schema.ts';
import { answerReply, notFoundReply, passageBlock, questionTitle } from '../src/reply/answer.ts';
import { articleReply } from '../src/reply/article.ts';
import { confidenceHint } from '../src/reply/confidence.ts';
import { helpReply } from '../src/reply/help.ts';
import { highlight } from '../src/reply/highlight.ts';
import { LIMITS } from '../src/reply/limits.ts';
import { message } from '../src/reply/message.ts';
import { contextReply, findInArticleReply, moreMatchesReply } from '../src/reply/passages.ts';
import { quotesReply } from '../src/reply/quotes.ts';
import { timelineReply } from '../src/reply/timeline.ts';
import { fitRendered, truncate } from '../src/reply/truncate.ts';
import { whoNotFoundReply, whoReply } from '../src/reply/who.ts';
import { kbReloadReply, kbStatsReply } from '../src/reply/kb.ts';
import { unansweredReply } from '../src/reply/unanswered.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { MENTION, hostilePieces, hostileText, longHostile, markdownProblems, messageProblems, shortHostile, textParts, type MarkdownAllowance } from './helpers/hostile.ts';

const RUNS = Number(process.env.PROPS_RUNS ?? 100);
/** For the formatters that bold many passages: each highlight compiles a unicode-aware regex. */
const HEAVY_RUNS = Math.ceil(RUNS / 2);
let tried = 0;

/** Schema text: trimmed, at least one character (what the knowledge loader lets through). */
const shortText = hostilePieces(8).map((s) => s.trim() || 'x');
/** Now and then 20,000 characters; rarer than in user input, as a reply is built from many texts. */
const text = fc.oneof({ weight: 30, arbitrary: shortText }, { weight: 1, arbitrary: hostileText.map((s) => s.trim() || 'x') });
/** Article slugs; the schema sets no length, so long ones come often (button ids must still fit). */
const slug = fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), fc.integer({ min: 70, max: 120 }).map((n) => `a${'-b'.repeat(n)}`.slice(0, n)));
const ids = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);

const meta: fc.Arbitrary<ArticleMeta> = fc.record(
  {
    slug,
    title: text,
    publisher: shortText,
    url: fc.webUrl(),
    section: fc.array(shortText, { maxLength: 4 }),
    readingTime: shortText,
    published: fc.constantFrom('2023-06-24', '1999-12-31'),
    contributors: fc.array(shortText, { maxLength: 6 }),
    summary: text,
  },
  { requiredKeys: ['slug', 'title', 'publisher', 'section', 'contributors'] },
);

/** Matched words: slices of the passage text (as the engine gives them) and hostile strays. */
function passage(articleSlug: fc.Arbitrary<string> = slug): fc.Arbitrary<Passage> {
  return fc
    .record({
      text,
      attribution: shortText,
      speaker: shortText,
      role: fc.option(shortText, { nil: undefined }),
      how: shortText,
      paragraph: fc.nat(50),
      paragraphLabel: shortText,
      passageId: fc.nat(999_999_999),
      score: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(0)),
      stray: fc.array(hostilePieces(3), { maxLength: 2 }),
      cuts: fc.array(fc.tuple(fc.nat(), fc.nat(30)), { maxLength: 6 }),
      article: articleSlug,
    })
    .map(({ stray, cuts, role, ...p }) => ({
      ...p,
      ...(role === undefined ? {} : { role }),
      key: passageKey(p.text),
      matched: [...cuts.map(([at, n]) => p.text.slice(at % p.text.length, (at % p.text.length) + n)), ...stray],
    }));
}

const entity: fc.Arbitrary<Entity> = fc.record({
  id: ids,
  name: shortText,
  type: fc.constantFrom('person', 'organisation', 'place', 'event', 'other'),
  role: shortText,
  aliases: fc.array(shortText, { maxLength: 3 }),
});

const paragraph: fc.Arbitrary<Paragraph> = fc.record({
  index: fc.nat(50),
  kind: fc.constantFrom('headline', 'body', 'credits'),
  label: shortText,
  text,
});

function problems(data: APIInteractionResponseCallbackData, allow: MarkdownAllowance = {}): string[] {
  tried++;
  const p = messageProblems(data);
  for (const part of textParts(data)) {
    if (MENTION.test(part.text)) p.push(`${part.where} carries a live mention: ${JSON.stringify(part.text.match(MENTION)![0])}`);
    if (part.markdown) p.push(...markdownProblems(part.text, { link: true, ...allow }).map((x) => `${part.where}: ${x}`));
  }
  return p;
}

describe('reply formatters, hostile data (property-based)', () => {
  it('answerReply and notFoundReply: any question, passage, alternatives and article', () => {
    fc.assert(
      fc.property(
        text,
        meta,
        fc.array(passage(), { minLength: 1, maxLength: 10 }),
        fc.array(shortText, { maxLength: 5 }),
        text,
        fc.boolean(),
        (question, m, [best, ...alternatives], suggestions, reason, ephemeral) => {
          const found: Answer = { question, found: true, answer: best!, alternatives, missing: [], suggestions: [] };
          expect(problems(answerReply(found, m, { ephemeral }))).toEqual([]);
          const miss: Answer = { question, found: false, answer: null, alternatives: [], reason, missing: [], suggestions };
          expect(problems(notFoundReply(miss, { ephemeral }))).toEqual([]);
          expect(problems(answerReply(miss, m, { ephemeral }))).toEqual([]);
          expect(problems(answerReply(miss, m, { ephemeral, article: m.slug }))).toEqual([]);
          expect(problems(answerReply({ ...miss, closest: best! }, m, { ephemeral, article: m.slug }))).toEqual([]);
          expect(problems(answerReply({ ...found, about: 'summary', band: 'high' }, m, { ephemeral }))).toEqual([]);
          expect(problems(answerReply({ ...found, band: 'low' }, m, { ephemeral }))).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('moreMatchesReply, contextReply and findInArticleReply: any passages, paragraphs and claim', () => {
    fc.assert(
      fc.property(
        meta,
        fc.array(passage(), { maxLength: 12 }),
        paragraph,
        fc.option(paragraph, { nil: undefined }),
        fc.option(paragraph, { nil: undefined }),
        text,
        (m, passages, para, before, after, claim) => {
          expect(problems(moreMatchesReply(passages, m, { ephemeral: true }))).toEqual([]);
          if (passages[0]) {
            const neighbours = { ...(before ? { before } : {}), ...(after ? { after } : {}) };
            expect(problems(contextReply(passages[0], para, neighbours, m, { ephemeral: true }))).toEqual([]);
          }
          const [best, ...alternatives] = passages;
          const answer: Answer = best
            ? { question: claim, found: true, answer: best, alternatives, missing: [], suggestions: [] }
            : { question: claim, found: false, answer: null, alternatives: [], reason: 'The article does not say.', missing: [], suggestions: [claim] };
          expect(problems(findInArticleReply(claim, answer, m), { quote: true })).toEqual([]);
        },
      ),
      { numRuns: HEAVY_RUNS },
    );
  });

  it('quotesReply, whoReply and whoNotFoundReply: any speakers, quotes, filters and names', () => {
    const quote: fc.Arbitrary<Quote> = fc.record({ id: ids, paragraph: fc.nat(50), text, speaker: ids, role: shortText, setting: shortText });
    fc.assert(
      fc.property(
        meta,
        fc.array(entity, { maxLength: 15 }),
        fc.array(quote, { maxLength: 14 }),
        fc.option(text, { nil: undefined }),
        fc.option(text, { nil: undefined }),
        fc.array(passage(), { maxLength: 8 }),
        shortText,
        (m, entities, quotes, speaker, topic, mentions, label) => {
          const byId = new Map(entities.map((e) => [e.id, e]));
          const filter = { ...(speaker ? { speaker } : {}), ...(topic ? { topic } : {}) };
          expect(problems(quotesReply(quotes, byId, m, filter, () => label))).toEqual([]);
          if (entities[0]) expect(problems(whoReply(entities[0], mentions, m))).toEqual([]);
          expect(problems(whoNotFoundReply(speaker ?? label, entities))).toEqual([]);
        },
      ),
      { numRuns: HEAVY_RUNS },
    );
  });

  it('timelineReply, articleReply and helpReply: any article', () => {
    const entry: fc.Arbitrary<TimelineEntry> = fc.record({
      date: fc.constantFrom('2023', '2023-06', '2023-06-24', '0755'),
      when: shortText,
      event: text,
      paragraph: fc.nat(50),
    });
    fc.assert(
      fc.property(meta, fc.array(entry, { maxLength: 40 }), shortText, fc.nat(), (m, entries, label, n) => {
        expect(problems(timelineReply(entries, m, () => label))).toEqual([]);
        expect(problems(articleReply(m, { paragraphs: n, quotes: n, entities: n }))).toEqual([]);
        expect(problems(helpReply(m), { code: true })).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('the building blocks: truncate, fitRendered, highlight, questionTitle, passageBlock, confidenceHint', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 5, arbitrary: shortHostile }, { weight: 1, arbitrary: longHostile() }), fc.array(hostilePieces(4), { maxLength: 6 }), fc.integer({ min: 0, max: 5000 }), passage(), fc.double(), (t, terms, max, p, score) => {
        tried++;
        const cut = truncate(t, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (t.length <= max) expect(cut).toBe(t);
        // Never a surrogate pair split by the cut.
        const kept = cut.replace(/ ?…$/, '');
        if (t.startsWith(kept) && /[\ud800-\udbff]$/.test(kept)) expect(/^[\udc00-\udfff]/.test(t.slice(kept.length))).toBe(false);
        const fitted = fitRendered(t, (x) => highlight(x, terms), Math.max(1, max));
        expect(fitted.length).toBeLessThanOrEqual(Math.max(1, max));
        expect(markdownProblems(highlight(t, terms))).toEqual([]);
        const title = questionTitle(t);
        expect(title.length).toBeLessThanOrEqual(LIMITS.title);
        expect(markdownProblems(title)).toEqual([]);
        expect(passageBlock(p, LIMITS.fieldValue).length).toBeLessThanOrEqual(LIMITS.fieldValue);
        const hint = confidenceHint(score);
        expect(hint.label).toMatch(/^(High|Medium|Low) \(\d+%\)/);
      }),
      { numRuns: RUNS },
    );
  });

  it('message: any number of embeds and fields, any part too long, still a body Discord accepts', () => {
    const part = fc.oneof({ weight: 4, arbitrary: shortText }, { weight: 1, arbitrary: longHostile(3000) });
    const embed = fc.record(
      {
        title: part,
        description: part,
        footer: part.map((text) => ({ text })),
        author: part.map((name) => ({ name })),
        fields: fc.array(fc.record({ name: part, value: part }), { maxLength: 30 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.option(part, { nil: undefined }), fc.array(embed, { maxLength: 12 }), (content, embeds) => {
        tried++;
        if (content === undefined && embeds.length === 0) return;
        expect(messageProblems(message({ ...(content === undefined ? {} : { content }), embeds }))).toEqual([]);
      }),
      { numRuns: HEAVY_RUNS },
    );
  });

  it('kbStatsReply, kbReloadReply and unansweredReply: any questions, loader messages and articles', () => {
    const snapshot = createKnowledgeStore().current();
    const group = fc.record({
      representative: text,
      article: fc.oneof(slug, fc.constant('*'), shortText),
      count: fc.nat(10_000),
      variants: fc.nat(50),
      examples: fc.array(shortText, { maxLength: 5 }),
      lastSeen: fc.constant(Date.now()),
      kinds: fc.record({ 'not-found': fc.nat(9), 'low-confidence': fc.nat(9), feedback: fc.nat(9) }, { requiredKeys: [] }),
      candidate: fc.option(text, { nil: null }),
    });
    // Backticks around the source, numbered lists and "<t:…:R>" for now are these replies' own markup.
    const own = { code: true, list: true, timestamps: true };
    fc.assert(
      fc.property(
        fc.array(fc.record({ question: text, count: fc.nat(1000) }), { maxLength: 12 }),
        fc.array(fc.record({ dir: shortText, message: text }), { maxLength: 4 }),
        text,
        fc.array(group, { maxLength: 20 }),
        fc.option(shortText, { nil: undefined }),
        (top, skipped, failure, groups, article) => {
          const hostile = { ...snapshot, source: failure, skipped: skipped.map((s) => ({ ...s, problems: [] })) };
          const totals = { total: top.length, distinct: top.length, since: new Date() };
          expect(problems(kbStatsReply(hostile, top, totals, { database: failure }), own)).toEqual([]);
          expect(problems(kbReloadReply({ ok: true, snapshot: hostile, previous: snapshot }), own)).toEqual([]);
          expect(problems(kbReloadReply({ ok: false, error: new Error(failure), message: failure, snapshot, ms: 1 }), own)).toEqual([]);
          const titleOf = (s: string) => (s === 'a' ? failure : undefined);
          expect(problems(unansweredReply(groups, { titleOf, ...(article ? { article } : {}) }), own)).toEqual([]);
          expect(problems(unansweredReply(groups, { titleOf, problem: failure }), own)).toEqual([]);
        },
      ),
      { numRuns: HEAVY_RUNS },
    );
  });

  it('reports how many hostile replies it built', () => {
    console.log(`props-replies: ${tried} replies built from hostile data`);
    expect(tried).toBeGreaterThan(0);
  });
});
