// Property: every command, button and the context menu, driven through the shared handler with the
// raw payloads Discord sends, answers hostile text without an error, within Discord's limits, with
// allowed_mentions parse [], with nothing that could ping or format, and the same way every time.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { openCuratorStore, type CuratorStore } from '../src/store/store.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import type { HandleInteraction } from '../src/discord/interaction-result.ts';
import type { Engine } from '../src/engine/index.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import type { Logger } from '../src/log.ts';
import { button, chatInput, messageCommand, snowflake, type OptionValue } from '../testing/fake-discord/interactions.ts';
import { tempDataDirs } from './helpers/data-dir.ts';
import { MENTION, hostileText, markdownProblems, messageProblems, textParts, type MarkdownAllowance } from './helpers/hostile.ts';
import { customIds } from './helpers/responses.ts';

const RUNS = Number(process.env.PROPS_RUNS ?? 100);
const dataDir = tempDataDirs();

let engine: Engine;
let curator: CuratorStore;
let handle: HandleInteraction;
const failures: string[] = [];
let tried = 0;

beforeAll(() => {
  // As npm start wires it: the knowledge library, and the curator database (which records hostile
  // questions for /kb unanswered) in a temporary DATA_DIR.
  const knowledge = createKnowledgeStore();
  engine = knowledge.current().engine;
  const quiet = { warn: () => undefined, info: () => undefined };
  curator = openCuratorStore({ dataDir: dataDir(), log: quiet });
  const record = (m: string, err?: unknown) => failures.push(`${m} ${err instanceof Error ? err.stack : String(err ?? '')}`);
  // Warnings (an unknown command, a refused /kb) are expected; an error is a failed interaction.
  const log: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: record };
  // A long deadline keeps the answer in the response (the deferral path has its own tests).
  handle = createInteractionHandler({ knowledge, curator, cooldown: false, log, deadlineMs: 60_000 });
});
afterAll(() => curator?.close());

const MANAGE = String(PermissionFlagsBits.ManageGuild);

/** A /kb or /settings payload: one subcommand with its options, sent by a member who may (or may not) manage. */
function subcommand(name: string, sub: string, options: APIApplicationCommandInteractionDataBasicOption[], opts: { manage?: boolean; guildId?: string } = {}): APIChatInputApplicationCommandInteraction {
  const i = chatInput(name, {}, opts.guildId ? { guildId: opts.guildId } : {});
  i.data.options = [{ type: ApplicationCommandOptionType.Subcommand, name: sub, options }];
  if (opts.manage !== false && i.member) i.member.permissions = MANAGE;
  return i;
}

const str = (name: string, value: string): APIApplicationCommandInteractionDataBasicOption => ({ name, type: ApplicationCommandOptionType.String, value });

/** The message a reader ends up seeing: the response body, or the follow-up edit after a deferral. */
async function finalMessage(i: APIInteraction): Promise<APIInteractionResponseCallbackData> {
  const result = await handle(i);
  if (result.followUp) return (await result.followUp) as APIInteractionResponseCallbackData;
  const r = result.response;
  expect([InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.UpdateMessage]).toContain(r.type);
  return (r as { data: APIInteractionResponseCallbackData }).data;
}

/** Everything the properties demand of one reply. */
function problems(data: APIInteractionResponseCallbackData, allow: MarkdownAllowance = {}): string[] {
  const p = messageProblems(data);
  for (const part of textParts(data)) {
    if (MENTION.test(part.text)) p.push(`${part.where} carries a live mention: ${JSON.stringify(part.text.match(MENTION)![0])}`);
    if (part.markdown) p.push(...markdownProblems(part.text, allow).map((x) => `${part.where}: ${x}`));
  }
  if (/Something went wrong/.test(JSON.stringify(data))) p.push('the handler failed and answered with the error notice');
  return p;
}

/** Sends `make()` twice (fresh ids and tokens each time): both answers must pass and be equal. */
async function check(make: () => APIInteraction, allow?: MarkdownAllowance): Promise<APIInteractionResponseCallbackData> {
  tried++;
  const first = await finalMessage(make());
  expect(problems(first, allow)).toEqual([]);
  expect(await finalMessage(make())).toEqual(first);
  expect(failures).toEqual([]);
  return first;
}

