// Every command over HTTP: real server on 127.0.0.1, real signatures, the real shared handler,
// engine and knowledge pack. What Discord would POST, and what it would read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIMessage,
} from 'discord-api-types/v10';
import { createEngine } from '../src/engine/index.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { autocomplete, botMessage, button, chatInput, messageCommand, type OptionValue } from '../testing/fake-discord/interactions.ts';
import { makeKeys, postInteraction, startServer, type RunningServer } from './http-helpers.ts';

const keys = makeKeys();
let srv: RunningServer;

beforeAll(async () => {
  const engine = createEngine(loadDefaultPack());
  srv = await startServer(keys, { handle: createInteractionHandler({ engine }) });
});
afterAll(async () => {
  await srv.close();
});

// A new user per interaction, so the per-user cooldown never decides a test.
let userSeq = 0;
const nextUser = () => ({ userId: String(1300000000000000000n + BigInt(++userSeq)) });

async function interact(interaction: APIInteraction): Promise<APIInteractionResponse> {
  const res = await postInteraction(srv.url, keys, interaction);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  return (await res.json()) as APIInteractionResponse;
}

/** A message answer (type 4 or 7) with allowed_mentions.parse = [] — the rule for every message. */
function messageData(response: APIInteractionResponse, type: InteractionResponseType = InteractionResponseType.ChannelMessageWithSource): APIInteractionResponseCallbackData {
  expect(response.type).toBe(type);
  const data = (response as { data?: APIInteractionResponseCallbackData }).data;
  expect(data).toBeDefined();
  expect(data!.allowed_mentions).toEqual({ parse: [] });
  return data!;
}

const command = (name: string, options: Record<string, OptionValue> = {}) => interact(chatInput(name, options, nextUser()));
const text = (data: APIInteractionResponseCallbackData) =>
  [data.content ?? '', ...(data.embeds ?? []).flatMap((e: APIEmbed) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])].join('\n');
const isEphemeral = (data: APIInteractionResponseCallbackData) => ((data.flags ?? 0) & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;

function buttons(data: APIInteractionResponseCallbackData): APIButtonComponentWithCustomId[] {
  const rows = (data.components ?? []) as APIActionRowComponent<APIComponentInMessageActionRow>[];
  return rows.flatMap((r) => r.components).filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && 'custom_id' in c);
}

