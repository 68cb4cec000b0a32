// Scoring speed: the exact analysis plus a 10,000-customer simulation on generated maps of 500, 5,000 and 20,000
// steps. Loading (YAML parsing and validation) is timed apart, as is the whole `cxmap score` command on 5,000
// steps. The goal: a 5,000-step map scored in under 2 s, with time growing about linearly in the number of steps.
// Usage: npm run build && node bench/score-scaling.js
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { generateMap } from './generate-map.js';
import { loadText } from '../dist/load/index.js';
import { analyze, analyzeInParallel } from '../dist/analysis/index.js';

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const best = (times) => Math.min(...times);

const rows = [];
for (const size of [500, 5_000, 20_000]) {
  const yaml = generateMap(size);
  const loads = [];
  const scores = [];
  const parallel = [];
  let map;
  for (let k = 0; k < 3; k++) {
    let t = process.hrtime.bigint();
    map = loadText(yaml, 'bench').map;
    loads.push(ms(t));
    t = process.hrtime.bigint();
    analyze(map, { runs: 10_000, seed: 1 });
    scores.push(ms(t));
    t = process.hrtime.bigint();
    await analyzeInParallel(map, { runs: 10_000, seed: 1 });
    parallel.push(ms(t));
  }
  rows.push({ steps: map.steps.length, load: best(loads), score: best(scores), parallel: best(parallel) });
}

console.log('steps   load (ms)   score, 1 thread (ms)   per 1,000 steps   score, all cores (ms)   speed-up');
for (const r of rows) {
  console.log(
    `${String(r.steps).padStart(6)}  ${r.load.toFixed(0).padStart(9)}   ${r.score.toFixed(0).padStart(20)}   ${((r.score / r.steps) * 1000).toFixed(0).padStart(15)}   ${r.parallel.toFixed(0).padStart(21)}   ${(r.score / r.parallel).toFixed(2).padStart(8)}`,
  );
}
const [small, mid, large] = rows;
console.log(
  `growth of scoring time: x${(mid.score / small.score).toFixed(1)} for x${(mid.steps / small.steps).toFixed(0)} steps, x${(large.score / mid.score).toFixed(1)} for x${(large.steps / mid.steps).toFixed(0)} steps (linear would be the same factors)`,
);

const dir = mkdtempSync(join(tmpdir(), 'cxmap-bench-'));
const file = join(dir, 'generated.cxmap.yaml');
writeFileSync(file, generateMap(5_000));
const command = [];
for (let k = 0; k < 3; k++) {
  const t = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    [new URL('../bin/cxmap.cjs', import.meta.url).pathname, 'score', file, '--format', 'json'],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  command.push(ms(t));
}
rmSync(dir, { recursive: true, force: true });
console.log(
  `whole command, cxmap score on ${mid.steps} steps with 10,000 runs: ${best(command).toFixed(0)} ms (best of 3)`,
);
console.log(
  mid.parallel < 2000 ? 'OK: 5,000 steps scored in under 2 s' : 'SLOW: 5,000 steps took 2 s or more to score',
);
process.exitCode = mid.parallel < 2000 ? 0 : 1;
