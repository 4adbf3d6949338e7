// SHARDS=auto|N: `npm start` as a real child process becomes a discord.js ShardingManager with one bot
// process per shard, all pointed at the fake Discord through DISCORD_API_URL alone. Each shard
// identifies with its own [id, count], answers the interactions of the guilds it owns, and SIGTERM on
// the manager stops every shard and exits 0.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { InteractionResponseType, PermissionFlagsBits, type APIInteractionResponseChannelMessageWithSource } from 'discord-api-types/v10';
import { parseConfig } from '../src/discord/config.ts';
import { fetchRecommendedShards } from '../src/discord/sharding.ts';
import { FakeDiscord, chatInput, guildPerShard, subcommand } from '../testing/fake-discord/index.ts';
import { spawnBot, type Exit } from '../testing/spawn.ts';
import { GATEWAY_ENV, gatewayProblems } from './helpers/gateway-config.ts';

interface Run {
  fake: FakeDiscord;
  child: ChildProcess;
  output: () => string;
  exited: Promise<Exit>;
}

/** `npm start` with SHARDS set; `viaNpm: false` runs what the npm script execs (node --import tsx src/main.ts). */
async function startSharded(fakeShards: number, SHARDS: string, guilds: Array<{ id: string; channelId: string }>, viaNpm = true): Promise<Run> {
  const fake = await FakeDiscord.start({ shards: fakeShards, guilds });
  const bot = await spawnBot(fake, {
    via: viaNpm ? 'npm' : 'node',
    ready: 0,
    // The fake has no IDENTIFY rate limit; Discord's 5 s spacing would only slow the test down.
    env: { SHARDS, SHARD_SPAWN_DELAY_MS: '0', LOG_LEVEL: 'debug' },
  });
  return { fake, child: bot.child, output: bot.output, exited: bot.exited };
}

/** Pids the manager logged for its shard processes ("Shard 1/2: process 1234 starting"). */
function shardPids(output: string): Map<number, number> {
  return new Map([...output.matchAll(/Shard (\d+)\/\d+: process (\d+) starting/g)].map((m) => [Number(m[1]), Number(m[2])]));
}

