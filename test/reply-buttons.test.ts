// The buttons codec (src/reply/buttons.ts) and passage keys (src/engine/passage-key.ts): every id a
// reply draws is at most 100 characters and reads back to what was encoded, for any slug that fits
// and any question; ids from before passage keys, and forged ones, never read as a passage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSAGE_KEY, PassageKeys, passageKey, passageKeys } from '../src/engine/passage-key.ts';
import { ROUTES, askButtonsFit, contextId, decodeAskButton, decodeDidYouMean, didYouMeanId, feedbackId, moreMatchesId, routeOf } from '../src/reply/buttons.ts';
import { oneLine } from '../src/reply/escape.ts';
import { hostileText } from './helpers/hostile.ts';

const slug = fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), fc.integer({ min: 60, max: 90 }).map((n) => `a${'-b'.repeat(n)}`.slice(0, n)));
const key = fc.string({ minLength: 1, maxLength: 200 }).map((t) => passageKey(t));
const confidence = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(null));

describe('passage keys', () => {
  it('are 8 base64url characters, the same for the same sentence whatever its spacing', () => {
    const k = passageKey('Putin spoke of “treason”.');
    expect(k).toMatch(PASSAGE_KEY);
    expect(passageKey('  Putin spoke of\n“treason”. ')).toBe(k);
    expect(passageKey('Putin spoke of “treason”!')).not.toBe(k);
  });

  it('tell apart a sentence the article repeats, and look each copy up', () => {
    const { keys, byKey } = passageKeys(['Hello.', 'Other.', 'Hello.']);
    expect(new Set(keys).size).toBe(3);
    expect(keys[0]).toBe(passageKey('Hello.'));
    expect(keys.map((k) => byKey.get(k))).toEqual([0, 1, 2]);
  });

  it('leave out of the lookup a key two different sentences share, rather than show the wrong one', () => {
    const { keys, byKey } = passageKeys(['One.', 'Two.', 'Three.'], (t) => (t === 'Three.' ? 'cccccccc' : 'sharedkk'));
    expect(keys).toEqual(['sharedkk', 'sharedkk', 'cccccccc']);
    expect(byKey.has('sharedkk')).toBe(false);
    expect(byKey.get('cccccccc')).toBe(2);
  });
});

describe('passage keys made when first asked (PassageKeys)', () => {
  it('are the keys passageKeys makes, whichever passage is asked first, repeated sentences and re-wrapped ones included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Hello.', 'Hello. ', ' Other.', 'Other.', 'A\nthird one.', 'A third one.', 'x'), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 12 }), (texts, order) => {
        const eager = passageKeys(texts).keys;
        const lazy = new PassageKeys(texts);
        for (const n of order) if (texts.length) expect(lazy.key(n % texts.length)).toBe(eager[n % texts.length]);
        expect(lazy.all()).toEqual(eager);
        expect(lazy.key(texts.length)).toBeUndefined();
        expect(lazy.key(-1)).toBeUndefined();
      }),
    );
  });

  it('hand out keys already known (a parts file\'s) as they are', () => {
    const known = new PassageKeys(['One.', 'Two.'], ['aaaaaaaa', 'bbbbbbbb']);
    expect([known.key(1), known.key(0)]).toEqual(['bbbbbbbb', 'aaaaaaaa']);
    expect(known.all()).toEqual(['aaaaaaaa', 'bbbbbbbb']);
  });
});

