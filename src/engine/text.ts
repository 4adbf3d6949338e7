// Words, stems and stop words: the one place that decides what a "term" is, so the index and the
// question analysis can never disagree about it.
import { stemmer } from 'stemmer';

/** Folds curly quotes, dashes and accents so "Prigozhin’s" and "Prigozhin's" meet. */
export function fold(text: string): string {
  // Plain ASCII has nothing to fold, and is most text: skip the five passes over it.
  if (ASCII.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    // Letters NFKD leaves whole, folded one for one as search engines do: "TWENTY ØNE PILØTS", "Łódź".
    .replace(/[øØłŁđĐı]/g, (c) => STROKED[c]!);
}

const STROKED: Record<string, string> = { ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i' };

const ASCII = /^[\x00-\x7f]*$/;

/**
 * `text.replace(/\s+/g, ' ').trim()`, with the text returned as it is when it has no run of spaces and
 * no other whitespace, which is most sentences: the replace was a tenth of attributing a sentence (issue 14).
 */
export function singleSpaced(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? i === 0 || i === text.length - 1 || text.charCodeAt(i + 1) === 32 : c <= 13 ? c >= 9 : c >= 0xa0 && isOtherSpace(c)) return text.replace(/\s+/g, ' ').trim();
  }
  return text;
}

/** The characters other than ASCII ones that `\s` matches. */
const isOtherSpace = (c: number) => c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

export interface Token {
  /** Lowercased surface form ("prigozhin"). */
  word: string;
  /** Stemmed form used for matching ("prigozhin" → "prigozhin", "meeting" → "meet"). */
  stem: string;
  /** Offsets into the original string, for highlighting. */
  start: number;
  end: number;
  /** Whether the surface form started with a capital letter. */
  capital: boolean;
}

const WORD = /U\.S\.(?:A\.)?|[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;
/** "US" or "U.S." written so is the country, never the pronoun "us" (a stop word). */
const UNITED_STATES = /^(US|USA|U\.S\.|U\.S\.A\.)$/;
export const UNITED_STATES_WORD = 'usa';

export function tokenize(text: string): Token[] {
  // Plain ASCII is most text: scanned by hand, it makes the same tokens as WORD without the Unicode
  // pattern, and reads each spelling's word and stem from one cache (issue 14: tokenising was a third
  // of an uncurated library's build).
  if (ASCII.test(text)) return tokenizeAscii(text);
  // Text that folds to plain ASCII of the same length ("Prigozhin’s", "café", curly quotes) is scanned
  // folded: the pattern reads the folded string when the lengths agree, so offsets and tokens are the
  // same (issue 14: the seed article's quotes and accents sent most of its sentences to the pattern).
  const folded = fold(text);
  return folded.length === text.length && ASCII.test(folded) ? tokenizeAscii(folded) : tokenizeByPattern(text);
}

/** The tokens of any text, by the WORD pattern: the definition tokenizeAscii keeps to. */
export function tokenizeByPattern(text: string): Token[] {
  const folded = fold(text);
  // NFKD can change length; fall back to the folded string's offsets only when lengths agree.
  const source = folded.length === text.length ? folded : text;
  const out: Token[] = [];
  for (const m of source.matchAll(WORD)) {
    let raw = m[0];
    // "Russia's" → "Russia": the possessive is not a word of its own.
    const apos = raw.indexOf("'");
    if (apos > 0) raw = raw.slice(0, apos);
    const word = wordOf(raw);
    out.push({ word, stem: stemWord(word), start: m.index!, end: m.index! + raw.length, capital: startsUpper(raw) });
  }
  return out;
}

const wordOf = (raw: string) => (raw.length <= 8 && raw.charCodeAt(0) === 85 && UNITED_STATES.test(raw) ? UNITED_STATES_WORD : raw.toLowerCase());

interface Spelling {
  word: string;
  stem: string;
}

/**
 * A spelling's word and stem, by the spelling as the text writes it ("Russia" → russia, russia), in an
 * open-addressed table keyed by a hash of its characters: a spelling seen before is found in the text
 * where it stands, with no string sliced out for a Map to hash again (issue 14: the slice and the look-up
 * were most of tokenising a library).
 */
class Spellings {
  private mask = 1023;
  private keys: Array<string | undefined> = new Array(1024);
  private hashes = new Int32Array(1024);
  private values: Array<Spelling | undefined> = new Array(1024);
  size = 0;

  /** The entry for text[start, end), whose hash is `h`. */
  find(text: string, start: number, end: number, h: number): Spelling | undefined {
    const len = end - start;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot];
      if (key === undefined) return undefined;
      if (this.hashes[slot] === h && key.length === len && sameChars(key, text, start)) return this.values[slot];
    }
  }

  add(raw: string, h: number, value: Spelling): void {
    if (2 * (this.size + 1) > this.mask + 1) this.grow();
    let slot = h & this.mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.keys[slot] = raw;
    this.hashes[slot] = h;
    this.values[slot] = value;
    this.size++;
  }

  private grow(): void {
    const { keys, hashes, values } = this;
    const size = 2 * (this.mask + 1);
    this.mask = size - 1;
    this.keys = new Array(size);
    this.hashes = new Int32Array(size);
    this.values = new Array(size);
    this.size = 0;
    for (let k = 0; k < keys.length; k++) if (keys[k] !== undefined) this.add(keys[k]!, hashes[k]!, values[k]!);
  }
}

