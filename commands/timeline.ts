// /timeline: the dated events of one article, in order: the article option's, else the guild's
// default, else the library's only article; with several and neither, the user is asked to choose.
import { oneArticle } from '../src/discord/articles.ts';
import { timelineReply } from '../src/reply/timeline.ts';
import { articleCommand } from './kit/define.ts';

export const { data, execute, autocomplete } = articleCommand({
  name: 'timeline',
  description: 'The dated events in the article, in order.',
  article: "Which article (default: the server's default article).",
  execute(args, ctx) {
    const target = oneArticle(args.article, ctx, 'timeline', { packOnly: true });
    if ('reply' in target) return target.reply;
    const { engine } = target;
    return { data: timelineReply(engine.timeline(), engine.pack.meta, (i) => engine.paragraph(i)?.label ?? `¶${i}`) };
  },
});
