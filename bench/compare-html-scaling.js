// Large maps: `cxmap compare` (text) and `cxmap report --format html` on generated maps of 1,000, 5,000 and 20,000
// steps, each the whole command (one run each). The after map differs from the before map in the work of one
// step in eight, so compare has changes to list. The growth factor is how much the time per step grew from 1,000
// to 20,000 steps: 1 is linear. The goal: at most 1.5 for both commands (exit 1 above it).
// Usage: npm run build && node bench/compare-html-scaling.js
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateMap } from './generate-map.js';
import { scaling } from './scaling.js';

scaling(
  [1_000, 5_000, 20_000],
  [
    { key: 'compare', label: 'compare' },
    { key: 'report', label: 'report html' },
  ],
  (size, dir, seconds) => {
    const before = join(dir, `m${size}.cxmap.yaml`);
    const after = join(dir, `m${size}.to-be.cxmap.yaml`);
    const map = generateMap(size);
    writeFileSync(before, map);
    writeFileSync(after, map.replace(/work: 10m/g, 'work: 12m'));
    return {
      compare: seconds(['compare', before, after, '-o', join(dir, `compare-${size}.txt`)]),
      report: seconds(['report', before, '--format', 'html', '--out', join(dir, 'out')]),
    };
  },
);
