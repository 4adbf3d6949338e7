// Lightweight coreference for matching: a sentence that says "the pair", "he" or "the Russian
// president" answers to the names of the sentence before it that named someone, so "what did Qin and
// Rudenko discuss" finds "the pair had exchanged views". Words only, for the index: attribution (who
// said it) resolves its own references in attribution.ts.
import { tokenize, STOP_WORDS, type Token } from './text.ts';

const PRONOUN = /\b(he|she|him|his|her|hers|himself|herself|they|them|their|theirs|themselves)\b/i;
/** "the pair", "the ministry", "the Russian president", "both men": a reference back by role or number. */
const REFERENCE = new RegExp(
  String.raw`\b(?:the|both|this|that|these|those)(?:\s+[A-Z][\p{L}-]+)?\s+(?:pair|two|duo|trio|couple|men|women|leaders|ministers|ministry|minister|president|premier|leader|head|chief|group|company|firm|team|club|court|judge|official|officials|spokesperson|spokesman|spokeswoman|agency|government|singer|band|player|players|study|researchers|scientists|party|council|prosecution|prosecutor|defendants|parents|victim|organisation|organization|man|woman|couple|boss|founder|commander)\b`,
  'u',
);

export function refersBack(sentence: string): boolean {
  return PRONOUN.test(sentence) || REFERENCE.test(sentence);
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
