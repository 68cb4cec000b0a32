/**
 * The boxes of a scene's shapes, measured as the layout measures them (textWidth of the font's metrics), for
 * geometry tests that need no browser.
 */
import { LINE_HEIGHT, textWidth } from '../../src/render/index.js';
import type { Drawing, Shape } from '../../src/render/svg/scene.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  /** The text or the role of what the box holds, for messages. */
  what: string;
}

/** The box of a text: its widest line, from the top of the first line's ascent (0.92 em) down its lines. */
export function textBox(s: Extract<Shape, { kind: 'text' }>): Box {
  const w = Math.max(...s.lines.map((l) => textWidth(l, s.size, s.bold)));
  const x = s.anchor === 'middle' ? s.x - w / 2 : s.anchor === 'end' ? s.x - w : s.x;
  return { x, y: s.y - 0.92 * s.size, w, h: s.lines.length * s.size * LINE_HEIGHT, what: s.lines.join(' ') };
}

export const texts = (d: Drawing) => d.shapes.filter((s) => s.kind === 'text');

/** Whether two boxes share more than `slack` points both ways. */
export const overlap = (a: Box, b: Box, slack = 0.01) =>
  a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;

export const within = (a: Box, b: { x: number; y: number; w: number; h: number }, slack = 0.01) =>
  a.x >= b.x - slack && a.y >= b.y - slack && a.x + a.w <= b.x + b.w + slack && a.y + a.h <= b.y + b.h + slack;
