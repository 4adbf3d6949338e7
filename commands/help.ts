// /help: what the bot does, with examples. Private, so it does not clutter the channel.
import { helpReply } from '../src/reply/help.ts';
import { command } from './kit/define.ts';

export const { data, ephemeral, execute } = command({
  name: 'help',
  description: 'What this bot can do, with examples.',
  ephemeral: () => true,
  execute: (_args, { engine, library }) => ({ data: helpReply(engine.pack.meta, { articles: library?.articles.length ?? 1 }) }),
});
