// The buttons codec: every custom_id a reply draws is written here, and every route that answers one
// takes its prefix from ROUTES and reads the id back here. An id carries all its handler needs (the
// article's slug, passage keys, and for "This didn't answer me" the question and the confidence shown),
// so a button works after a restart and on any replica with nothing stored per message, and nothing is
// parsed back out of the rendered message.
//
// Passages are named by key (a short hash of their text, engine/passage-key.ts), not by number: a
// number moves when a paragraph is inserted or deleted above it, so after a pack edit an old button
// would show another sentence (issue 12, defect 2). An old key finds the same sentence at its new
// place, or nothing. Ids from before keys (numbers) decode as `outdated`, never as a passage.
import { PASSAGE_KEY_LENGTH } from '../engine/index.ts';
import { oneLine } from './escape.ts';
import { LIMITS } from './limits.ts';

/** Route prefixes, up to the second colon: the registry routes an id by these. */
export const ROUTES = {
  /** "More matches" under an answer: a private page of alternatives. */
  more: 'ask:more',
  /** "More matches" on that page: turns it (edits it in place). */
  next: 'ask:next',
  /** "Show context": the paragraph around a passage. */
  context: 'ask:ctx',
  /** "This didn't answer me": noted for the moderators. */
  feedback: 'ask:miss',
  /** The did-you-mean menu under a miss. */
  didYouMean: 'ask:dym',
  /** The forum's "This answered it": its id is the prefix alone. */
  solved: 'forum:solved',
} as const;

/** The route an id belongs to: its first two colon-separated parts ("ask:ctx"). */
export function routeOf(customId: string): string {
  const [a = '', b] = customId.split(':', 2);
  return b === undefined ? a : `${a}:${b}`;
}

export type AskButton =
  | { kind: 'more' | 'next'; slug: string; keys: string[] }
  | { kind: 'ctx'; slug: string; key: string }
  /** The question as typed (cut to fit, ending in "…", when too long) and the confidence the answer showed (0..1, null for a near miss). */
  | { kind: 'miss'; slug: string; key: string; question: string; confidence: number | null }
  /** An id from before passage keys: its numbers may name other sentences now, so it names none. */
  | { kind: 'outdated'; slug: string };

const KEY = `[A-Za-z0-9_-]{${PASSAGE_KEY_LENGTH}}`;
const PLACEHOLDER_KEY = 'k'.repeat(PASSAGE_KEY_LENGTH);
const KEY_ONLY = new RegExp(`^${KEY}$`);
const KEYS = new RegExp(KEY, 'g');

/**
 * Room the feedback id keeps for the question: enough for its opening and "…", so the button never
 * files an empty question (a slug that left 0 or 1 characters did).
 */
const MIN_QUESTION_ROOM = 20;

/**
 * Whether ask buttons can be made for an article: its slug must leave room in 100 characters for the
 * longest head (the feedback id's, with one passage key) and the question's opening. A reply for a
 * longer slug goes without buttons (the knowledge schema sets no length on slugs) rather than failing.
 */
export function askButtonsFit(slug: string): boolean {
  return feedbackHead(slug, PLACEHOLDER_KEY, '100').length + MIN_QUESTION_ROOM <= LIMITS.customId;
}

/** The feedback id before its question: the longest head of any ask id. */
function feedbackHead(slug: string, key: string, pct: string): string {
  return `${ROUTES.feedback}:${slug}:${key}:${pct}:`;
}

function checked(id: string, slug: string): string {
  if (id.length > LIMITS.customId) throw new Error(`custom_id over ${LIMITS.customId} characters for slug ${slug}`);
  return id;
}

function checkKeys(keys: readonly string[]): void {
  for (const k of keys) if (!KEY_ONLY.test(k)) throw new Error(`not a passage key: ${JSON.stringify(k)}`);
}

/**
 * `ask:more:SLUG:KEYKEY…` (or `ask:next:`): as many keys as fit, most relevant first. Keys have one
 * length, so they follow each other with no separator (one more fits).
 */
export function moreMatchesId(slug: string, keys: readonly string[], kind: 'more' | 'next' = 'more'): string {
  checkKeys(keys);
  const room = LIMITS.customId - `${ROUTES[kind]}:${slug}:`.length;
  const fit = Math.max(1, Math.floor(room / PASSAGE_KEY_LENGTH)); // the tail is the least relevant
  return checked(`${ROUTES[kind]}:${slug}:${keys.slice(0, fit).join('')}`, slug);
}

