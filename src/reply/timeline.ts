// /timeline: the article's dated events in order.
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { ArticleMeta, TimelineEntry } from '../knowledge/schema.ts';
import { escapeText, oneLine } from './escape.ts';
import { fitRendered } from './truncate.ts';
import { LIMITS } from './limits.ts';
import { COLOURS, message } from './message.ts';

export function timelineReply(entries: TimelineEntry[], meta: ArticleMeta, paragraphLabel: (i: number) => string): APIInteractionResponseCallbackData {
  if (entries.length === 0) {
    return message({ embeds: [{ title: 'Timeline', description: 'The article gives no dated events.', color: COLOURS.miss }] });
  }
  const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date));
  const lines: string[] = [];
  let used = 0;
  for (const e of sorted) {
    const line = `**${escapeText(e.when)}**: ${escapeText(e.event)} (${escapeText(paragraphLabel(e.paragraph))})`;
    // Whole lines only: a timeline cut mid-event would misstate it.
    if (used + line.length + 1 > LIMITS.description - 40) {
      lines.push(`…and ${sorted.length - lines.length} more.`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return message({
    embeds: [{
      title: fitRendered(oneLine(meta.title), (t) => `Timeline: ${escapeText(t)}`, LIMITS.title),
      description: lines.join('\n'),
      color: COLOURS.info,
      footer: { text: 'Dates as the article gives them; years the article leaves out are inferred from its context.' },
    }],
  });
}
