/** A worker thread that simulates some chunks of runs of a map (see simulate-parallel.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { ProcessMap } from '../load/index.js';
import { buildFlow } from '../model/index.js';
import { simulateChunk } from './simulate.js';

const { map, chunks } = workerData as { map: ProcessMap; chunks: { runs: number; seed: number }[] };
const flow = buildFlow(map);
const results = chunks.map((chunk) => simulateChunk(flow, chunk.runs, chunk.seed));
parentPort!.postMessage(
  results,
  results.flatMap((r) => [r.leadTimes, r.onPath, r.milestoneTimes].map((a) => a.buffer as ArrayBuffer)),
);
