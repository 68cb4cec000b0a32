/**
 * The client's look of `cxmap deck` (the `deck:` section of cxmap.config.yaml): on every slide master the logo, the
 * footer, the confidentiality mark and the slide number; the brand colour in the masters and, tinted, in the tables'
 * heads; every text in the chosen font; nothing of a slide in the foot band or under the logo; a configuration that
 * cannot be used stopped at its line and column. And the deck as LibreOffice prints it: the foot on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import fc from 'fast-check';
import { UsageError } from '../../src/core/index.js';
import { loadConfig } from '../../src/load/index.js';
import { deckLookOf } from '../../src/rules/index.js';
import { cxmap, ROOT } from '../helpers/cli.js';
import { needs } from '../helpers/tools.js';
import { reader, type Xml } from '../helpers/xml.js';

const dir = mkdtempSync(join(tmpdir(), 'cxmap-look-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAP = join(ROOT, 'examples/home-loan.cxmap.yaml');
const LOGO = readFileSync(join(ROOT, 'examples/branding/logo.png'));
const FOOTER = 'Acme Bank · Customer operations review';
const MARK = 'Confidential · board use only';
/** The example's look, in another font than the default, so that the font's test can fail. */
const BRANDED = [
  'deck:',
  "  colour: '#00338D'",
  '  font: Liberation Sans',
  '  logo: logo.png',
  `  footer: ${FOOTER}`,
  `  confidential: ${MARK}`,
  '',
].join('\n');

const EMU = 914_400; // an inch
/** The slide's height and the top of its foot band (0.35 in), in EMU. */
const SLIDE_HEIGHT = 6_858_000;
const BAND_TOP = Math.round((7.5 - 0.35) * EMU);

/** Every part of a .pptx by name: its bytes. */
async function entries(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  return new Map(await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('nodebuffer')] as const)));
}
const text = (parts: Map<string, Buffer>, name: string) => parts.get(name)!.toString('utf8');

/** The slide layouts cxmap defines (pptxgenjs adds an unused `DEFAULT` one), by name: their XML and their rels. */
function layouts(parts: Map<string, Buffer>) {
  return [...parts.keys()]
    .filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))
    .map((n) => ({
      xml: text(parts, n),
      rels: text(parts, n.replace('slideLayouts/', 'slideLayouts/_rels/') + '.rels'),
    }))
    .map((l) => ({ ...l, name: /<p:cSld name="([^"]*)"/.exec(l.xml)![1]! }))
    .filter((l) => l.name.startsWith('cxmap'));
}

/** Slides and masters (layouts and the master): every XML part whose text a slide shows. */
const shown = (parts: Map<string, Buffer>) =>
  [...parts.keys()].filter((n) => /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(n));

