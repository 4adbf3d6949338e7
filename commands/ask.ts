// /ask: the passage that answers a question, with attribution, source and confidence, plus the
// "More matches", "Show context" and "This didn't answer me" buttons whose custom_ids make them work
// after a restart and after an edit of the article (src/reply/buttons.ts). Without the article option
// (and without a guild default) it searches every article, and the source line names the article the
// answer came from. Misses and low-confidence
// answers are recorded for the moderators (/kb unanswered), without who asked.
import { ApplicationCommandOptionType, ComponentType, MessageFlags, type APIMessageComponentInteraction } from 'discord-api-types/v10';
import { recordFeedback } from '../src/store/record.ts';
import { articleScope, loadingIn, loadingReply } from '../src/discord/articles.ts';
import type { CommandContext, ComponentRoute, Reply } from '../src/discord/command.ts';
import { toChoices } from '../src/discord/choices.ts';
import { userId } from '../src/discord/invoker.ts';
import { cleanQuestion } from '../src/discord/question.ts';
import type { Engine, Passage } from '../src/engine/index.ts';
import { MATCHES_PER_PAGE, answerReply } from '../src/reply/answer.ts';
import { message } from '../src/reply/message.ts';
import { withLoadingNote } from '../src/reply/library.ts';
import { ROUTES, decodeAskButton, decodeDidYouMean, type AskButton } from '../src/reply/buttons.ts';
import { articleChangedReply, contextReply, moreMatchesReply } from '../src/reply/passages.ts';
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
    // Suggestions from the article chosen (or the guild's default); from every article otherwise. One
    // still loading is kept as chosen (packOnly): the library suggests nothing from it, never the others'.
    const target = articleScope(args.article, ctx, { packOnly: true });
    const slug = 'scope' in target ? target.scope.slug : undefined;
    return toChoices(ctx.library.suggest(cleanQuestion(focused.value), { limit: 25, ...(slug ? { article: slug } : {}) }));
  },
});

/** /ask's whole answer to a question, for the command and for a did-you-mean pick alike. */
function ask(question: string, article: string | undefined, isPrivate: boolean, ctx: CommandContext): Reply {
  const target = articleScope(article, ctx);
  if ('reply' in target) return target.reply;
  const { slug } = target.scope;
  const loading = loadingIn(target.scope, ctx.library);
  // The source line names the article the answer came from; passage ids in the buttons are that article's.
  const { answer, meta } = answerAndRecord(ctx, question, { slug, alternatives: ALTERNATIVES, closestSource: true });
  const searched = slug ? 1 : ctx.library.articles.length - loading;
  // Echo what the user typed (escaped), not the cleaned text the engine saw.
  return {
    data: withLoadingNote(answerReply({ ...answer, question }, meta, { ephemeral: isPrivate, searched, ...(slug ? { article: slug } : {}) }), loading),
    found: answer.found,
  };
}

/** A question picked from the did-you-mean menu is asked as /ask would ask it, where the miss was asked. */
function pickedQuestion(interaction: APIMessageComponentInteraction, ctx: CommandContext): Reply {
  const parsed = decodeDidYouMean(interaction.data.custom_id);
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

/** The button's id, read, with the engine of the article it names; a Reply instead when there is nothing to show. */
function readButton<K extends AskButton['kind']>(
  interaction: APIMessageComponentInteraction,
  ctx: CommandContext,
  kinds: readonly K[],
  replacing = false,
): { button: Extract<AskButton, { kind: K }>; engine: Engine } | Reply {
  const button = decodeAskButton(interaction.data.custom_id);
  const engine = button && ctx.library.engine(button.slug);
  if (!button || !engine) return staleButton();
  if (button.kind === 'outdated') return changed(replacing);
  const loading = loadingReply(ctx.library, button.slug); // a button from before a restart, its article not indexed yet
  if (loading) return loading;
  if (!(kinds as readonly string[]).includes(button.kind)) return staleButton();
  return { button: button as Extract<AskButton, { kind: K }>, engine };
}

/** A passage the button named is gone: privately, "the article has changed", never another passage. */
const changed = (replacing: boolean): Reply => ({ data: articleChangedReply({ replacing }), ...(replacing ? { update: true } : {}) });

function morePage(interaction: APIMessageComponentInteraction, ctx: CommandContext, update: boolean): Reply {
  const got = readButton(interaction, ctx, ['more', 'next'], update);
  if ('data' in got) return got;
  const { button, engine } = got;
  const passages = button.keys.map((key) => engine.passageByKey(key)).filter((p): p is Passage => p !== undefined);
  if (passages.length === 0) return changed(update);
  const data = moreMatchesReply(passages, engine.pack.meta, { ephemeral: true, changed: passages.length < button.keys.length });
  // Turning a page edits it: a "some are gone" line on the page before must not stay on this one.
  return { data: update ? { content: '', ...data } : data, update };
}

function showContext(interaction: APIMessageComponentInteraction, ctx: CommandContext): Reply {
  const got = readButton(interaction, ctx, ['ctx']);
  if ('data' in got) return got;
  const { button, engine } = got;
  const passage = engine.passageByKey(button.key);
  const paragraph = passage && engine.paragraph(passage.paragraph);
  if (!passage || !paragraph) return changed(false);
  const neighbours = { before: engine.paragraph(paragraph.index - 1), after: engine.paragraph(paragraph.index + 1) };
  return { data: contextReply(passage, paragraph, neighbours, engine.pack.meta, { ephemeral: true }) };
}

// A public answer stays as posted and the clicker gets a private page; paging edits that private page.
export const components: ComponentRoute[] = [
  { prefix: ROUTES.more, ephemeral: () => true, handle: (i, ctx) => morePage(i, ctx, false) },
  { prefix: ROUTES.next, update: () => true, handle: (i, ctx) => morePage(i, ctx, true) },
  { prefix: ROUTES.context, ephemeral: () => true, handle: showContext },
  { prefix: ROUTES.feedback, ephemeral: () => true, handle: feedback },
  { prefix: ROUTES.didYouMean, ephemeral: pickedPrivately, handle: pickedQuestion },
];

/** Presses already counted, per answer message and user, in memory only (never stored). */
const pressedBefore = new Set<string>();
const MAX_PRESSED = 10_000;

/** "This didn't answer me": logged for the moderators with the question, article and passage, never who pressed. */
function feedback(interaction: APIMessageComponentInteraction, ctx: CommandContext): Reply {
  const got = readButton(interaction, ctx, ['miss']);
  if ('data' in got) return got;
  const { button, engine } = got;
  const thanks = (text: string): Reply => ({ data: message({ content: text, ephemeral: true }) });
  const key = `${interaction.message?.id ?? ''}:${userId(interaction) ?? ''}`;
  if (pressedBefore.has(key)) return thanks('Already noted for the moderators. Thanks!');
  pressedBefore.add(key);
  if (pressedBefore.size > MAX_PRESSED) pressedBefore.delete(pressedBefore.values().next().value!);
  // The question and confidence come from the id; the passage only if it is still the same sentence.
  const passage = engine.passageByKey(button.key);
  if (button.question) {
    recordFeedback(ctx.curator, { question: button.question, article: button.slug, guildId: ctx.guildId ?? null, candidate: passage?.text ?? null, score: button.confidence });
  }
  return thanks('Thanks, noted for the moderators.');
}
