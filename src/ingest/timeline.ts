// A draft timeline: every date the article writes, made sortable. A date the article prints whole
// ("June 24, 2023", "1927", "755 AD") is taken as written; a partial one ("June 24", "in March",
// "on Saturday") gets its year or day only from something the article or the curator states (a
// full date elsewhere in it, its dateline, --published), and says so in `basis`. Otherwise it is
// skipped and counted: a wrong date in a timeline is worse than a missing one.
import { splitSentences } from '../engine/index.ts';
import type { Paragraph, TimelineEntry } from '../knowledge/schema.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`;
const LEAD = String.raw`(?:(?:(?:early|late|later|earlier)\s+)?(?:on|in|since|until|by|from|before|after|during|of|through)\s+)?`;

interface Pattern {
  kind: 'full' | 'month-day' | 'month-year' | 'month' | 'year' | 'era' | 'weekday' | 'relative' | 'holiday' | 'ago';
  re: RegExp;
}

// Longest forms first: a span claimed by one pattern is not matched again by a shorter one.
const PATTERNS: Pattern[] = [
  { kind: 'full', re: new RegExp(String.raw`${LEAD}(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'g') },
  { kind: 'full', re: new RegExp(String.raw`${LEAD}(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, 'g') },
  { kind: 'month-year', re: new RegExp(String.raw`${LEAD}${MONTH},?\s+(\d{4})\b`, 'g') },
  { kind: 'month-day', re: new RegExp(String.raw`${LEAD}(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![,.]?\d)`, 'g') },
  { kind: 'month-day', re: new RegExp(String.raw`${LEAD}(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\b`, 'g') },
  { kind: 'era', re: /(?:in\s+)?(?:(\d{1,4})\s*(?:AD|A\.D\.|CE)\b|\b(?:AD|A\.D\.)\s*(\d{1,4})\b)/g },
  { kind: 'year', re: /(?:(?:early|late|later|earlier)\s+)?(?:(?:in|since|until|by|from|before|after|during|of)\s+)?(?<![\d$£€¥.,:/-])\b(1\d{3}|20\d{2})\b(?![\d%]|[.,:/-]\d|\s*(?:percent|per cent|BC|B\.C\.|BCE))/g },
  // A bare month needs a preposition: "in March", never the verb "march" or the modal "may".
  // The preposition may open the sentence: "Last March, …", "In January, …".
  { kind: 'month', re: /\b(?:(?:[Ee]arly|[Ll]ate|[Mm]id-?)\s*)?(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Dd]uring|[Ll]ast|[Tt]his|[Nn]ext)\s+(?:(?:early|late|mid-?)\s*)?(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)/g },
  // A bare month joined to a month just before it: "between last September and January", "from March to May".
  { kind: 'month', re: /(?<=\b(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+\d{4})?\s+(?:and|or|to|until|till|through|-|–)\s+)(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)/g },
  // Counted from the publication date: "yesterday", "last month", "last year".
  { kind: 'relative', re: /\b(yesterday|today|tomorrow|last month|last year|this month|this year|next month|next year)\b(?!['’])/gi },
  { kind: 'holiday', re: /\b(?:on\s+)?(Christmas Day|Christmas Eve|New Year's Day|New Year's Eve|Boxing Day)\b/g },
  { kind: 'weekday', re: /\b(?:(?:[Ee]arly|[Ll]ate)\s+)?(?:[Oo]n\s+|[Ll]ast\s+|[Tt]his\s+|[Nn]ext\s+|[Bb]y\s+|[Uu]ntil\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)/g },
  // Counted back from the publication date: "two years ago", "six months ago", "a week ago".
  { kind: 'ago', re: /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(year|month|week|day)s?\s+ago\b/gi },
];

export interface TimelineDraft {
  entries: TimelineEntry[];
  /** Dates left out because nothing gives their year (or day), as written, with their paragraph label. */
  skipped: { when: string; paragraph: number; why: string }[];
}

export interface TimelineOptions {
  /** The article's publication date (YYYY-MM-DD), from its dateline or --published. */
  published?: string;
  /** Where `published` came from, for the basis: "the dateline", "--published". */
  publishedFrom?: string;
}

interface Found {
  kind: Pattern['kind'];
  when: string;
  paragraph: number;
  label: string;
  sentence: string;
  start: number;
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  /** "last March" / "next March": counted from the publication date, never from another date's year. */
  relation?: 'last' | 'next' | 'this';
  /** The clause that holds the date is in the future tense ("will open in May"). */
  future?: boolean;
  /** "by 2050": a year something is projected to happen by, when it is after the publication date. */
  by?: boolean;
  /** "two years ago": how far back from the publication date. */
  ago?: { n: number; unit: 'year' | 'month' | 'week' | 'day' };
  /** A bare month after another ("last September and January"): it is the first such month from that one on. */
  follows?: boolean;
  /** Why a date the article writes is no event ("over 2000 - 2050": a period). */
  skip?: string;
}

export function draftTimeline(paragraphs: Paragraph[], opts: TimelineOptions = {}): TimelineDraft {
  const found: Found[] = [];
  for (const para of paragraphs) {
    if (para.kind !== 'body') continue;
    for (const sentence of splitSentences(para.text)) found.push(...datesIn(sentence.text, para));
  }
  const published = opts.published ? parseIso(opts.published) : undefined;
  const publishedFrom = opts.publishedFrom ?? 'the publication date';
  // Full dates the article itself prints give days of the week; those and "May 2022" give years.
  const yearAnchors = found.filter((f) => f.kind === 'full' || f.kind === 'month-year');
  /** The dated mention nearest before f in reading order (else the first after it), preferring f's month. */
  const yearFor = (f: Found) => {
    const before = yearAnchors.filter((a) => found.indexOf(a) < found.indexOf(f));
    return before.filter((a) => a.month === f.month).at(-1) ?? before.at(-1) ?? yearAnchors.find((a) => a.month === f.month) ?? yearAnchors[0];
  };
  /** The year a month-and-day date gets: from the article's dated mentions, else the publication date. */
  const monthDayYear = (f: Found) => yearFor(f)?.year ?? (published ? (f.month! > published.month ? published.year - 1 : published.year) : undefined);
  const entries: TimelineEntry[] = [];
  const skipped: TimelineDraft['skipped'] = [];
  /** The latest date given in each sentence, so a month that follows another counts on from it. */
  let lastInSentence: { sentence: string; year: number; month?: number; when: string } | undefined;
  const add = (f: Found, date: string, basis?: string) => {
    const [y, mo] = date.split('-').map(Number);
    lastInSentence = { sentence: f.sentence, year: y!, ...(mo ? { month: mo } : {}), when: f.when };
    if (entries.some((e) => e.date === date && e.paragraph === f.paragraph && e.event === f.sentence)) return;
    entries.push({ date, when: f.when, event: f.sentence, paragraph: f.paragraph, ...(basis ? { basis } : {}) });
  };
  for (const f of found) {
    if (f.skip) {
      skipped.push({ when: f.when, paragraph: f.paragraph, why: f.skip });
      continue;
    }
    // "By 2050, undernourishment would increase": a projection, not something that happened.
    if (f.by && f.kind === 'year' && published && f.year! > published.year) {
      skipped.push({ when: f.when, paragraph: f.paragraph, why: 'a projection (a year after the publication date), not a dated event' });
      continue;
    }
    const before = lastInSentence?.sentence === f.sentence ? lastInSentence : undefined;
    if (f.follows && before?.month) {
      const year = f.month! >= before.month ? before.year : before.year + 1;
      add(f, `${year}-${pad(f.month!)}`, `The article gives the month only, after “${before.when}”; ${year} is the year of the first ${MONTHS[f.month! - 1]!.replace(/^./, (c) => c.toUpperCase())} from then on.`);
      continue;
    }
    switch (f.kind) {
      case 'ago': {
        if (!published) {
          skipped.push({ when: f.when, paragraph: f.paragraph, why: 'no publication date to count from' });
          break;
        }
        const { n, unit } = f.ago!;
        const d = new Date(Date.UTC(published.year, published.month - 1, published.day));
        if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() - n);
        if (unit === 'month') d.setUTCMonth(d.getUTCMonth() - n, 1);
        if (unit === 'week') d.setUTCDate(d.getUTCDate() - 7 * n);
        if (unit === 'day') d.setUTCDate(d.getUTCDate() - n);
        const y = d.getUTCFullYear();
        // "two years ago" names a year, "six months ago" a month; weeks and days a day.
        const date = unit === 'year' ? pad(y, 4) : unit === 'month' ? `${pad(y, 4)}-${pad(d.getUTCMonth() + 1)}` : iso(y, d.getUTCMonth() + 1, d.getUTCDate());
        add(f, date, `Counted back from ${publishedFrom} (${opts.published}).`);
        break;
      }
      case 'full':
        if (validDay(f.year!, f.month!, f.day!)) add(f, iso(f.year!, f.month!, f.day!));
        break;
      case 'month-year':
        add(f, `${pad(f.year!, 4)}-${pad(f.month!)}`);
        break;
      case 'year':
      case 'era':
        add(f, pad(f.year!, 4));
        break;
      case 'month-day': {
        const anchor = yearFor(f);
        if (!validDay(anchor?.year ?? 2000, f.month!, f.day!)) break; // "February 30": not a date
        if (published && f.future) {
          const ahead = f.month! > published.month || (f.month === published.month && f.day! >= published.day);
          const year = ahead ? published.year : published.year + 1;
          add(f, iso(year, f.month!, f.day!), `The article gives no year and writes of it in the future tense; ${year} is inferred from ${publishedFrom} (${opts.published}).`);
        } else if (anchor) {
          add(f, iso(anchor.year!, f.month!, f.day!), `The article gives no year here; ${anchor.year} is the year of “${anchor.when.trim()}” (${anchor.label}).`);
        } else if (published) {
          const year = f.month! > published.month ? published.year - 1 : published.year;
          add(f, iso(year, f.month!, f.day!), `The article gives no year; ${year} is inferred from ${publishedFrom} (${opts.published}).`);
        } else skipped.push({ when: f.when, paragraph: f.paragraph, why: 'no year' });
        break;
      }
      case 'month': {
        const anchor = yearFor(f);
        if (published && (f.relation || f.future)) {
          const year = monthYearFrom(published, f.month!, f.relation ?? 'future');
          add(f, `${year}-${pad(f.month!)}`, `The article gives the month only; ${year} is inferred as the ${f.relation === 'last' ? 'last' : f.relation === 'this' ? 'same year’s' : 'next'} ${MONTHS[f.month! - 1]!.replace(/^./, (c) => c.toUpperCase())} from ${publishedFrom} (${opts.published}).`);
        } else if (anchor) {
          add(f, `${anchor.year}-${pad(f.month!)}`, `The article gives the month only; the year is that of “${anchor.when.trim()}” (${anchor.label}).`);
        } else if (published) {
          const year = f.month! > published.month ? published.year - 1 : published.year;
          add(f, `${year}-${pad(f.month!)}`, `The article gives the month only; ${year} is inferred as the last ${MONTHS[f.month! - 1]!.replace(/^./, (c) => c.toUpperCase())} up to ${publishedFrom} (${opts.published}).`);
        } else skipped.push({ when: f.when, paragraph: f.paragraph, why: 'no year' });
        break;
      }
      case 'relative': {
        if (!published) {
          skipped.push({ when: f.when, paragraph: f.paragraph, why: 'no publication date to count from' });
          break;
        }
        const word = f.when.toLowerCase();
        const d = new Date(Date.UTC(published.year, published.month - 1, published.day));
        if (word === 'yesterday') d.setUTCDate(d.getUTCDate() - 1);
        if (word === 'last month') d.setUTCMonth(d.getUTCMonth() - 1, 1);
        if (word === 'last year') d.setUTCFullYear(d.getUTCFullYear() - 1);
        if (word === 'tomorrow') d.setUTCDate(d.getUTCDate() + 1);
        if (word === 'next month') d.setUTCMonth(d.getUTCMonth() + 1, 1);
        if (word === 'next year') d.setUTCFullYear(d.getUTCFullYear() + 1);
        const y = d.getUTCFullYear();
        const date = /year/.test(word) ? pad(y, 4) : /month/.test(word) ? `${pad(y, 4)}-${pad(d.getUTCMonth() + 1)}` : iso(y, d.getUTCMonth() + 1, d.getUTCDate());
        add(f, date, `Counted from ${publishedFrom} (${opts.published}).`);
        break;
      }
      case 'holiday': {
        if (!published) {
          skipped.push({ when: f.when, paragraph: f.paragraph, why: 'no year' });
          break;
        }
        const [month, day] = f.month === 1 ? [1, 1] : [12, f.day!];
        // The last one up to the publication date.
        const late = month > published.month || (month === published.month && day > published.day);
        const year = late ? published.year - 1 : published.year;
        add(f, iso(year, month, day), `The article gives no year; ${year} is the last ${f.when.replace(/^on\s+/i, '')} up to ${publishedFrom} (${opts.published}).`);
        break;
      }
      case 'weekday': {
        // A date the article gives that fell on this weekday: "on Saturday" … "the events of June 24".
        const ahead = f.relation === 'next' || (f.future && f.relation !== 'last');
        // With a publication date, a date elsewhere in the article names this weekday only when it is
        // the same week: "on Saturday" in a Sunday story is the day before, whatever fell on a Saturday in May.
        const sameWeek = (year: number, a: Found) => {
          if (!published) return true;
          const days = (Date.UTC(year, a.month! - 1, a.day!) - Date.UTC(published.year, published.month - 1, published.day)) / 86_400_000;
          return ahead ? days > 0 && days <= 7 : days <= 0 && days > -7;
        };
        const anchor = found
          .filter((a) => a.kind === 'full' || a.kind === 'month-day')
          .map((a) => ({ a, year: a.year ?? monthDayYear(a) }))
          .find(({ a, year }) => year !== undefined && weekdayOf(year, a.month!, a.day!) === f.weekday && sameWeek(year, a));
        const name = WEEKDAYS[f.weekday!]!.replace(/^./, (c) => c.toUpperCase());
        if (published && ahead && !anchor) {
          add(f, nextWeekday(published, f.weekday!), `The article gives the weekday only, in the future tense; taken as the next ${name} after ${publishedFrom} (${opts.published}).`);
        } else if (anchor) {
          const { a, year } = anchor;
          add(f, iso(year!, a.month!, a.day!), `“${a.when.trim()}” (${a.label}) fell on a ${name}${a.year ? '' : `, the year being inferred as ${year}`}.`);
        } else if (published) {
          const date = lastWeekday(published, f.weekday!);
          add(f, date, `The article gives the weekday only; taken as the last ${name} up to ${publishedFrom} (${opts.published}).`);
        } else skipped.push({ when: f.when, paragraph: f.paragraph, why: 'no date to count the weekday from' });
        break;
      }
    }
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.paragraph - b.paragraph));
  return { entries, skipped };
}

function datesIn(sentence: string, para: Paragraph): Found[] {
  const claimed: [number, number][] = [];
  const out: Found[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of sentence.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (claimed.some(([s, e]) => start < e && end > s)) continue;
      const f = parse(kind, m, sentence, para);
      if (!f) continue;
      claimed.push([start, end]);
      out.push(f);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function parse(kind: Pattern['kind'], m: RegExpMatchArray, sentence: string, para: Paragraph): Found | undefined {
  const relation = /^(?:(?:early|late|mid-?)\s*)?(last|next|this)\b/i.exec(m[0].trim())?.[1]?.toLowerCase() as Found['relation'];
  // "said it would email users by Friday": a deadline in reported speech is still ahead.
  const deadline = /^(?:by|until)\s/i.test(m[0].trim()) && REPORTED_FUTURE.test(clauseBefore(sentence, m.index!));
  const base = { kind, when: m[0].trim(), paragraph: para.index, label: para.label, sentence, start: m.index!, ...(relation ? { relation } : {}), ...(futureBefore(sentence, m.index!) || deadline ? { future: true } : {}) };
  const g = m.slice(1).filter((x) => x !== undefined);
  switch (kind) {
    case 'full': {
      const [a, b, year] = g;
      const monthFirst = /^\D/.test(a!);
      const month = monthOf(monthFirst ? a! : b!);
      const day = Number(monthFirst ? b : a);
      return month && day >= 1 && day <= 31 ? { ...base, year: Number(year), month, day } : undefined;
    }
    case 'month-year':
      return monthOf(g[0]!) ? { ...base, month: monthOf(g[0]!), year: Number(g[1]) } : undefined;
    case 'month-day': {
      const [a, b] = g;
      const monthFirst = /^\D/.test(a!);
      const month = monthOf(monthFirst ? a! : b!);
      const day = Number(monthFirst ? b : a);
      // "May 5" is a date, but "may 5" is not; abbreviated months need their capital too.
      return month && day >= 1 && day <= 31 ? { ...base, month, day } : undefined;
    }
    case 'era': {
      const year = Number(g[0]);
      return year >= 1 ? { ...base, year } : undefined;
    }
    case 'year': {
      // A bare number is a year after "in", "since" …, or before punctuation; "2000 cars" is a count.
      const led = /^(?:early|late|later|earlier|in|since|until|by|from|before|after|during|of)\b/i.test(m[0]);
      const next = sentence.slice(m.index! + m[0].length);
      const prev = sentence.slice(0, m.index!);
      if (!led && /^\s+\p{Ll}/u.test(next) && !/^\s+(?:and|or|to|when|after|before|until)\b/.test(next)) return undefined;
      // "of 2000 levels", "the 2018 World Cup": a year that describes the noun after it dates nothing.
      if (/^\s+\p{L}/u.test(next) && (/^of\s/i.test(m[0]) || /\bthe\s+$/i.test(prev)) && !/^\s+(?:and|or|to|when|after|before|until)\b/.test(next)) return undefined;
      const year = Number(g[0]);
      // "over 2000 - 2050", "from 1980 to 2012": the span of a trend or a study, not a dated event.
      const YEAR = String.raw`(?:1\d{3}|20\d{2})`;
      const period =
        new RegExp(String.raw`^\s*[-–—]\s*${YEAR}\b`).test(next) ||
        new RegExp(String.raw`${YEAR}\s*[-–—]\s*$`).test(prev) ||
        (/^(?:from|between)\s/i.test(m[0]) && new RegExp(String.raw`^\s+(?:to|and|until)\s+${YEAR}\b`).test(next)) ||
        new RegExp(String.raw`\b(?:from|between)\s+${YEAR}\s+(?:to|and|until)\s+$`, 'i').test(prev);
      const by = /^by\s/i.test(m[0]) || /\b[Bb]y\s+$/.test(prev);
      return { ...base, year, ...(by ? { by } : {}), ...(period ? { skip: 'a period (a span of years), not a dated event' } : {}) };
    }
    case 'month':
      return { ...base, month: monthOf(g[0]!), ...(MONTHS.includes(m[0].toLowerCase()) ? { follows: true } : {}) };
    case 'weekday': {
      // "extra Saturday lists", "the Sunday papers": a weekday with no preposition before a noun describes it.
      const next = /^\s+(\p{Ll}+)/u.exec(sentence.slice(m.index! + m[0].length))?.[1];
      if (WEEKDAYS.includes(m[0].toLowerCase()) && next && !WEEKDAY_FOLLOWERS.has(next)) return undefined;
      return { ...base, weekday: WEEKDAYS.indexOf(g[0]!.toLowerCase()) };
    }
    case 'ago': {
      const [count, unit] = g;
      const n = /^\d/.test(count!) ? Number(count) : Math.max(1, COUNT_WORDS.indexOf(count!.toLowerCase()));
      return { ...base, ago: { n, unit: unit!.toLowerCase() as NonNullable<Found['ago']>['unit'] } };
    }
    case 'relative':
      return base;
    case 'holiday': {
      const name = g[0]!.toLowerCase();
      if (name.startsWith('new year')) return name.endsWith('eve') ? { ...base, month: 12, day: 31 } : { ...base, month: 1, day: 1 };
      return { ...base, month: 12, day: name.includes('eve') ? 24 : name.startsWith('boxing') ? 26 : 25 };
    }
  }
}

// The words of the clause before a date that put it after the publication date: "will open in May",
// "is due to close on June 3". Only the clause before the date counts ("was jailed in March and will
// appeal" is past; so is "will play after beating them on Saturday"), and "would" does not (reported
// speech, or habit).
const FUTURE = /\b(?:will|shall|won['’]t|(?:is|are)\s+(?:due|set|expected|scheduled|planned|going)\s+to|(?:is|are)\s+(?:due|scheduled|planned)\s+(?:for|in|on)|plans?\s+to|intends?\s+to|(?:expects?|hopes?|aims?)\s+(?:[\p{L}'’-]+\s+){0,4}?to\s+\p{L}+)\b|\w['’]ll\b/iu;

/** Words after a weekday that keep it a date: "on Saturday morning", "said Saturday that …", "Friday and". */
const WEEKDAY_FOLLOWERS = new Set('morning afternoon evening night lunchtime that the a an and or to in at when after before as but while for with of by from on'.split(' '));
const COUNT_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** "would" (or "'d") in reported speech: "it would email users by Friday". */
const REPORTED_FUTURE = /\bwould\b|\w['’]d\b/i;

/** The clause before a date, from its last comma, semicolon, dash, bracket or colon. */
function clauseBefore(sentence: string, start: number): string {
  const before = sentence.slice(0, start);
  return before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('—'), before.lastIndexOf('('), before.lastIndexOf(':')) + 1);
}

function futureBefore(sentence: string, start: number): boolean {
  // A subordinate clause starts afresh: "will play in the final after beating them on Saturday" is past.
  const own = clauseBefore(sentence, start).split(/\b(?:after|before|since|because|following|when|while|who|which|that)\b/i).at(-1)!;
  return FUTURE.test(own);
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)) && m.startsWith(w));
  return i >= 0 ? i + 1 : undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function weekdayOf(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function parseIso(date: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

/** The year of a month named from the publication date: the last one before it, the next, the same year's, or (future tense) the next one from its month on. */
function monthYearFrom(from: { year: number; month: number }, month: number, relation: 'last' | 'next' | 'this' | 'future'): number {
  if (relation === 'this') return from.year;
  if (relation === 'last') return month < from.month ? from.year : from.year - 1;
  if (relation === 'next') return month > from.month ? from.year : from.year + 1;
  return month >= from.month ? from.year : from.year + 1;
}

/** The first given weekday after a date. */
function nextWeekday(from: { year: number; month: number; day: number }, weekday: number): string {
  const date = new Date(Date.UTC(from.year, from.month - 1, from.day + 1));
  while (date.getUTCDay() !== weekday) date.setUTCDate(date.getUTCDate() + 1);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The last given weekday on or before a date. */
function lastWeekday(from: { year: number; month: number; day: number }, weekday: number): string {
  const date = new Date(Date.UTC(from.year, from.month - 1, from.day));
  while (date.getUTCDay() !== weekday) date.setUTCDate(date.getUTCDate() - 1);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
