// Typo repair: a question word the article never uses is mapped to the article word it most likely
// misspells ("prigozin" → "prigozhin"). Candidates come from a deletion index (every word with one
// letter dropped), which answers in microseconds even on a library's vocabulary; an edit-distance
// gate keeps real but absent words ("Macron", "Canada") from being "corrected" into article words.
// Fuse.js stays the fuzzy layer for autocomplete and names, where ranking whole phrases matters.

import { stemWord } from './text.ts';
import { otherForms } from './irregular-verbs.ts';
import { everydayRank } from './background.ts';

/** A set of words: a Set, or the keys of a Map (the index's word counts and term ids serve as they are). */
export interface WordSet {
  has(word: string): boolean;
  keys(): Iterable<string>;
}

/** What the constructor makes of its words: the repairable ones by number, and their sorted deletion keys. */
export interface DeletionIndex {
  repairable: string[];
  deletions: Float64Array;
}

/** Entries of the deletion index are hash × SLOTS + word number, sorted: one double each. */
const SLOTS = 2 ** 21;

export class Vocabulary {
  /**
   * The words typo repair may return, by number, and the deletion index, as sorted numbers: for each
   * repairable word, the hash of the word and of every string made by dropping one letter, with the
   * word's number. A Map of those strings held 8.2 of 21.8 MB on 2,036 passages (issue 14); this is 8
   * bytes a key. A look-up checks each hit against the key itself, so a hash collision never adds a
   * candidate. Made on first use: only a question word the article lacks needs it, and in a library
   * most packs are never asked one (issue 14: it was 4% of a build).
   */
  private built: DeletionIndex | undefined;
  private readonly cache = new Map<string, string | null>();
  /** The words in code-unit order, for the words that begin with a stem (built on first use). */
  private sorted?: string[];

  constructor(
    private readonly words: WordSet,
    private readonly stems: WordSet = new Set(),
    /** How often each word occurs, to prefer the commoner of two equally close repairs. */
    private readonly frequency: ReadonlyMap<string, number> = new Map(),
    /** Stems the article only uses inside names, with the other stems of those names. */
    readonly nameOnly: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
    /** Words the article writes as names: a misspelt name may be two edits off ("tedeski" for "Tedeschi"). */
    private readonly names: ReadonlySet<string> = new Set(),
    /** The deletion index of these words as `deletionIndex()` gave it before (an engine read back from disk): not made again. */
    built?: DeletionIndex,
  ) {
    if (built) {
      if (built.deletions.length !== built.repairable.reduce((n, w) => n + w.length + 1, 0)) throw new Error('typo repair: a deletion index of other words');
      this.built = built;
    }
  }

  /** The deletion index of `words`, made now if it was not yet. */
  private deletionsOf(): DeletionIndex {
    if (this.built) return this.built;
    const repairable: string[] = [];
    let keys = 0;
    for (const w of this.words.keys()) {
      if (w.length < 4 || /\d/.test(w)) continue;
      repairable.push(w);
      keys += w.length + 1;
    }
    if (repairable.length >= SLOTS) throw new Error(`too many words for typo repair (${repairable.length})`);
    const deletions = new Float64Array(keys);
    let k = 0;
    repairable.forEach((w, n) => {
      deletions[k++] = hashWithout(w, -1) * SLOTS + n;
      for (let i = 0; i < w.length; i++) deletions[k++] = hashWithout(w, i) * SLOTS + n;
    });
    deletions.sort();
    return (this.built = { repairable, deletions });
  }

  /** The deletion index, to be stored with the words it was made from (engine/parts-file.ts). */
  deletionIndex(): DeletionIndex {
    return this.deletionsOf();
  }

  /** Repairable words that have `key` as themselves or with one letter dropped, in word order. */
  private withKey(key: string, into: Set<string>): void {
    const h = hashWithout(key, -1) * SLOTS;
    const { deletions: d, repairable } = this.deletionsOf();
    for (let i = lowerBound(d, h); i < d.length && d[i]! < h + SLOTS; i++) {
      const w = repairable[d[i]! - h]!;
      if (w === key || dropsOneLetterTo(w, key)) into.add(w);
    }
  }

