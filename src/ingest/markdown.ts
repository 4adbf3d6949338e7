// Markdown to the plain text a knowledge pack keeps: the words a reader sees, paragraphs separated by
// blank lines, no markup. A leading "# Title" becomes the headline line the article parser expects.

export interface PlainArticle {
  text: string;
  /** The leading level-1 heading, when the document starts with one. */
  title?: string;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^\s{0,3}#{1,6}(?:\s+(.*?))?\s*#*\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+(?:\s+["'(].*["')])?\s*$/;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
const BLOCKQUOTE = /^\s{0,3}>\s?/;

export function markdownToText(markdown: string): PlainArticle {
  const lines = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[][] = [];
  let current: string[] = [];
  let title: string | undefined;
  let fence: string | undefined;
  const flush = () => {
    if (current.length) blocks.push(current);
    current = [];
  };
  const heading = (text: string) => {
    flush();
    const plain = inline(text).trim();
    if (!plain) return;
    if (title === undefined && blocks.length === 0) title = plain;
    blocks.push([plain]);
  };

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    // Code fences: the markers go, the lines inside are kept as written (no inline markup in code).
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && !line.trim().slice(fenceMatch[1]!.length).trim()) {
        fence = undefined;
        flush();
      } else if (!line.trim()) flush();
      else current.push(line.trim());
      continue;
    }
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!;
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      heading(atx[1] ?? '');
      continue;
    }
    // "Title\n=====": a setext heading (a lone "---" after a blank line is a rule, handled below).
    if (current.length === 1 && SETEXT_UNDERLINE.test(line)) {
      const text = current[0]!;
      current = [];
      heading(text);
      continue;
    }
    if (RULE.test(line)) {
      flush();
      continue;
    }
    if (REFERENCE_DEFINITION.test(line)) continue;
    line = line.replace(BLOCKQUOTE, '').replace(BLOCKQUOTE, '');
    if (!line.trim()) {
      flush();
      continue;
    }
    line = line.replace(LIST_MARKER, '');
    const plain = inline(line).trim();
    if (plain) current.push(plain);
  }
  flush();
  const text = blocks.map((b) => b.join('\n')).join('\n\n');
  return { text: text ? `${text}\n` : '', ...(title ? { title } : {}) };
}

/** Inline markup of one line: images, links, code spans, emphasis, HTML tags, escapes. */
export function inline(line: string): string {
  const kept: string[] = [];
  const keep = (text: string) => `\u0000${kept.push(text) - 1}\u0000`;
  let s = line
    // Code spans and escaped characters first, so nothing in them is read as markup; restored at the end.
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, __, inner: string) => keep(inner.trim()))
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, (_, ch: string) => keep(ch))
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/ {2,}$/, '');
  s = s.replace(/\u0000(\d+)\u0000/g, (_, n: string) => kept[Number(n)]!);
  return s;
}

/** By name: ".md", ".markdown", ".mdown", ".mkd". */
export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown|mdown|mkdn?)$/i.test(path);
}