const typefaces = (parts: Map<string, Buffer>) =>
  new Set(shown(parts).flatMap((n) => [...text(parts, n).matchAll(/<a:latin typeface="([^"]*)"/g)].map((m) => m[1])));

const all = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Each shape and picture of a layout or slide: its name, whether it is the title placeholder, its box in EMU. */
function boxes(xml: string, root: 'p:sldLayout' | 'p:sld') {
  const tree = reader(['p:sp', 'p:pic', 'p:graphicFrame', 'a:tr']).parse(xml)[root]['p:cSld']['p:spTree'];
  const box = (xfrm: Xml) => ({
    x: Number(xfrm['a:off']['@_x']),
    y: Number(xfrm['a:off']['@_y']),
    cx: Number(xfrm['a:ext']['@_cx']),
    cy: Number(xfrm['a:ext']['@_cy']),
  });
  return [
    ...all<Xml>(tree['p:sp']).map((sp) => ({
      kind: sp['p:nvSpPr']['p:nvPr']?.['p:ph']?.['@_type'] === 'title' ? 'title' : 'shape',
      ...box(sp['p:spPr']['a:xfrm']),
    })),
    ...all<Xml>(tree['p:pic']).map((pic) => ({ kind: 'logo', ...box(pic['p:spPr']['a:xfrm']) })),
    // A table's frame says 1 in high whatever it holds: its height is its rows'.
    ...all<Xml>(tree['p:graphicFrame']).map((f) => ({
      kind: 'table',
      ...box(f['p:xfrm']),
      cy: all<Xml>(f['a:graphic']['a:graphicData']['a:tbl']['a:tr']).reduce((h, tr) => h + Number(tr['@_h']), 0),
    })),
  ];
}

/** Writes the home-loan deck from `cwd` (where the configuration is found) into it; its parts. */
async function deck(
  cwd: string,
  name: string,
  ...args: string[]
): Promise<{ file: string; parts: Map<string, Buffer> }> {
  const file = join(cwd, name);
  const run = cxmap(['deck', MAP, '-o', file, '--runs', '200', ...args], { cwd });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const bytes = readFileSync(file);
  return { file, parts: await entries(bytes) };
}

/** A folder of its own with this configuration (and the example's logo beside it). */
function folder(config: string | undefined): string {
  const cwd = mkdtempSync(join(dir, 'team-'));
  if (config !== undefined) writeFileSync(join(cwd, 'cxmap.config.yaml'), config);
  copyFileSync(join(ROOT, 'examples/branding/logo.png'), join(cwd, 'logo.png'));
  return cwd;
}

describe("the client's look", () => {
  let branded: { file: string; parts: Map<string, Buffer> };
  let plain: { file: string; parts: Map<string, Buffer> };
  beforeAll(async () => {
    branded = await deck(folder(BRANDED), 'branded.pptx');
    plain = await deck(folder(undefined), 'plain.pptx');
  }, 60_000);

  it('puts the logo, the footer, the mark and the slide number on every master', () => {
    const masters = layouts(branded.parts);
    expect(masters.map((l) => l.name)).toEqual(['cxmap title', 'cxmap', 'cxmap diagram', 'cxmap divider']);
    for (const layout of masters) {
      // The logo is the example's PNG itself, embedded: the deck does not need the file.
      const target = /Target="\.\.\/media\/([^"]+\.png)"/.exec(layout.rels)![1]!;
      expect(branded.parts.get(`ppt/media/${target}`)!.equals(LOGO), layout.name).toBe(true);
      expect(layout.xml, layout.name).toContain('<p:pic>');
      expect(layout.xml, layout.name).toContain(`<a:t>${FOOTER}</a:t>`);
      expect(layout.xml, layout.name).toContain(`<a:t>${MARK}</a:t>`);
      expect(layout.xml, layout.name).toContain('type="slidenum"');
      // The brand colour: the stripe along the top, or the divider's background.
      expect(layout.xml, layout.name).toContain('<a:srgbClr val="00338D"/>');
    }
  });

  it('puts the logo on a white plate on the divider, whose background is the brand colour', () => {
    const divider = layouts(branded.parts).find((l) => l.name === 'cxmap divider')!.xml;
    expect(divider).toContain('<p:bg><p:bgPr><a:solidFill><a:srgbClr val="00338D"/>');
    const plate = divider.indexOf(
      '<a:prstGeom prst="rect"><a:avLst></a:avLst></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/>',
    );
    expect(plate).toBeGreaterThan(0);
    // Drawn before the logo, so under it.
    expect(plate).toBeLessThan(divider.indexOf('<p:pic>'));
  });

  it('stops every title short of the logo: the logo 480 x 160 px fitted into 1.2 x 0.3 in, top right', () => {
    for (const layout of layouts(branded.parts).filter((l) => l.name !== 'cxmap diagram')) {
      const shapes = boxes(layout.xml, 'p:sldLayout');
      const logo = shapes.find((s) => s.kind === 'logo')!;
      const title = shapes.find((s) => s.kind === 'title')!;
      // The logo's scale is min(1.2 / 480, 0.3 / 160) = 1/533.3 in a pixel: 0.9 x 0.3 in, its right edge on the
      // right margin (13.333 - 0.5 in), its top 0.12 in down.
      expect(logo).toEqual({
        kind: 'logo',
        x: Math.round((13.333 - 0.5 - 0.9) * EMU),
        y: Math.round(0.12 * EMU),
        cx: Math.round(0.9 * EMU),
        cy: Math.round(0.3 * EMU),
      });
      // The title runs from the left margin to 0.25 in before the logo: 13.333 - 1 - 0.9 - 0.25 = 11.183 in.
      expect([title.x, title.cx], layout.name).toEqual([Math.round(0.5 * EMU), Math.round(11.183 * EMU)]);
    }
  });

  it('writes every text in the chosen font, and the theme names it for whatever PowerPoint adds', () => {
    // +mj-lt and +mn-lt are the theme's heading and body fonts: the chosen one.
    expect(typefaces(branded.parts)).toEqual(new Set(['Liberation Sans', '+mj-lt', '+mn-lt']));
    const theme = text(branded.parts, 'ppt/theme/theme1.xml');
    expect(theme).toContain('<a:majorFont><a:latin typeface="Liberation Sans"');
    expect(theme).toContain('<a:minorFont><a:latin typeface="Liberation Sans"');
  });

  it("tints the tables' heads with the brand colour: a tenth of 00338D over white is E6EBF4", () => {
    // 255 - 0.1 x (255 - c) for c = 0x00, 0x33, 0x8D: 229.5, 234.6, 243.6, rounded 230, 235, 244 = E6 EB F4.
    const tables = (parts: Map<string, Buffer>) =>
      [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n) && text(parts, n).includes('<a:tbl>'));
    expect(tables(branded.parts).length).toBeGreaterThan(0);
    // The head's fill is the first cell's, after its four borders (lnL, lnR, lnT, lnB) in its properties.
    const fill = (parts: Map<string, Buffer>, name: string) =>
      /<\/a:lnB><a:solidFill><a:srgbClr val="([0-9A-F]{6})"\/>/.exec(text(parts, name))![1];
    for (const name of tables(branded.parts)) expect(fill(branded.parts, name), name).toBe('E6EBF4');
    // Without a brand colour the heads keep their pale slate: a tenth of 235587 over white is E9EEF3.
    for (const name of tables(plain.parts)) expect(fill(plain.parts, name), name).toBe('E9EEF3');
  });

  it('keeps every table and title above the foot band', () => {
    const slides = [...branded.parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const tables = slides.flatMap((n) => boxes(text(branded.parts, n), 'p:sld').filter((b) => b.kind === 'table'));
    // The scorecard (on two slides, its rows going on where the band begins), the benchmarks, the opportunities.
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const t of tables) expect(t.y + t.cy).toBeLessThanOrEqual(BAND_TOP);
    for (const layout of layouts(branded.parts)) {
      const title = boxes(layout.xml, 'p:sldLayout').find((s) => s.kind === 'title')!;
      expect(title.y + title.cy, layout.name).toBeLessThanOrEqual(BAND_TOP);
    }
    // The foot's texts stand in the band, inside the slide: 7.5 - 0.35 + 0.08 = 7.23 in down, 0.2 in high.
    const foot = boxes(layouts(branded.parts)[1]!.xml, 'p:sldLayout').filter(
      (s) => s.kind === 'shape' && s.y >= BAND_TOP,
    );
    // The footer, the mark and the slide's number.
    expect(foot.map((s) => [s.y, s.y + s.cy <= SLIDE_HEIGHT])).toEqual([
      [Math.round(7.23 * EMU), true],
      [Math.round(7.23 * EMU), true],
      [Math.round(7.23 * EMU), true],
    ]);
  });

  it('has, by default, no logo, no footer, no stripe: Arial, ink on white, numbered slides', () => {
    const masters = layouts(plain.parts);
    expect(masters.map((l) => l.name)).toEqual(['cxmap title', 'cxmap', 'cxmap diagram', 'cxmap divider']);
    for (const layout of masters) {
      expect(layout.xml, layout.name).not.toContain('<p:pic>');
      expect(layout.xml, layout.name).toContain('type="slidenum"');
      expect(layout.xml, layout.name).not.toContain('00338D');
    }
    expect([...plain.parts.keys()].filter((n) => n.startsWith('ppt/media/'))).toEqual([]);
    expect(typefaces(plain.parts)).toEqual(new Set(['Arial', '+mj-lt', '+mn-lt']));
    // The title runs the whole width between the margins.
    const title = boxes(masters[1]!.xml, 'p:sldLayout').find((s) => s.kind === 'title')!;
    expect(title.cx).toBe(Math.round((13.333 - 1) * EMU));
  });

  it('leaves the numbers out with slideNumbers: false', async () => {
    const { parts } = await deck(folder('deck:\n  slideNumbers: false\n'), 'unnumbered.pptx');
    for (const layout of layouts(parts)) expect(layout.xml, layout.name).not.toContain('type="slidenum"');
  });

  it('is the same deck for the same map and configuration, but for the time it was written', async () => {
    const again = await deck(folder(BRANDED), 'again.pptx');
    const when = /<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">[^<]*</g;
    expect([...again.parts.keys()].sort()).toEqual([...branded.parts.keys()].sort());
    for (const [name, bytes] of branded.parts) {
      if (name === 'docProps/core.xml')
        expect(text(again.parts, name).replace(when, '')).toBe(bytes.toString('utf8').replace(when, ''));
      else expect(again.parts.get(name)!.equals(bytes), name).toBe(true);
    }
  });

  it('is the same bytes, to the last, with SOURCE_DATE_EPOCH: the time it says it was written', async () => {
    // 1,764,979,200 s = 20,428 days of 86,400 s after 1970-01-01: 2025-12-06 at midnight, UTC.
    const env = { SOURCE_DATE_EPOCH: '1764979200' };
    const write = () => {
      const cwd = folder(BRANDED);
      const run = cxmap(['deck', MAP, '-o', 'fixed.pptx', '--runs', '200'], { cwd, env });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return readFileSync(join(cwd, 'fixed.pptx'));
    };
    const first = write();
    expect(first.equals(write())).toBe(true);
    const zip = await JSZip.loadAsync(first);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-12-06T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-12-06T00:00:00Z</dcterms:modified>');
    expect(new Set(Object.values(zip.files).map((f) => f.date.toISOString()))).toEqual(
      new Set(['2025-12-06T00:00:00.000Z']),
    );
  });

  it('takes the example configuration, its logo relative to it, with --config', async () => {
    const { parts } = await deck(
      folder(undefined),
      'example.pptx',
      '-c',
      join(ROOT, 'examples/branding/cxmap.config.yaml'),
    );
    const media = [...parts.keys()].filter((n) => n.startsWith('ppt/media/'));
    // One copy of the logo on each of the four masters.
    expect(media.length).toBe(4);
    for (const n of media) expect(parts.get(n)!.equals(LOGO), n).toBe(true);
  });
});

