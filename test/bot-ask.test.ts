// /ask through the real discord.js Client and the fake Discord: a found answer, a miss with
// suggestions, and a private reply, each acknowledged well within 3 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, type APIInteractionResponseChannelMessageWithSource } from 'discord-api-types/v10';
import { chatInput } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';

let h: BotHarness;
beforeAll(async () => {
  h = await startBot();
});
afterAll(async () => {
  await h?.close();
});

describe('/ask against the fake Discord', () => {
  it('identifies with the Guilds intent only and answers with the passage, attribution and source', async () => {
    const identify = [...h.fake.gateway.sessions.values()][0]!.identify;
    expect(identify.intents).toBe(1);
    const cb = await h.fake.interact(chatInput('ask', { question: "Who did China's foreign minister meet?" }));
    expect(cb.request.query).toEqual({ with_response: 'false' });
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = (cb.body as APIInteractionResponseChannelMessageWithSource).data;
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.flags).toBeUndefined();
    const embed = data.embeds![0]!;
    expect(embed.description).toContain('Rudenko');
    expect(embed.description).toMatch(/\*\*[^*]+\*\*/); // matched words in bold
    expect(embed.description).toMatch(/— .*Foreign Ministry/i);
    expect(embed.fields?.find((f) => f.name === 'Source')?.value).toMatch(/¶\d+ of “China Backs Russia/);
    expect(embed.fields?.find((f) => f.name === 'Confidence')?.value).toMatch(/High|Medium|Low/);
    console.log(`first response to /ask: ${cb.ms.toFixed(1)} ms`);
  });

  it('says plainly when the article does not cover the question', async () => {
    const cb = await h.fake.interact(chatInput('ask', { question: 'What is the capital of France?' }));
    const data = (cb.body as APIInteractionResponseChannelMessageWithSource).data;
    expect(data.embeds![0]!.description).toMatch(/Not in the article/);
    expect(data.components ?? []).toHaveLength(0);
  });

  it('replies privately when asked to', async () => {
    const cb = await h.fake.interact(chatInput('ask', { question: 'What did Putin call treason?', private: true }));
    const data = (cb.body as APIInteractionResponseChannelMessageWithSource).data;
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.embeds![0]!.description).toMatch(/treason/i);
  });
});
