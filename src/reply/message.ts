// Assembling message bodies that Discord will accept: every embed is fitted to the per-part and
// whole-embed limits, and every body says allowed_mentions: { parse: [] } so nothing can ping.
import {
  MessageFlags,
  type APIEmbed,
  type APIEmbedField,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { LIMITS } from './limits.ts';
import { truncate } from './truncate.ts';

export const NO_MENTIONS = { parse: [] } as const;

export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Clamps every part of an embed, then trims fields and the description until the whole fits. */
export function fitEmbed(embed: APIEmbed, total: number = LIMITS.embedTotal): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.title);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.fields).map(
      (f): APIEmbedField => ({
        ...f,
        name: truncate(f.name, LIMITS.fieldName) || '\u200b',
        value: truncate(f.value, LIMITS.fieldValue) || '\u200b',
      }),
    );
  }
  // Over the total: drop trailing fields first (least important), then shorten the description, and
  // only then the footer, the author and the title.
  while (embedLength(out) > total && out.fields && out.fields.length > 0) out.fields = out.fields.slice(0, -1);
  const shorten = (text: string) => truncate(text, Math.max(0, text.length - (embedLength(out) - total)));
  if (embedLength(out) > total && out.description) out.description = shorten(out.description);
  if (embedLength(out) > total && out.footer) out.footer = { ...out.footer, text: shorten(out.footer.text) };
  if (embedLength(out) > total && out.author) out.author = { ...out.author, name: shorten(out.author.name) };
  if (embedLength(out) > total && out.title) out.title = shorten(out.title);
  // Discord rejects empty strings where it expects text: leave a part out rather than send it empty.
  if (out.title === '') delete out.title;
  if (out.description === '') delete out.description;
  if (out.footer?.text === '') delete out.footer;
  if (out.author?.name === '') delete out.author;
  if (out.fields?.length === 0) delete out.fields;
  return out;
}

/** An embed with nothing left to show (every part fitted away) is left out of the message. */
function hasContent(e: APIEmbed): boolean {
  return embedLength(e) > 0 || e.image !== undefined || e.thumbnail !== undefined;
}

export interface MessageParts {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIInteractionResponseCallbackData['components'];
  ephemeral?: boolean;
}

export function message(parts: MessageParts): APIInteractionResponseCallbackData {
  const embeds = (parts.embeds ?? []).slice(0, LIMITS.embeds).map((e) => fitEmbed(e));
  // The 6,000 limit is shared by all embeds of a message: shrink the last ones first.
  let sum = embeds.reduce((n, e) => n + embedLength(e), 0);
  for (let i = embeds.length - 1; i >= 0 && sum > LIMITS.embedTotal; i--) {
    const e = embeds[i]!;
    const budget = Math.max(0, embedLength(e) - (sum - LIMITS.embedTotal));
    embeds[i] = fitEmbed(e, budget);
    sum = embeds.reduce((n, x) => n + embedLength(x), 0);
  }
  const shown = embeds.filter(hasContent);
  const data: APIInteractionResponseCallbackData = { allowed_mentions: { parse: [] } };
  if (parts.content !== undefined) data.content = truncate(parts.content, LIMITS.content);
  if (shown.length > 0) data.embeds = shown;
  if (parts.components && parts.components.length > 0) data.components = parts.components;
  if (parts.ephemeral) data.flags = MessageFlags.Ephemeral;
  return data;
}

/** Shared colours so a reader learns them: found, partial, not found, info. */
export const COLOURS = { high: 0x2e8b57, medium: 0xd4a017, low: 0xc0504d, miss: 0x808080, info: 0x3b6ea5 } as const;
