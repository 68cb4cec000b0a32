/**
 * `cxmap render` end to end: real SVG, PNG and PDF files, drawn by cxmap without a browser (the tests run with a
 * PATH that has none), and Mermaid's own drawing through `--engine mermaid` where a browser is installed.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { XMLValidator } from 'fast-xml-parser';
import { cxmap, ROOT } from '../helpers/cli.js';
import { HOSTILE } from '../helpers/maps.js';
import { needs } from '../helpers/tools.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxmap-render-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ALL = 'blueprint,journey,timeline,matrix';
/** The views cxmap draws itself (the timeline is Mermaid's until cxmap draws it too). */
const DRAWN = 'blueprint,journey,matrix,time';
const pngWidth = (png: Buffer) => png.readUInt32BE(16);
const pngHeight = (png: Buffer) => png.readUInt32BE(20);
/** No browser anywhere: a PATH without one, and neither variable that names one. */
const NO_BROWSER = { PATH: '/nonexistent', CXMAP_BROWSER: '', PUPPETEER_EXECUTABLE_PATH: '' };
/** A PDF's pages, counted in its objects (their dictionaries are not compressed): no PDF reader needed. */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page$/gm)?.length ?? 0;
const pdfBoxes = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]*)\]/g)].map((m) => m[1]);
const listed = (stdout: string) => stdout.trim().split('\n').sort();