  /**
   * A Vocabulary again after a structured clone (a reload built it on a worker thread): the clone has
   * every field but not the class. Its fields are all data (Maps, Sets, strings), so the prototype is
   * all that is missing. An instance is returned as it is.
   */
  static revive(v: Vocabulary): Vocabulary {
    return v instanceof Vocabulary ? v : (Object.setPrototypeOf(v, Vocabulary.prototype) as Vocabulary);
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  hasStem(stem: string): boolean {
    return this.stems.has(stem);
  }

  /**
   * Another form of an irregular verb the article uses ("come" → "came"), or an article word this one
   * extends or shortens: "Japanese" → "japan", "Nepalese" → "nepal".
   * The stemmer does not join a place and its people; a shared beginning usually does. `derived`: also
   * a word the article makes from this one's stem (below), where no curator's keywords say how readers ask.
   */
  relative(word: string, derived = false): string | null {
    // The commonest verbs ("take", "come", "get") mostly phrase a question; their forms only add noise.
    const form = (everydayRank(word) ?? Infinity) >= LIGHT_VERB_RANK ? otherForms(word).find((f) => this.words.has(f)) : undefined;
    if (form) return form;
    if (word.length < 5 || /\d/.test(word)) return null;
    for (let len = word.length - 1; len >= Math.max(4, Math.ceil(word.length * 0.55)); len--) {
      const prefix = word.slice(0, len);
      if (this.words.has(prefix)) return prefix;
    }
    return derived ? this.derived(stemWord(word)) : null;
  }

  /**
   * The article's word made from this stem by a short ending the stemmer keeps: "conducted" → "conductor".
   * The commonest such word, so the article's own use decides.
   */
  private derived(stem: string): string | null {
    if (stem.length < DERIVED_STEM_MIN) return null;
    this.sorted ??= [...this.words.keys()].sort();
    const words = this.sorted;
    let best: string | null = null;
    for (let i = lowerBound(words, stem); i < words.length && words[i]!.startsWith(stem); i++) {
      const w = words[i]!;
      if (w.length === stem.length || w.length > stem.length + DERIVED_ENDING_MAX || /\d/.test(w)) continue;
      if (!best || (this.frequency.get(w) ?? 0) > (this.frequency.get(best) ?? 0)) best = w;
    }
    return best;
  }

  /** The article word this one most likely misspells, or null. */
  correct(word: string): string | null {
    if (word.length < 4 || /\d/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const maxEdits = word.length <= 8 ? 1 : 2;
    const candidates = new Set<string>();
    for (const key of [word, ...deletesOf(word)]) this.withKey(key, candidates);
    let best: string | null = null;
    let bestKey = [Infinity, 0];
    for (const c of candidates) {
      const d = editDistance(word, c);
      if (d > maxEdits) continue;
      const f = this.frequency.get(c) ?? 0;
      if (d < bestKey[0]! || (d === bestKey[0] && f > bestKey[1]!)) {
        best = c;
        bestKey = [d, f];
      }
    }
    best ??= this.nameTwoEditsOff(word);
    if (this.cache.size < 50_000) this.cache.set(word, best);
    return best;
  }

  /**
   * Names are spelt by ear ("malool" for "Maaloul"), so a name two edits off is the likely one: the
   * first letter kept (heard names keep it), both words long enough that two edits leave most of the
   * word, and only when one name is that close (two equally close names are a guess).
   */
  private nameTwoEditsOff(word: string): string | null {
    if (word.length < NAME_REPAIR_MIN) return null;
    let found: string | null = null;
    for (const name of this.names) {
      if (name.length < NAME_REPAIR_MIN || name[0] !== word[0] || Math.abs(name.length - word.length) > 2 || /\d/.test(name)) continue;
      if (editDistance(word, name) > 2) continue;
      if (found) return null;
      found = name;
    }
    return found;
  }
}

/** Verbs commoner than this rank in everyday English are not mapped to their other forms. */
const LIGHT_VERB_RANK = 300;

/** A derived word needs a stem this long ("sing" → "singer" is another word) and an ending this short. */
const DERIVED_STEM_MIN = 5;
const DERIVED_ENDING_MAX = 3;

/** Shortest question word and article name for a two-edit name repair (two edits in five letters is a new word). */
const NAME_REPAIR_MIN = 6;

/** The first index of sorted `xs` whose item is not below `x`. */
function lowerBound<T extends number | string>(xs: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every string made by dropping one letter. Two typos apart still share a key when each drops one. */
function deletesOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** FNV-1a over the UTF-16 code units of `word`, leaving out the one at `skip` (none when -1). */
function hashWithout(word: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    if (i === skip) continue;
    h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** Whether dropping one code unit of `longer` gives `shorter`. */
function dropsOneLetterTo(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  let i = 0;
  while (i < shorter.length && longer.charCodeAt(i) === shorter.charCodeAt(i)) i++;
  for (let j = i; j < shorter.length; j++) if (longer.charCodeAt(j + 1) !== shorter.charCodeAt(j)) return false;
  return true;
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}
