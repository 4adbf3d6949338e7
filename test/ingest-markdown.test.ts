// Markdown articles: the markup goes, the words and the paragraphs stay, and "# Title" is the headline.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inline, markdownToText } from '../src/ingest/markdown.ts';
import { loadPack } from '../src/knowledge/loader.ts';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'ingest-md-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = `# Council Approves New *Harbour* Bridge

![The harbour at dusk](https://example.com/harbour.jpg)

The city council voted **7 to 2** on Tuesday to approve a [new bridge](https://example.com/bridge "plans") across the harbour.

## The vote

“This bridge will _connect_ two halves of a city,” Mayor Elena Ruiz said in a speech after the vote.
She said construction would begin in 2026.

> Opponents were not convinced, the [Harbour Post][post] reported.

\`\`\`
quoted_code * not emphasis *
\`\`\`

- Cost: 240 million dollars
- Length: 1.2 km

---

[post]: https://example.com/post
`;

describe('markdownToText', () => {
  const { text, title } = markdownToText(ARTICLE);
  const paragraphs = text.trim().split('\n\n');

  it('makes a leading # heading the headline line', () => {
    expect(title).toBe('Council Approves New Harbour Bridge');
    expect(paragraphs[0]).toBe('Council Approves New Harbour Bridge');
  });

  it('keeps the words of links, drops images, emphasis and heading markers', () => {
    expect(paragraphs[1]).toBe('The city council voted 7 to 2 on Tuesday to approve a new bridge across the harbour.');
    expect(paragraphs[2]).toBe('The vote');
    expect(paragraphs.filter((p) => !p.startsWith('quoted_code')).join('\n\n')).not.toMatch(/example\.com|harbour at dusk|[*#_]|\]\(|^>/m);
    expect(text).toContain('Opponents were not convinced, the Harbour Post reported.');
  });

  it('keeps paragraphs: lines of one paragraph stay together, blank lines separate them', () => {
    expect(paragraphs[3]).toBe('“This bridge will connect two halves of a city,” Mayor Elena Ruiz said in a speech after the vote.\nShe said construction would begin in 2026.');
    expect(paragraphs).toHaveLength(7);
  });

  it('drops code fences but keeps what they fence verbatim, and list markers', () => {
    expect(paragraphs[5]).toBe('quoted_code * not emphasis *');
    expect(paragraphs[6]).toBe('Cost: 240 million dollars\nLength: 1.2 km');
  });

  it('leaves intra-word underscores and lone asterisks alone', () => {
    expect(inline('snake_case_name and 2 * 3 * 4')).toBe('snake_case_name and 2 * 3 * 4');
    expect(inline('a `*code*` span and \\*escaped\\*')).toBe('a *code* span and *escaped*');
    expect(inline('[Setext][] and <https://example.com>')).toBe('Setext and https://example.com');
  });

  it('reads setext headings too', () => {
    expect(markdownToText('Big News\n========\n\nSomething happened on Monday.\n')).toEqual({ title: 'Big News', text: 'Big News\n\nSomething happened on Monday.\n' });
  });
});

describe('ingest of a .md file', () => {
  it('writes the plain text as article.txt, with the heading as headline and title', () => {
    const file = join(dir, 'bridge.md');
    writeFileSync(file, ARTICLE);
    const out = join(dir, 'knowledge');
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/ingest/cli.ts', file, '--slug', 'bridge', '--out', out], { cwd: root, encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/Ingested .*bridge\.md → .*bridge\/ in \d+ ms/);
    const pack = loadPack(join(out, 'bridge'));
    expect(readFileSync(join(out, 'bridge/article.txt'), 'utf8')).toBe(markdownToText(ARTICLE).text);
    expect(pack.paragraphs[0]).toMatchObject({ kind: 'headline', text: 'Council Approves New Harbour Bridge' });
    expect(pack.meta.title).toBe('Council Approves New Harbour Bridge');
    expect(pack.quotes).toEqual([expect.objectContaining({ text: 'This bridge will connect two halves of a city', speaker: 'elena-ruiz', role: 'Mayor' })]);
    expect(pack.timeline.map((t) => t.date)).toEqual(['2026']);
  });
});
