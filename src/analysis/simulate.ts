/**
 * Monte Carlo simulation of customers going through the map: every duration is drawn from its range or estimate,
 * choices and rework loops are followed by their chances, and a join waits for the slowest branch. Gives the
 * spread of the lead time (percentiles) and how often each step lies on the critical path. Seeded: the same seed
 * gives the same figures.
 */
import type { Distribution } from '../load/duration.js';
import type { Flow } from '../model/flow.js';

export interface SimulationOptions {
  runs: number;
  seed: number;
}

export interface Simulation {
  runs: number;
  seed: number;
  mean: number;
  p50: number;
  p85: number;
  p95: number;
  /** Share of runs in which each step lies on the critical path. */
  criticality: Float64Array;
  /** Runs stopped because they went round rework loops more than the limit (then counted as they stood). */
  stoppedRuns: number;
}

/** A run that visits more steps than this is stopped: a safety net against near-certain loops. */
const MAX_VISITS_PER_RUN = 1_000_000;

/** sfc32: a small, fast generator with a 128-bit state (Chris Doty-Humphrey's PractRand suite). */
function generator(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const FIXED = 0;
const UNIFORM = 1;
const TRIANGULAR = 2;

/** Distributions flattened into typed arrays: kind, and three parameters. */
function pack(list: Distribution[]) {
  const kind = new Uint8Array(list.length);
  const p = new Float64Array(list.length * 3);
  list.forEach((d, i) => {
    switch (d.kind) {
      case 'fixed': p[3 * i] = d.value; break;
      // Little's law gives the average wait of a queue: it is simulated at that average.
      case 'queue': p[3 * i] = d.queue / d.perSecond; break;
      case 'uniform': kind[i] = UNIFORM; p[3 * i] = d.min; p[3 * i + 1] = d.max; break;
      case 'triangular': kind[i] = TRIANGULAR; p[3 * i] = d.min; p[3 * i + 1] = d.likely; p[3 * i + 2] = d.max; break;
    }
  });
  return { kind, p };
}

export function simulate(flow: Flow, options: SimulationOptions): Simulation {
  const { steps } = flow;
  const n = steps.length;
  const random = generator(options.seed);
  const wait = pack(steps.map((s) => s.wait));
  const work = pack(steps.map((s) => s.work));
  const draw = (d: { kind: Uint8Array; p: Float64Array }, i: number): number => {
    const a = d.p[3 * i]!;
    switch (d.kind[i]) {
      case FIXED: return a;
      case UNIFORM: return a + (d.p[3 * i + 1]! - a) * random();
      default: {
        const c = d.p[3 * i + 1]!;
        const b = d.p[3 * i + 2]!;
        const u = random();
        return u < (c - a) / (b - a) ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
      }
    }
  };
  // Choices as cumulative chances; splits as their branches and join.
  const choiceStart = new Int32Array(n + 1);
  const choiceTo: number[] = [];
  const choiceCumulative: number[] = [];
  const join = new Int32Array(n).fill(-1);
  steps.forEach((s, i) => {
    choiceStart[i] = choiceTo.length;
    if (s.next.kind === 'choice') {
      let sum = 0;
      for (const c of s.next.choices) {
        sum += c.chance;
        choiceTo.push(c.to);
        choiceCumulative.push(sum);
      }
      choiceCumulative[choiceCumulative.length - 1] = Infinity; // rounding never drops a customer
    } else if (s.next.kind === 'all') {
      join[i] = s.next.join;
    }
  });
  choiceStart[n] = choiceTo.length;
  const branches = steps.map((s) => (s.next.kind === 'all' ? s.next.branches : []));

  // The critical path of the current run, as a stack of step indexes.
  let path = new Int32Array(1024);
  let pathLength = 0;
  const push = (i: number) => {
    if (pathLength === path.length) {
      const bigger = new Int32Array(path.length * 2);
      bigger.set(path);
      path = bigger;
    }
    path[pathLength++] = i;
  };
  let visitsThisRun = 0;
  let stopped = false;

  /** Walks from step i until `exit` (a join) or an end step; returns the time it finishes. */
  const walk = (start: number, exit: number, time: number): number => {
    let i = start;
    while (i !== exit) {
      if (++visitsThisRun > MAX_VISITS_PER_RUN) {
        stopped = true;
        return time;
      }
      time += draw(wait, i) + draw(work, i);
      push(i);
      const j = join[i]!;
      if (j >= 0) {
        // Each branch writes its path after the slowest so far; the slowest is kept at `base`.
        const base = pathLength;
        let slowest = -Infinity;
        let slowestLength = 0;
        for (const b of branches[i]!) {
          const from = pathLength;
          const finish = walk(b, j, time);
          if (finish > slowest) {
            path.copyWithin(base, from, pathLength);
            slowestLength = pathLength - from;
            slowest = finish;
          }
          pathLength = base + slowestLength;
        }
        time = slowest;
        i = j;
        continue;
      }
      const from = choiceStart[i]!;
      const to = choiceStart[i + 1]!;
      if (from === to) return time; // an end step
      if (to - from === 1) {
        i = choiceTo[from]!;
        continue;
      }
      const u = random();
      let k = from;
      while (u >= choiceCumulative[k]!) k++;
      i = choiceTo[k]!;
    }
    return time;
  };

  const leadTimes = new Float64Array(options.runs);
  const onPath = new Float64Array(n);
  const seenInRun = new Int32Array(n).fill(-1);
  let stoppedRuns = 0;
  for (let run = 0; run < options.runs; run++) {
    pathLength = 0;
    visitsThisRun = 0;
    stopped = false;
    leadTimes[run] = walk(flow.map.start, -1, 0);
    if (stopped) stoppedRuns++;
    for (let k = 0; k < pathLength; k++) {
      const i = path[k]!;
      if (seenInRun[i] !== run) {
        seenInRun[i] = run;
        onPath[i]!++;
      }
    }
  }
  let sum = 0;
  for (const t of leadTimes) sum += t;
  leadTimes.sort();
  const percentile = (p: number) => leadTimes[Math.max(0, Math.ceil(p * options.runs) - 1)]!;
  return {
    runs: options.runs,
    seed: options.seed,
    mean: sum / options.runs,
    p50: percentile(0.5),
    p85: percentile(0.85),
    p95: percentile(0.95),
    criticality: onPath.map((count) => count / options.runs),
    stoppedRuns,
  };
}
