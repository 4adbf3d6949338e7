// People, organisations and places named in an article, with aliases, from capitalised phrases.
// News prose marks names by capitals and titles ("Foreign Minister Qin Gang", "Wagner Group head
// Yevgeny Prigozhin"), so rules about runs of capitalised words, titles, suffixes ("Agency",
// "Ministry") and the words around a name find them. Measured on the seed article against its
// hand-curated entities.json: these rules find 28 names, all curated ones, and 27 of its 35 people,
// organisations and places; compromise's people()/organizations()/places() find 21 (16 right) and
// 16 of 35. compromise is only asked for the type of a bare name the rules cannot type (nlp.ts).
import { everydayRank, OCCUPATION, splitSentences, STOP_WORDS } from '../engine/index.ts';
import type { Entity, Paragraph } from '../knowledge/schema.ts';
import { slugify } from '../knowledge/loader.ts';
import { AUTHOR_CREDITS, parseCredits } from '../knowledge/plain-text.ts';

export type EntityType = Entity['type'];

/** The default role when the article gives none: the curator fills it in. */
export { UNKNOWN_ROLE } from '../knowledge/schema.ts';
import { UNKNOWN_ROLE } from '../knowledge/schema.ts';

// Capitalised words that make the words after them a person's name: "President Vladimir Putin".
const TITLES = new Set(
  `president vice-president minister secretary chancellor premier chairman chairwoman chair governor senator sen mayor
  general gen dr mr mrs ms prof professor judge justice ambassador king queen prince princess pope sheikh director
  ceo commander colonel col captain capt lieutenant lt sergeant sgt representative rep gov speaker bishop archbishop
  cardinal rabbi imam coach inspector detective lord lady sir dame spokesperson spokesman spokeswoman envoy marshal
  admiral emperor empress tsar czar ayatollah chief councillor cllr`.split(/\s+/),
);
/** Titles of address only: they mark a person's name but say nothing of what the person does. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame', 'lord', 'lady']);
/** Acronyms that name a country, not a body: "the UK had not helped". */
const COUNTRY_ACRONYMS = new Set(['UK', 'US', 'USA', 'UAE', 'DRC', 'PRC', 'ROK', 'DPRK']);
// Lower-case roles written just before a name: "Wagner Group head Yevgeny Prigozhin".
const ROLE_NOUNS =
  'head|chief|leader|founder|co-founder|spokesperson|spokesman|spokeswoman|editor-in-chief|editor|director|chairman|chairwoman|president|minister|secretary|commander|ceo|owner|boss|analyst|professor|researcher|lawyer|attorney|ambassador|envoy|official|general|governor|mayor|senator|premier|author|economist|reporter|correspondent|columnist|adviser|advisor|aide|scientist|expert|activist|candidate|chancellor|prosecutor|judge|historian|citizen|resident|fighter|soldier|pilot|doctor|captain|coach|manager|executive|strategist';
const ROLE_BEFORE = new RegExp(
  String.raw`((?:(?:\p{Lu}[\p{L}'’.\-]*|of|the|and)\s+)*(?:(?:former|deputy|vice|acting|senior|top|then|longtime|veteran|chief|executive|managing|foreign|defense|defence|finance|political|military|founding|new|current)\s+)*(?:${ROLE_NOUNS}))\s+$`,
  'u',
);
// "The home secretary, " before a name that a comma closes.
const ROLE_COMMA_BEFORE = new RegExp(String.raw`(?:^|[\s"“])(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+((?:[\p{Ll}'’\-]+\s+){0,3}(?:${ROLE_NOUNS}|secretary|spokesman|coach)),\s+$`, 'u');
// ", the Russian president," after a name.
// The role noun must be lower case: ", the National Party of Australia," is the next item of a list.
const APPOSITIVE = new RegExp(String.raw`^,\s+((?:[Tt]he|[Aa]n?|[Ff]ormer|who is)\s+[^,.;:"“”()]{0,80}?\b(?:${ROLE_NOUNS}|ministry|agency|group|company|party|newspaper|broadcaster)\b[^,.;:"“”()]{0,40}?|(?:${ROLE_NOUNS})\s+(?:of|at|for)\s+[^,.;:"“”()]{2,60}?)\s*[,.;]`, 'u');
const ACRONYM_AFTER = /^\s*\(([\p{Lu}][\p{Lu}\p{N}&.]{1,9})\)/u;

