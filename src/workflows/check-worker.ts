/** A worker thread of `cxmap check`: checks its share of the files and reports each one done. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFiles, type CheckJob } from './check.js';

const { paths, job } = workerData as { paths: string[]; job: CheckJob };
try {
  const results = checkFiles(paths, job, () => parentPort!.postMessage({ tick: true }));
  parentPort!.postMessage({ results });
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
}
