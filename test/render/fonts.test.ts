/**
 * The width table the layout measures text with (svg/font.ts, Arial's widths) against Arimo, the font cxmap ships
 * and prints PNG and PDF with: each width read from Arimo's own files with fontkit (which comes with pdfkit).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CHARS, textWidth } from '../../src/render/svg/font.js';
import { faceFile, fontFiles, type Face } from '../../src/render/print/fonts.js';

interface Font {
  unitsPerEm: number;
  glyphForCodePoint(code: number): { advanceWidth: number };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): Font };

/** A character's advance in Arimo's face, in thousandths of the font size (the table's unit), unrounded. */
function advance(face: Face): (c: string) => number {
  const font = fontkit.openSync(faceFile(face));
  return (c) => (font.glyphForCodePoint(c.codePointAt(0)!).advanceWidth * 1000) / font.unitsPerEm;
}

/** The soft hyphen: Arimo gives it a hyphen's 333, but it is drawn only where a line breaks, and cxmap breaks none there. */
const SOFT_HYPHEN = '\u00AD';

describe("the layout's widths are Arimo's", () => {
  it('finds the four faces in the npm package', () => {
    const files = fontFiles();
    expect(Object.keys(files)).toEqual(['regular', 'bold', 'italic', 'boldItalic']);
    for (const path of Object.values(files)) expect(path).toMatch(/@expo-google-fonts\/arimo\/.+\/Arimo_\w+\.ttf$/);
    expect(faceFile({ bold: true, italic: true })).toBe(files.boldItalic);
  });

  it.each([
    ['regular', { bold: false }],
    ['bold', { bold: true }],
  ] as const)(
    "every %s width of the table is Arimo's, to the unit (the table rounds to a thousandth of an em)",
    (_, face) => {
      const width = advance(face);
      const off = [...CHARS]
        .filter((c) => c !== SOFT_HYPHEN && Math.abs(textWidth(c, 1000, face.bold) - width(c)) > 0.5)
        .map((c) => `${c} ${textWidth(c, 1000, face.bold)} vs ${width(c).toFixed(1)}`);
      // Bold µ is 600 in Arimo, 576 in Arial: the table takes the wider (so is exact for Arimo).
      expect(off).toEqual([]);
      expect(CHARS.length).toBeGreaterThan(200);
      expect(textWidth(SOFT_HYPHEN, 1000, face.bold)).toBe(0);
      expect(Math.round(width(SOFT_HYPHEN))).toBe(333);
    },
  );

  it.each([
    ['italic', { bold: false, italic: true }],
    ['bold italic', { bold: true, italic: true }],
  ] as const)('no %s character is wider than the upright width the layout measures it with', (_, face) => {
    const width = advance(face);
    const wider = [...CHARS].filter((c) => c !== SOFT_HYPHEN && width(c) > textWidth(c, 1000, face.bold) + 0.5);
    expect(wider).toEqual([]);
  });

  it('measures the middle dot of "Home buyer · web" at Arimo\'s 333, not the 278 that let names overflow', () => {
    // 11 pt: "·" is 333 / 1000 x 11 = 3.663 pt.
    expect(textWidth('·', 11)).toBeCloseTo(3.663, 6);
    expect(advance({})('·')).toBeCloseTo(333.0, 0);
  });
});
