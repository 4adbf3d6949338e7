// The edge: every body that leaves for Discord about an interaction is serialised here, whichever
// transport sends it (the HTTP reply, the gateway's callback, PATCH @original on either). Only here
// is allowed_mentions forced to exactly { parse: [] }: whatever a command built, nothing we send can
// ping anyone. Replies already say so (reply/message.ts); this makes it true for any body at all.
import {
  InteractionResponseType,
  InteractionType,
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponsePong,
  type RESTPatchAPIInteractionOriginalResponseJSONBody,
} from 'discord-api-types/v10';
import { message } from '../reply/message.ts';
import type { Reply } from './command.ts';

/** The answer to Discord's PING (HTTP only: the endpoint check when the URL is saved, and health checks). */
export const PONG: APIInteractionResponsePong = { type: InteractionResponseType.Pong };

/** The one text a user sees when answering failed, on either transport, early or after a deferral. */
export function errorReply(ref: string): Reply {
  return {
    data: message({
      content: `Something went wrong while answering. It has been logged (ref ${ref}); please try again.`,
      ephemeral: true,
    }),
  };
}

/** A private notice in place of an answer (the cooldown, a replay, an expired button, a restart). */
export function noticeReply(content: string): Reply {
  return { data: message({ content, ephemeral: true }) };
}

/**
 * What an interaction gets instead of the work (a failure, a restart): autocomplete can only take
 * choices, so it gets none; everything else the private notice.
 */
export function instead(i: APIInteraction, reply: Reply): APIInteractionResponse {
  if (i.type === InteractionType.ApplicationCommandAutocomplete) {
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
  }
  return { type: InteractionResponseType.ChannelMessageWithSource, data: reply.data };
}

const NONE = { parse: [] } as const;

/** True when `data` says exactly { parse: [] } already (the usual case: no copy needed). */
function mentionsNone(data: { allowed_mentions?: unknown }): boolean {
  const m = data.allowed_mentions as { parse?: unknown[] } | undefined;
  if (!m || !Array.isArray(m.parse) || m.parse.length !== 0) return false;
  for (const key in m) if (key !== 'parse') return false;
  return true;
}

function withoutMentions<T extends { allowed_mentions?: unknown }>(data: T): T {
  return mentionsNone(data) ? data : { ...data, allowed_mentions: NONE };
}

/** An interaction response as sent: a message (new or updated) never allows a mention. */
export function safeResponse(response: APIInteractionResponse): APIInteractionResponse {
  if ((response.type === InteractionResponseType.ChannelMessageWithSource || response.type === InteractionResponseType.UpdateMessage) && response.data) {
    return { ...response, data: withoutMentions(response.data) };
  }
  return response;
}

/** The JSON of an interaction response (HTTP reply or gateway callback). */
export function responseJson(response: APIInteractionResponse): string {
  return JSON.stringify(safeResponse(response));
}

/** The JSON of a PATCH @original body (the deferred answer). */
export function editJson(body: RESTPatchAPIInteractionOriginalResponseJSONBody): string {
  return JSON.stringify(withoutMentions(body));
}
