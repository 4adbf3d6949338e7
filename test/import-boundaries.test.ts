// The layers only import downward (question → knowledge → engine → reply → transport), the engine is
// reached only through engine/index.ts, and no two modules import each other, even through others.
// Read from the source with TypeScript's own import scanner (already a dev dependency) rather than
// dependency-cruiser: the rules are a few lines here, and type-only imports count, since a type
// pulled from a higher layer is a dependency too.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SCANNED = ['src', 'commands', 'testing', 'test'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'node_modules' ? [] : sources(path);
    return /\.(ts|mts)$/.test(e.name) ? [path] : [];
  });
}

/** Each scanned file (relative, '/'-separated) → the repository files it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of SCANNED.filter((d) => existsSync(join(ROOT, d))).flatMap((d) => sources(join(ROOT, d)))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((r) => r.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => join(dirname(file), name).replace(/\.js$/, ''))
      .map((base) => [base, `${base}.ts`, join(base, 'index.ts')].find((c) => existsSync(c) && statSync(c).isFile()))
      .filter((t): t is string => t !== undefined);
    graph.set(rel(file), [...new Set(targets.map(rel))]);
  }
  return graph;
}

const rel = (path: string) => relative(ROOT, path).split('\\').join('/');

interface Rule {
  why: string;
  from: RegExp;
  to: RegExp;
}

const RULES: Rule[] = [
  { why: 'reply/ renders for any transport: it never imports discord/', from: /^src\/reply\//, to: /^src\/discord\// },
  { why: 'knowledge/ is below the engine: it never imports engine/', from: /^src\/knowledge\//, to: /^src\/engine\// },
  { why: 'the engine knows nothing of replies, transports, the runtime or the database', from: /^src\/engine\//, to: /^src\/(reply|discord|runtime|store)\// },
  {
    why: 'outside engine/, the engine is imported only through its public face, engine/index.ts (the tools that build its data files excepted)',
    from: /^(src\/(?!engine\/|cli\/train\.ts$|cli\/build-wordnet\.ts$)|commands\/|testing\/)/,
    to: /^src\/engine\/(?!index\.ts$)/,
  },
  { why: 'src/ never imports test/ (shared test tooling lives in testing/)', from: /^src\//, to: /^test\// },
  { why: 'a command file imports no other command file (shared pieces live in the command kit)', from: /^commands\/[^/]+\.ts$/, to: /^commands\/[^/]+\.ts$/ },
];

/** Known edges, each waiting on a named move; delete the line when the move lands. */
const PENDING = new Set<string>([]);

function violations(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const edge = `${from} -> ${to}`;
      const broken = RULES.find((r) => r.from.test(from) && r.to.test(to));
      if (broken && !PENDING.has(edge)) found.push(`${edge}: ${broken.why}`);
    }
  }
  return found.sort();
}

/** Strongly connected components of more than one file (Tarjan): every import cycle, once. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('import boundaries', () => {
  const graph = importGraph();

  it('reads the whole tree, relative imports resolved to files', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/discord/registry.ts')).toContain('commands/ask.ts');
  });

  it('has no import that points up a layer', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('still has each pending edge it excuses (remove the excuse when its move lands)', () => {
    const edges = new Set([...graph].flatMap(([from, targets]) => targets.map((to) => `${from} -> ${to}`)));
    expect([...PENDING].filter((e) => !edges.has(e))).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('catches what it is for: an upward import and a cycle in a made-up graph', () => {
    const made = new Map([
      ['src/reply/x.ts', ['src/discord/y.ts']],
      ['src/discord/y.ts', ['src/reply/x.ts']],
      ['src/engine/z.ts', ['src/store/w.ts']],
      ['src/ingest/v.ts', ['src/engine/index.ts', 'src/engine/z.ts']],
    ]);
    expect(violations(made)).toEqual([
      expect.stringMatching(/^src\/engine\/z\.ts -> src\/store\/w\.ts: /),
      expect.stringMatching(/^src\/ingest\/v\.ts -> src\/engine\/z\.ts: .*public face/),
      expect.stringMatching(/^src\/reply\/x\.ts -> src\/discord\/y\.ts: /),
    ]);
    expect(cycles(made)).toEqual([['src/discord/y.ts', 'src/reply/x.ts']]);
  });
});
