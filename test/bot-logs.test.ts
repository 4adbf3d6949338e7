// The gateway transport's structured logs, in process: exactly one JSON "interaction" line per
// interaction (found, refused, autocomplete, button, context menu, deferred, failed callback), and a
// stop() that finishes in-flight answers, answers newcomers with a notice, and is bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandType, InteractionResponseType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { ChatInputCommand } from '../src/discord/command.ts';
import { commands } from '../src/discord/registry.ts';
import { message } from '../src/reply/message.ts';
import { autocomplete, button, chatInput, hold, messageCommand } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';
import { customIds, messageData } from './helpers/responses.ts';

const slow: ChatInputCommand = {
  data: { name: 'slow', description: 'slow', type: ApplicationCommandType.ChatInput } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  async execute() {
    await new Promise((r) => setTimeout(r, 150));
    return { data: message({ content: 'done slowly' }), found: true };
  },
};

let h: BotHarness;
beforeAll(async () => {
  h = await startBot({ handler: { commands: [...commands, slow], deadlineMs: 50, cooldown: false } });
});
afterAll(async () => {
  await h?.close();
});

type Line = Record<string, unknown> & { msg: string; level: string };
const lines = (): Line[] => h.logs.map((l) => JSON.parse(l) as Line);
const linesFor = (id: string) => lines().filter((l) => l.msg === 'interaction' && l.interaction === id);

/** The one line for `id`, once the transport wrote it. */
async function lineFor(id: string): Promise<Line> {
  await expect.poll(() => linesFor(id).length, { timeout: 5000 }).toBeGreaterThan(0);
  expect(linesFor(id)).toHaveLength(1);
  return linesFor(id)[0]!;
}

describe('gateway logs', () => {
  it('every log line is one JSON object', async () => {
    await h.fake.interact(chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' }));
    expect(h.logs.length).toBeGreaterThan(0);
    for (const l of h.logs) {
      expect(l.endsWith('\n')).toBe(true);
      expect(l.trimEnd()).not.toContain('\n');
      expect(() => JSON.parse(l)).not.toThrow();
    }
  });

  it('one line per interaction: id, type, command, latency, found, shard', async () => {
    const found = chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' });
    const missed = chatInput('ask', { question: 'What is the capital of France?' });
    const typed = autocomplete('ask', 'question', 'who');
    const claim = messageCommand('Find in article', { content: 'Prigozhin went to Belarus' });
    const answer = await h.fake.interact(found);
    for (const i of [missed, typed, claim]) await h.fake.interact(i);
    const click = button(customIds(messageData(answer.body))[0]!);
    await h.fake.interact(click);

    const f = await lineFor(found.id);
    expect(f).toMatchObject({ level: 'info', type: 'command', command: 'ask', found: true, outcome: 'answered', transport: 'gateway', shard: 0 });
    expect(typeof f.ms).toBe('number');
    expect(f.ms as number).toBeGreaterThanOrEqual(0);
    expect(await lineFor(missed.id)).toMatchObject({ command: 'ask', found: false });
    expect(await lineFor(typed.id)).toMatchObject({ type: 'autocomplete', command: 'ask', shard: 0 });
    expect(await lineFor(claim.id)).toMatchObject({ type: 'command', command: 'Find in article', found: true });
    expect(await lineFor(click.id)).toMatchObject({ type: 'component', command: 'ask:more' });
    // No user id in the line.
    expect(JSON.stringify(f)).not.toContain('1200000000000000001');
  });

  it('a deferred answer gets its line once the follow-up is delivered, with the total latency', async () => {
    const i = chatInput('slow');
    const cb = await h.fake.interact(i);
    expect(cb.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    await h.fake.waitForEdit(i.id);
    const line = await lineFor(i.id);
    expect(line).toMatchObject({ command: 'slow', deferred: true, found: true, outcome: 'answered' });
    expect(line.ms as number).toBeGreaterThanOrEqual(140);
  });

  it('a callback Discord refuses is logged as failed, still one line', async () => {
    const i = chatInput('help');
    h.fake.rest.override({ method: 'POST', path: new RegExp(`/interactions/${i.id}/`) }, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    h.fake.sendInteraction(i);
    expect(await lineFor(i.id)).toMatchObject({ command: 'help', outcome: 'failed' });
    expect(h.logs.join('')).not.toContain(i.token);
  });
});

describe('gateway stop()', () => {
  it('finishes the answer in flight, answers a newcomer with a notice, and is bounded', async () => {
    const local = await startBot({ handler: { cooldown: false } });
    try {
      const inFlight = chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' });
      // The callback is held on the wire: the answer is in flight when stop() is called, for as long as the test needs.
      const wire = hold();
      local.fake.rest.override({ method: 'POST', path: new RegExp(`/interactions/${inFlight.id}/`) }, { until: wire.until });
      local.fake.sendInteraction(inFlight);
      await expect.poll(() => local.fake.requests.some((r) => r.path.includes(inFlight.id)), { timeout: 5000 }).toBe(true);
      let done = false;
      const stopped = local.bot.stop(30_000).then(() => (done = true));
      const newcomer = chatInput('ask', { question: 'Who is Prigozhin?' });
      const notice = await local.fake.interact(newcomer);
      expect(messageData(notice.body).content).toMatch(/restarting/);
      expect(done).toBe(false); // stop() waits for the answer in flight
      wire.release();
      await stopped;
      const delivered = local.fake.rest.callbacks.find((c) => c.interactionId === inFlight.id);
      expect(messageData(delivered!.body).embeds![0]!.description).toMatch(/Rudenko/);
      const logged = local.logs.map((l) => JSON.parse(l) as Line).filter((l) => l.msg === 'interaction');
      expect(logged.find((l) => l.interaction === inFlight.id)).toMatchObject({ outcome: 'answered', found: true });

      // Bounded: a callback stuck on the wire does not hold stop() past its grace period.
      const again = await startBot({ handler: { cooldown: false } });
      const stuckWire = hold();
      try {
        const stuck = chatInput('help');
        again.fake.rest.override({ method: 'POST', path: new RegExp(`/interactions/${stuck.id}/`) }, { until: stuckWire.until });
        again.fake.sendInteraction(stuck);
        await expect.poll(() => again.fake.requests.some((r) => r.path.includes(stuck.id)), { timeout: 5000 }).toBe(true);
        await again.bot.stop(300); // returns with the callback still held: it did not wait for it
        expect(again.logs.join('')).toMatch(/still in flight after 300 ms/);
      } finally {
        stuckWire.release();
        await again.close();
      }
    } finally {
      await local.close();
    }
  });
});
