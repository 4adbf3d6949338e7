// The turn queue both transports share (issue 14): interactions take turns, oldest first, worked
// through in short slices of the event loop, so that what arrives meanwhile (gateway events, HTTP
// requests, REST replies) gets in between and is counted as waiting. Work the backlog rule
// (backlog.ts) deferred waits in a second queue that runs only when no fresh interaction is waiting,
// or when its oldest job has waited DEFERRED_PATIENCE_MS.
import type { Logger } from '../log.ts';

/** A turn's slice of the event loop: callbacks, replies and newly arrived interactions get in between. */
export const SLICE_MS = 4;
/** Deferred work whose oldest job has waited this long gets one turn per slice, backlog or not. */
export const DEFERRED_PATIENCE_MS = 1000;

/** First in, first out, without Array#shift's copying on long queues. */
export class Queue<T> {
  private items: Array<T | undefined> = [];
  private head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(item: T): void {
    this.items.push(item);
  }
  peek(): T | undefined {
    return this.items[this.head];
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

interface Job {
  run: () => Promise<unknown>;
  queued: number;
}

export interface Turns<A> {
  /** An interaction arrived: it has its turn after the ones before it. */
  push(arrival: A): void;
  /** Runs `work` from the deferred queue: after every fresh interaction waiting now. */
  later<T>(work: () => T | Promise<T>): Promise<T>;
  /** Fresh interactions that have not had their turn yet. */
  readonly waiting: number;
}

export interface TurnOptions<A> {
  /**
   * One interaction's turn. `tick` resolves when the event loop has moved on: a turn still waiting
   * on I/O then goes on by itself, and the queue does not wait for it.
   */
  turn(arrival: A, tick: Promise<undefined>): Promise<void>;
  /** A turn threw (a bug in the transport): the interaction must still get an answer. */
  failed(arrival: A, err: unknown): void;
  log: Pick<Logger, 'error'>;
}

export function createTurns<A>(options: TurnOptions<A>): Turns<A> {
  const fresh = new Queue<A>();
  const deferredWork = new Queue<Job>();
  let pumping = false;

  function wake(): void {
    if (pumping) return;
    pumping = true;
    setImmediate(pump);
  }

  async function pump(): Promise<void> {
    const end = performance.now() + SLICE_MS;
    let yielded = false;
    // One immediate per slice: a turn whose handler is still waiting on I/O when it fires goes on by
    // itself, and the slice ends there (the loop has had its turn).
    const tick = new Promise<undefined>((resolve) =>
      setImmediate(() => {
        yielded = true;
        resolve(undefined);
      }),
    );
    try {
      const oldest = deferredWork.peek();
      if (oldest && performance.now() - oldest.queued > DEFERRED_PATIENCE_MS) await Promise.race([deferredWork.shift()!.run(), tick]);
      while (!yielded && performance.now() < end) {
        const next = fresh.shift();
        if (next !== undefined) {
          await options.turn(next, tick).catch((err: unknown) => options.failed(next, err));
          continue;
        }
        const job = deferredWork.shift();
        if (!job) break;
        await Promise.race([job.run(), tick]);
      }
    } catch (err) {
      options.log.error('Interaction queue failed', err);
    } finally {
      pumping = false;
      if (fresh.length > 0 || deferredWork.length > 0) wake();
    }
  }

  return {
    push(arrival) {
      fresh.push(arrival);
      wake();
    },
    later: <T,>(work: () => T | Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        deferredWork.push({
          queued: performance.now(),
          run() {
            let out: Promise<T>;
            try {
              out = Promise.resolve(work());
            } catch (err) {
              out = Promise.reject(err);
            }
            out.then(resolve, reject);
            return out.catch(() => undefined);
          },
        });
        wake();
      }),
    get waiting() {
      return fresh.length;
    },
  };
}
