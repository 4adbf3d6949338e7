// Who said a sentence, found from its wording and from what came before it in the article. This is
// what makes an uncurated article answer "who said it"; curated facts override it for the packs that
// have them. News attributes a statement once and lets it run on: "X said:" then a quote, a quote over
// several paragraphs, "he added", "the ministry said" two paragraphs after the ministry was named.
import { everydayRank } from './background.ts';
import { fold, singleSpaced } from './text.ts';

export interface Attributed {
  speaker: string;
  /** The speaker's role when the article gives it: "Panama coach", "coauthor". */
  role?: string;
  how: string;
  /** True when the words are the source's own, not the article's reporting. */
  reported: boolean;
}

const VERB_LIST = [
  'said', 'says', 'told', 'tells', 'stated', 'states', 'announced', 'announces', 'added', 'adds', 'noted', 'notes',
  'wrote', 'writes', 'warned', 'warns', 'argued', 'argues', 'insisted', 'insists', 'claimed', 'claims', 'declared',
  'explained', 'explains', 'vowed', 'urged', 'asserted', 'reported', 'reports', 'acknowledged', 'replied', 'replies',
  'responded', 'recalled', 'commented', 'confirmed', 'admitted', 'stressed', 'observed', 'suggested',
  'concluded', 'spoke of', 'described', 'called',
  // Not "continued", "went on", "revealed": narrative uses them as often ("the war continued").
  'complained', 'cautioned', 'testified', 'tweeted', 'joked', 'recounted', 'pointed out',
];
const VERBS = VERB_LIST.join('|');
const SINGLE_VERBS = VERB_LIST.filter((v) => !v.includes(' ')).join('|');
const PERSONAL = /^(he|she)$/i;
const PRONOUNS = /^(he|she|they|it|we|i)$/i;
const CLAUSE_STARTERS = /^(and|but|while|as|when|because|although|though|after|before|since|which|who|that|where|so|then)\s+/i;
/** Adverbs between a speaker and the verb: "Mr. Tedeschi also told …". */
const ADVERBS = /\s+(also|later|then|again|previously|once|further|earlier|still|repeatedly|separately|recently|subsequently|had|has|have|was|is|once again)$/i;
const HONORIFIC = /^(mr|mrs|ms|miss|dr|prof|sir|dame)\.?\s+/i;
/** Heads of a definite description that stands for an organisation named earlier: "the ministry said". */
const ORG_HEADS = 'ministry|department|agency|authority|company|court|group|government|office|council|committee|union|police|party|embassy|board|commission|foundation|institute|university|newspaper|paper|broadcaster|team|club|federation|association|service';

