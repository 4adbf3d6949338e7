// npm run ingest -- FILE --slug SLUG [--title … --publisher … --url … --published YYYY-MM-DD] [--out DIR]
// Turns a plain-text or Markdown article into a knowledge pack the curator then edits.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugify } from '../knowledge/loader.ts';
import { draftPack, IngestError, type GeneratedPack } from './draft.ts';
import { isMarkdownPath } from './markdown.ts';
import { loadTypeGuesser } from './nlp.ts';
import { checkTarget, writePack, type WriteResult } from './write.ts';

const DEFAULT_OUT = fileURLToPath(new URL('../../knowledge', import.meta.url));

export const HELP = `Usage: npm run ingest -- FILE --slug SLUG [options]

Turns a plain-text or Markdown article into a knowledge pack in knowledge/SLUG/:
article.txt (the text, verbatim; Markdown is reduced to its plain text) and a generated
curated layer to edit: meta.json, facts.json, quotes.json, entities.json, timeline.json.
The pack is validated exactly as the bot loads it before anything is written.

Options:
  --slug SLUG         folder name and article id: lowercase letters, digits and dashes (required)
  --title TEXT        the title, when the article's first line is not its headline (or to override it)
  --publisher NAME    who published it; named in attributions ("reported by TIME")
  --url URL           where it was published
  --published DATE    publication date, YYYY-MM-DD: gives a year to "June 24", "in March", "on Saturday"
  --out DIR           the knowledge folder to write into (default: the project's knowledge/)
  --markdown          read FILE as Markdown (the default for .md and .markdown files)
  --force-new-draft   when knowledge/SLUG/ already exists, write the newly generated files beside the
                      curated ones as meta.draft.json, facts.draft.json, quotes.draft.json,
                      entities.draft.json and timeline.draft.json (plus article.draft.txt when the
                      text changed). The curated files are never touched: compare and merge by hand.
  -h, --help          this help

Ingest never overwrites an existing pack: without --force-new-draft it refuses and exits 1.
Bad input (missing, empty or binary file, a taken or malformed slug) exits 1 with the reason.
`;

export interface CliArgs {
  file: string;
  slug: string;
  title?: string;
  publisher?: string;
  url?: string;
  published?: string;
  out: string;
  markdown: boolean;
  forceNewDraft: boolean;
}

const VALUE_FLAGS = new Set(['--slug', '--title', '--publisher', '--url', '--published', '--out']);

