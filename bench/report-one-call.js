// `cxmap report` on all four examples in one call (one start of Node and of the simulation's workers) against one
// call per map, measured alternately in the same run. The HTML report needs no browser: cxmap draws its pictures.
// Goal: one call for all the examples takes a few seconds and clearly less than one call per map.
// Usage: node bench/report-one-call.js [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));
const maps = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'].map(
  (n) => `examples/${n}.cxmap.yaml`,
);
const out = mkdtempSync(join(tmpdir(), 'cxmap-bench-report-'));
const cxmap = (args) => {
  const result = spawnSync(process.execPath, ['bin/cxmap.cjs', 'report', ...args, '--out', out], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`cxmap report failed: ${result.stderr}`);
};
const time = (work) => {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

const together = [];
const apart = [];
for (let i = 0; i < runs; i++) {
  together.push(time(() => cxmap(maps)));
  apart.push(time(() => maps.forEach((m) => cxmap([m]))));
}
rmSync(out, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`one call, 4 maps:    median ${median(together).toFixed(2)} s over ${runs} runs`);
console.log(`4 calls, one map each: median ${median(apart).toFixed(2)} s`);
const ratio = median(together) / median(apart);
console.log(`one call takes ${ratio.toFixed(2)}x the time of one call per map (goal: under 1)`);
process.exitCode = ratio < 1 ? 0 : 1;
