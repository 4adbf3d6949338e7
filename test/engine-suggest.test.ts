// Autocomplete: at most 25 suggestions of 1–100 characters, found despite typos.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';

const engine = createEngine(loadDefaultPack());

describe('engine.suggest', () => {
  it('offers starter questions for an empty box', () => {
    const s = engine.suggest('');
    expect(s.length).toBeGreaterThan(5);
    expect(s.length).toBeLessThanOrEqual(25);
  });

  it.each(['prigoz', 'xi jinp', 'who is qin', 'treason', 'belarus'])('finds what "%s" means', (partial) => {
    const s = engine.suggest(partial);
    expect(s.length).toBeGreaterThan(0);
    expect(s.join(' ').toLowerCase()).toContain(partial.split(' ').at(-1)!.slice(0, 4));
  });

  it('keeps every suggestion within Discord limits, whatever is typed', () => {
    for (const partial of ['', 'a', 'x'.repeat(5000), '!^=$|', '🐉'.repeat(50), '\u0000\u200b', 'the']) {
      const s = engine.suggest(partial, 25);
      expect(s.length).toBeLessThanOrEqual(25);
      for (const choice of s) {
        expect(choice.length).toBeGreaterThanOrEqual(1);
        expect(choice.length).toBeLessThanOrEqual(100);
      }
    }
    expect(engine.suggest('putin', 3)).toHaveLength(3);
  });

  it('finds entities by name, alias or typo', () => {
    expect(engine.findEntity('Putin')?.id).toBe('vladimir-putin');
    expect(engine.findEntity('PLA')?.id).toBe('pla');
    expect(engine.findEntity('prigozin')?.id).toBe('yevgeny-prigozhin');
    expect(engine.findEntity('nobody at all')).toBeUndefined();
  });
});
