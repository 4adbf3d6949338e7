// An inverted index with BM25 statistics, over passages (sentences) and over their paragraphs.
// Scoring walks only the postings of the question's terms, which keeps a question well under a
// millisecond even on a library of thousands of passages.
import type { PassageRecord } from './passages.ts';
import { tokenize, stemWord, STOP_WORDS, type Token } from './text.ts';

/**
 * BM25 statistics over one kind of document (passages, or paragraphs), with the postings of every
 * term in flat typed arrays: term t's postings are `docs`/`tf`/`xtf` from `start[t]` to `start[t + 1]`,
 * by document. One object per posting held 3.9 of 21.8 MB on 2,036 passages, and as much again for
 * the paragraphs (issue 14); these arrays hold 6 to 12 bytes a posting.
 */
export interface DocStats {
  /** stem → term id, shared by the passage and paragraph statistics of one index. */
  terms: ReadonlyMap<string, number>;
  start: Int32Array;
  docs: Int32Array;
  /** Term frequency in the document text. */
  tf: Uint16Array | Uint32Array;
  /** Term frequency in the expansion (aliases, keywords, speaker), counted at a lower weight. */
  xtf: Uint16Array | Uint32Array;
  lengths: Float64Array;
  avgLength: number;
  count: number;
}

export interface TermIndex {
  passages: DocStats;
  paragraphs: DocStats;
  /** passage id → index of its paragraph document. */
  paragraphOf: Int32Array;
  /** Surface words the article uses (text and expansion) and how often, for typo repair. */
  words: Map<string, number>;
  /** Words the article writes with a capital letter mid-sentence: names, not predicates. */
  names: Set<string>;
  /** Stems the article uses only inside capitalised names ("times" of "Global Times"), with the other stems of those names. */
  nameOnly: Map<string, Set<string>>;
  /** Each passage's tokens, kept from the build so ranking and highlighting never tokenise again. */
  tokens: Token[][];
}

export function buildTermIndex(passages: PassageRecord[]): TermIndex {
  const terms = new Map<string, number>();
  const termOf = (stem: string) => {
    let id = terms.get(stem);
    if (id === undefined) terms.set(stem, (id = terms.size));
    return id;
  };
  // Each distinct word once: its one string (shared by every token that spells it), its count and its
  // term (a word's stem never changes): one look-up a token instead of four (issue 14).
  const seen = new Map<string, WordEntry>();
  const entryOf = (word: string) => {
    let entry = seen.get(word);
    if (entry === undefined) seen.set(word, (entry = { word, count: 0, term: termOf(stemWord(word)), mid: 0, capitals: 0 }));
    entry.count++;
    return entry;
  };
  // Every passage's term ids, text and expansion apart, end to end: passage i's text is
  // text[textAt[i]] up to text[textAt[i + 1]].
  const text = new IdList();
  const expansion = new IdList();
  const textAt = new Int32Array(passages.length + 1);
  const expansionAt = new Int32Array(passages.length + 1);
  const paraIds = new Map<number, number>();
  const paragraphOf = new Int32Array(passages.length);
  const paragraphPassages: number[][] = [];
  const tokens: Token[][] = [];
  // Words used mid-sentence in a passage's text, in the order first so used: what properNouns reads.
  const midSentence: WordEntry[] = [];

  passages.forEach((p, i) => {
    const own = p.tokens ?? tokenize(p.text);
    tokens.push(own);
    for (let k = 0; k < own.length; k++) {
      const t = own[k]!;
      const entry = entryOf(t.word);
      t.word = entry.word;
      text.push(entry.term);
      if (k > 0) {
        if (entry.mid++ === 0) midSentence.push(entry);
        if (t.capital) entry.capitals++;
      }
    }
    for (const t of tokenize((p.referents ?? []).join(' '))) if (!STOP_WORDS.has(t.word)) text.push(entryOf(t.word).term);
    for (const t of tokenize(p.expansion)) {
      if (STOP_WORDS.has(t.word)) continue;
      expansion.push(entryOf(t.word).term);
    }
    textAt[i + 1] = text.length;
    expansionAt[i + 1] = expansion.length;
    let para = paraIds.get(p.paragraph);
    if (para === undefined) {
      para = paragraphPassages.length;
      paraIds.set(p.paragraph, para);
      paragraphPassages.push([]);
    }
    paragraphOf[i] = para;
    paragraphPassages[para]!.push(i);
  });
  const ids = { text: text.array(), textAt, expansion: expansion.array(), expansionAt };
  const words = new Map<string, number>();
  for (const [word, entry] of seen) words.set(word, entry.count);
  return {
    passages: stats(terms, passages.map((_, i) => [i]), ids),
    paragraphs: stats(terms, paragraphPassages, ids),
    paragraphOf,
    words,
    tokens,
    names: properNouns(midSentence),
    nameOnly: nameOnlyStems(tokens),
  };
}

/** One distinct word of an index: its one string, its uses, its term; and its uses after a sentence's first word, capitalised or not. */
interface WordEntry {
  word: string;
  count: number;
  term: number;
  mid: number;
  capitals: number;
}

