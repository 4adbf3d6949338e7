// Replies about the library of articles: the list of them (/article with no article, "Which
// article?", "No such article") and the "Also in …" footer of an answer found in several.
import type { APIEmbed, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { ArticleMeta } from '../knowledge/schema.ts';
import { escapeText, oneLine, plainText } from './escape.ts';
import { LIMITS } from './limits.ts';
import { COLOURS, message } from './message.ts';
import { truncate } from './truncate.ts';

/** One line per article: title, publisher and slug, cut to fit one embed description. */
export function libraryLines(articles: readonly ArticleMeta[], room: number = LIMITS.description): string {
  const lines: string[] = [];
  let used = 0;
  for (const [i, a] of articles.entries()) {
    const line = `**${escapeText(truncate(oneLine(a.title), 150))}** — ${escapeText(truncate(oneLine(a.publisher), 60))} · \`${a.slug}\``;
    const rest = articles.length - i;
    if (used + line.length + 1 > room - 40 && rest > 1) {
      lines.push(`… and ${rest} more: type in the \`article\` option to find them.`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join('\n');
}

/** The library as one embed: a title, an optional intro, then one line per article. */
export function libraryReply(articles: readonly ArticleMeta[], opts: { title: string; intro?: string; ephemeral: boolean }): APIInteractionResponseCallbackData {
  const head = opts.intro ? `${opts.intro}\n\n` : '';
  const embed: APIEmbed = {
    title: truncate(opts.title, LIMITS.title),
    description: head + libraryLines(articles, LIMITS.description - head.length),
    color: COLOURS.info,
    footer: { text: `${articles.length} article${articles.length === 1 ? '' : 's'}. Pick one with the article option of any command.` },
  };
  return message({ embeds: [embed], ephemeral: opts.ephemeral });
}

/** An article option naming no article: said privately, with the list to choose from. */
export function unknownArticleReply(value: string, articles: readonly ArticleMeta[]): APIInteractionResponseCallbackData {
  return libraryReply(articles, {
    title: 'No such article',
    intro: `There is no article “${escapeText(truncate(oneLine(value), 100))}” in the library. These are the articles I know:`,
    ephemeral: true,
  });
}

/** Adds "Also in: …" to a reply's first embed footer, for answers found in several articles. */
export function withAlsoIn(data: APIInteractionResponseCallbackData, others: readonly ArticleMeta[]): APIInteractionResponseCallbackData {
  const embed = data.embeds?.[0];
  if (!embed || others.length === 0) return data;
  const names = others.slice(0, 5).map((a) => `“${oneLine(a.title)}”`).join(', ') + (others.length > 5 ? ` and ${others.length - 5} more` : '');
  const note = `Also in ${names}: choose with the article option.`;
  const text = embed.footer?.text ? `${embed.footer.text} · ${note}` : note;
  return { ...data, embeds: [{ ...embed, footer: { ...embed.footer, text: truncate(plainText(text), LIMITS.footer) } }, ...data.embeds!.slice(1)] };
}

/** An article named (option, server default, button) while its index is still being built at start: said privately, not an error. */
export function articleLoadingReply(meta: ArticleMeta): APIInteractionResponseCallbackData {
  const title = escapeText(truncate(oneLine(meta.title), 150));
  return message({ content: `“${title}” is still loading: the bot has just started and is still indexing it. Try again in a few seconds.`, ephemeral: true });
}

/**
 * Adds a "Still loading" field to a reply's first embed when a question asked of every article could
 * not search `loading` of them yet (a start's background build), since one of those may answer better.
 */
export function withLoadingNote(data: APIInteractionResponseCallbackData, loading: number): APIInteractionResponseCallbackData {
  const embed = data.embeds?.[0];
  if (!embed || loading <= 0) return data;
  const value = `${loading} article${loading === 1 ? ' is' : 's are'} still loading and ${loading === 1 ? 'was' : 'were'} not searched; ${loading === 1 ? 'it' : 'one of them'} may hold a better answer. Ask again in a few seconds.`;
  return { ...data, embeds: [{ ...embed, fields: [...(embed.fields ?? []), { name: 'Still loading', value }] }, ...data.embeds!.slice(1)] };
}
