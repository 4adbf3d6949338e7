// `npm run ask` as a real process. The interactive console runs in a real terminal (util-linux
// `script` gives the child a pty): Ctrl+D or Ctrl+C at the prompt ends it quietly with exit code 0,
// no AbortError stack. A KNOWLEDGE_DIR that does not exist is named, as the bot names it.
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasScript) console.log('ask-process: skipped, util-linux `script` (for a pty) is not installed');

/** Starts the console in a pty, sends `key` once the prompt shows, and resolves with its exit code and output. */
function pressAtPrompt(key: string): Promise<{ code: number | null; output: string }> {
  const child = spawn('script', ['-qfec', 'node scripts/run.mjs src/cli/ask.ts', '/dev/null'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'dumb' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let sent = false;
  const onData = (d: Buffer) => {
    output += d.toString();
    if (!sent && output.includes('> ')) {
      sent = true;
      child.stdin.write(key); // stdin stays open: closing it would end `script` itself
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ code, output });
    }),
  );
}

describe.skipIf(!hasScript)('npm run ask, interactive', () => {
  it.each([
    ['Ctrl+D', '\x04'],
    ['Ctrl+C', '\x03'],
  ])('%s at the prompt exits 0 without an error', async (_name, key) => {
    const { code, output } = await pressAtPrompt(key);
    expect(output).toMatch(/An empty line quits/);
    expect(output).not.toMatch(/AbortError|ask failed|\n\s+at /);
    expect(code).toBe(0);
  }, 60_000);
});

describe('npm run ask, misconfigured', () => {
  it('names KNOWLEDGE_DIR when it points at no folder', () => {
    const r = spawnSync(process.execPath, ['scripts/run.mjs', 'src/cli/ask.ts', 'Who met Rudenko?'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, KNOWLEDGE_DIR: '/nonexistent-knowledge' },
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(r.stderr).toMatch(/\/nonexistent-knowledge: knowledge pack directory does not exist \(set by KNOWLEDGE_DIR/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(1);
  });
});
