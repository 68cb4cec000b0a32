// Rendering 20 diagrams to SVG: one `cxmap render` call, against 20 separate `mmdc` calls on the same Mermaid
// text, and against one `mmdc` call on a Markdown file holding all 20, all in this run on this machine.
// Goal: at least 20 times faster than the first and 5 times faster than the second.
// The floor: Mermaid's own render time for the same 20 texts inside one page (each diagram type drawn once
// before, so that its code is loaded), added up and divided by the cores: what no tool that draws these texts
// with Mermaid can go under. cxmap draws all 20 itself, without a browser, so it may.
// Usage: npm run build && node bench/render-vs-mmdc.js   (needs Chromium and mermaid-cli, for mmdc and the floor)
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import puppeteer from 'puppeteer';
import { findBrowser, mermaidPage } from '../dist/render/browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cxmap = join(root, 'bin', 'cxmap.cjs');
const mmdc = join(root, 'node_modules', '@mermaid-js', 'mermaid-cli', 'src', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'cxmap-bench-render-'));
const maps = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'].map((n) =>
  join(root, 'examples', `${n}.cxmap.yaml`),
);
copyFileSync(join(root, 'test', 'fixtures', 'reference.cxmap.yaml'), join(dir, 'reference.cxmap.yaml'));
maps.push(join(dir, 'reference.cxmap.yaml'));
const views = 'blueprint,journey,timeline,matrix';

function run(cmd, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cmd, ...args], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// The same Mermaid text for both tools: cxmap writes it.
run(cxmap, ['render', ...maps, '--view', views, '--format', 'mmd', '--out', join(dir, 'mmd')]);
const mmdFiles = readdirSync(join(dir, 'mmd')).sort();
if (mmdFiles.length !== 20) throw new Error(`expected 20 diagrams, got ${mmdFiles.length}`);
const markdown = mmdFiles
  .map((f) => `## ${f}\n\n\`\`\`mermaid\n${readFileSync(join(dir, 'mmd', f), 'utf8')}\`\`\`\n`)
  .join('\n');
writeFileSync(join(dir, 'all.md'), markdown);

const browser = await findBrowser();
if (!browser) throw new Error('no browser: install chromium');
const isRoot = process.getuid?.() === 0;
writeFileSync(
  join(dir, 'puppeteer.json'),
  JSON.stringify({ executablePath: browser.path, args: isRoot ? ['--no-sandbox'] : [] }),
);

// Mermaid's own render time of each text, in one page of one browser.
const chromium = await puppeteer.launch({ executablePath: browser.path, args: isRoot ? ['--no-sandbox'] : [] });
const page = await mermaidPage(chromium, 'default');
const texts = mmdFiles.map((f) => readFileSync(join(dir, 'mmd', f), 'utf8'));
const renderTime = (text, id) =>
  page.evaluate(
    async (text, id) => {
      const start = performance.now();
      await globalThis.mermaid.render(id, text);
      return performance.now() - start;
    },
    text,
    id,
  );
const warmed = new Set();
for (const [k, f] of mmdFiles.entries()) {
  const view = f.split('.').at(-2);
  if (!warmed.has(view)) await renderTime(texts[k], `warm-${k}`);
  warmed.add(view);
}
let mermaidMs = 0;
for (const [k, text] of texts.entries()) mermaidMs += await renderTime(text, `d${k}`);
await chromium.close();
const cores = cpus().length;
const floor = mermaidMs / Math.min(cores, texts.length);
console.log(
  `Mermaid's own render time, 20 texts:    ${(mermaidMs / 1000).toFixed(1)} s, over ${cores} cores ${(floor / 1000).toFixed(1)} s (the floor)`,
);

const cx = run(cxmap, ['render', ...maps, '--view', views, '--format', 'svg', '--out', join(dir, 'cx')]);
console.log(`cxmap render, 20 diagrams in one call:   ${(cx / 1000).toFixed(1)} s`);
const md = run(mmdc, ['-i', 'all.md', '-o', join(dir, 'md-out.md'), '-p', 'puppeteer.json', '-q']);
console.log(`mmdc on one Markdown file of 20 blocks:  ${(md / 1000).toFixed(1)} s`);
let separate = 0;
for (const f of mmdFiles)
  separate += run(mmdc, ['-i', join('mmd', f), '-o', join(dir, `${f}.svg`), '-p', 'puppeteer.json', '-q']);
console.log(`mmdc, 20 separate calls:                 ${(separate / 1000).toFixed(1)} s`);
rmSync(dir, { recursive: true, force: true });

console.log(`cxmap takes ${(cx / floor).toFixed(2)}x the floor`);
const [vsCalls, vsMarkdown] = [separate / cx, md / cx];
console.log(
  `cxmap is ${vsCalls.toFixed(1)}x faster than 20 mmdc calls (goal 20x) and ${vsMarkdown.toFixed(1)}x faster than mmdc on Markdown (goal 5x)`,
);
process.exitCode = vsCalls >= 20 && vsMarkdown >= 5 ? 0 : 1;
