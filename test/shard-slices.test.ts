// SHARDS=A-B SHARD_COUNT=N: one host's slice of a bot sharded over several hosts. Two real `npm start`
// processes (run as the npm script execs them), each with its own slice of 2 shards, identify against
// one fake Discord with their own [id, count], and together answer every guild.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { parseConfig } from '../src/discord/config.ts';
import { FakeDiscord, chatInput, guildPerShard } from '../testing/fake-discord/index.ts';
import { spawnBot, type ChildRun } from '../testing/spawn.ts';
import { GATEWAY_ENV, gatewayProblems } from './helpers/gateway-config.ts';

const env = GATEWAY_ENV;
const problems = gatewayProblems;

describe('SHARDS as a slice in the config', () => {
  it('takes a range of ids with the total count', () => {
    expect(parseConfig('gateway', { ...env, SHARDS: '0-7', SHARD_COUNT: '16' }).shards).toEqual({ first: 0, last: 7, count: 16 });
    expect(parseConfig('gateway', { ...env, SHARDS: ' 8 - 15 ', SHARD_COUNT: '16' }).shards).toEqual({ first: 8, last: 15, count: 16 });
  });

  it('refuses a range without SHARD_COUNT, outside it, backwards, or SHARD_COUNT alone', () => {
    expect(problems({ SHARDS: '0-7' })).toEqual([expect.stringMatching(/^SHARDS is a range \(0-7\) but SHARD_COUNT is not set/)]);
    expect(problems({ SHARDS: '8-16', SHARD_COUNT: '16' })).toEqual([expect.stringMatching(/^SHARDS 8-16 is not a range of shard ids within SHARD_COUNT 16 \(ids run from 0 to 15\)/)]);
    expect(problems({ SHARDS: '7-3', SHARD_COUNT: '16' })).toHaveLength(1);
    expect(problems({ SHARDS: '4', SHARD_COUNT: '16' })).toEqual([expect.stringMatching(/^SHARD_COUNT is set but SHARDS is not a range/)]);
  });

  it('a shard process the manager started ignores the slice variables', () => {
    const c = parseConfig('gateway', { ...env, SHARDING_MANAGER: 'true', SHARDS: '9', SHARD_COUNT: '16' });
    expect(c.shard).toEqual({ id: 9, count: 16 });
    expect(c.shards).toBeUndefined();
  });
});

const GUILDS = guildPerShard(2);

describe('two hosts, two slices of SHARD_COUNT=2', () => {
  let fake: FakeDiscord;
  const dirs: string[] = [];
  const hosts: Array<Omit<ChildRun, 'exited'> & { exited: Promise<number | null> }> = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start({ shards: 2, guilds: GUILDS });
    const dataDir = mkdtempSync(join(tmpdir(), 'shard-slices-'));
    dirs.push(dataDir);
    for (const slice of ['0-0', '1-1']) {
      // Run as the npm script execs it; DATA_DIR: nothing of this test belongs in the checkout.
      const host = await spawnBot(fake, { via: 'node', ready: 0, env: { SHARDS: slice, SHARD_COUNT: '2', SHARD_SPAWN_DELAY_MS: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' } });
      hosts.push({ ...host, exited: host.exited.then((e) => e.code) });
    }
    await fake.waitForReady(2, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}\n--- host output ---\n${hosts.map((h) => h.output()).join('\n---\n')}`);
    });
  }, 90_000);

  afterAll(async () => {
    for (const h of hosts) h.kill();
    await fake?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('each host identifies its own shard as [id, 2], and each guild is answered by its host', async () => {
    expect([...fake.gateway.sessions.values()].map((s) => s.identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(hosts[0]!.output()).toMatch(/Starting shards 0-0 of 2: 1 shard process/);
    expect(hosts[1]!.output()).toMatch(/Starting shards 1-1 of 2: 1 shard process/);
    for (const guild of GUILDS) {
      const cb = await fake.interact(chatInput('help', {}, { guildId: guild.id, channelId: guild.channelId }), 15_000);
      expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    }
  }, 60_000);

  it('SIGTERM stops each host and exits 0', async () => {
    for (const h of hosts) h.child.kill('SIGTERM');
    for (const h of hosts) expect(await h.exited, h.output()).toBe(0);
  }, 60_000);
});
