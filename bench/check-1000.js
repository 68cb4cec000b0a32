// `cxmap check` on 1,000 generated maps of about 40 steps, against the floor of a plain Node script that only
// reads and parses the same files with `yaml`, both measured in the same run (alternately). Goal: the check costs
// at most 2 times the floor.
// Usage: node bench/check-1000.js [runs]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMap } from './generate-map.js';

const runs = Number(process.argv[2] ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cxmap-bench-check-'));
mkdirSync(join(dir, 'maps'));
for (let i = 0; i < 1000; i++)
  writeFileSync(join(dir, 'maps', `map-${String(i).padStart(4, '0')}.cxmap.yaml`), generateMap(41, `Process ${i}`));

// The floor: find the same files, read and parse each with yaml, in one process.
const floorScript = join(dir, 'floor.mjs');
writeFileSync(
  floorScript,
  `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from ${JSON.stringify(join(root, 'node_modules/yaml/dist/index.js'))};
let n = 0;
for (const f of readdirSync('maps').sort()) n += parseDocument(readFileSync(join('maps', f), 'utf8')).contents ? 1 : 0;
if (n !== 1000) process.exit(1);
`,
);

const time = (cmd, args) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
};
const floor = [];
const check = [];
for (let i = 0; i < runs; i++) {
  floor.push(time(process.execPath, [floorScript]));
  check.push(time(process.execPath, [join(root, 'bin/cxmap.cjs'), 'check', '--format', 'json']));
}
rmSync(dir, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`floor (read + yaml parse, 1,000 maps): median ${median(floor).toFixed(2)} s over ${runs} runs`);
console.log(`cxmap check (1,000 maps of ~40 steps):  median ${median(check).toFixed(2)} s`);
const ratio = median(check) / median(floor);
console.log(`cxmap check costs ${ratio.toFixed(2)}x the floor (goal: at most 2x)`);
process.exitCode = ratio <= 2 ? 0 : 1;
