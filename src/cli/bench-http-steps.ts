// Per-step CPU of one /ask on the HTTP path, in one process, without HTTP (issue 14): the signature
// check, JSON.parse, the shape check, handle() (cooldown, replay claim, settings, engine, reply,
// curator store) and the response's serialisation, each timed with process.cpuUsage over N signed
// bodies of the 40 dev questions (a warm-up round first). The HTTP bench's server CPU per response
// minus these is what node:http and the socket cost.
//
//   npm run bench:http-steps [-- N]     (default 4000 requests)
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../discord/config.ts';
import { boot } from '../runtime/boot.ts';
import { createLogger } from '../log.ts';
import { loadPublicKey, verifyRequest } from '../discord/http/verify.ts';
import { validateInteraction } from '../discord/http/validate.ts';
import { responseJson } from '../discord/outgoing.ts';
import { benchQuestions, DEFAULT_QUESTIONS } from './bench-common.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const der = publicKey.export({ format: 'der', type: 'spki' });
const hex = der.subarray(der.length - 32).toString('hex');
const dataDir = mkdtempSync(join(tmpdir(), 'hsteps-'));
const config = parseConfig('http', { DISCORD_PUBLIC_KEY: hex, DISCORD_CLIENT_ID: '1100000000000000001', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const log = createLogger('warn');
const { handle, curator } = await boot(config, log, { mode: 'http', ipcReloads: false });
const key = loadPublicKey(hex);
const qs = benchQuestions(DEFAULT_QUESTIONS, () => {}).map((q: { question: string }) => q.question);
const N = Number(process.argv[2] ?? 4000);
const ts = String(Math.floor(Date.now() / 1000));

/** A signed /ask body as Discord sends it; every request is its own user (no cooldown hits) and id. */
function signedAsk(k: number, round: number): { body: Buffer; signature: string } {
  const interaction = {
    id: String(1400000000000000000n + BigInt(round * N + k)),
    application_id: '1100000000000000001',
    token: `bench-${'x'.repeat(60)}`,
    version: 1,
    type: 2,
    guild_id: '1100000000000000002',
    channel_id: '1100000000000000003',
    locale: 'en-US',
    member: { user: { id: String(1300000000000000000n + BigInt(round * N + k)), username: 'reader' }, roles: [], permissions: '2248473465835073' },
    data: { id: '1100000000000000010', name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: qs[k % qs.length] }] },
  };
  const body = Buffer.from(JSON.stringify(interaction));
  return { body, signature: sign(null, Buffer.concat([Buffer.from(ts), body]), privateKey).toString('hex') };
}

const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const steps = { signature: 0, 'JSON.parse': 0, 'shape check': 0, 'handle()': 0, response: 0 };
let bytes = 0;
for (let round = 0; round < 2; round++) {
  const requests = Array.from({ length: N }, (_, k) => signedAsk(k, round));
  for (const k of Object.keys(steps) as (keyof typeof steps)[]) steps[k] = 0;
  bytes = 0;
  for (const { body, signature } of requests) {
    let c = cpu();
    if (!verifyRequest(key, signature, ts, body).ok) throw new Error('signature refused');
    steps.signature += cpu() - c;
    c = cpu();
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    steps['JSON.parse'] += cpu() - c;
    c = cpu();
    const shape = validateInteraction(parsed);
    steps['shape check'] += cpu() - c;
    if (!shape.ok) throw new Error(`shape refused: ${shape.field}`);
    c = cpu();
    const result = await handle(shape.interaction);
    steps['handle()'] += cpu() - c;
    c = cpu();
    const json = responseJson(result.response);
    steps.response += cpu() - c;
    bytes += json.length;
  }
}
// What one reading of the clock costs, once per step: subtract it when reading the small steps.
const c0 = cpu();
for (let k = 0; k < N; k++) cpu();
const clock = (cpu() - c0) / N;
process.stdout.write(`${N} signed /ask, CPU µs per request (each figure includes ~${clock.toFixed(1)} µs of clock reading), response ${Math.round(bytes / N)} bytes on average:\n`);
for (const [name, us] of Object.entries(steps)) process.stdout.write(`  ${name.padEnd(12)} ${(us / N).toFixed(1).padStart(7)}\n`);
// Closed first: it writes the unanswered rows still waiting before the directory goes.
await curator.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
