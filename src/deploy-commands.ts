// `npm run deploy-commands [-- --dry-run]`: registers the slash and context-menu commands.
import { configOrExit, loadEnvFile } from './discord/config.ts';
import { commandPayload, deployCommands, deployRoute, explainDeployError } from './discord/deploy.ts';

const dryRun = process.argv.includes('--dry-run');

if (dryRun) {
  // The payload is useful before anything is configured, so a dry run needs no token.
  loadEnvFile();
  process.stdout.write(`${JSON.stringify(commandPayload(), null, 2)}\n`);
  const id = process.env.DISCORD_CLIENT_ID?.trim();
  const guild = process.env.DISCORD_GUILD_ID?.trim();
  process.stderr.write(`Dry run: would PUT ${commandPayload().length} commands to ${id ? deployRoute({ clientId: id, ...(guild ? { guildId: guild } : {}) }) : '/applications/{DISCORD_CLIENT_ID}/commands'}\n`);
} else {
  const config = configOrExit('deploy');
  try {
    const saved = await deployCommands(config);
    const where = config.guildId ? `server ${config.guildId} (available now)` : 'all servers (global commands can take a few minutes to appear)';
    process.stderr.write(`Registered ${saved.length} commands for ${where}: ${saved.map((c) => c.name).join(', ')}\n`);
  } catch (err) {
    process.stderr.write(`${explainDeployError(err, config)}\n`);
    process.exit(1);
  }
}
