// Every slash command through the real discord.js Client and the fake Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { chatInput } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';
import { firstEmbed, messageData, visibleText } from './helpers/responses.ts';

let h: BotHarness;
beforeAll(async () => {
  h = await startBot();
});
afterAll(async () => {
  await h?.close();
});

describe('commands against the fake Discord', () => {
  it('/quote lists the direct quotes with speaker, role and setting', async () => {
    const cb = await h.fake.interact(chatInput('quote'));
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const text = visibleText(messageData(cb.body));
    for (const q of ['internal affair', 'complex and grim', 'treason']) expect(text).toContain(q);
    expect(text).toMatch(/Putin/);
    expect(text).toMatch(/TV broadcast/);
  });

  it('/quote narrows by speaker and topic, and says so when nothing matches', async () => {
    const putin = visibleText(messageData((await h.fake.interact(chatInput('quote', { speaker: 'vladimir-putin' }))).body));
    expect(putin).toContain('treason');
    expect(putin).not.toContain('complex and grim');
    const none = visibleText(messageData((await h.fake.interact(chatInput('quote', { speaker: 'Joe Biden' }))).body));
    expect(none).toMatch(/no direct quote/i);
  });

  it('/who gives role, aliases and passages, with typo tolerance', async () => {
    const cb = await h.fake.interact(chatInput('who', { name: 'prigozin' }));
    const embed = firstEmbed(cb.body);
    expect(embed.title).toMatch(/Prigozhin/);
    expect(embed.description).toMatch(/Wagner/i);
    expect(embed.fields?.some((f) => f.name.startsWith('Mentioned in'))).toBe(true);
    const miss = visibleText(messageData((await h.fake.interact(chatInput('who', { name: 'Zelensky' }))).body));
    expect(miss).toMatch(/does not mention/);
  });

  it('/timeline lists dated events in order', async () => {
    const embed = firstEmbed((await h.fake.interact(chatInput('timeline'))).body);
    const lines = embed.description!.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(embed.description).toMatch(/755/);
    expect(embed.description!.indexOf('755')).toBeLessThan(embed.description!.indexOf('1927'));
  });

  it('/article gives title, publisher, reading time, summary and a citation', async () => {
    const embed = firstEmbed((await h.fake.interact(chatInput('article'))).body);
    expect(embed.title).toMatch(/China Backs Russia/);
    const names = embed.fields!.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['Publisher', 'Reading time', 'How to cite']));
    expect(embed.fields!.find((f) => f.name === 'Publisher')!.value).toMatch(/TIME/i);
    expect(embed.description!.length).toBeGreaterThan(20);
  });

  it('/help explains the commands privately', async () => {
    const data = messageData((await h.fake.interact(chatInput('help'))).body);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    for (const c of ['/ask', '/quote', '/who', '/timeline', '/article', 'Find in article']) expect(visibleText(data)).toContain(c);
  });
});
