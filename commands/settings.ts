// /settings, for moderators: this server's default article (used when a command has no article option),
// its own cooldown, and whether answers are private by default. Stored in the curator database (the
// bot's only state), read by the handler at the start of every interaction. A moderatorCommand, like /kb.
import { ApplicationCommandOptionType, ChannelType, type APIChatInputApplicationCommandInteraction, type APIEmbedField } from 'discord-api-types/v10';
import type { GuildSettings, GuildSettingsPatch } from '../src/store/store.ts';
import { articleOption } from '../src/discord/articles.ts';
import { unknownArticleReply } from '../src/reply/library.ts';
import type { CommandContext, Reply } from '../src/discord/command.ts';
import { DEFAULT_BURST, DEFAULT_REFILL_MS } from '../src/discord/cooldown.ts';
import { escapeText, oneLine } from '../src/reply/escape.ts';
import { COLOURS, message } from '../src/reply/message.ts';
import { truncate } from '../src/reply/truncate.ts';
import { moderatorCommand, refusal } from './kit/define.ts';
import type { ArgumentsOf } from './kit/options.ts';

/** Longest refill a moderator may set: one day (the store's limit). */
export const MAX_REFILL_MS = 24 * 60 * 60 * 1000;
export const MAX_BURST = 1000;

const OPTIONS = [
  { type: ApplicationCommandOptionType.Subcommand, name: 'show', description: "This server's settings." },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'article',
    description: 'The article commands use without an article option; leave empty for all articles.',
    options: [articleOption('The default article (empty: /ask searches every article).')],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'cooldown',
    description: "Commands a member may send back to back, then one per refill; both empty: the bot's default.",
    options: [
      { type: ApplicationCommandOptionType.Integer, name: 'burst', description: `Commands back to back, 0 to ${MAX_BURST} (0 turns the cooldown off).`, min_value: 0, max_value: MAX_BURST },
      { type: ApplicationCommandOptionType.Integer, name: 'refill_ms', description: 'Milliseconds until one more command is allowed after the burst.', min_value: 1, max_value: MAX_REFILL_MS },
    ],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'private',
    description: 'Whether answers are only shown to the member who asked, unless they choose otherwise.',
    options: [{ type: ApplicationCommandOptionType.Boolean, name: 'enabled', description: 'True: answers are private by default.', required: true }],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'forum',
    description: 'The Q&A forum whose new posts the bot answers in their thread; leave empty to turn it off.',
    options: [
      { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'A forum channel (empty: the bot answers no forum posts).', channel_types: [ChannelType.GuildForum] },
    ],
  },
] as const;

function describeCooldown(c: GuildSettings['cooldown']): string {
  if (!c) return "The bot's default.";
  if (c.burst === 0) return 'Off: members are not rate limited in this server.';
  return `${c.burst} command${c.burst === 1 ? '' : 's'} back to back, then one every ${c.refillMs} ms.`;
}

function settingsReply(ctx: CommandContext, settings: GuildSettings | undefined, headline: string): Reply {
  const library = ctx.library;
  const slug = settings?.defaultArticle ?? null;
  const meta = slug ? library.articles.find((a) => a.slug === slug) : undefined;
  const article = !slug
    ? library.articles.length > 1
      ? 'None: `/ask` searches every article; `/timeline` asks which one.'
      : 'None (the library has one article).'
    : meta
      ? `${escapeText(truncate(oneLine(meta.title), 200))} (\`${slug}\`)`
      : `\`${slug}\`, which is no longer in the library: commands behave as if none were set.`;
  const fields: APIEmbedField[] = [
    { name: 'Default article', value: article },
    { name: 'Cooldown', value: describeCooldown(settings?.cooldown ?? null) },
    { name: 'Private by default', value: settings?.privateByDefault ? 'Yes: answers are shown only to the member who asked.' : 'No: answers are public unless `private` is set.' },
    { name: 'Q&A forum', value: forumLine(settings?.forumChannelId ?? null) },
  ];
  return { data: message({ ephemeral: true, embeds: [{ title: headline, color: COLOURS.info, fields }] }) };
}

