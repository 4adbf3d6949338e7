// Questions about the article itself ("who wrote this", "tldr", "when was it published"), answered
// from the pack's meta instead of searched for in its sentences, where the words never appear.
import type { KnowledgePack } from '../knowledge/schema.ts';
import { AUTHOR_CREDITS, parseCredits } from '../knowledge/plain-text.ts';
import type { ArticleFacet } from './types.ts';
import { splitSentences } from './sentences.ts';

/** The article as a reader points at it: "this", "it", "the article", "this story", "the piece". */
const THE_ARTICLE = String.raw`(?:(?:this|that|the)\s+(?:article|story|piece|post|report|news\s+story|news)|this|it)`;

/** Patterns over the lowercased, chat-expanded question; the first that matches decides the facet. */
const FACETS: Array<[ArticleFacet, RegExp]> = [
  ['summary', /^\W*(?:tl\s?;?\s?dr|tldr|summary|summari[sz]e|sum\s+(?:it|this)\s+up|gist|explain(?:\s+(?:it|this|that))?)\W*$/],
  ['summary', new RegExp(String.raw`\b(?:what(?:'s| is| was)?|whats)\s+${THE_ARTICLE}\s+(?:even\s+|all\s+|mainly\s+|actually\s+)?about\b|\b(?:summari[sz]e|sum\s+up|tl\s?;?\s?dr\s+(?:of|for))\s+${THE_ARTICLE}\b|\bwhat(?:'s| is)\s+the\s+(?:gist|summary|main\s+point|point)\s+of\s+${THE_ARTICLE}\b|\b(?:give|can)\s+(?:me\s+)?(?:a\s+|the\s+)?(?:summary|tl\s?;?\s?dr|gist)\b|^\W*(?:what(?:'s|’s| is)|whats)\s+the\s+(?:gist|summary|tl\s?;?\s?dr)\W*$`)],
  ['authors', new RegExp(String.raw`\bwho\s+(?:wrote|writes|authored|reported|penned|is\s+behind|made)\s+${THE_ARTICLE}\s*\W*$|\bwho(?:'s| is| are| was| were)\s+the\s+(?:author|authors|writer|writers|reporter|reporters|journalist|journalists)\b(?:\s+of\s+${THE_ARTICLE})?\s*\W*$|\bwho\s+is\s+${THE_ARTICLE}\s+(?:by|from)\b|\b(?:author|byline)s?\s+of\s+${THE_ARTICLE}\b`)],
  ['published', new RegExp(String.raw`\bwhen\s+(?:was|is|did)\s+${THE_ARTICLE}\s+(?:(?:first\s+)?(?:published|posted|written|released|out|come\s+out|came\s+out|put\s+out|from|dated))\b|\b(?:publication|publish|published|release)\s+date\s+of\s+${THE_ARTICLE}\b|\bwhat(?:'s| is)\s+the\s+(?:publication\s+|publish\s+)?date\s+(?:of|on)\s+${THE_ARTICLE}\b|\bhow\s+old\s+is\s+${THE_ARTICLE}\b`)],
  ['publisher', new RegExp(String.raw`\bwho\s+(?:published|publishes|ran|printed)\s+${THE_ARTICLE}\s*\W*$|\b(?:what|which)\s+(?:outlet|site|website|paper|newspaper|publication|magazine|source)\s+(?:is\s+${THE_ARTICLE}\s+from|(?:published|ran|printed)\s+${THE_ARTICLE})\b|\bwhere\s+(?:is|was)\s+${THE_ARTICLE}\s+(?:from|published)\b`)],
  ['length', new RegExp(String.raw`\bhow\s+(?:long|big|many\s+words)\s+(?:is|was)\s+${THE_ARTICLE}\b|\bhow\s+long\s+(?:does|will)\s+(?:it|${THE_ARTICLE})\s+take\s+to\s+read\b|\breading\s+time\b|\bword\s+count\s+of\s+${THE_ARTICLE}\b`)],
  ['url', new RegExp(String.raw`\b(?:link|url|source\s+link)\s+(?:to|for|of)\s+${THE_ARTICLE}\b|\bwhere\s+can\s+i\s+read\s+${THE_ARTICLE}\b|^\W*(?:link|url|source)\s*\??\W*$`)],
];

/** Words that only open or pad a chat question ("ok so what's it about"). */
const PADDING = new Set('ok okay so wait hey hi um uh anyway anyways lol lmao pls please quick question guys and but then like just tho though rn tbh btw'.split(' '));

/** Any facet's pattern: most questions match none, and are then read once instead of once a facet (issue 14). */
const ANY_FACET = new RegExp(FACETS.map(([, pattern]) => (pattern.flags === '' ? pattern.source : '')).join('|'));

