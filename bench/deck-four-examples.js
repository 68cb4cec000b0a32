// `cxmap deck` of the four examples in one call, against `cxmap render` of the same views as 16:9 PNG (the
// pictures that are most of a deck's work), in the same run. Goal (issue 15): the deck takes under 20 s on this
// machine; the ratio says what the slides, tables and the pptx file add to drawing the pictures.
// Usage: npm run build && node bench/deck-four-examples.js [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 1);
const root = fileURLToPath(new URL('..', import.meta.url));
const maps = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'].map(
  (n) => `examples/${n}.cxmap.yaml`,
);
const out = mkdtempSync(join(tmpdir(), 'cxmap-bench-deck-'));
const seconds = (args) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['bin/cxmap.cjs', ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cxmap ${args[0]} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
};

const deck = [];
const pictures = [];
for (let i = 0; i < runs; i++) {
  deck.push(seconds(['deck', ...maps, '-o', join(out, 'all.pptx'), '--force']));
  pictures.push(
    seconds(['render', ...maps, '--view', 'time,blueprint,journey,matrix', '-f', 'png', '-o', join(out, 'png')]),
  );
}
rmSync(out, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`cxmap deck, the four examples:            median ${median(deck).toFixed(1)} s over ${runs} runs`);
console.log(`cxmap render of the same views, 16:9 PNG: median ${median(pictures).toFixed(1)} s`);
console.log(
  `the deck takes ${(median(deck) / median(pictures)).toFixed(2)}x the time of its pictures (goal: the deck under 20 s)`,
);
process.exitCode = median(deck) < 20 ? 0 : 1;
