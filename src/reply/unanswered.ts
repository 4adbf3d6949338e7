// /kb unanswered: the most frequent questions the bot could not answer well, near-identical wordings
// grouped (the curator store's report), for moderators deciding what to add to the knowledge.
// Questions are untrusted text: escaped, one line, cut to Discord's limits.
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { ReportGroup } from '../store/store.ts';
import { escapeText, oneLine } from './escape.ts';
import { LIMITS } from './limits.ts';
import { COLOURS, message } from './message.ts';
import { fitRendered, truncate } from './truncate.ts';

/** Groups shown at most (the embed has room for about this many with their detail lines). */
export const UNANSWERED_SHOWN = 15;

const KIND_LABELS: Record<string, string> = { 'not-found': 'not found', 'low-confidence': 'low confidence', feedback: "didn't answer" };

function kinds(k: ReportGroup['kinds']): string {
  return Object.entries(k)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([kind, n]) => `${KIND_LABELS[kind] ?? kind} ${n}`)
    .join(', ');
}

export interface UnansweredReplyOptions {
  /** The article the report was narrowed to (title), if any. */
  article?: string;
  /** Title of an article by slug ("*" = asked of the whole library). */
  titleOf: (slug: string) => string | undefined;
  /** Set when the curator database is not usable: the reply says so instead of an empty list. */
  problem?: string;
}

export function unansweredReply(groups: readonly ReportGroup[], opts: UnansweredReplyOptions): APIInteractionResponseCallbackData {
  const where = opts.article ? ` about “${oneLine(opts.article)}”` : '';
  if (opts.problem) {
    return message({
      ephemeral: true,
      content: truncate(`The curator database is not available, so no unanswered questions are being recorded: it ${escapeText(oneLine(opts.problem))}. The bot keeps answering; an operator should look at the log.`, LIMITS.content),
    });
  }
  if (groups.length === 0) {
    return message({ ephemeral: true, content: escapeText(`No unanswered questions recorded${where} yet.`) });
  }
  const article = (slug: string) => (slug === '*' ? 'all articles' : (opts.titleOf(slug) ?? slug));
  const lines: string[] = [];
  let used = 0;
  const shown = groups.slice(0, UNANSWERED_SHOWN);
  for (const [i, g] of shown.entries()) {
    const wordings = g.variants > 1 ? ` · ${g.variants} wordings` : '';
    const line =
      `${i + 1}. **${g.count}×** ${escapeText(truncate(oneLine(g.representative), 200))}\n` +
      `   ${escapeText(truncate(oneLine(article(g.article)), 80))} · ${kinds(g.kinds)}${wordings} · last <t:${Math.floor(g.lastSeen / 1000)}:R>`;
    if (used + line.length + 1 > LIMITS.description - 60) {
      lines.push(`… ${groups.length - i} more: \`npm run report\` prints them all.`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return message({
    ephemeral: true,
    embeds: [
      {
        // An article title comes from a pack (an ingested page may hold anything): escaped like the rest.
        title: fitRendered(`Unanswered questions${where}`, escapeText, LIMITS.title),
        description: lines.join('\n'),
        color: COLOURS.info,
        footer: {
          text: `Most asked first; similar wordings grouped. ${groups.length > shown.length ? `${shown.length} of ${groups.length} groups shown; ` : ''}npm run report prints the full table.`,
        },
      },
    ],
  });
}
