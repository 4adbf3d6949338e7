// /ask: the passage that answers a question, with attribution, source and confidence, plus the
// "More matches", "Show context" and "This didn't answer me" buttons whose custom_ids make them work
// after a restart. Without the article option (and without a guild default) it searches every
// article, and the source line names the article the answer came from. Misses and low-confidence
// answers are recorded for the moderators (/kb unanswered), without who asked.
import { ApplicationCommandOptionType, ComponentType, MessageFlags, type APIMessageComponentInteraction } from 'discord-api-types/v10';
import { recordFeedback } from '../src/store/record.ts';
import { articleScope } from '../src/discord/articles.ts';
import type { CommandContext, ComponentRoute, Reply } from '../src/discord/command.ts';
import { toChoices } from '../src/discord/choices.ts';
import { DID_YOU_MEAN, parseAskButton, parseDidYouMean } from '../src/discord/custom-id.ts';
import { cleanQuestion } from '../src/discord/question.ts';
import type { Passage } from '../src/engine/index.ts';
import { MATCHES_PER_PAGE, answerReply } from '../src/reply/answer.ts';
import { message } from '../src/reply/message.ts';
import { contextReply, moreMatchesReply } from '../src/reply/passages.ts';
import { answerAndRecord } from './kit/answer.ts';
import { articleCommand } from './kit/define.ts';

/** The longest question /ask takes (its option's max_length). */
const MAX_QUESTION = 300;

/** Alternatives fetched per question: the first page plus what the "More matches" chain can carry. */
const ALTERNATIVES = MATCHES_PER_PAGE * 3;

/** The `private` option, else the server's private-by-default, else public. */
function privately(args: { private?: boolean }, ctx?: CommandContext): boolean {
  return args.private ?? ctx?.settings?.privateByDefault ?? false;
}

export const { data, ephemeral, execute, autocomplete } = articleCommand({
  name: 'ask',
  description: 'Ask a question about the article; get the passage that answers it and who said it.',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'Your question, e.g. "Who did China\'s foreign minister meet?"',
      required: true,
      max_length: MAX_QUESTION,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: "Only you see the answer (default: everyone sees it, unless the server's settings say private).",
    },
  ],
  article: "Which article to ask (default: the server's default article, else all of them).",
  ephemeral: privately,
  execute(args, ctx) {
    const question = args.question ?? '';
    ctx.questions?.record(question); // for /kb stats: counted once past the cooldown
    return ask(question, args.article, privately(args, ctx), ctx);
  },
  autocomplete(focused, args, ctx) {
    // Suggestions from the article chosen (or the guild's default); from every article otherwise.
    const target = articleScope(args.article, ctx);
    const slug = 'scope' in target ? target.scope.slug : undefined;
    return toChoices(ctx.library.suggest(cleanQuestion(focused.value), { limit: 25, ...(slug ? { article: slug } : {}) }));
  },
});

/** /ask's whole answer to a question, for the command and for a did-you-mean pick alike. */
function ask(question: string, article: string | undefined, isPrivate: boolean, ctx: CommandContext): Reply {
  const target = articleScope(article, ctx);
  if ('reply' in target) return target.reply;
  const { slug } = target.scope;
  // The source line names the article the answer came from; passage ids in the buttons are that article's.
  const { answer, meta } = answerAndRecord(ctx, question, { slug, alternatives: ALTERNATIVES, closestSource: true });
  const searched = slug ? 1 : ctx.library.articles.length;
  // Echo what the user typed (escaped), not the cleaned text the engine saw.
  return {
    data: answerReply({ ...answer, question }, meta, { ephemeral: isPrivate, searched, ...(slug ? { article: slug } : {}) }),
    found: answer.found,
  };
}

/** A question picked from the did-you-mean menu is asked as /ask would ask it, where the miss was asked. */
function pickedQuestion(interaction: APIMessageComponentInteraction, ctx: CommandContext): Reply {
  const parsed = parseDidYouMean(interaction.data.custom_id);
  const picked = interaction.data.component_type === ComponentType.StringSelect ? interaction.data.values[0] : undefined;
  if (!parsed || typeof picked !== 'string' || !picked.trim()) return staleButton();
  ctx.questions?.record(picked);
  return ask(picked.slice(0, MAX_QUESTION), parsed.slug || undefined, pickedPrivately(interaction), ctx);
}

