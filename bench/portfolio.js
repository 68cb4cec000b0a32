// `cxmap portfolio` of 200 generated maps of 41 steps against `cxmap report` of the same maps (each reported one by
// one, in one call), measured alternately in the same run. The portfolio scores each map as the report does and
// adds its own figures (ranking, lifecycle, one matrix, programmes, team load), without drawing each map's views.
// Goal: about 1x the time of the reports, or less.
// Usage: node bench/portfolio.js [maps] [repeats]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMap } from './generate-map.js';

const count = Number(process.argv[2] ?? 200);
const repeats = Number(process.argv[3] ?? 1);
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cxmap-bench-portfolio-'));
const out = join(dir, 'out');
const files = [];
for (let i = 0; i < count; i++) {
  const file = `journey-${String(i).padStart(3, '0')}.cxmap.yaml`;
  // Each journey with its own volume, so that every one is ranked.
  const map = generateMap(41, `Journey ${i}`).replace(
    '  goal: Get it done\n',
    `  goal: Get it done\n  volume: ${1000 + 37 * i}/y\n`,
  );
  writeFileSync(join(dir, file), map);
  files.push(file);
}
writeFileSync(
  join(dir, 'cxmap.portfolio.yaml'),
  `portfolio: 1\nname: Generated portfolio\njourneys:\n${files.map((f) => `  - ${f}`).join('\n')}\n`,
);

const cxmap = (args) => {
  const result = spawnSync(process.execPath, [join(root, 'bin/cxmap.cjs'), ...args, '--format', 'html', '--out', out], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`cxmap ${args[0]} failed: ${result.stderr}${result.stdout.slice(0, 2000)}`);
};
const time = (work) => {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

const portfolio = [];
const reports = [];
for (let i = 0; i < repeats; i++) {
  portfolio.push(time(() => cxmap(['portfolio', 'cxmap.portfolio.yaml'])));
  reports.push(time(() => cxmap(['report', ...files])));
}
rmSync(dir, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `cxmap portfolio, ${count} maps of 41 steps: median ${median(portfolio).toFixed(2)} s over ${repeats} runs`,
);
console.log(`cxmap report of the same ${count} maps:      median ${median(reports).toFixed(2)} s`);
const ratio = median(portfolio) / median(reports);
console.log(
  `the portfolio takes ${ratio.toFixed(2)}x the time of reporting its maps one by one (goal: about 1 or less)`,
);
process.exitCode = ratio < 1.25 ? 0 : 1;
