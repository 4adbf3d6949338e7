// Interaction ids this process has already handled, for the replay check. Discord's signature is
// only accepted for REPLAY_WINDOW_MS after its timestamp, so an id older than that cannot come back
// signed: the memory forgets it then (and the oldest first past REPLAY_MEMORY_LIMIT).
import { REPLAY_MEMORY_LIMIT, REPLAY_WINDOW_MS } from './defaults.ts';

export interface ReplayMemory {
  /** True the first time `id` is claimed within the window, false after. */
  claim(id: string): boolean;
  /** Forgets `id` (its claim could not be completed). */
  release(id: string): void;
}

export function createReplayMemory(now: () => number = Date.now, limit = REPLAY_MEMORY_LIMIT): ReplayMemory {
  // Insertion order is time order, so the oldest entries are always at the front.
  const seen = new Map<string, number>();
  const forgetOld = (t: number) => {
    for (const [id, at] of seen) {
      if (t - at <= REPLAY_WINDOW_MS + 60_000 && seen.size <= limit) break;
      seen.delete(id);
    }
  };
  return {
    claim(id) {
      const t = now();
      forgetOld(t);
      if (seen.has(id)) return false;
      seen.set(id, t);
      return true;
    },
    release(id) {
      seen.delete(id);
    },
  };
}
