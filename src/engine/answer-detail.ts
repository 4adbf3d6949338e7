// Whether a passage holds the detail a question asks for: a figure for "how many", a date for "when",
// a reason for "why". A passage about the right subject without it does not answer the question.
import type { AnswerType } from './question.ts';
import { stemWord, type Token } from './text.ts';
import { everydayRank } from './background.ts';
import { RANKING } from './ranking-defaults.ts';

const MONTH = /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;
const DAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|weekday|today|yesterday|tomorrow|tonight|morning|afternoon|evening|night|christmas|easter|midnight|noon)$/;
const PERIOD = /^(century|centuries|decade|decades|year|years|month|months|week|weeks|day|days|hour|hours|ago|earlier|later|since|until|before|after|during|spring|summer|autumn|fall|winter|dynasty|era|bc|bce|ad|ce)$/;
const YEAR = /^(1\d{3}|20\d{2})s?$/;
const NUMBER = /^(\d[\d,.]*\w*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|half|third|thirds|quarter|quarters|percent|several|few|many|majority|minority|double|twice|triple)$/;
const REASON = /\b(because|due to|since|so that|in order to|as a result|led to|leads? to|caused|causing|reason|after|amid|over|for|why|aimed|meant to|to avoid|to protect|to prevent|to defend|to end|trip|purpose|response|blamed|cited)\b/i;

/** A figure that is not merely a date or a time of day: "755 AD", "in 1927" or "at 9 p.m." does not say how many. */
export function hasFigure(tokens: Token[], asked: ReadonlySet<string>): boolean {
  return tokens.some((t, i) => {
    if (!NUMBER.test(t.word) || asked.has(t.stem)) return false;
    const next = tokens[i + 1]?.word ?? '';
    const prev = tokens[i - 1]?.word ?? '';
    if (YEAR.test(t.word) && !/^(people|troops|soldiers|fighters|members|votes|residents|cars|dollars|percent|times|kilometers|kilometres|miles|tons|tonnes|deaths|cases)$/.test(next)) return false;
    if (/^(ad|bc|bce|ce)$/.test(next) || MONTH.test(prev) || MONTH.test(next)) return false;
    // A time of day is not a count: "until 9 p.m.", "at 7am", "10 o'clock".
    if (/^\d{1,2}(am|pm)$/.test(t.word) || /^(am|pm|o)$/.test(next) || (/^[ap]$/.test(next) && tokens[i + 2]?.word === 'm')) return false;
    return true;
  });
}

/** Words a figure may stand apart from the thing it counts by: "64 spotted marsh frogs", "1.7 million people". */
const COUNT_REACH = 4;

/** A figure that counts one of `counted` (the stems of "how many frogs"): "64 spotted marsh frogs", not "for 20 years". */
export function countsThing(tokens: Token[], counted: ReadonlySet<string>, asked: ReadonlySet<string>): boolean {
  return tokens.some((t, i) => {
    if (!NUMBER.test(t.word) || asked.has(t.stem) || YEAR.test(t.word)) return false;
    for (let k = i + 1; k <= i + COUNT_REACH && k < tokens.length; k++) if (counted.has(tokens[k]!.stem)) return true;
    return false;
  });
}

/**
 * "How much did it cost", "how much do drivers make", "how much money was raised": the figure asked for is
 * an amount of money. "How much" with a noun of its own ("how much progress did they make") asks no price.
 */
const MONEY_ASK = /\bhow much\s+(?:money|cash)\b|\bhow much\s+(?:more\s+|less\s+)?(?:do|does|did|will|would|is|are|was|were|has|have|had|can|could|should)\b.*\b(?:cost|costs|costing|pay|pays|paid|earn|earns|earned|make|makes|made|charge|charges|charged|spend|spends|spent|worth|fetch|fetched)\b/i;

export function asksMoney(question: string): boolean {
  return MONEY_ASK.test(question);
}

/** A sum written in words or short ( "2.4 million", "40m", "$5bn"): counts of money are seldom this large without saying so. */
const LARGE_SUM = /^(million|millions|billion|billions|trillion|\d[\d,.]*(?:m|bn|k))$/;
const CURRENCY = /^(dollars?|pounds?|euros?|yen|yuan|cents?|pence|francs?|rupees?|roubles?|rubles?|pesos?|krona|kronor|kroner|usd|gbp|eur|bucks|quid)$/;

