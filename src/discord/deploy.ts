// Registers the command definitions with Discord through discord.js's REST client: to one guild when
// DISCORD_GUILD_ID is set (instant, for testing), else globally. A dry run prints the payload only.
import { Routes, type RESTPutAPIApplicationCommandsResult } from 'discord-api-types/v10';
import type { Config } from './config.ts';
import { createRegistry } from './registry.ts';

export function commandPayload() {
  return createRegistry().definitions();
}

export function deployRoute(config: Pick<Config, 'clientId' | 'guildId'>): `/${string}` {
  return config.guildId ? Routes.applicationGuildCommands(config.clientId, config.guildId) : Routes.applicationCommands(config.clientId);
}

export async function deployCommands(config: Config): Promise<RESTPutAPIApplicationCommandsResult> {
  // Loaded here so a dry run does not pay for importing discord.js.
  const { REST } = await import('discord.js');
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token!);
  return (await rest.put(deployRoute(config), { body: commandPayload() })) as RESTPutAPIApplicationCommandsResult;
}

/** Turns a REST failure into advice; the token never appears in it. */
export function explainDeployError(err: unknown, config: Pick<Config, 'guildId'>): string {
  const status = (err as { status?: number }).status;
  const code = (err as { code?: number | string }).code;
  const base = `Could not register the commands: ${(err as Error).message ?? String(err)}`;
  if (status === 401) return `${base}\nDiscord rejected DISCORD_TOKEN: reset it in the developer portal (Bot → Reset Token).`;
  if (status === 403 || code === 50001) {
    return `${base}\n${config.guildId ? 'Is the bot in that server? Invite it with the applications.commands scope, or check DISCORD_GUILD_ID.' : 'Check that DISCORD_CLIENT_ID belongs to the token\'s application.'}`;
  }
  if (status === 404) return `${base}\nCheck DISCORD_CLIENT_ID (the Application ID) and DISCORD_GUILD_ID.`;
  return base;
}
