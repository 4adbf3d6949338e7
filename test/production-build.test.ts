// scripts/build.mjs and scripts/run.mjs in a scratch project of their own (a temp dir with the two
// scripts, three tiny entry points and this checkout's packages): the build runs, an unchanged build
// is reused, and a source newer than the build is rebuilt before it runs, never run stale. The build
// goes into node_modules/.cache/, so the scratch node_modules/ is a real folder of links to this
// checkout's packages: linking the folder itself would build over this checkout's own build.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
cpSync(join(repo, 'scripts'), join(dir, 'scripts'), { recursive: true });
mkdirSync(join(dir, 'node_modules'));
for (const name of readdirSync(join(repo, 'node_modules'))) if (name !== '.cache') symlinkSync(join(repo, 'node_modules', name), join(dir, 'node_modules', name));
write('package.json', '{ "type": "module" }\n');
write('src/greeting.ts', "export const greeting: string = 'hello';\n");
write('src/cli/ask.ts', "import { greeting } from '../greeting.ts';\nconsole.log(`${greeting} ${process.argv.slice(2).join(' ')}`);\n");
write('src/main.ts', "console.log('main');\n");
write('src/discord/http/main.ts', "console.log('serve');\n");
write('src/runtime/reload-worker.ts', 'export {};\n'); // a worker thread's entry (scripts/build.mjs ENTRIES)

const ask = (...args: string[]) => spawnSync(process.execPath, ['scripts/run.mjs', 'src/cli/ask.ts', ...args], { cwd: dir, encoding: 'utf8' });

describe('the production build (node_modules/.cache/article-qa-bot/)', () => {
  it('builds on first run, then runs the built entry with its arguments', () => {
    const r = ask('Belarus');
    expect(r.stderr).toMatch(/node_modules\/\.cache\/article-qa-bot\/ has not been built: rebuilding/);
    expect(r.stdout).toBe('hello Belarus\n');
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'node_modules/.cache/article-qa-bot/src/cli/ask.js'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['node_modules', 'package.json', 'scripts', 'src']);
    expect(lstatSync(join(dir, 'node_modules/.cache/article-qa-bot')).isSymbolicLink()).toBe(true);
  });

  it('reuses an unchanged build without a word', () => {
    const r = ask('again');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hello again\n');
  });

  it('rebuilds when a source is newer than the build, so the stale build never runs', () => {
    write('src/greeting.ts', "export const greeting: string = 'bonjour';\n");
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'src/greeting.ts'), later, later);
    const r = ask('Minsk');
    expect(r.stderr).toMatch(/src is newer than node_modules\/\.cache\/article-qa-bot\/: rebuilding/);
    expect(r.stdout).toBe('bonjour Minsk\n');
  });

  it('refuses to start when the stale build cannot be rebuilt', () => {
    write('src/greeting.ts', 'export const greeting: string = ;\n'); // a syntax error
    const later = new Date(Date.now() + 10_000);
    utimesSync(join(dir, 'src/greeting.ts'), later, later);
    const r = ask('x');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Cannot start: node_modules\/\.cache\/article-qa-bot\/ is stale and the build failed/);
  });

  it('only knows the three entry points', () => {
    const r = spawnSync(process.execPath, ['scripts/run.mjs', 'src/other.ts'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });

  it('puts a rebuild in place by swapping a link, keeping the build a running process started from', () => {
    write('src/greeting.ts', "export const greeting: string = 'hello';\n"); // mend the syntax error above
    const earlier = new Date(Date.now() - 60_000); // older than any build from here on
    for (const file of ['src/greeting.ts', 'src']) utimesSync(join(dir, file), earlier, earlier);
    expect(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir }).status).toBe(0);
    expect(ask('mended')).toMatchObject({ status: 0, stdout: 'hello mended\n', stderr: '' });
    const link = join(dir, 'node_modules/.cache/article-qa-bot');
    const before = readlinkSync(link);
    expect(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir }).status).toBe(0);
    const after = readlinkSync(link);
    expect(after).not.toBe(before);
    expect(existsSync(join(dir, 'node_modules/.cache', before, 'src/cli/ask.js'))).toBe(true);
    expect(readdirSync(join(dir, 'node_modules/.cache')).filter((name) => name.includes('.link.'))).toEqual([]);
  });

  it('keeps only the newest five builds', () => {
    for (let i = 0; i < 6; i++) expect(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir }).status).toBe(0);
    const builds = readdirSync(join(dir, 'node_modules/.cache/article-qa-bot.builds')).sort();
    expect(builds).toHaveLength(5);
    expect(readlinkSync(join(dir, 'node_modules/.cache/article-qa-bot'))).toBe(join('article-qa-bot.builds', builds.at(-1)!));
  });

  it('replaces a build folder from before builds were linked', () => {
    const link = join(dir, 'node_modules/.cache/article-qa-bot');
    rmSync(link, { recursive: true, force: true });
    mkdirSync(join(link, 'src'), { recursive: true });
    const r = ask('old');
    expect(r.stdout).toBe('hello old\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('never leaves a moment without a build: processes starting during rebuilds all run', async () => {
    const builder = spawn(process.execPath, ['-e', "const { buildDist } = await import('./scripts/build.mjs'); for (let i = 0; i < 4; i++) await buildDist();"], { cwd: dir, stdio: 'ignore' });
    const done = new Promise<number | null>((resolve) => builder.on('exit', resolve));
    let building = true;
    void done.then(() => (building = false));
    const runs: { status: number | null; stdout: string; stderr: string }[] = [];
    while (building || runs.length === 0) {
      runs.push(
        await new Promise((resolve) => {
          const child = spawn(process.execPath, ['scripts/run.mjs', 'src/cli/ask.ts', 'during'], { cwd: dir });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d) => (stdout += d));
          child.stderr.on('data', (d) => (stderr += d));
          child.on('close', (status) => resolve({ status, stdout, stderr }));
        }),
      );
    }
    expect(await done).toBe(0);
    for (const run of runs) expect(run).toEqual({ status: 0, stdout: 'hello during\n', stderr: '' });
  });
});
