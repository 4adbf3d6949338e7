// Property: whatever text people type, the engine answers without throwing, within its own
// contract (shapes, limits, scores), and the same question always gets the same answer, also from
// a second engine built from the same knowledge and after other questions were asked in between.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../src/engine/index.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';
import { hostileText } from './helpers/hostile.ts';

let engine: Engine;
let twin: Engine;
beforeAll(() => {
  engine = createEngine(loadDefaultPack());
  twin = createEngine(loadDefaultPack());
});

/** Runs per property; one input in 12 is 20,000 characters long. */
const RUNS = Number(process.env.PROPS_RUNS ?? 100);
let tried = 0;

describe('engine, hostile input (property-based)', () => {
  it('answer: never throws, keeps its contract, and is deterministic', () => {
    fc.assert(
      fc.property(hostileText, fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 12 }), (question, other, alternatives) => {
        tried++;
        const a = engine.answer(question, { alternatives });
        expect(a.question).toBe(question);
        expect(typeof a.found).toBe('boolean');
        expect(a.alternatives.length).toBeLessThanOrEqual(alternatives);
        expect(a.suggestions.length).toBeLessThanOrEqual(3);
        if (a.found) {
          expect(a.answer).not.toBeNull();
          expect(a.answer!.text.trim().length).toBeGreaterThan(0);
          for (const p of [a.answer!, ...a.alternatives]) {
            expect(p.score).toBeGreaterThanOrEqual(0);
            expect(p.score).toBeLessThanOrEqual(1);
            expect(engine.passage(p.passageId)?.text).toBe(p.text);
          }
        } else {
          expect(a.answer).toBeNull();
          expect(a.alternatives).toEqual([]);
          expect(a.reason?.trim().length).toBeGreaterThan(0);
        }
        // Serialisable as the ask --json contract needs it.
        expect(JSON.parse(JSON.stringify(a)).found).toBe(a.found);
        // Deterministic: again, after another question, and from another engine.
        engine.answer(other);
        expect(engine.answer(question, { alternatives })).toEqual(a);
        expect(twin.answer(question, { alternatives })).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });

  it('suggest: never throws, at most `limit` suggestions of 1–100 characters, deterministic', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 1, max: 25 }), (partial, limit) => {
        tried++;
        const s = engine.suggest(partial, limit);
        expect(s.length).toBeLessThanOrEqual(limit);
        for (const x of s) {
          expect(x.trim().length).toBeGreaterThan(0);
          expect(x.length).toBeLessThanOrEqual(100);
        }
        expect(engine.suggest(partial, limit)).toEqual(s);
        expect(twin.suggest(partial, limit)).toEqual(s);
      }),
      { numRuns: RUNS },
    );
  });

  it('findEntity and quotes: never throw, return only what the pack holds, deterministic', () => {
    const entities = new Set(engine.pack.entities);
    const quotes = new Set(engine.pack.quotes);
    fc.assert(
      fc.property(hostileText, fc.option(hostileText), (name, topic) => {
        tried++;
        const e = engine.findEntity(name);
        if (e) expect(entities.has(e)).toBe(true);
        expect(engine.findEntity(name)).toBe(e);
        expect(twin.findEntity(name)?.id).toBe(e?.id);

        const filter = { speaker: name, ...(topic === null ? {} : { topic }) };
        const q = engine.quotes(filter);
        for (const x of q) expect(quotes.has(x)).toBe(true);
        expect(engine.quotes(filter)).toEqual(q);
        const byTopic = engine.quotes(topic === null ? {} : { topic });
        for (const x of byTopic) expect(quotes.has(x)).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('reports how many hostile inputs it tried', () => {
    console.log(`props-engine: ${tried} hostile inputs (answer, suggest, findEntity, quotes)`);
    expect(tried).toBeGreaterThan(0);
  });
});