export function articleFacet(question: string): ArticleFacet | undefined {
  // Padding at either end ("ok so who wrote this lol") is dropped first, so the patterns see the question.
  const q = trimPadding(question.toLowerCase().replace(/\s+/g, ' ').trim());
  if (!ANY_FACET.test(q)) return undefined;
  for (const [facet, pattern] of FACETS) {
    const m = pattern.exec(q);
    if (!m) continue;
    // A bare "it" or "this" means the article only when nothing else was named first: in "hu xijin
    // wrote something, what was it about" it is what Hu Xijin wrote.
    if (!/\b(?:article|story|piece|post|report|news)\b/.test(m[0]) && !onlyPadding(q.slice(0, m.index) + ' ' + q.slice(m.index + m[0].length))) continue;
    return facet;
  }
  return undefined;
}

/**
 * `q` (single-spaced, trimmed) without padding words at its end, then at its start, never its last word.
 * By index, not split and joined: the question itself comes back when nothing is dropped (issue 14).
 */
function trimPadding(q: string): string {
  const bare = (w: string) => PADDING.has(w.replace(/[^\p{L}\p{N}']/gu, ''));
  let start = 0;
  let end = q.length;
  for (let space = q.lastIndexOf(' ', end - 1); space >= start && bare(q.slice(space + 1, end)); space = q.lastIndexOf(' ', end - 1)) end = space;
  for (let space = q.indexOf(' ', start); space !== -1 && space < end && bare(q.slice(start, space)); space = q.indexOf(' ', start)) start = space + 1;
  return start === 0 && end === q.length ? q : q.slice(start, end);
}

function onlyPadding(rest: string): boolean {
  return (rest.match(/[\p{L}\p{N}']+/gu) ?? []).every((w) => PADDING.has(w));
}

export interface AboutText {
  /** The sentence that answers, or undefined when the meta does not hold it (no date printed). */
  text?: string;
  /** Why not, when it does not. */
  reason?: string;
}

/** The answer to a question about the article, from its meta; the lede stands in for a missing summary. */
export function aboutArticle(pack: KnowledgePack, facet: ArticleFacet): AboutText {
  const { meta } = pack;
  const by = meta.contributors.length ? ` Contributors: ${joinNames(meta.contributors)}.` : '';
  const publisher = knownPublisher(meta.publisher);
  switch (facet) {
    case 'summary':
    case 'headline': {
      const summary = meta.summary ?? lede(pack);
      return { text: facet === 'headline' || !summary ? `“${meta.title}”` : `“${meta.title}”: ${summary}` };
    }
    case 'authors': {
      // "With assistance from A and B" credits helpers, not authors: they are named as what they did.
      const roles = creditRoles(pack);
      const authors = meta.contributors.filter((n) => AUTHOR_CREDITS.has(roles.get(n) ?? 'byline'));
      const helpers = meta.contributors.filter((n) => !authors.includes(n));
      const helped = [...new Set(helpers.map((n) => roles.get(n)!))].map((role) => `${joinNames(helpers.filter((n) => roles.get(n) === role))} with ${role}`);
      const credited = helped.length ? `credits ${joinNames(helped)}` : '';
      if (authors.length) return { text: `${joinNames(authors)}${publisher ? `, for ${publisher}` : ''} (the article's credits${credited ? `, which also ${credited}` : ''}).` };
      if (credited) return { text: `The article names no author; it ${credited}${publisher ? `, and was published by ${publisher}` : ''}.` };
      return publisher ? { text: `The article names no author; it was published by ${publisher}.` } : { reason: 'The article names no author.' };
    }
    case 'published':
      if (meta.published) return { text: `Published ${formatDate(meta.published)}${publisher ? ` by ${publisher}` : ''}.` };
      return { reason: `The article does not say when it was published.${publisher ? ` It is from ${publisher}.` : ''}` };
    case 'publisher':
      return publisher ? { text: `Published by ${publisher}.${by}` } : { reason: 'The article does not name its publisher.' };
    case 'length': {
      const words = pack.paragraphs.filter((p) => p.kind === 'body').reduce((n, p) => n + p.text.split(/\s+/).filter(Boolean).length, 0);
      return { text: `About ${words} words${meta.readingTime ? ` (${meta.readingTime})` : `, a ${Math.max(1, Math.round(words / 230))}-minute read`}.` };
    }
    case 'url':
      return meta.url ? { text: `The article is at ${meta.url}` } : { reason: 'The article does not come with a link.' };
  }
}

/** Each credited name → what the article's credit lines credit it with ("assistance"); bylines are "byline". */
function creditRoles(pack: KnowledgePack): Map<string, string> {
  const roles = new Map<string, string>();
  for (const p of pack.paragraphs) if (p.kind === 'credits') for (const c of parseCredits(p.text)) if (!roles.has(c.name)) roles.set(c.name, c.role);
  return roles;
}

/** Plain-text articles get "the article" as their publisher: that names nobody. */
function knownPublisher(publisher: string): string | undefined {
  return /^the article$/i.test(publisher.trim()) ? undefined : publisher;
}

/** The first body sentence that is more than a dateline. */
function lede(pack: KnowledgePack): string | undefined {
  for (const p of pack.paragraphs) {
    if (p.kind !== 'body') continue;
    const first = splitSentences(p.text)[0]?.text.trim();
    if (first && first.split(/\s+/).length >= 8) return first;
  }
  return undefined;
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y} (${iso})`;
}
