// The backlog rule (issue 14): under a burst, answering every interaction in full before the next
// one gets its first response makes the last of them wait for all the work ahead of it (4–6 s for
// 1,000 /ask on a loaded machine, past Discord's 3 s). Each interaction's turn asks: would the
// interactions still waiting for their first response, at the measured cost of a full answer each,
// take longer than the budget? Then it is acknowledged with a deferral at once, and its answer is
// worked out and edited in once no first response is waiting. Otherwise it is answered in full.
//
// A full answer's cost = the transport's share per interaction (the event loop's busy time per turn,
// less the commands' own work, over the last turns) + the commands' own work (timed exactly around
// the command's synchronous execute). A kind of interaction whose own work is below `minWorkMs`
// (/help) is never deferred: the deferral and the edit after it would cost more than the answer.
import { performance } from 'node:perf_hooks';
import { InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { routeOf } from '../reply/buttons.ts';
import { BACKLOG } from './deadline.ts';

export interface BacklogSettings {
  /** How long the interactions waiting for a first response may take to get through, ms. */
  budgetMs: number;
  /** Work cheaper than this (ms, measured per kind) is answered in full even in a backlog. */
  minWorkMs: number;
  /** The cost of a full answer before one has been measured, ms. */
  initialCostMs: number;
  /** Weight of each new measurement in the running costs (0–1). */
  costWeight: number;
  /** A fixed cost per full answer instead of the measured one, and every kind counted as work: tests drive the backlog by count. */
  fixedCostMs?: number;
}

export interface Backlog {
  /**
   * `waiting`: other interactions received and not yet acknowledged when this one's turn comes;
   * `kind`: what it is (command name, button route).
   */
  shouldDefer(waiting: number, kind: string): boolean;
  /**
   * One interaction had its turn. A transport calls it for every request it spends loop time on
   * outside a turn too (the HTTP endpoint's PINGs and refusals): otherwise their busy time would be
   * charged to the next interactions' share.
   */
  turn(): void;
  /** A command of `kind` did `ms` of its own (synchronous) work. */
  worked(kind: string, ms: number): void;
  /** The running cost of a full answer, ms. */
  readonly costMs: number;
  /** For the log: a full answer's cost, the transport's share per turn and each kind's own work, ms. */
  figures(): { fullAnswerMs: number; overheadMs: number; workMs: Record<string, number> };
}

/** Most kinds of interaction whose cost is kept (commands and button routes are a few dozen). */
const MAX_KINDS = 256;
/** Turns per measurement of the transport's share. */
const WINDOW_TURNS = 32;

/** Milliseconds the event loop has been busy since the process started. */
const busyMs = () => performance.eventLoopUtilization().active;

export function createBacklog(settings: Partial<BacklogSettings> = {}, loopBusyMs: () => number = busyMs): Backlog {
  const { budgetMs, minWorkMs, initialCostMs, costWeight, fixedCostMs } = { ...BACKLOG, ...settings };
  const ewma = (old: number, ms: number) => old + costWeight * (ms - old);
  let overhead = initialCostMs / 2;
  let meanWork = initialCostMs / 2;
  const byKind = new Map<string, number>();
  // The current window of turns: busy time at its start, turns and work in it. It opens at the first
  // turn, not here: the busy time before it (the start-up, loading the knowledge) is no turn's cost.
  let windowBusy: number | undefined;
  let windowTurns = 0;
  let windowWork = 0;
  const cost = () => fixedCostMs ?? overhead + meanWork;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    shouldDefer(waiting, kind) {
      if (waiting * cost() <= budgetMs) return false;
      if (fixedCostMs !== undefined) return true;
      const own = byKind.get(kind);
      // Not measured yet: assume it is work.
      return own === undefined || own >= minWorkMs;
    },
    turn() {
      if (windowBusy === undefined) {
        windowBusy = loopBusyMs();
        windowWork = 0;
        return;
      }
      if (++windowTurns < WINDOW_TURNS) return;
      const now = loopBusyMs();
      const share = (now - windowBusy - windowWork) / windowTurns;
      if (Number.isFinite(share) && share >= 0) overhead = ewma(overhead, share);
      windowBusy = now;
      windowTurns = 0;
      windowWork = 0;
    },
    worked(kind, ms) {
      if (!Number.isFinite(ms) || ms < 0) return;
      windowWork += ms;
      meanWork = ewma(meanWork, ms);
      const own = byKind.get(kind);
      if (own === undefined && byKind.size >= MAX_KINDS) return;
      // A GC pause or a cold start lands in some command's time: one such sample may not make a
      // cheap kind look like work for long, so a sample counts for at most twice the estimate.
      byKind.set(kind, own === undefined ? ms : ewma(own, Math.min(ms, 2 * own + minWorkMs)));
    },
    get costMs() {
      return cost();
    },
    figures: () => ({ fullAnswerMs: round(cost()), overheadMs: round(overhead), workMs: Object.fromEntries([...byKind].map(([k, v]) => [k, round(v)])) }),
  };
}

/** What the backlog rule keeps a cost for: the command, or the button's route; never user text. */
export function kindOf(i: APIInteraction): string {
  // The payload is Discord's, not checked yet: a missing field names the kind, it does not throw.
  const data = (i as { data?: { name?: unknown; custom_id?: unknown } }).data;
  if ((i.type === InteractionType.ApplicationCommand || i.type === InteractionType.ApplicationCommandAutocomplete) && typeof data?.name === 'string') return `${i.type}:${data.name.slice(0, 32)}`;
  if (i.type === InteractionType.MessageComponent && typeof data?.custom_id === 'string') return `${i.type}:${routeOf(data.custom_id).slice(0, 64)}`;
  return String(i.type);
}
