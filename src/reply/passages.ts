// Replies built from passages the buttons and the context menu point at: the next alternatives
// ("More matches"), the paragraph around a passage ("Show context"), and the claim check.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { ArticleMeta, Paragraph } from '../knowledge/schema.ts';
import type { Answer, Passage } from '../engine/index.ts';
import { askButtonsFit, contextId, moreMatchesId } from './buttons.ts';
import { CLOSEST_LEAD, MATCHES_PER_PAGE, passageBlock } from './answer.ts';
import { confidenceHint } from './confidence.ts';
import { escapeText, oneLine, plainText } from './escape.ts';
import { highlight } from './highlight.ts';
import { LIMITS } from './limits.ts';
import { COLOURS, message } from './message.ts';
import { sourceLine } from './source.ts';
import { fitRendered, truncate } from './truncate.ts';

function passageField(p: Passage): APIEmbedField {
  // Passages looked up by id (buttons) carry no score: show the speaker instead of a made-up confidence.
  const name = p.score > 0 ? `${p.paragraphLabel} · ${confidenceHint(p.score).label.split(':')[0]}` : `${p.paragraphLabel} · ${p.speaker}`;
  return { name: fitRendered(oneLine(name), escapeText, LIMITS.fieldName), value: passageBlock(p, LIMITS.fieldValue - 2) };
}

/** What an old button says when the passage it names is no longer in the article (edited or deleted). */
export const ARTICLE_CHANGED = 'The article has changed since this answer, so this button no longer points at a passage in it. Please ask again.';

/**
 * The private notice for a button whose passage is gone. `replacing`: it edits the message the button
 * sat on (a More matches page), so that page's passages and buttons are cleared, not left showing.
 */
export function articleChangedReply(opts: { replacing: boolean }): APIInteractionResponseCallbackData {
  const data = message({ content: ARTICLE_CHANGED, ephemeral: true });
  return opts.replacing ? { ...data, embeds: [], components: [] } : data;
}

/**
 * One page of alternatives; the rest ride in the next button's custom_id. `changed`: some passages
 * the button named are gone from the article since, and the page says so above the ones that remain.
 */
export function moreMatchesReply(passages: Passage[], meta: ArticleMeta, opts: { ephemeral: boolean; changed?: boolean }): APIInteractionResponseCallbackData {
  const page = passages.slice(0, MATCHES_PER_PAGE);
  const rest = passages.slice(MATCHES_PER_PAGE);
  if (page.length === 0) {
    return message({ content: 'No more matches: the article has no other passages for this question.', ephemeral: opts.ephemeral });
  }
  const embed: APIEmbed = {
    title: 'More matches',
    description: `Other passages of “${escapeText(meta.title)}” that may answer the question.`,
    color: COLOURS.info,
    fields: page.map((p) => passageField(p)),
    footer: { text: plainText(meta.publisher) },
  };
  const buttons = page.filter((p) => askButtonsFit(p.article)).map((p) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label: truncate(`Context of ${p.paragraphLabel}`, LIMITS.buttonLabel),
    custom_id: contextId(p.article, p.key),
  }));
  const components: APIActionRowComponent<APIButtonComponent>[] = [{ type: ComponentType.ActionRow, components: [...buttons] }];
  if (rest.length > 0 && askButtonsFit(rest[0]!.article)) {
    components[0]!.components.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'More matches',
      custom_id: moreMatchesId(rest[0]!.article, rest.map((p) => p.key), 'next'),
    });
  }
  return message({
    ...(opts.changed ? { content: 'Some of these matches are gone: the article has changed since this answer. Ask again for the current ones.' } : {}),
    embeds: [embed],
    components: components[0]!.components.length > 0 ? components : [],
    ephemeral: opts.ephemeral,
  });
}

/** "Before (¶3)": a field name around an article's paragraph label. */
function label(what: string, paragraphLabel: string): string {
  return fitRendered(oneLine(paragraphLabel), (t) => `${what} (${escapeText(t)})`, LIMITS.fieldName);
}

/** The paragraph holding a passage (passage in bold), with its neighbours for orientation. */
export function contextReply(
  passage: Passage,
  paragraph: Paragraph,
  neighbours: { before?: Paragraph; after?: Paragraph },
  meta: ArticleMeta,
  opts: { ephemeral: boolean },
): APIInteractionResponseCallbackData {
  const fields: APIEmbedField[] = [];
  if (neighbours.before) {
    fields.push({ name: label('Before', neighbours.before.label), value: fitRendered(neighbours.before.text, escapeText, LIMITS.fieldValue) });
  }
  if (neighbours.after) {
    fields.push({ name: label('After', neighbours.after.label), value: fitRendered(neighbours.after.text, escapeText, LIMITS.fieldValue) });
  }
  fields.push({ name: 'Source', value: sourceLine(meta, paragraph.label) });
  const embed: APIEmbed = {
    title: fitRendered(oneLine(paragraph.label), (t) => `Context: ${escapeText(t)}`, LIMITS.title),
    description: fitRendered(paragraph.text, (t) => highlight(t, [passage.text]), LIMITS.description),
    color: COLOURS.info,
    fields,
  };
  return message({ embeds: [embed], ephemeral: opts.ephemeral });
}

/** "Find in article": passages that address a message's claim, for a moderator's quick check. */
export function findInArticleReply(claim: string, answer: Answer, meta: ArticleMeta): APIInteractionResponseCallbackData {
  const shown = fitRendered(oneLine(claim), (t) => `> ${escapeText(t)}`, 300);
  if (!answer.found || !answer.answer) {
    const lines = [shown, '', `**The article does not address this.** ${escapeText(answer.reason ?? '')}`.trim()];
    if (answer.closest) lines.push('', `**${CLOSEST_LEAD}**`, passageBlock(answer.closest, 1200));
    const suggestions = answer.suggestions.slice(0, 3).map((s) => `• ${escapeText(truncate(oneLine(s), 100))}`);
    if (suggestions.length > 0) lines.push('', '**Related questions it does answer:**', ...suggestions);
    return message({ embeds: [{ title: 'Find in article', description: lines.join('\n'), color: COLOURS.miss }], ephemeral: true });
  }
  const passages = [answer.answer, ...answer.alternatives].slice(0, 4);
  const embed: APIEmbed = {
    title: 'Find in article',
    description: `${shown}\n\nPassages of “${escapeText(meta.title)}”, ${escapeText(meta.publisher)}, that address this claim. Read them before deciding whether they support it.`,
    color: confidenceHint(answer.answer.score, answer.band).colour,
    fields: passages.map((p) => passageField(p)),
  };
  return message({ embeds: [embed], ephemeral: true });
}
