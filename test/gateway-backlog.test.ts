// The backlog rule through the real discord.js client against the fake Discord (issue 14): while
// first responses are waiting, a new interaction is acknowledged with a deferral and its answer is
// edited in after; with nothing waiting it is answered in full. The backlog is made by holding
// callbacks on the fake's wire (hold()), never by timing: with a fixed cost of 1 ms a full answer and
// a 2 ms budget, an interaction is deferred exactly when 3 or more others await their first response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, type APIInteraction } from 'discord-api-types/v10';
import { autocomplete, botMessage, button, chatInput, hold } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';
import { customIds, firstEmbed, messageData } from './helpers/responses.ts';
import { commands as defaultCommands } from '../src/discord/registry.ts';
import type { ChatInputCommand } from '../src/discord/command.ts';

const BACKLOG = { fixedCostMs: 1, budgetMs: 2 };

/** A command whose work throws, to show a deferred failure still gets its edit. */
const broken: ChatInputCommand = {
  data: { name: 'broken', description: 'always fails' },
  execute() {
    throw new Error('broken on purpose');
  },
};

let h: BotHarness;
let nextUser = 1800000000000000000n;
const ask = (question = 'Who did Ma Zhaoxu meet?', opts: { userId?: string } = {}) => chatInput('ask', { question }, { userId: opts.userId ?? String(nextUser++) });
const callbackPath = (i: APIInteraction) => `/api/v10/interactions/${i.id}/${i.token}/callback`;
const attempts = (i: APIInteraction) => h.fake.requests.filter((r) => r.path === callbackPath(i));

/** Holds the callbacks of `n` full answers on the wire: `n` interactions awaiting their first response. */
async function backlogOf(n: number): Promise<{ held: APIInteraction[]; release(): Promise<void> }> {
  const wire = hold();
  const held = Array.from({ length: n }, () => ask());
  for (const i of held) h.fake.rest.override({ method: 'POST', path: callbackPath(i) }, { until: wire.until });
  for (const i of held) h.fake.sendInteraction(i);
  await expect.poll(() => held.every((i) => attempts(i).length === 1), { timeout: 10_000 }).toBe(true);
  expect(h.bot.unacknowledged).toBe(n);
  return {
    held,
    async release() {
      wire.release();
      await expect.poll(() => h.bot.unacknowledged, { timeout: 10_000 }).toBe(0);
    },
  };
}

beforeAll(async () => {
  // A small cooldown burst, so one user reaches the refusal in a few commands.
  h = await startBot({ gateway: { backlog: BACKLOG }, handler: { commands: [...defaultCommands, broken], cooldown: { burst: 3, refillMs: 600_000 } } });
});
afterAll(async () => {
  await h?.close();
});

