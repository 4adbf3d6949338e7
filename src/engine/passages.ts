// Turns a knowledge pack into passages: one per sentence of every answerable paragraph, each with
// its attribution (curated when the pack has it, inferred from the wording otherwise) and the
// extra words (entity aliases, curator keywords) a reader may use for it.
import { type KnowledgePack, type Fact, type Entity, UNKNOWN_ROLE } from '../knowledge/schema.ts';
import { Attributor } from './attribution.ts';
import { splitSentences } from './sentences.ts';
import { STOP_WORDS, tokenize, type Token } from './text.ts';
import { meansThoseBefore, namesIn } from './coreference.ts';
import { phraseMeanings } from './lexicon.ts';

export interface PassageRecord {
  id: number;
  paragraph: number;
  paragraphLabel: string;
  kind: 'headline' | 'body' | 'credits';
  text: string;
  speaker: string;
  role?: string;
  how: string;
  /** Stems of the speaker's words, to favour what X said when asked what X said. */
  speakerStems: Set<string>;
  /** Entities the passage mentions (ids). */
  entities: string[];
  /**
   * Words the passage does not contain but answers to: its section's subhead, aliases of its entities, curator keywords, its speaker and where they spoke.
   * Only the term index reads them: an engine's records have it emptied once indexed (buildEngineParts).
   */
  expansion: string;
  /**
   * Whom "the pair" or "the ministers" means, when the sentence names nobody itself: the names of the sentence
   * that last named someone. Indexed as the sentence's own words, not as related ones: a description that
   * stands for names says the sentence is about them ("he" is less sure, so it stays in the expansion).
   */
  referents?: string[];
  /** The text's tokens, made once here for the index (the index keeps them). */
  tokens?: Token[];
}

export function buildPassages(pack: KnowledgePack): PassageRecord[] {
  const out: PassageRecord[] = [];
  const aliasIndex = entityAliases(pack.entities);
  // What `npm run ingest` guessed (entities, keywords) is not yet evidence: a generated pack's passages
  // answer to the words its bare article's do, the words the learned ranker was trained on (it read the
  // ingested entities' full names as coverage: "The ministry said Rudenko …" for "andrei rudenkov's job").
  // Its entities still mark what each passage mentions; a curator's sign-off (dropping meta.generated)
  // makes them and the keywords the passage's words.
  const guessed = pack.meta.generated === true;
  const publisher = pack.meta.publisher;
  const attributor = new Attributor();
  // Most passages share a few speakers (the publisher above all): their stems are made once each.
  const stemsOfSpeaker = new Map<string, Set<string>>();
  const speakerStems = (speaker: string) => {
    let stems = stemsOfSpeaker.get(speaker);
    if (!stems) stemsOfSpeaker.set(speaker, (stems = new Set(tokenize(speaker).filter((t) => !STOP_WORDS.has(t.word)).map((t) => t.stem))));
    return stems;
  };
  // Names of the last body sentence that named someone, for the next one that refers back to them.
  let lastNames: string[] = [];
  for (const para of pack.paragraphs) {
    const facts = pack.facts.filter((f) => f.paragraph === para.index);
    attributor.paragraph();
    for (const span of sentencesOf(para.text, para.kind)) {
      const fact = factFor(facts, para.text, span.start, span.end);
      const tokens = tokenize(span.text);
      const mentioned = mentionedEntities(span.text, tokens, aliasIndex);
      const inferred = para.kind === 'body' ? attributor.sentence(span.text) : undefined;
      const attribution = fact
        ? { speaker: fact.attribution.speaker, role: fact.attribution.role, how: fact.attribution.how }
        : inferred
          ? { speaker: inferred.speaker, role: inferred.role, how: inferred.how }
          : { speaker: publisher, how: para.kind === 'headline' ? 'the headline' : "the article's own reporting" };
      // Only a sentence that names nobody of its own needs its "he" or "the pair" resolved.
      const evidence = guessed ? [] : mentioned;
      const people = evidence.filter((e) => e.type === 'person' || e.type === 'organisation').sort((a, b) => Number(b.type === 'person') - Number(a.type === 'person'));
      const named = para.kind === 'body' ? namesIn(span.text, people.map((e) => e.name).filter(isFullName), !guessed && pack.entities.length > 0, tokens) : [];
      const reference = para.kind === 'body' ? meansThoseBefore(span.text, named) : undefined;
      const referred = reference ? lastNames : [];
      if (named.length && !referred.length) lastNames = named.slice(0, MAX_REFERENTS);
      const expansion = [
        KIND_WORDS[para.kind],
        // "who got man of the match in england tunisia": the subhead says which match the paragraph is about.
        para.section ?? '',
        // A pronoun's referent is a guess (the last names seen), so it counts as a related word; see referents.
        ...(reference === 'pronoun' ? referred : []),
        ...phraseMeanings(span.text),
        ...evidence.flatMap((e) => [e.name, ...e.aliases.filter(isProperName)]),
        // "what did the trust say about the farmer" of "… talking to Price": a person named is also found by
        // the role the pack gives them ("farmer"), as a reader calls them (a curated pack's roles only, as its names).
        ...evidence.map((e) => (e.role && e.role !== UNKNOWN_ROLE && e.type === 'person' ? e.role : '')),
        ...(guessed ? [] : fact?.keywords ?? []),
        attribution.speaker,
        attribution.role ?? '',
        // "said in her acceptance speech": every sentence of the statement was said there, not only the first.
        / in (.+)$/.exec(attribution.how)?.[1] ?? '',
      ].join(' ');
      out.push({
        id: out.length,
        paragraph: para.index,
        paragraphLabel: para.label,
        kind: para.kind,
        text: span.text,
        ...attribution,
        speakerStems: speakerStems(attribution.speaker),
        entities: mentioned.map((e) => e.id),
        expansion,
        ...(reference === 'description' && referred.length ? { referents: referred } : {}),
        tokens,
      });
    }
  }
  for (const headline of out) if (headline.kind === 'headline' && headline.speaker === publisher && !pack.facts.some((f) => f.paragraph === headline.paragraph)) restatedSource(headline, out, publisher);
  return out;
}

