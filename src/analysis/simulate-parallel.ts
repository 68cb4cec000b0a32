/**
 * The simulation spread over worker threads when it is large enough to pay for them (about 100 ms to start a
 * worker here). The chunks and their seeds are fixed by the options, and their results are put together in chunk
 * order, so the figures are the same, to the bit, as those of `simulate` in one thread.
 */
import { availableParallelism } from 'node:os';
import type { Flow } from '../model/index.js';
import {
  chunksOf,
  simulate,
  summarize,
  type ChunkResult,
  type Simulation,
  type SimulationOptions,
} from './simulate.js';

/** Below this many simulated step visits (runs x steps), one thread is faster than starting workers. */
export const PARALLEL_FROM = 10_000_000;

// The worker runs compiled JavaScript; the path holds from src/analysis and from dist/analysis.
const WORKER = new URL('../../dist/analysis/simulate-worker.js', import.meta.url);

/** How many workers `simulateInParallel` starts for this simulation on this many threads; 1: none, it runs here. */
export function workersFor(flow: Flow, options: SimulationOptions, threads: number): number {
  const workers = Math.min(threads, chunksOf(options).length, 8);
  return workers < 2 || options.runs * flow.steps.length < PARALLEL_FROM ? 1 : workers;
}

export async function simulateInParallel(
  flow: Flow,
  options: SimulationOptions,
  threads = availableParallelism(),
): Promise<Simulation> {
  const chunks = chunksOf(options);
  const workers = workersFor(flow, options, threads);
  if (workers === 1) return simulate(flow, options);
  // Loaded only here: most runs never start a worker, and every command's start-up would pay for it.
  const { Worker } = await import('node:worker_threads');
  // Worker w takes chunks w, w + workers, w + 2 * workers...
  const shares = Array.from({ length: workers }, (_, w) =>
    chunks.map((c, k) => ({ c, k })).filter(({ k }) => k % workers === w),
  );
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<ChunkResult[]>((resolve, reject) => {
          const worker = new Worker(WORKER, { workerData: { map: flow.map, chunks: share.map(({ c }) => c) } });
          worker.once('message', (message: ChunkResult[]) => {
            resolve(message);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  const parts = new Array<ChunkResult>(chunks.length);
  shares.forEach((share, w) => share.forEach(({ k }, j) => (parts[k] = results[w]![j]!)));
  return summarize(flow, options, parts);
}
