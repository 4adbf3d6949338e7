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

describe('suggestions are whole questions and names, never cut-off sentences or curator notes', () => {
  const names = new Set(engine.pack.entities.flatMap((e) => [e.name]));
  const whole = (s: string) => /\?$/.test(s) || names.has(s);

  it.each(['prigoz', 'putin', 'xi jinp', 'china said', 'wagner', 'treason', ''])('"%s" gives only whole questions or names', (partial) => {
    const s = engine.suggest(partial);
    expect(s.length).toBeGreaterThan(0);
    for (const choice of s) {
      expect(whole(choice)).toBe(true);
      expect(choice).not.toMatch(/^…|…[^”]*$/); // no fragment cut at either end
    }
  });

  it('"prigoz" offers Prigozhin by name and as a question, not a passage about him', () => {
    const s = engine.suggest('prigoz');
    expect(s).toContain('Yevgeny Prigozhin');
    expect(s.some((x) => /^Who is .*Prigozhin\?$/.test(x))).toBe(true);
    expect(s.join('\n')).not.toMatch(/made their way|Wagner Group head/);
  });

  it('did-you-mean shows no curator note from the timeline', () => {
    const asked = ['what happened after', 'what happened on sunday', 'when did ma meet rudenko on zelensky day', 'zelensky wagner'];
    const all = [...asked.flatMap((q) => engine.answer(q).suggestions), ...engine.suggest('what happened', 25)];
    for (const s of all) expect(s).not.toMatch(/implies|\(|curator/);
  });
});