const NAME = String.raw`\p{Lu}[\p{L}'’\-.]*(?:\s+(?:(?:of|de|da|van|von|der|al|bin|the)\s+)?\p{Lu}[\p{L}'’\-.]*)*`;
/** "China's foreign ministry cited Ma as saying ..." */
const CITED = /([\p{L}\p{N}'’ .\-]{2,80}?)\s+(?:cited|quoted)\s+([\p{L}\p{N}'’ .\-]{1,60}?)\s+as\s+(?:saying|telling|stating|calling)/iu;
/** "..., according to the Kremlin." */
const ACCORDING = /according to\s+([^,.;:"“”…]{2,80})/iu;
/** What follows the source in "according to a study published on Tuesday in …", "according to figures released by …". */
const ACCORDING_TAIL = /\s+(?:(?:published|released|issued|conducted|carried out|commissioned|seen|obtained|posted|which|that)\b|(?:on|in|at|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|week|month|year|\d)).*$/iu;
/** "according to a report published by the Met Office": the body named after "by" is the source. */
const ACCORDING_BY = /\s+(?:published|released|issued|conducted|carried out|commissioned)\s+by\s+(.+)$/iu;
/** "The European Medicines Agency (EMA) said": the acronym in brackets is another name, not part of the sentence's shape. */
const ACRONYM_IN_BRACKETS = /\s+\((\p{Lu}[\p{Lu}\p{N}&.\-]{1,9})\)(?=[\s,])/gu;
/** "in the words of the Crown prosecutor, Mark Tedeschi, QC, "…"" */
const WORDS_OF = /\bin the words of\s+([^"“”]{2,100}?)\s*[,:]?\s*["“]/iu;
/** A necessary condition of WORDS_OF (same flags), tested first: the pattern tried every position of every sentence. */
const WORDS_OF_HINT = /words of/iu;
/** The marks the quote scan in Attributor.sentence tracks. */
const QUOTE_MARK = /["“”]/;
/** "Hernan Dario Gomez, Panama coach, said" / "Stephen Jakobi, director of Fair Trials Abroad, said". */
/** An age may come first: "Siobhán Daly, 34, a runner from Galway, said". */
const APPOSITIVE = new RegExp(String.raw`(${NAME}),\s+(?:\d{1,3},\s+)?([^,;:"“”]{2,70}?),\s+(?:${SINGLE_VERBS})\b`, 'u');
/** "Professor Helen Brooks, who chairs the Northern Orthopaedic Forum, a group …, said": the name the relative clause describes. */
const RELATIVE_BEFORE = new RegExp(String.raw`(${NAME}),\s+(?:who|whose)\s+[^,;:"“”]*$`, 'u');
/** "Professor David Marsh of the University of Reading": the person, then "of (the)" before the body's name. */
const PERSON_OF = /(\p{Lu}[\p{L}'’\-.]*(?:\s+\p{Lu}[\p{L}'’\-.]*)+)\s+((?:of|from|at)\s+(?:the\s+)?)$/u;
const TITLE_WORDS = /^(?:(?:Professor|Prof\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|Judge|Councillor|Cllr\.?)\s+)+/u;
/** "Its chairman, Peter Okafor, told reporters …": the role first, the name set off by commas. */
const ROLE_FIRST = new RegExp(String.raw`(?:^|[,;:"“”]\s*)((?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+|\p{Lu}[\p{L}\-.]*(?:\s+\p{Lu}[\p{L}\-.]*){0,3}['’]s\s+)?\p{Ll}[\p{L}'’\-]*(?:\s+[\p{L}'’\-]+){0,4}),\s+(${NAME}),\s+(${SINGLE_VERBS})\b`, 'u');
/** "X said in a statement on its website" / "X said that" / "X spoke of". */
const SUBJECT_VERB = new RegExp(`(^|[,;:"“”’—–(]\\s*|\\s)([^,;:"“”—–()]{2,90}?)\\s+(?:${VERBS})\\b([^,;.:"“”]{0,60})`, 'u');
// Cheap necessary conditions, tested first: CITED and SUBJECT_VERB try up to ~80 characters at every
// start position, which made them most of an uncurated library's build time (issue 14). Each hint
// matches whatever its pattern matches (same flags), so skipping the pattern when it fails changes nothing.
const CITED_HINT = /cited|quoted/iu;
const VERB_HINT = new RegExp(`\\s(?:${VERBS})\\b`, 'u');
/**
 * A necessary condition of APPOSITIVE, ROLE_FIRST, VERB_SUBJECT and VERB_ROLE_SUBJECT (same flags): each
 * has a comma or a closing mark, maybe spaces, then one of SINGLE_VERBS. APPOSITIVE and ROLE_FIRST tried a
 * name at every capital of every sentence (issue 14: a tenth of an uncurated library's build).
 */
const MARK_VERB_HINT = new RegExp(`[,"”’…]\\s*(?:${SINGLE_VERBS})\\b`, 'u');
/** "Said the mayor, Johan Ek: "…"": the verb first, then who, set off by a colon or a comma and a quote. */
const VERB_FIRST = new RegExp(String.raw`^(?:${SINGLE_VERBS})\s+([^:;"“”]{2,80}?)\s*(?::|,\s*["“])`, 'iu');
/** The verb is passive when the subject ends with a form of "be": "was described", "has been quoted". */
const PASSIVE = /\s(?:was|were|is|are|been|being|be|get|got|gets)$/i;
/** "..., said Ma." */
const VERB_SUBJECT = new RegExp(`[,"”’]\\s*(?:${SINGLE_VERBS})\\s+([\\p{Lu}][^,;.:"“”…]{1,60})`, 'u');
/** Abbreviated titles before a name, written with a dot: "Dr. Hannah Okafor", "Gen. Mark Milley". */
const TITLE_DOT = /\b(Dr|Mr|Mrs|Ms|Mx|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev|Fr|Insp|Det|Supt|Cllr)\.(?=\s+\p{Lu})/gu;
const TITLE_DOT_HINT = /\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev|Fr|Insp|Det|Supt|Cllr)\.\s/u;
/** Titles of address before a name, which say nothing of what the speaker does. */
const ADDRESS = /^(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?=\p{Lu})/u;
/** ", the ecologist who led the survey." after a speaker named after the verb: a description, so a role. */
const ROLE_AFTER_NAME = /^,\s+(?:the|a|an)\s+(?!(?:day|week|month|year|night|morning|afternoon|evening|time|same|first|last|next)\b)(\p{Ll}[^,;:"“”()]{2,70}?)\s*[.;]?$/u;
/** "…," said lead author Hannah Sorensen.': the role in lower case before the name ("told reporters in London" is no speaker). */
const VERB_ROLE_SUBJECT = /[,"”’…]\s*(?:said|says|added|adds|wrote|writes|explained|noted|warned|insisted|argued)\s+((?:(?:the|a|an|its|his|her|their)\s+)?(?:(?!(?:in|on|at|to|for|from|with|by|that|this|it|of|and|but|after|before|when|while)\b)\p{Ll}[\p{L}'’-]*\s+){1,3}\p{Lu}[^,;.:"“”…]{1,60})/u;

/** "The brief statement by a Chinese Foreign Ministry spokesperson, who described …" */
const NAME_PHRASE = String.raw`(?:the |a |an )?\p{Lu}[\p{L}'’\-.]*(?:\s+(?:of\s+|the\s+|and\s+)?\p{Lu}[\p{L}'’\-.]*)*(?:\s+(?:spokesperson|spokesman|spokeswoman|officials?|ministers?|ministry|agency|account|editor|analysts?|sources?))?`;
const STATEMENT_BY = new RegExp(String.raw`\b(statement|comment|comments|remarks|announcement|post|message|speech|interview) by (${NAME_PHRASE})`, 'u');
/** A necessary condition of STATEMENT_BY (same flags): its alternation was tried at every word of every sentence. */
const STATEMENT_BY_HINT = / by /u;

/** Each cheap hint with the patterns it stands before, for the test that checks it is a necessary condition of each. */
export const ATTRIBUTION_GATES: ReadonlyArray<{ hint: RegExp; patterns: RegExp[] }> = [
  { hint: CITED_HINT, patterns: [CITED] },
  { hint: VERB_HINT, patterns: [SUBJECT_VERB] },
  { hint: WORDS_OF_HINT, patterns: [WORDS_OF] },
  { hint: MARK_VERB_HINT, patterns: [APPOSITIVE, ROLE_FIRST, VERB_SUBJECT, VERB_ROLE_SUBJECT] },
  { hint: STATEMENT_BY_HINT, patterns: [STATEMENT_BY] },
];

/** "In a statement, X said …": the setting that opens the sentence. */
const OPENING_SETTING = /^(?:in|during)\s+((?:a|an|his|her|its|their|the)\s+(?:[\p{L}-]+\s+){0,3}(?:statement|speech|interview|address|post|letter|message|remarks|briefing|broadcast))\b/iu;
/** "Chinese Vice Foreign Minister Ma Zhaoxu also met Rudenko on Sunday, vowing to …" */
const PARTICIPLE = /,\s*(vowing|saying|adding|warning|noting|calling|describing|insisting|pledging|arguing|stressing|urging|promising)\b/i;
const LEADING_NAME = /^((?:[\p{Lu}][\p{L}'’\-.]*\s+)*[\p{Lu}][\p{L}'’\-.]*)/u;
/** Capitalised words that open sentences without naming anyone. */
const NOT_NAMES = new Set(
  `the a an in on at after before upon by then however but and so yet this that these those there here it its his her
  their they he she we i you our my when while as if although though despite during since until with without from for
  of to allegedly meanwhile earlier later also still other some many most several both each every all no one two three
  four five six seven eight nine ten just only even speaking according sharing typical homeopathy`.split(/\s+/),
);

/** One pass over an article, sentence by sentence in reading order; `paragraph()` before each paragraph. */
export class Attributor {
  private previous: Attributed | undefined;
  private previousAdjacent = false;
  private readonly earlier: Attributed[] = [];
  /** Names the article has used in full ("Mark Tedeschi"), to expand "Mr. Tedeschi" and "Heald". */
  private readonly names: string[] = [];
  // Look-ups kept as the two lists grow, so that each sentence costs the same at the end of a long
  // article as at its start (scanning both lists backwards made a 2,000-sentence pack quadratic, issue 14).
  // Each answers what the backward scan it replaces found: the latest entry that fits.
  /** A word of a personal name that spoke → the latest such speaker. */
  private readonly speakerByWord = new Map<string, string>();
  /** A speaker → the latest role given with them. */
  private readonly roleBySpeaker = new Map<string, string>();
  /** A word of a noted name → the index in `names` of the latest name that has it. */
  private readonly nameByWord = new Map<string, number>();
  /** The person a "he" or "she" most likely means: the last speaker or sentence subject named. */
  private lastPerson: string | undefined;
  /** The organisation an "it" or "they" most likely means: the last one that spoke or opened a sentence. */
  private lastOrganisation: string | undefined;
  /** The organisation that spoke or opened the sentence before: whom "Its chief executive" belongs to. */
  private sentenceOrganisation: string | undefined;
  private inQuote = false;
  private quoteSpeaker: Attributed | undefined;
  /** "He said:" at the end of a paragraph introduces the quote that opens the next. */
  private introduces: Attributed | undefined;
  private startOfParagraph = true;

  paragraph(): void {
    this.previous = undefined;
    this.previousAdjacent = false;
    this.startOfParagraph = true;
  }

  sentence(sentence: string): Attributed | undefined {
    const s = singleSpaced(sentence);
    const first = this.startOfParagraph;
    this.startOfParagraph = false;
    const opensWithQuote = /^["“]/.test(s);
    // News style: a quote running over paragraphs reopens each paragraph with a mark and closes only at its end.
    let inside = first ? this.inQuote && opensWithQuote : this.inQuote;
    const insideAtStart = inside;
    let hasQuote = false;
    let i = 0;
    // The sentence with the quoted words reduced to "…": who spoke is named outside the marks, and a
    // verb inside them ('"At half-time I told them …," the manager said') is the speaker's, not the article's.
    let outside = '';
    // Most sentences have no quotation mark: outside the marks is then all of it, or none (inside one).
    if (!QUOTE_MARK.test(s)) outside = inside ? (s ? '…' : '') : s;
    else for (const ch of s) {
      const at = i++;
      const was = inside;
      if (ch === '“' || (ch === '"' && !inside)) {
        if (!(first && at === 0 && insideAtStart)) inside = true;
        hasQuote = true;
      } else if (ch === '”' || ch === '"') {
        inside = false;
        hasQuote = true;
      }
      if (!was || !inside) outside += ch;
      else if (!outside.endsWith('…')) outside += '…';
    }
    this.noteNames(s);

    const words = attributeWords(outside);
    let found = words ? this.resolve(words, s) : undefined;
    if (!found && insideAtStart && this.quoteSpeaker) found = { ...this.quoteSpeaker };
    if (!found && first && opensWithQuote && this.introduces) found = { ...this.introduces };
    if (!found && words !== null && hasQuote && this.previous && this.previousAdjacent) found = { ...this.previous };

    // "The union backed the plan. Its regional secretary, Tom Ashcroft, said …": "its" is that body, so the
    // role says whose secretary ("what did the union guy say" finds him).
    // Only the body that spoke or opened the sentence just before: one named in passing is no antecedent.
    const its = this.sentenceOrganisation;
    if (found?.role && its && POSSESSIVE_ROLE.test(s) && !found.role.includes(its)) found = { ...found, role: `${found.role} of ${its}` };
    this.sentenceOrganisation = found ? (isOrganisation(found.speaker) ? found.speaker : undefined) : organisationOpening(s);
    this.introduces = found && /:\s*$/.test(s) ? found : undefined;
    if (hasQuote || insideAtStart) this.quoteSpeaker = found;
    this.inQuote = inside;
    this.previousAdjacent = found !== undefined;
    if (found) {
      this.previous = found;
      this.remember(found);
      if (/^\p{Lu}/u.test(found.speaker) && !isOrganisation(found.speaker)) this.lastPerson = found.speaker;
      if (isOrganisation(found.speaker)) this.lastOrganisation = found.speaker;
    } else {
      const subject = subjectOf(s);
      if (subject) this.lastPerson = this.fullName(subject);
      // "One of them, retired bus driver Colin Ashworth, 67, has waited …": a person introduced with an
      // appositive is who the next "he said" means, not the speaker before them.
      const introduced = introducedPerson(s);
      if (introduced) {
        this.lastPerson = this.fullName(introduced);
        if (this.previous?.speaker !== this.lastPerson) this.previous = undefined;
      }
      const organisation = organisationOpening(s);
      if (organisation) this.lastOrganisation = organisation;
    }
    return found;
  }

  private remember(found: Attributed): void {
    this.earlier.push(found);
    if (found.role) this.roleBySpeaker.set(found.speaker, found.role);
    if (isPersonalName(found.speaker)) for (const w of found.speaker.split(' ')) this.speakerByWord.set(w, found.speaker);
  }

  /** Pronouns, "the ministry", "Mr. Tedeschi": the speaker as the article named them before. */
  private resolve(found: Attributed | undefined, s: string): Attributed | undefined {
    if (!found) return undefined;
    const speaker = found.speaker;
    if (PRONOUNS.test(speaker)) {
      // A sentence that opens with a quote opens with the quote's words, not its speaker:
      // '"Fixing the pipes would help," she said.' is no statement by "Fixing".
      const here = PERSONAL.test(speaker) && !/^["“]/.test(s) ? subjectOf(s) : undefined;
      // "He" or "she" is a person: an organisation that spoke last is not who "he added" means.
      const previous = PERSONAL.test(speaker) && this.previous && isOrganisation(this.previous.speaker) && this.lastPerson ? undefined : this.previous?.speaker;
      const who = here && here.toLowerCase() !== speaker.toLowerCase() ? this.fullName(here) : previous ?? (PERSONAL.test(speaker) ? this.lastPerson : /^(it|they)$/i.test(speaker) ? this.lastOrganisation : undefined);
      if (!who) return undefined;
      const role = this.previous?.speaker === who ? this.previous.role : this.roleOf(who);
      return { ...found, speaker: who, ...(role ? { role } : {}) };
    }
    const definite = DEFINITE_ORGANISATION.exec(speaker);
    if (definite) {
      // "the agency" stands for an Authority, an Agency or a Service named before.
      const word = definite[1]!.toLowerCase();
      const head = new RegExp(`\\b(?:${[word, ...(HEAD_KIN[word] ?? [])].join('|')})\\b`, 'i');
      const other = (n: string) => n.toLowerCase() !== speaker.toLowerCase();
      const spoke = lastOf(this.earlier, (a) => head.test(a.speaker) && other(a.speaker))?.speaker;
      // "The company added" right after "First West of England said": the body that spoke just before.
      // A name like a person's ("Sanofar Pharma") counts when it spoke in a statement with no role: people have roles.
      const prev = this.previous;
      const body = prev && (!isPersonalName(prev.speaker) || (!prev.role && /statement/.test(prev.how)));
      const adjacent = prev && this.previousAdjacent && body && !PRONOUNS.test(prev.speaker) && other(prev.speaker) ? prev.speaker : undefined;
      // "the department added" after "The Home Office said": the organisation that spoke last.
      const lastOrganisation = lastOf(this.earlier, (a) => isOrganisation(a.speaker) && other(a.speaker))?.speaker;
      // "The transit company, Northfield Metro Lines, said …" then "the company said": the body given that role.
      // The role must be that body ("transit company"), not a person's at it ("the company's chief executive").
      const headed = new RegExp(`\\b(?:${[word, ...(HEAD_KIN[word] ?? [])].join('|')})$`, 'i');
      const given = lastOf(this.earlier, (a) => a.role !== undefined && headed.test(a.role) && other(a.speaker))?.speaker;
      const who = spoke ?? given ?? adjacent ?? lastOf(this.names, (n) => head.test(n) && other(n) && !s.includes(n)) ?? lastOrganisation;
      return who ? { ...found, speaker: who } : found;
    }
    // "the professor said": the person the article gave that role before.
    const described = /^the (\p{Ll}+)$/u.exec(speaker)?.[1];
    if (described) {
      const word = new RegExp(`\\b${described}\\b`, 'i');
      const person = [...this.roleBySpeaker].reverse().find(([, role]) => word.test(role))?.[0];
      if (person) return { ...found, speaker: person, role: this.roleBySpeaker.get(person)! };
    }
    if (!looksLikeSpeaker(speaker)) return undefined;
    const full = this.fullName(speaker);
    if (full === speaker) return found;
    const role = found.role ?? this.roleOf(full);
    return { ...found, speaker: full, ...(role ? { role } : {}) };
  }

  private roleOf(speaker: string): string | undefined {
    return this.roleBySpeaker.get(speaker);
  }

  /** "Mr. Tedeschi" → "Mark Tedeschi" when the article named him in full before. */
  private fullName(name: string): string {
    const bare = name.replace(HONORIFIC, '').replace(/['’]s?$/u, '').trim();
    if (!bare || bare.includes(' ') || !/^\p{Lu}/u.test(bare)) return name;
    const spoken = this.speakerByWord.get(bare);
    if (spoken) return spoken;
    const run = this.nameByWord.get(bare);
    if (run !== undefined) {
      const words = this.names[run]!.split(' ');
      const at = words.indexOf(bare);
      // "Chinese Vice Foreign Minister Ma Zhaoxu": titles come first, so a given name starts the rest;
      // a surname keeps at most the two words before it.
      const full = at < words.length - 1 ? words.slice(at).join(' ') : words.slice(Math.max(0, at - 2)).join(' ');
      return TITLE.exec(full)?.[2] ?? full;
    }
    return bare === name.trim() ? name : bare;
  }

  private noteNames(s: string): void {
    // exec, not matchAll: matchAll copies the pattern for every sentence.
    NAMES.lastIndex = 0;
    // `s` is single-spaced, so a name's words are split by one space.
    for (let m = NAMES.exec(s); m; m = NAMES.exec(s)) {
      const words = withoutPossessive(m[0]).replace(HONORIFIC, '').split(' ');
      while (words.length && NOT_NAMES.has(words[0]!.toLowerCase())) words.shift();
      if (words.length >= 2 && words.length <= 6) {
        this.names.push(words.join(' '));
        for (const w of words) this.nameByWord.set(w, this.names.length - 1);
      }
    }
  }
}

/**
 * NAME's matches of two words or more, and only those: a one-word name is never one of 2 to 6 words, and
 * matching every capitalised word made a match object for each (issue 14: most of noting names). The same
 * spans as NAME's multi-word matches, since a one-word match holds no start of a longer one (tested).
 */
const NAMES = new RegExp(NAME.endsWith(')*') ? `${NAME.slice(0, -1)}+` : fail('NAME no longer ends in its repeated words'), 'gu');
function fail(why: string): never {
  throw new Error(why);
}
/** For the test that NAMES finds what NAME does of more than one word. */
export const NAME_PATTERNS = { one: NAME, several: NAMES.source };
/** Other heads an organisation's own name may have for the word a later sentence calls it by. */
const HEAD_KIN: Record<string, string[]> = {
  agency: ['authority', 'service', 'office', 'commission', 'administration', 'bureau'],
  authority: ['agency', 'commission'],
  department: ['ministry', 'office'],
  ministry: ['department', 'office'],
  company: ['corporation', 'group', 'firm', 'airways', 'airlines', 'railway', 'bank', 'plc', 'ltd', 'inc'],
  group: ['association', 'coalition', 'alliance', 'campaign'],
  union: ['federation', 'congress'],
  police: ['constabulary', 'force'],
};
const LEADING_NAME_RUN = new RegExp(`^(${NAME})`, 'u');
const DEFINITE_ORGANISATION = new RegExp(`^the (${ORG_HEADS})$`, 'iu');
const ORGANISATION = new RegExp(`\\b(${ORG_HEADS}|herald|times|post|news|press|journal|agency|bbc|abc|cnn|reuters)\\b`, 'i');
const VERB = new RegExp(`\\b(${VERBS})\\b`, 'i');
const NAME_BEFORE_COMMA = new RegExp(`^(${NAME}),`, 'u');
const ORGANISATION_OPENING = new RegExp(`^(the\\s+(?:[\\p{L}'’-]+\\s+){0,3}(?:${ORG_HEADS}))\\b`, 'iu');

/** The latest item of a list that fits. */
function lastOf<T>(list: readonly T[], fits: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (fits(list[i]!)) return list[i];
  return undefined;
}

/** Attributes one sentence on its own, with no context: for callers that have a single sentence. */
export function attributeSentence(sentence: string): Attributed | undefined {
  return new Attributor().sentence(sentence);
}

/** Who the wording says spoke; null when it says the sentence is the article's own even with a quote in it (a passive). */
function attributeWords(sentence: string): Attributed | undefined | null {
  // "Mia Falk, KC, a lawyer for the farmers, said": honours after a name are read past.
  const bracketless = sentence.includes('(') ? sentence.replace(ACRONYM_IN_BRACKETS, '') : sentence;
  // 'said Dr. Hannah Okafor': the dot of an abbreviated title ends no name (the speaker was read as "Dr").
  const unbracketed = TITLE_DOT_HINT.test(bracketless) ? bracketless.replace(TITLE_DOT, '$1') : bracketless;
  const s = POSTNOMINAL_HINT.test(unbracketed) ? unbracketed.replace(POSTNOMINALS_AFTER, (_, verb?: string) => verb ?? ',') : unbracketed;
  const cited = CITED_HINT.test(s) ? CITED.exec(s) : null;
  if (cited) {
    const source = cleanSpeaker(cited[1]!);
    return { speaker: cleanSpeaker(cited[2]!), how: `cited by ${source}`, reported: true };
  }
  const according = ACCORDING.exec(s);
  if (according) {
    // "according to a study published on Tuesday in …": the source is the study, not where it appeared.
    const by = ACCORDING_BY.exec(according[1]!)?.[1];
    if (by && looksLikeSpeaker(cleanSpeaker(by))) {
      const source = cleanSpeaker(according[1]!.replace(ACCORDING_TAIL, ''));
      return { speaker: cleanSpeaker(by), how: `according to ${source} by ${cleanSpeaker(by)}`, reported: true };
    }
    const source = cleanSpeaker(according[1]!.replace(ACCORDING_TAIL, ''));
    // "According to the club's chairman, Robert Finch, …": the name set off after the role is the source.
    const named = new RegExp(String.raw`^,\s+(${NAME}),`, 'u').exec(s.slice(according.index + according[0].length))?.[1];
    if (named && isPersonalName(named) && /^(?:the|a|an|its|his|her|their)\s|['’]s\s/i.test(source)) {
      return withRole({ speaker: named, how: `according to ${source}`, reported: true }, source.replace(/^(the|a|an)\s+/i, ''));
    }
    return { speaker: source, how: `according to ${source}`, reported: true };
  }
  const wordsOf = (WORDS_OF_HINT.test(s) ? WORDS_OF.exec(s) : null) ?? VERB_FIRST.exec(s);
  if (wordsOf) {
    const parts = wordsOf[1]!.split(/\s*,\s*/).map((p) => p.replace(/^(the|a|an)\s+/i, '').trim()).filter(Boolean);
    const name = parts.find(isPersonalName) ?? parts[0]!;
    const role = parts.filter((p) => p !== name && /\p{Ll}/u.test(p)).join(', ');
    if (looksLikeSpeaker(name)) return splitRole(withRole({ speaker: name, how: 'said', reported: true }, role));
  }
  const by = STATEMENT_BY_HINT.test(s) ? STATEMENT_BY.exec(s) : null;
  if (by) return { speaker: cleanSpeaker(by[2]!), how: `a ${by[1]!.toLowerCase()}`, reported: true };
  const setting = OPENING_SETTING.exec(s)?.[1]?.replace(/^\p{Lu}/u, (c) => c.toLowerCase());
  const markVerb = MARK_VERB_HINT.test(s);
  const appositive = markVerb ? APPOSITIVE.exec(s) : null;
  if (appositive) {
    // "Professor David Marsh of the University of Reading, who …, said": the person before "of", not the body.
    const of = PERSON_OF.exec(s.slice(0, appositive.index));
    if (of && isPersonalName(of[1]!.replace(TITLE_WORDS, '').trim() || of[1]!)) {
      return splitRole(withRole({ speaker: of[1]!, how: setting ? `said in ${setting}` : 'said', reported: true }, `${of[2]!.trim()} ${appositive[1]!}`));
    }
    // The appositive's name sits inside a clause about a person before it: that person spoke.
    const described = RELATIVE_BEFORE.exec(s.slice(0, appositive.index))?.[1];
    if (described && isPersonalName(described.replace(TITLE_WORDS, '').trim() || described)) {
      return splitRole({ speaker: described, how: setting ? `said in ${setting}` : 'said', reported: true });
    }
    const name = cleanSpeaker(appositive[1]!);
    if (looksLikeSpeaker(name) && !NOT_NAMES.has(name.replace(/^the\s+(?=\p{Lu})/u, '').split(' ')[0]!.toLowerCase())) {
      return withRole({ speaker: name, how: setting ? `said in ${setting}` : 'said', reported: true }, appositive[2]!.replace(/^(the|a|an)\s+/i, ''));
    }
  }
  const roleFirst = markVerb ? ROLE_FIRST.exec(s) : null;
  if (roleFirst && isPersonalName(roleFirst[2]!) && !/^(in|on|at|after|before|during|when|while|speaking|according|however|meanwhile)\b/i.test(roleFirst[1]!)) {
    // "The council's housing lead, Councillor Peter Hales, said": the title is how he is addressed; the role is given.
    return withRole({ speaker: TITLE.exec(roleFirst[2]!)?.[2] ?? roleFirst[2]!, how: setting ? `${roleFirst[3]} in ${setting}` : roleFirst[3]!, reported: true }, roleFirst[1]!.replace(/^(the|a|an|its|his|her|their)\s+/i, ''));
  }
  const after = markVerb ? VERB_SUBJECT.exec(s) : null;
  if (after) {
    // "said Mr Tom Reid": a title of address only, not part of the name.
    const split = splitRole({ speaker: cleanSpeaker(after[1]!).replace(ADDRESS, ''), how: 'said', reported: true });
    // '…," said Hannah Okafor, the ecologist who led the survey.': the description after the name is her role.
    const described = ROLE_AFTER_NAME.exec(s.slice(after.index + after[0].length))?.[1];
    return described ? withRole(split, described) : split;
  }
  const roleAfter = markVerb ? VERB_ROLE_SUBJECT.exec(s) : null;
  if (roleAfter) {
    const split = splitRole({ speaker: roleAfter[1]!.trim(), how: 'said', reported: true });
    if (split.role && isPersonalName(split.speaker)) return split;
  }
  const sv = VERB_HINT.test(s) ? SUBJECT_VERB.exec(s) : null;
  // "Mubanga was described as an "MI6 agent" by one newspaper": the passive's subject said nothing.
  if (sv && PASSIVE.test(sv[2]!)) {
    const by = /^[^,;.:]*?\bby\s+([^,;.:"“”]{2,60})/u.exec(s.slice(sv.index + sv[0].length - (sv[3]?.length ?? 0)))?.[1];
    return by && looksLikeSpeaker(by.trim()) ? { speaker: cleanSpeaker(by), how: 'said', reported: true } : null;
  }
  if (sv) {
    const speaker = cleanSpeaker(sv[2]!);
    const verb = VERB.exec(sv[0])?.[1]?.toLowerCase() ?? 'said';
    const after = /^\s*(in|on|at|during|through|via)\s+[^,;.]+?(?=\s+that\b|$)/i.exec(sv[3] ?? '')?.[0]?.trim();
    const how = after ? `${verb} ${after}` : setting && !verb.includes(' ') ? `${verb} in ${setting}` : verb;
    if (PRONOUNS.test(speaker) || /^the \p{Ll}+$/u.test(speaker)) return { speaker, how, reported: true };
    if (!looksLikeSpeaker(speaker)) return undefined;
    return splitRole({ speaker, how, reported: true });
  }
  const participle = PARTICIPLE.exec(s);
  const subject = LEADING_NAME.exec(s)?.[1];
  if (participle && subject && subject.includes(' ') && s.slice(0, participle.index).split(' ').length < 25) {
    return splitRole({ speaker: subject.trim(), how: participle[1]!.toLowerCase(), reported: true });
  }
  if (participle && /^(he|she)\b/i.test(s)) return { speaker: s.split(' ')[0]!, how: participle[1]!.toLowerCase(), reported: true };
  return undefined;
}

const POSTNOMINAL_LIST = 'QC|KC|SC|MP|MEP|MSP|OBE|MBE|CBE|KBE|PhD|MD|Jr|Sr|Esq';
const POSTNOMINAL = new RegExp(`^(?:${POSTNOMINAL_LIST})\\.?$`);
const POSTNOMINAL_HINT = new RegExp(`, (?:${POSTNOMINAL_LIST})\\b`);
/** ", QC," → "," (or nothing before the verb: "Nils Storm, QC, said" → "Nils Storm said"). */
const POSTNOMINALS_AFTER = new RegExp(`,\\s+(?:${POSTNOMINAL_LIST})\\.?,(\\s+(?:${SINGLE_VERBS})\\b)?`, 'g');

function withRole(a: Attributed, role: string): Attributed {
  // ", who was freed last month," describes the speaker but is no role.
  // Nor are honours after a name ("Tom Molomby, SC, said"): letters, not what the speaker does.
  // An age ("Graham Pettifer, 58, admitted") says how old, not what the speaker does.
  const r = /^(who|which|that|whose)\b/i.test(role.trim()) || POSTNOMINAL.test(role.trim()) || /^\d{1,3}$/.test(role.trim()) ? '' : role.trim();
  return r ? { ...a, role: r } : a;
}

/** Capitalised titles that open a name: "Chinese Vice Foreign Minister Ma Zhaoxu", "President Vladimir Putin". */
const TITLE = /^(.*\b(?:Minister|President|Vice|Deputy|Secretary|Chancellor|Premier|Chairman|Chairwoman|Chair|Director|Governor|Mayor|Senator|Ambassador|General|Commissioner|Spokesman|Spokeswoman|Spokesperson|Judge|Justice|Councillor|Coach|Captain|Prosecutor|Professor|Dr\.?|Sir|King|Queen|Prince|Princess|Pope))\s+(\p{Lu}[\p{L}'’\-.]*(?:\s+\p{Lu}[\p{L}'’\-.]*)*)$/u;
/**
 * Occupations written before a name, capitalised only because they open the sentence: "Hydrologist Anna
 * Berg", "Striker Tom Lind". The suffixes name trades (-ologist, -ist, -ician); the list, common ones that lack them.
 */
export const OCCUPATION = /^(?:\p{Lu}\p{Ll}+(?:ologist|ist|ician)|Striker|Goalkeeper|Defender|Midfielder|Forward|Winger|Singer|Rapper|Actor|Actress|Author|Writer|Lawyer|Attorney|Researcher|Reporter|Editor|Historian|Officer|Inspector|Detective|Sergeant|Manager|Founder|Teacher|Doctor|Nurse|Engineer|Producer|Analyst|Expert|Official|Spokesman|Spokeswoman|Spokesperson|Coach|Captain|Prosecutor|Professor|Director|Economist|Scientist|Farmer|Resident|Witness|Campaigner|Student|Veteran)$/u;
/** "Hydrologist Anna Berg" → the occupation, and the name after it. */
const OCCUPATION_FIRST = new RegExp(String.raw`^(\p{Lu}\p{Ll}+)\s+(${NAME})$`, 'u');

/** "coauthor Colette Heald" → Colette Heald, coauthor; "Tunisia's coach Nabil Maaloul" → Nabil Maaloul, Tunisia's coach. */
function splitRole(a: Attributed): Attributed {
  const m = /^((?:the\s+|a\s+|an\s+)?(?:\S+\s+)*?(?!(?:of|de|the|and|for)\s)\p{Ll}[\p{L}-]*)\s+(\p{Lu}[\p{L}'’\-.]*(?:\s+\p{Lu}[\p{L}'’\-.]*)*)$/u.exec(a.speaker);
  const occupied = OCCUPATION_FIRST.exec(a.speaker);
  if (occupied && OCCUPATION.test(occupied[1]!) && isPersonalName(occupied[2]!)) {
    return withRole({ ...a, speaker: occupied[2]! }, [occupied[1]!.toLowerCase(), a.role].filter(Boolean).join(', '));
  }
  const titled = TITLE.exec(a.speaker);
  if (titled && !isOrganisation(a.speaker)) {
    // "lead author Dr Hannah Sorensen": the role is "lead author"; "Dr" is how she is addressed.
    const title = titled[1]!.replace(/^(the|a|an)\s+/i, '').replace(/(?<=\p{Ll}.*)\s+(?:Dr\.?|Mr|Mrs|Ms|Sir)$/u, '');
    return withRole({ ...a, speaker: titled[2]! }, [a.role, title].filter(Boolean).join(', '));
  }
  if (!m || /^(the|a|an)$/i.test(m[1]!) || isOrganisation(m[2]!)) return a;
  return withRole({ ...a, speaker: m[2]! }, m[1]!.replace(/^(the|a|an|his|her|their|its)\s+/i, ''));
}

function isPersonalName(s: string): boolean {
  return /^\p{Lu}[\p{L}'’\-.]+(?:\s+\p{Lu}[\p{L}'’\-.]+)+$/u.test(s) && !isOrganisation(s);
}

function isOrganisation(s: string): boolean {
  return ORGANISATION.test(s);
}

/** Lower-case words that end a role written before a name; others (verbs, prepositions) say the name is no subject. */
const NOT_ROLE_WORDS = new RegExp(`^(?:${VERBS}|to|by|with|for|from|at|in|on|of|and|or|but|that|which|who|met|asked|thanked|named|called|is|was|has|had)$`, 'i');
const INTRODUCED = new RegExp(String.raw`^((?:\p{Ll}[\p{L}'’\-]*\s+){0,4})(${NAME}),`, 'u');

/**
 * The person a sentence opens by introducing, set off by commas: "Maria Costa, who leads the union, …",
 * "One of them, retired bus driver Colin Ashworth, 67, …" (after one short opening clause, with the role before the name).
 */
function introducedPerson(s: string): string | undefined {
  const { unquoted, rest } = openingOf(s);
  for (const text of rest === unquoted ? [unquoted] : [unquoted, rest]) {
    const m = INTRODUCED.exec(text);
    if (!m) continue;
    const role = m[1]!.trim().split(/\s+/).filter(Boolean);
    // A role is a noun phrase with no article or verb ("retired bus driver"); "the operator emailed tenant X" is no introduction.
    if (role.some((w, n) => NOT_ROLE_WORDS.test(w) || /^(?:the|a|an|its|his|her|their)$/i.test(w) || (n > 0 && /ed$/i.test(w))) || (role.length > 0 && text === unquoted)) continue;
    const name = m[2]!.replace(TITLE_WORDS, '').trim();
    if (isPersonalName(name) && !NOT_NAMES.has(name.split(' ')[0]!.toLowerCase())) return name;
  }
  return undefined;
}

/** The name a sentence opens with, after one short opening clause: "Allegedly, Thomas' sister …" → Thomas. */
function subjectOf(s: string): string | undefined {
  const opening = openingOf(s);
  const { unquoted, rest } = opening;
  // "Maria Costa, who leads the union, spoke …": a full name before the comma is the subject, no opening clause.
  const named = NAME_BEFORE_COMMA.exec(unquoted)?.[1];
  if (named && isPersonalName(named) && !NOT_NAMES.has(named.split(' ')[0]!.toLowerCase())) return named;
  const lead = leadOfRest(opening);
  if (!lead) return undefined;
  const words = lead.split(/\s+/);
  if (NOT_NAMES.has(words[0]!.toLowerCase()) || PRONOUNS.test(words[0]!)) return undefined;
  const name = lead.replace(/['’]s?$/u, '');
  // "Dock workers stayed out": one capitalised everyday word is the sentence's first word, not a name.
  // After an opening clause ("Allegedly, Thomas' sister …") the capital is the name's own.
  if (rest === unquoted && words.length === 1 && name === lead && everydayRank(name.toLowerCase()) !== undefined) return undefined;
  return isOrganisation(name) ? undefined : name;
}

/** A sentence that opens with a role of "its" or "their": "Its chief executive, Dr Priya Raman, said". */
const POSSESSIVE_ROLE = /^(?:Its|Their)\s+\p{Ll}/u;

/** "The regional tourism board rejected that claim." → "the regional tourism board": an "it" to come. */
function organisationOpening(s: string): string | undefined {
  const m = ORGANISATION_OPENING.exec(s);
  if (m) return m[1]!.replace(/^The/, 'the');
  const opening = openingOf(s);
  const lead = (opening.rest === s ? leadOfRest(opening) : LEADING_NAME_RUN.exec(s)?.[1])?.replace(/['’]s?$/u, '');
  return lead && isOrganisation(lead) ? lead : undefined;
}

/** `name.replace(/['’]s?$/u, '')` without the pattern: a name noted is most of a sentence's words (issue 14). */
function withoutPossessive(name: string): string {
  const n = name.length;
  const isMark = (c: number) => c === 39 || c === 0x2019;
  if (isMark(name.charCodeAt(n - 1))) return name.slice(0, n - 1);
  return name.charCodeAt(n - 1) === 115 && isMark(name.charCodeAt(n - 2)) ? name.slice(0, n - 2) : name;
}

/** One short opening clause and its comma: "Allegedly, ", "In the end, ". */
const OPENING_CLAUSE = /^(?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+,\s+/u;

interface Opening {
  s: string;
  /** The sentence without an opening quotation mark. */
  unquoted: string;
  /** `unquoted` past one short opening clause, or `unquoted` itself. */
  rest: string;
  /** LEADING_NAME_RUN's name at the start of `rest`, once read (null: none). */
  lead?: string | null;
}

/**
 * A sentence's opening, read once: subjectOf, introducedPerson and organisationOpening each read the
 * same sentence in turn, and stripping the clause again in each was most of what they cost (issue 14).
 * One sentence is kept, the last one asked about.
 */
let lastOpening: Opening | undefined;
function openingOf(s: string): Opening {
  if (lastOpening?.s === s) return lastOpening;
  const c = s.charCodeAt(0);
  const unquoted = c === 34 || c === 0x201c ? s.slice(1) : s;
  // The clause ends in a comma: without one, nothing is stripped.
  return (lastOpening = { s, unquoted, rest: unquoted.includes(',') ? unquoted.replace(OPENING_CLAUSE, '') : unquoted });
}

function leadOfRest(opening: Opening): string | undefined {
  if (opening.lead === undefined) opening.lead = LEADING_NAME_RUN.exec(opening.rest)?.[1] ?? null;
  return opening.lead ?? undefined;
}

function cleanSpeaker(raw: string): string {
  let s = raw.trim().replace(/^["“”'’]+|["“”'’]+$/g, '').trim();
  // Keep the last clause: "In a TV broadcast to the nation on Saturday, Putin" → "Putin".
  s = s.split(/,\s*/).pop()!.trim();
  while (CLAUSE_STARTERS.test(s)) s = s.replace(CLAUSE_STARTERS, '');
  while (ADVERBS.test(s)) s = s.replace(ADVERBS, '');
  const words = s.split(' ');
  if (words.length > 8) s = words.slice(-8).join(' ');
  return s.replace(/^(the|a|an)\s+/i, (m) => m.toLowerCase()).trim();
}

/** A speaker is a name or a noun phrase, not a clause that happens to precede "said". */
function looksLikeSpeaker(s: string): boolean {
  if (!s || s.length > 70) return false;
  const folded = fold(s);
  if (/\b(is|are|was|were|be|been|has|have|had|will|would|could|should|not)\b/i.test(folded)) return false;
  return /\p{Lu}/u.test(s) || /^(the|a|an)\s/i.test(s) || /\b(spokes\w+|officials?|ministry|minister|government|police|agency|ministers?|researchers|scientists|experts|analysts|sources|witnesses|residents|doctors|economists|investigators|prosecutors)\b/i.test(folded);
}
