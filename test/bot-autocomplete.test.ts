// Autocomplete through the real client: suggestions as the user types, within Discord's limits
// (≤ 25 choices, names and values 1..100 characters), sent as type 8 without a query string.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, type APIApplicationCommandAutocompleteResponse, type APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { autocomplete } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';

let h: BotHarness;
beforeAll(async () => {
  h = await startBot();
});
afterAll(async () => {
  await h?.close();
});

async function choices(command: string, option: string, typed: string): Promise<APIApplicationCommandOptionChoice[]> {
  const cb = await h.fake.interact(autocomplete(command, option, typed));
  expect(cb.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
  expect(cb.request.query).toEqual({});
  const list = (cb.body as APIApplicationCommandAutocompleteResponse).data.choices ?? [];
  expect(list.length).toBeLessThanOrEqual(25);
  for (const c of list) {
    expect(c.name.length).toBeGreaterThan(0);
    expect(c.name.length).toBeLessThanOrEqual(100);
    expect(String(c.value).length).toBeGreaterThan(0);
    expect(String(c.value).length).toBeLessThanOrEqual(100);
  }
  expect(new Set(list.map((c) => c.value)).size).toBe(list.length);
  return list;
}

describe('autocomplete', () => {
  it('/ask suggests questions and facts for an empty, partial or long input', async () => {
    expect((await choices('ask', 'question', '')).length).toBeGreaterThan(0);
    const who = await choices('ask', 'question', 'who');
    expect(who.length).toBeGreaterThan(0);
    const typo = await choices('ask', 'question', 'prigoz');
    expect(typo.some((c) => /Prigozhin/.test(c.name))).toBe(true);
    await choices('ask', 'question', 'x'.repeat(300));
    await choices('ask', 'question', '@everyone <@&1> **wh');
  });

  it('/quote suggests speakers who have quotes, /who suggests people and organisations', async () => {
    const speakers = await choices('quote', 'speaker', 'pu');
    expect(speakers.map((c) => c.value)).toContain('vladimir-putin');
    const who = await choices('who', 'name', 'wag');
    expect(who.some((c) => /Wagner/.test(c.name))).toBe(true);
    expect((await choices('who', 'name', '')).length).toBeGreaterThan(5);
  });
});
