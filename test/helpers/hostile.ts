// Hostile text for the property tests (test/props-*.test.ts): what people in a busy server type to
// break a bot. Arbitrary unicode and binary strings, mixed with the pieces known to hurt: emoji and
// joiners, RTL overrides, zero-width and control characters, lone surrogates, markdown, every mention
// form, regex metacharacters, fuse.js extended-search operators, words the article really contains
// (so answers are found, not only refused), and now and then 20,000 characters of it.
import fc from 'fast-check';
import type { APIEmbed, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { LIMITS } from '../../src/reply/limits.ts';

export const SNOWFLAKE = '123456789012345678';

const FRAGMENTS = [
  // mentions, and near misses of them
  '@everyone', '@here', `<@${SNOWFLAKE}>`, `<@!${SNOWFLAKE}>`, `<@&${SNOWFLAKE}>`, `<#${SNOWFLAKE}>`, '</ask:1100000000000000001>',
  '<t:1700000000:R>', '<:blob:1100000000000000001>', '<a:dance:1100000000000000001>', '@@everyone', '<<@1>>', '@every\u200bone', '＠everyone', '@',
  '<', '>', '<@', '<@&', '<#',
  // markdown
  '**', '*', '__', '_', '~~', '||', '`', '```', '```js\n', '> ', '>>> ', '# ', '## ', '-# ', '- ', '+ ', '1. ', '[link](https://example.com)', '](', '\\', '\\\\', '***',
  // regex metacharacters and fuse.js extended search operators
  '.*', '+?', '^', '$', '{2,}', '(?:', ')', '[', ']', '|', '(((a+)+)+)$', '!', "'", '=', '=exact', "'include", '!exclude', '^prefix', 'suffix$', 'a | b', '!^=$|\'',
  // emoji, joiners, RTL, zero-width, controls, surrogates, separators
  '🐉', '👀', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇷🇺', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u202d', '\u200f', '\u2066', '\u2069',
  'מי זה פוטין', 'ما هو فاغنر', '\u0000', '\u0007', '\u0008', '\u001b[31m', '\u007f', '\t', '\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085', '\ud800', '\udfff',
  'Ａｂｃ', 'ß', 'İ', 'ﬁ', 'é', 'e\u0301', '\u3000', '\u00a0', '%s', '%n', '${x}', '__proto__', 'constructor', 'toString', 'NaN', 'null', '-1',
  // words the article contains, so the found paths are exercised too
  'who', 'what', 'did', 'met', 'meet', 'say', 'said', 'Prigozhin', 'Putin', 'Rudenko', 'Qin Gang', 'Ma Zhaoxu', 'Wagner', 'Belarus', 'China', 'Russia',
  'mutiny', 'treason', 'foreign minister', 'stability', 'Kremlin', "China's foreign minister", 'Who did Ma Zhaoxu meet?', 'What did Putin call the mutiny?',
];

const CONTROL = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: CONTROL, maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('<@', '<@!', '<@&', '<#'), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })).map(([open, n]) => `${open}${n}>`),
  },
);

const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '  ', '\t', '\u200b');

/** Up to `maxPieces` hostile pieces joined with spaces and other separators. */
export function hostilePieces(maxPieces: number): fc.Arbitrary<string> {
  return fc.array(fc.tuple(piece, separator), { maxLength: maxPieces }).map((parts) => parts.map(([p, s]) => p + s).join(''));
}

/** Up to 30 hostile pieces: a question, a name, a message. */
export const shortHostile: fc.Arbitrary<string> = hostilePieces(30);

/** Exactly `length` characters of hostile text (may end inside a surrogate pair, on purpose). */
export function longHostile(length = 20_000): fc.Arbitrary<string> {
  return shortHostile.map((s) => {
    const unit = s.length > 0 ? s : 'x';
    return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  });
}

/** Mostly short hostile text, one time in 12 a 20,000-character one. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 11, arbitrary: shortHostile },
  { weight: 1, arbitrary: longHostile() },
);

/** One line for the ask --json contract: hostile text with its "\n" removed (a "\r" stays). */
export const hostileLine: fc.Arbitrary<string> = hostileText.map((s) => s.replace(/\n/g, ' '));

// ---------------------------------------------------------------------------------------------
// Checks shared by the property tests. Each returns a list of problems ([] = fine), so a failing
// property reports every broken limit at once.

/** What would ping or resolve: @everyone, @here, user/role/channel mentions, command mentions. */
export const MENTION = /@everyone|@here|<@[!&]?\d+>|<#\d+>|<\/[^<>\n]+:\d+>/;

