// `cxmap deck` of the four examples in one call, against `cxmap report -f html` of the same four in one call, in
// the same run: both score the maps, rank their opportunities and draw the same pictures (the report as SVG, the
// deck as PowerPoint shapes), so the ratio is what the slides and the .pptx file cost over the report. Goal (issue
// 27): the deck takes at most 3 times its HTML reports (it took 19 times, 14.7 s against 0.77 s, when its pictures
// were PNG taken in Chromium). Prints the medians and the ratio; exits 1 over the goal.
// Usage: npm run build && node bench/deck-four-examples.js [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOAL = 3;
const runs = Number(process.argv[2] ?? 3);
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

// The two alternate, so that a busy moment of the machine falls on both alike.
const deck = [];
const reports = [];
for (let i = 0; i < runs; i++) {
  deck.push(seconds(['deck', ...maps, '-o', join(out, 'all.pptx'), '--force']));
  reports.push(seconds(['report', ...maps, '-f', 'html', '-o', join(out, `html-${i}`)]));
}
rmSync(out, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = median(deck) / median(reports);
console.log(`cxmap deck, the four examples:          median ${median(deck).toFixed(2)} s over ${runs} runs`);
console.log(`cxmap report -f html, the same four:    median ${median(reports).toFixed(2)} s`);
console.log(`the deck takes ${ratio.toFixed(2)}x the time of the HTML reports (goal: at most ${GOAL}x)`);
process.exitCode = ratio <= GOAL ? 0 : 1;
