/**
 * Expected mass in every state of an absorbing Markov chain: x = b + Qᵀx, where b is what enters each state from
 * outside and Q[s][t] the share of the mass in s that moves on to t. With b = 1 at the start, x is the expected
 * number of visits of each state (the fundamental matrix N = (I - Q)⁻¹ applied to the start).
 *
 * The chain is solved one strongly connected component at a time, in the order the mass flows: a component
 * without loops costs nothing, a rework loop costs a small dense solve. So a long map with local loops is solved
 * in time proportional to its size.
 */
import { componentIndex, components } from './graph.js';

export interface Chain {
  /** succ[s]: the states s leads to. */
  succ: number[][];
  /** weight[s][k]: the share of the mass in s that goes to succ[s][k]. */
  weight: number[][];
}

/** Components up to this size are solved exactly by Gaussian elimination; larger ones iteratively. */
const DENSE_LIMIT = 400;

export function solveChain(chain: Chain, b: Float64Array): Float64Array {
  const n = b.length;
  const x = new Float64Array(n);
  const inflow = Float64Array.from(b);
  const comps = components(chain.succ);
  const compOf = componentIndex(comps, n);
  // Tarjan's components come out in reverse topological order, so walking them from the last to the first follows
  // the mass: every component is solved after all the components that send mass into it.
  for (let k = comps.length - 1; k >= 0; k--) {
    const comp = comps[k]!;
    if (comp.length === 1) {
      const s = comp[0]!;
      let self = 0;
      chain.succ[s]!.forEach((t, e) => {
        if (t === s) self += chain.weight[s]![e]!;
      });
      // A step that leads back to itself with chance p is visited 1 + p + p² + ... = 1 / (1 - p) times per entry
      // (a geometric series; the loader refuses p = 1, a loop with no way out).
      x[s] = inflow[s]! / (1 - self);
    } else {
      solveComponent(chain, comp, compOf, k, inflow, x);
    }
    for (const s of comp) {
      const succ = chain.succ[s]!;
      const weight = chain.weight[s]!;
      for (let e = 0; e < succ.length; e++) {
        if (compOf[succ[e]!] !== k) inflow[succ[e]!]! += x[s]! * weight[e]!;
      }
    }
  }
  return x;
}

/** Solves (I - Q_ccᵀ) x_c = inflow_c for one loop of states. */
function solveComponent(
  chain: Chain,
  comp: number[],
  compOf: Int32Array,
  k: number,
  inflow: Float64Array,
  x: Float64Array,
): void {
  const local = new Map<number, number>(comp.map((s, i) => [s, i]));
  if (comp.length > DENSE_LIMIT) {
    gaussSeidel(chain, comp, local, compOf, k, inflow, x);
    return;
  }
  const lu = factorComponent(chain, comp, local, compOf, k);
  const rhs = Float64Array.from(comp, (s) => inflow[s]!);
  lu.solve(rhs);
  comp.forEach((s, i) => (x[s] = rhs[i]!));
}

/** LU factors (partial pivoting) of I - Q_ccᵀ for one loop of states, and a solver for any right-hand side. */
function factorComponent(chain: Chain, comp: number[], local: Map<number, number>, compOf: Int32Array, k: number) {
  const m = comp.length;
  const a = new Float64Array(m * m);
  comp.forEach((s, i) => {
    a[i * m + i] = 1;
    chain.succ[s]!.forEach((t, e) => {
      if (compOf[t] === k) a[local.get(t)! * m + i]! -= chain.weight[s]![e]!;
    });
  });
  const perm = Int32Array.from(comp, (_, i) => i);
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r * m + col]!) > Math.abs(a[pivot * m + col]!)) pivot = r;
    if (pivot !== col) {
      for (let c = 0; c < m; c++) [a[col * m + c], a[pivot * m + c]] = [a[pivot * m + c]!, a[col * m + c]!];
      [perm[col], perm[pivot]] = [perm[pivot]!, perm[col]!];
    }
    const p = a[col * m + col]!;
    for (let r = col + 1; r < m; r++) {
      const f = (a[r * m + col]! /= p);
      if (f === 0) continue;
      for (let c = col + 1; c < m; c++) a[r * m + c]! -= f * a[col * m + c]!;
    }
  }
  /** Solves in place: rhs becomes x. */
  const solve = (rhs: Float64Array) => {
    const y = Float64Array.from(perm, (p) => rhs[p]!);
    for (let r = 0; r < m; r++) for (let c = 0; c < r; c++) y[r]! -= a[r * m + c]! * y[c]!;
    for (let r = m - 1; r >= 0; r--) {
      let sum = y[r]!;
      for (let c = r + 1; c < m; c++) sum -= a[r * m + c]! * y[c]!;
      y[r] = sum / a[r * m + r]!;
    }
    rhs.set(y);
  };
  return { solve };
}

/**
 * The share of each state's visits that are first visits: the chance of ever reaching it over its expected visits,
 * which is 1 / N_ss, the inverse of the visits of s counted from s itself (1 outside loops; 1 - p for a step that
 * repeats itself with chance p). A rework loop makes every later pass a repeat (Lean: rework is waste).
 */
export function firstVisitShares(chain: Chain): Float64Array {
  const n = chain.succ.length;
  const share = new Float64Array(n).fill(1);
  const comps = components(chain.succ);
  const compOf = componentIndex(comps, n);
  comps.forEach((comp, k) => {
    if (comp.length === 1) {
      const s = comp[0]!;
      chain.succ[s]!.forEach((t, e) => {
        if (t === s) share[s]! -= chain.weight[s]![e]!;
      });
      return;
    }
    const local = new Map<number, number>(comp.map((s, i) => [s, i]));
    const lu = comp.length > DENSE_LIMIT ? null : factorComponent(chain, comp, local, compOf, k);
    comp.forEach((s, i) => {
      // N_ss: the visits of s when one customer starts at s.
      if (lu) {
        const rhs = new Float64Array(comp.length);
        rhs[i] = 1;
        lu.solve(rhs);
        share[s] = 1 / rhs[i];
      } else {
        const inflow = new Float64Array(n);
        const x = new Float64Array(n);
        inflow[s] = 1;
        gaussSeidel(chain, comp, local, compOf, k, inflow, x);
        share[s] = 1 / x[s]!;
      }
    });
  });
  return share;
}

/** For very large loops: iterate x = b + Qᵀx until it no longer changes (it converges since every loop can be left). */
function gaussSeidel(
  chain: Chain,
  comp: number[],
  local: Map<number, number>,
  compOf: Int32Array,
  k: number,
  inflow: Float64Array,
  x: Float64Array,
): void {
  const into: [number, number][][] = comp.map(() => []);
  for (const s of comp) {
    chain.succ[s]!.forEach((t, e) => {
      if (compOf[t] === k) into[local.get(t)!]!.push([s, chain.weight[s]![e]!]);
    });
  }
  for (let iteration = 0; iteration < 1_000_000; iteration++) {
    let change = 0;
    let size = 0;
    comp.forEach((s, i) => {
      let value = inflow[s]!;
      for (const [from, w] of into[i]!) value += w * x[from]!;
      change = Math.max(change, Math.abs(value - x[s]!));
      size = Math.max(size, Math.abs(value));
      x[s] = value;
    });
    if (change <= 1e-13 * (1 + size)) return;
  }
  // Not converged after a million sweeps: only a loop whose way out is all but closed gets here. x holds the last
  // sweep, an underestimate of the visits; validation is to refuse such loops before they reach the solver.
}
