// The message context-menu command "Find in article": a moderator's private check of a claim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { messageCommand } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';
import { messageData, visibleText } from './helpers/responses.ts';

let h: BotHarness;
beforeAll(async () => {
  h = await startBot();
});
afterAll(async () => {
  await h?.close();
});

describe('Find in article', () => {
  it('shows the passages that address a claim, privately', async () => {
    const cb = await h.fake.interact(messageCommand('Find in article', { content: 'Prigozhin is allowed to leave for Belarus and the mutiny charges get dropped' }));
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = messageData(cb.body);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const text = visibleText(data);
    expect(text).toMatch(/Belarus/);
    expect(text).toMatch(/according to the Kremlin/);
  });

  it('says when the article does not address the claim, and handles a message with no text', async () => {
    const off = visibleText(messageData((await h.fake.interact(messageCommand('Find in article', { content: 'The moon is made of cheese' }))).body));
    expect(off).toMatch(/does not address/);
    const empty = messageData((await h.fake.interact(messageCommand('Find in article', { content: '' }))).body);
    expect(empty.content).toMatch(/no text/);
    expect(empty.flags).toBe(MessageFlags.Ephemeral);
  });
});
