// The "where does this come from" line every answer carries: paragraph, article title, publisher,
// and a masked link to the article when its URL is known.
import type { ArticleMeta } from '../knowledge/schema.ts';
import { UNKNOWN_PUBLISHER } from '../knowledge/plain-text.ts';
import type { Passage } from '../engine/index.ts';
import { escapeText } from './escape.ts';
import { LIMITS } from './limits.ts';

export function sourceLine(meta: ArticleMeta, paragraphLabel: string): string {
  const title = `“${escapeText(meta.title)}”`;
  const url = linkTarget(meta.url);
  const linked = url ? `[${title}](${url})` : title;
  // "the article" says nothing a reader can look up: leave it out rather than print it as a publisher.
  const publisher = meta.publisher === UNKNOWN_PUBLISHER ? '' : `, ${escapeText(meta.publisher)}`;
  const line = `${escapeText(paragraphLabel)} of ${linked}${publisher}`;
  // A line too long for an embed field keeps the title unlinked.
  return line.length <= LIMITS.fieldValue ? line : `${escapeText(paragraphLabel)} of ${title}${publisher}`;
}

/** Only http(s) URLs, with the characters that would end a masked link percent-encoded. */
function linkTarget(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/\S+$/i.test(url)) return undefined;
  return url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function attributionLine(p: Passage): string {
  return `— ${escapeText(p.attribution)}`;
}
