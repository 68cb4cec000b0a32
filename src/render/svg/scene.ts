/**
 * The drawings cxmap lays out itself, as one small document model and one printer to SVG that any reader of SVG
 * shows as a browser does: no `foreignObject`, no style sheet, no markers, no CSS classes. Every colour, line and
 * font is a presentation attribute on its element, every line of text its own `<text>`, every arrowhead a
 * filled path. PowerPoint, Keynote, LibreOffice and librsvg draw such an SVG as Chromium does.
 */
import { xmlText } from '../../core/index.js';
import { FONT_FAMILY, LINE_HEIGHT, PAGE_MARGIN, type Page } from '../theme.js';

export type Shape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      fill: string;
      stroke?: string;
      strokeWidth?: number;
      dash?: string;
      radius?: number;
      /** What the box is, for tests and readers of the SVG: `lane:customer`, a step id... */
      role?: string;
    }
  | { kind: 'path'; d: string; fill?: string; stroke?: string; strokeWidth?: number; dash?: string; role?: string }
  | {
      kind: 'text';
      x: number;
      /** The baseline of the first line. */
      y: number;
      lines: readonly string[];
      size: number;
      bold?: boolean;
      italic?: boolean;
      fill: string;
      anchor?: 'start' | 'middle' | 'end';
      /** What the text is, for tests and readers of the SVG: a step id, `lane`, `title`... */
      role?: string;
      /** The whole text of a label that was cut, shown as a tooltip (an SVG `<title>` of its first line). */
      tip?: string;
    };

export interface Drawing {
  /** Size in points: on a page at scale 1, text of size 11 is 11 pt. */
  width: number;
  height: number;
  /** The drawing's title, for the SVG's `<title>` (screen readers and file browsers). */
  title: string;
  shapes: Shape[];
  /** The smallest font size in the drawing. */
  minText: number;
  /** The map's steps the drawing shows (by index), when it shows some of them: a part of a view. */
  steps?: readonly number[];
}

/** A coordinate as the SVG writes it: to a tenth of a point. */
export const at = (v: number) => Math.round(v * 10) / 10;
/** The size of a picture in points as its SVG gives it in pixels (96 a inch, 72 points a inch), to a tenth. */
export const pixels = (points: number) => at((points * 4) / 3);
const n = (v: number) => String(at(v));
const escape = xmlText;

function shapeSvg(shape: Shape): string[] {
  const dash = 'dash' in shape && shape.dash ? ` stroke-dasharray="${shape.dash}"` : '';
  switch (shape.kind) {
    case 'rect': {
      const radius = shape.radius ? ` rx="${n(shape.radius)}"` : '';
      const role = shape.role ? ` data-role="${escape(shape.role)}"` : '';
      const stroke = shape.stroke ? ` stroke="${shape.stroke}" stroke-width="${n(shape.strokeWidth ?? 1)}"` : '';
      return [
        `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}"${radius} fill="${shape.fill}"${stroke}${dash}${role}/>`,
      ];
    }
    case 'path': {
      const stroke = shape.stroke ? ` stroke="${shape.stroke}" stroke-width="${n(shape.strokeWidth ?? 1)}"` : '';
      const role = shape.role ? ` data-role="${escape(shape.role)}"` : '';
      return [`<path d="${shape.d}" fill="${shape.fill ?? 'none'}"${stroke}${dash} stroke-linejoin="round"${role}/>`];
    }
    case 'text': {
      const attributes = [
        `font-family="${escape(FONT_FAMILY)}"`,
        `font-size="${n(shape.size)}"`,
        shape.bold ? 'font-weight="bold"' : '',
        shape.italic ? 'font-style="italic"' : '',
        `fill="${shape.fill}"`,
        shape.anchor && shape.anchor !== 'start' ? `text-anchor="${shape.anchor}"` : '',
        shape.role ? `data-role="${escape(shape.role)}"` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return shape.lines.map(
        (line, k) =>
          `<text x="${n(shape.x)}" y="${n(shape.y + k * shape.size * LINE_HEIGHT)}" ${attributes}>${k === 0 && shape.tip !== undefined ? `<title>${escape(shape.tip)}</title>` : ''}${escape(line)}</text>`,
      );
    }
  }
}

/**
 * An SVG drawn by Mermaid, put on a page: as large as fits inside the margins, centred. The drawing keeps its id
 * (its style sheet refers to it).
 */
export function onPage(svg: string, page: Page): string {
  const root = /^<svg([^>]*)>([\s\S]*)<\/svg>\s*$/.exec(svg.trim());
  const view = /viewBox="([^"]+)"/
    .exec(root?.[1] ?? '')?.[1]
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (!root || !view || view.length !== 4) return svg;
  const size = { width: view[2]!, height: view[3]! };
  const scale = Math.min((page.width - 2 * PAGE_MARGIN) / size.width, (page.height - 2 * PAGE_MARGIN) / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  const attributes = root[1]!.replace(/\s(width|height|style)="[^"]*"/g, '');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pixels(page.width)}" height="${pixels(page.height)}" viewBox="0 0 ${n(page.width)} ${n(page.height)}">`,
    `<rect x="0" y="0" width="${n(page.width)}" height="${n(page.height)}" fill="#FFFFFF"/>`,
    `<svg${attributes} x="${n((page.width - width) / 2)}" y="${n((page.height - height) / 2)}" width="${n(width)}" height="${n(height)}">${root[2]}</svg>`,
    '</svg>',
    '',
  ].join('\n');
}

/**
 * The drawing as an SVG document. On a page, the drawing is centred at `scale` inside it and the SVG has the
 * page's size (in pixels at 96 per inch, so that a point of the drawing is a point on paper at scale 1).
 */
export function svgOf(drawing: Drawing, page?: Page, scale = 1): string {
  const box = page ?? { width: drawing.width, height: drawing.height };
  const dx = (box.width - drawing.width * scale) / 2;
  const dy = (box.height - drawing.height * scale) / 2;
  const transform = page ? ` transform="translate(${n(dx)} ${n(dy)}) scale(${Math.round(scale * 1e4) / 1e4})"` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pixels(box.width)}" height="${pixels(box.height)}" viewBox="0 0 ${n(box.width)} ${n(box.height)}">`,
    `<title>${escape(drawing.title)}</title>`,
    `<rect x="0" y="0" width="${n(box.width)}" height="${n(box.height)}" fill="#FFFFFF"/>`,
    `<g${transform}>`,
    ...drawing.shapes.flatMap(shapeSvg),
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
