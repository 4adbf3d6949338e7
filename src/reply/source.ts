// The "where does this come from" line every answer carries: paragraph, article title, publisher.
import type { ArticleMeta } from '../knowledge/schema.ts';
import type { Passage } from '../engine/types.ts';
import { escapeText } from './escape.ts';

export function sourceLine(meta: ArticleMeta, paragraphLabel: string): string {
  return `${escapeText(paragraphLabel)} of “${escapeText(meta.title)}”, ${escapeText(meta.publisher)}`;
}

export function attributionLine(p: Passage): string {
  return `— ${escapeText(p.attribution)}`;
}
