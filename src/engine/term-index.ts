// An inverted index with BM25 statistics, over passages (sentences) and over their paragraphs.
// Scoring walks only the postings of the question's terms, which keeps a question well under a
// millisecond even on a library of thousands of passages.
import type { PassageRecord } from './passages.ts';
import { tokenize, STOP_WORDS, type Token } from './text.ts';

export interface Posting {
  doc: number;
  /** Term frequency in the passage text. */
  tf: number;
  /** Term frequency in the expansion (aliases, keywords, speaker), counted at a lower weight. */
  xtf: number;
}

export interface DocStats {
  postings: Map<string, Posting[]>;
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
  /** stem → passages that contain it in their text, with positions, for phrase and proximity bonuses. */
  positions: PositionLookup;
}

/**
 * Where a stem stands in a passage's text, read from the passage's tokens when asked. A Map of Maps
 * built up front held more than all the rest of the index together (11.5 of 25 MB on 2,036 passages,
 * issue 14); a passage has a few dozen tokens, so scanning one on demand costs next to nothing.
 */
export interface PositionLookup {
  get(stem: string): { get(doc: number): number[] | undefined } | undefined;
}

export function positionsFrom(tokens: Token[][]): PositionLookup {
  return {
    get: (stem) => ({
      get: (doc) => {
        const list = tokens[doc];
        let at: number[] | undefined;
        if (list) for (let i = 0; i < list.length; i++) if (list[i]!.stem === stem) (at ??= []).push(i);
        return at;
      },
    }),
  };
}

export function buildTermIndex(passages: PassageRecord[]): TermIndex {
  const words = new Map<string, number>();
  // One string per distinct word, shared by every token that spells it (stems are shared already).
  const interned = new Map<string, string>();
  const intern = (t: Token) => {
    const w = interned.get(t.word);
    if (w === undefined) interned.set(t.word, t.word);
    else t.word = w;
    return t;
  };
  const paraIds = new Map<number, number>();
  const paragraphOf = new Int32Array(passages.length);
  const passageDocs: Array<{ text: string[]; expansion: string[] }> = [];
  const tokens: Token[][] = [];
  const paragraphDocs: Array<{ text: string[]; expansion: string[] }> = [];

  for (const p of passages) {
    const text = tokenize(p.text).map(intern);
    tokens.push(text);
    const expansion = tokenize(p.expansion).filter((t) => !STOP_WORDS.has(t.word));
    for (const t of text) words.set(t.word, (words.get(t.word) ?? 0) + 1);
    for (const t of expansion) words.set(t.word, (words.get(t.word) ?? 0) + 1);
    passageDocs.push({ text: text.map((t) => t.stem), expansion: expansion.map((t) => t.stem) });
    let para = paraIds.get(p.paragraph);
    if (para === undefined) {
      para = paragraphDocs.length;
      paraIds.set(p.paragraph, para);
      paragraphDocs.push({ text: [], expansion: [] });
    }
    paragraphOf[p.id] = para;
    paragraphDocs[para]!.text.push(...text.map((t) => t.stem));
    paragraphDocs[para]!.expansion.push(...expansion.map((t) => t.stem));
  }
  return { passages: stats(passageDocs), paragraphs: stats(paragraphDocs), paragraphOf, words, positions: positionsFrom(tokens), tokens, names: properNouns(tokens), nameOnly: nameOnlyStems(tokens) };
}

/** Stems never written in lower case, each with the stems it stands beside in its names. */
function nameOnlyStems(tokens: Token[][]): Map<string, Set<string>> {
  const lower = new Set<string>();
  const partners = new Map<string, Set<string>>();
  for (const sentence of tokens) {
    let run: Token[] = [];
    const flush = () => {
      for (const t of run) {
        const set = partners.get(t.stem) ?? new Set<string>();
        for (const o of run) if (o !== t) set.add(o.stem);
        partners.set(t.stem, set);
      }
      run = [];
    };
    sentence.forEach((t, i) => {
      if (t.capital && i > 0) run.push(t);
      else {
        flush();
        if (!t.capital) lower.add(t.stem);
      }
    });
    flush();
  }
  for (const stem of lower) partners.delete(stem);
  return partners;
}

/** A word is a name when most of its mid-sentence uses are capitalised ("Prigozhin", "Moscow"). */
function properNouns(tokens: Token[][]): Set<string> {
  const seen = new Map<string, [number, number]>();
  for (const sentence of tokens) {
    sentence.forEach((t, i) => {
      if (i === 0) return;
      const c = seen.get(t.word) ?? [0, 0];
      c[0] += t.capital ? 1 : 0;
      c[1]++;
      seen.set(t.word, c);
    });
  }
  return new Set([...seen].filter(([, [cap, all]]) => cap / all >= 0.7).map(([w]) => w));
}

function stats(docs: Array<{ text: string[]; expansion: string[] }>): DocStats {
  const postings = new Map<string, Posting[]>();
  const lengths = new Float64Array(docs.length);
  docs.forEach((doc, id) => {
    lengths[id] = doc.text.length;
    const counts = new Map<string, Posting>();
    for (const s of doc.text) {
      const p = counts.get(s) ?? { doc: id, tf: 0, xtf: 0 };
      p.tf++;
      counts.set(s, p);
    }
    for (const s of doc.expansion) {
      const p = counts.get(s) ?? { doc: id, tf: 0, xtf: 0 };
      p.xtf++;
      counts.set(s, p);
    }
    for (const [s, p] of counts) {
      const list = postings.get(s) ?? [];
      list.push(p);
      postings.set(s, list);
    }
  });
  const total = lengths.reduce((a, b) => a + b, 0);
  return { postings, lengths, avgLength: docs.length ? total / docs.length : 1, count: docs.length };
}

export function idf(stats: DocStats, stem: string): number {
  const df = stats.postings.get(stem)?.length ?? 0;
  return Math.log(1 + (stats.count - df + 0.5) / (df + 0.5));
}
