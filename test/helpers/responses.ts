// Small accessors for recorded callbacks, so tests read as assertions rather than casts.
import type { APIEmbed, APIInteractionResponse, APIInteractionResponseCallbackData } from 'discord-api-types/v10';

export function messageData(body: APIInteractionResponse): APIInteractionResponseCallbackData {
  if (!('data' in body) || !body.data) throw new Error(`response type ${body.type} carries no message`);
  return body.data as APIInteractionResponseCallbackData;
}

export function firstEmbed(body: APIInteractionResponse): APIEmbed {
  const e = messageData(body).embeds?.[0];
  if (!e) throw new Error('response has no embed');
  return e;
}

/** All text a reader would see in a message (content, titles, descriptions, fields, footers). */
export function visibleText(data: APIInteractionResponseCallbackData): string {
  const parts = [data.content ?? ''];
  for (const e of data.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  return parts.join('\n');
}

export function customIds(data: APIInteractionResponseCallbackData): string[] {
  const ids: string[] = [];
  for (const row of data.components ?? []) {
    for (const c of (row as { components?: Array<{ custom_id?: string }> }).components ?? []) if (c.custom_id) ids.push(c.custom_id);
  }
  return ids;
}
