// Groups near-identical unanswered questions so the curator sees "who is prigozhin's lawyer ×7" once,
// not seven spellings of it. Questions are normalised (case, accents, apostrophes, contractions,
// possessives, punctuation), then clustered greedily, most asked first: each question fuse-searches
// the group representatives of its article with a tight threshold, and joins the best hit that is
// also of similar length and differs only by misspellings or small words (so "what did qin gang say
// about ukraine" and "… about russia", one word apart, stay two questions). Otherwise it starts a
// group of its own.
import Fuse from 'fuse.js';

/**
 * Fuse score (0 = identical, 1 = unrelated; field-length norm off, so it is roughly the share of
 * characters that differ) at or below which a representative is a candidate for the same group.
 */
export const SIMILARITY_THRESHOLD = 0.25;
/**
 * Fuse finds a pattern inside a longer text with a perfect score ("who is prigozhin" inside "who is
 * prigozhin's lawyer"), so the shorter of two questions must be at least this share of the longer.
 */
export const MIN_LENGTH_RATIO = 0.75;

/** Words whose presence or absence does not change what is asked. Question words are not here. */
const FILLER = new Set(['a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'did', 'do', 'does', 'of', 'to', 'in', 'on', 'at', 'about', 'for', 'please', 'me', 'tell', 'us', 'article', 'exactly', 'really']);

const CONTRACTIONS: Record<string, string> = {
  "who's": 'who is',
  "what's": 'what is',
  "where's": 'where is',
  "when's": 'when is',
  "why's": 'why is',
  "how's": 'how is',
  "that's": 'that is',
  "there's": 'there is',
  "it's": 'it is',
  "he's": 'he is',
  "she's": 'she is',
  "isn't": 'is not',
  "didn't": 'did not',
  "doesn't": 'does not',
  "don't": 'do not',
  "wasn't": 'was not',
  "won't": 'will not',
  "can't": 'can not',
  "what're": 'what are',
  "who're": 'who are',
};

/** The form questions are compared in: lower case, plain letters, no contractions or possessives. */
export function normaliseQuestion(question: string): string {
  let s = question
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
  s = s.replace(/\b[a-z]+'[a-z]+\b/g, (w) => CONTRACTIONS[w] ?? w);
  s = s.replace(/(\w)'s\b/g, '$1').replace(/(\w)s'(?=\s|$)/g, '$1s'); // prigozhin's → prigozhin, ministers' → ministers
  return s
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** One distinct question text with how often and when it was recorded. */
export interface QuestionTally {
  question: string;
  article: string;
  count: number;
  /** ms since the epoch of the latest record. */
  lastSeen: number;
  kinds: Partial<Record<string, number>>;
  /** The latest top candidate passage recorded for it, if any. */
  candidate: string | null;
}

export interface QuestionGroup {
  /** The group's most asked wording, as typed. */
  representative: string;
  article: string;
  /** Records in the group. */
  count: number;
  /** Distinct wordings in the group (1 = everyone typed the same). */
  variants: number;
  /** Up to 5 other wordings, most asked first. */
  examples: string[];
  lastSeen: number;
  kinds: Partial<Record<string, number>>;
  candidate: string | null;
}

interface Rep {
  norm: string;
  words: string[];
  group: QuestionGroup;
  candidateAt: number;
}

const byFrequency = (a: QuestionTally, b: QuestionTally) => b.count - a.count || b.lastSeen - a.lastSeen || a.question.localeCompare(b.question, 'en');

const FUSE_OPTIONS = {
  keys: ['norm'],
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  isCaseSensitive: true,
  threshold: SIMILARITY_THRESHOLD,
};
/** Representatives fuse-searched per question at most. */
const MAX_CANDIDATES = 64;

/** The normalised question without filler words ("what did x say in the article" → "what x say"). */
export function coreWords(norm: string): string {
  const words = norm.split(' ').filter((w) => !FILLER.has(w));
  return words.length ? words.join(' ') : norm;
}

/** Words' first four letters: two wordings of one question share most of these. */
function keysOf(core: string): string[] {
  return [...new Set(core.split(' ').map((w) => w.slice(0, 4)))];
}

interface Bucket {
  byNorm: Map<string, Rep>;
  byKey: Map<string, Rep[]>;
}

/** Clusters tallies into groups, most asked group first. */
export function groupQuestions(tallies: readonly QuestionTally[]): QuestionGroup[] {
  const perArticle = new Map<string, Bucket>();
  const groups: QuestionGroup[] = [];
  for (const t of [...tallies].sort(byFrequency)) {
    const norm = coreWords(normaliseQuestion(t.question) || t.question.trim().toLowerCase());
    let bucket = perArticle.get(t.article);
    if (!bucket) perArticle.set(t.article, (bucket = { byNorm: new Map(), byKey: new Map() }));
    const keys = keysOf(norm);
    const rep = bucket.byNorm.get(norm) ?? closest(bucket, norm, keys);
    if (rep) {
      bucket.byNorm.set(norm, rep);
      const g = rep.group;
      g.count += t.count;
      g.variants += 1;
      if (g.examples.length < 5) g.examples.push(t.question);
      for (const [k, n] of Object.entries(t.kinds)) g.kinds[k] = (g.kinds[k] ?? 0) + (n ?? 0);
      if (t.lastSeen > g.lastSeen) g.lastSeen = t.lastSeen;
      if (t.candidate && t.lastSeen >= rep.candidateAt) {
        g.candidate = t.candidate;
        rep.candidateAt = t.lastSeen;
      }
      continue;
    }
    const group: QuestionGroup = {
      representative: t.question,
      article: t.article,
      count: t.count,
      variants: 1,
      examples: [],
      lastSeen: t.lastSeen,
      kinds: { ...t.kinds },
      candidate: t.candidate,
    };
    const fresh: Rep = { norm, words: norm.split(' '), group, candidateAt: t.candidate ? t.lastSeen : -Infinity };
    bucket.byNorm.set(norm, fresh);
    for (const k of keys) {
      const list = bucket.byKey.get(k);
      if (list) list.push(fresh);
      else bucket.byKey.set(k, [fresh]);
    }
    groups.push(group);
  }
  return groups.sort((a, b) => b.count - a.count || b.lastSeen - a.lastSeen || a.representative.localeCompare(b.representative, 'en'));
}

/**
 * The representative this question belongs with, if any. Cheap checks first (shares at least half of
 * its word keys, similar length, differs only by filler or misspellings), then fuse.js scores the few
 * that pass and the best within the threshold wins. Fuse's bitap search costs ~0.1 ms per pair on
 * question-sized text, so running it over every representative would make a report over thousands
 * of questions take seconds.
 */
function closest(bucket: Bucket, norm: string, keys: string[]): Rep | undefined {
  const shared = new Map<Rep, number>();
  for (const k of keys) for (const r of bucket.byKey.get(k) ?? []) shared.set(r, (shared.get(r) ?? 0) + 1);
  const need = Math.max(1, Math.ceil(keys.length / 2));
  const candidates: Rep[] = [];
  const words = norm.split(' ');
  for (const [r, n] of shared) {
    if (n < need) continue;
    if (Math.min(r.norm.length, norm.length) / Math.max(r.norm.length, norm.length) < MIN_LENGTH_RATIO) continue;
    if (sameWordLists(words, r.words)) candidates.push(r);
  }
  if (candidates.length === 0) return undefined;
  const best = new Fuse(candidates.slice(0, MAX_CANDIDATES), FUSE_OPTIONS).search(norm)[0];
  return best && (best.score ?? 1) <= SIMILARITY_THRESHOLD ? best.item : undefined;
}

/** True when every word one question has and the other lacks is filler or a misspelling of one of its words. */
export function sameWords(a: string, b: string): boolean {
  return sameWordLists(a.split(' '), b.split(' '));
}

function sameWordLists(wa: string[], wb: string[]): boolean {
  const onlyA = wa.filter((w) => !FILLER.has(w) && !wb.includes(w));
  if (onlyA.length > 3) return false;
  const onlyB = wb.filter((w) => !FILLER.has(w) && !wa.includes(w));
  if (onlyA.length !== onlyB.length && (onlyA.length === 0 || onlyB.length === 0)) return false;
  return onlyA.every((w) => onlyB.some((v) => nearSpelling(w, v))) && onlyB.every((w) => onlyA.some((v) => nearSpelling(w, v)));
}

/** "prigozhins"/"prigozhin", "lawer"/"lawyer": a plural or possessive ending, or a typo in a longer word. */
export function nearSpelling(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 3 && long.startsWith(short) && long.length - short.length <= 2) return true;
  if (short.length < 5) return false;
  return editDistanceAtMost(short, long, short.length >= 9 ? 2 : 1);
}

/** Levenshtein distance ≤ max, computed in a band (the words are short). */
function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    prev = cur;
  }
  return prev[b.length]! <= max;
}
