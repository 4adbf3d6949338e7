// compromise's lexicon types the bare names our rules cannot: a country or city ("China", "Moscow"),
// a company ("Twitter"). Our capitalised-phrase rules find names far better than compromise does on
// news prose (it splits "President Vladimir" from "Putin" and misses most Chinese names), so it is
// only asked for a type. Loaded once, lazily: it costs about half a second.
import type { EntityType } from './entities.ts';

export type TypeGuesser = (name: string) => EntityType | undefined;

let guesser: Promise<TypeGuesser> | undefined;

export function loadTypeGuesser(): Promise<TypeGuesser> {
  guesser ??= import('compromise/two').then(({ default: nlp }) => (name: string) => {
    const doc = nlp(name);
    if (doc.has('#Place')) return 'place';
    if (doc.has('#Organization')) return 'organisation';
    if (doc.has('#Person')) return 'person';
    return undefined;
  });
  return guesser;
}
