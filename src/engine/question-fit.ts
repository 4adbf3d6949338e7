// After ranking: how well each candidate fits what the question's form asks, beyond its words.
// - "who is Rudenko": the passage that introduces Rudenko (his title or first name before the surname,
//   as a news story does on first mention) says who he is; a later "… met Rudenko" does not.
// - "what date…", "which year…": a passage with a calendar date or a year, not only "on Saturday".
import type { Question } from './question.ts';
import type { Scored } from './rank.ts';
import type { Token } from './text.ts';
import { hasCalendarDate } from './answer-detail.ts';

/** Score factor for the passage that introduces the person a "who is X" question names. */
const INTRODUCES_FACTOR = 1.3;

/** Score factor for a passage that gives the year or the date a "what year"/"what date" question asks for. */
const CALENDAR_FACTOR = 1.2;

/** "who is X", "who's X again", "who was X": the question names someone and asks nothing else. */
const WHO_IS = /^\W*(?:who(?:'s|\s+is|\s+was|\s+are|\s+were)|whos)\s/i;

export function fitToQuestion(q: Question, ranked: Scored[], tokensOf: (id: number) => Token[], textOf: (id: number) => string, isName: (word: string) => boolean): Scored[] {
  const whoIs = q.type === 'who' && WHO_IS.test(q.text) && q.groups.length > 0 && q.groups.length <= 3 && q.groups.every((g) => g.nameLike || isName(g.repaired ?? g.word));
  if (!whoIs && !q.calendar) return ranked;
  const asked = new Set(q.groups.flatMap((g) => g.stems.map((s) => s.stem)));
  const named = whoIs ? new Set(q.groups.flatMap((g) => g.stems.filter((s) => s.weight >= 0.9).map((s) => s.stem))) : new Set<string>();
  const out = ranked.map((s) => {
    const tokens = tokensOf(s.id);
    let factor = 1;
    if (whoIs && introduces(tokens, textOf(s.id), named)) factor *= INTRODUCES_FACTOR;
    if (q.calendar && hasCalendarDate(tokens, asked, q.calendar)) factor *= CALENDAR_FACTOR;
    return factor === 1 ? s : { ...s, score: s.score * factor };
  });
  return out.sort((a, b) => b.score - a.score || a.id - b.id);
}

/** The name written with a capitalised word before it, mid-sentence: "Deputy Foreign Minister Andrey Rudenko", not "met Rudenko". */
function introduces(tokens: Token[], text: string, named: ReadonlySet<string>): boolean {
  return tokens.some((t, i) => i >= 2 && named.has(t.stem) && tokens[i - 1]!.capital && /^\s+$/.test(text.slice(tokens[i - 1]!.end, t.start)));
}
