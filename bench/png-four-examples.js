// `cxmap render` of every view cxmap draws of the four examples to 16:9 PNG, against resvg alone rasterising the
// same SVGs (written by `cxmap render --format svg --page 16:9` beforehand) with the same fonts and size, in a
// Node process of its own, in the same run: the ratio is what loading, scoring, laying out and writing add to
// the rasterising itself. Goal (issue 27): at most 1.5x. (Through Chromium, nine PNGs of one map took 5.4 s.)
// Usage: npm run build && node bench/png-four-examples.js [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));
const maps = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'].map(
  (n) => `examples/${n}.cxmap.yaml`,
);
// Every view: cxmap draws them all.
const views = 'blueprint,journey,timeline,matrix,time';
const out = mkdtempSync(join(tmpdir(), 'cxmap-bench-png-'));
const seconds = (args, what) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${what} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
};
const cxmap = (...args) => seconds(['bin/cxmap.cjs', ...args], `cxmap ${args[0]}`);

cxmap('render', ...maps, '--view', views, '-f', 'svg', '--page', '16:9', '-o', join(out, 'svg'));
const svgs = readdirSync(join(out, 'svg'));
// resvg alone, as cxmap's printer calls it: Arimo only, 2 pixels a point (1920 pixels across a 960-point page).
const alone = `
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
const require = createRequire(${JSON.stringify(join(root, 'package.json'))});
const { Resvg } = require('@resvg/resvg-js');
const font = (f) => require.resolve('@expo-google-fonts/arimo/' + f);
const fontFiles = ['400Regular/Arimo_400Regular.ttf', '700Bold/Arimo_700Bold.ttf', '400Regular_Italic/Arimo_400Regular_Italic.ttf', '700Bold_Italic/Arimo_700Bold_Italic.ttf'].map(font);
const [from, to] = process.argv.slice(1);
mkdirSync(to, { recursive: true });
for (const f of readdirSync(from)) {
  const png = new Resvg(readFileSync(from + '/' + f), {
    fitTo: { mode: 'width', value: 1920 },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Arimo', sansSerifFamily: 'Arimo' },
    logLevel: 'off',
  }).render().asPng();
  writeFileSync(to + '/' + f.replace(/svg$/, 'png'), png);
}`;

const withCxmap = [];
const withResvg = [];
for (let i = 0; i < runs; i++) {
  withCxmap.push(cxmap('render', ...maps, '--view', views, '-f', 'png', '-o', join(out, `png${i}`)));
  withResvg.push(seconds(['--input-type=module', '-e', alone, join(out, 'svg'), join(out, `resvg${i}`)], 'resvg'));
}
const pngs = readdirSync(join(out, 'png0')).length;
rmSync(out, { recursive: true, force: true });
if (pngs !== svgs.length) throw new Error(`cxmap wrote ${pngs} PNGs for ${svgs.length} SVGs`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = median(withCxmap) / median(withResvg);
console.log(
  `cxmap render, ${pngs} PNGs of the four examples: median ${median(withCxmap).toFixed(2)} s over ${runs} runs`,
);
console.log(`resvg alone, the same ${svgs.length} SVGs:           median ${median(withResvg).toFixed(2)} s`);
console.log(`cxmap takes ${ratio.toFixed(2)}x the time of resvg alone (goal: at most 1.5x)`);
process.exitCode = ratio <= 1.5 ? 0 : 1;
