// Cutting text to a limit the way a reader expects: at the end of a sentence when that keeps most of
// the text, else between words, always with an ellipsis, never inside a word or a surrogate pair.
export const ELLIPSIS = '…';

/** Prefer a sentence boundary when it keeps at least this share of the room. */
const SENTENCE_SHARE = 0.6;

const SENTENCE_END = /[.!?…]["'”’)\]]*\s/gu;
const TRAILING_JUNK = /[\s,;:–—-]+$/u;

function safeSlice(text: string, end: number): string {
  let cut = text.slice(0, end);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1); // never split a surrogate pair
  return cut;
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;

  const room = max - 2; // leaves space for " …" after a sentence or "…" after a word
  const head = safeSlice(text, room);

  let sentenceCut = -1;
  for (const m of head.matchAll(SENTENCE_END)) sentenceCut = m.index + m[0].trimEnd().length;
  // The text right after the head may itself be the whitespace that ends a sentence.
  if (/[.!?…]["'”’)\]]*$/u.test(head) && /^\s/u.test(text.slice(head.length))) sentenceCut = head.length;
  if (sentenceCut >= room * SENTENCE_SHARE) return `${head.slice(0, sentenceCut)} ${ELLIPSIS}`;

  let wordCut: number;
  if (/^\s/u.test(text.slice(head.length))) wordCut = head.length;
  else {
    const space = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'), head.lastIndexOf('\t'));
    wordCut = space > 0 ? space : head.length; // one giant "word": nothing better than a hard cut
  }
  const kept = head.slice(0, wordCut).replace(TRAILING_JUNK, '');
  return `${kept || head}${ELLIPSIS}`.slice(0, max);
}

/**
 * Fits a rendered (escaped, bolded) string to `max` by truncating the plain text it comes from, so
 * the cut never lands inside markup. Shrinks until the rendering fits.
 */
export function fitRendered(plain: string, render: (text: string) => string, max: number): string {
  let budget = Math.min(plain.length, max);
  for (;;) {
    const out = render(truncate(plain, budget));
    if (out.length <= max) return out;
    if (budget <= 1) return truncate(out, max);
    budget = Math.max(1, budget - Math.max(1, out.length - max));
  }
}
