// Moving a built index from the reload worker to the main thread without freezing it (issue 12,
// defect 3). Structured clone is all or nothing: the receiving thread deserialises a whole message
// in one go, and one article's index (~1 MB of text makes ~20 MB of Maps, arrays and small objects)
// took the main thread for about as long as building it did. So the worker cuts every large Array,
// Map and Set into slices, each serialised on its own (node:v8), and the main thread deserialises
// them a few at a time, giving the event loop back between turns (`adopt`). What is left after the
// cuts (the skeleton: small objects, typed arrays, the placeholders) goes in one piece.
//
// Containers are cut without looking inside their items, so identity is kept only for containers
// reached from the skeleton (one Map referenced twice arrives as one Map); items inside slices are
// copies, as structured clone makes them anyway. Prototypes are lost, as with structured clone.
import { deserialize, serialize } from 'node:v8';

/** A container with more items than this is cut into slices. */
const CUT_AT = 256;
/** A slice whose serialised form is larger than this is halved (down to one item). */
const MAX_SLICE_BYTES = 128 * 1024;
/** The main thread deserialises for at most about this long before it yields to the event loop. */
export const TURN_MS = 8;

const PLACEHOLDER = '\u0000sliced';
type Kind = 'array' | 'map' | 'set';

/** One large container: its kind and its items, serialised in slices. */
interface Sliced {
  kind: Kind;
  slices: ArrayBuffer[];
}

/** What the worker posts: transfer `transferList(packed)` with it so no bytes are copied. */
export interface Packed {
  skeleton: ArrayBuffer;
  containers: Sliced[];
}

function toArrayBuffer(b: Buffer): ArrayBuffer {
  // A copy of exactly these bytes: a Buffer may be a view into a larger (pooled) ArrayBuffer.
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

function sliceItems(items: unknown[], out: ArrayBuffer[]): void {
  const buf = serialize(items);
  if (buf.byteLength <= MAX_SLICE_BYTES || items.length <= 1) {
    out.push(toArrayBuffer(buf));
    return;
  }
  const half = items.length >> 1;
  sliceItems(items.slice(0, half), out);
  sliceItems(items.slice(half), out);
}

function isPlainObject(v: object): boolean {
  return !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer) && !(v instanceof Date) && !(v instanceof RegExp) && !(v instanceof Error);
}

/** Worker side: `value` (arrays, Maps, Sets, plain objects, typed arrays, primitives) cut for `adopt`. */
export function pack(value: unknown): Packed {
  const containers: Sliced[] = [];
  const seen = new Map<object, unknown>();
  const cut = (kind: Kind, items: unknown[]) => {
    const slices: ArrayBuffer[] = [];
    for (let i = 0; i < items.length; i += CUT_AT) sliceItems(items.slice(i, i + CUT_AT), slices);
    containers.push({ kind, slices });
    return { [PLACEHOLDER]: containers.length - 1 };
  };
  const walk = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (seen.has(v)) return seen.get(v);
    let out: unknown;
    if (Array.isArray(v)) out = v.length > CUT_AT ? cut('array', v) : v.map(walk);
    else if (v instanceof Map) out = v.size > CUT_AT ? cut('map', [...v]) : new Map([...v].map(([k, x]) => [k, walk(x)]));
    else if (v instanceof Set) out = v.size > CUT_AT ? cut('set', [...v]) : new Set([...v].map(walk));
    else if (isPlainObject(v)) out = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    else out = v; // typed arrays, dates: cloned whole, and cheaply
    seen.set(v, out);
    return out;
  };
  const skeleton = walk(value);
  return { skeleton: toArrayBuffer(serialize(skeleton)), containers };
}

/** Every ArrayBuffer of `packed`, for postMessage's transfer list. */
export function transferList(packed: Packed): ArrayBuffer[] {
  return [packed.skeleton, ...packed.containers.flatMap((c) => c.slices)];
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Main-thread pacing: call `maybeYield()` between pieces of work; it yields once a turn has run TURN_MS. */
export function pacer(turnMs = TURN_MS): { maybeYield(): Promise<void> | undefined; yield(): Promise<void> } {
  let start = performance.now();
  const yieldNow = async () => {
    await nextTurn();
    start = performance.now();
  };
  return {
    maybeYield: () => (performance.now() - start >= turnMs ? yieldNow() : undefined),
    yield: yieldNow,
  };
}

/** Main side: `packed` put back together, yielding to the event loop between slices. */
export async function adopt<T>(packed: Packed, pace = pacer()): Promise<T> {
  const built: unknown[] = [];
  for (const c of packed.containers) {
    const whole: unknown = c.kind === 'array' ? [] : c.kind === 'map' ? new Map() : new Set();
    for (const slice of c.slices) {
      const items = deserialize(new Uint8Array(slice)) as unknown[];
      if (c.kind === 'array') for (const x of items) (whole as unknown[]).push(x);
      else if (c.kind === 'map') for (const [k, x] of items as [unknown, unknown][]) (whole as Map<unknown, unknown>).set(k, x);
      else for (const x of items) (whole as Set<unknown>).add(x);
      await pace.maybeYield();
    }
    built.push(whole);
  }
  const seen = new Set<object>();
  const fill = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const id = (v as Record<string, unknown>)[PLACEHOLDER];
    if (typeof id === 'number') return built[id];
    if (seen.has(v)) return v;
    seen.add(v);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) v[i] = fill(v[i]);
    else if (v instanceof Map) for (const [k, x] of v) v.set(k, fill(x));
    else if (v instanceof Set) {
      const items = [...v];
      v.clear();
      for (const x of items) v.add(fill(x));
    } else if (isPlainObject(v)) for (const k of Object.keys(v)) (v as Record<string, unknown>)[k] = fill((v as Record<string, unknown>)[k]);
    return v;
  };
  return fill(deserialize(new Uint8Array(packed.skeleton))) as T;
}