/** A growing list of term ids. */
class IdList {
  private data = new Int32Array(1024);
  length = 0;
  push(id: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = id;
  }
  array(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

interface TermIds {
  text: Int32Array;
  textAt: Int32Array;
  expansion: Int32Array;
  expansionAt: Int32Array;
}

/** Lower-case words inside a name: "Man of the Match", "Bank of the North". */
const NAME_JOINERS = new Set(['of', 'the', 'de', 'du', 'da', 'del', 'der', 'van', 'von', 'la', 'le']);

/** A joiner at `i` is inside a name when a capitalised word comes next, at most one more joiner between. */
function continuesName(sentence: Token[], i: number): boolean {
  for (let k = i + 1; k < sentence.length && k <= i + 2; k++) {
    if (sentence[k]!.capital) return true;
    if (!NAME_JOINERS.has(sentence[k]!.word)) return false;
  }
  return false;
}

/** Stems never written in lower case, each with the stems it stands beside in its names. */
function nameOnlyStems(tokens: Token[][]): Map<string, Set<string>> {
  // Stems written in lower case anywhere first: their sets would only be made to be dropped (issue 14).
  const lower = new Set<string>();
  for (const sentence of tokens) for (const t of sentence) if (!t.capital) lower.add(t.stem);
  const partners = new Map<string, Set<string>>();
  for (const sentence of tokens) {
    const run: Token[] = [];
    const flush = () => {
      for (const t of run) {
        if (lower.has(t.stem)) continue;
        let set = partners.get(t.stem);
        if (set === undefined) partners.set(t.stem, (set = new Set<string>()));
        for (const o of run) if (o !== t) set.add(o.stem);
      }
      run.length = 0;
    };
    sentence.forEach((t, i) => {
      if (t.capital && i > 0) run.push(t);
      else {
        // "Man of the Match", "Department of Agriculture": a name runs on through "of" and "the".
        if (!(run.length && NAME_JOINERS.has(t.word) && continuesName(sentence, i))) flush();
      }
    });
    flush();
  }
  return partners;
}

/** A word is a name when most of its mid-sentence uses are capitalised ("Prigozhin", "Moscow"). */
function properNouns(midSentence: readonly WordEntry[]): Set<string> {
  // Counted with the word's other counts as the index is built: a Map of its own cost a look-up a token.
  const names = new Set<string>();
  for (const e of midSentence) if (e.capitals / e.mid >= 0.7) names.add(e.word);
  return names;
}

/** The statistics of documents that are each a run of passages (one passage, or a paragraph's). */
function stats(terms: ReadonlyMap<string, number>, docs: number[][], ids: TermIds): DocStats {
  const n = terms.size;
  const lengths = new Float64Array(docs.length);
  const tfOf = new Int32Array(n);
  const xtfOf = new Int32Array(n);
  const perTerm = new Int32Array(n + 1);
  // Postings in document order first (term, doc, tf, xtf), then sorted by term, documents staying in order.
  const found = { term: new IdList(), doc: new IdList(), tf: new IdList(), xtf: new IdList() };
  const seen: number[] = [];
  let maxTf = 0;
  docs.forEach((passages, doc) => {
    for (const p of passages) {
      lengths[doc]! += ids.textAt[p + 1]! - ids.textAt[p]!;
      for (let k = ids.textAt[p]!; k < ids.textAt[p + 1]!; k++) {
        const t = ids.text[k]!;
        if (tfOf[t] === 0 && xtfOf[t] === 0) seen.push(t);
        tfOf[t]!++;
      }
      for (let k = ids.expansionAt[p]!; k < ids.expansionAt[p + 1]!; k++) {
        const t = ids.expansion[k]!;
        if (tfOf[t] === 0 && xtfOf[t] === 0) seen.push(t);
        xtfOf[t]!++;
      }
    }
    for (const t of seen) {
      found.term.push(t);
      found.doc.push(doc);
      found.tf.push(tfOf[t]!);
      found.xtf.push(xtfOf[t]!);
      maxTf = Math.max(maxTf, tfOf[t]!, xtfOf[t]!);
      perTerm[t + 1]!++;
      tfOf[t] = 0;
      xtfOf[t] = 0;
    }
    seen.length = 0;
  });
  for (let t = 0; t < n; t++) perTerm[t + 1]! += perTerm[t]!;
  const total = found.term.length;
  const Counts = maxTf > 0xffff ? Uint32Array : Uint16Array;
  const out = { docs: new Int32Array(total), tf: new Counts(total), xtf: new Counts(total) };
  const next = perTerm.slice(0, n);
  const [term, doc, tf, xtf] = [found.term.array(), found.doc.array(), found.tf.array(), found.xtf.array()];
  for (let k = 0; k < total; k++) {
    const at = next[term[k]!]!++;
    out.docs[at] = doc[k]!;
    out.tf[at] = tf[k]!;
    out.xtf[at] = xtf[k]!;
  }
  const sum = lengths.reduce((a, b) => a + b, 0);
  return { terms, start: perTerm, ...out, lengths, avgLength: docs.length ? sum / docs.length : 1, count: docs.length };
}

/** How many documents hold a stem (text or expansion); 0 when none does. */
/** What document frequencies need of a DocStats: a library's summary of a pack not yet loaded has only these. */
export type TermCounts = Pick<DocStats, 'terms' | 'start' | 'count'>;

export function documentFrequency(stats: TermCounts, stem: string): number {
  const t = stats.terms.get(stem);
  return t === undefined ? 0 : stats.start[t + 1]! - stats.start[t]!;
}

export function idf(stats: TermCounts, stem: string): number {
  const df = documentFrequency(stats, stem);
  return Math.log(1 + (stats.count - df + 0.5) / (df + 0.5));
}
