// The HTTP endpoint's per-interaction log line, in process: one line when the response is sent, and
// for a deferred answer one line once the follow-up PATCH is delivered (or failed), with its total
// latency and whether the article answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandType, InteractionResponseType } from 'discord-api-types/v10';
import type { ChatInputCommand } from '../src/discord/command.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { commands } from '../src/discord/registry.ts';
import { createEngine } from '../src/engine/index.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';
import { message } from '../src/reply/message.ts';
import { FakeDiscord, chatInput } from '../testing/fake-discord/index.ts';
import { makeKeys, postInteraction, startServer, type RunningServer } from './http-helpers.ts';

const keys = makeKeys();
const slow: ChatInputCommand = {
  data: { name: 'slow', description: 'slow', type: ApplicationCommandType.ChatInput },
  async execute() {
    await new Promise((r) => setTimeout(r, 400));
    return { data: message({ content: 'done slowly' }), found: false };
  },
};

let fake: FakeDiscord;
let srv: RunningServer;
const lines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const handle = createInteractionHandler({ engine: createEngine(loadDefaultPack()), commands: [...commands, slow], cooldown: false, deadlineMs: 40 });
  srv = await startServer(keys, {
    handle,
    apiUrl: fake.apiUrl,
    logger: {
      info: (m, fields) => lines.push({ msg: m, ...(fields as Record<string, unknown>) }),
      warn: () => undefined,
      error: () => undefined,
    },
  });
});
afterAll(async () => {
  await srv.close();
  await fake.close();
});

const linesFor = (id: string) => lines.filter((l) => l.msg === 'interaction' && l.interaction === id);

describe('HTTP interaction log lines', () => {
  it('one line per answered interaction, with found for /ask', async () => {
    const ask = chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' });
    expect((await postInteraction(srv.url, keys, ask)).status).toBe(200);
    expect(linesFor(ask.id)).toHaveLength(1);
    expect(linesFor(ask.id)[0]).toMatchObject({ type: 'command', command: 'ask', found: true, outcome: 'answered', transport: 'http' });
    expect(linesFor(ask.id)[0]).not.toHaveProperty('shard');
  });

  it('a deferred answer gets its one line after the follow-up PATCH, with the total latency', async () => {
    const i = chatInput('slow');
    const res = await postInteraction(srv.url, keys, i);
    expect(((await res.json()) as { type: number }).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(linesFor(i.id)).toHaveLength(0); // not yet: the user does not have the answer
    await fake.rest.waitFor(fake.rest.edits, 'edit', (e) => e.token === i.token, 5000, 'the follow-up PATCH');
    await expect.poll(() => linesFor(i.id).length).toBe(1);
    expect(linesFor(i.id)[0]).toMatchObject({ command: 'slow', deferred: true, found: false, outcome: 'answered' });
    expect(linesFor(i.id)[0]!.ms as number).toBeGreaterThanOrEqual(380);
  });

  it('a follow-up Discord refuses is logged as failed', async () => {
    const i = chatInput('slow');
    fake.rest.override({ method: 'PATCH', path: /@original$/ }, { status: 404, body: { message: 'Unknown Webhook', code: 10015 } });
    await postInteraction(srv.url, keys, i);
    await expect.poll(() => linesFor(i.id).length, { timeout: 5000 }).toBe(1);
    expect(linesFor(i.id)[0]).toMatchObject({ deferred: true, outcome: 'failed' });
  });
});
