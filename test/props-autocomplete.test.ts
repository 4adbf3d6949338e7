// Property: autocomplete, driven through the shared handler with the payload Discord sends on each
// keystroke, answers any partial text with at most 25 choices whose names and values are 1–100
// characters (Discord rejects the whole list otherwise), never fails, and always the same way.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, type APIApplicationCommandAutocompleteResponse, type APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { createInteractionHandler } from '../src/discord/handler.ts';
import type { HandleInteraction } from '../src/discord/interaction-result.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import type { Logger } from '../src/log.ts';
import { autocomplete, chatInput } from '../testing/fake-discord/interactions.ts';
import { hostileText, messageProblems } from './helpers/hostile.ts';
import { messageData } from './helpers/responses.ts';

const RUNS = Number(process.env.PROPS_RUNS ?? 100);

let handle: HandleInteraction;
const failures: string[] = [];
let tried = 0;

beforeAll(() => {
  const knowledge = createKnowledgeStore();
  const record = (m: string, err?: unknown) => failures.push(`${m} ${err instanceof Error ? err.stack : String(err ?? '')}`);
  const log: Logger = { debug: () => undefined, info: () => undefined, warn: record, error: record };
  handle = createInteractionHandler({ knowledge, cooldown: false, log, deadlineMs: 60_000 });
});

async function choices(command: string, option: string, typed: string): Promise<APIApplicationCommandOptionChoice[]> {
  tried++;
  const result = await handle(autocomplete(command, option, typed));
  expect(result.followUp).toBeUndefined();
  expect(result.response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
  return (result.response as APIApplicationCommandAutocompleteResponse).data.choices ?? [];
}

function choiceProblems(list: APIApplicationCommandOptionChoice[]): string[] {
  const p: string[] = [];
  if (list.length > 25) p.push(`${list.length} choices > 25`);
  const values = new Set<string>();
  for (const c of list) {
    const value = String(c.value);
    if (c.name.length < 1 || c.name.length > 100) p.push(`choice name of ${c.name.length} characters: ${JSON.stringify(c.name)}`);
    if (value.length < 1 || value.length > 100) p.push(`choice value of ${value.length} characters: ${JSON.stringify(value)}`);
    if (c.name.trim() === '' || value.trim() === '') p.push(`blank choice ${JSON.stringify(c)}`);
    if (values.has(value)) p.push(`duplicate value ${JSON.stringify(value)}`);
    values.add(value);
  }
  return p;
}

describe('autocomplete through the handler, hostile input (property-based)', () => {
  it('/ask question, /quote speaker, /who name and every article option: valid, deterministic choice lists', async () => {
    const targets: Array<[string, string]> = [
      ['ask', 'question'],
      ['quote', 'speaker'],
      ['who', 'name'],
      ['ask', 'article'],
      ['quote', 'article'],
      ['who', 'article'],
      ['timeline', 'article'],
      ['article', 'article'],
    ];
    await fc.assert(
      fc.asyncProperty(hostileText, fc.constantFrom(...targets), async (typed, [command, option]) => {
        const list = await choices(command!, option!, typed);
        expect(choiceProblems(list)).toEqual([]);
        expect(await choices(command!, option!, typed)).toEqual(list);
        expect(failures).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('a picked /ask suggestion, sent as the question, gets a valid answer', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.nat(24), async (typed, pick) => {
        const list = await choices('ask', 'question', typed);
        const chosen = list[pick % Math.max(1, list.length)];
        if (!chosen) return;
        const result = await handle(chatInput('ask', { question: String(chosen.value) }));
        expect(result.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
        expect(messageProblems(messageData(result.response))).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('autocomplete for an option or a command without it gives an empty list, not an error', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.constantFrom(['help', 'x'], ['quote', 'topic'], ['nope', 'question']), async (typed, [command, option]) => {
        const list = await choices(command!, option!, typed);
        expect(choiceProblems(list)).toEqual([]);
        expect(failures).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('reports how many keystrokes it tried', () => {
    console.log(`props-autocomplete: ${tried} hostile autocomplete interactions`);
    expect(tried).toBeGreaterThan(0);
  });
});
