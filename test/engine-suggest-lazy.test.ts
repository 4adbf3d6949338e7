// Answering a question never builds the autocomplete's fuzzy indexes (issue 14: `npm run ask` paid for
// three Fuse.js indexes it never searched); the first autocomplete builds them, once. Fuse.js is the
// real one: every index it builds takes its collection through setCollection, which a spy counts.
import Fuse from 'fuse.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../src/engine/index.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the autocomplete index', () => {
  it('is built by the first autocomplete, not by answering', () => {
    const collections = vi.spyOn(Fuse.prototype, 'setCollection');
    const engine = createEngine(loadDefaultPack());
    const missed = engine.answer('What is the capital of France?');
    expect(engine.answer('Who met Ma Zhaoxu?').found).toBe(true);
    expect(missed.found).toBe(false);
    expect(collections).not.toHaveBeenCalled();

    expect(engine.suggest('prigoz').join(' ').toLowerCase()).toContain('prigo');
    const built = collections.mock.calls.length;
    expect(built).toBeGreaterThan(0);
    engine.suggest('xi jinp');
    engine.suggest('who');
    expect(collections).toHaveBeenCalledTimes(built);
  });
});
