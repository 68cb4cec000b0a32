/**
 * Text in the drawings cxmap lays out itself: the font stack, and the width of a line of text in it, so that the
 * layout wraps names and sizes boxes without a browser. The widths are Arial’s (per 1000 units of the font size),
 * which Liberation Sans (Linux) and Helvetica (macOS) share, so the same box fits the text on every platform.
 * Arimo, the font cxmap ships and prints PNG and PDF with, has the same widths: test/render/fonts.test.ts reads
 * them from its files and checks every one. Where Arial and Arimo differ (the middle dot `·`, bold `µ`), the table
 * takes the wider, so the text fits in both.
 */

/** The characters the table measures. */
export const CHARS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ–—‘’“”…·€•→←×';
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584, 278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 0, 737, 552, 400, 549, 333, 333, 333,
  576, 537, 333, 333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667,
  278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556,
  556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 549, 611, 556,
  556, 556, 556, 500, 556, 500, 556, 1000, 222, 222, 333, 333, 1000, 333, 556, 350, 1000, 1000, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
  556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
  280, 389, 584, 278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 0, 737, 552, 400, 549, 333, 333, 333,
  600, 556, 333, 333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667,
  278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556,
  556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 549, 611, 611,
  611, 611, 611, 556, 611, 556, 556, 1000, 278, 278, 500, 500, 1000, 333, 556, 350, 1000, 1000, 584,
];
const TABLE = { regular: new Map<string, number>(), bold: new Map<string, number>() };
[...CHARS].forEach((c, i) => {
  TABLE.regular.set(c, REGULAR[i]!);
  TABLE.bold.set(c, BOLD[i]!);
});

/** A character the table lacks: wide scripts take a full em, anything else the width of a capital. */
const unknownWidth = (c: string) => (c.codePointAt(0)! >= 0x2e80 ? 1000 : 722);

export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? TABLE.bold : TABLE.regular;
  let units = 0;
  for (const c of text) units += table.get(c) ?? unknownWidth(c);
  return (units * size) / 1000;
}

/** The longest label drawn, in characters: a longer one is cut, with the whole text in a tooltip. */
export const LABEL_MAX = 120;

/** A label as drawn: cut to `LABEL_MAX` characters with an ellipsis, and then the whole text as its tooltip. */
export function cut(text: string): { text: string; tip?: string } {
  const chars = [...text];
  return chars.length <= LABEL_MAX ? { text } : { text: `${chars.slice(0, LABEL_MAX - 1).join('')}…`, tip: text };
}

/**
 * Text broken into lines no wider than `width`, at spaces; a word wider than a line is broken between its
 * characters. Nothing is cut: every character of the text is on some line.
 */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (t: string) => textWidth(t, size, bold) <= width;
  // Lines break at plain spaces only: a no-break space keeps `1 h 30 m` together.
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const c of word) {
      if (line && !fits(line + c)) {
        lines.push(line);
        line = '';
      }
      line += c;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