describe('a look that cannot be used', () => {
  const cases: [string, string, string | undefined, string][] = [
    [
      'a colour that is not #RRGGBB',
      "deck:\n  colour: '#00338'\n",
      undefined,
      `c.yaml:2:11: deck.colour: takes a colour as # and six hex digits, in quotes: "#00338D"`,
    ],
    [
      'a colour without quotes (a YAML comment)',
      'deck:\n  colour: #00338D\n',
      undefined,
      'c.yaml:2:11: deck.colour is empty: put the colour in quotes, "#00338D" (YAML reads # as the start of a comment)',
    ],
    [
      'an empty font',
      "deck:\n  font: ''\n",
      undefined,
      'c.yaml:2:9: deck.font: takes the name of a font, for example Arial',
    ],
    [
      'a font of spaces',
      "deck:\n  font: '  '\n",
      undefined,
      'c.yaml:2:9: deck.font: takes the name of a font, for example Arial',
    ],
    [
      'a missing logo',
      "deck:\n  colour: '#00338D'\n  logo: brand/logo.png\n",
      undefined,
      'c.yaml:3:9: deck.logo: cannot read brand/logo.png: no such file',
    ],
    [
      'a logo that is not an image, whatever its name',
      'deck:\n  logo: logo.png\n',
      'not an image',
      'c.yaml:2:9: deck.logo: logo.png is not a PNG, JPEG or SVG image',
    ],
    [
      'a logo over 5 MB',
      'deck:\n  logo: logo.png\n',
      'huge',
      'c.yaml:2:9: deck.logo: logo.png is 5.7 MB: a logo may be at most 5 MB',
    ],
    ['a folder for a logo', 'deck:\n  logo: .\n', undefined, 'c.yaml:2:9: deck.logo: . is a folder, not an image'],
    [
      'a misspelt key',
      'deck:\n  logos: logo.png\n',
      undefined,
      'c.yaml:2:3: unknown key `logos` in deck (did you mean `logo`?)',
    ],
  ];
  it.each(cases)('%s: one line at its line and column, exit 2', (_, config, logo, message) => {
    const cwd = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(join(cwd, 'c.yaml'), config);
    // 6,000,000 bytes: 5.72 MB of 1,048,576 bytes, over the 5 MB (5,242,880 bytes) a logo may have.
    if (logo !== undefined) writeFileSync(join(cwd, 'logo.png'), logo === 'huge' ? Buffer.alloc(6_000_000) : logo);
    const run = cxmap(['deck', MAP, '-o', 'x.pptx', '-c', 'c.yaml'], { cwd });
    expect(run.stderr).toBe(`cxmap: ${message}\n`);
    expect(run.status).toBe(2);
  });

  it('reads a JPEG and an SVG logo by their bytes, whatever their names: the JPEG as it is, the SVG as a PNG', async () => {
    const cwd = folder('deck:\n  logo: logo.jpg\n');
    // An SVG named .jpg: read as an SVG, drawn 300 pixels high (a 3:1 logo: 900 x 300).
    copyFileSync(join(ROOT, 'examples/branding/logo.svg'), join(cwd, 'logo.jpg'));
    const { parts } = await deck(cwd, 'svg.pptx');
    const png = parts.get([...parts.keys()].find((n) => n.startsWith('ppt/media/'))!)!;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([900, 300]);
  });
});

