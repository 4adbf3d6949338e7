// The handler layer both transports call: routes a raw interaction by type to its command, applies
// the per-user cooldown, keeps to the 3 s acknowledgement deadline, and turns any failure into an
// ephemeral "something went wrong" so one bad interaction never takes the process down.
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteraction,
  type APIInteraction,
  type APIMessageComponentInteraction,
} from 'discord-api-types/v10';
import type { CuratorStore, GuildSettings } from '../store/store.ts';
import type { Engine } from '../engine/index.ts';
import { fixedKnowledge, type KnowledgeStore } from '../runtime/knowledge-store.ts';
import type { ReplicaReloads } from '../runtime/replica-reloads.ts';
import { silentLogger, type Logger } from '../log.ts';
import { PONG, errorReply, noticeReply } from './outgoing.ts';
import { routeOf } from '../reply/buttons.ts';
import type { ChatInputCommand, Command, CommandContext, MessageCommand, Reply } from './command.ts';
import type { HandleInteraction, HandleOptions, InteractionResult, InteractionSummary } from './interaction-result.ts';
import type { ChannelApi } from './forum/channel-api.ts';
import { createGuildCooldowns, type CooldownOptions, type GuildCooldowns } from './cooldown.ts';
import { DEFAULT_DEADLINE_MS, deferral, isPromise, respondWithin, toResponse, type DeferShape } from './deadline.ts';
import { userId } from './invoker.ts';
import { createQuestionStats, type QuestionStats } from './question-stats.ts';
import { createReplayMemory } from '../store/replays.ts';
import { commands as defaultCommands, createRegistry, type Registry } from './registry.ts';

export interface HandlerOptions {
  /** The knowledge to serve; each interaction reads `knowledge.current()` once, when it starts. */
  knowledge?: KnowledgeStore;
  /** A fixed engine instead of `knowledge` (tests, benchmarks): /kb reload then has nothing to reload. */
  engine?: Engine;
  /** Where questions are counted for /kb stats (default: a fresh counter per handler). */
  questions?: QuestionStats;
  commands?: readonly Command[];
  /** Per-user limit on commands and buttons; false turns it off (benchmarks, trusted callers). */
  cooldown?: CooldownOptions | false;
  /** The limit shared with forum posts (made from `cooldown` when absent). */
  cooldowns?: GuildCooldowns;
  /**
   * The curator database: unanswered questions are recorded in it, and each guild's /settings
   * (default article, cooldown, private by default) are read from it once per interaction.
   */
  curator?: CuratorStore;
  /** Reloads shared with the other replicas (src/runtime/replica-reloads.ts), for /kb reload's reply. */
  replicas?: ReplicaReloads;
  /** Channel calls with the bot token, for the forum's "This answered it" button. */
  discord?: ChannelApi;
  /** Defer when the work has not finished after this many ms (default 2000; Discord allows 3000). */
  deadlineMs?: number;
  log?: Logger;
}

export interface ContextDeps {
  knowledge: KnowledgeStore;
  log: Logger;
  questions: QuestionStats;
  curator?: CuratorStore;
  discord?: ChannelApi;
  replicas?: ReplicaReloads;
}

/**
 * What a command sees: one knowledge snapshot (a reload during the work does not change what it
 * answers from) and the guild's settings, read once when the work starts.
 */
export function createContextFactory(deps: ContextDeps): (guildId: string | undefined) => CommandContext {
  return (guildId) => {
    const snapshot = deps.knowledge.current();
    const settings = guildId && deps.curator ? deps.curator.guildSettings(guildId) : undefined;
    return {
      engine: snapshot.engine,
      library: snapshot.library,
      log: deps.log,
      snapshot,
      knowledge: deps.knowledge,
      questions: deps.questions,
      ...(deps.curator ? { curator: deps.curator } : {}),
      ...(guildId ? { guildId } : {}),
      ...(settings ? { settings } : {}),
      ...(deps.discord ? { discord: deps.discord } : {}),
      ...(deps.replicas ? { replicas: deps.replicas } : {}),
    };
  };
}

function notice(content: string): InteractionResult {
  return { response: toResponse(noticeReply(content)) };
}

function isMessageCommand(c: Command): c is MessageCommand {
  return c.data.type === ApplicationCommandType.Message;
}