describe('cxmap render to svg, png and pdf, without a browser', () => {
  it('draws every view cxmap draws of every example to SVG that an XML parser accepts, the same bytes twice, without script', () => {
    const a = cxmap(['render', 'examples/*.cxmap.yaml', '--view', DRAWN, '--format', 'svg', '--out', join(dir, 'a')], {
      env: NO_BROWSER,
    });
    expect([a.status, a.stderr]).toEqual([0, '']);
    const files = readdirSync(join(dir, 'a')).sort();
    expect(listed(a.stdout)).toEqual(files.map((f) => join(dir, 'a', f)));
    for (const map of ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'])
      for (const view of DRAWN.split(','))
        expect(files.filter((f) => f.startsWith(`${map}.${view}`)).length, `${map} ${view}`).toBeGreaterThan(0);
    cxmap(['render', 'examples/*.cxmap.yaml', '--view', DRAWN, '--format', 'svg', '--out', join(dir, 'b')], {
      env: NO_BROWSER,
    });
    for (const f of files) {
      const svg = readFileSync(join(dir, 'a', f), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(XMLValidator.validate(svg), f).toBe(true);
      expect(svg).not.toMatch(/<script|<[^>]*\son[a-z]+\s*=|javascript:/i);
      expect(readFileSync(join(dir, 'b', f), 'utf8')).toBe(svg);
    }
  });

  it('prints PNGs at the scale asked for on 16:9 pages (2 pixels a point: 1920 x 1080), the blueprint in parts, the same bytes twice', () => {
    const run = (out: string, ...extra: string[]) =>
      cxmap(
        [
          'render',
          'examples/hospital-referral.cxmap.yaml',
          '--view',
          'matrix,blueprint',
          '--format',
          'png',
          '--out',
          out,
          ...extra,
        ],
        {
          env: NO_BROWSER,
        },
      );
    const out = join(dir, 'png');
    const result = run(out);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const matrix = readFileSync(join(out, 'hospital-referral.matrix.png'));
    expect(matrix.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([pngWidth(matrix), pngHeight(matrix)]).toEqual([1920, 1080]);
    const parts = readdirSync(out).filter((f) => /^hospital-referral\.blueprint-\d+\.png$/.test(f));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const png = readFileSync(join(out, part));
      expect([pngWidth(png), pngHeight(png)], part).toEqual([1920, 1080]);
    }
    run(join(dir, 'png2'));
    for (const f of readdirSync(out))
      expect(readFileSync(join(dir, 'png2', f)).equals(readFileSync(join(out, f))), f).toBe(true);
    // 3 pixels a point: 960 x 540 points is 2880 x 1620 pixels.
    run(join(dir, 'png3'), '--scale', '3');
    const big = readFileSync(join(dir, 'png3', 'hospital-referral.matrix.png'));
    expect([pngWidth(big), pngHeight(big)]).toEqual([2880, 1620]);
  });

  it('prints a PDF with a page per part, 960 x 540 points each, Arimo embedded, the same bytes twice', () => {
    const out = join(dir, 'pdf');
    const args = ['render', 'examples/hospital-referral.cxmap.yaml', '--view', 'blueprint,matrix', '--format'];
    const pngs = cxmap([...args, 'png', '--out', out], { env: NO_BROWSER });
    const pdfs = cxmap([...args, 'pdf', '--out', out], { env: NO_BROWSER });
    expect([pdfs.status, pdfs.stderr]).toEqual([0, '']);
    expect(listed(pdfs.stdout)).toEqual([
      join(out, 'hospital-referral.blueprint.pdf'),
      join(out, 'hospital-referral.matrix.pdf'),
    ]);
    const parts = listed(pngs.stdout).filter((f) => f.includes('.blueprint-')).length;
    const pdf = readFileSync(join(out, 'hospital-referral.blueprint.pdf'));
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');
    expect(pdfPages(pdf)).toBe(parts);
    expect(pdfBoxes(pdf)).toEqual(Array.from({ length: parts }, () => '0 0 960 540'));
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+Arimo-Bold$/m);
    expect(pdfPages(readFileSync(join(out, 'hospital-referral.matrix.pdf')))).toBe(1);
    cxmap([...args, 'pdf', '--out', join(dir, 'pdf2')], { env: NO_BROWSER });
    expect(readFileSync(join(dir, 'pdf2', 'hospital-referral.blueprint.pdf')).equals(pdf)).toBe(true);
  });

  it('prints a drawing without a page at its own size', () => {
    const out = join(dir, 'own');
    const result = cxmap(
      [
        'render',
        'examples/home-loan.cxmap.yaml',
        '--view',
        'matrix',
        '--format',
        'pdf',
        '--page',
        'none',
        '--out',
        out,
      ],
      {
        env: NO_BROWSER,
      },
    );
    expect(result.status).toBe(0);
    const svg = cxmap(
      ['render', 'examples/home-loan.cxmap.yaml', '--view', 'matrix', '--format', 'svg', '--out', out],
      {
        env: NO_BROWSER,
      },
    );
    expect(svg.status).toBe(0);
    // The SVG's viewBox is the drawing's size in points, to a tenth (half a tenth off at most, and a float's
    // error); the PDF's page is its exact size.
    const view = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(readFileSync(join(out, 'home-loan.matrix.svg'), 'utf8'))!;
    const boxes = pdfBoxes(readFileSync(join(out, 'home-loan.matrix.pdf')));
    expect(boxes).toHaveLength(1);
    const [x, y, width, height] = boxes[0]!.split(' ').map(Number);
    expect([x, y]).toEqual([0, 0]);
    expect(Math.abs(width! - Number(view[1]))).toBeLessThanOrEqual(0.051);
    expect(Math.abs(height! - Number(view[2]))).toBeLessThanOrEqual(0.051);
  });

  describe.skipIf(needs('pdftotext'))('the PDF read back by poppler', () => {
    it('has the names of the steps as text', () => {
      const out = join(dir, 'text');
      expect(
        cxmap(['render', 'examples/home-loan.cxmap.yaml', '--format', 'pdf', '--out', out], { env: NO_BROWSER }).status,
      ).toBe(0);
      const text = execFileSync('pdftotext', [join(out, 'home-loan.blueprint.pdf'), '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain('Call the bank to ask about a loan');
      expect(text).toContain('Meet the advisor at the branch');
      expect(text).toContain('Line of visibility');
    });
  });

  it('makes a deck without a browser either: its pictures printed by cxmap', () => {
    const file = join(dir, 'deck.pptx');
    const result = cxmap(['deck', 'examples/home-loan.cxmap.yaml', '-o', file], { env: NO_BROWSER });
    expect([result.status, result.stderr, result.stdout]).toEqual([0, '', `${file}\n`]);
    expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });

  it('writes mmd and md without a browser, byte-identical from run to run', () => {
    const env = NO_BROWSER;
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

  it("says in one line that Mermaid's engine found no browser, exit 2; a browser named but missing, exit 2", () => {
    const result = cxmap(
      ['render', 'examples/home-loan.cxmap.yaml', '--format', 'png', '--engine', 'mermaid', '--out', join(dir, 'none')],
      { env: { ...NO_BROWSER, HOME: dir } },
    );
    expect(result.stderr).toBe(
      "cxmap: no browser found for Mermaid's own drawing: install Chromium (on Debian or Ubuntu: apt-get install chromium) or set CXMAP_BROWSER to the path of Chrome or Chromium; cxmap draws svg, png and pdf itself without one\n",
    );
    expect(result.status).toBe(2);
    const missing = cxmap(
      ['render', 'examples/home-loan.cxmap.yaml', '--format', 'png', '--engine', 'mermaid', '--out', join(dir, 'none')],
      { env: { CXMAP_BROWSER: '/opt/nothing/chrome' } },
    );
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
    const result = cxmap(['render', file, '--view', DRAWN, '--format', 'svg', '--out', out], { env: NO_BROWSER });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    for (const f of readdirSync(out)) {
      const svg = readFileSync(join(out, f), 'utf8');
      // Only real markup counts: escaped text such as &lt;b onclick=...&gt; is harmless.
      expect(svg).not.toMatch(/<script|<img|<[^>]*\son[a-z]+\s*=|javascript:/i);
      expect(XMLValidator.validate(svg), f).toBe(true);
      // In the views cxmap draws, the %%{init}%% in the process name is text.
      if (f.endsWith('journey.svg') || f.endsWith('timeline.svg'))
        expect(svg).toContain('Pwn &quot;it&quot; %%{init: {&quot;theme&quot;:&quot;dark&quot;}}%% --&gt; end');
    }
    expect(readFileSync(join(out, 'hostile.blueprint.svg'), 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.skipIf(needs('chromium'))(
    "keeps Mermaid's default theme in Mermaid's drawing: the %%{init}%% in the name changed nothing",
    () => {
      const file = join(dir, 'hostile.cxmap.yaml');
      writeFileSync(file, HOSTILE);
      const out = join(dir, 'hostile-mermaid');
      const result = cxmap([
        'render',
        file,
        '--view',
        'timeline',
        '--format',
        'svg',
        '--engine',
        'mermaid',
        '--out',
        out,
      ]);
      expect([result.status, result.stderr]).toEqual([0, '']);
      const svg = readFileSync(join(out, 'hostile.timeline.svg'), 'utf8');
      expect(svg).not.toMatch(/<script|<img|<[^>]*\son[a-z]+\s*=|javascript:/i);
      expect(svg.toLowerCase()).toContain('#bfc7ff');
    },
  );
});

describe.skipIf(needs('chromium'))("Mermaid's own drawing (--engine mermaid)", () => {
  it("draws the Mermaid text of each view, not cxmap's scene: SVG, PNG on the page, PDF", () => {
    const out = join(dir, 'mermaid');
    const args = ['render', 'examples/home-loan.cxmap.yaml', '--view', 'journey', '--engine', 'mermaid', '--out', out];
    expect(cxmap([...args, '--format', 'svg']).status).toBe(0);
    const svg = readFileSync(join(out, 'home-loan.journey.svg'), 'utf8');
    // Mermaid's journey diagram, with its id and style sheet; cxmap's own drawings have neither.
    expect(svg).toMatch(/^<svg[^>]* id="cxmap-journey"/);
    expect(svg).toContain('<style>');
    expect(cxmap([...args, '--format', 'png']).status).toBe(0);
    const png = readFileSync(join(out, 'home-loan.journey.png'));
    expect([pngWidth(png), pngHeight(png)]).toEqual([1920, 1080]);
    expect(cxmap([...args, '--format', 'pdf']).status).toBe(0);
    expect(pdfPages(readFileSync(join(out, 'home-loan.journey.pdf')))).toBe(1);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    'stopped by %s while drawing, ends the command with %i, and leaves no browser profile behind',
    async (signal, code) => {
      const temp = mkdtempSync(join(tmpdir(), 'cxmap-signal-'));
      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'bin/cxmap.cjs'),
          'render',
          'examples',
          '--view',
          ALL,
          '--format',
          'png',
          '--engine',
          'mermaid',
          '--out',
          join(dir, signal),
        ],
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
    },
  );
});

describe('cxmap doctor', () => {
  it('without a browser: the font, resvg and pdfkit each work, svg, png and pdf ready, exit 0; the Mermaid engine wants one', () => {
    const result = cxmap(['doctor'], { env: NO_BROWSER });
    expect([result.status, result.stderr]).toEqual([0, '']);
    const lines = result.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('fonts '))).toMatch(
      /^fonts {7}Arimo [\d.]+ \(regular, bold, italic, bold italic\) at .+@expo-google-fonts\/arimo$/,
    );
    expect(lines.find((l) => l.startsWith('resvg '))).toMatch(/^resvg {7}[\d.]+ \(png: ok\)$/);
    expect(lines.find((l) => l.startsWith('pdfkit '))).toMatch(/^pdfkit {6}[\d.]+ \(pdf: ok\)$/);
    expect(lines.slice(-5)).toEqual([
      'formats',
      '  mmd, md           ready (Mermaid text)',
      '  svg, png, pdf     ready (drawn by cxmap, no browser needed)',
      '  --engine mermaid  needs a browser (see above)',
      '',
    ]);
  });
});
