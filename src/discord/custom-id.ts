// Button custom_ids carry everything their handler needs (article slug and stable passage ids), so a
// button keeps working after a restart or on another replica: no per-message state is stored.
import { LIMITS } from '../reply/limits.ts';

export type AskButton =
  /** "more" opens a private page of alternatives; "next" turns that page (edits it in place). */
  | { kind: 'more' | 'next'; slug: string; passageIds: number[] }
  | { kind: 'ctx'; slug: string; passageId: number }
  /** "This didn't answer me": the answer's article and passage; the question is the message's embed title. */
  | { kind: 'miss'; slug: string; passageId: number };

export const ASK_PREFIX = 'ask';

export function moreMatchesId(slug: string, passageIds: readonly number[], kind: 'more' | 'next' = 'more'): string {
  const ids = [...passageIds];
  let id = `${ASK_PREFIX}:${kind}:${slug}:${ids.join('.')}`;
  while (id.length > LIMITS.customId && ids.length > 1) {
    ids.pop(); // the tail is the least relevant; dropping it keeps the id valid
    id = `${ASK_PREFIX}:${kind}:${slug}:${ids.join('.')}`;
  }
  if (id.length > LIMITS.customId) throw new Error(`custom_id over ${LIMITS.customId} characters for slug ${slug}`);
  return id;
}

/**
 * Whether ask buttons can be made for an article: its slug must leave room in 100 characters for the
 * longest prefix and one 9-digit passage id. A reply for a longer slug goes without buttons (the
 * knowledge schema sets no length on slugs) rather than failing.
 */
export function askButtonsFit(slug: string): boolean {
  return `${ASK_PREFIX}:more:${slug}:999999999`.length <= LIMITS.customId;
}

export function contextId(slug: string, passageId: number, kind: 'ctx' | 'miss' = 'ctx'): string {
  const id = `${ASK_PREFIX}:${kind}:${slug}:${passageId}`;
  if (id.length > LIMITS.customId) throw new Error(`custom_id over ${LIMITS.customId} characters for slug ${slug}`);
  return id;
}

/** The "This didn't answer me" button's id: `ask:miss:SLUG:PASSAGE` (as long as a Show context id). */
export function feedbackId(slug: string, passageId: number): string {
  return contextId(slug, passageId, 'miss');
}

const ID_LIST = /^\d{1,9}(\.\d{1,9})*$/;

/** Parses an ask button id; returns undefined for anything malformed (ids arrive from clients). */
export function parseAskButton(customId: string): AskButton | undefined {
  const [prefix, kind, slug, rest, ...extra] = customId.split(':');
  if (prefix !== ASK_PREFIX || !slug || rest === undefined || extra.length > 0) return undefined;
  if ((kind === 'more' || kind === 'next') && ID_LIST.test(rest)) return { kind, slug, passageIds: rest.split('.').map(Number) };
  if ((kind === 'ctx' || kind === 'miss') && /^\d{1,9}$/.test(rest)) return { kind, slug, passageId: Number(rest) };
  return undefined;
}

/**
 * The did-you-mean menu under a miss. Its options' values are the questions themselves (≤ 100
 * characters each), so the id only names the article that was asked, or none for every article:
 * `ask:dym:SLUG` or `ask:dym:`. Nothing is kept in the process between the miss and the pick.
 */
export const DID_YOU_MEAN = `${ASK_PREFIX}:dym`;

export function didYouMeanId(slug?: string): string | undefined {
  const id = `${DID_YOU_MEAN}:${slug ?? ''}`;
  return id.length <= LIMITS.customId ? id : undefined;
}

/** The article the menu's question goes to ('' for every article); undefined for a malformed id. */
export function parseDidYouMean(customId: string): { slug: string } | undefined {
  const m = /^ask:dym:([a-z0-9][a-z0-9-]*)?$/.exec(customId);
  return m ? { slug: m[1] ?? '' } : undefined;
}
