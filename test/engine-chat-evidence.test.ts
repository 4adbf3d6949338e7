// Chat questions on articles written here, where the question's words are evidence in other forms: a
// misspelt surname still names the person its everyday given name belongs to, and "promise" is what an
// article writes as "vowed" or "pledged".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.ts';
import { loadArticleFile } from '../src/knowledge/loader.ts';

const dir = mkdtempSync(join(tmpdir(), 'engine-chat-evidence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function article(name: string, text: string) {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, text);
  return createEngine(loadArticleFile(file));
}

describe('a given name that is an everyday word', () => {
  const port = article(
    'port',
    'New Port Opens\n\nDeputy Governor Ma Jianwei opened the container port on Friday, promising faster trade with the south.\n\nThe port cost 2 billion yuan to build.\n\nShipping firms said the new cranes would cut waiting times.\n',
  );

  it('still names the person when the surname beside it is misspelt', () => {
    const a = port.answer('what did ma jianwie open');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('Ma Jianwei opened');
    expect(a.missing).not.toContain('ma');
  });
});

describe('a promise written in other words', () => {
  const flood = article(
    'flood',
    'Town Counts Flood Damage\n\nMayor Ana Silva vowed on Monday to rebuild the river bridge before winter.\n\nThe flood damaged 40 homes, the fire service said.\n\nVolunteers handed out food at the school.\n',
  );

  it.each([['what did the mayor promise tho'], ['so what did silva pledge']])('%s', (question) => {
    const a = flood.answer(question);
    expect(a.found).toBe(true);
    expect(a.answer!.text).toContain('vowed on Monday to rebuild');
  });
});
