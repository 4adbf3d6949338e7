// A gateway fault through the real client, and a check that the fake's fault hooks behave as Discord
// does: after a dropped socket (1006) discord.js resumes and the interaction sent meanwhile is
// replayed and answered. (A close that forces a new IDENTIFY, e.g. 4007, also works but costs
// ~5 s: discord.js spaces identifies by the session_start_limit window.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInput } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';
import { firstEmbed } from './helpers/responses.ts';

let h: BotHarness;
beforeAll(async () => {
  h = await startBot();
});
afterAll(async () => {
  await h?.close();
});

describe('gateway reconnects', () => {
  it('answers an interaction sent while the socket was down, once resumed', async () => {
    h.fake.gateway.disconnect(1006);
    const i = chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' });
    h.fake.sendInteraction(i);
    const cb = await h.fake.waitForCallback(i.id, 15_000);
    expect(firstEmbed(cb.body).description).toMatch(/Rudenko/);
    expect([...h.fake.gateway.sessions.values()][0]!.resumes).toBe(1);
  });
});
