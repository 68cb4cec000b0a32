/**
 * The printers of a scene, without a browser: PNG through resvg with the Arimo cxmap ships (pixels read back), PDF
 * through pdfkit (its pages, boxes and text read from the file itself; poppler where installed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LANE_FILL, PAGES, pdfOf, pngOf, raster, textWidth, type Drawn } from '../../src/render/index.js';
import type { Drawing, Shape } from '../../src/render/svg/scene.js';
import { needs } from '../helpers/tools.js';

const NAME = 'Call the bank';
/** A lane 200 x 60 points with a bold name in it at 11 pt, its baseline at y 35, from x 20. */
const scene = (text: Partial<Extract<Shape, { kind: 'text' }>> = {}): Drawing => ({
  width: 200,
  height: 60,
  title: 'test',
  minText: 11,
  shapes: [
    { kind: 'rect', x: 0, y: 0, width: 200, height: 60, fill: LANE_FILL.customer },
    { kind: 'text', x: 20, y: 35, lines: [NAME], size: 11, bold: true, fill: '#000000', ...text },
  ],
});

/** The pixel at (x, y) of an RGBA raster, as #RRGGBB. */
const colour = (pixels: Buffer, image: { width: number }, x: number, y: number) => {
  const at = (y * image.width + x) * 4;
  return `#${[0, 1, 2].map((k) => pixels[at + k]!.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
};

/** The columns holding a dark pixel (any channel below 100). */
function inkColumns(image: { pixels: Buffer; width: number; height: number }): { first: number; last: number } {
  // resvg copies the pixels out on every read of `pixels`: read them once.
  const pixels = image.pixels;
  let first = Infinity;
  let last = -1;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if (pixels[(y * image.width + x) * 4]! < 100) {
        first = Math.min(first, x);
        last = Math.max(last, x);
      }
  return { first, last };
}

describe('PNG', () => {
  it('draws the text in Arimo as wide as the layout measured it, on the lane colour of the theme', () => {
    // 200 points across is at least 1800 pixels: 9 pixels a point.
    const image = raster({ drawing: scene(), scale: 1 }, 2);
    expect([image.width, image.height]).toEqual([1800, 540]);
    expect(colour(image.pixels, image, 5 * 9, 5 * 9)).toBe(LANE_FILL.customer.toUpperCase());
    // Bold 11 pt "Call the bank" is 68.464 points by the table (C 722 + a 556 + l 278 + l 278 + space 278 + t 333 +
    // h 611 + e 556 + space 278 + b 611 + a 556 + n 611 + k 556 = 6224 thousandths of 11 pt: 68.464).
    expect(textWidth(NAME, 11, true)).toBeCloseTo(68.464, 6);
    const ink = inkColumns(image);
    // The ink starts within a point of x 20 (the C's side bearing) and ends within a point of 20 + 68.464 (the k's).
    expect(ink.first / 9).toBeGreaterThanOrEqual(20);
    expect(ink.first / 9).toBeLessThan(21);
    expect(ink.last / 9).toBeLessThanOrEqual(88.464);
    expect(ink.last / 9).toBeGreaterThan(87.464);
  });

  it('puts a drawing on its page at its scale: 960 x 540 points at 2 pixels a point, the drawing centred', () => {
    const drawn: Pick<Drawn, 'drawing' | 'page' | 'scale'> = { drawing: scene(), page: PAGES['16:9'], scale: 1.5 };
    const image = raster(drawn, 2);
    expect([image.width, image.height]).toEqual([1920, 1080]);
    // The page is white around the drawing, which is 300 x 90 points at 1.5, from x 330 and y 225.
    const pixels = image.pixels;
    expect(colour(pixels, image, 10, 10)).toBe('#FFFFFF');
    expect(colour(pixels, image, 2 * 335, 2 * 230)).toBe(LANE_FILL.customer.toUpperCase());
    expect(colour(pixels, image, 2 * 325, 2 * 230)).toBe('#FFFFFF');
    const png = pngOf(drawn, 2);
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(png.readUInt32BE(20)).toBe(1080);
    expect(pngOf(drawn, 2).equals(png)).toBe(true);
  });

  it('prints a label with what XML forbids and markup as text', () => {
    const image = raster({ drawing: scene({ lines: ['a\u0001b <b>&</b> \u202Eevil'] }), scale: 1 }, 2);
    expect(inkColumns(image).last).toBeGreaterThan(20 * 9);
  });
});

/** The streams of a PDF, inflated, as text: what pdfkit wrote into its pages. */
function streams(pdf: Buffer): string {
  const text: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/\/Filter \/FlateDecode[\s\S]*?>>\nstream\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('\nendstream', start);
    text.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
  }
  return text.join('\n');
}

describe('PDF', () => {
  it('has a page per scene: its page, or its own size; the same bytes twice', async () => {
    const placed = [
      { drawing: scene(), page: PAGES['16:9'], scale: 1.5 },
      { drawing: scene(), scale: 1 },
    ];
    const pdf = await pdfOf(placed, 'Apply for a loan · blueprint');
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/Type \/Page$/gm)).toHaveLength(2);
    expect([...raw.matchAll(/\/MediaBox \[([^\]]*)\]/g)].map((m) => m[1])).toEqual(['0 0 960 540', '0 0 200 60']);
    expect((await pdfOf(placed, 'Apply for a loan · blueprint')).equals(pdf)).toBe(true);
    // The drawing at 1.5, centred on the page: (960 - 300) / 2 = 330 across, (540 - 90) / 2 = 225 down, which in
    // PDF's upward axis is the page's flip (1 0 0 -1 0 540) then the placement.
    expect(streams(pdf)).toContain('1 0 0 1 330 225 cm\n1.5 0 0 1.5 0 0 cm');
  });

  it("keeps a cut label's whole text as what a reader copies (ActualText)", async () => {
    const pdf = await pdfOf([{ drawing: scene({ lines: ['Call the…'], tip: NAME }), scale: 1 }], 't');
    expect(streams(pdf)).toContain(`/Span <<\n/ActualText (${NAME})\n>> BDC`);
  });

  describe.skipIf(needs('pdftotext'))('read back by poppler', () => {
    it('gives the text, a cut label whole', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cxmap-pdf-'));
      try {
        const drawing = scene({ lines: ['Call the…'], tip: NAME });
        drawing.shapes.push({
          kind: 'text',
          x: 110,
          y: 15,
          lines: ['Line of', 'visibility'],
          size: 11,
          fill: '#000000',
        });
        writeFileSync(join(dir, 't.pdf'), await pdfOf([{ drawing, scale: 1 }], 't'));
        const text = execFileSync('pdftotext', [join(dir, 't.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        expect(text).toContain(NAME);
        expect(text).toContain('Line of visibility');
        expect(text).not.toContain('…');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
