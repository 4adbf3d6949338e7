// /help: what the bot can do, with examples a reader can copy.
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { ArticleMeta } from '../knowledge/schema.ts';
import { escapeText, oneLine } from './escape.ts';
import { fitRendered } from './truncate.ts';
import { COLOURS, message } from './message.ts';

export function helpReply(meta: ArticleMeta, opts: { articles?: number } = {}): APIInteractionResponseCallbackData {
  const articles = opts.articles ?? 1;
  const lines = [
    articles > 1
      ? `I answer questions about ${articles} news articles (\`/article\` lists them). Every answer is a passage from one of them, with who said it, where, and which article it came from. Every command takes an \`article\` option to ask one article; without it, \`/ask\` searches them all.`
      : `I answer questions about one article: “${fitRendered(oneLine(meta.title), escapeText, 300)}” (${fitRendered(oneLine(meta.publisher), escapeText, 100)}). Every answer is a passage from the article, with who said it and where.`,
    '',
    '**/ask** `question` — the passage that answers it. Set `private` to see it alone.',
    'e.g. `/ask question: Who did China\'s foreign minister meet?`',
    '**/quote** `speaker` `topic` — the direct quotes, with speaker, role and setting.',
    'e.g. `/quote speaker: Putin`',
    '**/who** `name` — a person or organisation: role, aliases, and where they appear.',
    'e.g. `/who name: Prigozhin`',
    '**/timeline** — the dated events in order.',
    '**/article** — title, publisher, reading time, summary and how to cite it.',
    '**Find in article** — right-click a message → Apps → Find in article: the passages that address its claim (only you see it).',
    '',
    'If the article does not cover something, I say so instead of guessing. **This didn\'t answer me** under an answer tells the moderators.',
    'Moderators (Manage Server): `/settings` (default article, cooldown, private answers) and `/kb` (reload, stats, unanswered questions).',
  ];
  return message({ embeds: [{ title: 'What I can do', description: lines.join('\n'), color: COLOURS.info }], ephemeral: true });
}
