// Typo repair: a question word the article never uses is mapped to the article word it most likely
// misspells ("prigozin" → "prigozhin"). Candidates come from a deletion index (every word with one
// letter dropped), which answers in microseconds even on a library's vocabulary; an edit-distance
// gate keeps real but absent words ("Macron", "Canada") from being "corrected" into article words.
// Fuse.js stays the fuzzy layer for autocomplete and names, where ranking whole phrases matters.

export class Vocabulary {
  private readonly deletions = new Map<string, string[]>();
  private readonly cache = new Map<string, string | null>();

  constructor(
    private readonly words: ReadonlySet<string>,
    private readonly stems: ReadonlySet<string> = new Set(),
    /** How often each word occurs, to prefer the commoner of two equally close repairs. */
    private readonly frequency: ReadonlyMap<string, number> = new Map(),
    /** Stems the article only uses inside names, with the other stems of those names. */
    readonly nameOnly: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
    /** Words the article writes as names: a misspelt name may be two edits off ("tedeski" for "Tedeschi"). */
    private readonly names: ReadonlySet<string> = new Set(),
  ) {
    for (const w of words) {
      if (w.length < 4 || /\d/.test(w)) continue;
      for (const key of [w, ...deletesOf(w)]) {
        const list = this.deletions.get(key);
        if (list) list.push(w);
        else this.deletions.set(key, [w]);
      }
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
   * An article word this one extends or shortens: "Japanese" → "japan", "Nepalese" → "nepal".
   * The stemmer does not join a place and its people; a shared beginning usually does.
   */
  relative(word: string): string | null {
    if (word.length < 5 || /\d/.test(word)) return null;
    for (let len = word.length - 1; len >= Math.max(4, Math.ceil(word.length * 0.55)); len--) {
      const prefix = word.slice(0, len);
      if (this.words.has(prefix)) return prefix;
    }
    return null;
  }

  /** The article word this one most likely misspells, or null. */
  correct(word: string): string | null {
    if (word.length < 4 || /\d/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const maxEdits = word.length <= 8 ? 1 : 2;
    const candidates = new Set<string>();
    for (const key of [word, ...deletesOf(word)]) for (const c of this.deletions.get(key) ?? []) candidates.add(c);
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

/** Shortest question word and article name for a two-edit name repair (two edits in five letters is a new word). */
const NAME_REPAIR_MIN = 6;

/** Every string made by dropping one letter. Two typos apart still share a key when each drops one. */
function deletesOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
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
