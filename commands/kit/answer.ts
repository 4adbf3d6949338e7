// One question through the library, as /ask and "Find in article" both ask it: answered within the
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

/** `text` as the user gave it: cleaned for the engine, recorded as given. `slug` undefined: every article. */
export function answerAndRecord(
  ctx: CommandContext,
  text: string,
  opts: { slug: string | undefined; alternatives: number; /** A near miss's source line names the article of its closest passage. */ closestSource?: boolean },
): Answered {
  const { slug } = opts;
  const library = ctx.library;
  const answer = library.answer(cleanQuestion(text), { alternatives: opts.alternatives, ...(slug ? { article: slug } : {}) });
  const best = answer.found ? answer.answer : null;
  const shown = best ?? (opts.closestSource ? answer.closest : null);
  const meta = library.engine(shown?.article ?? slug ?? '')?.pack.meta ?? ctx.engine.pack.meta;
  const alternatives = best ? answer.alternatives.filter((p) => p.article === best.article) : answer.alternatives;
  recordAnswer(ctx.curator, { question: text, article: slug ?? best?.article ?? ALL_ARTICLES, guildId: ctx.guildId ?? null, answer });
  return { answer: { ...answer, alternatives }, meta };
}
