// Bad input to `npm run ingest` gets a clear reason on stderr, exit 1, and nothing written.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, runIngest } from '../src/ingest/cli.ts';
import { draftPack, IngestError } from '../src/ingest/draft.ts';
import { writePack } from '../src/ingest/write.ts';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'ingest-errors-'));
let outs = 0;
/** A fresh knowledge folder per case, so cases run concurrently. */
function freshOut(): string {
  const out = join(dir, `knowledge-${++outs}`);
  mkdirSync(out);
  return out;
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = 'Harbour Bridge Approved\n\nThe council approved the bridge on Tuesday, the mayor said.\n\n“It will join the city,” Mayor Elena Ruiz said.\n';

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  out: string;
}

/**
 * The command into a fresh knowledge folder, in this process: runIngest is all the script does
 * besides setting the exit code (one case below runs the script itself).
 */
async function ingest(...args: string[]): Promise<Run> {
  const out = freshOut();
  let stdout = '';
  let stderr = '';
  const status = await runIngest([...args, '--out', out], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr, out };
}

function expectRefused(res: Run, reason: RegExp, keep: string[] = []) {
  expect(res.status, res.stderr).toBe(1);
  expect(res.stderr).toMatch(/^ingest: /);
  expect(res.stderr).toMatch(reason);
  expect(res.stdout).toBe('');
  // Nothing half-written: no pack and no staging folder.
  expect(readdirSync(res.out).filter((n) => !keep.includes(n))).toEqual([]);
}

function argsError(...args: string[]): string {
  try {
    parseArgs(args);
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return (err as Error).message;
  }
  throw new Error('expected an IngestError');
}

describe.concurrent('ingest errors, through the command', () => {
  it('refuses an empty file', async () => {
    expectRefused(await ingest(file('empty.txt', ''), '--slug', 'empty'), /empty\.txt: the file is empty/);
  });

  it('refuses a file of only white space', async () => {
    expectRefused(await ingest(file('blank.txt', ' \n\n\t \n'), '--slug', 'blank'), /blank\.txt: the file is empty/);
  });

  it('refuses a binary file (NUL bytes)', async () => {
    expectRefused(await ingest(file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a])), '--slug', 'image'), /image\.png: looks binary \(contains NUL bytes\)/);
  });

  it('refuses a file that is not valid UTF-8', async () => {
    expectRefused(await ingest(file('latin1.txt', Buffer.from('Caf\xe9 society\n\nA story.', 'latin1')), '--slug', 'latin1'), /latin1\.txt: is not valid UTF-8/);
  });

  it('refuses a missing file', async () => {
    expectRefused(await ingest(join(dir, 'nope.txt'), '--slug', 'nope'), /nope\.txt: no such file/);
  });

  it('refuses an existing slug, naming the folder and --force-new-draft (as a real process: exit 1, the reason on stderr)', async () => {
    const out = freshOut();
    mkdirSync(join(out, 'taken'));
    const res = await new Promise<Run>((done) =>
      execFile(process.execPath, ['--import', 'tsx', 'src/ingest/cli.ts', file('a.txt', ARTICLE), '--slug', 'taken', '--out', out], { cwd: root, encoding: 'utf8' }, (err, stdout, stderr) =>
        done({ status: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr, out }),
      ),
    );
    expectRefused(res, /already exists/, ['taken']);
    expect(res.stderr).toContain(join(out, 'taken'));
    expect(res.stderr).toContain('--force-new-draft');
    expect(readdirSync(join(out, 'taken'))).toEqual([]);
  });

  it('refuses a slug that is not [a-z0-9-]', async () => {
    expectRefused(await ingest(file('b.txt', ARTICLE), '--slug', 'Harbour_Bridge'), /invalid slug "Harbour_Bridge".*\[a-z0-9-\].*"harbour-bridge"/);
  });

  it('refuses an article that is only page furniture', async () => {
    expectRefused(await ingest(file('furniture.txt', 'Read More: Something else\n\nContact us at letters@example.com\n'), '--slug', 'furniture'), /no answerable paragraphs/);
  });
});

describe('ingest errors, in the argument parser', () => {
  it.each(['Harbour', 'harbour_bridge', 'harbour bridge', '-harbour', 'harbour/bridge', 'hárbour', ''])('refuses the slug %j', (slug) => {
    expect(argsError('a.txt', '--slug', slug)).toMatch(/invalid slug .*\[a-z0-9-\]/);
  });

  it('accepts slugs of lowercase letters, digits and dashes', () => {
    expect(parseArgs(['a.txt', '--slug', 'time-2023-06-wagner'])).toMatchObject({ slug: 'time-2023-06-wagner', file: 'a.txt' });
  });

  it('suggests a slug when --slug is missing', () => {
    expect(argsError('My Story.txt')).toMatch(/--slug is required.*--slug my-story/);
  });

  it('needs an article file, one at a time', () => {
    expect(argsError('--slug', 'x')).toMatch(/no article file given/);
    expect(argsError('c.txt', 'd.txt', '--slug', 'x')).toMatch(/one article at a time/);
  });

  it('refuses unknown options, options without a value, and malformed values', () => {
    expect(argsError('e.txt', '--slug', 'x', '--titel', 'T')).toMatch(/unknown option --titel/);
    expect(argsError('f.txt', '--slug')).toMatch(/--slug needs a value/);
    expect(argsError('f.txt', '--slug', '--title', 'T')).toMatch(/--slug needs a value/);
    expect(argsError('g.txt', '--slug', 'x', '--published', '24/06/2023')).toMatch(/--published "24\/06\/2023" is not a date/);
    expect(argsError('g.txt', '--slug', 'x', '--published', '2023-02-30')).toMatch(/is not a date/);
    expect(argsError('h.txt', '--slug', 'x', '--url', 'not a url')).toMatch(/--url "not a url" is not a URL/);
    expect(argsError('h.txt', '--slug', 'x', '--title', '  ')).toMatch(/--title is empty/);
  });
});

describe('ingest errors, when writing', () => {
  it('removes what it wrote when the generated pack fails validation', () => {
    const out = freshOut();
    const pack = draftPack(ARTICLE, { slug: 'broken' });
    pack.quotes.push({ id: 'invented', paragraph: 1, text: 'words nobody wrote', speaker: pack.entities[0]!.id, role: 'x', setting: 'y' });
    let message = '';
    try {
      writePack(pack, { outDir: out, slug: 'broken' });
    } catch (err) {
      expect(err).toBeInstanceOf(IngestError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/does not pass validation, so nothing was written/);
    expect(message).toContain(join(out, 'broken', 'quotes.json'));
    expect(message).toMatch(/words nobody wrote/);
    expect(existsSync(join(out, 'broken'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});
