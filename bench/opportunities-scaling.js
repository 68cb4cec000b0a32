// Finding and scoring opportunities as maps grow: `cxmap report --format md` and `cxmap improve --apply recommended` on
// generated maps of 250, 1,000, 5,000 and 20,000 steps, each the whole command (one run each; the largest take
// tens of seconds). The growth factor between two sizes is how much the time per step grew: 1 is linear, and the
// rules used to be quadratic (a factor of about 4 from 250 to 1,000 steps). The goal: a factor of at most 1.5
// from 1,000 to 20,000 steps for both commands (the simulation and the YAML work are linear, with some fixed
// cost at the small end).
// Usage: npm run build && node bench/opportunities-scaling.js
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
for (const size of [250, 1_000, 5_000, 20_000]) {
  const file = join(dir, `m${size}.cxmap.yaml`);
  writeFileSync(file, generateMap(size));
  const report = seconds(['report', file, '--format', 'md', '--out', join(dir, 'out')]);
  const improve = seconds(['improve', file, '--apply', 'recommended', '-o', join(dir, `to-be-${size}.cxmap.yaml`)]);
  rows.push({ size, report, improve });
}
rmSync(dir, { recursive: true, force: true });

console.log('steps   report md (s)   growth   improve --apply recommended (s)   growth');
rows.forEach((r, k) => {
  const growth = (key) => (k === 0 ? '' : ((r[key] / rows[k - 1][key]) * (rows[k - 1].size / r.size)).toFixed(2));
  console.log(
    `${String(r.size).padStart(6)}  ${r.report.toFixed(1).padStart(13)}   ${growth('report').padStart(6)}   ${r.improve.toFixed(1).padStart(23)}   ${growth('improve').padStart(6)}`,
  );
});
const [, small, , large] = rows;
const factor = (key) => (large[key] / small[key]) * (small.size / large.size);
console.log(
  `\ngrowth factor of the time per step from 1,000 to 20,000 steps: report ${factor('report').toFixed(2)}, improve ${factor('improve').toFixed(2)}`,
);
const ok = factor('report') <= 1.5 && factor('improve') <= 1.5;
console.log(ok ? 'OK: about linear' : 'TOO SLOW: more than 1.5 (quadratic work is back)');
process.exitCode = ok ? 0 : 1;
