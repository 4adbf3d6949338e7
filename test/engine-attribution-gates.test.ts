// Attribution tries a cheap hint before each costly pattern (issue 14: the patterns were most of an
// uncurated build), notes names with one pattern of several words, and collapses a sentence's whitespace
// only when it has any to collapse; lexicon.ts scans for all its set phrases at once. All of it is only
// speed: each hint must match wherever a pattern it gates matches, or attribution would change.
// Checked on arbitrary text built from the pieces the patterns read, and on every sentence of the
// seed, the news and story fixtures and, when present, the SQuAD dev articles.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_GATES, NAME_PATTERNS } from '../src/engine/attribution.ts';
import { splitSentences } from '../src/engine/sentences.ts';
import { singleSpaced } from '../src/engine/text.ts';
import { PHRASE_MEANINGS, phraseMeanings } from '../src/engine/lexicon.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';

const SQUAD = new URL('../../shared/datasets/squad-v1.1-dev/dev.jsonl', import.meta.url);
const FIXTURES = ['news', 'stories'].map((d) => new URL(`fixtures/${d}/`, import.meta.url));

const piece = fc.oneof(
  fc.constantFrom(
    'Mark Tedeschi', 'Mr. Heald', 'the coach', 'Panama coach', 'its chairman', "Tunisia's coach", 'Professor David Marsh of the University',
    ', ', ',', ' ', '  ', '"', '\u201c', '\u201d', '\u2019', '\u2026', ':', ';', '.', '(', ')',
    'said', 'says', 'told', 'added', 'wrote', 'argued', 'spoke of', 'pointed out', 'saidx', 'Said', 'SAID',
    'cited', 'quoted', 'as saying', 'in the words of', 'Words Of', 'according to', 'reporters', 'lead author', 'the',
  ),
  fc.string({ maxLength: 6 }),
);
/** A mark, maybe spaces, a verb and what may follow it: the shape every MARK_VERB pattern ends or starts with. */
const markVerb = fc
  .tuple(
    fc.constantFrom(',', '"', '\u201d', '\u2019', '\u2026', ';', ''),
    fc.constantFrom('', ' ', '  '),
    fc.constantFrom('said', 'says', 'told', 'added', 'explained', 'argued', 'tweeted', 'spoke'),
    fc.constantFrom(' lead author Mark Tedeschi', ' Mark Tedeschi.', ' the coach', '.', ' reporters in London', ''),
  )
  .map((parts) => parts.join(''));
const text = fc.array(fc.oneof(piece, markVerb), { maxLength: 24 }).map((parts) => parts.join(''));

function realSentences(): string[] {
  const texts = loadDefaultPack().paragraphs.map((p) => p.text);
  for (const dir of FIXTURES) for (const f of readdirSync(dir)) if (f.endsWith('.txt')) texts.push(...readFileSync(new URL(f, dir), 'utf8').split(/\n\s*\n/));
  if (existsSync(SQUAD)) for (const line of readFileSync(SQUAD, 'utf8').split('\n')) if (line.trim()) texts.push(...(JSON.parse(line) as { paragraphs: string[] }).paragraphs);
  return texts.flatMap((t) => splitSentences(t).map((s) => singleSpaced(s.text)));
}

const holds = (s: string): void => {
  for (const { hint, patterns } of ATTRIBUTION_GATES) for (const p of patterns) if (p.test(s)) expect(hint.test(s), `${hint} before ${p.source.slice(0, 40)}… on ${JSON.stringify(s)}`).toBe(true);
};

describe('attribution hints', () => {
  it('match wherever a pattern they gate matches, on arbitrary text', () => {
    fc.assert(fc.property(text, holds), { numRuns: 3000 });
  });

  it('match wherever a pattern they gate matches, on real sentences, and the patterns do match some', () => {
    const sentences = realSentences();
    sentences.forEach(holds);
    for (const { patterns } of ATTRIBUTION_GATES) expect(sentences.some((s) => patterns.some((p) => p.test(s)))).toBe(true);
  });
});

describe('noting names', () => {
  const one = new RegExp(NAME_PATTERNS.one, 'gu');
  const several = new RegExp(NAME_PATTERNS.several, 'gu');
  const spans = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => [m.index, m[0]]);
  const same = (s: string) => {
    expect(spans(several, s)).toEqual(spans(one, s).filter(([, w]) => /\s/.test(w as string)));
  };
  const namePiece = fc.constantFrom('Mark', 'McDonald', 'iPhone', 'U.S.', "O'Neil", 'Jean-Luc', '\u00c9mile', 'of', 'the', 'van', 'der', 'The', 'A', 'x', ' ', '  ', '\t', ',', '.', "'", '\u2019', '-', 'said');
  it('finds exactly the spans of more than one word that the one-or-more pattern finds, on arbitrary text', () => {
    fc.assert(fc.property(fc.array(fc.oneof(namePiece, fc.string({ maxLength: 4 })), { maxLength: 20 }).map((p) => p.join('')), same), { numRuns: 5000 });
  });
  it('and on real sentences', () => {
    realSentences().forEach(same);
  });
});

describe('set phrases', () => {
  const each = (s: string) => PHRASE_MEANINGS.filter(([p]) => p.test(s)).map(([, words]) => words);
  const phrase = fc.constantFrom('held talks', 'holds  high-level talks', 'took place', 'Passed Away', 'paid a visit', 'gave a speech', 'struck a deal', 'made the decision', 'put forward', 'legal challenges', 'exchanged views', 'talk', 'place', ' ', ', ');
  it('one pattern for all finds what each finds, on arbitrary text and on real sentences', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(phrase, fc.string({ maxLength: 5 })), { maxLength: 12 }).map((p) => p.join('')), (s) => {
        expect(phraseMeanings(s)).toEqual(each(s));
      }),
      { numRuns: 3000 },
    );
    const sentences = realSentences();
    for (const s of sentences) expect(phraseMeanings(s)).toEqual(each(s));
    expect(sentences.filter((s) => each(s).length > 0).length).toBeGreaterThan(5);
  });
});

describe('singleSpaced', () => {
  const spaces = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', '\u200b', '\u0085', 'a', 'B', '.', '\u201c');
  it('is replace(/\\s+/g, " ").trim(), on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(spaces, { maxLength: 20 }).map((p) => p.join('')), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })), (s) => {
        expect(singleSpaced(s)).toBe(s.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 5000 },
    );
  });
});
