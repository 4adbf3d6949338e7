// Answering a question never builds the autocomplete's fuzzy indexes (issue 14: `npm run ask` paid for
// three Fuse.js indexes it never searched); the first autocomplete builds them, once. Fuse.js is the
// real one, counted.
import { describe, expect, it, vi } from 'vitest';

const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('fuse.js', async (importOriginal) => {
  const Fuse = ((await importOriginal()) as { default: new (...args: unknown[]) => object }).default;
  class Counted extends Fuse {
    constructor(...args: unknown[]) {
      super(...args);
      built.count++;
    }
  }
  return { default: Counted };
});

const { createEngine } = await import('../src/engine/index.ts');
const { loadDefaultPack } = await import('../src/knowledge/loader.ts');

describe('the autocomplete index', () => {
  it('is built by the first autocomplete, not by answering', () => {
    const engine = createEngine(loadDefaultPack());
    const missed = engine.answer('What is the capital of France?');
    expect(engine.answer('Who met Ma Zhaoxu?').found).toBe(true);
    expect(missed.found).toBe(false);
    expect(built.count).toBe(0);

    expect(engine.suggest('prigoz').join(' ').toLowerCase()).toContain('prigo');
    const afterSuggest = built.count;
    expect(afterSuggest).toBeGreaterThan(0);
    engine.suggest('xi jinp');
    engine.suggest('who');
    expect(built.count).toBe(afterSuggest);
  });
});
