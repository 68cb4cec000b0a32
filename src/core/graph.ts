/** Graph algorithms over successor lists (`succ[i]` lists the nodes node i leads to). */

type Succ = readonly (readonly number[])[];

/** Where a step leads: its `next`, as the loader normalizes it (see load/types.ts). */
type NextSteps =
  | { kind: 'end' }
  | { kind: 'choice'; choices: readonly { to: number; chance: number }[] }
  | { kind: 'all'; branches: readonly number[] };

/** Successor step indexes of a step, in the order written. */
export function successors(next: NextSteps): number[] {
  switch (next.kind) {
    case 'end':
      return [];
    case 'choice':
      return next.choices.map((c) => c.to);
    case 'all':
      return [...next.branches];
  }
}

/** Where a step's customers go on: its successors, less the ways with a chance of 0 (they take nobody anywhere). */
export const takenWays = (next: NextSteps): number[] =>
  next.kind === 'choice' ? next.choices.filter((c) => c.chance > 0).map((c) => c.to) : successors(next);

/**
 * The first step (by index) from which no way its customers take leads to an end step: they would go round for
 * ever. -1 when every step leads to an end.
 */
export const trappedStep = (nexts: readonly NextSteps[]): number =>
  reachesEnd(nexts.map(takenWays), (i) => nexts[i]!.kind === 'end').indexOf(0);

/** Which nodes can reach an end (a node for which `isEnd` holds) along `succ`: 1 where one can, 0 where none can. */
export function reachesEnd(succ: Succ, isEnd: (i: number) => boolean): Uint8Array {
  const pred: number[][] = succ.map(() => []);
  succ.forEach((list, i) => list.forEach((t) => pred[t]!.push(i)));
  const can = new Uint8Array(succ.length);
  const queue: number[] = [];
  succ.forEach((_, i) => {
    if (isEnd(i)) {
      can[i] = 1;
      queue.push(i);
    }
  });
  for (let k = 0; k < queue.length; k++)
    for (const p of pred[queue[k]!]!)
      if (!can[p]) {
        can[p] = 1;
        queue.push(p);
      }
  return can;
}

/**
 * A breadth-first walker: `walk(from, avoid)` lists the nodes reachable from `from` in order of distance, never
 * entering `avoid`. It reuses one marker array, so many small walks over a large graph stay cheap.
 */
export function walker(succ: Succ): (from: number, avoid?: number) => number[] {
  const mark = new Int32Array(succ.length);
  let stamp = 0;
  return (from, avoid = -1) => {
    if (from === avoid) return [];
    stamp++;
    const order = [from];
    mark[from] = stamp;
    for (let i = 0; i < order.length; i++) {
      for (const s of succ[order[i]!]!) {
        if (mark[s] !== stamp && s !== avoid) {
          mark[s] = stamp;
          order.push(s);
        }
      }
    }
    return order;
  };
}

/**
 * Immediate post-dominators: `ipdom[i]` is the first node that every path from i to an end node passes through
 * (-1 when that is only the end itself, or when no end can be reached from i). Cooper, Harvey & Kennedy's
 * "A Simple, Fast Dominance Algorithm" (2001), run on the reversed graph from a virtual exit behind the end nodes.
 */
export function postDominators(succ: Succ, isEnd: (i: number) => boolean): Int32Array {
  const n = succ.length;
  const exit = n;
  const pred: number[][] = Array.from({ length: n + 1 }, () => []);
  succ.forEach((list, i) => list.forEach((t) => pred[t]!.push(i)));
  for (let i = 0; i < n; i++) if (isEnd(i)) pred[exit]!.push(i);
  // Postorder of the reversed graph from the exit (its edges are `pred`), without recursion.
  const post = new Int32Array(n + 1).fill(-1);
  const order: number[] = [];
  const visited = new Uint8Array(n + 1);
  const frames: [number, number][] = [[exit, 0]];
  visited[exit] = 1;
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const next = pred[frame[0]]![frame[1]++];
    if (next === undefined) {
      post[frame[0]] = order.length;
      order.push(frame[0]);
      frames.pop();
    } else if (!visited[next]) {
      visited[next] = 1;
      frames.push([next, 0]);
    }
  }
  const idom = new Int32Array(n + 1).fill(-1);
  idom[exit] = exit;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (post[a]! < post[b]!) a = idom[a]!;
      while (post[b]! < post[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let k = order.length - 2; k >= 0; k--) {
      const v = order[k]!;
      // In the reversed graph, the predecessors of v are its successors in the map (and the exit, for an end).
      let candidate = isEnd(v) ? exit : -1;
      for (const s of succ[v]!) {
        if (idom[s] === -1) continue;
        candidate = candidate === -1 ? s : intersect(s, candidate);
      }
      if (candidate !== idom[v]) {
        idom[v] = candidate;
        changed = true;
      }
    }
  }
  return idom.subarray(0, n).map((d) => (d === exit ? -1 : d));
}

/**
 * Strongly connected components (Tarjan's algorithm, without recursion so that long maps cannot overflow the stack).
 * Components come out in reverse topological order: every component comes before the components that lead to it.
 * Only nodes with `include(i)` take part.
 */
export function components(succ: Succ, include: (i: number) => boolean = () => true): number[][] {
  const n = succ.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const result: number[][] = [];
  let counter = 0;
  const frames: { node: number; edge: number }[] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1 || !include(root)) continue;
    frames.push({ node: root, edge: 0 });
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const v = frame.node;
      const edges = succ[v]!;
      if (frame.edge < edges.length) {
        const w = edges[frame.edge++]!;
        if (!include(w)) continue;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push({ node: w, edge: 0 });
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1]!.node;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        result.push(component.sort((a, b) => a - b));
      }
    }
  }
  return result;
}

/** For each node, the number of its component in `comps` (-1 for a node in none). */
export function componentIndex(comps: readonly number[][], n: number): Int32Array {
  const index = new Int32Array(n).fill(-1);
  comps.forEach((comp, k) => comp.forEach((i) => (index[i] = k)));
  return index;
}
