// /quote: the direct quotations, each with who said it, their role and the setting.
import type { APIEmbed, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { ArticleMeta, Entity, Quote } from '../knowledge/schema.ts';
import { escapeText, oneLine } from './escape.ts';
import { LIMITS } from './limits.ts';
import { COLOURS, message } from './message.ts';
import { fitRendered, truncate } from './truncate.ts';

const MAX_QUOTES = 10;

export function quotesReply(
  quotes: Quote[],
  entities: ReadonlyMap<string, Entity>,
  meta: ArticleMeta,
  filter: { speaker?: string; topic?: string },
  paragraphLabel: (index: number) => string,
): APIInteractionResponseCallbackData {
  const asked = [filter.speaker && `speaker “${oneLine(filter.speaker)}”`, filter.topic && `topic “${oneLine(filter.topic)}”`]
    .filter(Boolean)
    .join(' and ');
  if (quotes.length === 0) {
    const speakers = [...new Set([...entities.values()].map((e) => e.name))].slice(0, 10).map(escapeText).join(', ');
    const description = `The article has no direct quote${asked ? ` for ${escapeText(truncate(asked, 200))}` : ''}.` +
      (speakers ? `\nTry /quote with no options to list them all.` : '');
    return message({ embeds: [{ title: 'No matching quotes', description, color: COLOURS.miss }] });
  }
  const fields = quotes.slice(0, MAX_QUOTES).map((q) => {
    const speaker = entities.get(q.speaker)?.name ?? q.speaker;
    const tail = `\n— ${escapeText(speaker)}, ${escapeText(q.role)}; ${escapeText(q.setting)} (${escapeText(paragraphLabel(q.paragraph))})`;
    const room = LIMITS.fieldValue - Math.min(tail.length, 400);
    return {
      name: fitRendered(oneLine(`${speaker} (${q.role})`), escapeText, LIMITS.fieldName),
      value: fitRendered(q.text, (t) => `“${escapeText(t)}”`, room) + truncate(tail, 400),
    };
  });
  const embed: APIEmbed = {
    title: asked ? truncate(`Quotes: ${asked}`, LIMITS.title) : 'Direct quotes in the article',
    description: `From “${escapeText(meta.title)}”, ${escapeText(meta.publisher)}.`,
    color: COLOURS.info,
    fields,
    footer: { text: quotes.length > MAX_QUOTES ? `${MAX_QUOTES} of ${quotes.length} quotes shown: narrow with speaker or topic.` : `${quotes.length} quote${quotes.length === 1 ? '' : 's'}` },
  };
  // The title echoes user text: escape it like everything else.
  embed.title = fitRendered(embed.title!, escapeText, LIMITS.title);
  return message({ embeds: [embed] });
}
