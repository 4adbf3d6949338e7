// /ask's reply: the best passage with the matched words in bold, who said it and how, where it is in
// the article, and how sure we are; or a plain "the article does not cover this" with suggestions.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { ArticleMeta } from '../knowledge/schema.ts';
import type { Answer, Passage } from '../engine/types.ts';
import { askButtonsFit, contextId, feedbackId, moreMatchesId } from '../discord/custom-id.ts';
import { confidenceHint } from './confidence.ts';
import { escapeText, oneLine } from './escape.ts';
import { highlight } from './highlight.ts';
import { LIMITS } from './limits.ts';
import { COLOURS, message } from './message.ts';
import { attributionLine, sourceLine } from './source.ts';
import { fitRendered, truncate } from './truncate.ts';

/** How many alternatives one "More matches" page shows. */
export const MATCHES_PER_PAGE = 3;

export function questionTitle(question: string): string {
  const q = oneLine(question) || '(empty question)';
  return fitRendered(q, (t) => `“${escapeText(t)}”`, LIMITS.title);
}

/** Passage + attribution, fitted to `max` without cutting inside the bold markup. */
export function passageBlock(p: Passage, max: number): string {
  const attribution = truncate(attributionLine(p), Math.floor(max / 3));
  const room = max - attribution.length - 2;
  return `${fitRendered(p.text, (t) => highlight(t, p.matched), room)}\n\n${attribution}`;
}

function askButtons(best: Passage, more: readonly Passage[]): APIActionRowComponent<APIButtonComponent> {
  const buttons: APIButtonComponent[] = [];
  if (more.length > 0) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'More matches',
      custom_id: moreMatchesId(best.article, more.map((p) => p.passageId)),
    });
  }
  buttons.push({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: 'Show context',
    custom_id: contextId(best.article, best.passageId),
  });
  buttons.push({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: "This didn't answer me",
    custom_id: feedbackId(best.article, best.passageId),
  });
  return { type: ComponentType.ActionRow, components: buttons };
}

export interface AnswerReplyOptions {
  ephemeral: boolean;
  /** How many articles were searched when the question went to the whole library (a miss says so). */
  searched?: number;
}

export function answerReply(answer: Answer, meta: ArticleMeta, opts: AnswerReplyOptions): APIInteractionResponseCallbackData {
  const best = answer.found ? answer.answer : null;
  if (!best) return notFoundReply(answer, opts);

  const hint = confidenceHint(best.score);
  const embed: APIEmbed = {
    title: questionTitle(answer.question),
    description: passageBlock(best, LIMITS.description),
    color: hint.colour,
    fields: [
      { name: 'Source', value: sourceLine(meta, best.paragraphLabel) },
      { name: 'Confidence', value: hint.label },
    ],
    footer: { text: "Answers come only from the article. More matches shows other passages; Show context shows the paragraph; This didn't answer me tells the moderators." },
  };
  if (meta.url) embed.url = meta.url;
  const components = askButtonsFit(best.article) ? [askButtons(best, answer.alternatives)] : [];
  return message({ embeds: [embed], components, ephemeral: opts.ephemeral });
}

export function notFoundReply(answer: Answer, opts: AnswerReplyOptions): APIInteractionResponseCallbackData {
  const reason = answer.reason ?? 'The article does not cover that.';
  const where = opts.searched && opts.searched > 1 ? `any of the ${opts.searched} articles` : 'the article';
  const lines = [`**Not in ${where}.** ${escapeText(reason)}`];
  const suggestions = answer.suggestions.slice(0, 3).map((s) => `• ${escapeText(truncate(oneLine(s), 100))}`);
  if (suggestions.length > 0) lines.push('', '**Did you mean:**', ...suggestions);
  else lines.push('', 'Try /help for the kinds of questions the article can answer.');
  return message({
    embeds: [{ title: questionTitle(answer.question), description: lines.join('\n'), color: COLOURS.miss }],
    ephemeral: opts.ephemeral,
  });
}
