// /kb reload's reply on a shared database: how many other replicas confirmed the reload.
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { describeConfirmations, type ReplicaConfirmations } from '../runtime/replica-reloads.ts';
import { LIMITS } from './limits.ts';
import { truncate } from './truncate.ts';

export function withConfirmations(data: APIInteractionResponseCallbackData, c: ReplicaConfirmations | undefined): APIInteractionResponseCallbackData {
  return c ? { ...data, content: truncate(`${data.content ?? ''}\n${describeConfirmations(c)}`, LIMITS.content) } : data;
}
