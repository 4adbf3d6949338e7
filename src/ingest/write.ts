// Writes a generated pack, validated by loadPack before it counts. A new pack is built in a hidden
// temporary folder beside the target and renamed into place only once it loads, so a failure leaves
// nothing behind. An existing pack is never overwritten: the curator may have edited it. With
// --force-new-draft the generated files go beside the curated ones as *.draft.json instead.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KnowledgeError, loadPack } from '../knowledge/loader.ts';
import { IngestError, type GeneratedPack } from './draft.ts';

export const PACK_FILES = ['meta.json', 'facts.json', 'quotes.json', 'entities.json', 'timeline.json'] as const;

export interface WriteOptions {
  /** The knowledge folder the pack goes into: the pack is OUT/SLUG. */
  outDir: string;
  slug: string;
  forceNewDraft?: boolean;
}

export interface WriteResult {
  dir: string;
  mode: 'new' | 'draft';
  /** Files written, relative to `dir`. */
  files: string[];
  /** Draft files that an earlier --force-new-draft had written and this run replaced. */
  replacedDrafts: string[];
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function contents(pack: GeneratedPack): Record<(typeof PACK_FILES)[number], string> {
  return {
    'meta.json': json(pack.meta),
    'facts.json': json(pack.facts),
    'quotes.json': json(pack.quotes),
    'entities.json': json(pack.entities),
    'timeline.json': json(pack.timeline),
  };
}

/** Refuses an existing pack unless drafts are asked for; true when the pack exists. Cheap: call it first. */
export function checkTarget(opts: WriteOptions): boolean {
  const dir = join(resolve(opts.outDir), opts.slug);
  const exists = existsSync(dir);
  if (exists && !opts.forceNewDraft) {
    throw new IngestError(
      `${dir} already exists. Ingest never overwrites a pack: its files may hold a curator's edits.\n` +
        `Pass --force-new-draft to write the new generated files beside them as *.draft.json (the curated files are not touched), or choose another --slug.`,
    );
  }
  if (exists && !statSync(dir).isDirectory()) throw new IngestError(`${dir} exists and is not a folder`);
  return exists;
}

export function writePack(pack: GeneratedPack, opts: WriteOptions): WriteResult {
  const outDir = resolve(opts.outDir);
  const dir = join(outDir, opts.slug);
  const exists = checkTarget(opts);
  mkdirSync(outDir, { recursive: true });
  const staging = mkdtempSync(join(outDir, `.${opts.slug}.ingest-`));
  try {
    writeFileSync(join(staging, 'article.txt'), pack.article);
    for (const [name, text] of Object.entries(contents(pack))) writeFileSync(join(staging, name), text);
    validate(staging, exists ? `${dir} (drafts)` : dir);
    if (!exists) {
      try {
        renameSync(staging, dir);
      } catch (err) {
        throw new IngestError(`could not move the pack into ${dir}: ${(err as Error).message}`);
      }
      return { dir, mode: 'new', files: ['article.txt', ...PACK_FILES], replacedDrafts: [] };
    }
    return writeDrafts(pack, staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Beside the curated files: meta.draft.json …, and article.draft.txt when the text changed. */
function writeDrafts(pack: GeneratedPack, staging: string, dir: string): WriteResult {
  const files: string[] = [];
  const replacedDrafts: string[] = [];
  const current = existsSync(join(dir, 'article.txt')) ? readFileSync(join(dir, 'article.txt'), 'utf8') : undefined;
  const names: [string, string][] = PACK_FILES.map((name) => [name, name.replace(/\.json$/, '.draft.json')]);
  // The drafts' paragraph numbers are those of the new text: keep it beside them when it differs.
  if (current !== pack.article) names.unshift(['article.txt', 'article.draft.txt']);
  else if (existsSync(join(dir, 'article.draft.txt'))) {
    // A text draft left by an earlier run no longer matches these drafts, which number article.txt's paragraphs.
    rmSync(join(dir, 'article.draft.txt'));
    replacedDrafts.push('article.draft.txt (removed: the text is now the same as article.txt)');
  }
  for (const [from, to] of names) {
    const target = join(dir, to);
    if (existsSync(target)) replacedDrafts.push(to);
    // Staged in the pack's folder then renamed, so a draft file is never half-written.
    renameSync(join(staging, from), target);
    files.push(to);
  }
  return { dir, mode: 'draft', files, replacedDrafts };
}

function validate(staging: string, shownAs: string): void {
  try {
    loadPack(staging);
  } catch (err) {
    if (err instanceof KnowledgeError) {
      throw new IngestError(`the generated pack does not pass validation, so nothing was written:\n${err.message.split(staging).join(shownAs)}`);
    }
    throw err;
  }
}
