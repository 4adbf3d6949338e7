// DATA_DIR and RETENTION_DAYS from the environment, for entry points that do not load the bot's
// whole config (npm run report).
import { z } from 'zod';
import { DEFAULT_DATA_DIR, DEFAULT_RETENTION_DAYS, type CuratorStoreOptions } from './store.ts';

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

export const CuratorEnvSchema = z.object({
  DATA_DIR: z.preprocess(blankIsUnset, z.string().optional()),
  RETENTION_DAYS: z.preprocess(blankIsUnset, z.coerce.number({ message: 'must be a number' }).int('must be a whole number of days').min(1, 'must be at least 1').optional()),
});

export function curatorOptionsFromEnv(env: NodeJS.ProcessEnv): { ok: true; options: CuratorStoreOptions } | { ok: false; problems: string[] } {
  const parsed = CuratorEnvSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message} (got "${String(env[String(i.path[0])]).slice(0, 40)}").`) };
  }
  return { ok: true, options: { dataDir: parsed.data.DATA_DIR ?? DEFAULT_DATA_DIR, retentionDays: parsed.data.RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS } };
}
