// An engine that loads its parts when first asked (issue 14). In a library most packs are asked only
// two things by most questions: how relevant they are (a question is fully ranked by the 3 most
// relevant articles) and, while a reader types, suggestions. Both come from a small summary of the
// pack (its passages' term counts and the names its suggestions offer), so a start that finds every
// pack's parts in the on-disk cache (runtime/passage-cache.ts) reads only the summaries, and a pack's
// parts are read (or built) the first time anything else is asked of it. The answers are the very
// ones the loaded engine gives: relevance is the same function over the same counts.
import type { KnowledgePack } from '../knowledge/schema.ts';
import { engineFromParts, stemRelevance, type EngineParts } from './create-engine.ts';
import { Suggester, suggestionNames } from './suggest.ts';
import type { TermCounts } from './term-index.ts';
import type { Engine } from './types.ts';

/** What a library keeps of a pack it has not loaded. */
export interface PackSummary {
  /** The passages' term statistics, as much of them as relevance reads. */
  passages: TermCounts;
  /** The names an uncurated pack's suggestions offer (suggestionNames); [] for a curated pack. */
  names: string[];
}

/** A lazy engine with neither summary nor parts yet (its pack is being built on a worker): anything but its pack, paragraphs and timeline builds it on this thread. */
export const isPending = (engine: Engine): boolean => 'pending' in engine && engine.pending === true;

export function summaryOf(parts: EngineParts): PackSummary {
  const { terms, start, count } = parts.index.passages;
  return { passages: { terms, start, count }, names: suggestionNames(parts.pack, parts.records) };
}

export interface LazyEngine extends Engine {
  /** True once the parts are loaded: something beyond relevance, suggestions, paragraphs or the timeline was asked. */
  readonly loaded: boolean;
  /** True while there is neither summary nor parts: a pack still being built elsewhere, which anything asked of it builds here. */
  readonly pending: boolean;
  /** The summary of a pending pack, once it has been built elsewhere (ignored when the engine has one, or its parts). */
  provide(summary: PackSummary): void;
}

/**
 * `load` gives the pack's parts (read from the cache, or built) and is called at most once, on the first
 * question that needs them. Relevance given the question's stems, suggestions, paragraphs, the timeline
 * and the passage count are answered from the pack and `summary` until then. Without a summary (a pack
 * being built on another thread) the engine is pending: `summarise` is tried first (the other thread
 * may have finished it), then anything but its paragraphs and timeline loads it.
 */
export function lazyEngine(pack: KnowledgePack, summary: PackSummary | undefined, load: () => EngineParts, summarise?: () => PackSummary | undefined): LazyEngine {
  let engine: Engine | undefined;
  let kept = summary;
  /** A pending engine first looks whether its summary can be had now (the worker may have written the pack) before it loads. */
  const summarised = (): PackSummary | undefined => (kept ??= engine ? undefined : summarise?.());
  let suggester: Suggester | undefined;
  const full = (): Engine => {
    if (!engine) {
      engine = engineFromParts(load());
      kept = undefined; // the engine's own index answers from now on
    }
    return engine;
  };
  return {
    pack,
    get loaded() {
      return engine !== undefined;
    },
    get pending() {
      return engine === undefined && kept === undefined;
    },
    provide(summary) {
      if (!engine && !kept) kept = summary;
    },
    answer: (question, options) => full().answer(question, options),
    relevance(question, stems) {
      const known = !engine && stems ? summarised() : undefined;
      return known ? stemRelevance(known.passages, stems!) : full().relevance(question, stems);
    },
    suggest(partial, limit = 25) {
      if (!suggester) {
        // The loaded engine's suggester is made from the same pack and names: the same suggestions.
        const known = summarised();
        if (!known) return full().suggest(partial, limit);
        suggester = new Suggester(pack, known.names);
      }
      return suggester.suggest(partial, limit);
    },
    passageCount: () => summarised()?.passages.count ?? full().passageCount(),
    paragraph: (i) => pack.paragraphs[i],
    passage: (id) => full().passage(id),
    passageByKey: (key) => full().passageByKey(key),
    findEntity: (name) => full().findEntity(name),
    mentions: (entityId) => full().mentions(entityId),
    quotes: (filter) => full().quotes(filter),
    timeline: () => [...pack.timeline].sort((a, b) => a.date.localeCompare(b.date)),
  };
}
