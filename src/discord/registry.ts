// The command list. Static imports (not a directory scan) so the type checker sees every module
// against the Command interface and bundling or a different cwd cannot lose a command.
import * as article from '../../commands/article.ts';
import * as ask from '../../commands/ask.ts';
import * as findInArticle from '../../commands/find-in-article.ts';
import * as forumPost from '../../commands/forum-post.ts';
import * as help from '../../commands/help.ts';
import * as kb from '../../commands/kb.ts';
import * as quote from '../../commands/quote.ts';
import * as settings from '../../commands/settings.ts';
import * as timeline from '../../commands/timeline.ts';
import * as who from '../../commands/who.ts';
import type { Command, ComponentRoute } from './command.ts';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { routeOf } from '../reply/buttons.ts';

export const commands: readonly Command[] = [ask, quote, who, timeline, article, help, findInArticle, kb, settings] satisfies Command[];

export function commandKey(type: number | undefined, name: string): string {
  return `${type ?? 1}:${name}`;
}

export interface Registry {
  command(type: number, name: string): Command | undefined;
  component(customId: string): ComponentRoute | undefined;
  /** The JSON body for PUT /applications/{id}/commands. */
  definitions(): RESTPostAPIApplicationCommandsJSONBody[];
}

/** Buttons that belong to no slash command (the forum's "This answered it"). */
export const extraRoutes: readonly ComponentRoute[] = [...forumPost.components];

export function createRegistry(list: readonly Command[] = commands, extra: readonly ComponentRoute[] = extraRoutes): Registry {
  const byKey = new Map<string, Command>();
  const routes = new Map<string, ComponentRoute>();
  for (const c of list) {
    const key = commandKey(c.data.type, c.data.name);
    if (byKey.has(key)) throw new Error(`Two commands are named ${c.data.name}`);
    byKey.set(key, c);
    for (const r of c.components ?? []) {
      if (routes.has(r.prefix)) throw new Error(`Two component routes use the prefix ${r.prefix}`);
      routes.set(r.prefix, r);
    }
  }
  for (const r of extra) {
    if (routes.has(r.prefix)) throw new Error(`Two component routes use the prefix ${r.prefix}`);
    routes.set(r.prefix, r);
  }
  return {
    command: (type, name) => byKey.get(commandKey(type, name)),
    component(customId) {
      const route = routeOf(customId);
      return routes.get(route) ?? routes.get(route.split(':')[0]!);
    },
    definitions: () => list.map((c) => c.data),
  };
}
