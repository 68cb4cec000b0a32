// How long `cxmap validate` takes on one small map, from process start to exit, against the floor of
// starting Node itself (`node -e 0`) measured in the same run. Goal: at most twice the floor (median of 10 runs
// each, alternated). Exit 1 when the goal is missed.
// Usage: node bench/validate-startup.js [runs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 10);
const root = fileURLToPath(new URL('..', import.meta.url));
const commands = {
  'node -e 0 (floor)': [process.execPath, '-e', '0'],
  'cxmap validate home-loan': [process.execPath, 'bin/cxmap.cjs', 'validate', 'examples/home-loan.cxmap.yaml'],
};

const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  // Alternate the commands so that a noisy moment hits both alike.
  for (const [name, [cmd, ...args]] of Object.entries(commands)) {
    const start = process.hrtime.bigint();
    const result = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const [floor, validate] = Object.values(times).map(median);
for (const [name, xs] of Object.entries(times))
  console.log(`${name.padEnd(28)} median ${median(xs).toFixed(0)} ms over ${runs} runs`);
const ratio = validate / floor;
console.log(`cxmap validate costs ${ratio.toFixed(2)}x starting Node; ${(validate - floor).toFixed(0)} ms of its own`);
console.log(ratio <= 2 ? 'OK: at most 2x starting Node' : 'SLOW: more than 2x starting Node');
process.exitCode = ratio <= 2 ? 0 : 1;
