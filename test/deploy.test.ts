// npm run deploy-commands: a dry run prints the payload without any configuration; a real run PUTs
// it through discord.js REST to the fake Discord, to the guild when DISCORD_GUILD_ID is set.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeployCommands } from '../src/deploy-commands.ts';
import { parseConfig } from '../src/discord/config.ts';
import { commandPayload, deployCommands, explainDeployError } from '../src/discord/deploy.ts';
import { APP_ID, FakeDiscord, GUILD_ID } from '../testing/fake-discord/index.ts';

const run = promisify(execFile);
const cwd = new URL('..', import.meta.url).pathname;
const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: process.env.DATA_DIR, ENV_FILE: '/nonexistent' };

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

describe('deploy-commands', () => {
  it('--dry-run prints the JSON payload and needs no token', async () => {
    // In process: the script only calls runDeployCommands with its argv, env and streams (the real
    // process runs below).
    let stdout = '';
    let stderr = '';
    const code = await runDeployCommands({ argv: ['--dry-run'], env: { ...baseEnv }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(commandPayload())));
    expect(stderr).toMatch(/Dry run: would PUT 9 commands/);
    expect(fake.requests).toHaveLength(0);
  });

  it('PUTs the commands to the guild when DISCORD_GUILD_ID is set (npm run deploy-commands, a real process)', async () => {
    const env = { ...baseEnv, DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: APP_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.apiUrl };
    // execFile rejects on a non-zero exit, so this also shows the exit code is 0.
    const { stderr } = await run('npm', ['run', '--silent', 'deploy-commands'], { cwd, env });
    expect(stderr).toMatch(/Registered 9 commands for server/);
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(commandPayload())));
    expect(fake.rest.commands.get(GUILD_ID)).toHaveLength(9);
  });

  it('PUTs globally without DISCORD_GUILD_ID, and explains a rejected token', async () => {
    // In-process: the script's wiring is covered above; this covers the route choice and errors.
    const config = parseConfig('deploy', { DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    const saved = await deployCommands(config);
    expect(saved.map((c) => c.name)).toContain('ask');
    expect(fake.rest.commands.get('global')).toHaveLength(9);

    const err = await deployCommands({ ...config, token: 'wrong.token-value.0123456789' }).catch((e: unknown) => e);
    const advice = explainDeployError(err, config);
    expect(advice).toMatch(/rejected DISCORD_TOKEN/);
    expect(advice).not.toContain('wrong.token-value.0123456789');

    // What the command does with it: the advice on stderr and exit code 1.
    let stderr = '';
    const env = { ...baseEnv, DISCORD_TOKEN: 'wrong.token-value.0123456789', DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl };
    expect(await runDeployCommands({ argv: [], env, stdout: () => {}, stderr: (t) => (stderr += t) })).toBe(1);
    expect(stderr).toBe(`${advice}\n`);
  });
});