describe('a logo of any bytes', () => {
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  /** What a file named logo.png may hold: a PNG's, a JPEG's or an SVG's first bytes and anything after, or anything. */
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 64 }).map((rest) => Buffer.from([...PNG, ...rest])),
    fc.uint8Array({ maxLength: 64 }).map((rest) => Buffer.from([0xff, 0xd8, 0xff, ...rest])),
    fc.string({ maxLength: 64 }).map((rest) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"${rest}`)),
    fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
  );
  // A PNG of 0 x 0 pixels: its IHDR chunk (length 13, its name) says so.
  const empty = Buffer.from([...PNG, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0, 0, 0, 0, 0, 8, 6, 0, 0, 0]);

  it('is a logo of a size in whole pixels, or one line at deck.logo: never a crash, never a size that is no number', () => {
    const cwd = mkdtempSync(join(dir, 'any-'));
    const file = join(cwd, 'c.yaml');
    writeFileSync(file, 'deck:\n  logo: logo.png\n');
    fc.assert(
      fc.property(bytes, (logo) => {
        writeFileSync(join(cwd, 'logo.png'), logo);
        let look;
        try {
          look = deckLookOf(loadConfig(file, cwd));
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          expect((error as Error).message).toMatch(new RegExp(`^${file}:2:9: deck\\.logo: [^\\n]+$`));
          return;
        }
        const { width, height, data } = look.logo!;
        expect(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0).toBe(true);
        expect(data).toMatch(/^image\/(png|jpeg);base64,/);
      }),
      { numRuns: 300, examples: [[empty]] },
    );
  });
});

describe.skipIf(needs('soffice', 'pdftotext'))('the branded deck in LibreOffice', () => {
  it('prints the footer, the mark and the number on every page', async () => {
    const cwd = folder(BRANDED);
    const { file } = await deck(cwd, 'office.pptx');
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', cwd, file], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const pdf = join(cwd, 'office.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const slides = [...(await entries(readFileSync(file))).keys()].filter((n) =>
      /^ppt\/slides\/slide\d+\.xml$/.test(n),
    );
    expect(pages).toBe(slides.length);
    for (let page = 1; page <= pages; page++) {
      const words = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
      expect(words, `page ${page}`).toContain(FOOTER);
      expect(words, `page ${page}`).toContain(MARK);
      expect(words.split('\n'), `page ${page}`).toContain(String(page));
    }
  }, 180_000);
});