export function parseArgs(argv: string[]): CliArgs | 'help' {
  const values: Record<string, string> = {};
  const files: string[] = [];
  let markdown = false;
  let forceNewDraft = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = /^(--[a-z-]+)=(.*)$/s.exec(arg);
    const flag = eq ? eq[1]! : arg;
    if (flag === '--help' || flag === '-h') return 'help';
    if (flag === '--markdown') markdown = true;
    else if (flag === '--force-new-draft') forceNewDraft = true;
    else if (VALUE_FLAGS.has(flag)) {
      const value = eq ? eq[2] : argv[++i];
      if (value === undefined || (!eq && value.startsWith('--'))) throw new IngestError(`${flag} needs a value (see --help)`);
      values[flag.slice(2)] = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new IngestError(`unknown option ${arg} (see --help)`);
    else files.push(arg);
  }
  if (files.length === 0) throw new IngestError('no article file given. Usage: npm run ingest -- FILE --slug SLUG (see --help)');
  if (files.length > 1) throw new IngestError(`one article at a time: got ${files.map((f) => `"${f}"`).join(', ')}`);
  const slug = values.slug;
  if (slug === undefined) throw new IngestError(`--slug is required: the pack's folder name, e.g. --slug ${slugify(files[0]!.replace(/\.[^./]+$/, '').split('/').pop()!)}`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
    throw new IngestError(`invalid slug "${slug}": use only lowercase letters, digits and dashes ([a-z0-9-]), starting with a letter or digit, e.g. "${slugify(slug)}"`);
  }
  if (values.url !== undefined && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(values.url)) throw new IngestError(`--url "${values.url}" is not a URL`);
  if (values.published !== undefined && !isIsoDate(values.published)) throw new IngestError(`--published "${values.published}" is not a date as YYYY-MM-DD`);
  for (const k of ['title', 'publisher'] as const) if (values[k] !== undefined && !values[k]!.trim()) throw new IngestError(`--${k} is empty`);
  return {
    file: files[0]!,
    slug,
    title: values.title?.trim(),
    publisher: values.publisher?.trim(),
    url: values.url,
    published: values.published,
    out: values.out ?? DEFAULT_OUT,
    markdown: markdown || isMarkdownPath(files[0]!),
    forceNewDraft,
  };
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The file's text, or a clear reason it is not a text article. */
export function readArticle(path: string): string {
  const file = resolve(path);
  if (!existsSync(file)) throw new IngestError(`${path}: no such file`);
  if (!statSync(file).isFile()) throw new IngestError(`${path}: not a file (expected a plain-text or Markdown article)`);
  const buffer = readFileSync(file);
  if (buffer.includes(0)) throw new IngestError(`${path}: looks binary (contains NUL bytes); expected a plain-text or Markdown article`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new IngestError(`${path}: is not valid UTF-8 text (binary?); expected a plain-text or Markdown article`);
  }
  if (!text.replace(/^\uFEFF/, '').trim()) throw new IngestError(`${path}: the file is empty`);
  return text;
}

export interface IngestResult {
  pack: GeneratedPack;
  written: WriteResult;
  ms: number;
}

/** Everything the command does, for tests and tools: read, draft, write, validate. */
export async function ingest(args: CliArgs): Promise<IngestResult> {
  const started = performance.now();
  const target = { outDir: args.out, slug: args.slug, forceNewDraft: args.forceNewDraft };
  checkTarget(target);
  const text = readArticle(args.file);
  const pack = draftPack(text, { ...args, typeGuesser: await loadTypeGuesser() });
  const written = writePack(pack, target);
  return { pack, written, ms: performance.now() - started };
}

export function formatReport(args: CliArgs, { pack, written, ms }: IngestResult): string {
  const rel = relative(process.cwd(), written.dir);
  const where = rel && !rel.startsWith('..') ? rel : written.dir;
  const kinds = countBy(pack.entities.map((e) => e.type));
  const plural: Record<string, string> = { person: 'people', organisation: 'organisations', place: 'places', event: 'events', other: 'other' };
  const attributed = pack.facts.filter((f) => f.attribution.speaker !== pack.meta.publisher || !/article's own reporting|the headline/.test(f.attribution.how)).length;
  const lines = [
    written.mode === 'new'
      ? `Ingested ${args.file} → ${where}/ in ${Math.round(ms)} ms (validated with loadPack)`
      : `${where}/ already exists: wrote new drafts beside the curated files in ${Math.round(ms)} ms (validated with loadPack; curated files untouched)`,
    `  paragraphs  ${pack.report.paragraphs} (${pack.report.headline ? `headline “${pack.meta.title}”` : `no headline line; title “${pack.meta.title}”`})`,
    `  facts       ${pack.facts.length} (${attributed} attributed from the wording, ${pack.facts.length - attributed} the article's own reporting)`,
    `  quotes      ${pack.quotes.length}${pack.report.unattributedQuotes.length ? ` (${pack.report.unattributedQuotes.length} with no speaker found, not written: ${pack.report.unattributedQuotes.map((q) => `“${clip(q.text)}” ¶${q.paragraph}`).join(', ')})` : ''}`,
    `  entities    ${pack.entities.length} (${Object.entries(kinds).map(([k, n]) => `${n} ${n === 1 ? k : plural[k]}`).join(', ')}${pack.report.speakerEntities ? `; ${pack.report.speakerEntities} added for quoted speakers` : ''})`,
    `  timeline    ${pack.timeline.length}${pack.report.skippedDates.length ? ` (${pack.report.skippedDates.length} skipped, no year to date them: ${pack.report.skippedDates.map((d) => `“${d.when}”`).join(', ')}${args.published || pack.meta.published ? '' : '; pass --published YYYY-MM-DD'})` : ''}`,
    `  files       ${written.files.join(', ')}${written.replacedDrafts.length ? ` (replaced earlier drafts: ${written.replacedDrafts.join(', ')})` : ''}`,
    written.mode === 'new'
      ? `Next: review and edit the generated files (drop "generated": true from meta.json once facts have keywords), then try it: KNOWLEDGE_DIR=${where} npm run ask -- "your question"`
      : `Next: compare each *.draft.* file with its curated file and merge what you want by hand.`,
  ];
  return `${lines.join('\n')}\n`;
}

function countBy(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i] = (out[i] ?? 0) + 1;
  return out;
}

function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Where the command writes (tests pass their own). */
export interface IngestIo {
  stdout: (text: string) => unknown;
  stderr: (text: string) => unknown;
}

/** The whole command; returns the exit code: 0, or 1 with the reason on stderr for bad input. */
export async function runIngest(argv: string[], io: IngestIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      io.stdout(HELP);
      return 0;
    }
    const result = await ingest(args);
    io.stdout(formatReport(args, result));
    return 0;
  } catch (err) {
    if (err instanceof IngestError) {
      io.stderr(`ingest: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runIngest(process.argv.slice(2), { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) });
}
