// Nothing the bot sends can ping anyone: the client default and every body say allowed_mentions
// parse [], and echoed user text has its mentions and markdown neutralised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { chatInput, messageCommand } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';
import { messageData, visibleText } from './helpers/responses.ts';

let h: BotHarness;
beforeAll(async () => {
  h = await startBot();
});
afterAll(async () => {
  await h?.close();
});

const MENTION = /@everyone|@here|<@[!&]?\d+>|<#\d+>/;

describe('mentions', () => {
  it('the client itself defaults to no mentions', () => {
    expect(h.bot.client.options.allowedMentions).toEqual({ parse: [] });
  });

  it('a question with @everyone <@&id> is answered, echoed harmlessly, with parse = []', async () => {
    const question = '@everyone <@&1100000000000000077> <@1200000000000000001> <#1100000000000000003> who met Rudenko?';
    const cb = await h.fake.interact(chatInput('ask', { question }));
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = messageData(cb.body);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const text = visibleText(data);
    expect(text).not.toMatch(MENTION);
    expect(text).toMatch(/everyone/); // echoed, but broken with a zero-width space
    expect(data.embeds![0]!.description).toMatch(/Rudenko/);
  });

  it('a miss, a markdown-laden question and a claim check are neutralised too', async () => {
    const miss = messageData((await h.fake.interact(chatInput('ask', { question: '@here **what** is the capital of France? `x` ||y||' }))).body);
    expect(miss.allowed_mentions).toEqual({ parse: [] });
    expect(visibleText(miss)).not.toMatch(MENTION);
    expect(miss.embeds![0]!.title).toContain('\\*\\*what\\*\\*');

    const claim = messageData((await h.fake.interact(messageCommand('Find in article', { content: '@everyone <@&1100000000000000077> Prigozhin left for Belarus' }))).body);
    expect(claim.allowed_mentions).toEqual({ parse: [] });
    expect(visibleText(claim)).not.toMatch(MENTION);
  });

  it('every message the bot sent in this file carried allowed_mentions parse = []', () => {
    const sent = h.fake.rest.callbacks.filter((c) => 'data' in c.body && c.body.type !== InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const c of sent) expect(messageData(c.body).allowed_mentions).toEqual({ parse: [] });
  });
});
