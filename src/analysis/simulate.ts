/**
 * Monte Carlo simulation of customers going through the map: every duration is drawn from its range or estimate,
 * choices and rework loops are followed by their chances, and a join waits for the slowest branch; an end inside
 * parallel work ends the case when it comes before the other branches' ends (on a tie, the branch written first). Gives the
 * spread of the lead time (percentiles) and how often each step lies on the critical path. Seeded: the same seed
 * gives the same figures.
 */
import type { Flow } from '../model/index.js';

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
  /** For each step marked as a milestone, in map order: the share of runs that get there, and when it is done. */
  milestones: SimulatedMilestone[];
}

export interface SimulatedMilestone {
  step: number;
  reached: number;
  /** Over the runs that reach it (0 when none does). */
  mean: number;
  p50: number;
  p85: number;
  p95: number;
}

/** A run that visits more steps than this is stopped: a safety net against near-certain loops. */
const MAX_VISITS_PER_RUN = 1_000_000;

/**
 * sfc32, a small fast generator with a 128-bit state (from Chris Doty-Humphrey's PractRand), filling a buffer of
 * uniform numbers in [0, 1) at a time, so that the simulation's inner loop only reads an array.
 */
export function randomStream(seed: number): { buffer: Float64Array; refill(): void } {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const buffer = new Float64Array(4096);
  const refill = () => {
    for (let k = 0; k < buffer.length; k++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      buffer[k] = (t >>> 0) / 4294967296;
    }
  };
  refill();
  refill(); // the first numbers of a fresh state are the least mixed: skip a buffer's worth
  return { buffer, refill };
}

const UNIFORM = 1;
const TRIANGULAR = 2;
/** Constants kept per random part of a step. */
const SLOT = 5;

/**
 * A step's wait and work, flattened for the inner loop: the sum of their fixed parts, and for each random part
 * (at most two per step) its kind and the constants of its inverse distribution function.
 */
function pack(flow: Flow) {
  const n = flow.steps.length;
  const fixed = new Float64Array(n);
  const randomParts = new Uint8Array(n);
  const kind = new Uint8Array(2 * n);
  const c = new Float64Array(2 * SLOT * n);
  flow.steps.forEach((step, i) => {
    for (const d of [step.wait, step.work]) {
      if (d.kind === 'fixed') fixed[i]! += d.value;
      // Little's law gives the average wait of a queue: it is simulated at that average.
      else if (d.kind === 'queue') fixed[i]! += d.queue / d.perSecond;
      else {
        const slot = 2 * i + randomParts[i]!++;
        if (d.kind === 'uniform') {
          kind[slot] = UNIFORM;
          c.set([d.min, d.max - d.min], SLOT * slot);
        } else {
          // Inverse of the triangular distribution function, whose value at `likely` is (likely - min) / (max - min).
          kind[slot] = TRIANGULAR;
          const width = d.max - d.min;
          c.set(
            [(d.likely - d.min) / width, d.min, width * (d.likely - d.min), width * (d.max - d.likely), d.max],
            SLOT * slot,
          );
        }
      }
    }
  });
  return { fixed, randomParts, kind, c };
}

/** Runs are simulated in chunks of this many, each with a seed of its own, so that chunks can run in parallel. */
const CHUNK = 2500;

/**
 * What one chunk of runs leaves: lead times, how many runs each step was on the critical path in, and when each
 * run first finished each milestone (run * milestones + k; NaN when it never got there).
 */
export interface ChunkResult {
  leadTimes: Float64Array;
  onPath: Float64Array;
  milestoneTimes: Float64Array;
  stoppedRuns: number;
}

/** The steps marked as milestones, in map order. */
const milestoneSteps = (flow: Flow) => flow.steps.filter((s) => s.milestone !== undefined).map((s) => s.index);

/** Mean and nearest-rank percentiles of some times, sorted in place. */
export function spread(times: Float64Array) {
  times.sort();
  const at = (p: number) => (times.length > 0 ? times[Math.max(0, Math.ceil(p * times.length) - 1)]! : 0);
  const sum = times.reduce((a, b) => a + b, 0);
  return { mean: times.length > 0 ? sum / times.length : 0, p50: at(0.5), p85: at(0.85), p95: at(0.95) };
}

