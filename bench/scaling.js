// What the scaling benchmarks share: each command timed whole on generated maps of growing size, a table with the
// growth of the time per step between sizes (1 is linear), and a goal of at most 1.5 from 1,000 to 20,000 steps
// (exit 1 above it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const GOAL = 1.5;

/**
 * Runs `measure(size, dir, seconds)` for each size, where `seconds(args)` times one whole `cxmap` call in `dir`, and
 * prints the times of the `columns` ({ key, label }) with their growth; the goal holds between 1,000 and 20,000 steps.
 */
export function scaling(sizes, columns, measure) {
  const dir = mkdtempSync(join(tmpdir(), 'cxmap-bench-'));
  const cli = new URL('../bin/cxmap.cjs', import.meta.url).pathname;
  const seconds = (args) => {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`cxmap ${args.join(' ')} failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  const rows = sizes.map((size) => ({ size, ...measure(size, dir, seconds) }));
  rmSync(dir, { recursive: true, force: true });

  console.log(['steps', ...columns.flatMap((c) => [`${c.label} (s)`, 'growth'])].join('   '));
  rows.forEach((r, k) => {
    const growth = (key) => (k === 0 ? '' : ((r[key] / rows[k - 1][key]) * (rows[k - 1].size / r.size)).toFixed(2));
    const cells = columns.flatMap((c) => [r[c.key].toFixed(1).padStart(c.label.length + 4), growth(c.key).padStart(6)]);
    console.log([String(r.size).padStart(5), ...cells].join('   '));
  });
  const small = rows.find((r) => r.size === 1_000);
  const large = rows.find((r) => r.size === 20_000);
  const factor = (key) => (large[key] / small[key]) * (small.size / large.size);
  console.log(
    `\ngrowth factor of the time per step from 1,000 to 20,000 steps: ${columns.map((c) => `${c.label} ${factor(c.key).toFixed(2)}`).join(', ')}`,
  );
  const ok = columns.every((c) => factor(c.key) <= GOAL);
  console.log(ok ? 'OK: about linear' : `TOO SLOW: more than ${GOAL} (quadratic work is back)`);
  process.exitCode = ok ? 0 : 1;
}
