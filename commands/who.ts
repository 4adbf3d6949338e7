// /who: a person or organisation in the article: role, aliases, and the passages that mention them.
// Without an article (option or guild default) every article's people and organisations are searched;
// the article that mentions them most answers, and the others are named.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { articleScope, enginesIn, loadingIn } from '../src/discord/articles.ts';
import { withAlsoIn, withLoadingNote } from '../src/reply/library.ts';
import type { Engine } from '../src/engine/index.ts';
import type { Entity } from '../src/knowledge/schema.ts';
import { toChoices } from '../src/discord/choices.ts';
import { isPersonOrOrganisation, whoNotFoundReply, whoReply } from '../src/reply/who.ts';
import { articleCommand } from './kit/define.ts';

export const { data, execute, autocomplete } = articleCommand({
  name: 'who',
  description: 'Who is a person or organisation in the article: role, aliases, and where they appear.',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'name', description: 'A name or alias, e.g. "Prigozhin" or "Wagner".', required: true, autocomplete: true, max_length: 100 },
  ],
  article: "Which article (default: the server's default article, else all of them).",
  execute(args, ctx) {
    const name = args.name ?? '';
    const target = articleScope(args.article, ctx);
    if ('reply' in target) return target.reply;
    const engines = enginesIn(target.scope, ctx.library);
    // An id (what autocomplete sends) first, in every article; then exact names and aliases; then typos.
    const key = name.trim().toLowerCase();
    const byId = engines.flatMap((engine) => found(engine, engine.pack.entities.find((e) => e.id === name)));
    const byName = () => engines.flatMap((engine) => found(engine, engine.pack.entities.find((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase() === key))));
    const exact = byId.length > 0 ? byId : byName();
    const hits = exact.length > 0 ? exact : engines.flatMap((engine) => found(engine, engine.findEntity(name)));
    const loading = loadingIn(target.scope, ctx.library);
    if (hits.length === 0) return { data: withLoadingNote(whoNotFoundReply(name, engines.flatMap((e) => e.pack.entities)), loading) };
    const ranked = hits.map((h) => ({ ...h, mentions: h.engine.mentions(h.entity.id) })).sort((a, b) => b.mentions.length - a.mentions.length);
    const [best, ...others] = ranked;
    return { data: withLoadingNote(withAlsoIn(whoReply(best!.entity, best!.mentions, best!.engine.pack.meta), others.map((h) => h.engine.pack.meta)), loading) };
  },
  autocomplete(focused, args, ctx) {
    const typed = focused.value.trim().toLowerCase();
    const target = articleScope(args.article, ctx);
    const engines = 'scope' in target ? enginesIn(target.scope, ctx.library) : [];
    // Names that start with what was typed, from every article, before names that merely contain it.
    const lists = engines.map((engine) => entityMatches(engine, typed));
    const pick = (k: 0 | 1) => lists.flatMap((l) => l[k]).map((e) => ({ name: `${e.name} (${e.role})`, value: e.id }));
    return toChoices([...pick(0), ...pick(1)]);
  },
});

/** Only people and organisations answer /who: an event or a place is not a "who". */
function found(engine: Engine, entity: Entity | undefined): { engine: Engine; entity: Entity }[] {
  return entity && isPersonOrOrganisation(entity) ? [{ engine, entity }] : [];
}

function entityMatches(engine: Engine, typed: string): [Entity[], Entity[]] {
  const entities = engine.pack.entities.filter(isPersonOrOrganisation);
  const starts = entities.filter((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase().startsWith(typed)));
  const contains = entities.filter((e) => !starts.includes(e) && [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(typed)));
  if (starts.length + contains.length === 0 && typed) {
    const guess = engine.findEntity(typed);
    if (guess && isPersonOrOrganisation(guess)) contains.push(guess);
  }
  return [starts, contains];
}
