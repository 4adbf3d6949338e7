import { configDefaults, defineConfig } from 'vitest/config';

const BOT_TESTS = 'test/bot-*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, BOT_TESTS] },
      },
      {
        // Each bot test file starts discord.js against the fake Discord. Sharing the module cache
        // between those files saves importing discord.js and building the engine once per file
        // (about 32 s → 10 s on the 2-core box); they keep no global state besides that cache.
        extends: true,
        test: { name: 'bot', include: [BOT_TESTS], isolate: false },
      },
    ],
  },
});
