// The shared handler layer, without any transport: routing by interaction type, the 2 s deferral,
// errors turned into an ephemeral notice, the cooldown, and allowed_mentions on every body.
import { describe, expect, it } from 'vitest';
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIInteraction,
  type APIInteractionResponse,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { ChatInputCommand } from '../src/discord/command.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { commands } from '../src/discord/registry.ts';
import { createLogger } from '../src/log.ts';
import { message } from '../src/reply/message.ts';
import { autocomplete, button, chatInput, messageCommand } from '../testing/fake-discord/interactions.ts';
import { PASSAGES, stubEngine } from './helpers/stub-engine.ts';

const data = (name: string): RESTPostAPIChatInputApplicationCommandsJSONBody => ({ name, description: name, type: ApplicationCommandType.ChatInput });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const slow: ChatInputCommand = {
  data: data('slow'),
  ephemeral: () => true,
  async execute() {
    await sleep(150);
    return { data: message({ content: 'done slowly' }) };
  },
};
const boom: ChatInputCommand = {
  data: data('boom'),
  execute() {
    throw new Error('kaboom');
  },
  autocomplete() {
    throw new Error('kaboom');
  },
};
const lateBoom: ChatInputCommand = {
  data: data('lateboom'),
  async execute() {
    await sleep(100);
    throw new Error('late kaboom');
  },
};

function setup(extra: Partial<Parameters<typeof createInteractionHandler>[0]> = {}) {
  const logs: string[] = [];
  const handle = createInteractionHandler({
    engine: stubEngine(),
    commands: [...commands, slow, boom, lateBoom],
    log: createLogger('debug', (l) => logs.push(l)),
    deadlineMs: 50,
    ...extra,
  });
  return { handle, logs };
}

function dataOf(r: APIInteractionResponse) {
  return 'data' in r ? (r.data as { flags?: number; content?: string; allowed_mentions?: unknown; embeds?: unknown[] }) : undefined;
}

describe('createInteractionHandler', () => {
  it('answers PING with PONG (HTTP transport)', async () => {
    const { handle } = setup();
    const r = await handle({ type: InteractionType.Ping, id: '1', application_id: '2', token: 't', version: 1 } as APIInteraction);
    expect(r.response).toEqual({ type: InteractionResponseType.Pong });
  });

  it('answers /ask in place with type 4 and no mentions allowed', async () => {
    const { handle } = setup();
    const r = await handle(chatInput('ask', { question: 'Who met Bob?' }));
    expect(r.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(dataOf(r.response)?.allowed_mentions).toEqual({ parse: [] });
    expect(r.followUp).toBeUndefined();
  });

  it('defers slow work (keeping the ephemeral flag) and delivers it as the follow-up', async () => {
    const { handle } = setup();
    const r = await handle(chatInput('slow'));
    expect(r.response).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const body = await r.followUp!;
    expect(body.content).toBe('done slowly');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('turns a throwing command into an ephemeral error, logged with the interaction id', async () => {
    const { handle, logs } = setup();
    const i = chatInput('boom');
    const r = await handle(i);
    expect(r.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(dataOf(r.response)?.flags).toBe(MessageFlags.Ephemeral);
    expect(dataOf(r.response)?.content).toMatch(/Something went wrong/);
    expect(logs.join('')).toContain(i.id);
    expect(logs.join('')).toContain('kaboom');
    // The docs promise no user id in the logs (docs/gateway-bot.md).
    expect(logs.join('')).not.toContain((i.member?.user ?? i.user)!.id);
  });

  it('turns a failure after the deferral into an error follow-up', async () => {
    const { handle } = setup();
    const r = await handle(chatInput('lateboom'));
    expect(r.response.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect((await r.followUp!).content).toMatch(/Something went wrong/);
  });

  it('gives autocomplete an empty list when it fails, and never rate-limits it', async () => {
    const { handle } = setup({ cooldown: { burst: 1, refillMs: 60_000 } });
    expect((await handle(autocomplete('boom', 'q', 'x'))).response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
    for (let n = 0; n < 5; n++) {
      const r = await handle(autocomplete('ask', 'question', 'who'));
      expect(r.response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    }
  });

  it('slows a user down after the burst, per user', async () => {
    let now = 0;
    const { handle } = setup({ cooldown: { burst: 2, refillMs: 1000, now: () => now } });
    const ask = (userId: string) => handle(chatInput('ask', { question: 'Who met Bob?' }, { userId }));
    expect(dataOf((await ask('1')).response)?.content).toBeUndefined();
    expect(dataOf((await ask('1')).response)?.content).toBeUndefined();
    const third = dataOf((await ask('1')).response);
    expect(third?.content).toMatch(/Slow down/);
    expect(third?.flags).toBe(MessageFlags.Ephemeral);
    expect(dataOf((await ask('2')).response)?.content).toBeUndefined();
    now += 1000;
    expect(dataOf((await ask('1')).response)?.content).toBeUndefined();
  });

  it('answers an unknown command or stale button with an ephemeral notice', async () => {
    const { handle } = setup();
    const unknown = await handle(chatInput('nope'));
    expect(dataOf(unknown.response)?.flags).toBe(MessageFlags.Ephemeral);
    const stale = await handle(button('zzz:1'));
    expect(dataOf(stale.response)?.content).toMatch(/expired/);
    const otherArticle = await handle(button(`ask:ctx:another-article:${PASSAGES[1]!.key}`));
    expect(dataOf(otherArticle.response)?.content).toMatch(/no longer serves/);
  });

  it('routes buttons: More matches replies privately, paging updates, Show context shows the paragraph', async () => {
    const { handle } = setup();
    const [alice, trade, useful] = PASSAGES.map((p) => p.key);
    const more = await handle(button(`ask:more:stub-article:${trade}${useful}`));
    expect(more.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(dataOf(more.response)?.flags).toBe(MessageFlags.Ephemeral);
    const next = await handle(button(`ask:next:stub-article:${useful}`));
    expect(next.response.type).toBe(InteractionResponseType.UpdateMessage);
    expect(dataOf(next.response)?.flags).toBeUndefined();
    const ctx = await handle(button(`ask:ctx:stub-article:${alice}`));
    expect(JSON.stringify(dataOf(ctx.response)?.embeds)).toContain('**Alice met Bob in Paris.**');
  });

  it('runs the message context menu privately', async () => {
    const { handle } = setup();
    const r = await handle(messageCommand('Find in article', { content: 'Alice met Bob in Paris' }));
    expect(dataOf(r.response)?.flags).toBe(MessageFlags.Ephemeral);
    expect(JSON.stringify(dataOf(r.response)?.embeds)).toContain('Alice met Bob');
  });
});
