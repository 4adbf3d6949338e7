// Loads a knowledge pack, or a bare article file, into a validated KnowledgePack. Every problem is
// collected and thrown as one KnowledgeError: the bot must never start on half-right knowledge.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { REPO_ROOT } from '../repo-root.ts';
import { parseArticleText } from './plain-text.ts';
import {
  ArticleMetaSchema,
  AttributionSchema,
  EntitySchema,
  FactSchema,
  QuoteSchema,
  TimelineEntrySchema,
  type Entity,
  type Fact,
  type KnowledgePack,
  type Paragraph,
  type Quote,
  type TimelineEntry,
} from './schema.ts';

export interface KnowledgeProblem {
  file: string;
  /** Where inside the file: "[3].text", "title", "" for the whole file, "line 4, column 2" for syntax. */
  path: string;
  message: string;
}

export class KnowledgeError extends Error {
  readonly file: string;
  readonly path: string;
  readonly problems: KnowledgeProblem[];

  constructor(problems: KnowledgeProblem[] | KnowledgeProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    const line = (p: KnowledgeProblem) => `${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`;
    super(
      list.length === 1
        ? line(list[0]!)
        : `${list.length} problems in the knowledge:\n${list.map((p) => `  - ${line(p)}`).join('\n')}`,
    );
    this.name = 'KnowledgeError';
    this.problems = list;
    this.file = list[0]?.file ?? '';
    this.path = list[0]?.path ?? '';
  }
}

export const DEFAULT_PACK_DIR = join(REPO_ROOT, 'knowledge', 'time-china-russia-wagner');

/**
 * $KNOWLEDGE_DIR resolved, or undefined when unset. A folder that does not exist is a KnowledgeError
 * naming the variable, so every entry point (bot, serve, ask) says which setting to fix.
 */
export function knowledgeDirFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env.KNOWLEDGE_DIR?.trim();
  if (!dir) return undefined;
  const path = resolve(dir);
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new KnowledgeError({ file: path, path: '', message: 'knowledge pack directory does not exist (set by KNOWLEDGE_DIR: point it at a library folder or one pack folder, or unset it for knowledge/)' });
  }
  return path;
}

/** The pack in $KNOWLEDGE_DIR when set, else the seed article's pack. */
export function loadDefaultPack(env: NodeJS.ProcessEnv = process.env): KnowledgePack {
  return loadPack(knowledgeDirFromEnv(env) ?? DEFAULT_PACK_DIR);
}

