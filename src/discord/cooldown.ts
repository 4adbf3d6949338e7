// Per-user token bucket: a burst of `burst` interactions, then one more every `refillMs`. Generous on
// purpose: it stops spam, not a reader asking follow-up questions. Autocomplete is never limited.
export interface CooldownOptions {
  /** Interactions a user may make back to back (default 60). */
  burst?: number;
  /** One more interaction becomes available every refillMs (default 250). */
  refillMs?: number;
  now?: () => number;
}

export interface Cooldown {
  /** 0 when the user may go ahead (and a token is taken), else ms until they may. */
  take(userId: string): number;
}

const MAX_TRACKED = 10_000;
/** A reader typing follow-ups never gets near 60 back to back, nor 4 a second for long; a flood script does. */
export const DEFAULT_BURST = 60;
export const DEFAULT_REFILL_MS = 250;

export function createCooldown({ burst = DEFAULT_BURST, refillMs = DEFAULT_REFILL_MS, now = Date.now }: CooldownOptions = {}): Cooldown {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(userId) {
      const t = now();
      const b = buckets.get(userId) ?? { tokens: burst, at: t };
      b.tokens = Math.min(burst, b.tokens + (t - b.at) / refillMs);
      b.at = t;
      if (b.tokens < 1) {
        buckets.set(userId, b);
        return Math.ceil((1 - b.tokens) * refillMs);
      }
      b.tokens -= 1;
      buckets.delete(userId); // re-insert so Map order is least-recently-used first
      buckets.set(userId, b);
      if (buckets.size > MAX_TRACKED) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      return 0;
    },
  };
}
