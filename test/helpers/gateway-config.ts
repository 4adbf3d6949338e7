// The gateway configuration as the sharding tests check it: a minimal valid environment, and the
// problems parseConfig lists for it with some variables added.
import { ConfigError, parseConfig } from '../../src/discord/config.ts';
import { APP_ID } from '../../testing/fake-discord/index.ts';

export const GATEWAY_ENV = { DISCORD_TOKEN: 'abc.def.ghi', DISCORD_CLIENT_ID: APP_ID };

/** The problems parseConfig('gateway') reports for GATEWAY_ENV plus `extra` ([] when it accepts it). */
export function gatewayProblems(extra: Record<string, string>): string[] {
  try {
    parseConfig('gateway', { ...GATEWAY_ENV, ...extra });
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}
