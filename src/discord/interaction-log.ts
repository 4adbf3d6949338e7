// One structured log line per interaction, written by the transport once the user has the answer
// (or once answering failed): what it was, how long it took, whether the article answered, and
// where it came in (gateway shard, or the HTTP endpoint). No user id: operators do not need it.
import { InteractionType, type APIInteraction } from 'discord-api-types/v10';
import type { Logger } from '../log.ts';
import type { InteractionResult } from './interaction-result.ts';

export interface InteractionLine {
  interaction: string;
  type: string;
  /** Command name, or the button's route ("ask:more"). */
  command?: string;
  /** From receiving the interaction to the answer delivered (the follow-up, when deferred). */
  ms: number;
  /** /ask and Find in article: whether the article answered. */
  found?: boolean;
  deferred?: boolean;
  outcome: 'answered' | 'failed';
  transport: 'gateway' | 'http';
  shard?: number;
}

const TYPES: Record<number, string> = {
  [InteractionType.Ping]: 'ping',
  [InteractionType.ApplicationCommand]: 'command',
  [InteractionType.MessageComponent]: 'component',
  [InteractionType.ApplicationCommandAutocomplete]: 'autocomplete',
  [InteractionType.ModalSubmit]: 'modal',
};

export function interactionLine(
  i: APIInteraction,
  result: InteractionResult | undefined,
  started: number,
  rest: { outcome: InteractionLine['outcome']; transport: InteractionLine['transport']; shard?: number },
): InteractionLine {
  const summary = result?.summary;
  return {
    interaction: String(i.id),
    type: TYPES[i.type] ?? String(i.type),
    ...(summary?.command !== undefined ? { command: summary.command } : {}),
    ms: Math.round((performance.now() - started) * 10) / 10,
    ...(summary?.found !== undefined ? { found: summary.found } : {}),
    ...(result?.followUp ? { deferred: true } : {}),
    outcome: rest.outcome,
    transport: rest.transport,
    ...(rest.shard !== undefined ? { shard: rest.shard } : {}),
  };
}

export function logInteraction(log: Pick<Logger, 'info'>, line: InteractionLine): void {
  log.info('interaction', line);
}
