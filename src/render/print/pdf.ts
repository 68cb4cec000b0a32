/**
 * Drawn views to one vector PDF, without a browser: each scene drawn with pdfkit's own primitives on a page of its
 * own (its page, or its own size without one), the text in Arimo (embedded, only the glyphs used), selectable and
 * searchable. A label that was cut keeps its whole text as what a reader copies or searches (ActualText).
 */
import { createRequire } from 'node:module';
import { printable } from '../../core/index.js';
import type { Shape } from '../svg/scene.js';
import { LINE_HEIGHT } from '../theme.js';
import { faceFile } from './fonts.js';
import type { Placed } from './png.js';

/**
 * The creation date every PDF carries: fixed (the start of 1970, as reproducible builds do), so that the same
 * drawings give the same bytes. pdfkit needs one: it seeds the file's identifier and its metadata.
 */
const FIXED_DATE = new Date(0);

/** A dash as pdfkit takes it, from an SVG `stroke-dasharray` of a dash and a gap ("6 3"; "4" for equal ones). */
function dash(doc: PDFKit.PDFDocument, pattern: string): void {
  const [on, off] = pattern.split(/[\s,]+/).map(Number);
  doc.dash(on!, { space: off ?? on! });
}

function drawShape(doc: PDFKit.PDFDocument, shape: Shape): void {
  switch (shape.kind) {
    case 'rect':
    case 'path': {
      if (shape.kind === 'rect') {
        if (shape.radius) doc.roundedRect(shape.x, shape.y, shape.width, shape.height, shape.radius);
        else doc.rect(shape.x, shape.y, shape.width, shape.height);
      } else doc.path(shape.d);
      const fill = shape.fill && shape.fill !== 'none' ? shape.fill : undefined;
      if (!shape.stroke) {
        if (fill) doc.fill(fill);
        return;
      }
      doc.lineWidth(shape.strokeWidth ?? 1);
      if (shape.dash) dash(doc, shape.dash);
      else doc.undash();
      if (fill) doc.fillAndStroke(fill, shape.stroke);
      else doc.stroke(shape.stroke);
      return;
    }
    case 'text': {
      doc.font(faceFile(shape)).fontSize(shape.size).fillColor(shape.fill);
      if (shape.tip !== undefined) doc.markContent('Span', { actual: printable(shape.tip) });
      shape.lines.forEach((raw, k) => {
        const line = printable(raw);
        const width = shape.anchor && shape.anchor !== 'start' ? doc.widthOfString(line) : 0;
        const x = shape.x - (shape.anchor === 'middle' ? width / 2 : shape.anchor === 'end' ? width : 0);
        doc.text(line, x, shape.y + k * shape.size * LINE_HEIGHT, { lineBreak: false, baseline: 'alphabetic' });
      });
      if (shape.tip !== undefined) doc.endMarkedContent();
      return;
    }
  }
}

/**
 * The scenes as one PDF, a page each: the scene's page with the scene centred on it at its scale (as `svgOf`
 * places it), or a page of the scene's own size. Same scenes, same bytes.
 */
export function pdfOf(placed: readonly Placed[], title: string): Promise<Buffer> {
  // Loaded when first printing (pdfkit and its font engine are large): the commands that print nothing start without.
  const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof import('pdfkit');
  const doc = new PDFDocument({
    autoFirstPage: false,
    font: faceFile({}),
    info: { Title: printable(title), Creator: 'cxmap', Producer: 'cxmap', CreationDate: FIXED_DATE },
    pdfVersion: '1.7',
    lang: 'en',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const { drawing, page, scale } of placed) {
    const box = page ?? { width: drawing.width, height: drawing.height };
    doc.addPage({ size: [box.width, box.height], margin: 0 });
    doc.rect(0, 0, box.width, box.height).fill('#FFFFFF');
    doc.save();
    doc.translate((box.width - drawing.width * scale) / 2, (box.height - drawing.height * scale) / 2).scale(scale);
    doc.lineJoin('round');
    for (const shape of drawing.shapes) drawShape(doc, shape);
    doc.restore();
  }
  doc.end();
  return done;
}
