// /article: what the article is, and how to cite it.
import type { APIEmbedField, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { ArticleMeta } from '../knowledge/schema.ts';
import { escapeText, oneLine } from './escape.ts';
import { LIMITS } from './limits.ts';
import { COLOURS, message } from './message.ts';
import { fitRendered } from './truncate.ts';

export function citation(meta: ArticleMeta): string {
  const by = meta.contributors.length > 0 ? `${meta.contributors.join(', ')}. ` : '';
  const date = meta.published ? ` ${meta.published}.` : '';
  const url = meta.url ? ` ${meta.url}` : '';
  return `${by}“${meta.title}.” ${meta.publisher}.${date}${url}`;
}

export function articleReply(meta: ArticleMeta, stats: { paragraphs: number; quotes: number; entities: number }): APIInteractionResponseCallbackData {
  const fields: APIEmbedField[] = [{ name: 'Publisher', value: escapeText(meta.publisher), inline: true }];
  if (meta.section.length > 0) fields.push({ name: 'Section', value: escapeText(meta.section.join(' › ')), inline: true });
  if (meta.readingTime) fields.push({ name: 'Reading time', value: escapeText(meta.readingTime), inline: true });
  if (meta.published) fields.push({ name: 'Published', value: meta.published, inline: true });
  if (meta.contributors.length > 0) {
    fields.push({ name: 'Contributors', value: fitRendered(meta.contributors.join(', '), escapeText, LIMITS.fieldValue) });
  }
  fields.push({ name: 'In the knowledge base', value: `${stats.paragraphs} paragraphs, ${stats.quotes} direct quotes, ${stats.entities} people and organisations` });
  fields.push({ name: 'How to cite', value: fitRendered(citation(meta), escapeText, LIMITS.fieldValue) });
  return message({
    embeds: [{
      title: fitRendered(oneLine(meta.title), escapeText, LIMITS.title),
      ...(meta.url ? { url: meta.url } : {}),
      description: meta.summary ? fitRendered(meta.summary, escapeText, LIMITS.description) : 'No summary is available for this article.',
      color: COLOURS.info,
      fields,
    }],
  });
}
