// Deferred answers over HTTP: type 5 in the HTTP response, then a real PATCH of @original to a
// Discord stand-in on 127.0.0.1. Also what the user sees when the handler fails.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InteractionResponseType,
  MessageFlags,
  type RESTPatchAPIInteractionOriginalResponseJSONBody,
} from 'discord-api-types/v10';
import type { ChatInputCommand, Command } from '../src/discord/command.ts';
import type { HandleInteraction } from '../src/discord/interaction-result.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { commands } from '../src/discord/registry.ts';
import { createEngine } from '../src/engine/index.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';
import { FakeDiscord, chatInput } from '../testing/fake-discord/index.ts';
import { makeKeys, postInteraction, startServer } from './http-helpers.ts';

interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

// A small REST recorder: enough to see the PATCH arrive and to make it fail on demand.
let rest: Server;
let restUrl: string;
const recorded: Recorded[] = [];
let restStatus = 200;
const waiters: Array<() => void> = [];

beforeAll(async () => {
  rest = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      recorded.push({
        method: req.method ?? '',
        path: decodeURIComponent(req.url ?? ''),
        headers: req.headers,
        body: data ? JSON.parse(data) : undefined,
      });
      res.writeHead(restStatus, { 'content-type': 'application/json' });
      res.end(restStatus === 200 ? JSON.stringify({ id: '99' }) : '{"message":"Unknown Webhook","code":10015}');
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((r) => rest.listen(0, '127.0.0.1', r));
  restUrl = `http://127.0.0.1:${(rest.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  await new Promise<void>((r) => rest.close(() => r()));
});

function nextRequest(): Promise<void> {
  return new Promise((r) => waiters.push(r));
}

const keys = makeKeys();
const command = (id: string, token: string) => ({
  type: 2,
  id,
  application_id: '555',
  token,
  version: 1,
  data: { id: '3', name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: 'slow one' }] },
});

/** Defers, and resolves the follow-up only when the test says so. */
function slowHandler(): { handle: HandleInteraction; release: (body: RESTPatchAPIInteractionOriginalResponseJSONBody) => void; fail: (e: Error) => void } {
  let release!: (body: RESTPatchAPIInteractionOriginalResponseJSONBody) => void;
  let fail!: (e: Error) => void;
  const followUp = new Promise<RESTPatchAPIInteractionOriginalResponseJSONBody>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  const handle: HandleInteraction = async () => ({
    response: { type: InteractionResponseType.DeferredChannelMessageWithSource },
    followUp,
  });
  return { handle, release, fail };
}

describe('deferred responses', () => {
  it('answers type 5 at once, then PATCHes @original with the bot token', async () => {
    const slow = slowHandler();
    const srv = await startServer(keys, { handle: slow.handle, apiUrl: restUrl, token: 'bot-token-x' });
    try {
      recorded.length = 0;
      const res = await postInteraction(srv.url, keys, command('700', 'tok-a/b'));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ type: 5 });
      expect(recorded).toHaveLength(0);
      expect(srv.server.pendingFollowUps).toBe(1);

      const arrived = nextRequest();
      slow.release({ content: 'late answer @everyone', embeds: [] });
      await arrived;
      expect(recorded).toHaveLength(1);
      const patch = recorded[0]!;
      expect(patch.method).toBe('PATCH');
      expect(patch.path).toBe('/api/v10/webhooks/555/tok-a/b/messages/@original');
      expect(patch.headers.authorization).toBe('Bot bot-token-x');
      expect(patch.headers['content-type']).toBe('application/json');
      expect(patch.body).toEqual({ content: 'late answer @everyone', embeds: [], allowed_mentions: { parse: [] } });
    } finally {
      await srv.close();
    }
  });

  it('sends no Authorization header without a token (the webhook route needs none)', async () => {
    const slow = slowHandler();
    const srv = await startServer(keys, { handle: slow.handle, apiUrl: restUrl });
    try {
      recorded.length = 0;
      const res = await postInteraction(srv.url, keys, command('701', 'tok2'));
      expect(await res.json()).toEqual({ type: 5 });
      const arrived = nextRequest();
      slow.release({ content: 'x', allowed_mentions: { parse: [] } });
      await arrived;
      expect(recorded[0]!.headers.authorization).toBeUndefined();
    } finally {
      await srv.close();
    }
  });

  it('PATCHes an error message when the slow work fails, and logs the interaction id', async () => {
    const slow = slowHandler();
    const srv = await startServer(keys, { handle: slow.handle, apiUrl: restUrl });
    try {
      recorded.length = 0;
      await (await postInteraction(srv.url, keys, command('702', 'tok3'))).text();
      const arrived = nextRequest();
      slow.fail(new Error('engine exploded'));
      await arrived;
      expect(recorded[0]!.body).toMatchObject({ content: expect.stringMatching(/went wrong/), allowed_mentions: { parse: [] } });
      expect(srv.logs.join('\n')).toMatch(/702.*engine exploded/);
    } finally {
      await srv.close();
    }
  });

  it('logs a failed PATCH with the interaction id and keeps serving', async () => {
    const slow = slowHandler();
    const srv = await startServer(keys, { handle: slow.handle, apiUrl: restUrl });
    restStatus = 404;
    try {
      await (await postInteraction(srv.url, keys, command('703', 'tok4'))).text();
      slow.release({ content: 'y' });
      await expect.poll(() => srv.logs.join('\n')).toMatch(/interaction 703: follow-up PATCH failed: .*404/);
      expect(srv.server.pendingFollowUps).toBe(0);
      const pong = await postInteraction(srv.url, keys, { type: 1 });
      expect(await pong.json()).toEqual({ type: 1 });
    } finally {
      restStatus = 200;
      await srv.close();
    }
  });

  it('close() waits for a pending follow-up before resolving', async () => {
    const slow = slowHandler();
    const srv = await startServer(keys, { handle: slow.handle, apiUrl: restUrl });
    recorded.length = 0;
    await (await postInteraction(srv.url, keys, command('704', 'tok5'))).text();
    let closed = false;
    const closing = srv.close().then((inTime) => {
      closed = true;
      return inTime;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(false);
    slow.release({ content: 'finished during shutdown' });
    expect(await closing).toBe(true);
    expect(recorded.map((r) => r.body)).toContainEqual({ content: 'finished during shutdown', allowed_mentions: { parse: [] } });
  });
});

describe('handler failures', () => {
  it('gives the user an ephemeral error (type 4) and logs the interaction id', async () => {
    const srv = await startServer(keys, {
      handle: async () => {
        throw new Error('boom');
      },
    });
    try {
      const res = await postInteraction(srv.url, keys, command('800', 't'));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { type: number; data: { flags: number; content: string; allowed_mentions: unknown } };
      expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(body.data.allowed_mentions).toEqual({ parse: [] });
      expect(srv.logs.join('\n')).toMatch(/interaction 800: handler failed: boom/);
    } finally {
      await srv.close();
    }
  });

  it('answers a failing autocomplete with no choices (type 8)', async () => {
    const srv = await startServer(keys, {
      handle: async () => {
        throw new Error('boom');
      },
    });
    try {
      const res = await postInteraction(srv.url, keys, { ...command('801', 't'), type: 4 });
      expect(await res.json()).toEqual({ type: 8, data: { choices: [] } });
    } finally {
      await srv.close();
    }
  });
});

describe('deferred answer from the real handler to the fake Discord', () => {
  it('defers /ask when the work passes the deadline and PATCHes the real answer onto @original', async () => {
    const fake = await FakeDiscord.start();
    // Only the timing is forced: the real /ask command, made slower than the handler's deadline.
    const ask = commands.find((c) => c.data.name === 'ask') as ChatInputCommand;
    const slowAsk: ChatInputCommand = {
      ...ask,
      async execute(interaction, ctx) {
        await new Promise((r) => setTimeout(r, 150));
        return ask.execute(interaction, ctx);
      },
    };
    const handle = createInteractionHandler({
      engine: createEngine(loadDefaultPack()),
      commands: commands.map((c): Command => (c === ask ? slowAsk : c)),
      deadlineMs: 30,
    });
    const srv = await startServer(keys, { handle, apiUrl: fake.apiUrl, ...(fake.token ? { token: fake.token } : {}) });
    try {
      const interaction = chatInput('ask', { question: 'What did Putin call the mutiny? @everyone', private: true }, { userId: '1300000000000000999' });
      const res = await postInteraction(srv.url, keys, interaction);
      const deferred = (await res.json()) as { type: number; data?: { flags?: number } };
      // Discord's 3 s rule is kept by the deferral itself: sent when the deadline passed, not when the work ended.
      expect(deferred.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      expect(deferred.data?.flags).toBe(MessageFlags.Ephemeral);

      const edit = await fake.rest.waitFor(fake.rest.edits, 'edit', (e) => e.token === interaction.token, 5000, 'the @original edit');
      expect(edit.request.method).toBe('PATCH');
      expect(edit.request.path).toBe(`/api/v10/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`);
      expect(edit.request.headers.authorization).toBe(`Bot ${fake.token}`);
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
      const embeds = edit.body.embeds as Array<{ description?: string }>;
      expect(embeds[0]!.description).toMatch(/treason/);
      await expect.poll(() => srv.server.pendingFollowUps).toBe(0);
    } finally {
      await srv.close();
      await fake.close();
    }
  });
});
