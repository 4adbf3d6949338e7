// Discord drops an interaction that is not acknowledged within 3 s. Run the work; if it is not done
// after `ms`, acknowledge with a deferral (keeping the ephemeral flag) and deliver it as the follow-up.
import {
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type RESTPatchAPIInteractionOriginalResponseJSONBody,
} from 'discord-api-types/v10';
import type { InteractionResult } from './interaction-result.ts';
import type { Reply } from './command.ts';

export const DEFAULT_DEADLINE_MS = 2000;

/**
 * The backlog rule's settings (the gateway transport applies it, src/discord/backlog.ts): an
 * interaction is answered in full first unless the interactions still waiting for their first
 * response would, at the measured cost of a full answer each, take longer than `budgetMs` to get
 * through. Then it is acknowledged with a deferral at once and its answer edited in after, once no
 * first response is waiting. Discord's rule is 3 s; the bot aims for 500 ms at p99 (issue 14), and
 * this budget is the part of that the bot's own queue may use (the rest is the network and Discord).
 */
export const BACKLOG = {
  budgetMs: 150,
  /**
   * A command whose own work takes less than this (ms) is answered in full even in a backlog: its
   * deferral and the edit after it (two requests instead of one) would cost more than the answer.
   */
  minWorkMs: 0.05,
  /** Until a full answer has been measured: the cost of one, ms. */
  initialCostMs: 1,
  /** Weight of each new measurement in the running cost (exponential moving average). */
  costWeight: 0.05,
} as const;

export interface DeferShape {
  /** Edit the clicked message (components): defer with type 6, answer with type 7. */
  update: boolean;
  ephemeral: boolean;
}

const TIMEOUT = Symbol('timeout');

// Mentions are not forced here: every body is sent through the edge (outgoing.ts), which does that.
export function toResponse(reply: Reply): APIInteractionResponse {
  if (reply.update) {
    // An update cannot change the ephemeral flag of the message it edits.
    const { flags: _flags, ...data } = reply.data;
    return { type: InteractionResponseType.UpdateMessage, data };
  }
  return { type: InteractionResponseType.ChannelMessageWithSource, data: reply.data };
}

/** The body for PATCH @original: the message fields only; flags were fixed at deferral time. */
export function toEdit(data: APIInteractionResponseCallbackData): RESTPatchAPIInteractionOriginalResponseJSONBody {
  const body: RESTPatchAPIInteractionOriginalResponseJSONBody = {};
  if (data.allowed_mentions !== undefined) body.allowed_mentions = data.allowed_mentions;
  if (data.content !== undefined) body.content = data.content;
  body.embeds = data.embeds ?? [];
  body.components = data.components ?? [];
  return body;
}

export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** `ms` ≤ 0: work that returns a promise is deferred at once (no race), as /kb reload wants. */
export async function respondWithin(
  work: () => Reply | Promise<Reply>,
  shape: DeferShape,
  ms: number,
  onLateError: (err: unknown) => Reply,
): Promise<InteractionResult> {
  // Work that returns a reply (not a promise) is done before any timer could fire, so it needs no
  // deadline timer and no race: most commands, /ask included, answer this way (a throw rejects).
  const result = work();
  if (!isPromise(result)) return { response: toResponse(result) };
  const running = result;
  if (ms > 0) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof TIMEOUT>((resolve) => {
      timer = setTimeout(resolve, ms, TIMEOUT);
    });
    try {
      const first = await Promise.race([running, timeout]);
      if (first !== TIMEOUT) return { response: toResponse(first) };
    } finally {
      clearTimeout(timer);
    }
  }
  return deferral(shape, running, onLateError);
}

/** Acknowledge with a deferral of the right type (and ephemeral flag); `running` becomes the follow-up edit. */
export function deferral(shape: DeferShape, running: Promise<Reply>, onLateError: (err: unknown) => Reply): InteractionResult {
  const response: APIInteractionResponse = shape.update
    ? { type: InteractionResponseType.DeferredMessageUpdate }
    : {
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: shape.ephemeral ? { flags: MessageFlags.Ephemeral } : {},
      };
  const followUp = running.then(
    (reply) => toEdit(reply.data),
    (err: unknown) => toEdit(onLateError(err).data),
  );
  return { response, followUp };
}