export function embedProblems(e: APIEmbed, where: string): string[] {
  const p: string[] = [];
  const check = (what: string, len: number, max: number) => {
    if (len > max) p.push(`${where} ${what} is ${len} > ${max}`);
  };
  check('title', e.title?.length ?? 0, LIMITS.title);
  check('description', e.description?.length ?? 0, LIMITS.description);
  check('footer', e.footer?.text.length ?? 0, LIMITS.footer);
  check('author', e.author?.name.length ?? 0, LIMITS.authorName);
  check('fields', e.fields?.length ?? 0, LIMITS.fields);
  for (const [i, f] of (e.fields ?? []).entries()) {
    check(`field ${i} name`, f.name.length, LIMITS.fieldName);
    check(`field ${i} value`, f.value.length, LIMITS.fieldValue);
    if (f.name.trim().length === 0 && f.name !== '\u200b') p.push(`${where} field ${i} has an empty name`);
    if (f.value.trim().length === 0 && f.value !== '\u200b') p.push(`${where} field ${i} has an empty value`);
  }
  if (e.title !== undefined && e.title.length === 0) p.push(`${where} has an empty title`);
  if (e.description !== undefined && e.description.length === 0) p.push(`${where} has an empty description`);
  return p;
}

function embedTotal(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Discord's limits for a message body, and allowed_mentions parse []. */
export function messageProblems(data: APIInteractionResponseCallbackData | undefined): string[] {
  if (!data) return ['no message data'];
  const p: string[] = [];
  if (JSON.stringify(data.allowed_mentions) !== '{"parse":[]}') p.push(`allowed_mentions is ${JSON.stringify(data.allowed_mentions)}`);
  if ((data.content?.length ?? 0) > LIMITS.content) p.push(`content is ${data.content!.length} > ${LIMITS.content}`);
  if (data.content !== undefined && data.content.trim().length === 0 && !(data.embeds?.length)) p.push('empty content and no embed');
  const embeds = data.embeds ?? [];
  if (embeds.length > LIMITS.embeds) p.push(`${embeds.length} embeds > ${LIMITS.embeds}`);
  embeds.forEach((e, i) => p.push(...embedProblems(e, `embed ${i}`)));
  const total = embeds.reduce((n, e) => n + embedTotal(e), 0);
  if (total > LIMITS.embedTotal) p.push(`embeds total ${total} > ${LIMITS.embedTotal}`);
  if (!data.content && embeds.length === 0) p.push('neither content nor embeds');
  for (const row of data.components ?? []) {
    const items = (row as { components?: Array<{ custom_id?: string; label?: string; type?: number; options?: Array<{ label: string; value: string }>; placeholder?: string }> }).components ?? [];
    if (items.length > 5) p.push(`${items.length} components in one row > 5`);
    for (const c of items) {
      if (c.custom_id !== undefined && (c.custom_id.length === 0 || c.custom_id.length > LIMITS.customId)) p.push(`custom_id of ${c.custom_id.length} characters`);
      if (c.label !== undefined && c.label.length > LIMITS.buttonLabel) p.push(`button label of ${c.label.length} characters`);
      p.push(...selectProblems(c, items.length));
    }
  }
  if ((data.components?.length ?? 0) > 5) p.push(`${data.components!.length} action rows > 5`);
  return p;
}

/** A string select: alone in its row, 1..25 options, each label and value 1..100 characters, values unique. */
function selectProblems(c: { type?: number; options?: Array<{ label: string; value: string }>; placeholder?: string }, inRow: number): string[] {
  if (c.type !== 3) return [];
  const p: string[] = [];
  const options = c.options ?? [];
  if (inRow > 1) p.push('a select menu shares its row');
  if (options.length < 1 || options.length > 25) p.push(`select menu with ${options.length} options`);
  for (const o of options) {
    if (o.label.length < 1 || o.label.length > 100) p.push(`select option label of ${o.label.length} characters`);
    if (o.value.length < 1 || o.value.length > 100) p.push(`select option value of ${o.value.length} characters`);
  }
  if (new Set(options.map((o) => o.value)).size !== options.length) p.push('select option values repeat');
  if ((c.placeholder?.length ?? 0) > 150) p.push('select placeholder over 150 characters');
  return p;
}

/** Every text part a reader sees, each on its own (markdown is judged per part). */
export function textParts(data: APIInteractionResponseCallbackData): Array<{ where: string; text: string; markdown: boolean }> {
  const parts: Array<{ where: string; text: string; markdown: boolean }> = [];
  if (data.content) parts.push({ where: 'content', text: data.content, markdown: true });
  for (const [i, e] of (data.embeds ?? []).entries()) {
    if (e.title) parts.push({ where: `embed ${i} title`, text: e.title, markdown: true });
    if (e.description) parts.push({ where: `embed ${i} description`, text: e.description, markdown: true });
    for (const [j, f] of (e.fields ?? []).entries()) {
      parts.push({ where: `embed ${i} field ${j} name`, text: f.name, markdown: true });
      parts.push({ where: `embed ${i} field ${j} value`, text: f.value, markdown: true });
    }
    // Footers and author names are shown as plain text: no markdown, but still no raw mention.
    if (e.footer) parts.push({ where: `embed ${i} footer`, text: e.footer.text, markdown: false });
    if (e.author) parts.push({ where: `embed ${i} author`, text: e.author.name, markdown: false });
  }
  return parts;
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Markup a formatter may use on purpose; anything else unescaped came from echoed text. */
export interface MarkdownAllowance {
  /** "> " opening a line (Find in article quotes the claim). */
  quote?: boolean;
  /** Backticks in pairs (command names, slugs). */
  code?: boolean;
  /** "1. " opening a line (numbered lists of questions). */
  list?: boolean;
  /** <t:…:R> for a moment within a day of now (the formatter's own "since"; echoed ones are older). */
  timestamps?: boolean;
  /** A masked link [text](http…) (the Source field links the article). */
  link?: boolean;
}

/**
 * Markdown the text would act on. Backslash-escaped ASCII punctuation is literal; what remains must
 * be the formatter's own markup: `**` in balanced pairs (bold), a quote marker `> ` where the
 * formatter quotes, and paired backticks where it shows commands (/help). Anything else (a lone `*`,
 * `_`, `~`, `|`, `[`, `]`, a stray backtick, a heading or list marker at a line start) means text
 * got through unescaped and would change how the message renders.
 */
export function markdownProblems(raw: string, allow: MarkdownAllowance = {}): string[] {
  const p: string[] = [];
  // The formatter's code blocks and spans show their content literally (it keeps backticks out of them).
  // Inside a span a backslash is literal, so only the opening backtick can be escaped.
  const coded = allow.code ? raw.replace(/(?<!\\)```[\s\S]*?```/g, '▢').replace(/(?<!\\)`[^`\n]+`/g, '▢') : raw;
  // The formatter's own masked link: its text is still checked, its target is not text.
  const text = allow.link ? coded.replace(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\(https?:\/\/[^\s()]+\)/g, '$1') : coded;
  let bold = 0;
  let ticks = 0;
  const underscores: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1]!)) {
      i++;
      continue;
    }
    if (c === '*') {
      let run = 1;
      while (text[i + run] === '*') run++;
      if (run % 2 !== 0) p.push(`a run of ${run} unescaped * at ${i}`);
      bold += run / 2;
      i += run - 1;
    } else if (c === '`') {
      if (!allow.code) p.push(`unescaped backtick at ${i}`);
      ticks++;
    } else if (c === '_') {
      underscores.push(i);
    } else if ('~|[]'.includes(c)) {
      p.push(`unescaped ${c} at ${i}`);
    }
  }
  // One underscore cannot italicise anything ("refill_ms" in a formatter's own text); two can.
  if (underscores.length > 1) p.push(`unescaped _ at ${underscores.join(', ')}`);
  if (bold % 2 !== 0) p.push(`unbalanced ** (${bold})`);
  if (ticks % 2 !== 0) p.push(`unbalanced backticks (${ticks})`);
  // Markers at the start of a line (after optional spaces): headings, subtext, lists, quotes.
  for (const line of text.split('\n')) {
    let rest = line;
    // An allowed quote marker may hold another marker after it ("> # big" is a heading in a quote).
    if (allow.quote && /^[ \t]*> /.test(rest)) rest = rest.replace(/^[ \t]*> /, '');
    const m = /^[ \t]*(#{1,3} |-# |[-+*] |\d+\. |>>> |> )/.exec(rest);
    if (m && !(allow.list && /^\d+\. $/.test(m[1]!))) p.push(`line starts with the marker "${m[1]}"`);
  }
  // Discord syntax that renders even inside an escaped text: timestamps and custom emoji.
  const now = Date.now() / 1000;
  for (const syntax of text.matchAll(/<t:(-?\d+)(?::[tTdDfFR])?>|<a?:\w+:\d+>/g)) {
    if (allow.timestamps && syntax[1] !== undefined && Math.abs(Number(syntax[1]) - now) < 86_400) continue;
    p.push(`renders Discord syntax ${JSON.stringify(syntax[0])}`);
  }
  return p;
}
