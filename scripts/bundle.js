// Bundles the CLI into one CommonJS file, dist/bundle/cxmap.cjs, and warms a V8 code cache for it, so that a
// command starts without resolving dozens of modules and compiling them from source (see bin/cxmap.cjs and
// bench/validate-startup.js). Run by `npm run build` after tsc; puppeteer and mermaid stay outside (they are
// large, loaded only to render, and mermaid's files are served to the browser from node_modules).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}dist/bundle/cxmap.cjs`;
rmSync(`${root}dist/bundle`, { recursive: true, force: true });
await build({
  entryPoints: [`${root}dist/cli.js`],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['puppeteer', 'mermaid'],
  // The code finds its files (schemas, templates, workers, package.json) relative to import.meta.url, two folders
  // below the package root: dist/bundle/ keeps that true for the bundle too.
  define: { 'import.meta.url': '__cxmapUrl' },
  banner: { js: "const __cxmapUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import() becomes require(): a script compiled with a code cache has no loader for import() in Node 20.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
});

// The cache holds the code compiled while validating an example: what every command runs first.
const warm = spawnSync(process.execPath, [`${root}bin/cxmap.cjs`, 'validate', `${root}examples/home-loan.cxmap.yaml`], {
  env: { ...process.env, CXMAP_WRITE_CODE_CACHE: '1' },
  encoding: 'utf8',
});
if (warm.status !== 0) throw new Error(`warming the code cache failed: ${warm.stderr}`);
