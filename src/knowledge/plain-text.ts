// Turns any plain-text article into answerable paragraphs. News pages carry furniture (section
// bullets, "3 minute read", "Read More: …", contact lines) that must never be served as an answer,
// so it is recognised by pattern here and returned separately; everything else is kept verbatim.
import type { ArticleMeta, Paragraph } from './schema.ts';

export interface ParseOptions {
  slug: string;
  title?: string;
  publisher?: string;
  url?: string;
}

export interface ParsedArticle {
  meta: ArticleMeta;
  paragraphs: Paragraph[];
  furniture: string[];
}

/** Used when nothing names the publisher: attribution then reads "reported by the article". */
export const UNKNOWN_PUBLISHER = 'the article';

// Furniture is always short; the cap keeps a real paragraph that happens to start "Subscribe…" safe.
const FURNITURE_MAX = 200;
const HEADLINE_MAX = 200;
const SECTION_ITEM_MAX = 40;

const BULLET = /^[•·▪●◦‣∙]\s*(\S.*)$/u;
const READING_TIME = /^(\d+)\s*[- ]?\s*(?:min|mins|minute|minutes)\s+read$/i;
const PUBLISHER_LINE = /^More (?:Must[- ]Reads|Stories|Top Stories) from (.+?)\.?$/i;
const FURNITURE: RegExp[] = [
  /^(?:Read|See|Watch) (?:More|Also|Next)\s*:/i,
  /^(?:Related|Also read|See also|More on this)\s*:/i,
  PUBLISHER_LINE,
  /^Contact us at\b/i,
  /^Subscribe\b/i,
  /^Sign up (?:for|to|here)\b/i,
  /^Advertisement$/i,
  /^(?:Copyright\s*)?©/i,
  /^All rights reserved\.?$/i,
  /^Follow (?:us|[A-Z][\w.]*) on\b/i,
  /^Share (?:this|on)\b/i,
  /^Click here\b/i,
];

// "—With assistance from A and B.", "Reporting by A in Beijing; Editing by B", "With reporting by A".
const CREDITS = /^[—–-]*\s*(?:(?:With|Additional)\s+)*(?:assistance|reporting|contributions?|contributing)\s+(?:from|by)\s+\S/i;
const CREDIT_ROLE = /^[—–-]*\s*(?:(?:With|Additional)\s+)*(assistance|reporting|contributions?|contributing|writing|editing|edited|written|graphics|photos?)\s+(?:from|by)\s+/i;

// "By Jane Roe and John Doe" at the top of a story: a byline, answerable as credits.
const BYLINE = /^By\s+[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3}(?:(?:\s*,\s*|\s+and\s+)[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3})*$/u;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// "June 26, 2023 3:15 AM EDT", "Updated: Jun 26, 2023": a dateline block, never an answer.
// "Monday, July 28, 2014": the weekday may lead.
const DATELINE = /^(?:(?:Updated|Published|Posted)\s*:?\s*)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s+(\d{4})(?:,?\s+\d{1,2}:\d{2}\s*(?:[AP]\.?M\.?)?(?:\s+[A-Z]{2,5})?)?$/;