/** `ask:ctx:SLUG:KEY`. */
export function contextId(slug: string, key: string): string {
  checkKeys([key]);
  return checked(`${ROUTES.context}:${slug}:${key}`, slug);
}

/**
 * `ask:miss:SLUG:KEY:PERCENT:QUESTION`: the question on one line, as typed. A question longer than
 * the room left (100 characters in all; /ask takes 300) is cut and ends in "…", and is recorded so:
 * the moderators see its opening, and a miss or weak answer was already logged in full when asked.
 * `%`, `@` and `<` travel as %25, %40 and %3C, so no payload carries a mention as written, even in an id.
 */
export function feedbackId(slug: string, key: string, question: string, confidence: number | null): string {
  checkKeys([key]);
  const pct = confidence === null || !Number.isFinite(confidence) ? '' : String(Math.round(Math.max(0, Math.min(1, confidence)) * 100));
  const head = feedbackHead(slug, key, pct);
  return checked(head + encodeQuestion(oneLine(question), LIMITS.customId - head.length), slug);
}

const ESCAPED = /[%@<]/;
const ESCAPED_ALL = /[%@<]/g;
const escapeOne = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
const escapeChar = (c: string) => (ESCAPED.test(c) ? escapeOne(c) : c);
const unescapeQuestion = (text: string) => text.replace(/%(25|40|3C)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The question escaped, in at most `room` UTF-16 units; cut with "…" when longer (never inside a character or an escape). */
function encodeQuestion(text: string, room: number): string {
  // Escaping is per character and only of ASCII ones, so one replace is the whole text escaped (the
  // common case, it fits); only a cut walks it by character.
  const whole = text.replace(ESCAPED_ALL, escapeOne);
  if (whole.length <= room) return whole;
  let out = '';
  for (const c of text) {
    const piece = escapeChar(c);
    if (out.length + piece.length > room - 1) break;
    out += piece;
  }
  return room < 2 ? '' : `${out.trimEnd()}…`;
}

const MORE = new RegExp(`^ask:(more|next):([^:]+):((?:${KEY})+)$`);
const CONTEXT = new RegExp(`^ask:ctx:([^:]+):(${KEY})$`);
const FEEDBACK = new RegExp(`^ask:miss:([^:]+):(${KEY}):(\\d{0,3}):(.*)$`, 's');
const NUMBERED = /^ask:(?:more|next|ctx|miss):([^:]+):\d{1,9}(?:\.\d{1,9})*$/;

/** Reads an ask button's id; undefined for anything malformed (ids arrive from clients). */
export function decodeAskButton(customId: string): AskButton | undefined {
  let m = MORE.exec(customId);
  if (m) return { kind: m[1] as 'more' | 'next', slug: m[2]!, keys: m[3]!.match(KEYS)! };
  m = CONTEXT.exec(customId);
  if (m) return { kind: 'ctx', slug: m[1]!, key: m[2]! };
  m = FEEDBACK.exec(customId);
  if (m) {
    const pct = m[3] ? Math.min(100, Number(m[3])) / 100 : null;
    return { kind: 'miss', slug: m[1]!, key: m[2]!, question: unescapeQuestion(m[4]!).trim(), confidence: pct };
  }
  m = NUMBERED.exec(customId);
  if (m) return { kind: 'outdated', slug: m[1]! };
  return undefined;
}

/**
 * The did-you-mean menu under a miss. Its options' values are the questions themselves (≤ 100
 * characters each), so the id only names the article that was asked, or none for every article:
 * `ask:dym:SLUG` or `ask:dym:`. A question survives any edit of the pack: picked, it is asked anew.
 */
export function didYouMeanId(slug?: string): string | undefined {
  const id = `${ROUTES.didYouMean}:${slug ?? ''}`;
  return id.length <= LIMITS.customId ? id : undefined;
}

/** The article the menu's question goes to ('' for every article); undefined for a malformed id. */
export function decodeDidYouMean(customId: string): { slug: string } | undefined {
  const m = /^ask:dym:([a-z0-9][a-z0-9-]*)?$/.exec(customId);
  return m ? { slug: m[1] ?? '' } : undefined;
}
