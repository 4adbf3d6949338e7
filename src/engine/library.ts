// Several articles answered as one: each answer names the article it came from. A cheap relevance cut
// (which articles use the question's words at all) keeps a 50-article library as fast as one article.
import type { ArticleMeta, KnowledgePack } from '../knowledge/schema.ts';
import { createEngine, engineFromParts, type EngineParts } from './create-engine.ts';
import { isPending } from './lazy-engine.ts';
import type { Answer, AskOptions, Engine, Passage } from './types.ts';
import { contentTokens } from './text.ts';

/** How many of the most relevant articles are fully ranked for a question asked of the whole library. */
const ARTICLES_RANKED = 3;

export interface LibraryAskOptions extends AskOptions {
  /** Slug of one article to ask; the whole library when absent. */
  article?: string;
}

export interface Library {
  readonly articles: ArticleMeta[];
  engine(slug: string): Engine | undefined;
  /** Finds an article by slug, or by title words ("wagner" → the Wagner story). */
  findArticle(nameOrSlug: string): ArticleMeta | undefined;
  answer(question: string, options?: LibraryAskOptions): Answer;
  suggest(partial: string, options?: { article?: string; limit?: number }): string[];
  /**
   * The articles still being built on another thread (a start's background build, lazy-engine.ts's
   * pending). A question or suggestions for the whole library leave them out, and suggestions for one
   * of them are none: asked anything else, such an article's engine would build it on this thread.
   */
  loading(): ArticleMeta[];
}

export interface LibraryBuildOptions {
  /** Gives a pack's built parts instead of building them here: runtime/passage-cache.ts reads them from its cache, or builds and keeps them. */
  partsOf?: (pack: KnowledgePack) => EngineParts;
  /** Gives a pack's engine (before partsOf): runtime/passage-cache.ts gives a lazy one (lazy-engine.ts) for a pack it holds. */
  engineOf?: (pack: KnowledgePack) => Engine;
}

export function createLibrary(packs: KnowledgePack[], options: LibraryBuildOptions = {}): Library {
  const { partsOf, engineOf } = options;
  return libraryOfEngines(packs.map((pack) => (engineOf ? engineOf(pack) : partsOf ? engineFromParts(partsOf(pack)) : createEngine(pack))));
}

/** A library of engines already built (a reload builds them off the main thread, one by one). */
export function libraryOfEngines(list: Engine[]): Library {
  const engines = new Map<string, Engine>();
  for (const engine of list) {
    const pack = engine.pack;
    if (engines.has(pack.meta.slug)) throw new Error(`Two articles share the slug "${pack.meta.slug}" (${pack.source})`);
    engines.set(pack.meta.slug, engine);
  }
  const articles = [...engines.values()].map((e) => e.pack.meta);
  const byScore = (a: Passage, b: Passage) => b.score - a.score;
  // A pending engine never turns pending again: the list only shrinks, and is empty once the build is in.
  let waiting = list.filter(isPending);
  const loading = () => (waiting.length > 0 ? (waiting = waiting.filter(isPending)) : waiting);
  const ready = () => (loading().length > 0 ? [...engines.values()].filter((e) => !isPending(e)) : [...engines.values()]);

  return {
    articles,
    engine: (slug) => engines.get(slug),
    findArticle(nameOrSlug) {
      const key = String(nameOrSlug ?? '').trim().toLowerCase();
      if (!key) return undefined;
      return articles.find((a) => a.slug === key) ?? articles.find((a) => a.title.toLowerCase().includes(key));
    },
    answer(question, options = {}) {
      if (options.article) {
        const engine = engines.get(options.article);
        if (!engine) throw new Error(`No article "${options.article}" in the library`);
        return engine.answer(question, options);
      }
      if (engines.size === 1) return [...engines.values()][0]!.answer(question, options);
      const asked = ready();
      if (asked.length === 0) return emptyAnswer(question, 'Every article is still loading: ask again in a few seconds.');
      const stems = [...new Set(contentTokens(String(question ?? '').slice(0, 1000)).map((t) => t.stem))];
      let scored = asked.map((engine) => ({ engine, relevance: engine.relevance(question, stems) }));
      // Only when no article has any word as typed (all typos?) is the slower path with typo repair worth it.
      if (!scored.some((s) => s.relevance > 0)) scored = scored.map(({ engine }) => ({ engine, relevance: engine.relevance(question) }));
      const ranked = scored.sort((a, b) => b.relevance - a.relevance).slice(0, ARTICLES_RANKED);
      const answers = ranked.map(({ engine }) => engine.answer(question, options));
      const found = answers.filter((a) => a.found).sort((a, b) => b.answer!.score - a.answer!.score);
      if (!found.length) return answers[0] ?? emptyAnswer(question);
      const [best, ...rest] = found;
      const n = options.alternatives ?? 4;
      const alternatives = [...best!.alternatives, ...rest.flatMap((a) => [a.answer!, ...a.alternatives])].sort(byScore).slice(0, n);
      return { ...best!, alternatives };
    },
    suggest(partial, options = {}) {
      const limit = options.limit ?? 25;
      if (options.article) {
        const engine = engines.get(options.article);
        return engine && !isPending(engine) ? engine.suggest(partial, limit) : [];
      }
      const lists = ready().map((e) => e.suggest(partial, limit));
      const out: string[] = [];
      // Round-robin, so one long article does not crowd out the others.
      for (let i = 0; out.length < limit && lists.some((l) => i < l.length); i++) {
        for (const l of lists) if (l[i] && !out.includes(l[i]!) && out.length < limit) out.push(l[i]!);
      }
      return out;
    },
    loading: () => loading().map((e) => e.pack.meta),
  };
}

function emptyAnswer(question: string, reason = 'The library has no articles.'): Answer {
  return { question, found: false, answer: null, alternatives: [], reason, missing: [], suggestions: [] };
}
