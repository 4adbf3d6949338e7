// /quote: the article's direct quotations, optionally narrowed to a speaker and a topic. Without an
// article (option or guild default) a speaker or topic is looked up in every article, and the one with
// the most matching quotes answers, naming the others; with neither, the user is asked to choose.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { articleScope, enginesIn, loadingIn, oneArticle } from '../src/discord/articles.ts';
import { withAlsoIn, withLoadingNote } from '../src/reply/library.ts';
import { toChoices } from '../src/discord/choices.ts';
import type { Engine } from '../src/engine/index.ts';
import type { Entity } from '../src/knowledge/schema.ts';
import { escapeText, oneLine } from '../src/reply/escape.ts';
import { COLOURS, message } from '../src/reply/message.ts';
import { quotesReply } from '../src/reply/quotes.ts';
import { truncate } from '../src/reply/truncate.ts';
import { articleCommand } from './kit/define.ts';

function entityMap(entities: Entity[]): Map<string, Entity> {
  return new Map(entities.map((e) => [e.id, e]));
}

export const { data, execute, autocomplete } = articleCommand({
  name: 'quote',
  description: 'The direct quotes in the article, with who said them, their role and the setting.',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'speaker', description: 'Who said it (pick from the list or type a name).', autocomplete: true, max_length: 100 },
    { type: ApplicationCommandOptionType.String, name: 'topic', description: 'Words the quote is about, e.g. "stability".', max_length: 100 },
  ],
  article: "Which article (default: the server's default article, else all of them).",
  execute(args, ctx) {
    const speaker = args.speaker?.trim() || undefined;
    const topic = args.topic?.trim() || undefined;
    const filter = { ...(speaker ? { speaker } : {}), ...(topic ? { topic } : {}) };
    const target = articleScope(args.article, ctx);
    if ('reply' in target) return target.reply;
    const library = ctx.library;
    const reply = (engine: Engine, quotes = engine.quotes(filter)) =>
      quotesReply(quotes, entityMap(engine.pack.entities), engine.pack.meta, filter, (i) => engine.paragraph(i)?.label ?? `¶${i}`);
    if (target.scope.slug !== undefined) return { data: reply(target.scope.engine) };
    // Every quote of every article is not one list: without a speaker or topic, ask which article.
    if (!speaker && !topic) {
      const one = oneArticle(undefined, ctx, 'quote');
      return 'reply' in one ? one.reply : { data: reply(one.engine) };
    }
    const hits = enginesIn(target.scope, library)
      .map((engine) => ({ engine, quotes: engine.quotes(filter) }))
      .filter((h) => h.quotes.length > 0)
      .sort((a, b) => b.quotes.length - a.quotes.length);
    const loading = loadingIn(target.scope, library);
    if (hits.length === 0) {
      const asked = [speaker && `speaker “${oneLine(speaker)}”`, topic && `topic “${oneLine(topic)}”`].filter(Boolean).join(' and ');
      const description = `None of the ${library.articles.length - loading} articles has a direct quote for ${escapeText(truncate(asked, 200))}.`;
      return { data: withLoadingNote(message({ embeds: [{ title: 'No matching quotes', description, color: COLOURS.miss }] }), loading) };
    }
    const [best, ...others] = hits;
    return { data: withLoadingNote(withAlsoIn(reply(best!.engine, best!.quotes), others.map((h) => h.engine.pack.meta)), loading) };
  },
  autocomplete(focused, args, ctx) {
    const typed = focused.value.trim().toLowerCase();
    const target = articleScope(args.article, ctx);
    const engines = 'scope' in target ? enginesIn(target.scope, ctx.library) : [];
    const matches: Entity[] = [];
    for (const engine of engines) {
      const quoted = new Set(engine.quotes().map((q) => q.speaker));
      const speakers = engine.pack.entities.filter((e) => quoted.has(e.id));
      const found = speakers.filter((e) => !typed || [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(typed)));
      if (found.length === 0 && typed) {
        const guess = engine.findEntity(typed); // typo tolerance ("prigozin")
        if (guess && quoted.has(guess.id)) found.push(guess);
      }
      matches.push(...found);
    }
    return toChoices(matches.map((e) => ({ name: `${e.name} (${e.role})`, value: e.id })));
  },
});
