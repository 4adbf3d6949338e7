// src/log.ts: pino underneath, JSON lines (pretty only on a terminal), LOG_LEVEL respected, and no
// secret in any line, whichever field, message or stack it hides in.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { addSecret, createLogger, redact } from '../src/log.ts';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.ZmFrZQ.c2VjcmV0LXBhcnQtb2YtdGhlLXRva2VuLTEyMzQ1Njc4';
const KEY = 'a1'.repeat(32);
addSecret(TOKEN);
addSecret(KEY);

function capture(level: Parameters<typeof createLogger>[0] = 'debug') {
  const lines: string[] = [];
  return { log: createLogger(level, (l) => lines.push(l)), lines };
}

describe('logger', () => {
  it('writes one JSON object per line: level label, ISO time, pid, message, fields, error with stack', () => {
    const { log, lines } = capture();
    log.info('interaction', { interaction: '42', ms: 3.2, found: true });
    log.error('Handler threw for interaction 42', new Error('kaboom'));
    expect(lines).toHaveLength(2);
    const [info, error] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(info).toMatchObject({ level: 'info', pid: process.pid, msg: 'interaction', interaction: '42', ms: 3.2, found: true });
    expect(new Date(info!.time as string).toISOString()).toBe(info!.time);
    expect(error).toMatchObject({ level: 'error', msg: 'Handler threw for interaction 42', err: { type: 'Error', message: 'kaboom' } });
    expect((error!.err as { stack: string }).stack).toMatch(/kaboom\n\s+at /);
    // The message comes before the error, so "id … message" reads in order in the raw line.
    expect(lines[1]).toMatch(/interaction 42.*kaboom/);
    for (const l of lines) expect(l.endsWith('}\n')).toBe(true);
  });

  it('respects the level', () => {
    const warn = capture('warn');
    warn.log.debug('d');
    warn.log.info('i');
    warn.log.warn('w');
    warn.log.error('e');
    expect(warn.lines.map((l) => JSON.parse(l).msg)).toEqual(['w', 'e']);
    const silent = capture('silent');
    silent.log.error('e');
    expect(silent.lines).toEqual([]);
  });

  it('never lets the token (or its parts) or the public key out: messages, fields, errors, URLs', () => {
    const { log, lines } = capture();
    const head = TOKEN.slice(0, TOKEN.lastIndexOf('.'));
    log.debug(`Provided token: ${head}.*************`); // discord.js's debug line
    log.info(`key ${KEY} and ${KEY.toUpperCase()}`);
    log.error('request failed', new Error(`401 for Bot ${TOKEN}`));
    log.warn('fields', { token: 'interaction-token-value-1234567890', headers: { authorization: `Bot ${TOKEN}` }, publicKey: KEY, nested: { token: 'x'.repeat(30) } });
    log.info('url', { url: 'https://discord.com/api/v10/interactions/1100000000000000001/aW50ZXJhY3Rpb246MTEwMDAwMDAwMDAwMDAwMDAwMTp0b2tlbg/callback' });
    const all = lines.join('');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(head);
    expect(all).not.toContain(KEY);
    expect(all).not.toContain('interaction-token-value');
    expect(all).not.toContain('aW50ZXJhY3Rpb246');
    expect(all).not.toContain('x'.repeat(30));
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
    expect(redact(`a ${TOKEN} b`)).toBe('a [redacted] b');
  });

  it('field names pino uses itself cannot overwrite them', () => {
    const { log, lines } = capture();
    log.info('real message', { msg: 'forged', level: 'fatal', time: 0 });
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'real message', level: 'info', _msg: 'forged', _level: 'fatal' });
  });

  it('is pretty on a terminal and JSON otherwise, on stderr only', () => {
    const script = [
      "import { createLogger } from './src/log.ts';",
      "createLogger('info').info('hello there', { a: 1 });",
    ].join('\n');
    const cmd = `"$NODE" --import tsx --input-type=module -e "$SCRIPT"`;
    // `script` gives the child a pseudo-terminal, as a person running npm start in a shell has.
    const tty = spawnSync('script', ['-qec', cmd, '/dev/null'], {
      cwd: new URL('..', import.meta.url).pathname,
      encoding: 'utf8',
      env: { ...process.env, NODE: process.execPath, SCRIPT: script },
    });
    expect(tty.stdout).toMatch(/INFO/);
    expect(tty.stdout).toMatch(/hello there/);
    expect(tty.stdout).not.toMatch(/"msg":/);
    const piped = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8' });
    expect(piped.stdout).toBe('');
    expect(JSON.parse(piped.stderr)).toMatchObject({ level: 'info', msg: 'hello there', a: 1 });
  });
});
