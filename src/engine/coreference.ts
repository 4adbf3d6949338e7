// Lightweight coreference for matching: a sentence that says "the pair", "he" or "the Russian
// president" answers to the names of the sentence before it that named someone, so "what did Qin and
// Rudenko discuss" finds "the pair had exchanged views". Words only, for the index: attribution (who
// said it) resolves its own references in attribution.ts.
import { tokenize, STOP_WORDS, type Token } from './text.ts';
import { everydayRank } from './background.ts';

const PRONOUN = /\b(he|she|him|his|her|hers|himself|herself|they|them|their|theirs|themselves)\b/i;
/** "the pair", "the ministry", "the Russian president", "both men": a reference back by role or number. */
const REFERENCE = new RegExp(
  String.raw`\b(?:the|both|this|that|these|those)(?:\s+[A-Z][\p{L}-]+)?\s+(?:pair|two|duo|trio|couple|men|women|leaders|ministers|ministry|minister|president|premier|leader|head|chief|group|company|firm|team|club|court|judge|official|officials|spokesperson|spokesman|spokeswoman|agency|government|singer|band|player|players|study|researchers|scientists|party|council|prosecution|prosecutor|defendants|parents|victim|organisation|organization|man|woman|couple|boss|founder|commander)\b`,
  'u',
);

/** How a sentence refers back: by a description ("the pair", "the ministry"), by a pronoun only, or not at all. */
export type Reference = 'description' | 'pronoun' | undefined;

export function refersBack(sentence: string): Reference {
  return REFERENCE.test(sentence) ? 'description' : PRONOUN.test(sentence) ? 'pronoun' : undefined;
}

/**
 * The names a sentence mentions: its people and organisations when the pack is curated, else runs of
 * capitalised words after the first word (in an uncurated article, capitals are the names we have).
 */
export function namesIn(sentence: string, entityNames: readonly string[], curated: boolean, tokens: readonly Token[] = tokenize(sentence)): string[] {
  if (curated) return [...entityNames];
  const out: string[] = [];
  let run: string[] = [];
  tokens.forEach((t, i) => {
    if (i > 0 && t.capital && !STOP_WORDS.has(t.word)) run.push(sentence.slice(t.start, t.end));
    else if (run.length) out.push(run.splice(0).join(' '));
  });
  if (run.length) out.push(run.join(' '));
  return out;
}

/**
 * "The russian guy", "the chinese official": a nationality (or any describing word) before a noun for a
 * person stands for the people the article describes so. Read from the article's appositives ("Russian
 * Deputy Foreign Minister Andrey Rudenko": the describing word, then titles, then a name that is not
 * everyday English) and, for words the article describes no one by, from a curated pack's roles and aliases.
 */
export type DescribedPeople = (word: string) => readonly string[];

/** Nouns that only say "a person" after a describing word; the describing word is what identifies them. */
export const PERSON_NOUNS = new Set(['guy', 'guys', 'man', 'men', 'woman', 'women', 'dude', 'dudes', 'lady', 'person', 'people', 'bloke', 'chap', 'fella', 'official', 'officials', 'diplomat', 'diplomats', 'politician', 'leader', 'leaders']);

/** A capitalised run of words: the describing word first, then titles, ending in the name. */
const APPOSITIVE = /\b(\p{Lu}[\p{Ll}]+)((?:\s+\p{Lu}[\p{L}'-]*){2,6})/gu;

export function describedPeople(texts: readonly string[], people: ReadonlyArray<{ name: string; aliases: readonly string[]; role?: string }>, isEveryday: (word: string) => boolean): DescribedPeople {
  const byWord = new Map<string, Set<string>>();
  const add = (word: string, name: string) => {
    const set = byWord.get(word) ?? new Set<string>();
    for (const t of tokenize(name)) if (!STOP_WORDS.has(t.word) && !isEveryday(t.word)) set.add(t.stem);
    if (set.size) byWord.set(word, set);
  };
  for (const text of texts) {
    for (const m of text.matchAll(APPOSITIVE)) {
      const words = m[2]!.trim().split(/\s+/);
      const surname = words.at(-1)!.toLowerCase();
      // The run ends in a name ("Rudenko"), not in titles or an organisation ("Foreign Ministry").
      if (isEveryday(surname) || isEveryday(m[1]!.toLowerCase()) === false) continue;
      add(m[1]!.toLowerCase(), words.slice(-2).join(' '));
    }
  }
  // The curator's descriptions only where the article's own give no one: "Russian Deputy Foreign Minister
  // Andrey Rudenko" says who "the russian guy" is better than Putin's alias "Russian president" does.
  const fromArticle = new Set(byWord.keys());
  for (const p of people) {
    for (const description of [p.role ?? '', ...p.aliases]) {
      for (const t of tokenize(description)) if (t.capital && isEveryday(t.word) && !fromArticle.has(t.word)) add(t.word, p.name);
    }
  }
  const out = new Map([...byWord].map(([w, s]) => [w, [...s]]));
  return (word) => out.get(word) ?? [];
}

/** "the pair", "both men" ("the two finalists" is not one): a reference back to people, even in a sentence that names a place ("Beijing"). */
const PAIR = /\b(?:the\s+(?:pair|duo)|(?:the\s+two|both|these\s+two)\s+(?:men|women|leaders|ministers|officials|sides))\b/i;

/** Someone, not a place or a body: two words or more, one of them not everyday English ("Qin Gang", not "Foreign Ministry"). */
const isPerson = (name: string) => name.includes(' ') && tokenize(name).some((t) => everydayRank(t.word) === undefined);

/**
 * Whether a sentence that names `named` still means the people before it, and how: it names no one and
 * refers back, or it names only places and bodies and says "the pair" ("…from Beijing that the pair had
 * exchanged views").
 */
export function meansThoseBefore(sentence: string, named: readonly string[]): Reference {
  if (!named.length) return refersBack(sentence);
  return PAIR.test(sentence) && !named.some(isPerson) ? 'description' : undefined;
}