/** The chunks of a simulation: their sizes and seeds, fixed by the options alone. */
export function chunksOf(options: SimulationOptions): { runs: number; seed: number }[] {
  const chunks = [];
  for (let k = 0; k * CHUNK < options.runs; k++) {
    // A seed per chunk, mixed from the user's seed and the chunk's number (the constants of Murmur3's finalizer).
    let h = (options.seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    chunks.push({ runs: Math.min(CHUNK, options.runs - k * CHUNK), seed: (h ^ (h >>> 16)) >>> 0 });
  }
  return chunks;
}

/** The simulation, all chunks in this thread. */
export function simulate(flow: Flow, options: SimulationOptions): Simulation {
  return summarize(
    flow,
    options,
    chunksOf(options).map((chunk) => simulateChunk(flow, chunk.runs, chunk.seed)),
  );
}

/** Puts the chunks together, in chunk order, into the figures of the whole simulation. */
export function summarize(flow: Flow, options: SimulationOptions, parts: ChunkResult[]): Simulation {
  const leadTimes = new Float64Array(options.runs);
  const onPath = new Float64Array(flow.steps.length);
  let offset = 0;
  let stoppedRuns = 0;
  for (const part of parts) {
    leadTimes.set(part.leadTimes, offset);
    offset += part.leadTimes.length;
    part.onPath.forEach((count, i) => (onPath[i]! += count));
    stoppedRuns += part.stoppedRuns;
  }
  const milestones = milestoneSteps(flow).map((step, k, all) => {
    const times: number[] = [];
    for (const part of parts)
      for (let at = k; at < part.milestoneTimes.length; at += all.length)
        if (!Number.isNaN(part.milestoneTimes[at])) times.push(part.milestoneTimes[at]!);
    return { step, reached: times.length / options.runs, ...spread(Float64Array.from(times)) };
  });
  return {
    runs: options.runs,
    seed: options.seed,
    ...spread(leadTimes),
    criticality: onPath.map((count) => count / options.runs),
    stoppedRuns,
    milestones,
  };
}

export function simulateChunk(flow: Flow, runs: number, seed: number): ChunkResult {
  const { steps } = flow;
  const n = steps.length;
  const random = randomStream(seed);
  const rnd = random.buffer;
  let r = 0;
  const { fixed, randomParts, kind, c } = pack(flow);
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

  const leadTimes = new Float64Array(runs);
  const onPath = new Float64Array(n);
  const seenInRun = new Int32Array(n).fill(-1);
  // Milestones: when each was first reached and done in this run; one reached after another branch ended the
  // case was never reached.
  const milestones = milestoneSteps(flow);
  const M = milestones.length;
  const slotOf = new Int32Array(n).fill(-1);
  milestones.forEach((i, k) => (slotOf[i] = k));
  const milestoneTimes = new Float64Array(runs * M).fill(NaN);
  const milestoneArrival = new Float64Array(M);
  const milestoneRun = new Int32Array(M).fill(-1);
  // Inside parallel work, the steps of the current branch are kept on a stack until the slowest branch is known.
  let path = new Int32Array(1024);
  // The parallel blocks being simulated, innermost last: the split, the branch running now, when the block
  // started, the slowest arrival at the join so far, the earliest end of the case inside the block so far (when the
  // end step was reached, and when it was done), and where the block's part of the critical path starts in the path
  // stack and how long the part kept so far is: the earliest end's branch if any branch ended the case, else the
  // slowest branch.
  const nesting = Math.max(1, flow.regions.length);
  const blockSplit = new Int32Array(nesting);
  const blockBranch = new Int32Array(nesting);
  const blockStart = new Float64Array(nesting);
  const blockSlowest = new Float64Array(nesting);
  const blockEndAt = new Float64Array(nesting);
  const blockEndDone = new Float64Array(nesting);
  const blockBase = new Int32Array(nesting);
  const blockKept = new Int32Array(nesting);
  let stoppedRuns = 0;

  run: for (let run = 0; run < runs; run++) {
    let i = flow.map.start;
    let time = 0;
    let pathLength = 0;
    let visits = 0;
    let depth = 0;
    for (;;) {
      if (++visits > MAX_VISITS_PER_RUN) {
        stoppedRuns++;
        break;
      }
      const arrival = time;
      time += fixed[i]!;
      for (let slot = 2 * i, last = slot + randomParts[i]!; slot < last; slot++) {
        if (r === rnd.length) {
          random.refill();
          r = 0;
        }
        const u = rnd[r++]!;
        const k = SLOT * slot;
        if (kind[slot] === UNIFORM) time += c[k]! + c[k + 1]! * u;
        else time += u < c[k]! ? c[k + 1]! + Math.sqrt(u * c[k + 2]!) : c[k + 4]! - Math.sqrt((1 - u) * c[k + 3]!);
      }
      const slot = slotOf[i]!;
      if (slot >= 0 && milestoneRun[slot] !== run) {
        milestoneRun[slot] = run;
        milestoneArrival[slot] = arrival;
        milestoneTimes[run * M + slot] = time;
      }
      if (depth === 0) {
        if (seenInRun[i] !== run) {
          seenInRun[i] = run;
          onPath[i]!++;
        }
      } else {
        if (pathLength === path.length) {
          const bigger = new Int32Array(path.length * 2);
          bigger.set(path);
          path = bigger;
        }
        path[pathLength++] = i;
      }
      if (join[i]! >= 0) {
        blockSplit[depth] = i;
        blockBranch[depth] = 0;
        blockStart[depth] = time;
        blockSlowest[depth] = -Infinity;
        blockEndAt[depth] = Infinity;
        blockBase[depth] = pathLength;
        blockKept[depth] = 0;
        depth++;
        i = branches[i]![0]!;
        continue;
      }
      const from = choiceStart[i]!;
      const to = choiceStart[i + 1]!;
      // An end step: the customer is done; inside parallel work, this branch ends the case when it gets there first.
      let endAt = -1;
      if (from === to) {
        if (depth === 0) break;
        endAt = arrival;
      } else {
        if (to - from === 1) {
          i = choiceTo[from]!;
        } else {
          if (r === rnd.length) {
            random.refill();
            r = 0;
          }
          const u = rnd[r++]!;
          let k = from;
          while (u >= choiceCumulative[k]!) k++;
          i = choiceTo[k]!;
        }
        if (depth === 0 || i !== join[blockSplit[depth - 1]!]) continue;
      }
      // A branch of the innermost block is done: it ended the case (endAt >= 0) or arrived at the join. Start the
      // next branch, or leave the block: at its earliest end (a branch of the block around it ends there too) or at
      // its join, which may be the join of the block around it as well.
      for (;;) {
        const b = depth - 1;
        const base = blockBase[b]!;
        const branchStart = base + blockKept[b]!;
        const decides = endAt >= 0 ? endAt < blockEndAt[b]! : blockEndAt[b] === Infinity && time > blockSlowest[b]!;
        if (decides) {
          // This branch decides the block so far: its steps (from branchStart) move down to the block's base, over
          // the previous deciding branch's, so that the path stack holds the block's critical path and nothing else.
          path.copyWithin(base, branchStart, pathLength);
          blockKept[b] = pathLength - branchStart;
        }
        if (endAt < 0) blockSlowest[b] = Math.max(blockSlowest[b]!, time);
        else if (decides) {
          blockEndAt[b] = endAt;
          blockEndDone[b] = time;
        }
        pathLength = base + blockKept[b]!;
        const next = branches[blockSplit[b]!]![++blockBranch[b]!];
        if (next !== undefined) {
          i = next;
          time = blockStart[b]!;
          break;
        }
        depth--;
        if (depth === 0) {
          for (let k = base; k < pathLength; k++) {
            const s = path[k]!;
            if (seenInRun[s] !== run) {
              seenInRun[s] = run;
              onPath[s]!++;
            }
          }
          pathLength = 0;
        }
        if (blockEndAt[b]! < Infinity) {
          endAt = blockEndAt[b]!;
          for (let k = 0; k < M; k++)
            if (milestoneRun[k] === run && milestoneArrival[k]! > endAt) {
              milestoneRun[k] = -1;
              milestoneTimes[run * M + k] = NaN;
            }
          time = blockEndDone[b]!;
          if (depth === 0) {
            leadTimes[run] = time;
            continue run;
          }
          continue;
        }
        endAt = -1;
        time = blockSlowest[b]!;
        i = join[blockSplit[b]!]!;
        if (depth === 0 || i !== join[blockSplit[depth - 1]!]) break;
      }
    }
    leadTimes[run] = time;
  }
  return { leadTimes, onPath, milestoneTimes, stoppedRuns };
}
