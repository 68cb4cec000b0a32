// The pictures of docs/deck.md: the home-loan board deck, branded with examples/branding and compared with the
// to-be that `cxmap improve --apply recommended` writes, converted by LibreOffice as a reader would open it, one
// PNG a slide in docs/images/deck/: the main part, the divider and the first slides of the appendix (the first 14). Needs LibreOffice (soffice) and poppler (pdftoppm) on the PATH, and a built CLI
// (`npm run build`). Run: `node scripts/deck-images.js`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const images = join(root, 'docs/images/deck');
const work = mkdtempSync(join(tmpdir(), 'cxmap-deck-images-'));

function run(command, args, env = {}) {
  const done = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  if (done.error?.code === 'ENOENT') {
    console.error(`deck-images: ${command} is not installed (LibreOffice and poppler-utils are needed)`);
    process.exit(1);
  }
  if (done.status !== 0) {
    console.error(`deck-images: ${command} ${args.join(' ')} failed:\n${done.stderr}`);
    process.exit(1);
  }
}

try {
  const cxmap = join(root, 'bin/cxmap.cjs');
  const toBe = join(work, 'home-loan.to-be.cxmap.yaml');
  const deck = join(work, 'home-loan.pptx');
  run(process.execPath, [cxmap, 'improve', 'examples/home-loan.cxmap.yaml', '--apply', 'recommended', '-o', toBe]);
  // A fixed time and date: the same pictures from the same maps.
  run(
    process.execPath,
    [
      cxmap,
      'deck',
      'examples/home-loan.cxmap.yaml',
      '--to-be',
      toBe,
      '-c',
      'examples/branding/cxmap.config.yaml',
      '--date',
      '6 December 2026',
      '-o',
      deck,
    ],
    { SOURCE_DATE_EPOCH: '1796515200' },
  );
  run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, deck]);
  mkdirSync(images, { recursive: true });
  for (const old of readdirSync(images)) if (old.endsWith('.png')) rmSync(join(images, old));
  run('pdftoppm', ['-png', '-r', '72', '-l', '14', join(work, 'home-loan.pdf'), join(images, 'home-loan')]);
  console.log(`${readdirSync(images).length} slides in docs/images/deck/`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