function describe(i: APIInteraction): string {
  // No user id: the logs carry none (docs/gateway-bot.md); the interaction id is enough to trace one.
  if (i.type === InteractionType.ApplicationCommand || i.type === InteractionType.ApplicationCommandAutocomplete) {
    return `${i.data.name} (interaction ${i.id})`;
  }
  // The route only: a feedback button's id carries the user's question, which logs never do.
  if (i.type === InteractionType.MessageComponent) return `button ${routeOf(i.data.custom_id)} (interaction ${i.id})`;
  return `interaction ${i.id} of type ${i.type}`;
}

export function createInteractionHandler(options: HandlerOptions): HandleInteraction {
  const log = options.log ?? silentLogger;
  const registry = createRegistry(options.commands ?? defaultCommands);
  const cooldowns = options.cooldowns ?? createGuildCooldowns(options.cooldown ?? {});
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  if (!options.knowledge && !options.engine) throw new Error('createInteractionHandler needs knowledge or an engine');
  const knowledge = options.knowledge ?? fixedKnowledge(options.engine!);
  const questions = options.questions ?? createQuestionStats();
  const curator = options.curator;
  const contextFor = createContextFactory({
    knowledge,
    log,
    questions,
    ...(curator ? { curator } : {}),
    ...(options.discord ? { discord: options.discord } : {}),
    ...(options.replicas ? { replicas: options.replicas } : {}),
  });
  const context = (i: APIInteraction): CommandContext => contextFor(i.guild_id);

  const failed = (i: APIInteraction) => (err: unknown) => {
    log.error(`Handler failed for ${describe(i)}`, err);
    return errorReply(i.id);
  };

  /** Per interaction, what its log line reports; `found` is filled in when the work is done. */
  const summaries = new WeakMap<APIInteraction, InteractionSummary>();

  /**
   * Runs the work under the deadline; errors (early or late) become the ephemeral error reply. With
   * `later` (the transport is backlogged) the deferral goes first and the work runs when `later` says.
   */
  async function run(i: APIInteraction, shape: DeferShape, doWork: () => Reply | Promise<Reply>, ctx: CommandContext | undefined, how: HandleOptions, unlimited = false, deferAtOnce = false): Promise<InteractionResult> {
    const finish = (reply: Reply): Reply => {
      const summary = summaries.get(i);
      if (summary && reply.found !== undefined) summary.found = reply.found;
      // The flag decided up front (the deferral already carries it) is the answer's flag too.
      return shape.ephemeral ? privately(reply) : reply;
    };
    // Synchronous work stays synchronous, so respondWithin needs no deadline timer for it (most commands).
    const work = () => {
      const t0 = performance.now();
      const reply = doWork();
      // The command's own synchronous work, for the gateway's backlog rule (backlog.ts).
      const summary = summaries.get(i);
      if (summary) summary.workMs = performance.now() - t0;
      return isPromise(reply) ? reply.then(finish) : finish(reply);
    };
    const slowDown = !unlimited && userId(i) ? cooldowns.take(userId(i)!, ctx?.settings) : 0;
    if (slowDown > 0) {
      log.debug(`Cooldown for ${describe(i)}: ${slowDown} ms`);
      return notice(`Slow down: you are sending commands too fast. Try again in ${Math.ceil(slowDown / 1000)} s.`);
    }
    if (how.later) return deferral(shape, how.later(work), failed(i));
    try {
      return await respondWithin(work, shape, deferAtOnce ? 0 : deadlineMs, failed(i));
    } catch (err) {
      return { response: toResponse(failed(i)(err)) };
    }
  }

  /**
   * Where an answer goes, decided once per interaction before any work: whether it edits the clicked
   * message, and whether a new reply is private (the command's say, else the guild's /settings for
   * slash commands, else public).
   */
  function shapeOf(update: boolean, ephemeral: boolean | undefined): DeferShape {
    return { update, ephemeral: !update && (ephemeral ?? false) };
  }

  function command(i: APIApplicationCommandInteraction, how: HandleOptions): Promise<InteractionResult> {
    const ctx = context(i);
    const cmd = registry.command(i.data.type, i.data.name);
    if (!cmd) {
      log.warn(`Unknown command ${describe(i)}: are the deployed commands out of date? Run npm run deploy-commands.`);
      return Promise.resolve(notice('I do not know that command any more. An admin can refresh the commands with `npm run deploy-commands`.'));
    }
    if (isMessageCommand(cmd)) {
      if (i.data.type !== ApplicationCommandType.Message) return Promise.resolve(notice('That command does not apply here.'));
      const data = i as Extract<APIApplicationCommandInteraction, { data: { type: ApplicationCommandType.Message } }>;
      return run(i, shapeOf(false, cmd.ephemeral?.(data)), () => cmd.execute(data, ctx), ctx, how);
    }
    if (i.data.type !== ApplicationCommandType.ChatInput) return Promise.resolve(notice('That command does not apply here.'));
    const chatCmd = cmd as ChatInputCommand;
    const chat = i as Extract<APIApplicationCommandInteraction, { data: { type: ApplicationCommandType.ChatInput } }>;
    const shape = shapeOf(false, chatCmd.ephemeral?.(chat, ctx) ?? ctx.settings?.privateByDefault);
    return run(i, shape, () => chatCmd.execute(chat, ctx), ctx, how, chatCmd.unlimited?.(chat) ?? false, chatCmd.deferAtOnce?.(chat) ?? false);
  }

  function component(i: APIMessageComponentInteraction, how: HandleOptions): Promise<InteractionResult> {
    const ctx = context(i);
    const route = registry.component(i.data.custom_id);
    if (!route) return Promise.resolve(notice('This button has expired. Ask again to get a fresh one.'));
    return run(i, shapeOf(route.update?.(i) ?? false, route.ephemeral?.(i)), () => route.handle(i, ctx), ctx, how);
  }

  // Autocomplete can only answer with choices: errors give an empty list, and it is never rate limited
  // (Discord sends one per keystroke).
  async function autocomplete(i: APIApplicationCommandAutocompleteInteraction): Promise<InteractionResult> {
    const cmd = registry.command(ApplicationCommandType.ChatInput, i.data.name);
    const ctx = context(i);
    let choices: Awaited<ReturnType<NonNullable<Command['autocomplete']>>> = [];
    try {
      if (cmd?.autocomplete) choices = await cmd.autocomplete(i, ctx);
    } catch (err) {
      log.error(`Autocomplete failed for ${describe(i)}`, err);
    }
    return { response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } } };
  }

  // A replayed command or button must not act twice (a second answer, a second unanswered row, an old
  // /settings winning over a newer one). The store's check is shared by every replica on PostgreSQL.
  const memory = createReplayMemory();
  const claim = (id: string) => (curator ? curator.claimInteraction(id) : memory.claim(id));
  const acts = (i: APIInteraction) => i.type === InteractionType.ApplicationCommand || i.type === InteractionType.MessageComponent || i.type === InteractionType.ModalSubmit;

  const now: HandleOptions = {};
  return async function handle(i: APIInteraction, how: HandleOptions = now): Promise<InteractionResult> {
    if (acts(i) && typeof i.id === 'string' && !(await claim(i.id))) {
      log.debug(`Replay of interaction ${i.id} ignored`);
      return { ...notice('This interaction was already answered.'), replay: true };
    }
    const summary: InteractionSummary = { ...(commandOf(i, registry) ? { command: commandOf(i, registry) } : {}) };
    summaries.set(i, summary);
    return { ...(await route(i, how)), summary };
  };

  function route(i: APIInteraction, how: HandleOptions): Promise<InteractionResult> {
    switch (i.type) {
      case InteractionType.Ping:
        return Promise.resolve({ response: PONG });
      case InteractionType.ApplicationCommand:
        return command(i, how);
      case InteractionType.MessageComponent:
        return component(i, how);
      case InteractionType.ApplicationCommandAutocomplete:
        return autocomplete(i);
      default:
        log.warn(`Unhandled ${describe(i)}`);
        return Promise.resolve(notice('This kind of interaction is not supported.'));
    }
  }
}

/** The reply with the ephemeral flag set (the deferral, if any, was already private). */
function privately(reply: Reply): Reply {
  if (reply.update) return reply;
  return { ...reply, data: { ...reply.data, flags: (reply.data.flags ?? 0) | MessageFlags.Ephemeral } };
}

/** The command name, or for a button its route ("ask:more"); never more than a short label. */
function commandOf(i: APIInteraction, registry: Registry): string | undefined {
  if (i.type === InteractionType.ApplicationCommand || i.type === InteractionType.ApplicationCommandAutocomplete) return i.data.name.slice(0, 32);
  if (i.type === InteractionType.MessageComponent) return registry.component(i.data.custom_id)?.prefix ?? 'unknown-component';
  return undefined;
}
