// /kb replies for moderators: knowledge statistics, and the outcome of a reload. Loader messages and
// questions are untrusted text: escaped, paths shortened, everything cut to Discord's limits.
import type { APIEmbedField, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { KnowledgeSnapshot, ReloadResult } from '../runtime/knowledge-store.ts';
import { escapeText, neutraliseMentions, oneLine } from './escape.ts';
import { LIMITS } from './limits.ts';
import { COLOURS, message } from './message.ts';
import { truncate } from './truncate.ts';

/** A question as /kb stats lists it: its normalised text and how often it was asked. */
export interface QuestionCount {
  question: string;
  count: number;
}

/** How many top questions /kb stats lists. */
export const TOP_QUESTIONS = 10;

/** "/srv/bot/knowledge/pack/quotes.json" → "…/pack/quotes.json": enough to find the file, not the server's layout. */
export function shortenPaths(text: string): string {
  return text.replace(/(?:\/[^\s/:'"`]+)+\/([^\s/:'"`]+\/[^\s/:'"`]+)/g, '…/$1');
}

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

export function kbStatsReply(
  s: KnowledgeSnapshot,
  top: QuestionCount[],
  totals: { total: number; distinct: number; since: Date; forum?: { answered: number; solved: number } },
  extra: { database?: string } = {},
): APIInteractionResponseCallbackData {
  const c = s.counts;
  const fields: APIEmbedField[] = [
    { name: 'Articles', value: String(c.articles), inline: true },
    // A start's background build: the passages of the articles still loading are not counted yet.
    { name: 'Passages', value: c.loading > 0 ? `${c.passages} (${c.loading} article${c.loading === 1 ? '' : 's'} still loading)` : String(c.passages), inline: true },
    { name: 'Entities', value: String(c.entities), inline: true },
    { name: 'Quotes', value: String(c.quotes), inline: true },
    { name: 'Paragraphs', value: String(c.paragraphs), inline: true },
    { name: 'Facts', value: String(c.facts), inline: true },
    { name: 'Load time', value: `${s.loadMs.toFixed(0)} ms`, inline: true },
  ];
  // Timestamps render in values, not in field names.
  let list = `Since <t:${unix(totals.since)}:R>: ${totals.total} asked, ${totals.distinct} different.`;
  if (top.length === 0) list += '\nNo questions yet.';
  for (const [i, q] of top.entries()) {
    const line = `${i + 1}. ${q.count}× ${escapeText(oneLine(q.question))}`;
    if (list.length + line.length + 1 > LIMITS.fieldValue) break;
    list += `\n${line}`;
  }
  fields.push({ name: 'Top questions', value: list });
  if (totals.forum) fields.push({ name: 'Forum posts', value: `${totals.forum.answered} answered, ${totals.forum.solved} marked solved with "This answered it".` });
  if (s.skipped.length > 0) {
    // A pack that did not load: the moderator sees which folder and why, paths shortened.
    const lines = s.skipped.map((p) => `• ${escapeText(oneLine(shortenPaths(p.message)))}`);
    fields.push({ name: `Skipped packs (${s.skipped.length})`, value: truncate(lines.join('\n'), LIMITS.fieldValue) });
  }
  if (extra.database) fields.push({ name: 'Unanswered-question log', value: truncate(escapeText(oneLine(shortenPaths(extra.database))), LIMITS.fieldValue) });
  const title = c.articles > 1 ? `Knowledge: ${c.articles} articles` : `Knowledge: ${oneLine(s.engine.pack.meta.title)}`;
  return message({
    ephemeral: true,
    embeds: [
      {
        title: truncate(title, LIMITS.title),
        description: `Generation ${s.generation}, loaded <t:${unix(s.loadedAt)}:R> from \`${neutraliseMentions(truncate(oneLine(shortenPaths(s.source)), 300)).replace(/`/g, "'")}\`.`,
        color: COLOURS.info,
        fields,
      },
    ],
  });
}

/** After a reload: the packs that were skipped, in a code block cut to what is left of the message. */
function skippedNote(skipped: KnowledgeSnapshot['skipped']): string {
  if (skipped.length === 0) return '';
  const head = `\n${skipped.length} pack${skipped.length === 1 ? ' was' : 's were'} skipped (invalid; the others serve):\n`;
  return head + codeBlock(skipped.map((p) => p.message).join('\n'), 1500 - head.length);
}

/** The loader's message inside a code block, so file paths and JSON paths read as they are. */
function codeBlock(text: string, room: number): string {
  const body = truncate(neutraliseMentions(shortenPaths(text)).replace(/`/g, 'ˋ'), Math.max(1, room - 8));
  return `\`\`\`\n${body}\n\`\`\``;
}

export function kbReloadReply(result: ReloadResult): APIInteractionResponseCallbackData {
  if (result.ok) {
    const { snapshot: s, previous: p } = result;
    const c = s.counts;
    return message({
      ephemeral: true,
      content:
        `Reloaded the knowledge in ${s.loadMs.toFixed(0)} ms (generation ${p.generation} → ${s.generation}): ` +
        `${c.articles > 1 || p.counts.articles > 1 ? `${c.articles} articles (was ${p.counts.articles}), ` : ''}` +
        `${c.passages} passages, ${c.entities} entities, ${c.quotes} quotes (was ${p.counts.passages}, ${p.counts.entities}, ${p.counts.quotes}). ` +
        'New questions are answered from it now; answers already in progress finish with the old one.' +
        skippedNote(s.skipped),
    });
  }
  const head = `Reload failed: nothing changed, still serving the knowledge loaded <t:${unix(result.snapshot.loadedAt)}:R> (generation ${result.snapshot.generation}).\n`;
  return message({ ephemeral: true, content: head + codeBlock(result.message, LIMITS.content - head.length) });
}