/** The JSON log lines of msg "interaction" (one per interaction answered). */
function interactionLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{') && l.includes('"msg":"interaction"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stop(run: Run | undefined): Promise<void> {
  if (!run) return;
  if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
  for (const pid of shardPids(run.output()).values()) if (alive(pid)) process.kill(pid, 'SIGKILL');
  await run.fake.close();
}

const GUILDS = guildPerShard(2);

describe('SHARDS in the config', () => {
  const env = GATEWAY_ENV;
  const problems = gatewayProblems;

  it('takes auto or a count, and means one process when empty', () => {
    expect(parseConfig('gateway', { ...env, SHARDS: 'auto' }).shards).toBe('auto');
    expect(parseConfig('gateway', { ...env, SHARDS: ' 4 ' }).shards).toBe(4);
    expect(parseConfig('gateway', { ...env, SHARDS: '' }).shards).toBeUndefined();
    expect(parseConfig('gateway', env).shardSpawnDelayMs).toBe(5500);
    expect(parseConfig('gateway', { ...env, SHARD_SPAWN_DELAY_MS: '0' }).shardSpawnDelayMs).toBe(0);
  });

  it('refuses anything else with a hint', () => {
    for (const bad of ['0', '-1', '2.5', 'many', '257']) expect(problems({ SHARDS: bad }), bad).toEqual([expect.stringMatching(/^SHARDS must be "auto", a whole number from 1 to 256, or a range .*Expected "auto"/)]);
  });

  it('in a shard process, reads which shard it runs from what the ShardingManager set', () => {
    const c = parseConfig('gateway', { ...env, SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '3' });
    expect(c.shard).toEqual({ id: 1, count: 3 });
    expect(c.shards).toBeUndefined(); // a shard never starts a manager of its own
  });
});

describe('fetchRecommendedShards', () => {
  it("asks DISCORD_API_URL's /gateway/bot, and names a rejected token", async () => {
    const fake = await FakeDiscord.start({ shards: 3 });
    try {
      const rec = await fetchRecommendedShards(`${fake.apiUrl}/`, fake.token!);
      expect(rec).toEqual({ shards: 3, maxConcurrency: 1, remaining: 999 });
      expect(fake.requests.at(-1)!.headers.authorization).toBe(`Bot ${fake.token}`);
      await expect(fetchRecommendedShards(fake.apiUrl, 'wrong.token.value')).rejects.toMatchObject({ code: 'TokenInvalid' });
    } finally {
      await fake.close();
    }
  });
});

describe('SHARDS=auto: npm start under the ShardingManager', () => {
  let run: Run;

  beforeAll(async () => {
    run = await startSharded(2, 'auto', GUILDS);
    await run.fake.waitForReady(2, 90_000).catch((err: Error) => {
      throw new Error(`${err.message}\n--- bot output ---\n${run.output()}`);
    });
  }, 120_000);
  afterAll(() => stop(run));

  it('asks DISCORD_API_URL for the recommended count, then each shard process identifies as [id, 2]', () => {
    const gatewayBot = run.fake.requests.filter((r) => r.method === 'GET' && r.path === '/api/v10/gateway/bot');
    // The manager's own request (for the count), then each shard's discord.js client's.
    expect(gatewayBot.length).toBeGreaterThanOrEqual(3);
    expect(gatewayBot[0]!.headers.authorization).toBe(`Bot ${run.fake.token}`);
    const identified = [...run.fake.gateway.sessions.values()].map((s) => s.identify.shard).sort();
    expect(identified).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const pids = shardPids(run.output());
    expect([...pids.keys()].sort()).toEqual([0, 1]);
    expect(pids.get(0)).not.toBe(pids.get(1));
    expect(pids.get(0)).not.toBe(run.child.pid);
  });

  it('answers on the shard that owns the guild, and says which shard answered', async () => {
    for (const [shard, guild] of GUILDS.entries()) {
      const interaction = chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' }, { guildId: guild.id, channelId: guild.channelId, userId: `12000000000000000${10 + shard}` });
      const sent = run.fake.sendInteraction(interaction);
      expect(sent.shard).toBe(shard);
      const cb = await run.fake.waitForCallback(interaction.id, 10_000);
      expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect((cb.body as APIInteractionResponseChannelMessageWithSource).data.embeds![0]!.description).toMatch(/Rudenko/);
      // The one line per interaction names the shard that answered it.
      await expect.poll(() => interactionLines(run.output()).find((l) => l.interaction === interaction.id), { timeout: 5000 }).toMatchObject({ transport: 'gateway', shard, outcome: 'answered', command: 'ask' });
    }
    expect(run.output()).not.toContain(run.fake.token!.slice(0, run.fake.token!.lastIndexOf('.')));
  });

  it('reloads the knowledge in every shard on SIGHUP to the manager, and relays one shard\'s /kb reload to the other', async () => {
    const pids = shardPids(run.output());
    // npm does not pass SIGHUP on: signal the manager, the shard processes' parent, directly.
    const manager = Number(readFileSync(`/proc/${pids.get(0)}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
    process.kill(manager, 'SIGHUP');
    await expect.poll(() => run.output().match(/Knowledge reloaded \(SIGHUP\)/g)?.length ?? 0, { timeout: 30_000 }).toBe(2);

    // A moderator's /kb reload reaches the shard that owns their server; the manager passes it on.
    const kb = subcommand('kb', 'reload', {}, { guildId: GUILDS[1]!.id, channelId: GUILDS[1]!.channelId, permissions: String(PermissionFlagsBits.ManageGuild) });
    const cb = await run.fake.interact(kb, 15_000);
    expect(JSON.stringify(cb.body)).toMatch(/"type":5/); // deferred at once, the result edited in
    expect(JSON.stringify((await run.fake.waitForEdit(kb.id, 30_000)).body)).toMatch(/[Rr]eloaded/);
    await expect.poll(() => run.output(), { timeout: 30_000 }).toMatch(/Knowledge reloaded \(\/kb reload, relayed from shard 1\)/);
    expect(run.child.exitCode).toBeNull(); // the manager survived SIGHUP
  }, 120_000);

  it('stops every shard process and exits 0 on SIGTERM', async () => {
    const pids = [...shardPids(run.output()).values()];
    run.child.kill('SIGTERM');
    const { code } = await run.exited;
    expect(code, run.output()).toBe(0);
    expect(run.output()).not.toMatch(/did not exit within/); // each stopped by itself, none killed after the grace
    for (const pid of pids) expect(alive(pid), `shard process ${pid}`).toBe(false);
    expect(run.output()).toMatch(/All shards stopped; exiting 0/);
  }, 60_000);
});

// One shard process rather than two: the two-process case is covered above, and each shard process
// costs seconds of start-up on a shared 2-core box.
describe('SHARDS=1: an explicit count wins over the recommendation', () => {
  let run: Run;

  beforeAll(async () => {
    // The fake recommends 2; the operator asked for 1. The npm wiring is shown above; this runs the
    // script itself, saving npm's start-up.
    run = await startSharded(2, '1', GUILDS, false);
    await run.fake.waitForReady(1, 90_000).catch((err: Error) => {
      throw new Error(`${err.message}\n--- bot output ---\n${run.output()}`);
    });
  }, 120_000);
  afterAll(() => stop(run));

  it('runs one shard process identified as [0, 1] that answers every guild, then exits 0 on SIGTERM', async () => {
    // Only the shard process's discord.js asked /gateway/bot; the manager did not need to.
    expect(run.fake.requests.filter((r) => r.path === '/api/v10/gateway/bot')).toHaveLength(1);
    expect([...run.fake.gateway.sessions.values()].map((s) => s.identify.shard)).toEqual([[0, 1]]);
    expect([...shardPids(run.output()).keys()]).toEqual([0]);
    run.fake.setShards(1); // the fake routes by its own count
    for (const guild of GUILDS) {
      const cb = await run.fake.interact(chatInput('help', {}, { guildId: guild.id, channelId: guild.channelId }), 10_000);
      expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    }
    run.child.kill('SIGTERM');
    expect((await run.exited).code, run.output()).toBe(0);
  }, 60_000);
});
