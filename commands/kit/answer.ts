// One question through the library, as /ask, "Find in article" and a forum post ask it: answered within the
// article in scope (else every article), the alternatives kept to the answering article's (their
// passage ids are that article's), and a miss or a weak answer recorded for the moderators.
import { ALL_ARTICLES } from '../../src/discord/articles.ts';
import type { CommandContext } from '../../src/discord/command.ts';
import { cleanQuestion } from '../../src/discord/question.ts';
import type { Answer } from '../../src/engine/index.ts';
import type { ArticleMeta } from '../../src/knowledge/schema.ts';
import { recordAnswer } from '../../src/store/record.ts';

export interface Answered {
  answer: Answer;
  /** The article the answer came from (or, for a miss, the one in scope): for the source line. */
  meta: ArticleMeta;
}

/**
 * `texts` as the user gave them: cleaned for the engine, recorded as given. `slug` undefined: every
 * article. Given several wordings (a forum post's title and body), each is asked and the best answer
 * is kept: the found one with the highest confidence, else the first one's refusal. Only the kept
 * one is recorded.
 */
export function answerAndRecord(
  ctx: CommandContext,
  texts: string | readonly string[],
  opts: { slug: string | undefined; alternatives: number; /** A near miss's source line names the article of its closest passage. */ closestSource?: boolean },
): Answered & { question: string } {
  const { slug } = opts;
  const library = ctx.library;
  const asked = (typeof texts === 'string' ? [texts] : texts).map((question) => ({
    question,
    answer: library.answer(cleanQuestion(question), { alternatives: opts.alternatives, ...(slug ? { article: slug } : {}) }),
  }));
  if (asked.length === 0) throw new Error('answerAndRecord needs a question');
  const { question, answer } = asked.reduce((kept, next) => (next.answer.found && (!kept.answer.found || score(next.answer) > score(kept.answer)) ? next : kept));
  const best = answer.found ? answer.answer : null;
  const shown = best ?? (opts.closestSource ? answer.closest : null);
  const meta = library.engine(shown?.article ?? slug ?? '')?.pack.meta ?? ctx.engine.pack.meta;
  const alternatives = best ? answer.alternatives.filter((p) => p.article === best.article) : answer.alternatives;
  // Asked while a start still builds some articles, a whole-library miss says nothing about the knowledge.
  if (slug || library.loading().length === 0) recordAnswer(ctx.curator, { question, article: slug ?? best?.article ?? ALL_ARTICLES, guildId: ctx.guildId ?? null, answer });
  return { answer: { ...answer, alternatives }, meta, question };
}

const score = (answer: Answer) => answer.answer?.score ?? 0;
