import { configDefaults, defineConfig } from 'vitest/config';

const BOT_TESTS = 'test/bot-*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // vitest's default is one worker per core minus one: a single worker on the 2-core box, so every
    // file waited for the one before, including the many that mostly wait on child processes.
    maxWorkers: 2,
    projects: [
      {
        // Not isolated either: re-importing discord.js, zod, pino and the engine's word lists for
        // each of some fifty files was most of the suite's CPU (about 75 of 170 s). The files keep
        // no global state besides that module cache; what they change (KNOWLEDGE_DIR, fake timers,
        // spies) they restore themselves. Keep it so in new files.
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, BOT_TESTS], isolate: false },
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
