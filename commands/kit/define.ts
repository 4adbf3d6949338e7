// The scaffolding every command file used to repeat: where a command may be used, the `article`
// option and its autocomplete, the moderators' permission check, and reading options by key. A
// command file says only what is its own: its name, its options, and what it does with them.
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  type APIChatInputApplicationCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { ARTICLE_OPTION, articleChoices, articleOption } from '../../src/discord/articles.ts';
import type { Awaitable, ChatInputCommand, CommandContext, ComponentRoute, Reply } from '../../src/discord/command.ts';
import { message } from '../../src/reply/message.ts';
import { REQUIRED_PERMISSION, mayManage } from './moderator.ts';
import { focusedOption, readArguments, type ArgumentsOf, type OptionSpec } from './options.ts';

/** Installed to a server; usable there and in the bot's DMs. */
const GUILD_AND_DM = { integration_types: [ApplicationIntegrationType.GuildInstall], contexts: [InteractionContextType.Guild, InteractionContextType.BotDM] };
/** Installed to a server; usable only there (what moderators manage is a server's). */
const GUILD_ONLY = { integration_types: [ApplicationIntegrationType.GuildInstall], contexts: [InteractionContextType.Guild] };

type Choices = APIApplicationCommandOptionChoice[];
type Focused = { name: string; value: string };
type Interaction = APIChatInputApplicationCommandInteraction;

interface Spec<Os extends readonly OptionSpec[]> {
  name: string;
  description: string;
  options?: Os;
  /** Known before the work runs, so a deferral keeps the flag. Absent: the guild's private-by-default. */
  ephemeral?: (args: ArgumentsOf<Os>, ctx?: CommandContext) => boolean;
  execute(args: ArgumentsOf<Os>, ctx: CommandContext, interaction: Interaction): Awaitable<Reply>;
  /** Work known to take seconds: defer at once, then edit the reply in (ChatInputCommand.deferAtOnce). */
  deferAtOnce?: (args: ArgumentsOf<Os>) => boolean;
  /** Choices for an option other than `article` (which autocompletes from the library). */
  autocomplete?(focused: Focused, args: ArgumentsOf<Os>, ctx: CommandContext): Awaitable<Choices>;
  components?: readonly ComponentRoute[];
}

/** What a command module exports, with `data` as the JSON Discord gets. */
export type DefinedCommand = ChatInputCommand & { data: RESTPostAPIChatInputApplicationCommandsJSONBody };
/** One with options (an article or a moderator command always has some). */
type WithOptions = DefinedCommand & { data: { options: APIApplicationCommandOption[] } };

function define<const Os extends readonly OptionSpec[]>(spec: Spec<Os>, head: Omit<RESTPostAPIChatInputApplicationCommandsJSONBody, 'name' | 'description' | 'type'>): DefinedCommand {
  const options = spec.options ?? ([] as unknown as Os);
  const args = (i: Interaction | APIApplicationCommandAutocompleteInteraction) => readArguments(options, i);
  const own = spec.ephemeral;
  const slow = spec.deferAtOnce;
  return {
    data: {
      type: ApplicationCommandType.ChatInput,
      name: spec.name,
      description: spec.description,
      ...head,
      ...(options.length > 0 ? { options: options as unknown as APIApplicationCommandOption[] } : {}),
    },
    ...(own ? { ephemeral: (i: Interaction, ctx?: CommandContext) => own(args(i), ctx) } : {}),
    ...(slow ? { deferAtOnce: (i: Interaction) => slow(args(i)) } : {}),
    execute: (i, ctx) => spec.execute(args(i), ctx, i),
    autocomplete(i, ctx) {
      const focused = focusedOption(i);
      if (focused?.name === ARTICLE_OPTION) return articleChoices(ctx.library, focused.value);
      return focused && spec.autocomplete ? spec.autocomplete(focused, args(i), ctx) : [];
    },
    ...(spec.components ? { components: spec.components } : {}),
  };
}

/** A command anyone may use in a server or the bot's DMs, with no article option (/help). */
export function command<const Os extends readonly OptionSpec[] = []>(spec: Spec<Os>): DefinedCommand {
  return define(spec, GUILD_AND_DM);
}

/**
 * A command about an article: usable in a server and DMs, its own options then the `article` option
 * (autocompleted from the library; without it, the guild's default or the whole library applies).
 */
export function articleCommand<const Os extends readonly OptionSpec[] = []>(
  spec: Omit<Spec<WithArticle<Os>>, 'options'> & {
    options?: Os;
    /** The article option's description: what no choice means for this command. */
    article: string;
  },
): WithOptions {
  const options = [...(spec.options ?? []), articleOption(spec.article)] as unknown as WithArticle<Os>;
  return define<WithArticle<Os>>({ ...spec, options }, GUILD_AND_DM) as WithOptions;
}

type WithArticle<Os extends readonly OptionSpec[]> = readonly [...Os, ReturnType<typeof articleOption>];

/** Reply text only the member who asked sees. */
export const refusal = (text: string): Reply => ({ data: message({ content: text, ephemeral: true }) });

/**
 * A moderators' command: hidden from members without Manage Server, private replies, and the
 * permission checked again from the interaction before `execute` runs, since a server can override
 * who sees a command.
 */
export function moderatorCommand<const Os extends readonly OptionSpec[]>(spec: Omit<Spec<Os>, 'ephemeral'> & { options: Os }): WithOptions {
  const defined = define(
    {
      ...spec,
      ephemeral: () => true,
      execute(args, ctx, interaction) {
        if (mayManage(interaction)) return spec.execute(args, ctx, interaction);
        const sub = (args as { subcommand?: string }).subcommand;
        ctx.log.warn(`/${spec.name} ${sub ?? ''} refused: the member lacks Manage Server (interaction ${interaction.id})`);
        return refusal(`Only members with the **Manage Server** permission can use \`/${spec.name}\`.`);
      },
    },
    { default_member_permissions: String(REQUIRED_PERMISSION), ...GUILD_ONLY },
  );
  // A moderator can always undo a cooldown (even one they set too tight), so they are never rate limited here.
  return { ...defined, unlimited: mayManage } as WithOptions;
}
