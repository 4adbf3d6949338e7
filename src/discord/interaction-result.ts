// The one handler layer both transports (gateway and HTTP) share: a raw Discord interaction in,
// the interaction response out. Transports never see the engine; commands never see a socket.
import type {
  APIInteraction,
  APIInteractionResponse,
  RESTPatchAPIInteractionOriginalResponseJSONBody,
} from 'discord-api-types/v10';

export interface InteractionResult {
  /** What to answer the interaction with (callback body for the gateway, HTTP body for the endpoint). */
  response: APIInteractionResponse;
  /**
   * Present when `response` is a deferral (type 5 or 6): resolves to the message to PATCH onto
   * `/webhooks/{application_id}/{token}/messages/@original` once the slow work is done.
   */
  followUp?: Promise<RESTPatchAPIInteractionOriginalResponseJSONBody>;
  /**
   * For the transport's one log line per interaction: the command (or button route), and for
   * /ask and the context menu whether the article answered. `found` is set once the work is done,
   * so after a deferral it is known when `followUp` resolves.
   */
  summary?: InteractionSummary;
  /** True when this interaction id was already handled (a replay): nothing was done; HTTP answers 409. */
  replay?: boolean;
}

export interface InteractionSummary {
  command?: string;
  found?: boolean;
  /** How long the command's own synchronous work took, ms (set when it ran, after a deferral too). */
  workMs?: number;
}

/** What the transport tells the handler about this one interaction. */
export interface HandleOptions {
  /**
   * Present when the transport is backlogged: acknowledge with a deferral at once and run the work
   * through `later` (the transport's queue, after the first responses still waiting) instead of now.
   * Answers that cannot be deferred (autocomplete, cooldown and replay notices) are given as usual.
   */
  later?: <T>(work: () => T | Promise<T>) => Promise<T>;
}

export type HandleInteraction = (interaction: APIInteraction, options?: HandleOptions) => Promise<InteractionResult>;