function sameChars(key: string, text: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

const spellings = new Spellings();

/** WORD over ASCII text: "U.S." or "U.S.A.", else a run of letters and digits, with "'s" and the like read past. */
function tokenizeAscii(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let end: number;
    let next: number;
    if (c === 85 && text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 83 && text.charCodeAt(i + 3) === 46) {
      end = text.charCodeAt(i + 4) === 65 && text.charCodeAt(i + 5) === 46 ? i + 6 : i + 4;
      next = end;
    } else if (isAsciiAlnum(c)) {
      end = i + 1;
      while (end < n && isAsciiAlnum(text.charCodeAt(end))) end++;
      next = end;
      if (text.charCodeAt(next) === 39 && isAsciiLetter(text.charCodeAt(next + 1))) {
        next += 2;
        while (next < n && isAsciiLetter(text.charCodeAt(next))) next++;
      }
    } else {
      i++;
      continue;
    }
    let h = FNV_OFFSET;
    for (let k = i; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
    let known = spellings.find(text, i, end, h);
    if (known === undefined) {
      const raw = text.slice(i, end);
      const word = wordOf(raw);
      known = { word, stem: stemWord(word) };
      if (spellings.size < 200_000) spellings.add(raw, h, known);
    }
    out.push({ word: known.word, stem: known.stem, start: i, end, capital: c >= 65 && c <= 90 });
    i = next;
  }
  return out;
}

// FNV-1a over the spelling's character codes.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isAsciiAlnum = (c: number) => isAsciiLetter(c) || (c >= 48 && c <= 57);

/** `/^\p{Lu}/u`, without the regular expression for the ASCII letters that most words start with. */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

const stemCache = new Map<string, string>();
export function stemWord(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d/.test(word) ? word : stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Function words that carry no topic. Question words are kept apart: they signal the answer type. */
export const STOP_WORDS = new Set(
  `a an the and or but if then than so of to in on at by for from with without into onto over under about
  as is are was were be been being am do does did doing done have has had having will would shall should can could
  may might must it its it's this that these those there here their they them he him his she her hers we us our
  you your yours i me my mine not no nor also too very just only even still yet ever any some each every all
  both either neither such what which who whom whose when where why how whats who's what's where's when's
  tell me please know say said says saying about according get gets getting got gotten give given make made much many
  call called calls describe described describes mention mentioned mentions article story
  s t d ll re ve m`.split(/\s+/),
);

export const QUESTION_WORDS = new Set(['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how']);

/** Content terms of a text: tokens minus stop words. */
export function contentTokens(text: string): Token[] {
  return tokenize(text).filter((t) => !STOP_WORDS.has(t.word));
}
