// /article: title, publisher, section, reading time, contributors, summary, and how to cite it. With
// several articles and neither the option nor a guild default, it lists the library instead.
import { articleScope } from '../src/discord/articles.ts';
import { libraryReply } from '../src/reply/library.ts';
import { articleReply } from '../src/reply/article.ts';
import { articleCommand } from './kit/define.ts';

export const { data, execute, autocomplete } = articleCommand({
  name: 'article',
  description: 'About the article: title, publisher, reading time, contributors, summary and citation.',
  article: "Which article (default: the server's default; without one, the list of articles).",
  execute(args, ctx) {
    const target = articleScope(args.article, ctx, { packOnly: true });
    if ('reply' in target) return target.reply;
    if (target.scope.slug === undefined) {
      return { data: libraryReply(ctx.library.articles, { title: 'The articles I answer from', ephemeral: false }) };
    }
    const { pack } = target.scope.engine;
    const stats = {
      paragraphs: pack.paragraphs.filter((p) => p.kind === 'body').length,
      quotes: pack.quotes.length,
      entities: pack.entities.length,
    };
    return { data: articleReply(pack.meta, stats) };
  },
});
