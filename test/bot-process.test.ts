// The product as a user (and the held-out check) runs it: `npm start` as a child process, configured
// only by DISCORD_TOKEN, DISCORD_CLIENT_ID and DISCORD_API_URL pointing at the fake Discord. It must
// answer /ask and autocomplete, and exit 0 promptly on SIGTERM.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InteractionResponseType,
  type APIApplicationCommandAutocompleteResponse,
  type APIInteractionResponseChannelMessageWithSource,
} from 'discord-api-types/v10';
import { FakeDiscord, autocomplete, chatInput } from '../testing/fake-discord/index.ts';
import { spawnBot, type ChildRun, type Exit } from '../testing/spawn.ts';
import { STOP_GRACE_MS } from '../src/discord/gateway.ts';

let fake: FakeDiscord;
let bot: ChildRun;
let child: ChildProcess;
let exited: Promise<Exit>;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  // LOG_LEVEL debug: the chattiest level must still never show the token.
  bot = await spawnBot(fake, { env: { LOG_LEVEL: 'debug' } });
  ({ child, exited } = bot);
}, 90_000);

afterAll(async () => {
  bot?.kill();
  await fake.close();
});

describe('npm start against the fake Discord', () => {
  it('answers /ask, including a question with mentions in it', async () => {
    const ask = await fake.interact(chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' }));
    const data = (ask.body as APIInteractionResponseChannelMessageWithSource).data;
    expect(ask.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(data.embeds![0]!.description).toMatch(/Rudenko/);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    console.log(`npm start: first response to /ask ${ask.ms.toFixed(1)} ms`);

    const loud = await fake.interact(chatInput('ask', { question: '@everyone <@&1100000000000000077> who met Rudenko?' }));
    const loudData = (loud.body as APIInteractionResponseChannelMessageWithSource).data;
    expect(loudData.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(loudData)).not.toMatch(/@everyone|<@&\d/);
    expect(loudData.embeds![0]!.description).toMatch(/Rudenko/);
    console.log(`npm start: second response ${loud.ms.toFixed(1)} ms`);
  });

  it('answers autocomplete', async () => {
    const cb = await fake.interact(autocomplete('ask', 'question', 'who'));
    expect(cb.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = (cb.body as APIApplicationCommandAutocompleteResponse).data.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(cb.request.query).toEqual({});
  });

  it('exits 0 on SIGTERM, by itself rather than after the grace for answers in flight', async () => {
    const t0 = performance.now();
    child.kill('SIGTERM');
    const { code } = await exited;
    expect(code).toBe(0);
    // Nothing was in flight, so nothing to wait for: not the grace, nor the safety exit after it.
    expect(bot.output()).not.toMatch(/interaction\(s\) (still )?in flight/);
    expect(performance.now() - t0).toBeLessThan(STOP_GRACE_MS);
    expect(bot.output()).toMatch(/"level":"debug"/); // JSON lines: stderr is not a terminal here
    expect(bot.output()).not.toContain(fake.token!.slice(0, fake.token!.lastIndexOf('.')));
  });
});
