// The /ask buttons through the real client: "More matches" and "Show context" answer from what their
// custom_id encodes, so they keep working after the bot restarts (a new client, same fake Discord).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { botMessage, button, chatInput } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';
import { customIds, firstEmbed, messageData } from './helpers/responses.ts';

let h: BotHarness;
let ids: string[];
beforeAll(async () => {
  h = await startBot();
  const cb = await h.fake.interact(chatInput('ask', { question: 'What did Putin say about treason?' }));
  ids = customIds(messageData(cb.body));
});
afterAll(async () => {
  await h?.close();
});

describe('/ask buttons', () => {
  it('carries both buttons with short, self-contained custom_ids', () => {
    expect(ids.some((id) => id.startsWith('ask:more:time-china-russia-wagner:'))).toBe(true);
    expect(ids.some((id) => id.startsWith('ask:ctx:time-china-russia-wagner:'))).toBe(true);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
  });

  it('More matches answers privately with the next alternatives, and pages by updating', async () => {
    const more = ids.find((id) => id.startsWith('ask:more:'))!;
    const cb = await h.fake.interact(button(more));
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = messageData(cb.body);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(firstEmbed(cb.body).fields!.length).toBeGreaterThan(0);
    const next = customIds(data).find((id) => id.startsWith('ask:next:'));
    if (next) {
      const page = await h.fake.interact(button(next, botMessage({ ephemeral: true })));
      expect(page.body.type).toBe(InteractionResponseType.UpdateMessage);
      expect(firstEmbed(page.body).title).toBe('More matches');
    }
  });

  it('Show context shows the paragraph with the passage in bold', async () => {
    const ctx = ids.find((id) => id.startsWith('ask:ctx:'))!;
    const cb = await h.fake.interact(button(ctx));
    const embed = firstEmbed(cb.body);
    expect(messageData(cb.body).flags).toBe(MessageFlags.Ephemeral);
    expect(embed.title).toMatch(/^Context: ¶\d+/);
    expect(embed.description).toMatch(/\*\*.*treason.*\*\*/s);
  });

  it('both buttons still work after a restart', async () => {
    await h.close();
    h = await startBot();
    for (const id of ids.filter((x) => !x.startsWith('ask:miss:'))) {
      const cb = await h.fake.interact(button(id));
      expect(messageData(cb.body).content ?? '').not.toMatch(/expired|no longer/);
      expect(firstEmbed(cb.body).fields!.length + (firstEmbed(cb.body).description?.length ?? 0)).toBeGreaterThan(0);
    }
  });
});
