// Decides when the honest answer is "the article doesn't say". Serving the nearest sentence to a
// question about someone the article never mentions is the worst thing the bot can do.
import { askedStems, type Question, type TermGroup } from './question.ts';
import type { GroupWeight, Scored } from './rank.ts';
import { asksMoney, hasDuration, hasMoney, hasPerson, hasTitle, holdsDetail, namesWhom, titledAsked } from './answer-detail.ts';

const HOW_LONG = /\bhow long\b(?! ago)/i;
/** "Who is Hu Xijing?" asks what the passage says of someone named, not for someone else. */
const WHO_IS = /\bwho(?:'s| is| was| are| were)\b/i;
/** Pronouns for one person. */
const PERSONAL = /^(he|she|him|her|his|hers)$/;
import { RANKING } from './ranking-defaults.ts';
import { everydayRank } from './background.ts';
import { otherForms } from './irregular-verbs.ts';
import { fold, STOP_WORDS, stemWord, tokenize, type Token } from './text.ts';
import { expandChatSpellings } from './chat-words.ts';

export interface Verdict {
  found: boolean;
  reason?: string;
  missing: string[];
  /**
   * Refused, yet the best passage is about the question's subject (only the detail asked for, or some
   * of the wording, is absent): worth offering as the closest the article comes.
   */
  near?: boolean;
  /** Refused only because the passage lacks the amount of money asked for: another passage may hold it. */
  detailAbsent?: boolean;
}

/**
 * What a refusal says when the passage on the subject lacks the kind of detail asked for. Only a figure
 * is checked this hard: a missing date or reason lowers the band instead (refusing them cost SQuAD dev
 * 0.2 points of top1 and 0.7 of false refusals, and helped no dev set).
 */
const DETAIL_ABSENT: Partial<Record<Question['type'], string>> = {
  number: 'The article gives no figure for that.',
};

/** `inArticle`: whether the article has a stem anywhere (a related word of the question's stands in for it). */
export function judge(q: Question, weights: GroupWeight[], best: Scored | undefined, bestTokens: Token[] | undefined, bestText: string | undefined, properNames: ReadonlySet<string>, inArticle: (stem: string) => boolean = () => false): Verdict {
  const missing = phrasesOf(q.groups.filter((g) => !g.known));
  if (!q.groups.length) {
    return { found: false, missing, reason: 'That question has no words to look up in the article. Ask about a person, an event or a claim in it.' };
  }
  if (!best) return { found: false, missing, reason: `The article does not mention ${list(missing.length ? missing : phrasesOf(q.groups))}.` };
  // A known word written beside an unknown name belongs to it: "United Nations", not "United". A rare word
  // the passage answers by a closely related one ("netizens" by "users", "TV" by "television") is not a name
  // the article lacks; a broader word ("MIT" by "university") does not stand in for a name.
  const standsIn = (g: TermGroup) => g.stems.some((s) => s.weight >= RANKING.relatedWeight && best.matchedStems.has(s.stem));
  const unknownNames = new Set(q.groups.filter((g) => !g.known && g.nameLike && !standsIn(g)).map((g) => g.token));
  const names = phrasesOf(q.groups.filter((g) => g.nameLike && (unknownNames.has(g.token) || unknownNames.has(g.token - 1) || unknownNames.has(g.token + 1))));
  if (names.length && best.contextCoverage < RANKING.nameCoverageGate) return { found: false, missing, reason: `The article does not mention ${list(names.map(capitalise))}.` };
  if (best.contextCoverage < RANKING.minCoverage) {
    const absent = missing.length ? missing : weakest(weights, best);
    return { found: false, missing, near: best.contextCoverage >= RANKING.closestCoverage, reason: `The article does not cover that: it says nothing about ${list(absent)}.` };
  }
  // "Who is Prigozhin's lawyer?": the article knows Prigozhin, but what is asked about him is absent.
  const isName = (g: TermGroup) => g.nameLike || properNames.has(g.repaired ?? g.word);
  // Weak filler ("what does he think", "what happened") is matched where it can be, but the question is about the rest.
  const phrasing = q.groups.map((g, i) => ({ g, i })).filter(({ g }) => !isName(g) && !g.weak);
  if (phrasing.length && !phrasing.some(({ g, i }) => g.known || best.contextGroups.has(i))) {
    const subject = phrasesOf(q.groups.filter(isName));
    const about = list(phrasesOf(phrasing.map(({ g }) => g)));
    return { found: false, missing, reason: subject.length ? `The article mentions ${list(subject.map(capitalise), 'and')} but says nothing about ${about}.` : `The article says nothing about ${about}.` };
  }
  // "Who presented Adele with the award?" answered by "Adele won Album of the Year": the passage shares only
  // the question's names, the article lacks what is asked about them, and it names no one else who could be
  // the answer. The closest it comes is offered.
  const subjectOnly = phrasing.length > 0 && phrasing.some(({ g }) => !g.known) && !phrasing.some(({ g }) => g.stems.some((s) => best.matchedStems.has(s.stem)));
  if (q.type === 'who' && !WHO_IS.test(q.text) && subjectOnly && bestTokens && !hasPerson(bestTokens, askedStems(q))) {
    return { found: false, missing, near: true, reason: `The article does not say who: it says nothing about ${list(phrasesOf(phrasing.filter(({ g }) => !g.known).map(({ g }) => g)))}.` };
  }
  // "Who refereed the Belgium vs Panama game?" answered by "Belgium faced Panama at the Fisht Stadium": the
  // role asked for ("refereed", the verb right after "who") is not in the passage, and the passage names no
  // one else who could hold it: no name, no organisation's initials ("the FBI"), and no "he" or "she", who
  // may be someone named before. The passage is about the subject, so it is offered as the closest.
  const role = whoRole(q);
  if (role && !WHO_IS.test(q.text) && !role.stems.some((s) => best.matchedStems.has(s.stem)) && bestTokens && !namesSomeone(bestTokens, bestText ?? '', askedStems(q))) {
    return { found: false, missing, near: true, reason: `The article names no one who ${role.surface}.` };
  }
  // "How many Grammys has she won over her whole career?" answered by a figure for one night: the question
  // counts over a span (a career, a lifetime, all time) that the passage and its paragraph never speak of.
  const scope = q.type === 'number' ? countScope(q) : undefined;
  if (scope && !best.contextGroups.has(q.groups.indexOf(scope)) && !scope.stems.some((s) => best.matchedStems.has(s.stem))) {
    return { found: false, missing, near: true, reason: `The article gives no figure for ${scopePhrase(q) ?? `“${scope.surface}”`}.` };
  }
  // "What's the tallest building in the world?" of a story on crops: only "world" is there, in passing.
  // When most of the question's words are neither in the article nor near the passage, it is not about
  // this article, however everyday those words are (everyday words weigh little in the coverage above).
  // "how high", "how far": the word after "how" frames the figure asked for, it is not a subject.
  const frames = (g: TermGroup) => new RegExp(`\\bhow\\s+${g.word.replace(/[^\p{L}\p{N}]/gu, "")}\\b`, "iu").test(q.text);
  const absent = q.groups.filter((g, i) => !g.known && !best.contextGroups.has(i) && !frames(g));
  if (absent.length >= 2 && absent.length > q.groups.length - absent.length) {
    return { found: false, missing, reason: `The article does not cover that: it says nothing about ${list(phrasesOf(absent))}.` };
  }
  // "What did the farmer's lawyer say?", "who won the match on Sunday?": the reader names a thing with
  // "the", "his" or a possessive, as one they take the article to speak of; the article never names it,
  // nor anything closely related. Only the head of such a phrase counts: a word that only phrases the
  // question ("the lady", "in the first place", "the reason") does not. The subject itself is absent, so
  // no passage is offered as the closest.
  const thing = absentThing(q, best, inArticle);
  if (thing) {
    const present = phrasesOf(q.groups.filter((g) => g !== thing && (g.known || g.nameLike)));
    return { found: false, missing, reason: present.length ? `The article mentions ${list(present, 'and')} but says nothing about “${thing.surface}”.` : `The article says nothing about “${thing.surface}”.` };
  }
  if (q.nameOf && bestTokens && !namesWhom(bestTokens, bestText ?? '', q.nameOf, askedStems(q))) {
    return { found: false, missing, near: true, reason: `The article does not name the ${q.nameOf}.` };
  }
  // "Which song did she sing?" of "she paid tribute to him": no title there, so the passage cannot say which.
  const titled = titledAsked(q.text);
  if (titled && bestTokens && !hasTitle(bestTokens, bestText ?? '', askedStems(q))) {
    return { found: false, missing, near: true, reason: `The article does not say which ${titled}.` };
  }
  // "How long…" asks for a length of time: ages or prices in the passage do not answer it.
  if (q.type === 'number' && HOW_LONG.test(q.text) && bestTokens && !hasDuration(bestTokens)) {
    return { found: false, missing, near: true, reason: 'The article does not say how long.' };
  }
  // "How much do drivers make an hour?" answered by "shifts of up to 14 hours": a price or a pay asks for money.
  // A price of nothing ("entry is free") answers it with no figure.
  const money = q.type === 'number' && asksMoney(q.text);
  if (money && bestTokens && !hasMoney(bestTokens, bestText ?? '')) {
    return { found: false, missing, near: true, reason: 'The article gives no amount of money for that.', detailAbsent: true };
  }
  if (DETAIL_ABSENT[q.type] && !money && bestTokens && !holdsDetail(q.type, [bestTokens], [bestText ?? ''], askedStems(q))) {
    return { found: false, missing, near: true, reason: DETAIL_ABSENT[q.type] };
  }
  return { found: true, missing };
}

/**
 * The verb right after "who" ("who refereed", "who officiated"), as its group, when it names a role: a
 * verb among the 5,000 commonest English words ("who went", "who makes", "who decided") is said in many
 * ways, so a passage without it may still answer. An adverb before it is skipped ("who originally hosted").
 */
function whoRole(q: Question): TermGroup | undefined {
  if (q.type !== 'who') return undefined;
  const word = /\bwho\s+(?:[\p{L}]+ly\s+)?([\p{L}'-]+)/iu.exec(q.text)?.[1]?.toLowerCase();
  const group = word ? q.groups.find((g) => g.word === word && !g.nameLike) : undefined;
  return group && lemmaRank(group.word) >= ROLE_WORD_RANK ? group : undefined;
}

const ROLE_WORD_RANK = 5000;

/** Anyone a "who" could be answered with: a person's name, an organisation's initials, or "he" or "she". */
function namesSomeone(tokens: Token[], text: string, asked: ReadonlySet<string>): boolean {
  if (hasPerson(tokens, asked) || tokens.some((t) => PERSONAL.test(t.word))) return true;
  return [...text.matchAll(/\b[A-Z]{2,}s?\b/g)].some((m) => !asked.has(stemWord(m[0].toLowerCase())));
}

/** The everyday-English rank of a word's commonest form: "refereed" ranks as "referee", "went" as "go". */
function lemmaRank(word: string): number {
  const bases = [word, ...otherForms(word), word.replace(/(?:e?s|e?d|ing)$/, ''), word.replace(/(?:s|d|ing)$/, ''), word.replace(/ing$/, 'e'), word.replace(/ied$|ies$/, 'y')];
  return Math.min(...bases.map((w) => everydayRank(w) ?? Infinity));
}

/** A span a count is taken over: "in her career", "over his whole life", "of all time", "in their history". */
const COUNT_SPAN = /\b(?:in|over|during|throughout|across|for)\s+(?:(?:his|her|their|its|the|a)\s+)?(?:(?:whole|entire|full|professional)\s+)?(career|lifetime|life|history)\b|\bof all (time)\b|\b(all-time)\b/i;

/** The group of the span's word in a "how many" question, if the question counts over a span. */
function countScope(q: Question): TermGroup | undefined {
  const m = COUNT_SPAN.exec(q.text);
  const word = (m?.[1] ?? m?.[2] ?? m?.[3])?.toLowerCase();
  return word ? q.groups.find((g) => g.word === word) : undefined;
}

function scopePhrase(q: Question): string | undefined {
  const m = COUNT_SPAN.exec(q.text);
  return m ? `“${m[0].trim()}”` : undefined;
}

function weakest(weights: GroupWeight[], best: Scored): string[] {
  return phrasesOf(weights.filter((w) => !w.group.stems.some((s) => best.matchedStems.has(s.stem))).map((w) => w.group)).slice(0, 3);
}

/** Words the reader wrote side by side stay together: “Joe Biden”, not “Joe” or “Biden”. */
function phrasesOf(groups: TermGroup[]): string[] {
  const out: string[] = [];
  let last = -2;
  for (const g of groups) {
    if (g.token === last + 1 && out.length) out[out.length - 1] += ` ${g.surface}`;
    else out.push(g.surface);
    last = g.token;
  }
  return out;
}

function list(words: string[], conjunction = 'or'): string {
  const quoted = [...new Set(words)].slice(0, 4).map((w) => `“${w}”`);
  return quoted.length <= 1 ? (quoted[0] ?? 'that') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)}`;
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** How many other words a question may name beside the thing the article lacks. */
const MAX_WORDS_BESIDE = 2;
/** An abstract noun made from a verb or an adjective ("the destruction", "the basis"): said many ways, seldom a thing the article must name. */
const ABSTRACT = /(?:tion|sion|ment|ness|ity|ance|ence|sis|ism|ship|hood|ure|age)s?$/;

/** Words that point at something definite ("the zoo", "his lawyer"); a possessive ("the farmer's") is read past. */
const DEFINITE = /^(the|this|that|these|those|his|her|their|its|our|my|your)$/;
/** Verbs the stop words hold, after which the phrase before them is their subject: "what did the union's lawyer say". */
const SAYING = /^(say|said|says|tell|told|make|made|get|got|give|gave|call|called|describe|described|mention|mentioned)$/;
/** A question asked with "do", "will" or "can" before its subject ("what did …", "did the …", "how much will …"). */
const DO_SUPPORT = /^\W*(?:[\p{L}']+\s+){0,3}?(?:do|does|did|will|would|can|could|should)\b/iu;
const AUXILIARY = /^(do|does|did|will|would|can|could|should)$/;
/** Prepositions before an object: "about the zoo", "at the new stadium". */
const OBJECT_BEFORE = /^(about|of|on|in|at|to|from|with|for|by|into|over|against|after|before|during|regarding|concerning)$/;

/**
 * Nouns a reader uses for what is asked, not for a thing asked about: the kind of answer ("the reason",
 * "the number", "the name"), a part or a moment of the story ("the end", "the first place", "the rest"),
 * the story itself ("the situation", "the whole issue"), people by no more than their sex or age
 * ("the union lady", "the bakery guy") and a body by no more than being one ("the rowing group" for an
 * association, a club or a union): the passage that answers need not use them.
 */
const NOT_A_THING = new Set(
  `reason reasons cause causes purpose point points result results outcome outcomes effect effects
  number numbers amount amounts total figure figures count size percentage share rate level
  name names title term terms word words type types kind kinds sort sorts part parts piece pieces
  way ways means method manner time times date dates year years day days moment period start beginning end ending
  rest first last next same other others most least main whole half lot place places case cases fact facts
  situation situations issue issues matter matters topic subject event events incident news report story article thing things stuff
  lady ladies man men woman women guy guys girl girls boy boys kid kids person people persons folks fella chap bloke dude gentleman
  group groups organisation organisations organization organizations body bodies`.split(/\s+/).filter(Boolean),
);

/**
 * The question's word that heads a definite phrase ("the zoo", "the farmer's lawyer", "his new album")
 * when the article has neither it nor a word closely related to it ("the research" of a story on a study), and the best passage does not match it.
 */
function absentThing(q: Question, best: Scored, inArticle: (stem: string) => boolean): TermGroup | undefined {
  // A question that says much else ("who voted on the venue for Super Bowl 50") is answered by what it
  // shares with the passage: the unnamed thing is then often the article's own word said another way.
  if (q.groups.filter((g) => !g.weak).length > MAX_WORDS_BESIDE + 1) return undefined;
  const tokens = tokenize(expandChatSpellings(fold(q.text)));
  // Asked with "do", "will" or "can" before its subject: where that word stands (the same for every group).
  const aux = DO_SUPPORT.exec(q.text) ? tokens.findIndex((t) => AUXILIARY.test(t.word)) : -1;
  for (const [i, g] of q.groups.entries()) {
    if (g.known || g.weak || NOT_A_THING.has(g.word) || ABSTRACT.test(g.word) || best.contextGroups.has(i) || g.stems.some((s) => s.weight >= RANKING.relatedWeight && (best.matchedStems.has(s.stem) || inArticle(s.stem)))) continue;
    if (tokens[g.token]?.word !== g.word) continue;
    // The head is the last word of the phrase: the next word starts no other noun of it.
    const next = tokens[g.token + 1];
    if (next && !STOP_WORDS.has(next.word) && !/[,?!.]/.test(q.text.slice(tokens[g.token]!.end, next.start))) continue;
    // Back over at most two describing words (and a possessive's owner) to the determiner.
    let k = g.token - 1;
    while (k >= 0 && g.token - k <= 3 && !STOP_WORDS.has(tokens[k]!.word)) k--;
    if (k < 0 || !DEFINITE.test(tokens[k]!.word)) continue;
    // "did the vote pass", "was the vote close": after a verb of asking, the phrase's last word may be the verb.
    // "the life of a bill", "the cost of the events": a word before "of" says what of the thing is asked.
    if (next?.word === 'of') continue;
    // In a subject's place ("what the law covers", "did the vote pass", "was the vote close"), a phrase's
    // last word may be its verb or an adjective: only a phrase after a verb or a preposition ("won the
    // match", "about the zoo"), after a possessive ("the farmer's lawyer") or before a verb of saying
    // ("did the mayor's aide say") is taken to end in its noun.
    const possessed = /^['\u2019]s?\b/.test(q.text.slice(tokens[g.token - 1]?.end ?? 0));
    const before = tokens[k - 1]?.word ?? '';
    const objectPlace = OBJECT_BEFORE.test(before) || (before !== '' && !STOP_WORDS.has(before));
    if (g.token - k >= 2 && !objectPlace && !possessed && !SAYING.test(next?.word ?? '')) continue;
    // "what did the research on the scanner find": asked with "did", the question's own verb comes after
    // its subject and may be any word; only a verb of saying tells where it is ("what did the mayor say
    // about the zoo", "what did the farmer's lawyer say").
    if (aux >= 0 && aux < g.token && !SAYING.test(next?.word ?? '') && !tokens.slice(aux + 1, g.token).some((t) => SAYING.test(t.word))) continue;
    return g;
  }
  return undefined;
}