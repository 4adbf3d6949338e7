// Forms of one word the stemmer cannot join: irregular verbs ("meet" / "met", "say" / "said") and
// superlatives ("big" / "biggest"). A reader asks "did he meet anyone" of an article that says "met".
// General English morphology only: every form listed is the same word, never a related one, and a form
// that is also another everyday word ("left", "found", "saw", "rose") is left out, as are light verbs
// ("take", "go", "come") whose other forms mostly mean something else ("took a fall", "went wrong").
import { STOP_WORDS, stemWord } from './text.ts';

/** Each line: the base form, then its irregular past and participle forms. */
const IRREGULAR = `
arise arose arisen
bear bore borne
beat beaten
become became
begin began begun
bend bent
bleed bled
blow blew blown
break broke broken
bring brought
build built
burn burnt
buy bought
catch caught
choose chose chosen
creep crept
deal dealt
dig dug
draw drew drawn
drink drank drunk
drive drove driven
eat ate eaten
fall fell fallen
feed fed
feel felt
fight fought
flee fled
fly flew flown
forbid forbade forbidden
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
grow grew grown
hang hung
hear heard
hide hid hidden
hold held
keep kept
know knew known
lay laid
lead led
lend lent
lose lost
mean meant
meet met
pay paid
prove proven
ride rode ridden
ring rang rung
rise risen
run ran
see seen
seek sought
sell sold
send sent
shake shook shaken
shoot shot
show shown
shrink shrank shrunk
sing sang sung
sink sank sunk
sit sat
sleep slept
slide slid
speak spoke spoken
spend spent
stand stood
steal stole stolen
stick stuck
strike struck
swear swore sworn
sweep swept
swim swam swum
teach taught
tear tore torn
tell told
think thought
throw threw thrown
understand understood
wake woke woken
wear wore worn
win won
withdraw withdrew withdrawn
write wrote written
`;

const forms = new Map<string, string[]>();
for (const line of IRREGULAR.trim().split('\n')) {
  const stems = [...new Set(line.trim().split(/\s+/).map((w) => stemWord(w)))];
  for (const s of stems) forms.set(s, [...new Set([...(forms.get(s) ?? []), ...stems.filter((o) => o !== s)])]);
}

/** The stems of a word's irregular verb forms ("met" for "meet", "meet" for "met"). */
export function irregularForms(word: string): readonly string[] {
  return forms.get(stemWord(word)) ?? [];
}

/** The stems of a word's superlative, or of the adjective of its superlative, that the article uses (per `has`). */
export function superlatives(word: string, has: (word: string) => boolean): string[] {
  const own = stemWord(word);
  return [...new Set(superlativeForms(word).filter((w) => !STOP_WORDS.has(w) && has(w)).map((w) => stemWord(w)))].filter((s) => s !== own);
}

/** "big" ↔ "biggest", "large" ↔ "largest", "early" ↔ "earliest", "great" ↔ "greatest": spellings to look up. */
function superlativeForms(word: string): string[] {
  if (!/^[a-z]{3,}$/.test(word)) return [];
  const out: string[] = [];
  const m = /^(.*?)(i?)est$/.exec(word);
  if (m && m[1]!.length >= 3) {
    const base = m[1]!;
    if (m[2]) out.push(`${base}y`);
    else {
      out.push(base, `${base}e`);
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) out.push(base.slice(0, -1));
    }
  }
  const last = word.at(-1)!;
  if (word.endsWith('e')) out.push(`${word}st`);
  else if (word.endsWith('y')) out.push(`${word.slice(0, -1)}iest`);
  else {
    out.push(`${word}est`);
    if (/[^aeiou][aeiou][b-df-hj-np-tv-z]$/.test(word) && !/[wxy]$/.test(word)) out.push(`${word}${last}est`);
  }
  return out;
}
