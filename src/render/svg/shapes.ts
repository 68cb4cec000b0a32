/**
 * What the drawings cxmap lays out share: the text sizes, the title, the value classes' colours, the marks of a
 * moment of truth and a fail point, and the legend that lists only what a drawing shows.
 */
import { FONT, INK, LH, LINE_HEIGHT, PALETTE, TITLE, VALUE_STYLE, type ValueKey } from '../theme.js';
import { textWidth, wrap } from './font.js';
import { at, type Shape } from './scene.js';

export const circle = (cx: number, cy: number, r: number) =>
  `M${at(cx - r)} ${at(cy)} A${r} ${r} 0 1 0 ${at(cx + r)} ${at(cy)} A${r} ${r} 0 1 0 ${at(cx - r)} ${at(cy)} Z`;

export function star(cx: number, cy: number, r: number): string {
  const points = Array.from({ length: 10 }, (_, k) => {
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    const radius = k % 2 ? r * 0.45 : r;
    return `${at(cx + radius * Math.cos(angle))} ${at(cy + radius * Math.sin(angle))}`;
  });
  return `M${points.join(' L')} Z`;
}

/** The star of a moment of truth and the circled F of a fail point, centred on (x, y). */
export const truthMark = (x: number, y: number, r = 9): Shape => ({
  kind: 'path',
  d: star(x, y, r),
  fill: '#F0B400',
  stroke: '#7A5A00',
  strokeWidth: 0.8,
});
export const failMark = (x: number, y: number, role?: string): Shape[] => [
  { kind: 'path', d: circle(x, y, 8), fill: PALETTE.failure, stroke: '#FFFFFF', strokeWidth: 1.2 },
  { kind: 'text', x, y: y + 4, lines: ['F'], size: FONT, bold: true, fill: '#FFFFFF', anchor: 'middle', role },
];

/** The drawing's title, wrapped to the width, and where what follows it starts. */
export function titleShape(text: string, x: number, y: number, width: number) {
  const lines = wrap(text, width, TITLE, true);
  return {
    shape: { kind: 'text', x, y: y + TITLE, lines, size: TITLE, bold: true, fill: INK, role: 'title' } as Shape,
    text: lines.join(' '),
    bottom: y + lines.length * TITLE * LINE_HEIGHT + 4,
  };
}

/** A legend item: its mark drawn in an 18 x 12 box whose baseline is y, and its label. */
export interface LegendItem {
  label: string;
  draw: (x: number, y: number) => Shape[];
}

export const swatch =
  (fill: string, stroke: string, strokeWidth = 1, dash?: string) =>
  (x: number, y: number) =>
    [{ kind: 'rect', x, y: y - 9, width: 18, height: 12, fill, stroke, strokeWidth, dash }] satisfies Shape[];

/** A dot in a legend, as the charts' points are drawn. */
export const dot = (fill: string) => (x: number, y: number) =>
  [{ kind: 'path', d: circle(x + 9, y - 4, 5), fill }] satisfies Shape[];

/** A box of a value class, as the blueprint draws its steps: the tint, and the band in the class's colour. */
const valueBox =
  (v: (typeof VALUE_STYLE)[ValueKey]) =>
  (x: number, y: number): Shape[] => [
    ...swatch(v.fill, '#6B6B6B')(x, y),
    { kind: 'rect', x: x + 1, y: y - 8, width: 4, height: 10, fill: v.band },
  ];

/**
 * The value classes a drawing shows, as legend items, in the order of VALUE_STYLE: as boxes (the blueprint), or
 * as dots (the charts).
 */
export const valueItems = (shown: ReadonlySet<ValueKey>, mark: 'box' | 'dot' = 'box'): LegendItem[] =>
  Object.entries(VALUE_STYLE)
    .filter(([value]) => shown.has(value as ValueKey))
    .map(([, v]) => ({ label: v.label, draw: mark === 'box' ? valueBox(v) : dot(v.band) }));

export const truthItem: LegendItem = { label: 'moment of truth', draw: (x, y) => [truthMark(x + 9, y - 3, 8)] };
export const failItem: LegendItem = { label: 'fail point', draw: (x, y) => failMark(x + 9, y - 3) };

/** A legend, its items flowing in lines across the width; where the next thing can start. */
export function legendShapes(
  x0: number,
  y0: number,
  width: number,
  items: readonly LegendItem[],
): { shapes: Shape[]; bottom: number } {
  const shapes: Shape[] = [];
  let x = x0;
  let y = y0 + FONT;
  for (const item of items) {
    const w = 23 + textWidth(item.label, FONT) + 14;
    if (x > x0 && x + w - 14 > x0 + width) {
      x = x0;
      y += LH + 3;
    }
    shapes.push(...item.draw(x, y), {
      kind: 'text',
      x: x + 23,
      y,
      lines: [item.label],
      size: FONT,
      fill: INK,
      role: 'legend',
    });
    x += w;
  }
  return { shapes, bottom: items.length > 0 ? y + 4 : y0 };
}
