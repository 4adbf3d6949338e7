// Property: every command, button and the context menu, driven through the shared handler with the
// raw payloads Discord sends, answers hostile text without an error, within Discord's limits, with
// allowed_mentions parse [], with nothing that could ping or format, and the same way every time.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, type APIInteraction, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { createInteractionHandler } from '../src/discord/handler.ts';
import type { HandleInteraction } from '../src/discord/contract.ts';
import { createEngine, type Engine } from '../src/engine/index.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';
import type { Logger } from '../src/log.ts';
import { button, chatInput, messageCommand, type OptionValue } from './fake-discord/interactions.ts';
import { MENTION, hostileText, markdownProblems, messageProblems, textParts } from './helpers/hostile.ts';
import { customIds } from './helpers/responses.ts';

const RUNS = Number(process.env.PROPS_RUNS ?? 100);

let engine: Engine;
let handle: HandleInteraction;
const failures: string[] = [];
let tried = 0;

beforeAll(() => {
  engine = createEngine(loadDefaultPack());
  const record = (m: string, err?: unknown) => failures.push(`${m} ${err instanceof Error ? err.stack : String(err ?? '')}`);
  const log: Logger = { debug: () => undefined, info: () => undefined, warn: record, error: record };
  // A long deadline keeps the answer in the response (the deferral path has its own tests).
  handle = createInteractionHandler({ engine, cooldown: false, log, deadlineMs: 60_000 });
});

/** The message a reader ends up seeing: the response body, or the follow-up edit after a deferral. */
async function finalMessage(i: APIInteraction): Promise<APIInteractionResponseCallbackData> {
  const result = await handle(i);
  if (result.followUp) return (await result.followUp) as APIInteractionResponseCallbackData;
  const r = result.response;
  expect([InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.UpdateMessage]).toContain(r.type);
  return (r as { data: APIInteractionResponseCallbackData }).data;
}

/** Everything the properties demand of one reply. */
function problems(data: APIInteractionResponseCallbackData, allow: { quote?: boolean; code?: boolean } = {}): string[] {
  const p = messageProblems(data);
  for (const part of textParts(data)) {
    if (MENTION.test(part.text)) p.push(`${part.where} carries a live mention: ${JSON.stringify(part.text.match(MENTION)![0])}`);
    if (part.markdown) p.push(...markdownProblems(part.text, allow).map((x) => `${part.where}: ${x}`));
  }
  if (/Something went wrong/.test(JSON.stringify(data))) p.push('the handler failed and answered with the error notice');
  return p;
}

/** Sends `make()` twice (fresh ids and tokens each time): both answers must pass and be equal. */
async function check(make: () => APIInteraction, allow?: { quote?: boolean; code?: boolean }): Promise<APIInteractionResponseCallbackData> {
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
      }),
      { numRuns: 30 },
    );
    failures.length = 0; // the handler warns about unknown commands, as it should
  });

  it('reports how many hostile interactions it tried', () => {
    console.log(`props-commands: ${tried} hostile interactions, each sent twice`);
    expect(tried).toBeGreaterThan(0);
  });
});
