// Rendering 20 diagrams to SVG: one `cxmap render` call, against 20 separate `mmdc` calls on the same Mermaid
// text, and against one `mmdc` call on a Markdown file holding all 20, all in this run on this machine.
// Goal: at least 20 times faster than the first and 5 times faster than the second.
// Usage: npm run build && node bench/render-vs-mmdc.js   (needs Chromium, like cxmap render)
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../dist/render/browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cxmap = join(root, 'bin', 'cxmap.js');
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

const cx = run(cxmap, ['render', ...maps, '--view', views, '--format', 'svg', '--out', join(dir, 'cx')]);
console.log(`cxmap render, 20 diagrams in one call:   ${(cx / 1000).toFixed(1)} s`);
const md = run(mmdc, ['-i', 'all.md', '-o', join(dir, 'md-out.md'), '-p', 'puppeteer.json', '-q']);
console.log(`mmdc on one Markdown file of 20 blocks:  ${(md / 1000).toFixed(1)} s`);
let separate = 0;
for (const f of mmdFiles)
  separate += run(mmdc, ['-i', join('mmd', f), '-o', join(dir, `${f}.svg`), '-p', 'puppeteer.json', '-q']);
console.log(`mmdc, 20 separate calls:                 ${(separate / 1000).toFixed(1)} s`);
rmSync(dir, { recursive: true, force: true });

console.log(
  `cxmap is ${(separate / cx).toFixed(1)}x faster than 20 mmdc calls (goal 20x) and ${(md / cx).toFixed(1)}x faster than mmdc on Markdown (goal 5x)`,
);
