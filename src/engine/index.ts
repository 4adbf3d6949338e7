// The engine's public face: everything outside engine/ imports the engine from here, never a file
// inside it, so the engine's files can be split, merged and renamed without touching its users.
// (The two tools that build the engine's own data files, src/cli/train.ts and
// src/cli/build-wordnet.ts, are the exception: they work on its insides by design.)

// Answering: one article, or a library of them.
export { createEngine } from './create-engine.ts';
// A reload builds the costly half on a worker thread and wraps it on the main thread (src/runtime/load-off-thread.ts).
export { buildEngineParts, engineFromParts, type EngineParts } from './create-engine.ts';
/** The index alone over passages already made, for `npm run bench`'s "index proper" row. */
export { indexParts } from './create-engine.ts';
/** Built parts as bytes and back: the on-disk index cache (src/runtime/passage-cache.ts) keeps them. */
export { decodeParts, decodeSummary, encodeParts, encodeSummary } from './parts-file.ts';
/** A pack answered from its summary until first asked for more (a library's start reads only summaries from the cache). */
export { isPending, lazyEngine, summaryOf, type LazyEngine, type PackSummary } from './lazy-engine.ts';
export { createLibrary, libraryOfEngines, type Library, type LibraryAskOptions, type LibraryBuildOptions } from './library.ts';
export type { Answer, ArticleFacet, AskOptions, ConfidenceBand, Engine, Passage } from './types.ts';
/** Passage keys: the short hash of a sentence that button ids carry, so they survive edits of the pack. */
export { PASSAGE_KEY, PASSAGE_KEY_LENGTH, passageKey } from './passage-key.ts';
/** The tuned ranking constants, among them the low-confidence threshold the replies and the unanswered log share. */
export { RANKING } from './ranking-defaults.ts';
export { bandOf } from './band.ts';

// The text tools the ingest drafts a knowledge pack with, so a draft splits and weighs text as the engine will.
export { buildPassages, type PassageRecord } from './passages.ts';
export { splitSentences, type Span } from './sentences.ts';
export { everydayRank } from './background.ts';
export { STOP_WORDS } from './text.ts';
/** Occupations written as a title before a name ("Hydrologist Anna Berg"), for the ingest's entities as for attribution. */
export { OCCUPATION } from './attribution.ts';