/** A headline's words that must be a body sentence's for the headline to restate that sentence. */
const RESTATED_SHARE = 0.5;

/**
 * "China Backs Russia's Actions …" restates "China said it supports Russia's actions …": the headline is
 * the publisher's, but what it reports is the source's, so its `how` names that source.
 */
function restatedSource(headline: PassageRecord, passages: PassageRecord[], publisher: string): void {
  const words = new Set(headline.tokens!.filter((t) => !STOP_WORDS.has(t.word)).map((t) => t.stem));
  if (words.size < 3) return;
  let best: PassageRecord | undefined;
  let bestShared = 0;
  for (const p of passages) {
    if (p.kind !== 'body') continue;
    const shared = new Set(p.tokens!.filter((t) => words.has(t.stem)).map((t) => t.stem)).size;
    if (shared > bestShared) [best, bestShared] = [p, shared];
  }
  if (best && best.speaker !== publisher && bestShared >= RESTATED_SHARE * words.size) headline.how = `the headline, reporting ${best.speaker}`;
}

/** A reference back ("the pair", "he") stands for at most this many of the names before it. */
const MAX_REFERENTS = 3;

/** How readers ask for the parts of an article that are not body text. */
const KIND_WORDS: Record<string, string> = {
  headline: 'headline title',
  credits: 'credits byline contributors contributed authors reporters writers write wrote written reporting assistance assisted help helped',
  body: '',
};

/** Headlines and credit lines are one passage even when they contain a full stop. */
function sentencesOf(text: string, kind: string) {
  return kind === 'body' ? splitSentences(text) : [{ text: text.trim(), start: 0, end: text.length }];
}

/** The curated fact that covers most of this sentence, if any. */
function factFor(facts: Fact[], paragraph: string, start: number, end: number): Fact | undefined {
  let best: Fact | undefined;
  let bestOverlap = 0;
  for (const f of facts) {
    const at = paragraph.indexOf(f.text);
    if (at < 0) continue;
    const overlap = Math.min(end, at + f.text.length) - Math.max(start, at);
    if (overlap > bestOverlap) {
      best = f;
      bestOverlap = overlap;
    }
  }
  return bestOverlap > 0.3 * (end - start) ? best : undefined;
}

interface Alias {
  words: string[];
  /** An all-capitals alias is an acronym ("TIME", "PLA"): "time" in a sentence is not a mention. */
  acronym: boolean;
  entity: Entity;
}

/** Aliases by their first word, so finding mentions is one map look-up per word of the sentence. */
type AliasIndex = Map<string, Alias[]>;

function entityAliases(entities: Entity[]): AliasIndex {
  const index: AliasIndex = new Map();
  for (const entity of entities) {
    // Only names with a capital letter mark a mention: "the uprising" or "authorities" also occur
    // where they mean something else, and would drag an entity's every alias into the wrong passage.
    for (const alias of [entity.name, ...entity.aliases].filter(isProperName)) {
      const words = tokenize(alias).map((t) => t.word);
      if (!words.length) continue;
      const list = index.get(words[0]!) ?? [];
      list.push({ words, acronym: !/\p{Ll}/u.test(alias), entity });
      index.set(words[0]!, list);
    }
  }
  return index;
}

const isProperName = (alias: string) => /\p{Lu}/u.test(alias);
/** "Qin Gang", not "a Chinese Foreign Ministry spokesperson": only a name proper in every word is someone a reference can mean. */
const isFullName = (name: string) => name.split(/\s+/).every((w) => /^\p{Lu}/u.test(w));

function mentionedEntities(text: string, tokens: Token[], index: AliasIndex): Entity[] {
  if (index.size === 0) return [];
  const seen = new Map<string, Entity>();
  tokens.forEach((t, i) => {
    for (const alias of index.get(t.word) ?? []) {
      if (seen.has(alias.entity.id)) continue;
      const fits = alias.words.every((w, k) => {
        const at = tokens[i + k];
        return at !== undefined && at.word === w && (!alias.acronym || !/\p{Ll}/u.test(text.slice(at.start, at.end)));
      });
      if (fits) seen.set(alias.entity.id, alias.entity);
    }
  });
  return [...seen.values()];
}
