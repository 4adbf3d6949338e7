// Splits a paragraph into sentences. Answers are sentence-sized, so a wrong split either cuts an
// answer in two or glues two answers together; abbreviations and initials are the usual traps.
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof st sr jr gen col lt capt sgt gov sen rep rev hon pres vs etc inc ltd co corp no nos vol
  jan feb mar apr jun jul aug sep sept oct nov dec fig al approx est dept univ ave blvd mt ft e.g i.e a.m p.m u.s u.k u.n`
    .split(/\s+/),
);

export interface Span {
  text: string;
  start: number;
  end: number;
}

// A terminator, optional closing quotes/brackets, then white space and something that can open a sentence.
const BOUNDARY = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;

export function splitSentences(paragraph: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of paragraph.matchAll(BOUNDARY)) {
    const end = m.index! + m[1]!.length + m[2]!.length;
    if (m[1] === '.' && !m[2] && isAbbreviation(paragraph, m.index!)) continue;
    pushSpan(spans, paragraph, start, end);
    start = end + m[3]!.length;
  }
  pushSpan(spans, paragraph, start, paragraph.length);
  return spans;
}

function isAbbreviation(text: string, dotAt: number): boolean {
  const before = text.slice(Math.max(0, dotAt - 12), dotAt);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (!word) return false;
  // Initials: "J." or "U.S." — a single letter, or letters separated by dots.
  if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushSpan(spans: Span[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ text: text.slice(s, e), start: s, end: e });
}
