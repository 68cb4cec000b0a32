/** `cxmap render` end to end, in headless Chromium: real SVG, PNG and PDF files. */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { cxmap, ROOT } from '../helpers/cli.js';
import { HOSTILE } from '../helpers/maps.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxmap-render-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ALL = 'blueprint,journey,timeline,matrix';
const pngWidth = (png: Buffer) => png.readUInt32BE(16);
const pngHeight = (png: Buffer) => png.readUInt32BE(20);

describe('cxmap render to svg, png and pdf', () => {
  it('renders every view of every example to SVG, the same bytes twice, without script', () => {
    const a = cxmap(['render', 'examples/*.cxmap.yaml', '--view', ALL, '--format', 'svg', '--out', join(dir, 'a')]);
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
    const files = readdirSync(join(dir, 'a')).sort();
    expect(files).toHaveLength(16);
    expect(a.stdout.trim().split('\n').sort()).toEqual(files.map((f) => join(dir, 'a', f)));
    cxmap(['render', 'examples/*.cxmap.yaml', '--view', ALL, '--format', 'svg', '--out', join(dir, 'b')]);
    for (const f of files) {
      const svg = readFileSync(join(dir, 'a', f), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).not.toMatch(/<script|<[^>]*\son[a-z]+\s*=|javascript:/i);
      expect(readFileSync(join(dir, 'b', f), 'utf8')).toBe(svg);
    }
  });

  it('renders PNGs at least 1800 pixels wide on 16:9 pages, the blueprint in parts, and a PDF with a page per part', () => {
    const out = join(dir, 'png');
    expect(
      cxmap([
        'render',
        'examples/hospital-referral.cxmap.yaml',
        '--view',
        'matrix,blueprint',
        '--format',
        'png',
        '--out',
        out,
      ]).status,
    ).toBe(0);
    const matrix = readFileSync(join(out, 'hospital-referral.matrix.png'));
    expect(matrix.subarray(1, 4).toString()).toBe('PNG');
    expect(pngWidth(matrix)).toBeGreaterThanOrEqual(1800);
    expect(pngHeight(matrix)).toBe((pngWidth(matrix) * 9) / 16);
    const parts = readdirSync(out).filter((f) => /^hospital-referral\.blueprint-\d+\.png$/.test(f));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const png = readFileSync(join(out, part));
      expect([pngWidth(png), pngHeight(png)]).toEqual([2560, 1440]);
    }
    expect(cxmap(['render', 'examples/hospital-referral.cxmap.yaml', '--format', 'pdf', '--out', out]).status).toBe(0);
    const info = execFileSync('pdfinfo', [join(out, 'hospital-referral.blueprint.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`^Pages: +${parts.length}$`, 'm'));
    expect(info).toMatch(/^Page size: +960 x 540 pts$/m);
  });

  it('writes mmd and md without a browser, byte-identical from run to run', () => {
    const env = { PATH: '/nonexistent', CXMAP_BROWSER: '', PUPPETEER_EXECUTABLE_PATH: '' };
    const first = cxmap(
      ['render', 'examples/home-loan.cxmap.yaml', '--view', ALL, '--format', 'md', '--out', join(dir, 'md1')],
      { env },
    );
    cxmap(['render', 'examples/home-loan.cxmap.yaml', '--view', ALL, '--format', 'md', '--out', join(dir, 'md2')], {
      env,
    });
    expect(first.status).toBe(0);
    const md = readFileSync(join(dir, 'md1', 'home-loan.md'), 'utf8');
    expect(md).toBe(readFileSync(join(dir, 'md2', 'home-loan.md'), 'utf8'));
    expect(md.startsWith('# Apply for a home loan\n\n**Customer:** First-time buyer')).toBe(true);
    expect(md.match(/^```mermaid$/gm)).toHaveLength(4);
  });

  it('says in one line that no browser was found, exit 2; the blueprint as SVG needs none', () => {
    const noBrowser = { PATH: '/nonexistent', CXMAP_BROWSER: '', PUPPETEER_EXECUTABLE_PATH: '', HOME: dir };
    const svg = cxmap(['render', 'examples/home-loan.cxmap.yaml', '--format', 'svg', '--out', join(dir, 'svg')], {
      env: noBrowser,
    });
    expect([svg.status, svg.stdout]).toEqual([0, `${join(dir, 'svg', 'home-loan.blueprint.svg')}\n`]);
    const result = cxmap(['render', 'examples/home-loan.cxmap.yaml', '--format', 'png', '--out', join(dir, 'none')], {
      env: { PATH: '/nonexistent', CXMAP_BROWSER: '', PUPPETEER_EXECUTABLE_PATH: '', HOME: dir },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'cxmap: no browser found to render svg, png or pdf: install Chromium (on Debian or Ubuntu: apt-get install chromium) or set CXMAP_BROWSER to the path of Chrome or Chromium; mmd and md need no browser\n',
    );
    const missing = cxmap(['render', 'examples/home-loan.cxmap.yaml', '--format', 'png', '--out', join(dir, 'none')], {
      env: { CXMAP_BROWSER: '/opt/nothing/chrome' },
    });
    expect(missing.stderr).toBe('cxmap: CXMAP_BROWSER is set to /opt/nothing/chrome, which does not exist\n');
    expect(missing.status).toBe(2);
  });

  it('never writes over an input', () => {
    const maps = join(dir, 'maps');
    mkdirSync(maps, { recursive: true });
    const map = readFileSync('examples/home-loan.cxmap.yaml', 'utf8');
    writeFileSync(join(maps, 'loan.yaml'), map);
    writeFileSync(join(maps, 'loan.blueprint.mmd'), map);
    const result = cxmap(['render', join(maps, 'loan.yaml'), join(maps, 'loan.blueprint.mmd'), '--out', maps]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `cxmap: ${join(maps, 'loan.blueprint.mmd')} is one of the input maps: cxmap never writes over an input; choose another output\n`,
    );
    expect(readFileSync(join(maps, 'loan.blueprint.mmd'), 'utf8')).toBe(map);
  });

  it('refuses an unknown view', () => {
    const result = cxmap(['render', 'examples/home-loan.cxmap.yaml', '--view', 'blueprint,swimlane']);
    expect(result.stderr).toBe(
      'cxmap: there is no view called swimlane: choose from blueprint, journey, timeline, matrix, time\n',
    );
    expect(result.status).toBe(2);
  });
});

describe('hostile labels', () => {
  it('renders to SVG without script, handlers or the injected theme', () => {
    const file = join(dir, 'hostile.cxmap.yaml');
    writeFileSync(file, HOSTILE);
    const out = join(dir, 'hostile');
    const result = cxmap(['render', file, '--view', ALL, '--format', 'svg', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    for (const f of readdirSync(out)) {
      const svg = readFileSync(join(out, f), 'utf8');
      // Only real markup counts: escaped text such as &lt;b onclick=...&gt; is harmless.
      expect(svg).not.toMatch(/<script|<img|<[^>]*\son[a-z]+\s*=|javascript:/i);
      // In the views cxmap draws, the %%{init}%% in the process name is text.
      if (f.endsWith('journey.svg') || f.endsWith('timeline.svg'))
        expect(svg).toContain('Pwn &quot;it&quot; %%{init: {&quot;theme&quot;:&quot;dark&quot;}}%% --&gt; end');
    }
    expect(readFileSync(join(out, 'hostile.blueprint.svg'), 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('stopped while drawing', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s ends the command with %i, and leaves no browser profile behind', async (signal, code) => {
    const temp = mkdtempSync(join(tmpdir(), 'cxmap-signal-'));
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/cxmap.cjs'), 'render', 'examples', '--view', ALL, '--format', 'png', '--out', join(dir, signal)],
      { cwd: ROOT, env: { ...process.env, TMPDIR: temp } },
    );
    // Stopped once the browser has drawn the first picture, with more to come.
    await new Promise<void>((drawing) => child.stdout.once('data', () => drawing()));
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exit = new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
    child.kill(signal);
    expect({ code: await exit, stderr }).toEqual({ code, stderr: '' });
    expect(readdirSync(join(dir, signal)).length).toBeLessThan(16);
    expect(readdirSync(temp)).toEqual([]);
    rmSync(temp, { recursive: true });
  });
});
