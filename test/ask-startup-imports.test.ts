// `npm run ask` answers one question and exits, so its start-up is mostly loading code (issue 14). The
// production build's ask entry must not load the packages only the bot needs: discord-api-types alone
// cost about as much as the engine's own module. esbuild's metafile gives the packages the entry
// reaches through its static imports, as scripts/build.mjs bundles it.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));

/** The packages an entry imports statically, anywhere in its graph, with the files that import them. */
async function packagesOf(entry: string): Promise<Map<string, string[]>> {
  const result = await build({ absWorkingDir: repo, entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', packages: 'external', metafile: true, outdir: 'unused', logLevel: 'silent' });
  const out = new Map<string, string[]>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const imp of input.imports) {
      if (!imp.external || imp.kind !== 'import-statement' || imp.path.startsWith('node:') || imp.path.startsWith('.')) continue;
      const name = imp.path.startsWith('@') ? imp.path.split('/').slice(0, 2).join('/') : imp.path.split('/')[0]!;
      out.set(name, [...(out.get(name) ?? []), file]);
    }
  }
  return out;
}

describe("the ask CLI's start-up", () => {
  it('loads none of the packages only the bot uses', async () => {
    const packages = await packagesOf('src/cli/ask.ts');
    expect(packages.has('stemmer')).toBe(true); // the engine's, so the graph was read
    for (const name of ['discord-api-types', 'discord.js', 'better-sqlite3', 'pg', 'pino', 'pino-pretty', 'undici', 'dotenv']) {
      expect({ name, importedBy: packages.get(name) ?? [] }).toEqual({ name, importedBy: [] });
    }
  });
});