/** An amount of money: a currency's name ("18 million dollars") or sign ("$30", "£2m"), or none ("entry is free"). */
export function hasMoney(tokens: Token[], text: string): boolean {
  return /[$£€¥₹]/.test(text) || tokens.some((t) => CURRENCY.test(t.word) || LARGE_SUM.test(t.word) || t.word === 'free');
}

/** A point in time: a year, month, weekday, holiday or a relative time ("two years ago", "on Sunday"). */
export function hasTime(tokens: Token[], asked: ReadonlySet<string>): boolean {
  return tokens.some((t) => !asked.has(t.stem) && (YEAR.test(t.word) || MONTH.test(t.word) || DAY.test(t.word) || PERIOD.test(t.word)));
}

const UNIT = /^(seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|century|seasons?|terms?)$/;

/** Words that give a length of time on their own: "annually", "for the rest of his life", "indefinitely". */
const DURATION_WORD = /^(annually|yearly|monthly|weekly|daily|lifetime|lifelong|forever|permanently|permanent|indefinitely|temporarily|briefly)$/;

/** A length of time: a unit with a figure or "in", "for" ("three years", "an eighteen-month renovation", "within seconds"), not an age ("nine-month-old"). */
export function hasDuration(tokens: Token[]): boolean {
  if (tokens.some((t, i) => DURATION_WORD.test(t.word) || (t.word === 'rest' && tokens[i - 1]?.word === 'the' && tokens[i + 1]?.word === 'of'))) return true;
  return tokens.some((t, i) => UNIT.test(t.word) && i > 0 && (NUMBER.test(tokens[i - 1]!.word) || /^(a|an|in|within|for|over|some)$/.test(tokens[i - 1]!.word)) && tokens[i + 1]?.word !== 'old' && tokens[i - 2]?.word !== 'age');
}

export function hasReason(text: string): boolean {
  return REASON.test(text);
}

/** A name the question did not already give: the answer to "who". */
export function hasName(tokens: Token[], asked: ReadonlySet<string>): boolean {
  return tokens.some((t, i) => i > 0 && t.capital && !asked.has(t.stem));
}

/** "What year…" wants a year; "what date…" a month or a year ("June 24", "in 2019"), not a weekday. */
export function hasCalendarDate(tokens: Token[], asked: ReadonlySet<string>, calendar: 'year' | 'date'): boolean {
  return tokens.some((t) => !asked.has(t.stem) && (YEAR.test(t.word) || (calendar === 'date' && MONTH.test(t.word))));
}

/** The last word of a name that is a place, a team, an event or a title, not a person: "Fisht Stadium", "Group G". */
const NOT_PERSON = /^(stadium|arena|park|hall|street|road|avenue|square|city|county|state|states|river|lake|mountain|mount|island|islands|university|college|school|hospital|court|church|cathedral|museum|airport|station|bridge|tower|palace|house|group|cup|league|club|party|council|committee|ministry|department|agency|company|corporation|bank|award|awards|prize|year|games|olympics|championship|championships|festival|times|post|news|association|institute|foundation|union|republic|kingdom|empire|district|province|region|valley|ocean|sea|bay|centre|center|war|treaty|act|day|week|month|[a-z])$/;
const SURNAME_RANK = 5000;
/** The word before a place's name: "in Sochi", "at the Volgograd Arena". */
const PLACE_BEFORE = /^(in|at|from|near|to|into|across|outside|inside)$/;

/**
 * Someone the question did not already name, as far as capitals tell without a tagger: a capitalised word
 * that is not everyday English ("Lukaku", "Aguilar"), not a place after "in"/"at" ("in Sochi") nor part of
 * a name ending in a place's or an event's word ("Fisht Stadium"). Titles of everyday words ("Album of the
 * Year") name no one. Two capitalised words mid-sentence ending in an uncommon word are taken for a first name
 * and a surname. A common name alone ("Dana said") is missed: this misses some people rather than invent one.
 */
