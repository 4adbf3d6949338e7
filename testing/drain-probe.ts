// The rolling-deploy probe from issue 12: `npm run serve` as a real process, many signed /ask sent
// over a few keep-alive sockets (as nginx's `keepalive 32` does), SIGTERM part-way through. Counts
// what each request got: an answer, a refused connection (never reached the process: a balancer
// retries those), or a reset (sent on an open socket and lost: the defect).
//   npx tsx testing/drain-probe.ts [workers=1] [runs=3] [total=200]
// With a large total the client never stops connecting within the drain (a balancer that has not
// seen /healthz 503): the process then closes its listener at the drain's bound, while connecting.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chatInput } from './fake-discord/interactions.ts';
import { makeKeys, signedInteractionRequest } from './signing.ts';
import { spawnServe } from './spawn.ts';

export interface DrainCounts {
  answered: number;
  refused: number;
  /** Sent, then the connection reset with no answer: lost. */
  reset: number;
  /** Anything else (a status other than 200, a timeout): should stay 0. */
  other: number;
  exitCode: number | null;
}

export interface DrainProbeOptions {
  workers: number;
  total?: number;
  sockets?: number;
  /** SIGTERM once this many answers came back. */
  sigtermAfter?: number;
}

export async function drainProbe(options: DrainProbeOptions): Promise<DrainCounts> {
  const { workers, total = 200, sockets = 32, sigtermAfter = 40 } = options;
  const keys = makeKeys();
  const dataDir = mkdtempSync(join(tmpdir(), 'drain-probe-'));
  let served: Awaited<ReturnType<typeof spawnServe>> | undefined;
  try {
    served = await spawnServe({
      inheritEnv: true,
      env: { LOG_LEVEL: 'warn', DATA_DIR: dataDir, HTTP_WORKERS: String(workers), DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_CLIENT_ID: '1100000000000000001' },
      readyTimeoutMs: 90_000,
    });
    const { child: proc, port, exited } = served;
    const agent = new Agent({ keepAlive: true, maxSockets: sockets });
    const counts: DrainCounts = { answered: 0, refused: 0, reset: 0, other: 0, exitCode: null };
    let signalled = false;
    const one = (n: number) =>
      new Promise<void>((resolve) => {
        // A user per request, so the per-user cooldown plays no part.
        const body = JSON.stringify(chatInput('ask', { question: 'Who did China’s foreign minister meet?' }, { userId: String(1300000000000000000n + BigInt(n)) }));
        const req = signedInteractionRequest(keys.privateKey, body, { agent, host: '127.0.0.1', port });
        req.setTimeout(20_000, () => req.destroy(new Error('timeout')));
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) counts.answered++;
            else counts.other++;
            if (!signalled && counts.answered >= sigtermAfter) {
              signalled = true;
              proc.kill('SIGTERM');
            }
            resolve();
          });
        });
        req.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'ECONNREFUSED') counts.refused++;
          else if (err.code === 'ECONNRESET' || /socket hang up/.test(err.message)) counts.reset++;
          else counts.other++;
          resolve();
        });
        req.end(body);
      });
    await Promise.all(Array.from({ length: total }, (_, n) => one(n)));
    agent.destroy();
    counts.exitCode = (await exited).code;
    return counts;
  } finally {
    served?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const workers = Number(process.argv[2] ?? 1);
  const runs = Number(process.argv[3] ?? 3);
  const total = Number(process.argv[4] ?? 200);
  for (let r = 1; r <= runs; r++) {
    const c = await drainProbe({ workers, total });
    process.stdout.write(`workers=${workers} run ${r}: answered ${c.answered}, refused ${c.refused}, reset ${c.reset}, other ${c.other}, exit ${c.exitCode}\n`);
  }
}