describe('the buttons codec', () => {
  it('More matches ids: ≤ 100 characters, most relevant keys first, and they read back', () => {
    fc.assert(
      fc.property(slug, fc.array(key, { minLength: 1, maxLength: 12 }), fc.constantFrom('more', 'next') as fc.Arbitrary<'more' | 'next'>, (s, keys, kind) => {
        fc.pre(askButtonsFit(s));
        const id = moreMatchesId(s, keys, kind);
        expect(id.length).toBeLessThanOrEqual(100);
        expect(routeOf(id)).toBe(ROUTES[kind]);
        const read = decodeAskButton(id);
        expect(read).toMatchObject({ kind, slug: s });
        const got = (read as { keys: string[] }).keys;
        expect(got.length).toBeGreaterThan(0);
        expect(got).toEqual(keys.slice(0, got.length));
      }),
    );
  });

  it('"This didn\'t answer me" ids carry the question (cut with … when too long) and the confidence', () => {
    fc.assert(
      fc.property(slug, key, hostileText, confidence, (s, k, question, c) => {
        fc.pre(askButtonsFit(s));
        const id = feedbackId(s, k, question, c);
        expect(id.length).toBeLessThanOrEqual(100);
        expect(id).not.toMatch(/[@<]/); // no mention as written, even in an id
        expect(routeOf(id)).toBe(ROUTES.feedback);
        const read = decodeAskButton(id);
        if (read?.kind !== 'miss') throw new Error(`did not read back: ${id}`);
        expect(read).toMatchObject({ slug: s, key: k, confidence: c === null ? null : Math.round(c * 100) / 100 });
        const typed = oneLine(question);
        if (read.question.endsWith('…') && read.question !== typed) {
          expect(typed.startsWith(read.question.slice(0, -1))).toBe(true);
          expect(read.question).not.toMatch(/[\ud800-\udbff]…$/); // never half a surrogate pair
        } else {
          expect(read.question).toBe(typed);
        }
      }),
    );
  });

  it('Show context ids read back; the route of each id is its ROUTES entry', () => {
    fc.assert(
      fc.property(slug, key, (s, k) => {
        fc.pre(askButtonsFit(s));
        const id = contextId(s, k);
        expect(id.length).toBeLessThanOrEqual(100);
        expect(routeOf(id)).toBe(ROUTES.context);
        expect(decodeAskButton(id)).toEqual({ kind: 'ctx', slug: s, key: k });
      }),
    );
    expect(routeOf(ROUTES.solved)).toBe(ROUTES.solved);
    expect(routeOf(didYouMeanId('wagner')!)).toBe(ROUTES.didYouMean);
    expect(decodeDidYouMean(didYouMeanId()!)).toEqual({ slug: '' });
  });

  it('keeps room for the question\'s opening: a slug that would leave none gets no buttons', () => {
    let longest = 'a';
    while (askButtonsFit(`${longest}b`)) longest += 'b';
    const id = feedbackId(longest, 'abcdefgh', '@everyone what did china actually say about the wagner thing', 1);
    expect(decodeAskButton(id)).toMatchObject({ question: '@everyone what di…' }); // @ travels as %40
    expect(decodeAskButton(feedbackId(longest, 'abcdefgh', 'half a pair \ud800 here', null))).toMatchObject({ question: 'half a pair \ufffd here' });
  });

  it('carries @, < and % in a question escaped, and reads them back as typed', () => {
    const question = 'Did <@&123> or @everyone say 100%40 of it?';
    const id = feedbackId('wagner', 'abcdefgh', question, 0.5);
    expect(id).toBe('ask:miss:wagner:abcdefgh:50:Did %3C%40&123> or %40everyone say 100%2540 of it?');
    expect(decodeAskButton(id)).toMatchObject({ question });
  });

  it('reads numbered ids from before passage keys as outdated, and anything else malformed as nothing', () => {
    for (const id of ['ask:ctx:wagner:6', 'ask:more:wagner:6.7.8', 'ask:next:wagner:9', 'ask:miss:wagner:123456789']) {
      expect(decodeAskButton(id)).toEqual({ kind: 'outdated', slug: 'wagner' });
    }
    for (const id of ['ask:ctx:wagner:', 'ask:ctx::abcdefgh', 'ask:ctx:wagner:abcdefg', 'ask:more:wagner:abcdefgh.abcdefgh', 'ask:more:wagner:abcdefghabc', 'ask:miss:wagner:abcdefgh', 'zzz:1', '']) {
      expect(decodeAskButton(id)).toBeUndefined();
    }
  });

  it('refuses to encode what is not a passage key, rather than draw a button that cannot work', () => {
    expect(() => contextId('wagner', '6')).toThrow(/not a passage key/);
    expect(() => moreMatchesId('wagner', ['abcdefgh', 'x'])).toThrow(/not a passage key/);
  });
});
