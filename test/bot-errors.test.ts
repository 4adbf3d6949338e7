// Failures through the real client: a throwing handler gives the user an ephemeral "something went
// wrong" and the bot keeps answering; slow work is deferred and delivered by PATCH @original; a
// failing REST call or a malformed payload is logged and does not stop the bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, type APIChatInputApplicationCommandInteraction } from 'discord-api-types/v10';
import type { Engine } from '../src/engine/types.ts';
import type { CommandContext } from '../src/discord/command.ts';
import { chatInput } from '../testing/fake-discord/index.ts';
import { seedEngine, startBot, type BotHarness } from './helpers/bot.ts';
import { firstEmbed, messageData } from './helpers/responses.ts';

/** The seed engine, except that some questions explode and some are slow. */
function faultyEngine(): Engine {
  const real = seedEngine();
  return {
    ...real,
    answer(question, options) {
      if (question.includes('explode')) throw new Error('engine exploded on purpose');
      if (question.includes('slowly')) {
        const until = Date.now() + 300;
        while (Date.now() < until); // synchronous work that outlasts the (shortened) deadline
      }
      return real.answer(question, options);
    },
  };
}

let h: BotHarness;
beforeAll(async () => {
  h = await startBot({ handler: { engine: faultyEngine(), deadlineMs: 100 } });
});
afterAll(async () => {
  await h?.close();
});

describe('errors', () => {
  it('answers a throwing handler with an ephemeral error, logs it, and keeps serving', async () => {
    const boom = chatInput('ask', { question: 'please explode' });
    const cb = await h.fake.interact(boom);
    const data = messageData(cb.body);
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toMatch(/Something went wrong/);
    expect(h.logs.join('')).toMatch(new RegExp(`${boom.id}[\\s\\S]*engine exploded on purpose`));

    const next = await h.fake.interact(chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' }));
    expect(firstEmbed(next.body).description).toMatch(/Rudenko/);
  });

  it('defers work that passes the deadline and delivers it with PATCH @original', async () => {
    // Synchronous work blocks the deadline timer too, so make the work async-slow instead.
    const slowEngine = faultyEngine();
    const h2 = await startBot({
      handler: {
        deadlineMs: 50,
        commands: [
          {
            data: { name: 'slow', description: 'slow', type: 1 },
            ephemeral: () => true,
            execute: async (i: APIChatInputApplicationCommandInteraction, ctx: CommandContext) => {
              await new Promise((r) => setTimeout(r, 200));
              const { execute } = await import('../commands/ask.ts');
              return execute({ ...i, data: { ...i.data, name: 'ask', options: [{ name: 'question', type: 3, value: 'Who did Ma Zhaoxu meet?' }] } }, ctx);
            },
          },
        ],
        engine: slowEngine,
      },
    });
    try {
      const i = chatInput('slow');
      const cb = await h2.fake.interact(i);
      expect(cb.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
      // The deferral itself keeps Discord's 3 s: it went out when the 50 ms deadline passed, before the work ended.
      const edit = await h2.fake.waitForEdit(i.id);
      expect(edit.request.method).toBe('PATCH');
      expect(edit.request.path).toBe(`/api/v10/webhooks/${i.application_id}/${i.token}/messages/@original`);
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(edit.body.embeds)).toMatch(/Rudenko/);
    } finally {
      await h2.close();
    }
  });

  it('retries a callback that hit a 500 once, and logs one Discord refuses', async () => {
    h.fake.rest.override({ method: 'POST', path: /\/callback$/ }, { status: 500, body: { message: '500: Internal Server Error', code: 0 } });
    const retried = chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' });
    h.fake.sendInteraction(retried);
    const attempts = () => h.fake.requests.filter((r) => r.path.includes(`/interactions/${retried.id}/`)).map((r) => r.status);
    await expect.poll(attempts, { timeout: 10_000 }).toEqual([500, 204]);

    h.fake.rest.override({ method: 'POST', path: /\/callback$/ }, { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    const refused = chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' });
    h.fake.sendInteraction(refused);
    await expect.poll(() => h.logs.join(''), { timeout: 5000 }).toMatch(new RegExp(`Could not answer interaction ${refused.id}`));
    expect(h.logs.join('')).not.toContain(refused.token); // interaction tokens are redacted from logs

    const ok = await h.fake.interact(chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' }));
    expect(ok.request.status).toBe(204);
  });

  it('waits out a 429 on the callback and then answers', async () => {
    h.fake.rest.override(
      { method: 'POST', path: /\/callback$/ },
      { status: 429, headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' }, body: { message: 'You are being rate limited.', retry_after: 0.2, global: false } },
    );
    const i = chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' });
    const cb = await h.fake.interact(i);
    expect(cb.request.status).toBe(204);
    const statuses = h.fake.requests.filter((r) => r.path.includes(`/interactions/${i.id}/`)).map((r) => r.status);
    expect(statuses).toEqual([429, 204]);
  });

  it('survives a malformed INTERACTION_CREATE (no entitlements, no channel) and answers it', async () => {
    const bare = chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' }) as unknown as Record<string, unknown>;
    delete bare.entitlements;
    delete bare.authorizing_integration_owners;
    delete bare.channel;
    const cb = await h.fake.interact(bare as never);
    expect(firstEmbed(cb.body).description).toMatch(/Rudenko/);
    const after = await h.fake.interact(chatInput('timeline'));
    expect(after.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });
});
