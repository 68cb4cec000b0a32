// `cxmap render --format pdf` of every view cxmap draws of a 20,001-step map (bench/generate-map.js): each view one
// PDF with a page per part. Goal (issue 27): it completes, exit 0, every PDF written (it used to run 138 s in
// Chromium and exit 2 with only the journey written). Prints the time and the pages of each PDF.
// Usage: npm run build && node bench/pdf-large.js [steps]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMap } from './generate-map.js';

const steps = Number(process.argv[2] ?? 20_001);
const root = fileURLToPath(new URL('..', import.meta.url));
// Every view: cxmap draws them all.
const views = ['blueprint', 'journey', 'timeline', 'matrix', 'time'];
const dir = mkdtempSync(join(tmpdir(), 'cxmap-bench-pdf-'));
const map = join(dir, 'large.cxmap.yaml');
writeFileSync(map, generateMap(steps, 'Large process'));

const start = process.hrtime.bigint();
const result = spawnSync(
  process.execPath,
  ['bin/cxmap.cjs', 'render', map, '--view', views.join(','), '--format', 'pdf', '--out', join(dir, 'out')],
  { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const written = result.stdout.trim().split('\n').filter(Boolean);
const pages = (file) =>
  readFileSync(file)
    .toString('latin1')
    .match(/\/Type \/Page$/gm)?.length ?? 0;
for (const file of written) console.log(`${file.replace(dir, '<tmp>')}: ${pages(file)} pages`);
rmSync(dir, { recursive: true, force: true });
console.log(
  `cxmap render --format pdf of ${views.length} views of a ${steps.toLocaleString('en')}-step map: exit ${result.status}, ${seconds.toFixed(1)} s`,
);
const ok = result.status === 0 && written.length === views.length;
if (!ok) console.log(`goal missed: ${written.length} of ${views.length} PDFs written; ${result.stderr.trim()}`);
process.exitCode = ok ? 0 : 1;
