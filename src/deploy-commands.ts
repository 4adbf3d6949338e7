// `npm run deploy-commands [-- --dry-run]`: registers the slash and context-menu commands.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, loadEnvFile } from './discord/config.ts';
import { commandPayload, deployCommands, deployRoute, explainDeployError } from './discord/deploy.ts';

/** Where the command reads its arguments and settings and writes (tests pass their own). */
export interface DeployIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => unknown;
  stderr: (text: string) => unknown;
}

/** The whole command; resolves to the exit code (1 for a bad configuration or a refused PUT). */
export async function runDeployCommands(io: DeployIo): Promise<number> {
  const { env } = io;
  if (io.argv.includes('--dry-run')) {
    // The payload is useful before anything is configured, so a dry run needs no token.
    loadEnvFile(env);
    io.stdout(`${JSON.stringify(commandPayload(), null, 2)}\n`);
    const id = env.DISCORD_CLIENT_ID?.trim();
    const guild = env.DISCORD_GUILD_ID?.trim();
    io.stderr(`Dry run: would PUT ${commandPayload().length} commands to ${id ? deployRoute({ clientId: id, ...(guild ? { guildId: guild } : {}) }) : '/applications/{DISCORD_CLIENT_ID}/commands'}\n`);
    return 0;
  }
  let config;
  try {
    config = loadConfig('deploy', env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr(`${err.message}\n`);
    return 1;
  }
  try {
    const saved = await deployCommands(config);
    const where = config.guildId ? `server ${config.guildId} (available now)` : 'all servers (global commands can take a few minutes to appear)';
    io.stderr(`Registered ${saved.length} commands for ${where}: ${saved.map((c) => c.name).join(', ')}\n`);
    return 0;
  } catch (err) {
    io.stderr(`${explainDeployError(err, config)}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runDeployCommands({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
