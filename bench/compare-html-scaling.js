// Large maps: `cxmap compare` (text) and `cxmap report --format html` on generated maps of 1,000, 5,000 and 20,000
// steps, each the whole command (one run each). The after map differs from the before map in the work of one
// step in eight, so compare has changes to list. The growth factor is how much the time per step grew from 1,000
// to 20,000 steps: 1 is linear. The goal: at most 1.5 for both commands (exit 1 above it).
// Usage: npm run build && node bench/compare-html-scaling.js
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { generateMap } from './generate-map.js';

const dir = mkdtempSync(join(tmpdir(), 'cxmap-bench-'));
const cli = new URL('../bin/cxmap.cjs', import.meta.url).pathname;
const seconds = (args) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`cxmap ${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
};

const rows = [];
for (const size of [1_000, 5_000, 20_000]) {
  const before = join(dir, `m${size}.cxmap.yaml`);
  const after = join(dir, `m${size}.to-be.cxmap.yaml`);
  const map = generateMap(size);
  writeFileSync(before, map);
  writeFileSync(after, map.replace(/work: 10m/g, 'work: 12m'));
  const compare = seconds(['compare', before, after, '-o', join(dir, `compare-${size}.txt`)]);
  const report = seconds(['report', before, '--format', 'html', '--out', join(dir, 'out')]);
  rows.push({ size, compare, report });
}
rmSync(dir, { recursive: true, force: true });

console.log('steps   compare (s)   growth   report html (s)   growth');
rows.forEach((r, k) => {
  const growth = (key) => (k === 0 ? '' : ((r[key] / rows[k - 1][key]) * (rows[k - 1].size / r.size)).toFixed(2));
  console.log(
    `${String(r.size).padStart(6)}  ${r.compare.toFixed(1).padStart(11)}   ${growth('compare').padStart(6)}   ${r.report.toFixed(1).padStart(15)}   ${growth('report').padStart(6)}`,
  );
});
const [small, , large] = rows;
const factor = (key) => (large[key] / small[key]) * (small.size / large.size);
console.log(
  `\ngrowth factor of the time per step from 1,000 to 20,000 steps: compare ${factor('compare').toFixed(2)}, report html ${factor('report').toFixed(2)}`,
);
const ok = factor('compare') <= 1.5 && factor('report') <= 1.5;
console.log(ok ? 'OK: about linear' : 'TOO SLOW: more than 1.5 (quadratic work is back)');
process.exitCode = ok ? 0 : 1;
