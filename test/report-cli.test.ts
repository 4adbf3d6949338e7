// npm run report: the grouped unanswered table (or JSON) from the database under DATA_DIR.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../src/cli/report.ts';
import { DATABASE_FILE, openCuratorStore } from '../src/store/store.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';

const root = join(import.meta.dirname, '..');
const newDir = tempDataDirs();

/** ENV_FILE points nowhere so a developer's .env cannot change what the test sees. */
const envFor = (dataDir: string, extraEnv: Record<string, string>) => ({ DATA_DIR: dataDir, ENV_FILE: join(dataDir, 'no.env'), RETENTION_DAYS: '', ...extraEnv });

/** The command in this process, as the script runs it (runReport is all the script does). */
async function report(dataDir: string, args: string[] = [], extraEnv: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const status = await runReport({ argv: args, env: envFor(dataDir, extraEnv), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

/** The script as a real process: its exit code and its streams. */
function reportProcess(dataDir: string, args: string[] = []) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...envFor(dataDir, {}) },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

let dir: string;
beforeAll(() => {
  dir = newDir();
  let t = Date.now() - 3 * 60 * 60 * 1000;
  const s = openCuratorStore({ dataDir: dir, now: () => (t += 1000), log: captureLog() });
  const rows: Array<[string, string, 'not-found' | 'low-confidence' | 'feedback']> = [
    ['who is prigozhins lawyer', 'wagner', 'not-found'],
    ["Who is Prigozhin's lawyer?", 'wagner', 'not-found'],
    ["who's prigozhin lawyer", 'wagner', 'low-confidence'],
    ["Who is Prigozhin's lawyer?", 'wagner', 'feedback'],
    ['Where is Rostov?', 'wagner', 'not-found'],
    ['Where is Rostov?', 'wagner', 'not-found'],
    ['What did Qin Gang say?', 'china-talks', 'low-confidence'],
  ];
  for (const [question, article, kind] of rows) s.recordUnanswered({ kind, question, article, guildId: '123', candidate: kind === 'not-found' ? null : 'A passage.' });
  s.close();
});

describe('npm run report', () => {
  it('prints the grouped table, most asked first', async () => {
    const r = await report(dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Unanswered questions (${join(dir, DATABASE_FILE)}):`);
    expect(lines[2]).toMatch(/^#\s+Asked\s+Wordings\s+Last seen \(UTC\)\s+Article\s+Why\s+Question$/);
    expect(lines.slice(4)).toEqual([
      expect.stringMatching(/^1\s+4\s+3\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+wagner\s+not found 2, low 1, button 1\s+Who is Prigozhin's lawyer\?$/),
      expect.stringMatching(/^2\s+2\s+1\s+.*wagner\s+not found 2\s+Where is Rostov\?$/),
      expect.stringMatching(/^3\s+1\s+1\s+.*china-talks\s+low 1\s+What did Qin Gang say\?$/),
    ]);
  });

  it('filters by --article and caps with --limit, and --json gives the same groups as data', async () => {
    const byArticle = await report(dir, ['--article', 'china-talks']);
    expect(byArticle.stdout).toContain('about china-talks');
    expect(byArticle.stdout).not.toContain('Rostov');

    const json = await report(dir, ['--json', '--limit=2']);
    expect(json.status).toBe(0);
    const groups = JSON.parse(json.stdout);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({
      representative: "Who is Prigozhin's lawyer?",
      article: 'wagner',
      count: 4,
      variants: 3,
      kinds: { 'not-found': 2, 'low-confidence': 1, feedback: 1 },
      candidate: 'A passage.',
    });
    expect(new Date(groups[0].lastSeen).getTime()).toBeGreaterThan(Date.now() - 4 * 60 * 60 * 1000);
  });

  it('says so when nothing is recorded, and rejects bad arguments and settings with exit 2', async () => {
    const empty = await report(newDir());
    expect(empty.status).toBe(0);
    expect(empty.stdout).toContain('No unanswered questions recorded.');

    const badLimit = await report(dir, ['--limit', 'lots']);
    expect(badLimit.status).toBe(2);
    expect(badLimit.stderr).toMatch(/--limit must be a whole number from 1 to 1000 \(got "lots"\)/);
    expect((await report(dir, ['--nope'])).status).toBe(2);

    const badEnv = await report(dir, [], { RETENTION_DAYS: 'forever' });
    expect(badEnv.status).toBe(2);
    expect(badEnv.stderr).toMatch(/RETENTION_DAYS must be a number/);
  });

  it('as a real process, reports a corrupt database on stderr and exits 1 without a stack trace', async () => {
    const bad = newDir();
    writeFileSync(join(bad, DATABASE_FILE), 'garbage '.repeat(600));
    expect(await report(bad)).toMatchObject({ status: 1, stdout: '' });
    const r = reportProcess(bad);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/is not a SQLite database/);
  });
});
