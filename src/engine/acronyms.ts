// "NYC", "the SP", "the PO": readers shorten a name the article spells out ("New York City", "the
// Scottish Parliament", "the Presiding Officer"). An acronym the article never writes stands for the
// run of capitalised words whose initials spell it.
import { STOP_WORDS, tokenize, type Token } from './text.ts';

/** The name an acronym stands for in this article ("nyc" → "New York City"), if one spells it. */
export type Acronyms = (acronym: string) => string | undefined;

/** Small words inside a name that its acronym skips: "Bank of America", "Department for Education". */
const JOINERS = new Set(['of', 'for', 'and', 'the', 'on', 'de']);

/** How a question word reads as an acronym: two to six capitals, a plural "s" allowed ("MSPs"). */
const ACRONYM = /^([A-Z]{2,6})s?$/;

export function acronymKey(surface: string): string | undefined {
  return ACRONYM.exec(surface)?.[1]!.toLowerCase();
}

/** `tokens`: each text's tokens, when the index has them already. */
export function acronymsOf(texts: readonly string[], tokens: readonly (readonly Token[])[] = texts.map((t) => tokenize(t))): Acronyms {
  // initials → the name's spellings and how often each occurs; the commonest spelling wins
  const names = new Map<string, Map<string, number>>();
  const note = (words: string[]) => {
    const initials = words.filter((w) => !JOINERS.has(w));
    if (initials.length < 2) return;
    const key = initials.map((w) => w[0]!.toLowerCase()).join('');
    const name = words.join(' ');
    const counts = names.get(key) ?? new Map<string, number>();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    names.set(key, counts);
  };
  // Words the article also writes in lower case: a name with one ("the Presiding Officer", "New York City")
  // is a title or a place, which readers shorten; one without ("Thomas Davis") is a person's, which they do not.
  const plain = new Set<string>();
  texts.forEach((text, k) => {
    let run: string[] = [];
    let joiner: string | null = null;
    for (const t of tokens[k]!) {
      const surface = text.slice(t.start, t.end);
      if (!t.capital) plain.add(t.word);
      if (t.capital && !STOP_WORDS.has(t.word) && !/^[A-Z]+$/.test(surface)) {
        if (joiner) run.push(joiner);
        run.push(surface);
        joiner = null;
      } else if (run.length && !joiner && !t.capital && JOINERS.has(t.word)) {
        joiner = t.word;
      } else {
        note(run);
        run = [];
        joiner = null;
      }
    }
    note(run);
  });
  const chosen = new Map<string, string>();
  for (const [key, counts] of names) {
    const spellings = [...counts].filter(([name]) => name.split(' ').some((w) => !JOINERS.has(w) && plain.has(w.toLowerCase())));
    if (spellings.length) chosen.set(key, spellings.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  }
  return (acronym) => chosen.get(acronym);
}
