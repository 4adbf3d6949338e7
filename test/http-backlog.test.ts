// The backlog rule over HTTP (issue 14), through the real signed server, the real handler and the
// real /ask, with the PATCH going to the fake Discord: while other signed interactions are still
// waiting for their HTTP response, a new /ask is answered with a deferral (type 5) and its answer is
// PATCHed onto @original; with fewer waiting it is answered in full. The waiting requests are made by
// a command that holds its answer until the test lets it go, never by timing: with a fixed cost of
// 1 ms a full answer and a 2 ms budget, an interaction is deferred exactly when 3 or more others
// await their response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { ChatInputCommand, Reply } from '../src/discord/command.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { commands } from '../src/discord/registry.ts';
import { createEngine } from '../src/engine/index.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';
import { FakeDiscord, chatInput } from '../testing/fake-discord/index.ts';
import { makeKeys, postInteraction, startServer, type RunningServer } from './http-helpers.ts';

const keys = makeKeys();
let fake: FakeDiscord;
let srv: RunningServer;
let releases: Array<() => void> = [];

/** Answers only when the test releases it: a request that waits for its HTTP response. */
const hold: ChatInputCommand = {
  data: { name: 'hold', description: 'answers when released' },
  execute: () => new Promise<Reply>((resolve) => releases.push(() => resolve({ data: { content: 'released' } }))),
};

let nextUser = 1_700_000_000_000_000_000n;
const user = () => ({ userId: String(nextUser++) });

/** `n` held requests, each waiting for its response; resolves once the server counts them all. */
async function backlogOf(n: number): Promise<{ release(): Promise<void> }> {
  const before = releases.length;
  const responses = Array.from({ length: n }, () => postInteraction(srv.url, keys, chatInput('hold', {}, user())));
  await expect.poll(() => releases.length - before, { timeout: 10_000 }).toBe(n);
  expect(srv.server.unanswered).toBe(n);
  return {
    async release() {
      releases.splice(before, n).forEach((r) => r());
      for (const res of await Promise.all(responses)) {
        expect(res.status).toBe(200);
        expect(((await res.json()) as { type: number }).type).toBe(InteractionResponseType.ChannelMessageWithSource);
      }
      expect(srv.server.unanswered).toBe(0);
    },
  };
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const handle = createInteractionHandler({
    engine: createEngine(loadDefaultPack()),
    commands: [...commands, hold],
    // The held command must stay waiting, not be deferred by the handler's own deadline.
    deadlineMs: 600_000,
  });
  srv = await startServer(keys, { handle, apiUrl: fake.apiUrl, ...(fake.token ? { token: fake.token } : {}), backlog: { fixedCostMs: 1, budgetMs: 2 } });
});
afterAll(async () => {
  releases.splice(0).forEach((r) => r());
  await srv?.close();
  await fake?.close();
});

describe('the backlog rule over HTTP', () => {
  it('answers /ask in full while two other requests are waiting', async () => {
    const backlog = await backlogOf(2);
    const res = await postInteraction(srv.url, keys, chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' }, user()));
    const body = (await res.json()) as { type: number; data: { embeds: Array<{ description?: string }> } };
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data.embeds[0]!.description).toMatch(/Rudenko/);
    expect(srv.server.deferredForBacklog).toBe(0);
    await backlog.release();
  });

  it('defers /ask while three are waiting, then PATCHes the real answer onto @original', async () => {
    const backlog = await backlogOf(3);
    const interaction = chatInput('ask', { question: 'Who did Ma Zhaoxu meet?', private: true }, user());
    const res = await postInteraction(srv.url, keys, interaction);
    expect(res.status).toBe(200);
    const deferred = (await res.json()) as { type: number; data?: { flags?: number } };
    expect(deferred.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    // The deferral already carries the private flag: the edit cannot change it.
    expect(deferred.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(srv.server.deferredForBacklog).toBe(1);

    const edit = await fake.rest.waitFor(fake.rest.edits, 'edit', (e) => e.token === interaction.token, 10_000, 'the @original edit');
    expect(edit.request.method).toBe('PATCH');
    expect(edit.request.path).toBe(`/api/v10/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect((edit.body.embeds as Array<{ description?: string }>)[0]!.description).toMatch(/Rudenko/);
    await expect.poll(() => srv.server.pendingFollowUps).toBe(0);
    await backlog.release();
  });

  it('answers in full again once the waiting requests have their answers', async () => {
    const backlog = await backlogOf(3);
    await backlog.release();
    const res = await postInteraction(srv.url, keys, chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' }, user()));
    expect(((await res.json()) as { type: number }).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(srv.server.deferredForBacklog).toBe(1);
  });

  it('never defers a PING, whatever is waiting', async () => {
    const backlog = await backlogOf(3);
    const res = await postInteraction(srv.url, keys, { type: 1, id: '1', application_id: '555', token: 'ping', version: 1 });
    expect(await res.json()).toEqual({ type: 1 });
    await backlog.release();
  });
});
