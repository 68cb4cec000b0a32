// Runs every benchmark in bench/ one after the other (`npm run bench`), each against the floor or peer it measures
// in the same run; exits 1 when any of them misses its goal. Takes several minutes on two cores.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BENCHES = [
  'validate-startup.js',
  'score-scaling.js',
  'check-1000.js',
  'opportunities-scaling.js',
  'compare-html-scaling.js',
  'serve-first-event.js',
  'report-one-call.js',
  'render-vs-mmdc.js',
  'deck-four-examples.js',
  'png-four-examples.js',
  'pdf-large.js',
];

let failed = 0;
for (const bench of BENCHES) {
  console.log(`\n# node bench/${bench}`);
  const { status } = spawnSync(process.execPath, [`bench/${bench}`], { cwd: root, stdio: 'inherit' });
  if (status !== 0) failed++;
}
console.log(`\n${BENCHES.length - failed} of ${BENCHES.length} benchmarks met their goal`);
process.exitCode = failed > 0 ? 1 : 0;