export function hasPerson(tokens: Token[], asked: ReadonlySet<string>): boolean {
  for (let i = 0; i < tokens.length; ) {
    if (!tokens[i]!.capital) {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && tokens[j]!.capital) j++;
    const run = tokens.slice(i, j);
    const rank = (t: Token) => everydayRank(t.word) ?? Infinity;
    const rare = run.some((t) => !asked.has(t.stem) && !/^\d/.test(t.word) && rank(t) >= RANKING.realWordRank);
    // A first name and a surname mid-sentence ("chairman Tom Becker told"): two capitalised words, the
    // last one outside the 5,000 commonest English words ("Best Pop Solo", "South Korea" are not people).
    const fullName = i > 0 && run.length >= 2 && run.every((t) => !asked.has(t.stem) && /^\p{L}/u.test(t.word)) && rank(run.at(-1)!) >= SURNAME_RANK;
    if ((rare || fullName) && !PLACE_BEFORE.test(tokens[i - 1]?.word ?? '') && !NOT_PERSON.test(tokens[j - 1]!.word)) return true;
    i = j;
  }
  return false;
}

/** Things known by a title: "which song" is answered by its title, which is written with capitals or in quotes. */
const TITLED_ASK = /\b(?:which|what)\s+(songs?|albums?|films?|movies?|books?|novels?|plays?|poems?|paintings?|shows?|series|singles?|tracks?|hymns?|operas?|newspapers?|magazines?|programmes?|programs?)\b(?!\s+(?:us|them|him|her|me|you|it|the|a|an)\b)/i;

/** The titled thing a question asks to identify ("Which song did she sing?" → "song"), if any. */
export function titledAsked(question: string): string | undefined {
  return TITLED_ASK.exec(question)?.[1]?.toLowerCase();
}

/** A capitalised word or a quotation the question did not bring: where a title would be. */
export function hasTitle(tokens: Token[], text: string, asked: ReadonlySet<string>): boolean {
  return /["\u201c]/.test(text) || tokens.some((t, i) => t.capital && !asked.has(t.stem) && (i > 0 || (everydayRank(t.word) ?? Infinity) >= RANKING.realWordRank));
}

/**
 * Does this passage (with the sentences beside it, which often carry the date or the figure the
 * sentence only refers to) hold what the question type needs? 'any', 'where' and 'quote' always do.
 * `calendar`: the question asks "what year" or "what date" (Question.calendar).
 */
export function holdsDetail(type: AnswerType, tokens: Token[][], texts: string[], asked: ReadonlySet<string>, calendar?: 'year' | 'date'): boolean {
  if (type === 'number') return tokens.some((t) => hasFigure(t, asked));
  if (type === 'when') return tokens.some((t) => (calendar ? hasCalendarDate(t, asked, calendar) : hasTime(t, asked)));
  if (type === 'why') return texts.some(hasReason);
  if (type === 'who') return tokens.some((t) => hasName(t, asked));
  return true;
}

/**
 * Does the passage name the one it calls `word` ("spokesperson")? It does not when every mention brings
 * them in as "a …" with no name after ("spokesperson Mao Ning said") or before as an appositive ("Mao Ning,
 * a spokesperson"): "a Chinese Foreign Ministry spokesperson, who…" names no one, the capitals before the
 * word being its title. A passage without the word cannot tell, so it passes.
 */
export function namesWhom(tokens: Token[], text: string, word: string, asked: ReadonlySet<string>): boolean {
  const stem = stemWord(word);
  const at = tokens.flatMap((t, i) => (t.stem === stem ? [i] : []));
  const name = (i: number) => i > 0 && i < tokens.length && tokens[i]!.capital && !asked.has(tokens[i]!.stem);
  const after = (j: number) => [1, 2, 3].some((d) => name(j + d));
  const before = (j: number) => {
    for (let d = j - 1; d >= Math.max(0, j - 5); d--) {
      if (/^(a|an|the)$/.test(tokens[d]!.word)) return d > 0 && name(d - 1) && text.slice(tokens[d - 1]!.end, tokens[d]!.start).includes(',');
    }
    return false;
  };
  // Introduced as "a …" and never named: "a union spokesperson, who…". Written with a capital, the word is
  // part of a name itself ("the An Lushan Rebellion"); after "the", the passage may name it elsewhere.
  const indefinite = (j: number) => {
    for (let d = j - 1; d >= Math.max(0, j - 5); d--) if (/^(a|an|the|this|that|its|his|her|their)$/.test(tokens[d]!.word)) return /^(a|an)$/.test(tokens[d]!.word);
    return false;
  };
  const unnamed = (j: number) => indefinite(j) && !(j > 0 && tokens[j]!.capital) && !after(j) && !before(j);
  return !at.length || !at.every(unnamed);
}
