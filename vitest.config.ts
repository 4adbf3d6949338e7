import { defineConfig } from 'vitest/config';
import { makeTestDataDir } from './testing/temp-data-dir.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Build the production bundle once before the suite; give every spawned bot a temp DATA_DIR (never ./data in the checkout).
    globalSetup: ['test/build-dist.global.ts', 'testing/temp-data-dir.ts'],
    env: { DATA_DIR: makeTestDataDir() },
    // Backstops, not measurements: a test ends when what it waits for happens. Generous, because the
    // CI box has 2 cores and a process test can spend most of a minute starting children under load.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // vitest's default is one worker per core minus one: a single worker on the 2-core box, so every
    // file waited for the one before, including the many that mostly wait on child processes.
    maxWorkers: 2,
    // The files share each worker's module cache: importing discord.js, zod, pino and the engine's
    // word lists again for every file, and building the engine again in every bot test file, was
    // about half the suite's CPU. The files keep no global state besides that cache; what they change
    // (KNOWLEDGE_DIR, fake timers, spies) they restore themselves. Keep it so in new files. (The suite
    // also passes with --sequence.shuffle.files.)
    isolate: false,
  },
});