function checkChoices(response: APIInteractionResponse): APIApplicationCommandOptionChoice[] {
  expect(response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
  const choices = (response as { data: { choices: APIApplicationCommandOptionChoice[] } }).data.choices;
  expect(choices.length).toBeLessThanOrEqual(25);
  for (const c of choices) {
    expect(c.name.length).toBeGreaterThanOrEqual(1);
    expect(c.name.length).toBeLessThanOrEqual(100);
    expect(String(c.value).length).toBeGreaterThanOrEqual(1);
    expect(String(c.value).length).toBeLessThanOrEqual(100);
  }
  return choices;
}

describe('slash commands over HTTP', () => {
  let found: APIInteractionResponseCallbackData;

  it('/ask answers a covered question in the HTTP response (type 4) with the passage and attribution', async () => {
    found = messageData(await command('ask', { question: "Who did China's foreign minister meet?" }));
    const embed = found.embeds![0]!;
    expect(embed.description).toMatch(/Rudenko/);
    expect(embed.description).toMatch(/\*\*/); // matched words in bold
    expect(text(found)).toMatch(/¶\d+/);
    expect(isEphemeral(found)).toBe(false);
    expect(buttons(found).map((b) => b.label)).toContain('Show context');
  });

  it('/ask says plainly when the article does not cover a question', async () => {
    const data = messageData(await command('ask', { question: 'What is the capital of France?' }));
    expect(data.embeds![0]!.description).toMatch(/Not in the article/);
    expect(buttons(data)).toHaveLength(0);
  });

  it('/ask private:true answers ephemerally', async () => {
    const data = messageData(await command('ask', { question: 'What did Hu Xijin say?', private: true }));
    expect(isEphemeral(data)).toBe(true);
  });

  it('/ask echoes mentions harmlessly: escaped text and allowed_mentions.parse = []', async () => {
    const data = messageData(await command('ask', { question: '@everyone <@&1234567890> what did Putin call the mutiny?' }));
    expect(text(data)).not.toMatch(/(^|[^\\\u200b])@everyone/);
  });

  it('/quote lists direct quotes with speaker', async () => {
    const data = messageData(await command('quote', { speaker: 'Putin' }));
    expect(text(data)).toMatch(/treason/i);
  });

  it('/who describes a person with role and mentions', async () => {
    const data = messageData(await command('who', { name: 'prigozin' }));
    expect(text(data)).toMatch(/Prigozhin/);
    expect(text(data)).toMatch(/Wagner/);
  });

  it('/timeline lists dated events', async () => {
    const data = messageData(await command('timeline'));
    expect(text(data)).toMatch(/2023|June/);
  });

  it('/article gives title, publisher and how to cite', async () => {
    const data = messageData(await command('article'));
    expect(text(data)).toMatch(/TIME/);
    expect(text(data)).toMatch(/cite/i);
  });

  it('/help explains the commands', async () => {
    const data = messageData(await command('help'));
    expect(text(data)).toMatch(/\/ask/);
  });

  it('an unknown command gets an ephemeral notice, not a failure', async () => {
    const data = messageData(await command('nonexistent'));
    expect(isEphemeral(data)).toBe(true);
  });

  it('the message context menu "Find in article" checks a claim, ephemerally', async () => {
    const interaction = messageCommand('Find in article', { content: 'China said the mutiny was Russia’s internal affair' }, nextUser());
    const data = messageData(await interact(interaction));
    expect(isEphemeral(data)).toBe(true);
    expect(text(data)).toMatch(/internal affair/i);
  });

  it('buttons from an /ask answer work over HTTP (type 4 ephemeral page, or type 7 update)', async () => {
    const onMessage: APIMessage = botMessage({ components: found.components as APIMessage['components'] });
    const all = buttons(found);
    expect(all.length).toBeGreaterThan(0);
    for (const b of all) {
      const response = await interact(button(b.custom_id, onMessage, nextUser()));
      expect([InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.UpdateMessage]).toContain(response.type);
      const data = messageData(response, response.type);
      expect(text(data).length).toBeGreaterThan(0);
    }
    // "More matches" pages onward with a button that edits the page in place (type 7).
    const more = all.find((b) => b.label === 'More matches');
    expect(more).toBeDefined();
    const page = messageData(await interact(button(more!.custom_id, onMessage, nextUser())));
    expect(isEphemeral(page)).toBe(true);
    expect(text(page)).toMatch(/Ma Zhaoxu|Rudenko/);
    const next = buttons(page).find((b) => b.custom_id.startsWith('ask:next'));
    expect(next).toBeDefined();
    const pageMsg = botMessage({ ephemeral: true, components: page.components as APIMessage['components'] });
    const updated = messageData(await interact(button(next!.custom_id, pageMsg, nextUser())), InteractionResponseType.UpdateMessage);
    expect(text(updated).length).toBeGreaterThan(0);
  });

  it('a stale or foreign button gets an ephemeral notice', async () => {
    const data = messageData(await interact(button('nobody:knows', botMessage(), nextUser())));
    expect(isEphemeral(data)).toBe(true);
  });
});

describe('autocomplete over HTTP (type 8)', () => {
  it('/ask suggests questions as the user types', async () => {
    const choices = checkChoices(await interact(autocomplete('ask', 'question', 'who', {}, nextUser())));
    expect(choices.length).toBeGreaterThan(0);
  });

  it('/ask autocomplete copes with empty and oversized input', async () => {
    checkChoices(await interact(autocomplete('ask', 'question', '', {}, nextUser())));
    checkChoices(await interact(autocomplete('ask', 'question', 'x'.repeat(300), {}, nextUser())));
  });

  it('/quote and /who suggest names', async () => {
    const speakers = checkChoices(await interact(autocomplete('quote', 'speaker', 'pu', {}, nextUser())));
    expect(speakers.map((c) => c.name).join(' ')).toMatch(/Putin/);
    const names = checkChoices(await interact(autocomplete('who', 'name', 'wag', {}, nextUser())));
    expect(names.map((c) => c.name).join(' ')).toMatch(/Wagner/);
  });
});
