// Bold the words of a passage that matched the question. Terms are located in the plain text first
// and each segment is escaped on its own, so bolding can never combine with markdown in the text.
import { escapeText } from './escape.ts';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Terms longer than this (a whole passage, when Show context bolds it) are found by plain search:
 * a regex built from thousands of characters can overflow the regex compiler's stack. */
const MAX_REGEX_TERM = 200;

/**
 * Compiled term regexes by term list. Replies highlight the same few passages for the same questions
 * over and over, and building a Unicode-aware regex costs more than running it. Bounded: cleared
 * when full rather than tracking use.
 */
const compiled = new Map<string, RegExp>();
const MAX_COMPILED = 512;

function termsRegex(words: readonly string[]): RegExp {
  const key = words.join('\u0000');
  let re = compiled.get(key);
  if (!re) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    compiled.set(key, re);
  }
  return re;
}

export function highlight(text: string, terms: readonly string[]): string {
  const ranges: Array<[number, number]> = [];
  // Longest first, so "Foreign Minister" wins over "Foreign" where both match; one regex per call.
  const unique = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  const words = unique.filter((t) => t.length <= MAX_REGEX_TERM);
  if (words.length > 0) {
    const re = termsRegex(words);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      ranges.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++; // never: terms are non-empty; keeps the loop finite regardless
    }
  }
  for (const long of unique.filter((t) => t.length > MAX_REGEX_TERM)) {
    for (let at = text.indexOf(long); at >= 0; at = text.indexOf(long, at + long.length)) ranges.push([at, at + long.length]);
  }
  if (ranges.length === 0) return escapeText(text);

  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    // Adjacent words separated only by spaces merge into one bold run ("**Qin Gang**").
    if (last && (r[0] <= last[1] || /^\s+$/.test(text.slice(last[1], r[0])))) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }

  let out = '';
  let at = 0;
  for (const [start, end] of merged) {
    out += `${escapeText(text.slice(at, start))}**${escapeText(text.slice(start, end))}**`;
    at = end;
  }
  return out + escapeText(text.slice(at));
}
