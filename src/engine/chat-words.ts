// How a chat channel types a question, read back into what it asks. Two lists: spellings and
// abbreviations rewritten to the words they stand for, and filler that only phrases a question (a
// hedge, a reaction, a stand-in like "the … thing"), which must never count as a missing subject.
// Kept general, the way any Discord channel types; never words picked from one set of questions.

/** Chat spellings and abbreviations → the words meant. Matched as whole words, case-insensitively. */
const SPELLINGS: Record<string, string> = {
  wat: 'what', wut: 'what', wht: 'what', wha: 'what', whta: 'what',
  u: 'you', ya: 'you', yu: 'you', ur: 'your', r: 'are', ppl: 'people', ppls: 'people', peeps: 'people',
  govt: 'government', gov: 'government', govts: 'governments', gvt: 'government',
  bc: 'because', bcuz: 'because', cuz: 'because', cos: 'because', coz: 'because', bcoz: 'because', becuz: 'because',
  abt: 'about', bout: 'about', b4: 'before', aftr: 'after', thru: 'through',
  pres: 'president', prez: 'president', intl: 'international', dept: 'department',
  yr: 'year', yrs: 'years', wk: 'week', wks: 'weeks', mil: 'million', bn: 'billion',
  convo: 'conversation', convos: 'conversations', info: 'information', msg: 'message', pic: 'picture', pics: 'pictures',
  smth: 'something', sth: 'something', eli5: 'explain', sb: 'somebody', bday: 'birthday', diff: 'different',
  gonna: 'will', wanna: 'want to', gotta: 'must', tryna: 'trying to', lemme: 'let me', gimme: 'give me', dunno: "don't know",
  cant: "can't", dont: "don't", doesnt: "doesn't", didnt: "didn't", isnt: "isn't", wasnt: "wasn't", werent: "weren't", wont: "won't",
  whats: 'what is', whos: 'who is', wheres: 'where is', whens: 'when is', hows: 'how is', thats: 'that is',
  n: 'and', w: 'with', wo: 'without', tho: 'though', altho: 'although',
  rly: 'really', rlly: 'really', srsly: 'seriously', prob: 'probably', prolly: 'probably', def: 'definitely', defo: 'definitely',
  tmrw: 'tomorrow', tmrrw: 'tomorrow', tmw: 'tomorrow', yday: 'yesterday', yest: 'yesterday', tdy: 'today', '2day': 'today',
};

/**
 * Multi-word and punctuated forms, rewritten before the single words; each with a few letters it cannot
 * match without (in the text lowercased), so most questions skip its pattern (issue 14).
 */
