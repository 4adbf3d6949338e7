// --article FILE: any plain-text file becomes an uncurated pack, or fails with a clear error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeError, loadArticleFile } from '../src/knowledge/loader.ts';

const dir = mkdtempSync(join(tmpdir(), 'article-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function errorOf(fn: () => unknown): KnowledgeError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KnowledgeError);
    return err as KnowledgeError;
  }
  throw new Error('expected a KnowledgeError');
}

describe('loadArticleFile', () => {
  it('builds an uncurated pack from paragraphs separated by blank lines', () => {
    const path = fileWith(
      'My Story (Draft).txt',
      'Beavers Return to the Thames\n\nBeavers were seen on the river on Monday, officials said.\n\nThe animals were hunted to extinction in the 16th century.\n',
    );
    const pack = loadArticleFile(path);
    expect(pack.curated).toBe(false);
    expect(pack.source).toBe(path);
    expect(pack.meta.slug).toBe('my-story-draft');
    expect(pack.meta.title).toBe('Beavers Return to the Thames');
    expect(pack.paragraphs.map((p) => p.label)).toEqual(['headline', '¶1', '¶2']);
    expect(pack).toMatchObject({ facts: [], quotes: [], entities: [], timeline: [] });
  });

  it('takes the slug from the options', () => {
    const path = fileWith('a.txt', 'One sentence.\n\nAnother sentence.');
    expect(loadArticleFile(path, { slug: 'Custom Slug' }).meta.slug).toBe('custom-slug');
  });

  it('rejects a missing file', () => {
    const err = errorOf(() => loadArticleFile(join(dir, 'nope.txt')));
    expect(err.file).toBe(join(dir, 'nope.txt'));
    expect(err.message).toContain('nope.txt');
    expect(err.message).toMatch(/does not exist/);
  });

  it('rejects an empty or whitespace-only file', () => {
    const err = errorOf(() => loadArticleFile(fileWith('empty.txt', ' \n\n\t\n')));
    expect(err.message).toContain('empty.txt');
    expect(err.message).toMatch(/empty/);
  });

  it('rejects a binary file', () => {
    const err = errorOf(() => loadArticleFile(fileWith('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]))));
    expect(err.message).toContain('image.png');
    expect(err.message).toMatch(/binary/);
  });

  it('rejects text that is not UTF-8', () => {
    const err = errorOf(() => loadArticleFile(fileWith('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]))));
    expect(err.message).toMatch(/UTF-8/);
  });

  it('rejects a directory', () => {
    expect(errorOf(() => loadArticleFile(dir)).message).toMatch(/not a file/);
  });

  it('rejects a file that is only page furniture', () => {
    const err = errorOf(() => loadArticleFile(fileWith('furniture.txt', '3 minute read\n\nContact us at a@b.com')));
    expect(err.message).toMatch(/no answerable paragraphs/);
  });
});
