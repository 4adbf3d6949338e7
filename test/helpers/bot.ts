// Starts the fake Discord and the real gateway bot (discord.js Client) against it, and tears both
// down in the right order: client first, since discord.js retries a lost gateway forever.
import { createEngine } from '../../src/engine/index.ts';
import type { Engine } from '../../src/engine/types.ts';
import { createGatewayBot, type GatewayBot, type GatewayBotOptions } from '../../src/discord/gateway.ts';
import { createInteractionHandler, type HandlerOptions } from '../../src/discord/handler.ts';
import { loadDefaultPack } from '../../src/knowledge/loader.ts';
import { warmUp } from '../../src/discord/warm-up.ts';
import { createLogger } from '../../src/log.ts';
import { FAKE_TOKEN, FakeDiscord, type FakeDiscordOptions } from '../../testing/fake-discord/index.ts';

let engine: Engine | undefined;
/** The real engine over the seed article, built (and warmed up, as npm start does) once per file. */
export function seedEngine(): Engine {
  engine ??= createEngine(loadDefaultPack());
  return engine;
}

let warmed = false;

export interface BotHarness {
  fake: FakeDiscord;
  bot: GatewayBot;
  logs: string[];
  close(): Promise<void>;
}

export async function startBot(opts: { handler?: Partial<HandlerOptions>; fake?: FakeDiscordOptions; gateway?: Pick<GatewayBotOptions, 'backlog'> } = {}): Promise<BotHarness> {
  const fake = await FakeDiscord.start(opts.fake);
  const logs: string[] = [];
  const log = createLogger('info', (l) => logs.push(l));
  if (!warmed) {
    await warmUp(createInteractionHandler({ engine: seedEngine(), cooldown: false }));
    warmed = true;
  }
  const handle = createInteractionHandler({ engine: seedEngine(), log, ...opts.handler });
  const bot = createGatewayBot({ token: fake.token ?? FAKE_TOKEN, apiUrl: fake.apiUrl, handle, log, ...opts.gateway });
  try {
    await bot.start();
  } catch (err) {
    await bot.stop(0);
    await fake.close();
    throw err;
  }
  return {
    fake,
    bot,
    logs,
    async close() {
      await bot.stop(0);
      await fake.close();
    },
  };
}
