// Finding and scoring opportunities as maps grow: `cxmap report --format md` and `cxmap improve --apply recommended` on
// generated maps of 250, 1,000, 5,000 and 20,000 steps, each the whole command (one run each; the largest take
// tens of seconds). The growth factor between two sizes is how much the time per step grew: 1 is linear, and the
// rules used to be quadratic (a factor of about 4 from 250 to 1,000 steps). The goal: a factor of at most 1.5
// from 1,000 to 20,000 steps for both commands (the simulation and the YAML work are linear, with some fixed
// cost at the small end).
// Usage: npm run build && node bench/opportunities-scaling.js
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateMap } from './generate-map.js';
import { scaling } from './scaling.js';

scaling(
  [250, 1_000, 5_000, 20_000],
  [
    { key: 'report', label: 'report md' },
    { key: 'improve', label: 'improve --apply recommended' },
  ],
  (size, dir, seconds) => {
    const file = join(dir, `m${size}.cxmap.yaml`);
    writeFileSync(file, generateMap(size));
    return {
      report: seconds(['report', file, '--format', 'md', '--out', join(dir, 'out')]),
      improve: seconds(['improve', file, '--apply', 'recommended', '-o', join(dir, `to-be-${size}.cxmap.yaml`)]),
    };
  },
);
