// /kb reload, /kb stats and /kb unanswered, for moderators (the kit's moderatorCommand: hidden from
// members without Manage Server, and checked again at run time).
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { articleOption } from '../src/discord/articles.ts';
import { unknownArticleReply } from '../src/reply/library.ts';
import type { CommandContext, Reply } from '../src/discord/command.ts';
import { reloadAndLog } from '../src/runtime/knowledge-store.ts';
import { kbReloadReply, kbStatsReply, TOP_QUESTIONS } from '../src/reply/kb.ts';
import { unansweredReply } from '../src/reply/unanswered.ts';
import { withConfirmations } from '../src/reply/replicas.ts';
import { moderatorCommand, refusal } from './kit/define.ts';

export const { data, ephemeral, execute, autocomplete, unlimited, deferAtOnce } = moderatorCommand({
  name: 'kb',
  description: 'Moderators: reload the knowledge, show its statistics, or the questions it could not answer.',
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'reload', description: 'Load the knowledge files again; the old knowledge stays if they are invalid.' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'stats', description: 'Passages, entities, quotes, load time and the top questions since start.' },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'unanswered',
      description: 'The most frequent questions the bot could not answer well, similar wordings grouped.',
      options: [articleOption('Only questions about this article (default: all).')],
    },
  ],
  // A reload takes seconds on a large library (built on a worker thread): acknowledge at once, edit the result in.
  deferAtOnce: (args) => args.subcommand === 'reload',
  execute(args, ctx) {
    if (args.subcommand === 'reload') return reload(ctx);
    if (args.subcommand === 'stats') {
      // Stats describe what serves questions now, not the snapshot this interaction happened to start with.
      const snapshot = ctx.knowledge?.current() ?? ctx.snapshot;
      if (!snapshot) return refusal('No knowledge statistics are available.');
      const q = ctx.questions;
      const database = !ctx.curator ? 'not configured' : ctx.curator.healthy ? 'recording' : `not available: it ${ctx.curator.problem ?? 'cannot be used'}`;
      return {
        data: kbStatsReply(snapshot, q?.top(TOP_QUESTIONS) ?? [], { total: q?.total ?? 0, distinct: q?.distinct ?? 0, since: q?.since ?? snapshot.loadedAt, ...(q ? { forum: q.forum } : {}) }, { database }),
      };
    }
    if (args.subcommand === 'unanswered') return unanswered(args.article?.trim(), ctx);
    return refusal('Unknown /kb subcommand. Use `/kb reload`, `/kb stats` or `/kb unanswered`.');
  },
});

async function reload(ctx: CommandContext): Promise<Reply> {
  if (!ctx.knowledge) return refusal('This bot was started without reloadable knowledge.');
  const origin = '/kb reload'; // no user id: the logs carry none (docs/gateway-bot.md)
  const result = await reloadAndLog(ctx.knowledge, ctx.log, origin);
  const data = kbReloadReply(result);
  // On a shared database the other replicas reload too; the reply says how many confirmed.
  if (!result.ok || !ctx.replicas) return { data };
  return { data: withConfirmations(data, await ctx.replicas.confirmations(origin)) };
}

async function unanswered(value: string | undefined, ctx: CommandContext): Promise<Reply> {
  const library = ctx.library;
  // Questions about an article that has since left the library are still worth reading: a slug that
  // is not loaded is accepted as it is.
  const meta = value ? (library.articles.find((a) => a.slug === value) ?? library.findArticle(value)) : undefined;
  if (value && !meta && !/^[a-z0-9-]{1,100}$/.test(value)) return { data: unknownArticleReply(value, library.articles) };
  const slug = meta?.slug ?? value;
  const curator = ctx.curator;
  const problem = !curator ? 'is not configured in this process' : curator.healthy ? undefined : (curator.problem ?? 'cannot be used');
  const groups = curator && !problem ? await curator.unansweredReport({ ...(slug ? { article: slug } : {}), limit: 50 }) : [];
  const titleOf = (s: string) => library.articles.find((a) => a.slug === s)?.title;
  return { data: unansweredReply(groups, { ...(slug ? { article: meta?.title ?? slug } : {}), titleOf, ...(problem ? { problem } : {}) }) };
}
