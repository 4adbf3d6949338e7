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
