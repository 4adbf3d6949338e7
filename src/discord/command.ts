// What a command module exports. Commands work on raw API payloads and return message bodies, so
// the same module serves the gateway bot and the HTTP endpoint, and tests need no discord.js.
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandOptionChoice,
  APIChatInputApplicationCommandInteraction,
  APIInteractionResponseCallbackData,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentInteraction,
  ApplicationCommandType,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { CuratorStore, GuildSettings } from '../store/store.ts';
import type { Engine, Library } from '../engine/index.ts';
import type { KnowledgeSnapshot, KnowledgeStore } from '../runtime/knowledge-store.ts';
import type { Logger } from '../log.ts';
import type { QuestionStats } from './question-stats.ts';
import type { ReplicaReloads } from '../runtime/replica-reloads.ts';
import type { ChannelApi } from './forum/channel-api.ts';

export interface CommandContext {
  /** The engine of `snapshot`: taken once when the interaction started, kept even if a reload swaps it. */
  engine: Engine;
  log: Logger;
  /** The knowledge snapshot this interaction uses (set by the handler). */
  snapshot?: KnowledgeSnapshot;
  /** The swappable knowledge, for /kb reload (set by the handler). */
  knowledge?: KnowledgeStore;
  /** Questions asked since start, for /kb stats (set by the handler). */
  questions?: QuestionStats;
  /** Every article of `snapshot`, always set (one engine alone is a library of one); `engine` is its default article's. */
  library: Library;
  /** The curator database: unanswered questions and guild settings (absent: nothing is recorded). */
  curator?: CuratorStore;
  /** Reloads shared with the other replicas on the database (absent: this process alone). */
  replicas?: ReplicaReloads;
  /** The guild the interaction came from (absent in DMs). */
  guildId?: string;
  /** That guild's /settings, read once when the interaction started. */
  settings?: GuildSettings;
  /** Channel reads and edits with the bot token (the forum's Solved tag); absent without a token. */
  discord?: ChannelApi;
}

/** A message to send. `update: true` edits the message a component sits on (type 7) instead of replying. */
export interface Reply {
  data: APIInteractionResponseCallbackData;
  update?: boolean;
  /** Whether the article answered (/ask, Find in article), for the interaction's log line. */
  found?: boolean;
}

export type Awaitable<T> = T | Promise<T>;

export interface ComponentRoute {
  /** custom_id prefix this route owns, up to the second colon ("ask:more"). */
  prefix: string;
  /** Whether the answer edits the clicked message; decided up front so a deferral has the right type. */
  update?: (interaction: APIMessageComponentInteraction) => boolean;
  /** Whether a new reply is ephemeral (ignored for updates). */
  ephemeral?: (interaction: APIMessageComponentInteraction) => boolean;
  handle(interaction: APIMessageComponentInteraction, ctx: CommandContext): Awaitable<Reply>;
}

interface CommandBase {
  components?: readonly ComponentRoute[];
}

export interface ChatInputCommand extends CommandBase {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Known before the work runs, so a deferral keeps the ephemeral flag. */
  ephemeral?: (interaction: APIChatInputApplicationCommandInteraction, ctx?: CommandContext) => boolean;
  execute(interaction: APIChatInputApplicationCommandInteraction, ctx: CommandContext): Awaitable<Reply>;
  /**
   * True when the work is known to take seconds (a knowledge reload): acknowledged with a deferral at
   * once, and the reply edited in when it is done, instead of waiting for the deadline first.
   */
  deferAtOnce?: (interaction: APIChatInputApplicationCommandInteraction) => boolean;
  /** True when this interaction skips the cooldown (moderators on /settings and /kb: never locked out). */
  unlimited?: (interaction: APIChatInputApplicationCommandInteraction) => boolean;
  autocomplete?(interaction: APIApplicationCommandAutocompleteInteraction, ctx: CommandContext): Awaitable<APIApplicationCommandOptionChoice[]>;
}

export interface MessageCommand extends CommandBase {
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody & { type: ApplicationCommandType.Message };
  ephemeral?: (interaction: APIMessageApplicationCommandInteraction) => boolean;
  execute(interaction: APIMessageApplicationCommandInteraction, ctx: CommandContext): Awaitable<Reply>;
  autocomplete?: undefined;
}

export type Command = ChatInputCommand | MessageCommand;
