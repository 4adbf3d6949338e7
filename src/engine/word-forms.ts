// Forms of one word the stemmer cannot join: irregular verbs ("meet" / "met", "write" / "wrote") and
// superlatives ("big" / "biggest"). A reader asks "did he meet anyone" of an article that says "met".
// General English morphology only: every form listed is the same word, never a related one, and a form
// that is also another everyday word ("left", "found", "saw", "rose") is left out, as are light verbs
// ("take", "go", "come") whose other forms mostly mean something else ("took a fall", "went wrong").
import { STOP_WORDS, stemWord } from './text.ts';
import { IRREGULAR_VERBS } from './irregular-verbs.ts';

/**
 * Forms of the shared table (irregular-verbs.ts) question reading never stands in: light verbs, and
 * forms that are also other everyday words. A verb left with one form drops out.
 */
const LEFT_OUT = new Set(
  `come came do did done get got gotten give gave given go went gone have had make made say said take took taken
   bit bound found ground left lit lie lain rose saw wound`.split(/\s+/),
);

const forms = new Map<string, string[]>();
for (const verb of IRREGULAR_VERBS) {
  const stems = [...new Set(verb.filter((w) => !LEFT_OUT.has(w)).map((w) => stemWord(w)))];
  if (stems.length < 2) continue;
  for (const s of stems) forms.set(s, [...new Set([...(forms.get(s) ?? []), ...stems.filter((o) => o !== s)])]);
}

/** The stems of a word's irregular verb forms ("met" for "meet", "meet" for "met"). */
export function irregularForms(word: string): readonly string[] {
  return forms.get(stemWord(word)) ?? [];
}

/**
 * The stem of the singular or plural the stemmer parts from a word in -s, -x, -z, -ch or -sh, when the
 * article uses it (per `has`): "buses" is "buse" to the stemmer and "bus" is "bu"; so "gases" / "gas",
 * "bonuses" / "bonus". "houses" is not "hous": that spelling is no word an article writes.
 */
export function sibilantPlurals(word: string, has: (word: string) => boolean): string[] {
  if (!/^[a-z]{3,}$/.test(word) || STOP_WORDS.has(word)) return [];
  const other = /(?:s|x|z|ch|sh)es$/.test(word) ? word.slice(0, -2) : /(?:[^s]s|x|z|ch|sh)$/.test(word) ? `${word}es` : undefined;
  if (!other || other.length < 3 || !has(other)) return [];
  const stem = stemWord(other);
  return stem === stemWord(word) ? [] : [stem];
}

/** The stems of the other forms of a short verb in -ie, which the stemmer parts: "die" / "died" / "dying", "tie" / "tied". */
export function ieForms(word: string): string[] {
  const ie = /^([dltv])(?:ie|ied|ies|ying)$/.exec(word);
  if (!ie) return [];
  const own = stemWord(word);
  return [...new Set([`${ie[1]}ie`, `${ie[1]}ied`, `${ie[1]}ying`].map((w) => stemWord(w)))].filter((s) => s !== own);
}

/** The stems of a word's superlative, or of the adjective of its superlative, that the article uses (per `has`). */
export function superlatives(word: string, has: (word: string) => boolean): string[] {
  const own = stemWord(word);
  return [...new Set(superlativeForms(word).filter((w) => !STOP_WORDS.has(w) && has(w)).map((w) => stemWord(w)))].filter((s) => s !== own);
}

/** "big" ↔ "biggest", "large" ↔ "largest", "early" ↔ "earliest", "great" ↔ "greatest": spellings to look up. */
function superlativeForms(word: string): string[] {
  if (!/^[a-z]{3,}$/.test(word)) return [];
  const out: string[] = [];
  const m = /^(.*?)(i?)est$/.exec(word);
  if (m && m[1]!.length >= 3) {
    const base = m[1]!;
    if (m[2]) out.push(`${base}y`);
    else {
      out.push(base, `${base}e`);
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) out.push(base.slice(0, -1));
    }
  }
  const last = word.at(-1)!;
  if (word.endsWith('e')) out.push(`${word}st`);
  else if (word.endsWith('y')) out.push(`${word.slice(0, -1)}iest`);
  else {
    out.push(`${word}est`);
    if (/[^aeiou][aeiou][b-df-hj-np-tv-z]$/.test(word) && !/[wxy]$/.test(word)) out.push(`${word}${last}est`);
  }
  return out;
}

/** Small numbers, as readers write them either way: "a 4 day week" of an article's "four-day week". */
const NUMBER_WORDS = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(' ');

/**
 * The other spelling of a small number: the word for digits ("4" → "four"), the digits for a word
 * ("four" → "4"). Not "one" for "1"'s sake alone: "one" is more often a pronoun ("another one").
 */
export function numberSpelling(word: string): string | undefined {
  if (/^\d{1,2}$/.test(word)) return NUMBER_WORDS[Number(word)];
  const n = NUMBER_WORDS.indexOf(word);
  return n > 1 ? String(n) : undefined;
}