/** Last words of a sports club's name, which news also writes alone. */
const CLUB_WORDS = new Set(['rovers', 'wanderers', 'harriers', 'rangers', 'athletic', 'albion', 'united']);
const ORG_SUFFIX = new Set(
  `group agency ministry army navy force forces times daily post news radio television tv party dynasty council committee
  commission company corporation corp inc ltd llc plc university college school bank fund association union institute
  foundation department office court parliament congress senate assembly government service services organization
  organisation league club airlines airways network journal press review tribune herald telegraph guardian kremlin
  pentagon house police authority bureau administration alliance coalition movement front brigade battalion guard guards
  media studios records motors technologies systems labs holdings exchange reserve board cabinet academy hospital
  church mission command agency abroad trust watch international railway railways lines ${[...CLUB_WORDS].join(' ')}`.split(/\s+/),
);
const PLACE_SUFFIX = new Set(
  'city province county island islands river mountains mountain sea ocean street square valley region republic kingdom federation bay lake peninsula strait desert district oblast territory coast'.split(' '),
);
const EVENT_SUFFIX = new Set('rebellion revolution war revolt uprising summit games olympics cup conference crisis massacre election elections festival treaty accords awards day'.split(' '));
const OTHER_SUFFIX = new Set('act bill law code constitution vote award prize index report doctrine plan programme program protocol show'.split(' '));
const DATE_WORDS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
const CONNECTORS = new Set(['of', 'de', 'del', 'da', 'du', 'van', 'von', 'der', 'al', 'bin', 'la', 'le', 'y']);
const PLACE_PREPOSITIONS = new Set(['in', 'to', 'toward', 'towards', 'from', 'into', 'across', 'near', 'around', 'throughout', 'inside', 'outside', 'at', 'visited', 'for']);
const ROLE_NOUN_SET = new Set(ROLE_NOUNS.split('|').concat(['economist', 'sociologist', 'historian', 'scientist', 'physicist', 'biologist', 'chemist', 'analyst', 'philosopher', 'psychologist', 'geologist', 'anthropologist', 'novelist', 'poet', 'artist', 'architect', 'engineer', 'inventor', 'journalist', 'writer', 'actor', 'actress', 'singer']));
// Function words and sentence adverbs: never a name on their own ("May" and "Will" can be).
const NEVER_NAMES = new Set(
  [...STOP_WORDS, ...'however therefore thus hence although though whereas conversely moreover furthermore meanwhile nevertheless nonetheless instead otherwise today yesterday tomorrow now one two three four five six seven eight nine ten first second third most several few other another despite unlike like once'.split(' ')].filter(
    (w) => w !== 'may' && w !== 'will',
  ),
);
const LEADING_STOP = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'as', 'while', 'when', 'but', 'and', 'or', 'if', 'so', 'some', 'many', 'it', 'this', 'that', 'these', 'those', 'after', 'before', 'with', 'by', 'for', 'from', 'to', 'of', 'here', 'there', 'read', 'more']);
// Short acronyms that are also everyday words but usually mean a country or a body in news.
const KEEP_ACRONYMS = new Set(['US', 'UK', 'EU', 'UN', 'WHO', 'IT']);
// Letters after a name that are honours or ranks, not names: "Mark Tedeschi, QC".
const POSTNOMINALS = new Set(['QC', 'KC', 'SC', 'MP', 'MEP', 'OBE', 'MBE', 'CBE', 'KBE', 'PhD', 'MD', 'Jr', 'Sr', 'Esq']);
const isInstitution = (word: string) => ORG_SUFFIX.has(word) || PLACE_SUFFIX.has(word) || EVENT_SUFFIX.has(word) || OTHER_SUFFIX.has(word);