/** The menu's answer is as private as the miss it was picked from. */
function pickedPrivately(interaction: APIMessageComponentInteraction): boolean {
  return ((interaction.message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

function staleButton(): Reply {
  return {
    data: message({ content: 'This button belongs to an article this bot no longer serves. Ask again with /ask.', ephemeral: true }),
  };
}

function morePage(interaction: APIMessageComponentInteraction, ctx: CommandContext, update: boolean): Reply {
  const parsed = parseAskButton(interaction.data.custom_id);
  const engine = parsed && ctx.library.engine(parsed.slug);
  if (!parsed || !engine || (parsed.kind !== 'more' && parsed.kind !== 'next')) return staleButton();
  const passages = parsed.passageIds.map((id) => engine.passage(id)).filter((p): p is Passage => p !== undefined);
  return { data: moreMatchesReply(passages, engine.pack.meta, { ephemeral: true }), update };
}

// A public answer stays as posted and the clicker gets a private page; paging edits that private page.
export const components: ComponentRoute[] = [
  { prefix: 'ask:more', ephemeral: () => true, handle: (i, ctx) => morePage(i, ctx, false) },
  { prefix: 'ask:next', update: () => true, handle: (i, ctx) => morePage(i, ctx, true) },
  {
    prefix: 'ask:ctx',
    ephemeral: () => true,
    handle(interaction, ctx) {
      const parsed = parseAskButton(interaction.data.custom_id);
      const engine = parsed && ctx.library.engine(parsed.slug);
      if (!parsed || !engine || parsed.kind !== 'ctx') return staleButton();
      const passage = engine.passage(parsed.passageId);
      const paragraph = passage && engine.paragraph(passage.paragraph);
      if (!passage || !paragraph) return staleButton();
      const neighbours = { before: engine.paragraph(paragraph.index - 1), after: engine.paragraph(paragraph.index + 1) };
      return { data: contextReply(passage, paragraph, neighbours, engine.pack.meta, { ephemeral: true }) };
    },
  },
  { prefix: 'ask:miss', ephemeral: () => true, handle: feedback },
  { prefix: DID_YOU_MEAN, ephemeral: pickedPrivately, handle: pickedQuestion },
];

/** The question an answer message shows as its embed title (“…”, escaped), back as plain text. */
export function questionFromMessage(interaction: APIMessageComponentInteraction): string {
  const title = interaction.message?.embeds?.[0]?.title ?? '';
  return title
    .replace(/^“|”$/g, '')
    .replace(/\u200b/g, '')
    .replace(/\\([\\*_~`|[\]>#+\-.])/g, '$1')
    .trim();
}

/** Presses already counted, per answer message and user, in memory only (never stored). */
const pressed = new Set<string>();
const MAX_PRESSED = 10_000;

/** "This didn't answer me": logged for the moderators with the question, article and passage, never who pressed. */
function feedback(interaction: APIMessageComponentInteraction, ctx: CommandContext): Reply {
  const parsed = parseAskButton(interaction.data.custom_id);
  if (!parsed || parsed.kind !== 'miss') return staleButton();
  const thanks = (text: string): Reply => ({ data: message({ content: text, ephemeral: true }) });
  const key = `${interaction.message?.id ?? ''}:${interaction.member?.user.id ?? interaction.user?.id ?? ''}`;
  if (pressed.has(key)) return thanks('Already noted for the moderators. Thanks!');
  pressed.add(key);
  if (pressed.size > MAX_PRESSED) pressed.delete(pressed.values().next().value!);
  const question = questionFromMessage(interaction);
  const passage = ctx.library.engine(parsed.slug)?.passage(parsed.passageId);
  if (question) {
    recordFeedback(ctx.curator, { question, article: parsed.slug, guildId: ctx.guildId ?? null, candidate: passage?.text ?? null, score: confidenceOf(interaction) });
  }
  return thanks('Thanks, noted for the moderators.');
}

/** The confidence the answer showed ("High (82%): …" → 0.82), if its message carries it. */
function confidenceOf(interaction: APIMessageComponentInteraction): number | null {
  const field = interaction.message?.embeds?.[0]?.fields?.find((f) => f.name === 'Confidence');
  const pct = field && /\((\d{1,3})%\)/.exec(field.value)?.[1];
  return pct ? Number(pct) / 100 : null;
}
