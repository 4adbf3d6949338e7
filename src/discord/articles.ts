// The `article` option every command has: its definition, its autocomplete (slug as value, title as
// name), and how a command turns it into the article(s) to search. Without the option a guild's
// default article (/settings) applies; without either, the whole library (or, for commands that need
// one article, the only one, else the user is asked to choose). The replies that list the library are
// in src/reply/library.ts. An article still being built at start (library.loading()) is left out of
// "every article" and, named, gets "still loading" instead of a build on this thread.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandStringOption,
  type APIEmbed,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { Engine, Library } from '../engine/index.ts';
import type { ArticleMeta } from '../knowledge/schema.ts';
import { escapeText, oneLine, plainText } from '../reply/escape.ts';
import { LIMITS } from '../reply/limits.ts';
import { COLOURS, message } from '../reply/message.ts';
import { articleLoadingReply, libraryReply, unknownArticleReply } from '../reply/library.ts';
import { truncate } from '../reply/truncate.ts';
import { toChoices } from './choices.ts';
import type { CommandContext, Reply } from './command.ts';

export const ARTICLE_OPTION = 'article';

/**
 * Recorded as the article of a question asked of the whole library that no article answered (slugs
 * are [a-z0-9-], so it cannot be one).
 */
export const ALL_ARTICLES = '*';

/** The optional `article` string option, autocompleted from the library. */
export function articleOption(
  description = "Which article (default: the server's default article, else all of them).",
): APIApplicationCommandStringOption & { type: ApplicationCommandOptionType.String; name: typeof ARTICLE_OPTION } {
  return { type: ApplicationCommandOptionType.String, name: ARTICLE_OPTION, description, autocomplete: true, max_length: 100 };
}

/**
 * Articles whose slug, title or publisher contain what was typed (prefix matches first), ≤ 25 choices.
 * One still loading is offered marked so (the metadata costs nothing; hidden, it would look missing).
 */
export function articleChoices(library: Library, typed: string): APIApplicationCommandOptionChoice<string>[] {
  const key = oneLine(typed).toLowerCase();
  const text = (a: ArticleMeta) => `${a.slug} ${a.title} ${a.publisher}`.toLowerCase();
  const starts = library.articles.filter((a) => !key || a.slug.startsWith(key) || a.title.toLowerCase().startsWith(key));
  const contains = key ? library.articles.filter((a) => !starts.includes(a) && text(a).includes(key)) : [];
  const loading = loadingSlugs(library);
  return toChoices([...starts, ...contains].map((a) => ({ name: loading.has(a.slug) ? `${truncate(oneLine(a.title), LIMITS.choiceName - 18)} (still loading)` : a.title, value: a.slug })));
}

const loadingSlugs = (library: Library) => new Set(library.loading().map((a) => a.slug));

/** The reply for an article still being built at start, else undefined (library.loading()). */
export function loadingReply(library: Library, slug: string): Reply | undefined {
  const meta = library.loading().find((a) => a.slug === slug);
  return meta ? { data: articleLoadingReply(meta) } : undefined;
}

/** How many articles a question asked in `scope` could not search yet: 0 for one article. */
export function loadingIn(scope: ArticleScope, library: Library): number {
  return scope.slug === undefined ? library.loading().length : 0;
}

/** The guild's default article, if it is set and still in the library. */
export function defaultArticle(ctx: CommandContext, library: Library = ctx.library): ArticleMeta | undefined {
  const slug = ctx.settings?.defaultArticle;
  return slug ? library.articles.find((a) => a.slug === slug) : undefined;
}

export type ArticleScope =
  /** One article: named by the option, the guild's default, or the library's only one. */
  | { slug: string; engine: Engine; meta: ArticleMeta; from: 'option' | 'default' | 'only' }
  /** The whole library (no option, no default, several articles). */
  | { slug: undefined; from: 'all' };

/**
 * What an interaction asks about. `value` is the option as given: a slug from autocomplete, or a title
 * or slug typed by hand. An unknown value is an error reply listing the library, never a silent fallback.
 * One still loading is the "still loading" reply, unless `packOnly` (the command reads only the pack's
 * own fields, paragraphs or timeline, which a pending engine answers without a build).
 */
export function articleScope(value: string | undefined, ctx: CommandContext, options: { packOnly?: boolean } = {}): { scope: ArticleScope } | { reply: Reply } {
  const library = ctx.library;
  const one = (meta: ArticleMeta, from: 'option' | 'default' | 'only'): { scope: ArticleScope } | { reply: Reply } => {
    const loading = options.packOnly ? undefined : loadingReply(library, meta.slug);
    return loading ? { reply: loading } : { scope: { slug: meta.slug, engine: library.engine(meta.slug)!, meta, from } };
  };
  const typed = value?.trim();
  if (typed) {
    const meta = library.articles.find((a) => a.slug === typed) ?? library.findArticle(typed);
    return meta ? one(meta, 'option') : { reply: { data: unknownArticleReply(typed, library.articles) } };
  }
  const fallback = defaultArticle(ctx, library);
  if (fallback) return one(fallback, 'default');
  if (library.articles.length === 1) return one(library.articles[0]!, 'only');
  return { scope: { slug: undefined, from: 'all' } };
}

/** For commands that need one article: the scope's, or a reply asking the user to choose one. */
export function oneArticle(value: string | undefined, ctx: CommandContext, command: string, options: { packOnly?: boolean } = {}): { slug: string; engine: Engine; meta: ArticleMeta } | { reply: Reply } {
  const r = articleScope(value, ctx, options);
  if ('reply' in r) return r;
  if (r.scope.slug !== undefined) return r.scope;
  return {
    reply: {
      data: libraryReply(ctx.library.articles, {
        title: 'Which article?',
        intro: `\`/${command}\` shows one article. Choose it with the \`article\` option; a moderator can set a default with \`/settings article\`.`,
        ephemeral: true,
      }),
    },
  };
}

/** Every article's engine but those still loading, or the scope's one, in library order. */
export function enginesIn(scope: ArticleScope, library: Library): Engine[] {
  if (scope.slug !== undefined) return [scope.engine];
  const loading = loadingSlugs(library);
  return library.articles.filter((a) => !loading.has(a.slug)).map((a) => library.engine(a.slug)!);
}
