// /ask's reply: the best passage with the matched words in bold, who said it and how, where it is in
// the article, and how sure we are; the closest passage when the article comes near without saying
// it; the article's own details for a question about the article; or a plain "the article does not
// cover this" with did-you-mean questions to pick from.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { ArticleMeta } from '../knowledge/schema.ts';
import type { Answer, Passage } from '../engine/index.ts';
import { askButtonsFit, contextId, didYouMeanId, feedbackId, moreMatchesId } from './buttons.ts';
import { CLOSEST_LEAD } from './closest-lead.ts';
import { confidenceHint } from './confidence.ts';
import { escapeText, oneLine } from './escape.ts';
import { highlight } from './highlight.ts';
import { LIMITS } from './limits.ts';
import { COLOURS, message } from './message.ts';
import { attributionLine, sourceLine } from './source.ts';
import { fitRendered, truncate } from './truncate.ts';

/** How many alternatives one "More matches" page shows. */
export const MATCHES_PER_PAGE = 3;

export { CLOSEST_LEAD };

/** How many did-you-mean questions a miss offers. */
export const DID_YOU_MEAN_COUNT = 3;

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

/** The buttons under an answer; "This didn't answer me" carries the question and the confidence shown (null: none shown). */
function askButtons(best: Passage, more: readonly Passage[], question: string, confidence: number | null): APIActionRowComponent<APIButtonComponent> {
  const buttons: APIButtonComponent[] = [];
  if (more.length > 0) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'More matches',
      custom_id: moreMatchesId(best.article, more.map((p) => p.key)),
    });
  }
  buttons.push({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: 'Show context',
    custom_id: contextId(best.article, best.key),
  });
  buttons.push({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: "This didn't answer me",
    custom_id: feedbackId(best.article, best.key, question, confidence),
  });
  return { type: ComponentType.ActionRow, components: buttons };
}

export interface AnswerReplyOptions {
  ephemeral: boolean;
  /** How many articles were searched when the question went to the whole library (a miss says so). */
  searched?: number;
  /** The article asked (absent: every article), so a did-you-mean pick asks the same place. */
  article?: string;
}

export function answerReply(answer: Answer, meta: ArticleMeta, opts: AnswerReplyOptions): APIInteractionResponseCallbackData {
  const best = answer.found ? answer.answer : null;
  if (best && answer.about) return aboutReply(answer, best, meta, opts);
  if (!best) return answer.closest ? closestReply(answer, answer.closest, meta, opts) : notFoundReply(answer, opts);

  const hint = confidenceHint(best.score, answer.band);
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
  const components = askButtonsFit(best.article) ? [askButtons(best, answer.alternatives, answer.question, best.score)] : [];
  return message({ embeds: [embed], components, ephemeral: opts.ephemeral });
}

/** The article doesn't say it, but one passage comes near: shown for what it is, with its context. */
function closestReply(answer: Answer, closest: Passage, meta: ArticleMeta, opts: AnswerReplyOptions): APIInteractionResponseCallbackData {
  const lead = `**${CLOSEST_LEAD}**\n\n`;
  const embed: APIEmbed = {
    title: questionTitle(answer.question),
    description: lead + passageBlock(closest, LIMITS.description - lead.length),
    color: COLOURS.low,
    fields: [{ name: 'Source', value: sourceLine(meta, closest.paragraphLabel) }],
    footer: { text: 'Not an answer: the nearest the article comes. Show context shows the paragraph.' },
  };
  if (meta.url) embed.url = meta.url;
  const menu = didYouMeanMenu(didYouMean(answer.suggestions), opts.article);
  const components = [...(askButtonsFit(closest.article) ? [askButtons(closest, [], answer.question, null)] : []), ...(menu ? [menu] : [])];
  return message({ embeds: [embed], components, ephemeral: opts.ephemeral });
}

/** A question about the article itself (who wrote it, when, what about): its details, not a passage. */
function aboutReply(answer: Answer, about: Passage, meta: ArticleMeta, opts: AnswerReplyOptions): APIInteractionResponseCallbackData {
  const embed: APIEmbed = {
    title: questionTitle(answer.question),
    description: fitRendered(about.text, escapeText, LIMITS.description),
    color: COLOURS.info,
    fields: [{ name: 'Source', value: `The article's details: “${escapeText(meta.title)}”, ${escapeText(meta.publisher)}` }],
  };
  if (meta.url) embed.url = meta.url;
  return message({ embeds: [embed], ephemeral: opts.ephemeral });
}

export function notFoundReply(answer: Answer, opts: AnswerReplyOptions): APIInteractionResponseCallbackData {
  const reason = answer.reason ?? 'The article does not cover that.';
  const where = opts.searched && opts.searched > 1 ? `any of the ${opts.searched} articles` : 'the article';
  const lines = [`**Not in ${where}.** ${escapeText(reason)}`];
  const picks = didYouMean(answer.suggestions);
  if (picks.length > 0) lines.push('', '**Did you mean:**', ...picks.map((s) => `• ${escapeText(s)}`));
  else lines.push('', 'Try /help for the kinds of questions the article can answer.');
  const menu = didYouMeanMenu(picks, opts.article);
  return message({
    embeds: [{ title: questionTitle(answer.question), description: lines.join('\n'), color: COLOURS.miss }],
    ...(menu ? { components: [menu] } : {}),
    ephemeral: opts.ephemeral,
  });
}

/** The suggestions a reader can pick: one line each, whole (a choice's value is at most 100 characters). */
function didYouMean(suggestions: readonly string[]): string[] {
  const picks = suggestions.map(oneLine).filter((s) => s.length > 0 && s.length <= LIMITS.choiceValue);
  return [...new Set(picks)].slice(0, DID_YOU_MEAN_COUNT);
}

/** Picking a question asks it, as /ask would: the option's value is the question itself. */
function didYouMeanMenu(questions: readonly string[], article: string | undefined): APIActionRowComponent<APIComponentInMessageActionRow> | undefined {
  const custom_id = didYouMeanId(article);
  if (!custom_id || questions.length === 0) return undefined;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id,
        placeholder: 'Ask one of these instead',
        options: questions.map((q) => ({ label: truncate(q, LIMITS.choiceName), value: q })),
      },
    ],
  };
}