function isoDate(line: string): string | undefined {
  const m = DATELINE.exec(line);
  if (!m) return undefined;
  const month = MONTHS.findIndex((name) => name.startsWith(m[1]!.toLowerCase()) && m[1]!.length >= 3) + 1;
  const day = Number(m[2]);
  if (month === 0 || day < 1 || day > 31) return undefined;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Sentence punctuation, possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…:;]["'”’)\]]*$/u;

function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Names from a credits line: "Jing Li and Xiao Zibang." → ["Jing Li", "Xiao Zibang"]. */
export function parseContributors(line: string): string[] {
  return parseCredits(line).map((c) => c.name);
}

/** What a credits line credits a name with: "assistance", "reporting", "editing", "byline" (By …). */
export interface Credit {
  name: string;
  role: string;
}

/** Credit roles that make a name an author of the piece; the rest (assistance, editing, photos) helped. */
export const AUTHOR_CREDITS = new Set(['byline', 'reporting', 'writing', 'written']);

/** "—With assistance from Jing Li and Xiao Zibang." → both, credited with assistance; a name keeps its first role. */
export function parseCredits(line: string): Credit[] {
  const credits: Credit[] = [];
  for (const segment of line.split(';')) {
    const m = CREDIT_ROLE.exec(segment.trim()) ?? /^By\s+/.exec(segment.trim());
    if (!m) continue;
    const role = m[1]?.toLowerCase().replace(/^contributions$/, 'contribution') ?? 'byline';
    const list = segment.trim().slice(m[0].length).replace(/[.\s]+$/u, '');
    for (let name of list.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)) {
      // "Yew Lun Tian in Beijing" → "Yew Lun Tian"
      name = name.replace(/\s+in\s+[A-Z][\w .'-]*$/u, '').trim();
      if (name && !credits.some((c) => c.name === name)) credits.push({ name, role });
    }
  }
  return credits;
}

const SUBHEAD_MAX_WORDS = 12;

function isSubhead(text: string): boolean {
  return text.split(/\s+/).length <= SUBHEAD_MAX_WORDS && !SENTENCE_END.test(text) && !/[.!?]["'”’]?\s/.test(text);
}

function isFurniture(text: string): boolean {
  return text.length <= FURNITURE_MAX && FURNITURE.some((re) => re.test(text));
}

export function parseArticleText(text: string, opts: ParseOptions): ParsedArticle {
  const blocks = normalise(text)
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);

  const furniture: string[] = [];
  const section: string[] = [];
  const contributors: string[] = [];
  let readingTime: string | undefined;
  let published: string | undefined;
  let publisher = opts.publisher;
  const kept: { lines: string[]; text: string; credits: boolean }[] = [];

  for (const lines of blocks) {
    const joined = lines.join(' ');
    // Section bullets only count as furniture before the story starts; later they may be content.
    const bullets = lines.map((line) => BULLET.exec(line)?.[1]?.trim());
    if (kept.length <= 1 && bullets.every((b) => b && b.length <= SECTION_ITEM_MAX)) {
      section.push(...(bullets as string[]));
      furniture.push(lines.join('\n'));
      continue;
    }
    const reading = READING_TIME.exec(joined);
    if (reading) {
      readingTime ??= joined;
      furniture.push(joined);
      continue;
    }
    const date = joined.length <= FURNITURE_MAX ? isoDate(joined) : undefined;
    if (date) {
      published ??= date;
      furniture.push(joined);
      continue;
    }
    if (isFurniture(joined)) {
      const pub = PUBLISHER_LINE.exec(joined)?.[1];
      if (pub && !publisher) publisher = pub.trim();
      furniture.push(joined);
      continue;
    }
    // A byline sits just under the headline; first, "By Land and Sea" is more likely a headline.
    const byline = kept.length >= 1 && kept.length <= 2 && BYLINE.test(joined);
    const credits = joined.length <= FURNITURE_MAX && (CREDITS.test(joined) || byline);
    if (credits) contributors.push(...parseContributors(joined).filter((n) => !contributors.includes(n)));
    kept.push({ lines, text: joined, credits });
  }

  // Subheads ("Group F — Sweden 1 – 0 Korea Republic", "'Effectively kidnapped'") and captions: short
  // lines with no sentence ending between body paragraphs. They label what follows; they answer nothing.
  // A subhead gives the body paragraphs under it, up to the next one, their section.
  const subheads: string[] = [];
  const isSub = kept.map((block, i) => i >= 2 && i <= kept.length - 2 && !block.credits && block.lines.length === 1 && isSubhead(block.text));
  const sections = new Map<(typeof kept)[number], string>();
  let current: string | undefined;
  kept.forEach((block, i) => {
    if (isSub[i]) {
      subheads.push((current = block.text));
      furniture.push(block.text);
    } else if (current !== undefined && !block.credits) sections.set(block, current);
  });
  for (let i = kept.length - 1; i >= 0; i--) if (isSub[i]) kept.splice(i, 1);

  const first = kept[0];
  const hasHeadline =
    first !== undefined &&
    !first.credits &&
    kept.length > 1 &&
    first.lines.length === 1 &&
    first.text.length < HEADLINE_MAX &&
    !SENTENCE_END.test(first.text);

  const paragraphs: Paragraph[] = [];
  let body = 0;
  kept.forEach((block, i) => {
    const kind: Paragraph['kind'] = i === 0 && hasHeadline ? 'headline' : block.credits ? 'credits' : 'body';
    const label = kind === 'body' ? `¶${++body}` : kind;
    const section = kind === 'body' ? sections.get(block) : undefined;
    paragraphs.push({ index: paragraphs.length, kind, label, text: block.text, ...(section ? { section } : {}) });
  });

  const meta: ArticleMeta = {
    slug: opts.slug,
    title: hasHeadline && first ? first.text : opts.title?.trim() || opts.slug,
    publisher: publisher?.trim() || UNKNOWN_PUBLISHER,
    section,
    contributors,
  };
  if (subheads.length) meta.subheads = subheads;
  if (opts.url) meta.url = opts.url;
  if (readingTime) meta.readingTime = readingTime;
  if (published) meta.published = published;
  return { meta, paragraphs, furniture };
}
