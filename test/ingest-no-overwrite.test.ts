// Re-running ingest never overwrites curated edits: it refuses, or with --force-new-draft writes the
// generated files beside the curated ones as *.draft.json and leaves the curated ones byte for byte.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../src/ingest/cli.ts';
import { loadPack } from '../src/knowledge/loader.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-again-'));
const out = join(dir, 'knowledge');
const pack = join(out, 'harbour');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = `Council Approves New Harbour Bridge

The city council voted 7 to 2 on Tuesday to approve a new bridge across the harbour.

“This bridge will connect two halves of a city,” Mayor Elena Ruiz said in a speech after the vote.
`;
const CURATED = ['article.txt', 'meta.json', 'facts.json', 'quotes.json', 'entities.json', 'timeline.json'];

/** The command, in this process (the script only sets the exit code; ingest-errors runs it for real). */
async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runIngest([...args, '--out', out], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

const snapshot = () => Object.fromEntries(CURATED.map((f) => [f, readFileSync(join(pack, f), 'utf8')]));

describe('re-running ingest on an existing pack', () => {
  const article = join(dir, 'harbour.txt');
  let curated: Record<string, string>;
  beforeAll(async () => {
    writeFileSync(article, ARTICLE);
    expect((await run(article, '--slug', 'harbour')).status).toBe(0);
    // The curator edits the generated files.
    const meta = JSON.parse(readFileSync(join(pack, 'meta.json'), 'utf8'));
    writeFileSync(join(pack, 'meta.json'), JSON.stringify({ ...meta, summary: 'Curated summary.', publisher: 'Harbour Post' }, null, 2));
    const entities = JSON.parse(readFileSync(join(pack, 'entities.json'), 'utf8'));
    entities[0].role = 'Curated role';
    writeFileSync(join(pack, 'entities.json'), JSON.stringify(entities, null, 2));
    curated = snapshot();
  });

  it('refuses without --force-new-draft, touching nothing', async () => {
    const res = await run(article, '--slug', 'harbour');
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(`${pack} already exists`);
    expect(res.stderr).toContain('--force-new-draft');
    expect(snapshot()).toEqual(curated);
    expect(readdirSync(pack).sort()).toEqual([...CURATED].sort());
    expect(readdirSync(out)).toEqual(['harbour']);
  });

  it('with --force-new-draft writes *.draft.json beside the curated files and never touches them', async () => {
    const res = await run(article, '--slug', 'harbour', '--force-new-draft');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/wrote new drafts beside the curated files .*curated files untouched/);
    expect(snapshot()).toEqual(curated);
    const drafts = ['meta.draft.json', 'facts.draft.json', 'quotes.draft.json', 'entities.draft.json', 'timeline.draft.json'];
    // Same text: no article.draft.txt, the drafts number article.txt's paragraphs.
    expect(readdirSync(pack).sort()).toEqual([...CURATED, ...drafts].sort());
    expect(JSON.parse(readFileSync(join(pack, 'meta.draft.json'), 'utf8')).summary).not.toBe('Curated summary.');
    expect(readdirSync(out)).toEqual(['harbour']);
  });

  it('writes article.draft.txt when the article changed, and the drafts load as a pack with it', async () => {
    const changed = join(dir, 'harbour-v2.txt');
    writeFileSync(changed, `${ARTICLE}\nConstruction is expected to begin in 2026, the council said.\n`);
    const res = await run(changed, '--slug', 'harbour', '--force-new-draft');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/replaced earlier drafts: meta\.draft\.json/);
    expect(snapshot()).toEqual(curated);
    expect(readFileSync(join(pack, 'article.draft.txt'), 'utf8')).toBe(readFileSync(changed, 'utf8'));
    // A curator can load the drafts as they are, e.g. to try them before merging.
    const trial = join(dir, 'trial');
    mkdirSync(trial);
    cpSync(join(pack, 'article.draft.txt'), join(trial, 'article.txt'));
    for (const f of CURATED.slice(1)) cpSync(join(pack, f.replace('.json', '.draft.json')), join(trial, f));
    expect(loadPack(trial).timeline.map((t) => t.date)).toEqual(['2026']);
  });

  it('documents --force-new-draft in --help', async () => {
    const { status, stdout: help } = await run('--help');
    expect(status).toBe(0);
    expect(help).toMatch(/--force-new-draft\s+when knowledge\/SLUG\/ already exists, write the newly generated files beside the\s+curated ones as meta\.draft\.json/);
    expect(help).toMatch(/The curated files are never touched/);
    expect(help).toMatch(/never overwrites an existing pack/);
  });
});
