/**
 * A drawn view printed onto a PowerPoint slide as native, editable shapes (pptxgenjs): each box a rectangle with
 * its text inside it (drag a step and its name goes with it), each line a line or a freeform with its arrowhead,
 * each dot an ellipse, each mark a freeform, each free label a text box; the drawing's title in the slide's title
 * placeholder. Everything stands where the layout put it: the scene is in points, a slide in inches (72 points an
 * inch), and the drawing is centred on its page at its scale, as every other printer puts it.
 */
import type * as Types from 'pptxgenjs';
import { xmlSafe } from '../../core/index.js';
import { DECK_FONT, LINE_HEIGHT, TEXT_ASCENT, type Page } from '../theme.js';
import { textWidth } from '../svg/font.js';
import type { Shape } from '../svg/scene.js';
import type { Drawn } from '../views.js';

type Slide = Types.default.Slide;
type ShapeProps = Types.default.ShapeProps;
type TextProps = Types.default.TextProps;
type Point = NonNullable<ShapeProps['points']>[number];
type Text = Extract<Shape, { kind: 'text' }>;
type Rect = Extract<Shape, { kind: 'rect' }>;
type Path = Extract<Shape, { kind: 'path' }>;

/** What the printer leaves to the slide: the labels it drew cut, in full, for the speaker notes. */
export interface Printed {
  tips: string[];
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const inside = (a: Box, b: Box, slack = 0.5) =>
  a.x >= b.x - slack &&
  a.y >= b.y - slack &&
  a.x + a.width <= b.x + b.width + slack &&
  a.y + a.height <= b.y + b.height + slack;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The box a text takes in the drawing, from the top of its first line: its lines as they are printed. */
function textBox(t: Text): Box {
  const width = Math.max(0, ...t.lines.map((line) => textWidth(xmlSafe(line), t.size, t.bold)));
  const x = t.anchor === 'middle' ? t.x - width / 2 : t.anchor === 'end' ? t.x - width : t.x;
  return { x, y: t.y - TEXT_ASCENT * t.size, width, height: t.lines.length * t.size * LINE_HEIGHT };
}

/** A colour of the scene as pptxgenjs takes it: six hex digits, no '#'. */
function colour(value: string): string {
  const hex = value.replace(/^#/, '').toUpperCase();
  return hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
}
const filled = (fill: string | undefined) =>
  fill && fill !== 'none' ? { fill: { color: colour(fill) } } : { fill: undefined };

/**
 * A dash pattern of the scene ("6 3": 6 points drawn, 3 left out) as the nearest of PowerPoint's preset dashes,
 * which are in multiples of the line's width: a dot (1:1), a short dash (3:1), a dash (4:3), a long dash (8:3).
 */
function dashType(dash: string | undefined, width: number): NonNullable<ShapeProps['line']>['dashType'] {
  if (!dash) return 'solid';
  const on = Number(dash.trim().split(/[\s,]+/)[0]) / width;
  return on <= 1.5 ? 'sysDot' : on <= 3.5 ? 'sysDash' : on <= 6 ? 'dash' : 'lgDash';
}

function line(stroke: string | undefined, width = 1, dash?: string): { line: NonNullable<ShapeProps['line']> } {
  return stroke && stroke !== 'none'
    ? { line: { color: colour(stroke), width, dashType: dashType(dash, width) } }
    : { line: { type: 'none' } };
}

// Paths ---------------------------------------------------------------------------------------------------------

type Segment = { to: [number, number] } & (
  { kind: 'move' | 'line' } | { kind: 'cubic'; c1: [number, number]; c2: [number, number] } | { kind: 'close' }
);

/**
 * An SVG path's data as absolute segments: moves, lines, cubic curves (arcs and quadratic curves become cubic
 * ones, which every slide program draws alike) and closes.
 */
export function segments(d: string): Segment[] {
  const tokens = d.match(/[MLHVCQAZmlhvcqaz]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const out: Segment[] = [];
  let k = 0;
  let command = '';
  let at: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  const num = () => Number(tokens[k++]);
  while (k < tokens.length) {
    if (/[A-Za-z]/.test(tokens[k]!)) command = tokens[k++]!;
    const rel = command === command.toLowerCase();
    const point = (): [number, number] => {
      const x = num();
      const y = num();
      return rel ? [at[0] + x, at[1] + y] : [x, y];
    };
    switch (command.toUpperCase()) {
      case 'M':
        at = start = point();
        out.push({ kind: 'move', to: at });
        command = rel ? 'l' : 'L'; // further pairs after a move are lines
        break;
      case 'L':
        at = point();
        out.push({ kind: 'line', to: at });
        break;
      case 'H':
        at = [rel ? at[0] + num() : num(), at[1]];
        out.push({ kind: 'line', to: at });
        break;
      case 'V':
        at = [at[0], rel ? at[1] + num() : num()];
        out.push({ kind: 'line', to: at });
        break;
      case 'C': {
        const c1 = point();
        const c2 = point();
        at = point();
        out.push({ kind: 'cubic', c1, c2, to: at });
        break;
      }
      case 'Q': {
        const q = point();
        const to = point();
        const c1: [number, number] = [at[0] + (2 / 3) * (q[0] - at[0]), at[1] + (2 / 3) * (q[1] - at[1])];
        const c2: [number, number] = [to[0] + (2 / 3) * (q[0] - to[0]), to[1] + (2 / 3) * (q[1] - to[1])];
        at = to;
        out.push({ kind: 'cubic', c1, c2, to });
        break;
      }
      case 'A': {
        const [rx, ry, rotation, large, sweep] = [num(), num(), num(), num(), num()];
        const to = point();
        out.push(...arc(at, to, rx, ry, rotation, large === 1, sweep === 1));
        at = to;
        break;
      }
      case 'Z':
        out.push({ kind: 'close', to: start });
        at = start;
        break;
      default:
        k++; // a stray number: skip it rather than loop
    }
  }
  return out;
}

/** An SVG elliptical arc as cubic curves of at most a quarter turn each (SVG 1.1, appendix F.6). */
function arc(
  from: [number, number],
  to: [number, number],
  rx0: number,
  ry0: number,
  degrees: number,
  large: boolean,
  sweep: boolean,
): Segment[] {
  if (rx0 === 0 || ry0 === 0 || (from[0] === to[0] && from[1] === to[1])) return [{ kind: 'line', to }];
  const phi = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(phi), Math.sin(phi)];
  const dx = (from[0] - to[0]) / 2;
  const dy = (from[1] - to[1]) / 2;
  const x1 = cos * dx + sin * dy;
  const y1 = -sin * dx + cos * dy;
  let [rx, ry] = [Math.abs(rx0), Math.abs(ry0)];
  const grow = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (grow > 1) [rx, ry] = [rx * Math.sqrt(grow), ry * Math.sqrt(grow)];
  const num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
  const root = Math.sqrt(Math.max(0, num / (rx * rx * y1 * y1 + ry * ry * x1 * x1))) * (large === sweep ? -1 : 1);
  const cx1 = (root * rx * y1) / ry;
  const cy1 = (-root * ry * x1) / rx;
  const cx = cos * cx1 - sin * cy1 + (from[0] + to[0]) / 2;
  const cy = sin * cx1 + cos * cy1 + (from[1] + to[1]) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const t1 = angle(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry);
  let swing = angle((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry);
  if (!sweep && swing > 0) swing -= 2 * Math.PI;
  if (sweep && swing < 0) swing += 2 * Math.PI;
  const parts = Math.ceil(Math.abs(swing) / (Math.PI / 2) - 1e-9);
  const step = swing / parts;
  const handle = (4 / 3) * Math.tan(step / 4);
  const on = (t: number): [number, number] => {
    const [ex, ey] = [rx * Math.cos(t), ry * Math.sin(t)];
    return [cx + cos * ex - sin * ey, cy + sin * ex + cos * ey];
  };
  const tangent = (t: number): [number, number] => {
    const [ex, ey] = [-rx * Math.sin(t), ry * Math.cos(t)];
    return [cos * ex - sin * ey, sin * ex + cos * ey];
  };
  return Array.from({ length: parts }, (_, n) => {
    const [a, b] = [t1 + n * step, t1 + (n + 1) * step];
    const [p, q] = [on(a), n === parts - 1 ? to : on(b)];
    const [da, db] = [tangent(a), tangent(b)];
    return {
      kind: 'cubic' as const,
      c1: [p[0] + handle * da[0], p[1] + handle * da[1]] as [number, number],
      c2: [q[0] - handle * db[0], q[1] - handle * db[1]] as [number, number],
      to: q,
    };
  });
}

/** The corners of a path's segments, control points included (a curve stays inside them). */
const corners = (path: readonly Segment[]) => path.flatMap((s) => (s.kind === 'cubic' ? [s.c1, s.c2, s.to] : [s.to]));

function bounds(points: readonly [number, number][]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** A circle as shapes.ts draws it: two half-circle arcs. */
const CIRCLE = /^M(-?[\d.]+) (-?[\d.]+) A([\d.]+) \3 0 1 0 (-?[\d.]+) \2 A\3 \3 0 1 0 \1 \2 Z$/;

/**
 * A filled triangle with no outline whose first corner is where the path before it ends: the arrowhead of that
 * path, as the SVG draws it. On a slide it becomes the line's own arrowhead, so that it moves with the line.
 */
function isArrowhead(shape: Shape, before: Shape | undefined): boolean {
  if (shape.kind !== 'path' || !shape.fill || shape.stroke || before?.kind !== 'path' || !before.stroke) return false;
  const head = segments(shape.d);
  const end = segments(before.d).at(-1);
  return (
    head.length === 4 &&
    head[0]!.kind === 'move' &&
    head[3]!.kind === 'close' &&
    end !== undefined &&
    end.kind !== 'close' &&
    Math.hypot(end.to[0] - head[0]!.to[0], end.to[1] - head[0]!.to[1]) < 0.5
  );
}

/** pptxgenjs draws freeforms (`ShapeType.custGeom`), though its types leave the name out. */
const FREEFORM = 'custGeom' as Types.default.SHAPE_NAME;

// The printer ---------------------------------------------------------------------------------------------------

/**
 * Prints a drawn view onto a slide. The title of the drawing (its text of role `title`) goes into the slide's
 * placeholder of that name when one is given, at the place and size the layout gave it, so that the slide has a
 * real title and the title is not drawn twice; without one, it is a text box like any other. Every text is in `font`
 * (the deck's; the layouts measured with Arial's widths, so a font much wider than Arial may run out of its boxes).
 */
export function printSlideShapes(
  slide: Slide,
  drawn: Drawn,
  titlePlaceholder?: string,
  font: string = DECK_FONT,
): Printed {
  const { drawing, scale } = drawn;
  const page: Page = drawn.page ?? { width: drawing.width * scale, height: drawing.height * scale, name: '' };
  const dx = (page.width - drawing.width * scale) / 2;
  // On a slide's body, under its title, the drawing stands at the top; on a page of its own, in the middle.
  const dy = page.top === undefined ? (page.height - drawing.height * scale) / 2 : page.top;
  // Slide inches from drawing points, and points on the slide from points of the drawing.
  const ix = (x: number) => (dx + x * scale) / 72;
  const iy = (y: number) => (dy + y * scale) / 72;
  const il = (length: number) => (length * scale) / 72;
  const pt = (length: number) => Math.round(length * scale * 100) / 100;
  const place = (b: Box) => ({ x: ix(b.x), y: iy(b.y), w: il(b.width), h: il(b.height) });

  const shapes = drawing.shapes;
  const boxes = shapes.map((s): Box =>
    s.kind === 'rect' ? s : s.kind === 'text' ? textBox(s) : bounds(corners(segments(s.d))),
  );
  // The drawing's title, when it goes to the placeholder (the first text of role `title`).
  const titleAt = titlePlaceholder ? shapes.findIndex((s) => s.kind === 'text' && s.role === 'title') : -1;

  // Each text goes into the smallest box drawn before it that holds it whole, when nothing drawn between them
  // covers it and it continues the box's text below the lines already there.
  const texts = new Map<number, number[]>(); // box -> its texts
  const into = new Map<number, number>(); // text -> its box
  shapes.forEach((t, k) => {
    if (t.kind !== 'text' || k === titleAt) return;
    const box = boxes[k]!;
    let best: number | undefined;
    for (let r = k - 1; r >= 0; r--) {
      const rect = shapes[r]!;
      if (rect.kind !== 'rect' || !inside(box, rect)) continue;
      if (best === undefined || rect.width * rect.height < (shapes[best] as Rect).width * (shapes[best] as Rect).height)
        best = r;
    }
    if (best === undefined) return;
    const covered = shapes.slice(best + 1, k).some((s, n) => s.kind !== 'text' && overlap(boxes[best + 1 + n]!, box));
    const previous = texts.get(best)?.at(-1);
    const follows = (p: Text) =>
      p.x === t.x &&
      p.anchor === t.anchor &&
      p.size === t.size &&
      Math.abs(t.y - (p.y + p.lines.length * p.size * LINE_HEIGHT)) < 0.5;
    if (covered || (previous !== undefined && !follows(shapes[previous] as Text))) return;
    texts.set(best, [...(texts.get(best) ?? []), k]);
    into.set(k, best);
  });

  const tips: string[] = [];
  const runs = (ts: readonly Text[]): TextProps[] =>
    ts.flatMap((t) => {
      if (t.tip !== undefined) tips.push(xmlSafe(t.tip));
      return t.lines.map((text) => ({
        text: xmlSafe(text),
        options: {
          fontFace: font,
          fontSize: pt(t.size),
          bold: t.bold === true,
          italic: t.italic === true,
          color: colour(t.fill),
          // Exactly the layout's spacing, which slide programs agree on (their "single" spacing differs).
          lineSpacing: pt(t.size * LINE_HEIGHT),
          breakLine: true,
        },
      }));
    });
  const align = (t: Text) => (t.anchor === 'middle' ? 'center' : t.anchor === 'end' ? 'right' : 'left');
  // Text sits where the layout measured it: no autofit, no inset but the one that puts its first line in place.
  const body = { valign: 'top', fit: 'none', wrap: true, fontFace: font } as const;

  shapes.forEach((shape, k) => {
    if (into.has(k) || isArrowhead(shape, shapes[k - 1])) return;
    switch (shape.kind) {
      case 'rect': {
        const outline = line(shape.stroke, shape.strokeWidth === undefined ? 1 : pt(shape.strokeWidth), shape.dash);
        const radius = Math.min(shape.radius ?? 0, shape.width / 2, shape.height / 2);
        const form = {
          ...place(shape),
          ...filled(shape.fill),
          ...outline,
          ...(radius ? { rectRadius: il(radius) } : {}),
          ...(shape.role ? { objectName: xmlSafe(shape.role) } : {}),
        };
        const kind = radius ? 'roundRect' : 'rect';
        const mine = (texts.get(k) ?? []).map((n) => shapes[n] as Text);
        if (mine.length === 0) {
          slide.addShape(kind, form);
          break;
        }
        const first = mine[0]!;
        const b = textBox(first);
        // The text of a rounded rectangle starts inside its corners, 0.29289 of the radius in from each side
        // (ECMA-376, presetShapeDefinitions.xml, roundRect: il = x1 * 29289 / 100000): the insets make up for it.
        const corner = radius * 0.29289;
        const inset = (v: number) => pt(Math.max(0, v - corner));
        const left = first.anchor === 'middle' ? Math.max(0, 2 * (first.x - shape.x) - shape.width) : b.x - shape.x;
        const right =
          first.anchor === 'middle'
            ? Math.max(0, shape.width - 2 * (first.x - shape.x))
            : first.anchor === 'end'
              ? shape.x + shape.width - first.x
              : 0;
        slide.addText(runs(mine), {
          ...form,
          ...body,
          shape: kind,
          align: align(first),
          // pptxgenjs 4 takes the insets as [left, right, bottom, top], in points.
          margin: [first.anchor === 'end' ? 0 : inset(left), inset(right), 0, inset(b.y - shape.y)],
        });
        break;
      }
      case 'text': {
        const b = textBox(shape);
        if (k === titleAt) {
          // The title's width: the drawing's, less the margin on each side the layout left it.
          const width = Math.max(b.width, drawing.width - 2 * shape.x);
          slide.addText(xmlSafe(shape.lines.join(' ')), {
            placeholder: titlePlaceholder,
            ...place({ x: shape.x, y: b.y, width, height: b.height }),
            ...body,
            fontSize: pt(shape.size),
            lineSpacing: pt(shape.size * LINE_HEIGHT),
            bold: shape.bold === true,
            color: colour(shape.fill),
            align: 'left',
            margin: 0,
          });
          if (shape.tip !== undefined) tips.push(xmlSafe(shape.tip));
          break;
        }
        // A free label: a text box as wide as its longest line and a little more on the side it grows to (both
        // for a centred one), never past the page.
        const room = { left: b.x + dx / scale, right: (page.width - dx) / scale - (b.x + b.width) };
        const middle = Math.max(0, Math.min(2, room.left, room.right));
        const left =
          shape.anchor === 'end' ? Math.max(0, Math.min(4, room.left)) : shape.anchor === 'middle' ? middle : 0;
        const right =
          !shape.anchor || shape.anchor === 'start'
            ? Math.max(0, Math.min(4, room.right))
            : shape.anchor === 'middle'
              ? middle
              : 0;
        slide.addText(runs([shape]), {
          ...place({ ...b, x: b.x - left, width: b.width + left + right }),
          ...body,
          wrap: false,
          align: align(shape),
          margin: 0,
          ...(shape.role ? { objectName: xmlSafe(shape.role) } : {}),
        });
        break;
      }
      case 'path':
        addPath(slide, shape, k + 1 < shapes.length && isArrowhead(shapes[k + 1]!, shape), { ix, iy, il, pt });
        break;
    }
  });
  return { tips };
}

function addPath(
  slide: Slide,
  shape: Path,
  arrowed: boolean,
  to: { ix: (x: number) => number; iy: (y: number) => number; il: (l: number) => number; pt: (l: number) => number },
) {
  const width = to.pt(shape.strokeWidth ?? 1);
  const outline = line(shape.stroke, width, shape.dash);
  if (arrowed && 'color' in outline.line) outline.line.endArrowType = 'triangle';
  const fill = filled(shape.fill);
  const name = shape.role ? { objectName: xmlSafe(shape.role) } : {};
  const circle = CIRCLE.exec(shape.d);
  if (circle) {
    const [cx, cy, r] = [Number(circle[1]) + Number(circle[3]), Number(circle[2]), Number(circle[3])];
    slide.addShape('ellipse', {
      x: to.ix(cx - r),
      y: to.iy(cy - r),
      w: to.il(2 * r),
      h: to.il(2 * r),
      ...fill,
      ...outline,
      ...name,
    });
    return;
  }
  const path = segments(shape.d);
  if (path.length === 0) return;
  const box = bounds(corners(path));
  // A single straight segment: a line, flipped to run from its start to its end (where an arrowhead goes).
  if (path.length === 2 && path[0]!.kind === 'move' && path[1]!.kind === 'line' && !fill.fill) {
    const [[x1, y1], [x2, y2]] = [path[0]!.to, path[1]!.to];
    slide.addShape('line', {
      x: to.ix(box.x),
      y: to.iy(box.y),
      w: to.il(box.width),
      h: to.il(box.height),
      flipH: x2 < x1,
      flipV: y2 < y1,
      ...outline,
      ...name,
    });
    return;
  }
  // Anything else: a freeform of the path, in inches from its top-left corner.
  const px = (x: number) => to.il(x - box.x);
  const py = (y: number) => to.il(y - box.y);
  const points = path.map((s): Point => {
    switch (s.kind) {
      case 'move':
        return { x: px(s.to[0]), y: py(s.to[1]), moveTo: true };
      case 'line':
        return { x: px(s.to[0]), y: py(s.to[1]) };
      case 'cubic':
        return {
          x: px(s.to[0]),
          y: py(s.to[1]),
          curve: { type: 'cubic', x1: px(s.c1[0]), y1: py(s.c1[1]), x2: px(s.c2[0]), y2: py(s.c2[1]) },
        };
      case 'close':
        return { close: true };
    }
  });
  slide.addShape(FREEFORM, {
    x: to.ix(box.x),
    y: to.iy(box.y),
    // A path along one axis has no extent across it; the freeform still needs some to be drawn.
    w: Math.max(to.il(box.width), 1 / 72),
    h: Math.max(to.il(box.height), 1 / 72),
    points,
    ...fill,
    ...outline,
    ...name,
  });
}