describe('commands through the handler, hostile input (property-based)', () => {
  it('/ask: any question, public or private; its buttons answer too', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.option(fc.boolean()), async (question, priv) => {
        const opts: Record<string, OptionValue> = priv === null ? { question } : { question, private: priv };
        const data = await check(() => chatInput('ask', opts));
        // Title echoes the question literally: escaped, single line, quoted.
        expect(data.embeds![0]!.title).toMatch(/^“[\s\S]*”$|…$/);
        // The buttons this answer carries lead to valid replies as well.
        for (const id of customIds(data)) await check(() => button(id));
      }),
      { numRuns: RUNS },
    );
  });

  it('/quote and /who: any speaker, topic and name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(hostileText), fc.option(hostileText), async (speaker, topic) => {
        const opts: Record<string, OptionValue> = { ...(speaker === null ? {} : { speaker }), ...(topic === null ? {} : { topic }) };
        await check(() => chatInput('quote', opts));
        await check(() => chatInput('who', { name: speaker ?? topic ?? '' }));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('the article option of every command: any text, a real slug, or a near miss', async () => {
    const slug = engine.pack.meta.slug;
    const article = fc.oneof(hostileText, fc.constant(slug), hostileText.map((s) => `${slug}${s}`.slice(0, 120)));
    await fc.assert(
      fc.asyncProperty(article, async (value) => {
        // An unknown article lists the library, slugs in backticks.
        const code = { code: true };
        await check(() => chatInput('ask', { question: 'Who did Ma Zhaoxu meet?', article: value }), code);
        await check(() => chatInput('quote', { article: value }), code);
        await check(() => chatInput('who', { name: 'Prigozhin', article: value }), code);
        await check(() => chatInput('timeline', { article: value }), code);
        await check(() => chatInput('article', { article: value }), code);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('/kb stats and /kb unanswered echo the hostile questions asked so far, safely; /kb refuses non-moderators', async () => {
    // Questions the earlier properties asked are counted (stats) and the misses recorded (unanswered).
    await fc.assert(
      fc.asyncProperty(fc.option(hostileText), async (article) => {
        // Numbered lists, the knowledge source in backticks and "since <t:…:R>" are the formatter's own.
        const own = { code: true, list: true, timestamps: true };
        await check(() => subcommand('kb', 'stats', []), own);
        await check(() => subcommand('kb', 'unanswered', article === null ? [] : [str('article', article)]), own);
        const refused = await check(() => subcommand('kb', 'stats', [], { manage: false }), own);
        expect(refused.content).toMatch(/Manage Server/);
      }),
      { numRuns: Math.ceil(RUNS / 5) },
    );
    expect(curator.healthy).toBe(true);
  });

  it('/settings: any article, cooldown and flag, each in its own server', async () => {
    const value = fc.oneof(
      hostileText.map((s) => ['article', [str('article', s)]] as const),
      fc.tuple(fc.option(fc.integer()), fc.option(fc.integer())).map(
        ([burst, refill]) =>
          [
            'cooldown',
            [
              ...(burst === null ? [] : [{ name: 'burst', type: ApplicationCommandOptionType.Integer as const, value: burst }]),
              ...(refill === null ? [] : [{ name: 'refill_ms', type: ApplicationCommandOptionType.Integer as const, value: refill }]),
            ],
          ] as const,
      ),
      fc.boolean().map((b) => ['private', [{ name: 'enabled', type: ApplicationCommandOptionType.Boolean as const, value: b }]] as const),
      fc.constant(['show', []] as const),
    );
    await fc.assert(
      fc.asyncProperty(value, async ([sub, options]) => {
        tried++;
        const guildId = snowflake();
        const data = await finalMessage(subcommand('settings', sub, [...options], { guildId }));
        expect(problems(data, { code: true })).toEqual([]);
        expect(problems(await finalMessage(subcommand('settings', 'show', [], { guildId })), { code: true })).toEqual([]);
        expect(failures).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('Find in article: any message text', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (content) => {
        await check(() => messageCommand('Find in article', { content }), { quote: true });
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('buttons: any custom_id, including forged ask ids, gets a valid notice or page', async () => {
    const slug = engine.pack.meta.slug;
    const forged = fc.oneof(
      hostileText.map((s) => s.slice(0, 100)),
      fc.tuple(fc.constantFrom('ask:more:', 'ask:next:', 'ask:ctx:'), fc.constantFrom(`${slug}:`, 'other:', ''), hostileText).map(([a, b, c]) => `${a}${b}${c}`.slice(0, 100)),
      fc.tuple(fc.constantFrom('ask:more', 'ask:next', 'ask:ctx'), fc.array(fc.integer({ min: 0, max: 999_999_999 }), { minLength: 1, maxLength: 12 })).map(
        ([p, ids]) => `${p}:${slug}:${ids.join('.')}`.slice(0, 100),
      ),
    );
    await fc.assert(
      fc.asyncProperty(forged, async (id) => {
        await check(() => button(id));
      }),
      { numRuns: RUNS },
    );
  });

  it('/timeline, /article and /help stay valid (no user text, but the same checks)', async () => {
    await check(() => chatInput('timeline'));
    await check(() => chatInput('article'));
    await check(() => chatInput('help'), { code: true });
  });

  it('an unknown command name is a notice, not an error', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (name) => {
        tried++;
        const data = await finalMessage(chatInput(name.slice(0, 32)));
        expect(messageProblems(data)).toEqual([]);
        expect(failures).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('reports how many hostile interactions it tried', () => {
    console.log(`props-commands: ${tried} hostile interactions, each sent twice`);
    expect(tried).toBeGreaterThan(0);
  });
});
