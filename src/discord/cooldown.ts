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

/** A guild's /settings cooldown, as the store keeps it (null: the bot's own). */
export interface GuildCooldownSetting {
  guildId: string;
  cooldown: { burst: number; refillMs: number } | null;
}

export interface GuildCooldowns {
  /** 0 when the user may go ahead (a token is taken), else ms until they may. */
  take(userId: string, settings?: GuildCooldownSetting): number;
}

/**
 * The per-user cooldown with each guild's own setting (/settings cooldown) in place of the bot's for
 * its members; burst 0 turns it off there. One instance is shared by commands and forum posts, so a
 * member's posts and commands count together.
 */
export function createGuildCooldowns(base: CooldownOptions | false = {}): GuildCooldowns {
  const fallback = base === false ? undefined : createCooldown(base);
  const now = base === false ? undefined : base.now;
  const byGuild = new Map<string, { key: string; cooldown: Cooldown | undefined }>();
  const forGuild = (settings?: GuildCooldownSetting): Cooldown | undefined => {
    if (!settings?.cooldown) return fallback;
    const { burst, refillMs } = settings.cooldown;
    const key = `${burst}/${refillMs}`;
    let entry = byGuild.get(settings.guildId);
    if (!entry || entry.key !== key) {
      entry = { key, cooldown: burst === 0 ? undefined : createCooldown({ burst, refillMs, ...(now ? { now } : {}) }) };
      byGuild.set(settings.guildId, entry);
      if (byGuild.size > MAX_TRACKED) byGuild.delete(byGuild.keys().next().value!);
    }
    return entry.cooldown;
  };
  return { take: (userId, settings) => forGuild(settings)?.take(userId) ?? 0 };
}
