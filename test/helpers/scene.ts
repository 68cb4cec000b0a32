/**
 * A drawn view as its reader sees it, read from its scene rather than from a browser: every line of text as a box
 * on the page (measured with the layout's widths, which are Arimo's: test/render/fonts.test.ts), every shape with
 * a role by its box, in points on the page where the drawing stands (or on the drawing at its own size).
 */
import { textWidth, LINE_HEIGHT, type Drawn } from '../../src/render/index.js';
import type { Shape } from '../../src/render/svg/scene.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Arimo's ascent and descent, as shares of the font size (1854 and 434 of 2048 units). */
const ASCENT = 1854 / 2048;
const DESCENT = 434 / 2048;

export interface Seen {
  /** The page's size in points, or the drawing's own. */
  width: number;
  height: number;
  /** Every shape with a role, by its box. */
  roles: (Box & { role: string; kind: Shape['kind'] })[];
  /** Every line of text by its box (advance width, ascent to descent). */
  texts: (Box & { text: string; role?: string })[];
  /** The smallest text on the page, in points: its size times the drawing's scale. */
  smallest: number;
}

/** The points a path of cxmap's (absolute M, L, H, V, C, A and Z commands) passes through or is pulled by. */
function pathBox(d: string): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MLHVCAZ])([^MLHVCAZ]*)/g)) {
    const n = (args!.match(/-?[\d.]+(?:e-?\d+)?/g) ?? []).map(Number);
    const step = { M: 2, L: 2, C: 2, H: 1, V: 1, A: 7, Z: 0 }[command as 'M'];
    for (let k = 0; step && k + step <= n.length; k += step) {
      if (command === 'H') x = n[k]!;
      else if (command === 'V') y = n[k]!;
      else [x, y] = [n[k + step - 2]!, n[k + step - 1]!];
      xs.push(x);
      ys.push(y);
    }
  }
  return {
    x: Math.min(...xs),
    y: Math.min(...ys),
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
  };
}

function textBoxes(t: Extract<Shape, { kind: 'text' }>): (Box & { text: string })[] {
  return t.lines.map((line, k) => {
    const width = textWidth(line, t.size, t.bold);
    const baseline = t.y + k * t.size * LINE_HEIGHT;
    const x = t.anchor === 'middle' ? t.x - width / 2 : t.anchor === 'end' ? t.x - width : t.x;
    return { text: line, x, y: baseline - ASCENT * t.size, width, height: (ASCENT + DESCENT) * t.size };
  });
}

/** The drawn view's texts and roles, on its page at its scale, as `svgOf` places it. */
export function seen(drawn: Pick<Drawn, 'drawing' | 'page' | 'scale'>): Seen {
  const { drawing, page, scale } = drawn;
  const box = page ?? drawing;
  const dx = (box.width - drawing.width * scale) / 2;
  const dy = (box.height - drawing.height * scale) / 2;
  const place = (b: Box): Box => ({
    x: dx + b.x * scale,
    y: dy + b.y * scale,
    width: b.width * scale,
    height: b.height * scale,
  });
  const texts: Seen['texts'] = [];
  const roles: Seen['roles'] = [];
  for (const shape of drawing.shapes) {
    if (shape.kind === 'text')
      for (const t of textBoxes(shape)) texts.push({ ...place(t), text: t.text, role: shape.role });
    const own = shape.kind === 'rect' ? shape : shape.kind === 'path' ? pathBox(shape.d) : undefined;
    if (shape.role && own) roles.push({ ...place(own), role: shape.role, kind: shape.kind });
  }
  const sizes = drawing.shapes.flatMap((s) => (s.kind === 'text' ? [s.size * scale] : []));
  return { width: box.width, height: box.height, roles, texts, smallest: Math.min(...sizes) };
}

/** Whether two boxes overlap by more than `slack` (in points) both ways. */
export const overlap = (a: Box, b: Box, slack = 0) =>
  a.x + slack < b.x + b.width &&
  b.x + slack < a.x + a.width &&
  a.y + slack < b.y + b.height &&
  b.y + slack < a.y + a.height;
