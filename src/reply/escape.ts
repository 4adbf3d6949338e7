// Text that came from a user (or from an arbitrary article) is shown literally: it cannot format the
// message, and it cannot mention or ping anyone even if allowed_mentions were ever misconfigured.
const ZWSP = '\u200b';

/** Markdown characters that act anywhere in a line. */
const INLINE = /[\\*_~`|[\]]/g;
/** Markers that only act at the start of a line: quotes, headings, subtext, lists. */
const LINE_START = /^([ \t]*)([>#+-]|\d+\.)/gm;
// The same patterns without the g flag, to test first: most article text has nothing to escape, and
// a test allocates nothing where a replace with a callback builds a new string (hot on every reply).
const HAS_INLINE = /[\\*_~`|[\]]/;
const HAS_LINE_START = /^[ \t]*(?:[>#+-]|\d+\.)/m;

export function escapeMarkdown(text: string): string {
  const inline = HAS_INLINE.test(text) ? text.replace(INLINE, (c) => `\\${c}`) : text;
  if (!HAS_LINE_START.test(inline)) return inline;
  return inline.replace(LINE_START, (_m, space: string, marker: string) => {
    return marker.endsWith('.') ? `${space}${marker.slice(0, -1)}\\.` : `${space}\\${marker}`;
  });
}

/**
 * Breaks @everyone, @here, <@id>, <@!id>, <@&id>, <#id> and </command:id> so none of them resolve;
 * timestamps (<t:…>), custom emoji (<:name:id>, <a:name:id>) and navigation tags (<id:customize>,
 * <id:browse>) so echoed text shows as typed; and bare URLs (scheme://) so they are not auto-linked.
 */
export function neutraliseMentions(text: string): string {
  const at = text.includes('@') ? text.replace(/@/g, `@${ZWSP}`) : text;
  const tags = at.includes('<') ? at.replace(/<([#/:]|[a-z]+:)/gi, `<${ZWSP}$1`) : at;
  return tags.includes('://') ? tags.replace(/:\/\//g, `:${ZWSP}//`) : tags;
}

/** The one function for echoing untrusted text into a message. */
export function escapeText(text: string): string {
  return neutraliseMentions(escapeMarkdown(text));
}

/** Echoes text where Discord shows it as plain text (footers, author names): no markdown to escape. */
export function plainText(text: string): string {
  return neutraliseMentions(text);
}

// Half a surrogate pair is no character: it cannot be sent as UTF-8, and a cut must not end on one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Single line, no control characters and no half surrogate pairs (shown as �): for titles, field names and labels. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(LONE_SURROGATE, '\ufffd').replace(/\s+/g, ' ').trim();
}
