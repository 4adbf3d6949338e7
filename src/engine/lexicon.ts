// Words a reader uses for what a news article says in other words. Each line is a group of
// near-synonyms; a question word pulls in its group at a reduced weight. Kept general (news
// vocabulary), never tied to one article's questions.
import { stemWord } from './text.ts';

const GROUPS = `
revolt mutiny uprising rebellion insurrection coup insurgency rebel rebels mutineers putsch
say said statement comment comments remark remarks declare announce announcement stated spokesperson spokesman spokeswoman
think thinks thought thoughts believe believes believed feel feels felt reckon reckons opinion opinions view views stance say said statement
meet met meeting meetings talks consultations consultation
discuss discussed discussion discussions talk talked conversation
support supports backing backs back endorse endorsement
fund funds funded funding finance finances financed financing sponsor sponsors sponsored sponsorship grant grants support supported
study studies studied research researched
prosecute prosecuted prosecution charge charges charged trial indict indicted punish punished amnesty
leave exile flee fled depart relocate go going goes went
die died dead death deaths kill killed casualties fatalities
leader lead leads head chief boss founder commander
trip visit visited travel traveled travelled journey go went
plan planned scheduled arranged prearranged
report reported coverage covered news media press broadcast
online internet netizens users social
army military troops soldiers militia fighters forces mercenaries mercenary
country nation
relationship relations ties friendship trust close closeness partnership
compare compared comparison liken likened analogy
outcome result consequence ended led aftermath effect
write wrote author authors reporter reporters writer contributed contributor assistance byline
agreement deal pact accord contract
another second additional further
people persons individuals
promise promised pledge pledged vow vowed vowing
argue argued arguing argument arguments dispute disputes disputed quarrel
sue sued suing lawsuit lawsuits litigation
help helped assist assisted assistance contribute contributed
president leader
government authorities regime leadership
stability stable stabilize order
threat challenge danger
website site online
television tv broadcast
newspaper paper tabloid outlet
happen happened occur occurred event events incident
oppose opposed opposes opponents opposition against critics critic objected objection
agree agreed approve approved approval vote voted
cost costs price spend spending budget
build built construction construct
condemn condemned criticise criticize denounce
begin began start started
fail failed failure collapse
weaken weakening decline
capture seize seized take
march marched advance advanced move moves
tabloid editor
china chinese beijing
russia russian moscow kremlin
`;

/** stem → stems of the words it can stand for. */
export const RELATED: ReadonlyMap<string, readonly string[]> = buildRelated(GROUPS);

function buildRelated(text: string): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const stems = [...new Set(line.trim().split(/\s+/).filter(Boolean).map((w) => stemWord(w)))];
    for (const s of stems) {
      const set = map.get(s) ?? new Set<string>();
      for (const o of stems) if (o !== s) set.add(o);
      map.set(s, set);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
}

/**
 * Set phrases an article writes for one plain word: "the pair exchanged views" is "they discussed",
 * "the vote took place" is "it happened". A passage with the phrase also answers to the plain word (as
 * to an alias), so "what did they talk about" finds "exchanged views" as surely as "discussed". Light-verb
 * constructions and fixed collocations of general English only; each form of the verb is matched.
 */
export const PHRASE_MEANINGS: ReadonlyArray<[RegExp, string]> = [
  [/\bexchang(?:e|es|ed|ing)\s+(?:of\s+)?(?:views|opinions|ideas)\b/i, 'discuss discussed'],
  [/\b(?:h[oe]ld|holds|holding)\s+(?:\w+\s+)?talks\b/i, 'discuss discussed meet met'],
  [/\b(?:t[ao]ke[sn]?|took|taking)\s+place\b/i, 'happen happened'],
  [/\bpass(?:ed|es|ing)?\s+away\b/i, 'die died'],
  [/\b(?:pa(?:y|ys|id|ying))\s+(?:a\s+|an\s+)?(?:\w+\s+)?visit\b/i, 'visit visited'],
  [/\b(?:g[ai]ve|gives|giving|deliver(?:s|ed|ing)?)\s+(?:a|an|his|her|their)\s+(?:\w+\s+)?(?:speech|address)\b/i, 'speak spoke'],
  [/\b(?:reach(?:es|ed|ing)?|str(?:ike|ikes|uck|iking))\s+(?:a|an)\s+(?:\w+\s+)?(?:agreement|deal|accord)\b/i, 'agree agreed'],
  [/\b(?:m[ae]de?|makes|making)\s+(?:a|the)\s+decision\b/i, 'decide decided'],
  [/\bput(?:s|ting)?\s+forward\b/i, 'propose proposed'],
  [/\blegal\s+(?:challenge|action|case)s?\b/i, 'sue lawsuit'],
];

/**
 * Any of PHRASE_MEANINGS (all case-insensitive, none with a back-reference), in one pattern: most sentences
 * use none, and one scan of a sentence for all ten took half the time of ten scans (issue 14).
 */
const ANY_PHRASE = PHRASE_MEANINGS.every(([p]) => p.flags === 'i') ? new RegExp(PHRASE_MEANINGS.map(([p]) => `(?:${p.source})`).join('|'), 'i') : undefined;

/** The plain words of the set phrases a passage uses (PHRASE_MEANINGS), for its expansion. */
export function phraseMeanings(text: string): string[] {
  if (ANY_PHRASE && !ANY_PHRASE.test(text)) return [];
  return PHRASE_MEANINGS.filter(([pattern]) => pattern.test(text)).map(([, words]) => words);
}