describe('the backlog rule', () => {
  it('answers in full while fewer interactions than the budget allows are waiting', async () => {
    const backlog = await backlogOf(2);
    const cb = await h.fake.interact(ask());
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(firstEmbed(cb.body).description).toMatch(/Rudenko/);
    await backlog.release();
    // The held ones were answered in full on the wire they waited on, not deferred or retried.
    for (const i of backlog.held) {
      expect(attempts(i).map((r) => r.status)).toEqual([204]);
      expect(firstEmbed((await h.fake.waitForCallback(i.id)).body).description).toMatch(/Rudenko/);
    }
  });

  it('defers once the waiting first responses exceed the budget, and edits the answer in', async () => {
    const backlog = await backlogOf(3);
    const late = ask();
    const cb = await h.fake.interact(late);
    expect(cb.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: {} });
    const edit = await h.fake.waitForEdit(late.id, 10_000);
    expect(edit.request.status).toBe(200);
    expect((edit.body.embeds as Array<{ description?: string }>)[0]!.description).toMatch(/Rudenko/);
    expect(h.bot.deferredForBacklog).toBeGreaterThanOrEqual(1);
    await backlog.release();

    // Nothing waits any more: the next one is answered in full again.
    const after = await h.fake.interact(ask());
    expect(after.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });

  it('keeps the deferral of a private answer private, and defers a button that edits its message with type 6', async () => {
    const first = messageData((await h.fake.interact(ask('What did Putin say about treason?'))).body);
    const more = customIds(first).find((id) => id.startsWith('ask:more:'))!;
    const page = messageData((await h.fake.interact(button(more))).body);
    const next = customIds(page).find((id) => id.startsWith('ask:next:'));

    const backlog = await backlogOf(3);
    const privately = button(more, botMessage(), { userId: String(nextUser++) });
    expect((await h.fake.interact(privately)).body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const edit = await h.fake.waitForEdit(privately.id, 10_000);
    expect((edit.body.embeds as unknown[]).length).toBe(1);
    if (next) {
      const turn = button(next, botMessage({ ephemeral: true }), { userId: String(nextUser++) });
      expect((await h.fake.interact(turn)).body).toEqual({ type: InteractionResponseType.DeferredMessageUpdate });
      const turned = await h.fake.waitForEdit(turn.id, 10_000);
      expect((turned.body.embeds as Array<{ title?: string }>)[0]!.title).toBe('More matches');
    }
    await backlog.release();
  });

  it('answers what cannot be deferred as usual: autocomplete choices, and the cooldown notice', async () => {
    const backlog = await backlogOf(3);
    const ac = await h.fake.interact(autocomplete('ask', 'question', 'who', {}, { userId: String(nextUser++) }));
    expect(ac.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);

    // One user past the cooldown's burst: the refusal is the first (and only) response.
    const user = String(nextUser++);
    const bodies: Array<{ type: number }> = [];
    for (let k = 0; k < 5; k++) {
      const i = ask('Who leads Wagner?', { userId: user });
      bodies.push((await h.fake.interact(i)).body);
      if (bodies.at(-1)!.type === InteractionResponseType.DeferredChannelMessageWithSource) await h.fake.waitForEdit(i.id, 10_000);
    }
    // Three deferred and edited in, then refused at once.
    expect(bodies.map((b) => b.type)).toEqual([5, 5, 5, 4, 4]);
    const refused = bodies.slice(3);
    for (const b of refused) expect(messageData(b as never).content).toMatch(/Slow down/);
    await backlog.release();
  });

  it('edits the error reply in when deferred work fails, and logs it', async () => {
    const backlog = await backlogOf(3);
    const i = chatInput('broken', {}, { userId: String(nextUser++) });
    expect((await h.fake.interact(i)).body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await h.fake.waitForEdit(i.id, 10_000);
    expect(edit.body.content).toMatch(/Something went wrong/);
    expect(h.logs.join('')).toMatch(/broken on purpose/);
    await backlog.release();
  });

  it('a payload without its data still gets an answer, in a backlog or not', async () => {
    for (const backlogged of [false, true]) {
      const backlog = backlogged ? await backlogOf(3) : undefined;
      const i = { ...ask(), data: undefined } as unknown as APIInteraction;
      const cb = await h.fake.interact(i);
      expect(cb.request.status).toBe(204);
      expect(messageData(cb.body).content).toMatch(/Something went wrong/);
      await backlog?.release();
    }
  });

  // Last: it stops the bot (afterAll closes the fake).
  it('a stop() with deferred work still queued delivers every edit before it disconnects', async () => {
    const backlog = await backlogOf(3);
    const late = Array.from({ length: 5 }, () => ask());
    for (const i of late) h.fake.sendInteraction(i);
    await Promise.all(late.map((i) => h.fake.waitForCallback(i.id, 10_000)));
    const stopped = h.bot.stop(30_000);
    await backlog.release();
    await stopped;
    for (const i of late) {
      const cb = await h.fake.waitForCallback(i.id);
      if (cb.body.type === InteractionResponseType.DeferredChannelMessageWithSource) {
        const edit = await h.fake.waitForEdit(i.id, 1000);
        expect((edit.body.embeds as unknown[]).length).toBe(1);
      } else expect(firstEmbed(cb.body).description).toMatch(/Rudenko/);
    }
    // The late ones arrived with 3+ held ahead of them: deferred, every one.
    const deferred = await Promise.all(late.map((i) => h.fake.waitForCallback(i.id)));
    expect(deferred.every((cb) => cb.body.type === InteractionResponseType.DeferredChannelMessageWithSource)).toBe(true);
  });
});
