// The per-user cooldown through the real client: a burst is allowed, spam gets an ephemeral
// "slow down", other users are unaffected, and autocomplete is never limited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { autocomplete, button, chatInput } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';
import { messageData } from './helpers/responses.ts';

let h: BotHarness;
beforeAll(async () => {
  h = await startBot({ handler: { cooldown: { burst: 3, refillMs: 60_000 } } });
});
afterAll(async () => {
  await h?.close();
});

describe('cooldown', () => {
  it('answers spam with an ephemeral "slow down", per user', async () => {
    const spammer = '1200000000000000042';
    const replies = [];
    for (let n = 0; n < 5; n++) replies.push(await h.fake.interact(chatInput('ask', { question: `Who met Rudenko? ${n}` }, { userId: spammer })));
    const slowed = replies.filter((r) => /Slow down/.test(messageData(r.body).content ?? ''));
    expect(slowed).toHaveLength(2);
    for (const r of slowed) expect(messageData(r.body).flags).toBe(MessageFlags.Ephemeral);
    expect(messageData(replies[0]!.body).embeds?.length).toBe(1);

    // Buttons count too; autocomplete does not.
    const clicked = await h.fake.interact(button('ask:ctx:time-china-russia-wagner:2', undefined, { userId: spammer }));
    expect(messageData(clicked.body).content).toMatch(/Slow down/);
    const typed = await h.fake.interact(autocomplete('ask', 'question', 'who', {}, { userId: spammer }));
    expect(typed.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);

    const other = await h.fake.interact(chatInput('ask', { question: 'Who met Rudenko?' }, { userId: '1200000000000000043' }));
    expect(messageData(other.body).embeds?.length).toBe(1);
  });
});