const PHRASES: Array<[RegExp, string, string]> = [
  [/\bw\/o\b\s*/gi, 'without ', 'w/'],
  [/\bw\/\s*/gi, 'with ', 'w/'],
  [/\bacc\.? to\b/gi, 'according to', 'acc'],
  [/\baccording 2\b/gi, 'according to', 'according 2'],
  [/\btl;?\s?dr\b/gi, 'tldr', 'tl'],
  // "what's up with X", "what's going on with X": what the article says about X.
  [/\bwhat(?:'s|’s|s|\s+is)\s+(?:up|going\s+on|the\s+deal|the\s+story)\s+(?:with|w)\b/gi, 'what about', 'what'],
  // "how long dose it take": "does" typed with its letters swapped, before who or what does it.
  [/\bdose(?=\s+(?:it|he|she|they|this|that|the|anyone|any|u|you|ur|your|we|i)\b)/gi, 'does', 'dose'],
  // "how come they went on strike": why.
  [/\bhow\s+come\b/gi, 'why', 'how'],
  // "y did…" at the start of a question is "why".
  [/^(\s*)y(?=\s+(did|do|does|is|are|was|were|would|has|have|had|not)\b)/i, '$1why', 'y'],
];

/** Rewrites chat spellings to the words they stand for; "US" written in capitals is left to the tokenizer. */
export function expandChatSpellings(text: string): string {
  let out = text;
  // The hints are looked for in the text as it is after each rewrite, so a rewrite that makes a later match is still seen.
  let lower = out.toLowerCase();
  for (const [pattern, replacement, hint] of PHRASES) {
    if (!lower.includes(hint)) continue;
    const next = out.replace(pattern, replacement);
    if (next !== out) lower = (out = next).toLowerCase();
  }
  // Plain ASCII is most questions: its words are runs of [A-Za-z0-9], scanned by hand (the Unicode
  // pattern and its callback were a twentieth of an answer's CPU, issue 14).
  if (ASCII.test(out)) return respellAscii(out);
  return out.replace(/[\p{L}\p{N}]+/gu, respelt);
}

/** The longest chat spelling: a longer word is none of them. */
const LONGEST = Math.max(...Object.keys(SPELLINGS).map((k) => k.length));
/** SPELLINGS as a Map: a property look-up by a word cut from the question cost more than hashing it (issue 14). */
const SPELLED = new Map(Object.entries(SPELLINGS));

/** A word as its chat spelling means it. A capital letter alone ("U.N.", "R. Kelly", "Plan B") is not "you" or "are". */
function respelt(word: string): string {
  if (word.length > LONGEST || (word.length === 1 && word !== word.toLowerCase())) return word;
  return SPELLED.get(word.toLowerCase()) ?? word;
}

const ASCII = /^[\x00-\x7f]*$/;
const isAsciiAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/** `respelt` over every run of ASCII letters and digits; the text itself when no word is respelt. */
function respellAscii(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    if (!isAsciiAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isAsciiAlnum(text.charCodeAt(end))) end++;
    const word = text.slice(i, end);
    const meant = respelt(word);
    if (meant !== word) {
      out += text.slice(copied, i) + meant;
      copied = end;
    }
    i = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Words that only phrase a chat question: hedges, reactions, stand-ins for a topic already named
 * ("the wagner thing", "the russian guy"), and verbs of asking. Dropped from the question's words unless
 * nothing else is left.
 */
export const FILLER_WORDS = new Set(
  `so actually actual anyway anyways anyhow tbh tbf lol lmao lmfao rofl haha hahaha nah naw nope yeah yea yep yup ok okay
  like wait hey hi hello yo um uh umm hmm hm huh oh ah welp well basically literally honestly seriously really
  kinda sorta kind sort pretty quite totally definitely probably maybe perhaps exactly precisely
  thing things stuff guy guys dude dudes bro bruh man fella folks
  happen happened happening happens
  think thinks thought thoughts feel feels felt believe believes believed reckon reckons opinion opinions view views stance
  anyone anybody someone somebody everyone everybody else anything something everything
  know knows knew wondering wonder curious guess mean means meant remind explain explained clarify
  rn atm btw fyi imo imho idk ngl fr smh omg irl iirc afaik wtf wth
  pls plz please thanks thank thx ty
  whole even though although again
  people persons`.split(/\s+/).filter(Boolean),
);

/**
 * Prepositions the stop words lack ("across russia", "passing around"): they help a match where the article
 * uses them too, and are never a missing subject where it does not.
 */
export const PREPOSITIONS = new Set('across around along among amongst toward towards throughout via upon within onto per besides except excluding'.split(' '));


/**
 * Nouns that name the kind of answer wanted, not a subject: "what's Rudenko's job", "the name of the
 * spokesperson". The passage that answers gives the job or the name; it need not use the word.
 */
export const ANSWER_FRAME_WORDS = new Set(['job', 'jobs', 'role', 'roles', 'position', 'occupation', 'profession', 'name', 'names']);

/**
 * "another one", "which one", "the one that won", "is it the one": "one" stands for a noun already said
 * (and stems as the stop word "on"). Before a noun it counts: "one pilot", "twenty one pilots".
 */
export const PRONOUN_ONE = /^(?:another|which|this|that|the|each|every|any|no|some|other|new|old|last|first|next|same|big|small|only)$/;

/** Time nouns right after "what"/"which" only say that a time is wanted ("what date", "which year"). */
export const TIME_FRAME_WORDS = new Set(['date', 'year', 'day', 'month', 'time']);

/** Place nouns after "what"/"which" say that a place is wanted ("which country did they come from"); a subject only where the article uses them. */
export const PLACE_FRAME_WORDS = new Set(['city', 'country', 'town', 'place', 'location', 'nation', 'state', 'region', 'village']);

/**
 * After "how", a measure of time only says what kind of answer is wanted ("how long was it closed", "how
 * late is it open"): the passage gives the duration or the hour, it need not say "long" or "late". A
 * measure of size ("how tall", "how big") stays: it is what the question is about.
 */
export const MEASURE_WORDS = new Set(['long', 'late', 'early', 'soon', 'often']);

/**
 * Idioms and phrasal verbs, read as the plain words an article writes for them: "passing around" is
 * "sharing", "step down" is "resign", "a big deal" is "important". Each entry is a general English
 * equivalence. `head` is the question word the plain words attach to (any form of it matches), `means`
 * their stems' words, `weight` how close they are; `drop` when the literal word means something else in the idiom
 * ("deal" in "a big deal" is no agreement, "pass" in "pass around" no vote); a phrasal verb keeps it, as the
 * article may use the same phrasal verb; the other words of the match are part of the idiom, not subjects.
 */
export interface Idiom {
  match: RegExp;
  head: RegExp;
  means: readonly string[];
  weight: number;
  drop?: boolean;
}

const idiom = (match: string, head: string, means: string, weight = 0.9, drop = false): Idiom => ({
  match: new RegExp(`\\b(?:${match})\\b`, 'i'),
  head: new RegExp(`^(?:${head})$`, 'i'),
  means: means.split(' '),
  weight,
  drop,
});

const PARTICLE_OBJECT = String.raw`(?:\s+(?:(?:the|their|his|her|its|my|your|our|this|that)\s+\w+|\w+))?`;

export const IDIOMS: readonly Idiom[] = [
  idiom(String.raw`pass(?:es|ed|ing)?${PARTICLE_OBJECT}\s+(?:around|round|along)`, 'pass(?:es|ed|ing)?', 'share shared sharing circulate circulated spread', 0.9, true),
  idiom(String.raw`talk(?:s|ed|ing)?\s+(?:about|over)`, 'talk(?:s|ed|ing)?', 'discuss discussed discussion discussions', 0.9),
  idiom(String.raw`(?:big|huge|major)\s+(?:of\s+)?(?:an?\s+)?deal`, 'deal', 'important significant serious major', 0.9, true),
  idiom(String.raw`(?:t[ao]ke[sn]?|took|taking)${PARTICLE_OBJECT}\s+off`, 't[ao]ke[sn]?|took|taking', 'remove removed removing', 0.9),
  idiom(String.raw`step(?:s|ped|ping)?\s+down`, 'step(?:s|ped|ping)?', 'resign resigned resignation quit', 0.9),
  idiom(String.raw`t[ao]ke[sn]?${PARTICLE_OBJECT}\s+over|took${PARTICLE_OBJECT}\s+over|taking${PARTICLE_OBJECT}\s+over`, 'take[sn]?|took|taking', 'seize seized capture captured control takeover', 0.9),
  idiom(String.raw`back(?:s|ed|ing)?\s+down`, 'back(?:s|ed|ing)?', 'retreat retreated concede conceded withdraw withdrew', 0.9),
  idiom(String.raw`(?:come|comes|came|coming|go|goes|went|going)\s+back`, 'come|comes|came|coming|go|goes|went|going', 'return returned returning', 0.9),
  // "where did they come from": where they arrived from, or began.
  idiom(String.raw`(?:come|comes|came|coming)\s+from`, 'come|comes|came|coming', 'arrive arrived originate originated', 0.6),
  // "are fares going up": rising; "did prices go down": falling.
  idiom(String.raw`(?:go|goes|going|went|gone)\s+up`, 'go|goes|going|went|gone', 'rise rises rose rising increase increased increases', 0.9, true),
  idiom(String.raw`(?:go|goes|going|went|gone)\s+down`, 'go|goes|going|went|gone', 'fall falls fell falling drop dropped decrease decreased', 0.9, true),
  idiom(String.raw`pull(?:s|ed|ing)?\s+out`, 'pull(?:s|ed|ing)?', 'withdraw withdrew withdrawal', 0.9),
  idiom(String.raw`call(?:s|ed|ing)?${PARTICLE_OBJECT}\s+off`, 'call(?:s|ed|ing)?', 'cancel cancelled canceled halt halted', 0.9),
  idiom(String.raw`put(?:s|ting)?${PARTICLE_OBJECT}\s+off`, 'put(?:s|ting)?', 'postpone postponed delay delayed', 0.9),
  idiom(String.raw`turn(?:s|ed|ing)?${PARTICLE_OBJECT}\s+down`, 'turn(?:s|ed|ing)?', 'reject rejected refuse refused decline declined', 0.9),
  idiom(String.raw`set(?:s|ting)?${PARTICLE_OBJECT}\s+up`, 'set(?:s|ting)?', 'establish established found founded create created', 0.9),
  idiom(String.raw`g[ai]ve?s?${PARTICLE_OBJECT}\s+up|giving${PARTICLE_OBJECT}\s+up`, 'g[ai]ve?s?|giving', 'surrender surrendered abandon abandoned', 0.9),
  idiom(String.raw`look(?:s|ed|ing)?\s+into`, 'look(?:s|ed|ing)?', 'investigate investigated investigation probe', 0.9),
  idiom(String.raw`carr(?:y|ies|ied|ying)${PARTICLE_OBJECT}\s+out`, 'carr(?:y|ies|ied|ying)', 'conduct conducted perform performed stage staged', 0.9),
  idiom(String.raw`f(?:i|ou)nd(?:s|ing)?\s+out`, 'f(?:i|ou)nd(?:s|ing)?', 'learn learned discover discovered', 0.9),
  idiom(String.raw`show(?:s|ed|ing)?\s+up`, 'show(?:s|ed|ing)?', 'appear appeared attend attended arrive arrived', 0.9),
  idiom(String.raw`bl[eo]w(?:s|n|ing)?${PARTICLE_OBJECT}\s+up`, 'bl[eo]w(?:s|n|ing)?', 'explode exploded explosion', 0.9),
  idiom(String.raw`br(?:eak|oke)(?:s|ing)?\s+out`, 'br(?:eak|oke)(?:s|ing)?', 'begin began start started erupt erupted', 0.9),
  idiom(String.raw`side(?:s|d)?\s+with|st(?:and|ood)(?:s|ing)?\s+(?:by|with|behind)`, 'side(?:s|d)?|st(?:and|ood)(?:s|ing)?', 'support supported back backed', 0.9),
  // "what was wrong with the baby", "what's wrong with him": what illness or injury they had, not "wrong" as in mistaken.
  idiom(String.raw`(?:what|anything|something|nothing)(?:'s|\s+(?:is|was|were|are|has\s+been|had\s+been))?\s+(?:\w+\s+)?wrong\s+with`, 'wrong', 'ill illness sick sickness disease condition suffer suffered suffering ailment infection injury injured diagnosed', 0.9, true),
  // "who runs the club": who leads it, as an article names its head or chair.
  idiom(String.raw`who\s+(?:runs|ran|is\s+running|was\s+running)`, 'runs|ran|running', 'head lead leader chair chairman chairwoman chief director boss', 0.9, true),
  // "who's in charge of the union": who leads it, as "who runs it".
  idiom(String.raw`in\s+charge(?:\s+of)?`, 'charge', 'head lead leader chair chairman chairwoman chief director boss', 0.9, true),
  // "did the bill pass", "has the plan passed": a vote approved it.
  idiom(String.raw`(?:did|does|has|have|had|will|would)\s+(?:\S+\s+){1,5}?pass(?:ed)?(?=\s+(?:or|and|yet|in|at|by)\b|\s*[?.!,]|\s*$)`, 'pass(?:ed)?', 'approve approved approval', 0.9),
  // "did he meet anyone else": someone in addition, as an article says "also met".
  idiom(String.raw`(?:anyone|anybody|someone|somebody|who)\s+else`, 'else', 'also another additionally', 0.9, true),
  // A reaction is said or done: "condemned", "welcomed" answer "how did they react". "Response" is a
  // derivation (WordNet's weight for one), and the ways of reacting weigh less again.
  idiom(String.raw`react(?:s|ed|ing|ion|ions)?`, 'react(?:s|ed|ing|ion|ions)?', 'reaction reactions respond responded response', 0.6),
  idiom(String.raw`react(?:s|ed|ing|ion|ions)?`, 'react(?:s|ed|ing|ion|ions)?', 'condemn condemned denounce denounced welcome welcomed praise praised criticise criticised criticize criticized', 0.5),
];

/** "anyone else besides Qin", "other than the mayor": what follows names who the answer is not. */
export const EXCLUDING = /\b(?:besides|except(?:\s+for)?|other\s+than|apart\s+from|aside\s+from|excluding|not\s+counting|not\s+including)\s+((?:[\p{L}\p{N}'-]+\s*){1,4}?)(?=$|[,.;:?!]|\s+(?:and|or|but|did|do|does|is|was|who|what)\b)/iu;