/** A name as the article writes it, with what its surroundings say about it. */
export interface Mention {
  name: string;
  paragraph: number;
  /** Title or role before or after the name ("Foreign Minister", "former editor-in-chief"). */
  role?: string;
  /** Evidence for the type: 'title' (person), 'place' (after "in", "toward"), 'the' (organisation). */
  cue?: 'title' | 'place' | 'the' | 'work';
  /** First word of a sentence: capitalised for grammar, not necessarily a name. */
  sentenceStart: boolean;
  acronym?: string;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

// "Jazzin'", "Rockin'": a dropped g keeps its apostrophe.
const WORD = /[\p{L}\p{N}]+(?:['’\-.&][\p{L}\p{N}]+)*(?:(?<=\p{L}in)['’](?=\s))?/gu;
const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
/** "Drake's", "Jones'" (not the dropped g of "Jazzin'"). */
const POSSESSIVE = /['’]s$|(?<!\p{L}in)['’]$/u;
const stripPossessive = (w: string) => w.replace(POSSESSIVE, '');
const isAcronym = (w: string) => /^\p{Lu}[\p{Lu}\p{N}&.]+$/u.test(w) && !/\p{Ll}/u.test(w);

/** Every capitalised phrase in the body paragraphs that can be a name, with its cues. */
/** `typeOf` (the lexicon's guess, when loaded) keeps a person or place out of a body's name after "and". */
export function findMentions(paragraphs: Paragraph[], typeOf?: (name: string) => EntityType | undefined): Mention[] {
  const mentions: Mention[] = [];
  const lowerWords = lowerCaseWords(paragraphs);
  for (const para of paragraphs) {
    if (para.kind !== 'body') continue;
    for (const sentence of splitSentences(para.text)) {
      const words: Word[] = [...sentence.text.matchAll(WORD)].map((m) => {
        // "U.S." keeps its last dot, so "U.S. Department of Agriculture" stays one name.
        const dotted = /^(?:\p{Lu}\.)+\p{Lu}$/u.test(m[0]) && sentence.text[m.index! + m[0].length] === '.';
        return { text: dotted ? `${m[0]}.` : m[0], start: m.index!, end: m.index! + m[0].length + (dotted ? 1 : 0) };
      });
      let i = 0;
      while (i < words.length) {
        if (!isCapitalised(words[i]!.text)) {
          i++;
          continue;
        }
        // Grow a run of capitalised words joined by single spaces (and "of", "de" … between them).
        let j = i;
        // A programme after its channel's possessive ("BBC One's Breakfast with Frost") keeps its small words.
        const afterPrevious = i > 0 && /^ $/.test(sentence.text.slice(words[i - 1]!.end, words[i]!.start));
        // So does a title after the word for its kind: "his music video Jazzin' for Blue Jean".
        const work = afterPrevious && WORK_NOUNS.has(words[i - 1]!.text);
        const programme = (afterPrevious && /['’]s$/u.test(words[i - 1]!.text) && broadcasterRun(words, i - 1)) || work;
        while (j + 1 < words.length) {
          const gap = sentence.text.slice(words[j]!.end, words[j + 1]!.start);
          const next = words[j + 1]!.text;
          const spaced = (k: number) => /^ $/.test(sentence.text.slice(words[k]!.end, words[k + 1]!.start));
          // "Social Science & Medicine", "Ecology & Evolution": an ampersand between capitals is inside a name.
          if (/^ & $/.test(gap) && isCapitalised(next)) {
            j++;
            continue;
          }
          // "Best Pop Duo/Group Performance" is one name.
          if (!/^ $|^\/$/.test(gap) || POSSESSIVE.test(words[j]!.text) && !isCapitalised(next)) break;
          // "Korea's Kim Shin-Wook", "Drake's Views": a name's possessive ends it ("People's Daily",
          // "A Sailor's Guide To Earth" do not). So does a possessive after two words or an acronym:
          // "BBC One's Breakfast", "BBC Radio 5 Live's Sports Report" are a channel and its programme.
          const possessor = POSSESSIVE.test(words[j]!.text) && !/^(A|An|The)$/.test(words[i]!.text);
          if (possessor && ((everydayRank(stripPossessive(words[j]!.text).toLowerCase()) ?? Infinity) >= 1000 || j > i || isAcronym(words[i]!.text))) break;
          // "BBC Radio 5 Live", "Channel 4 News": a small number between capitals (not "June 5 Smith").
          if (/^\d{1,2}$/.test(next) && j + 2 < words.length && isCapitalised(words[j + 2]!.text) && spaced(j + 1) && !DATE_WORDS.has(words[j]!.text.toLowerCase()) && !POSSESSIVE.test(words[j]!.text)) {
            j += 2;
            continue;
          }
          // "West Yorkshire Fire and Rescue Service": "and" inside a body's name, when what follows ends in an
          // organisation's word and what comes before is an everyday word ("Bath and Cardiff" are two places).
          if (next === 'and' && spaced(j + 1) && (andJoins(words, j) || andJoinsTopics(words, i, j, typeOf))) {
            j += 2;
            continue;
          }
          if (programme && PROGRAMME_SMALL_WORDS.has(next) && j + 2 < words.length && isCapitalised(words[j + 2]!.text) && spaced(j + 1)) {
            j += 2;
            continue;
          }
          if (isCapitalised(next)) j++;
          // "Record of the Year", "Budweiser Man of the Match".
          // Not "Colorado State University of the US": a whole institution's name, then where it is.
          else if (CONNECTORS.has(next) && words[j + 2]?.text === 'the' && j + 3 < words.length && isCapitalised(words[j + 3]!.text) && !isAcronym(words[j + 3]!.text) && joinsOfThe(words, i, j, lowerWords) && spaced(j + 1) && spaced(j + 2)) j += 3;
          else if ((CONNECTORS.has(next) || (next === 'for' && ORG_SUFFIX.has(stripPossessive(words[j]!.text).toLowerCase()))) && j + 2 < words.length && isCapitalised(words[j + 2]!.text) && /^ $/.test(sentence.text.slice(words[j + 1]!.end, words[j + 2]!.start))) j += 2;
          else break;
        }
        const run = words.slice(i, j + 1);
        // A quote opens a sentence of its own: 'said: "Landlords who …' capitalises "Landlords" for grammar.
        const opensQuote = /(?:^|[\s:(—–])["“‘]$/.test(sentence.text.slice(0, words[i]!.start));
        const mention = mentionOf(run, sentence.text, i === 0 || opensQuote, para.index);
        if (mention && programme) mention.cue ??= 'work';
        if (mention) mentions.push(mention);
        i = j + 1;
      }
    }
  }
  return mentions;
}

const WORK_NOUNS = new Set(['song', 'single', 'album', 'video', 'film', 'movie', 'book', 'novel', 'play', 'musical', 'series', 'programme', 'documentary', 'painting', 'poem']);
const PROGRAMME_SMALL_WORDS = new Set(['with', 'of', 'the', 'and', 'for', 'on', 'at', 'in', 'a']);
/** Words that name a broadcaster or its channel: "BBC One's", "Sky Sports'", "Channel 4's". */
const BROADCASTER = /^(?:BBC|ITV|CNN|NBC|CBS|ABC|PBS|NPR|RTÉ|RTE|Sky|Channel|Radio|TV|Television|One|Two|Three|Four|Live|News|FM|World|Sports?)$/u;

/** Whether the run ending at word k (with its possessive) is a broadcaster: "BBC One's", "BBC Radio Bristol's". */
function broadcasterRun(words: Word[], k: number): boolean {
  let i = k;
  while (i > 0 && (isCapitalised(words[i - 1]!.text) || /^\d{1,2}$/.test(words[i - 1]!.text))) i--;
  return words.slice(i, k + 1).some((w) => BROADCASTER.test(stripPossessive(w.text)));
}

/** Whether "and" after word j is inside one name: the capitals after it end in an organisation's word, the word before it is everyday. */
function andJoins(words: Word[], j: number): boolean {
  let k = j + 2;
  if (k >= words.length || !isCapitalised(words[k]!.text)) return false;
  while (k + 1 < words.length && isCapitalised(words[k + 1]!.text) && !POSSESSIVE.test(words[k]!.text)) k++;
  const head = stripPossessive(words[k]!.text).toLowerCase();
  const everyday = (w: Word) => (everydayRank(w.text.toLowerCase()) ?? Infinity) < 5000;
  // Not "Massachusetts Institute of Technology and Colorado State University": two whole names.
  let start = j;
  while (start > 0 && (isCapitalised(words[start - 1]!.text) || CONNECTORS.has(words[start - 1]!.text))) start--;
  const whole = words.slice(start, j + 1).some((w) => ORG_SUFFIX.has(w.text.toLowerCase()));
  return ORG_SUFFIX.has(head) && !whole && k - (j + 2) <= 2 && everyday(words[j]!) && words.slice(j + 2, k).every(everyday);
}

/**
 * Whether "and" after word j joins the topics of a body named "X of/for Y": "Department of Health and Social
 * Care", "Department for Culture and Sport". The run so far opens with an organisation's word and "of" or
 * "for", and what follows "and" is one or two everyday words ending the run ("the Ministry of Defence and
 * Boris Johnson" is two names; so is "… and Colorado State University", whose last word names a body).
 */
function andJoinsTopics(words: Word[], i: number, j: number, typeOf?: (name: string) => EntityType | undefined): boolean {
  const of = words.slice(i, j + 1).findIndex((w, n) => n > 0 && (CONNECTORS.has(w.text) || w.text === 'for'));
  if (of < 1 || !ORG_SUFFIX.has(stripPossessive(words[i + of - 1]!.text).toLowerCase())) return false;
  let k = j + 2;
  if (k >= words.length || !isCapitalised(words[k]!.text)) return false;
  while (k + 1 < words.length && isCapitalised(words[k + 1]!.text) && !POSSESSIVE.test(words[k]!.text)) k++;
  const topic = words.slice(j + 2, k + 1);
  const everyday = (w: Word) => !isAcronym(w.text) && (everydayRank(stripPossessive(w.text).toLowerCase()) ?? Infinity) < 20000;
  if (topic.length > 2 || !topic.every(everyday) || isInstitution(stripPossessive(words[k]!.text).toLowerCase())) return false;
  const guess = typeOf?.(topic.map((w) => stripPossessive(w.text)).join(' '));
  return guess !== 'person' && guess !== 'place';
}

/** Words the article writes in lower case somewhere: common nouns, whatever their capitals in a name. */
function lowerCaseWords(paragraphs: Paragraph[]): Set<string> {
  return new Set(paragraphs.flatMap((p) => p.text.match(/(?<![\p{L}'’.-])\p{Ll}[\p{Ll}'’-]*/gu) ?? []));
}

/**
 * Whether "of the" + a capitalised word continues the name ending at word j: "Man of the Match", "Record
 * of the Year", "Bank of the North". Not after a person's name ("Tom Lind of the Tigers": a surname is no
 * common noun), nor after a whole institution's name ("Colorado State University of the US": then where it is).
 */
function joinsOfThe(words: Word[], i: number, j: number, lowerWords: Set<string>): boolean {
  const head = stripPossessive(words[j]!.text).toLowerCase();
  const before = words.slice(i, j).filter((w) => !LEADING_STOP.has(w.text.toLowerCase()));
  if (isInstitution(head)) return before.length === 0;
  return before.length === 0 || lowerWords.has(head) || (everydayRank(head) ?? Infinity) < COMMON_NOUN_RANK;
}

/** Words this common ("man", "song") are common nouns even where the article never writes them small. */
const COMMON_NOUN_RANK = 500;

function mentionOf(run: Word[], sentence: string, atStart: boolean, paragraph: number): Mention | undefined {
  let words = [...run];
  let sentenceStart = atStart;
  // "The official Xinhua", "In a TV broadcast", "A Weibo account": grammar capitals, not the name.
  // Mid-sentence, a capitalised "The" or "An" belongs to the name: "the An Lushan Rebellion".
  while (sentenceStart && words.length > 0 && (LEADING_STOP.has(words[0]!.text.toLowerCase()) || NEVER_NAMES.has(words[0]!.text.toLowerCase()))) {
    words = words.slice(1);
    sentenceStart = false;
  }
  // "He", "However", "Though Hutton" after a quote or a missed sentence break: function words, not names.
  // Mid-sentence, a capitalised ordinal before more capitals is the name's own: "First West of England", "the Second Vatican Council".
  const ordinalName = (w: Word[]) => !sentenceStart && w.length > 1 && /^(First|Second|Third)$/.test(w[0]!.text);
  while (words.length > 0 && NEVER_NAMES.has(words[0]!.text.toLowerCase()) && !['the', 'a', 'an'].includes(words[0]!.text.toLowerCase()) && !ordinalName(words)) words = words.slice(1);
  while (words.length > 0 && DATE_WORDS.has(stripPossessive(words.at(-1)!.text).toLowerCase())) words = words.slice(0, -1);
  while (words.length > 0 && DATE_WORDS.has(words[0]!.text.toLowerCase())) words = words.slice(1);
  // "I'm", "They've": a pronoun with its verb, never a name.
  if (words.length > 0 && /^(?:i|you|we|they|he|she|it|that|there|who)['’](?:m|re|ve|ll|d|s)$/i.test(words[0]!.text)) return undefined;
  while (words.length > 0 && POSTNOMINALS.has(words.at(-1)!.text.replace(/\.$/, ''))) words = words.slice(0, -1);
  // "Results of NCLAN": an everyday word opening the sentence, then "of", is not part of the name.
  if (sentenceStart && words.length > 2 && CONNECTORS.has(words[1]!.text) && !isInstitution(words[0]!.text.toLowerCase()) && (everydayRank(words[0]!.text.toLowerCase()) ?? Infinity) < 3000) {
    words = words.slice(2);
    sentenceStart = false;
  }
  if (words.length === 0) return undefined;

  let role: string | undefined;
  let cue: Mention['cue'];
  // "Chinese Vice Foreign Minister Ma Zhaoxu": the last title word ends the role, the name follows.
  let lastTitle = -1;
  // "Brighouse General Hospital", "Prince Charles Hospital": a name that ends in an institution's word is
  // the institution's whole name, its title words included.
  const institutionName = words.length > 1 && isInstitution(headWord(words.map((w) => w.text).join(' ')));
  if (!institutionName) words.forEach((w, i) => {
    const lower = w.text.toLowerCase().replace(/\.$/, '');
    // A role noun opening a sentence is written as a title too: "Economist Simon Kuznets".
    if (lower.split('-').some((part) => TITLES.has(part)) || (i === 0 && sentenceStart && (ROLE_NOUN_SET.has(lower) || OCCUPATION.test(w.text)))) lastTitle = i;
  });
  if (lastTitle >= 0) {
    if (lastTitle === words.length - 1) return undefined; // a role on its own: "the Russian President"
    if (CONNECTORS.has(words[lastTitle + 1]!.text)) {
      // "Queen of Australia", "President of Russia": the title is of a place or body, not before a name.
      words = words.slice(lastTitle + 2);
    } else {
      const title = sentence.slice(words[0]!.start, words[lastTitle]!.end);
      // "Mr Mubanga": an honorific says a person is meant, but it is no role.
      // "Hydrologist Anna Berg": an occupation capitalised only for opening the sentence is written small.
      if (!HONORIFICS.has(title.toLowerCase().replace(/\.$/, ''))) role = lastTitle === 0 && sentenceStart && !TITLES.has(title.toLowerCase()) ? title.toLowerCase() : title;
      words = words.slice(lastTitle + 1);
      cue = 'title';
    }
    sentenceStart = false;
  }
  const first = words[0]!;
  const last = words.at(-1)!;
  const name = stripPossessive(sentence.slice(first.start, last.end));
  if (!name || !/\p{Lu}/u.test(name)) return undefined;
  const before = sentence.slice(0, first.start);
  const after = sentence.slice(last.end);

  if (words.length === 1) {
    const word = name;
    const lower = word.toLowerCase();
    if (word.length < 2 || NEVER_NAMES.has(lower)) return undefined;
    if (isAcronym(word)) {
      if (!KEEP_ACRONYMS.has(word) && everydayRank(lower) !== undefined && everydayRank(lower)! < 20000) return undefined; // "TV", "AD"
    }
    // Demonyms used as adjectives: "Chinese state media", "Russian’s foreign ministry", "Chinese-language".
    if (cue !== 'title' && /(ese|ian|ish|ean|ern|ican)$/.test(lower) && /^(['’]s)?\s+["“‘]?\p{Ll}/u.test(after)) return undefined;
    // "Geographically …", "Ultimately, …": an adverb, capitalised only for starting the sentence (not "Italy").
    if (sentenceStart && /(ally|ously|ively|fully|edly|ingly|ently|antly)$/.test(lower)) return undefined;
    if (/-\p{Ll}/u.test(word)) return undefined;
    if (TITLES.has(lower)) return undefined;
  }
  if (!role) {
    const roleBefore = ROLE_BEFORE.exec(before)?.[1]?.trim();
    // Not "the official Xinhua News Agency" (an adjective), nor a person's role for an organisation's name.
    const adjective = roleBefore !== undefined && /^(the|a|an)\s+\S+$/i.test(roleBefore);
    const head = headWord(name);
    const institution = ORG_SUFFIX.has(head) || PLACE_SUFFIX.has(head) || EVENT_SUFFIX.has(head) || OTHER_SUFFIX.has(head);
    if (roleBefore && !adjective && !institution && !/^\p{Lu}/u.test(roleBefore.split(/\s+/).at(-1) ?? '')) {
      role = roleBefore.replace(/^(the|a|an|his|her|their|its)\s+/i, '');
      cue = 'title';
    }
  }
  // "The home secretary, Charles Clarke, said": the role before the name, set off by commas.
  const roleComma = /^,/.test(after) ? ROLE_COMMA_BEFORE.exec(before)?.[1] : undefined;
  if (!role && roleComma) {
    role = roleComma;
    cue = 'title';
  }
  const appositive = APPOSITIVE.exec(after.replace(/^['’]s?/u, ''))?.[1];
  if (!role && appositive) role = appositive.replace(/^(the|a|an|who is)\s+/i, '');
  if (!cue) {
    const prev = /(\p{L}+)\s+$/u.exec(before)?.[1]?.toLowerCase();
    if (prev === 'the') cue = 'the';
    else if (prev && PLACE_PREPOSITIONS.has(prev)) cue = 'place';
  }
  const acronym = ACRONYM_AFTER.exec(after)?.[1];
  return { name, paragraph, role, cue, sentenceStart, ...(acronym ? { acronym } : {}) };
}

interface Draft {
  name: string;
  mentions: Mention[];
  aliases: Set<string>;
  role?: string;
  type?: EntityType;
}

const key = (name: string) => name.replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

export interface ExtractOptions {
  /** Names from the credits line: people, with the role of a contributor. */
  contributors?: string[];
  /** A type for a name the rules cannot type (no title, suffix or cue); undefined keeps 'other'. */
  typeOf?: (name: string) => EntityType | undefined;
}

/** Entities from the mentions: one per name, with part-names and acronyms merged in as aliases. */
export function extractEntities(paragraphs: Paragraph[], opts: ExtractOptions = {}): Entity[] {
  const mentions = findMentions(paragraphs, opts.typeOf);
  const midSentence = new Set(mentions.filter((m) => !m.sentenceStart).map((m) => key(m.name)));
  const nameParts = new Set(mentions.filter((m) => m.name.includes(' ')).flatMap((m) => m.name.split(' ').map(key)));
  const midCount = new Map<string, number>();
  for (const m of mentions) if (!m.sentenceStart) midCount.set(key(m.name), (midCount.get(key(m.name)) ?? 0) + 1);
  const lowerWords = lowerCaseWords(paragraphs);
  const personWords = new Set(mentions.filter((m) => m.cue === 'title' || m.name.includes(' ')).flatMap((m) => m.name.split(' ')));
  const drafts = new Map<string, Draft>();
  for (const m of mentions) {
    const k = key(m.name);
    // "Landlords" opening a sentence where the article writes "landlord": a common noun.
    if (!m.name.includes(' ') && !midSentence.has(k) && (lowerWords.has(m.name.toLowerCase()) || lowerWords.has(m.name.toLowerCase().replace(/s$/, '')))) continue;
    // "the Sams": a family named by its surname, not an entity of its own.
    if (!m.name.includes(' ') && /s$/.test(m.name) && personWords.has(m.name.slice(0, -1))) continue;
    if (!m.name.includes(' ') && !nameParts.has(k) && !isAcronym(m.name)) {
      const rank = everydayRank(m.name.toLowerCase());
      // A sentence's first word is a name only when the article also capitalises it mid-sentence or it is rare.
      if (m.sentenceStart && !midSentence.has(k) && rank !== undefined && rank < 30000) continue;
      // An everyday word ("Table", "Primary") capitalised once is a name only with a cue or a lexicon entry.
      const cued = mentions.some((o) => key(o.name) === k && o.cue !== undefined);
      if (rank !== undefined && rank < 5000 && !cued && (midCount.get(k) ?? 0) < 2 && !opts.typeOf?.(m.name)) continue;
    }
    const d = drafts.get(k) ?? { name: m.name, mentions: [], aliases: new Set<string>() };
    d.mentions.push(m);
    if (m.acronym) d.aliases.add(m.acronym);
    d.role ??= m.role;
    drafts.set(k, d);
  }
  const credited = new Map(paragraphs.filter((p) => p.kind === 'credits').flatMap((p) => parseCredits(p.text).map((c) => [c.name, c.role] as const)).reverse());
  for (const name of opts.contributors ?? []) {
    const k = key(name);
    const d = drafts.get(k) ?? { name, mentions: [], aliases: new Set<string>() };
    d.type = 'person';
    // "With assistance from …" is no authorship: the role says what the credits say they did.
    const credit = credited.get(name);
    d.role ??= credit && !AUTHOR_CREDITS.has(credit) ? `credited with ${credit}` : 'contributor credited in the article';
    drafts.set(k, d);
  }
  for (const d of drafts.values()) d.type ??= typeOf(d, opts.typeOf);

  // One-word names that are part of a longer name become its aliases: "Putin", "Prigozhin", "Xi".
  const multi = [...drafts.values()].filter((d) => d.name.includes(' '));
  for (const [k, d] of [...drafts]) {
    if (d.name.includes(' ')) continue;
    // A club is called by its last word too: "Rovers" for "Castleford Rovers".
    const short = (m: Draft) => (m.type === 'person' ? m.name.split(' ') : [m.name.split(' ')[0], ...(CLUB_WORDS.has(headWord(m.name)) ? [m.name.split(' ').at(-1)] : [])]);
    const owners = multi.filter((m) => short(m).includes(d.name));
    const persons = owners.filter((o) => o.type === 'person');
    const owner = persons.length === 1 ? persons[0] : owners.length === 1 && d.type !== 'place' ? owners[0] : undefined;
    if (!owner) continue;
    owner.aliases.add(d.name);
    owner.mentions.push(...d.mentions);
    owner.role ??= d.role;
    drafts.delete(k);
  }
  // An acronym written alone that spells a longer name: "PLA" for "People's Liberation Army".
  for (const [k, d] of [...drafts]) {
    if (!isAcronym(d.name)) continue;
    const owner = multi.find((m) => drafts.has(key(m.name)) && initials(m.name) === d.name);
    if (!owner) continue;
    owner.aliases.add(d.name);
    drafts.delete(k);
  }

  const ordered = [...drafts.values()].sort((a, b) => firstParagraph(a) - firstParagraph(b));
  return finalise(ordered);
}

/** The word that says what a name is: "Party" in "Liberal Party of Australia", else the last word. */
function headWord(name: string): string {
  const words = name.split(' ');
  const of = words.findIndex((w, i) => i > 0 && CONNECTORS.has(w));
  return stripPossessive(of > 0 ? words[of - 1]! : words.at(-1)!).toLowerCase();
}

function firstParagraph(d: Draft): number {
  return d.mentions.length ? Math.min(...d.mentions.map((m) => m.paragraph)) : Number.MAX_SAFE_INTEGER;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => isCapitalised(w))
    .map((w) => w[0])
    .join('');
}

function typeOf(d: Draft, fallback?: (name: string) => EntityType | undefined): EntityType {
  const head = headWord(d.name);
  if (ORG_SUFFIX.has(head)) return 'organisation';
  if (EVENT_SUFFIX.has(head)) return 'event';
  if (PLACE_SUFFIX.has(head)) return 'place';
  if (OTHER_SUFFIX.has(head)) return 'other';
  const cues = d.mentions.map((m) => m.cue);
  // A programme named after its channel's possessive: a work, not a person.
  if (cues.includes('work')) return 'other';
  if (cues.includes('title')) return 'person';
  // "BBC Radio Bristol", "Channel 4 News": a broadcaster, whatever place its name ends with.
  if (d.name.includes(' ') && /\b(?:BBC|ITV|CNN|Radio|Television|TV|Channel)\b/.test(d.name)) return 'organisation';
  if (COUNTRY_ACRONYMS.has(d.name)) return 'place';
  if (isAcronym(d.name)) return 'organisation';
  // What the article's own words say ("in Victoria") outranks a lexicon that knows Victoria as a first name;
  // for a two-word name, "to Thomas Edison" says nothing of a place.
  const place = cues.filter((c) => c === 'place').length;
  const the = cues.filter((c) => c === 'the').length;
  if (place > 0 && place >= the && !d.name.includes(' ')) return 'place';
  const guess = fallback?.(d.name);
  if (guess) return guess;
  if (the > 0) return 'organisation';
  // Two or three capitalised words with no organisation suffix are usually a person's name, unless the
  // lexicon, which knows first names, saw none and every word is English: "Stressed Out", "Best New Artist".
  const words = d.name.split(' ');
  if (fallback && words.every((w) => (everydayRank(w.toLowerCase()) ?? Infinity) < 15000)) return 'other';
  if (words.length >= 2 && words.length <= 3 && !/['’]/.test(d.name)) return 'person';
  return 'other';
}

/** Ids from names, unique; aliases that would name two entities are dropped from both. */
function finalise(drafts: Draft[]): Entity[] {
  const names = new Map<string, number>();
  const count = (n: string) => names.set(key(n), (names.get(key(n)) ?? 0) + 1);
  for (const d of drafts) new Set([d.name, ...d.aliases].map(key)).forEach((n) => count(n));
  const ids = new Set<string>();
  return drafts.map((d) => {
    const base = entityId(d.name);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    const aliases = [...d.aliases].filter((a) => key(a) !== key(d.name) && names.get(key(a)) === 1);
    return { id, name: d.name, type: d.type ?? 'other', role: d.role ?? UNKNOWN_ROLE, aliases };
  });
}

/** "People’s Daily" → "peoples-daily": a valid, readable id. */
export function entityId(name: string): string {
  return slugify(name.replace(/['’]/g, ''));
}