/** A channel mention renders as the channel's name and pings nobody. */
function forumLine(id: string | null): string {
  if (!id) return 'None: forum posts are not answered automatically.';
  return `<#${id}>: the bot answers each new post there in its thread (the gateway bot only; see the README).`;
}

/** The forum chosen in `/settings forum channel:…`, or null to turn it off; a reply when it is not a forum. */
function forumChoice(id: string | undefined, interaction: APIChatInputApplicationCommandInteraction): { id: string | null } | Reply {
  if (id === undefined) return { id: null };
  if (!/^\d{1,20}$/.test(id)) return refusal('Choose a forum channel.');
  const resolved = interaction.data.resolved?.channels?.[id];
  if (resolved && resolved.type !== ChannelType.GuildForum) return refusal('That is not a forum channel. Choose a forum (a channel where each post is a thread).');
  return { id };
}

export const { data, ephemeral, execute, autocomplete, unlimited } = moderatorCommand({
  name: 'settings',
  description: "Moderators: this server's default article, cooldown, private answers and Q&A forum.",
  options: OPTIONS,
  execute: (args, ctx, interaction) => change(args, ctx, interaction),
});

async function change(args: ArgumentsOf<typeof OPTIONS>, ctx: CommandContext, interaction: APIChatInputApplicationCommandInteraction): Promise<Reply> {
  const sub = args.subcommand;
  const guildId = ctx.guildId ?? interaction.guild_id;
  if (!guildId) return refusal('`/settings` applies to a server: use it in one.');
  const store = ctx.curator;
  if (!store?.healthy) {
    // The store's problem names the file and SQLite's message: shown literally (paths have underscores).
    const why = store?.problem ? `: it ${escapeText(truncate(oneLine(store.problem), 300))}` : '';
    return refusal(`Settings cannot be read or saved because the bot's database is not available${why}. The bot keeps answering with its defaults.`);
  }
  if (sub === 'show' || sub === undefined) return settingsReply(ctx, store.guildSettings(guildId), 'Settings for this server');

  let patch: GuildSettingsPatch;
  if (sub === 'article') {
    const typed = args.article?.trim() ?? '';
    const library = ctx.library;
    const meta = typed ? (library.articles.find((a) => a.slug === typed) ?? library.findArticle(typed)) : undefined;
    if (typed && !meta) return { data: unknownArticleReply(typed, library.articles) };
    patch = { defaultArticle: meta?.slug ?? null };
  } else if (sub === 'cooldown') {
    const { burst, refill_ms: refillMs } = args;
    const current = store.guildSettings(guildId)?.cooldown;
    if (burst === undefined && refillMs === undefined) patch = { cooldown: null };
    else {
      const b = burst ?? current?.burst ?? DEFAULT_BURST;
      const r = refillMs ?? current?.refillMs ?? DEFAULT_REFILL_MS;
      if (b < 0 || b > MAX_BURST || r < 1 || r > MAX_REFILL_MS) return refusal(`burst must be 0 to ${MAX_BURST} and refill_ms 1 to ${MAX_REFILL_MS}.`);
      patch = { cooldown: { burst: b, refillMs: r } };
    }
  } else if (sub === 'private') {
    if (args.enabled === undefined) return refusal('Say `enabled: True` or `enabled: False`.');
    patch = { privateByDefault: args.enabled };
  } else if (sub === 'forum') {
    const choice = forumChoice(args.channel, interaction);
    if ('data' in choice) return choice;
    patch = { forumChannelId: choice.id };
  } else {
    return refusal('Unknown /settings subcommand. Use `/settings show`, `article`, `cooldown`, `private` or `forum`.');
  }
  const saved = await store.updateGuildSettings(guildId, patch);
  if (!saved) return refusal('The setting could not be saved (the database refused it; see the bot log). Nothing changed.');
  ctx.log.info(`/settings ${sub} for guild ${guildId}: ${JSON.stringify(patch)}`);
  return settingsReply(ctx, saved, 'Saved. Settings for this server');
}