// Unknown keys are rejected so a misspelt field ("keyword") fails instead of being silently dropped.
const StrictMeta = ArticleMetaSchema.partial().strict();
const StrictFacts = FactSchema.extend({ attribution: AttributionSchema.strict() }).strict().array();
const StrictQuotes = QuoteSchema.strict().array();
const StrictEntities = EntitySchema.strict().array();
const StrictTimeline = TimelineEntrySchema.strict().array();

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** "Unexpected token } in JSON at position 42" → "line 3, column 5" when Node gives a position. */
function syntaxLocation(source: string, err: Error): string {
  const pos = /position (\d+)/.exec(err.message)?.[1];
  if (pos === undefined) {
    const lc = /line (\d+) column (\d+)/.exec(err.message);
    return lc ? `line ${lc[1]}, column ${lc[2]}` : '';
  }
  const before = source.slice(0, Number(pos)).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/** For comparing quotes with the article: curly/straight quotes and whitespace do not matter. */
export function normaliseForMatch(text: string): string {
  return text
    .replace(/[‘’‚‛′`]/gu, "'")
    .replace(/[“”„‟″]/gu, '"')
    .replace(/[\u00a0\s]+/gu, ' ')
    .trim();
}

function normaliseAlias(alias: string): string {
  return normaliseForMatch(alias).toLowerCase();
}

function readText(file: string, problems: KnowledgeProblem[]): string | undefined {
  if (!existsSync(file)) {
    problems.push({ file, path: '', message: 'file is missing' });
    return undefined;
  }
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch (err) {
    problems.push({ file, path: '', message: `cannot be read (${(err as Error).message})` });
    return undefined;
  }
  const text = decodeText(buffer);
  if (typeof text === 'string') return text;
  problems.push({ file, path: '', message: text.problem });
  return undefined;
}

/**
 * Strict UTF-8 text, or why not: a NUL byte means a binary file, and a bad byte would otherwise turn
 * silently into U+FFFD in quotes and answers. Shared by packs and bare article files.
 */
function decodeText(buffer: Buffer): string | { problem: string } {
  if (buffer.includes(0)) return { problem: 'looks binary (contains NUL bytes); expected plain text' };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return { problem: 'is not valid UTF-8 text; save it as UTF-8' };
  }
}

function readJson<S extends z.ZodType>(dir: string, name: string, schema: S, problems: KnowledgeProblem[]): z.infer<S> | undefined {
  const file = join(dir, name);
  const source = readText(file, problems);
  if (source === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (err) {
    problems.push({ file, path: syntaxLocation(source, err as Error), message: `invalid JSON: ${(err as Error).message}` });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, path: formatPath(issue.path), message: issue.message });
    }
    return undefined;
  }
  return result.data;
}

function checkUniqueIds(file: string, items: { id: string }[], problems: KnowledgeProblem[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      problems.push({ file, path: `[${i}].id`, message: `duplicate id "${item.id}" (already used at [${first}])` });
    } else seen.set(item.id, i);
  });
}

function checkParagraph(
  file: string,
  path: string,
  index: number,
  paragraphs: Paragraph[],
  problems: KnowledgeProblem[],
): Paragraph | undefined {
  const paragraph = paragraphs[index];
  if (!paragraph) {
    problems.push({
      file,
      path,
      message: `paragraph ${index} does not exist (the article has paragraphs 0–${paragraphs.length - 1})`,
    });
  }
  return paragraph;
}

function excerpt(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Loads and cross-checks a curated pack directory. Throws KnowledgeError listing every problem. */
export function loadPack(dir: string): KnowledgePack {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new KnowledgeError({ file: root, path: '', message: 'knowledge pack directory does not exist' });
  }
  const problems: KnowledgeProblem[] = [];
  const articleFile = join(root, 'article.txt');
  const articleText = readText(articleFile, problems);
  const metaFile = join(root, 'meta.json');
  const metaIn = readJson(root, 'meta.json', StrictMeta, problems);
  const factsFile = join(root, 'facts.json');
  const facts = readJson(root, 'facts.json', StrictFacts, problems) as Fact[] | undefined;
  const quotesFile = join(root, 'quotes.json');
  const quotes = readJson(root, 'quotes.json', StrictQuotes, problems) as Quote[] | undefined;
  const entitiesFile = join(root, 'entities.json');
  const entities = readJson(root, 'entities.json', StrictEntities, problems) as Entity[] | undefined;
  const timelineFile = join(root, 'timeline.json');
  const timeline = readJson(root, 'timeline.json', StrictTimeline, problems) as TimelineEntry[] | undefined;

  let paragraphs: Paragraph[] = [];
  let meta: KnowledgePack['meta'] | undefined;
  if (articleText !== undefined) {
    if (!articleText.trim()) problems.push({ file: articleFile, path: '', message: 'article is empty' });
    const parsed = parseArticleText(articleText, {
      slug: metaIn?.slug ?? slugify(basename(root)),
      title: metaIn?.title,
      publisher: metaIn?.publisher,
      url: metaIn?.url,
    });
    paragraphs = parsed.paragraphs;
    if (articleText.trim() && paragraphs.length === 0) {
      problems.push({ file: articleFile, path: '', message: 'article has no answerable paragraphs (only page furniture)' });
    }
    // Only keys meta.json actually sets override what the article text yields.
    const merged = { ...parsed.meta, ...Object.fromEntries(Object.entries(metaIn ?? {}).filter(([, v]) => v !== undefined)) };
    const result = ArticleMetaSchema.safeParse(merged);
    if (result.success) meta = result.data;
    else if (metaIn) {
      for (const issue of result.error.issues) problems.push({ file: metaFile, path: formatPath(issue.path), message: issue.message });
    }
  }

  const entityIds = new Set((entities ?? []).map((e) => e.id));
  const haveArticle = articleText !== undefined && paragraphs.length > 0;

  if (entities) {
    checkUniqueIds(entitiesFile, entities, problems);
    const owner = new Map<string, { id: string; at: string }>();
    entities.forEach((entity, i) => {
      const names: [string, string][] = [[entity.name, `[${i}].name`], ...entity.aliases.map((a, k): [string, string] => [a, `[${i}].aliases[${k}]`])];
      for (const [name, path] of names) {
        const key = normaliseAlias(name);
        const prev = owner.get(key);
        if (prev && prev.id !== entity.id) {
          problems.push({ file: entitiesFile, path, message: `alias "${name}" also names entity "${prev.id}" (${prev.at})` });
        } else if (!prev) owner.set(key, { id: entity.id, at: path });
      }
    });
  }

  if (facts) {
    checkUniqueIds(factsFile, facts, problems);
    facts.forEach((fact, i) => {
      if (haveArticle) {
        const p = checkParagraph(factsFile, `[${i}].paragraph`, fact.paragraph, paragraphs, problems);
        if (p && !p.text.includes(fact.text)) {
          problems.push({
            file: factsFile,
            path: `[${i}].text`,
            message: `fact text "${excerpt(fact.text)}" is not verbatim in paragraph ${fact.paragraph} (${p.label})`,
          });
        }
      }
      if (entities && fact.attribution.entity && !entityIds.has(fact.attribution.entity)) {
        problems.push({
          file: factsFile,
          path: `[${i}].attribution.entity`,
          message: `unknown entity id "${fact.attribution.entity}" (not in entities.json)`,
        });
      }
    });
  }

  if (quotes) {
    checkUniqueIds(quotesFile, quotes, problems);
    quotes.forEach((quote, i) => {
      if (haveArticle) {
        const p = checkParagraph(quotesFile, `[${i}].paragraph`, quote.paragraph, paragraphs, problems);
        if (p && !normaliseForMatch(p.text).includes(normaliseForMatch(quote.text))) {
          problems.push({
            file: quotesFile,
            path: `[${i}].text`,
            message: `quote "${excerpt(quote.text)}" does not appear in paragraph ${quote.paragraph} (${p.label})`,
          });
        }
      }
      if (entities && !entityIds.has(quote.speaker)) {
        problems.push({ file: quotesFile, path: `[${i}].speaker`, message: `unknown speaker id "${quote.speaker}" (not in entities.json)` });
      }
    });
  }

  if (timeline && haveArticle) {
    timeline.forEach((entry, i) => checkParagraph(timelineFile, `[${i}].paragraph`, entry.paragraph, paragraphs, problems));
  }

  if (problems.length > 0 || !meta || !facts || !quotes || !entities || !timeline) {
    throw new KnowledgeError(problems.length ? problems : { file: root, path: '', message: 'pack could not be loaded' });
  }
  return {
    meta,
    paragraphs,
    facts,
    quotes,
    entities,
    // Stable sort: same-day events keep the curator's order.
    timeline: [...timeline].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    curated: true,
    source: root,
  };
}

/** "My Article (2).txt" → "my-article-2"; always a valid id. */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'article';
}

/** An uncurated pack from a plain-text article (paragraphs separated by blank lines). */
export function loadArticleFile(path: string, opts: { slug?: string } = {}): KnowledgePack {
  const file = resolve(path);
  const fail = (message: string): never => {
    throw new KnowledgeError({ file, path: '', message });
  };
  if (!existsSync(file)) fail('article file does not exist');
  if (!statSync(file).isFile()) fail('not a file (expected a plain-text article)');
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch (err) {
    return fail(`cannot be read (${(err as Error).message})`);
  }
  const decoded = decodeText(buffer);
  if (typeof decoded !== 'string') return fail(decoded.problem);
  const text = decoded;
  if (!text.trim()) fail('article file is empty');
  const parsed = parseArticleText(text, { slug: slugify(opts.slug ?? basename(file, extname(file))) });
  if (parsed.paragraphs.length === 0) fail('article has no answerable paragraphs (only page furniture)');
  const meta = ArticleMetaSchema.safeParse(parsed.meta);
  if (!meta.success) {
    throw new KnowledgeError(meta.error.issues.map((i) => ({ file, path: formatPath(i.path), message: i.message })));
  }
  return { meta: meta.data, paragraphs: parsed.paragraphs, facts: [], quotes: [], entities: [], timeline: [], curated: false, source: file };
}
