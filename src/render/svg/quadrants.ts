/**
 * A chart of points in named regions, laid out by cxmap: the value and delay of steps, the value and effort of
 * opportunities. Each region has its title in a band of its own, which no point enters. Every point is labelled
 * with its name where all the names can be set beside their points without touching each other, a point, a
 * title or the edge; otherwise with a number, and a key beside the chart gives the names. Points at the same
 * place share one label. Names stand right beside their points, inside their region; a number that cannot stand
 * beside its point is set further out and joined to it by a thin leader.
 */
import { CHART, LINE_HEIGHT, FONT, INK, LH, MARGIN, MUTED, TITLE } from '../theme.js';
import { cut, textWidth, wrap } from './font.js';
import { at, type Drawing, type Shape } from './scene.js';
import { circle, legendShapes, titleShape, type LegendItem } from './shapes.js';

export interface Region {
  /** What the region is, for tests and readers of the SVG: a verdict, a quadrant. */
  id: string;
  /** The region's place on the plot, as fractions of its width and height from the top left. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  title: string;
  fill: string;
  /** Where the title stands: the left or right end of the region's title band. */
  align: 'left' | 'right';
}

export interface Point {
  /** What the point is, for tests and readers of the SVG: a step id, an opportunity id. */
  id: string;
  region: number;
  /** Where the point is inside its region, from 0 to 1: left to right, bottom to top. */
  u: number;
  v: number;
  name: string;
  /** Its number in the key. */
  key: number;
  colour: string;
}

export interface QuadrantChart {
  title: string;
  regions: readonly Region[];
  points: readonly Point[];
  /** Words at the left of the plot, at a height given as a fraction from the top. */
  yLabels: readonly { at: number; text: string }[];
  /** Words under the plot, at a fraction of its width from the left. */
  xLabels: readonly { at: number; text: string }[];
  yCaption: string;
  xCaption: string;
  legend: readonly LegendItem[];
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const WIDTH = 940;
/** The plot's height with a title of one line: the chart then fills a 16:9 page at scale 1. */
const PLOT_HEIGHT = 390;
const BAND = 20;
const INSET = 9;
const DOT = 5;
const NAME_WIDTH = 130;
const KEY_WIDTH = 270;
const Y_AXIS = 44;
/** At most this many numbers without a place are tried again first: beyond, the plot is full. */
const RETRY = 20;
/** How far from its point a number may stand, at the end of a leader. */
const REACH = 300;

const overlaps = (a: Box, b: Box, gap = 1) =>
  a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

/**
 * Where a label of size w x h may stand around a point: beside it first, then, with `reach`, further out on rings
 * up to that distance, a place every 12 points around each ring.
 */
function* candidates(px: number, py: number, w: number, h: number, reach: number): Generator<Box & { lead: boolean }> {
  const g = DOT + 3;
  yield { x: px + g, y: py - h / 2, w, h, lead: false };
  yield { x: px - g - w, y: py - h / 2, w, h, lead: false };
  yield { x: px - w / 2, y: py - g - h, w, h, lead: false };
  yield { x: px - w / 2, y: py + g, w, h, lead: false };
  yield { x: px + g - 2, y: py - g - h + 2, w, h, lead: false };
  yield { x: px + g - 2, y: py + g - 2, w, h, lead: false };
  yield { x: px - g - w + 2, y: py - g - h + 2, w, h, lead: false };
  yield { x: px - g - w + 2, y: py + g - 2, w, h, lead: false };
  for (let r = 18; r <= reach; r += 12) {
    const count = Math.max(16, Math.ceil((2 * Math.PI * r) / 12));
    for (let k = 0; k < count; k++) {
      const a = (2 * k * Math.PI) / count;
      const cx = px + Math.cos(a) * (r + w / 2);
      const cy = py + Math.sin(a) * (r + h / 2);
      yield { x: cx - w / 2, y: cy - h / 2, w, h, lead: true };
    }
  }
}

interface Label {
  lines: string[];
  box: Box & { lead: boolean };
  at: { x: number; y: number };
}

interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Whether a line crosses a box (Liang-Barsky clipping): a leader must not run through a label, a dot or a title. */
export function crosses(s: Segment, b: Box): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, s.x1 - b.x],
    [dx, b.x + b.w - s.x1],
    [-dy, s.y1 - b.y],
    [dy, b.y + b.h - s.y1],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * Labels for the groups of points. A label touches no other label, dot or title; its leader, if it has one,
 * crosses no label or title (it may pass under a dot), and no label stands on another's leader. The most crowded
 * points choose first. With `all`, undefined when a group has no free place. Otherwise the groups without one are
 * left unlabelled (a hole in the list), after up to three more tries that let them choose first when they are few
 * (the labels of their neighbours may have walled them in).
 */
function placeLabels(
  groups: readonly { x: number; y: number; lines: string[]; region: number }[],
  area: (region: number) => Box,
  obstacles: { titles: readonly Box[]; dots: readonly Box[] },
  reach: number,
  all: boolean,
): (Label | undefined)[] | undefined {
  const crowd = (g: { x: number; y: number }) => groups.filter((o) => Math.hypot(o.x - g.x, o.y - g.y) < 60).length;
  let order = [...groups.keys()].sort((a, b) => crowd(groups[b]!) - crowd(groups[a]!) || a - b);
  let best = labelsInOrder(groups, order, area, obstacles, reach, all);
  const missing = (labels: readonly (Label | undefined)[]) => [...groups.keys()].filter((k) => !labels[k]);
  if (all) return missing(best).length === 0 ? best : undefined;
  for (let tries = 0; tries < 3 && missing(best).length > 0 && missing(best).length <= RETRY; tries++) {
    const first = new Set(missing(best));
    order = [...first, ...order.filter((k) => !first.has(k))];
    const next = labelsInOrder(groups, order, area, obstacles, reach, false);
    if (missing(next).length < missing(best).length) best = next;
  }
  return best;
}

function labelsInOrder(
  groups: readonly { x: number; y: number; lines: string[]; region: number }[],
  order: readonly number[],
  area: (region: number) => Box,
  obstacles: { titles: readonly Box[]; dots: readonly Box[] },
  reach: number,
  /** Stop at the first group without a place. */
  all: boolean,
): (Label | undefined)[] {
  const taken = new Grid<Box>();
  const unleadable = new Grid<Box>();
  const leaders = new Grid<Segment>();
  for (const b of [...obstacles.titles, ...obstacles.dots]) taken.add(b, b);
  for (const b of obstacles.titles) unleadable.add(b, b);
  const labels: (Label | undefined)[] = Array.from(groups, () => undefined);
  for (const k of order) {
    const g = groups[k]!;
    const w = Math.max(...g.lines.map((l) => textWidth(l, FONT)));
    const h = g.lines.length * LH;
    const leader = (c: Box) => {
      const end = nearest(c, g.x, g.y);
      return { x1: g.x, y1: g.y, x2: end.x, y2: end.y };
    };
    const free = (c: Box & { lead: boolean }) =>
      inside(c, area(g.region)) &&
      !taken.some(c, (t) => overlaps(c, t)) &&
      !leaders.some(c, (l) => crosses(l, c)) &&
      (!c.lead || !unleadable.some(around(leader(c)), (t) => crosses(leader(c), t)));
    let found: (Box & { lead: boolean }) | undefined;
    for (const c of candidates(g.x, g.y, w, h, reach))
      if (free(c)) {
        found = c;
        break;
      }
    if (!found) {
      if (all) break;
      continue;
    }
    taken.add(found, found);
    unleadable.add(found, found);
    if (found.lead) {
      const line = leader(found);
      leaders.add(around(line), line);
    }
    labels[k] = { lines: g.lines, box: found, at: g };
  }
  return labels;
}

/** Boxes (and the boxes around lines) by the cells of a grid they touch, so that a search looks only nearby. */
class Grid<T> {
  private cells = new Map<number, T[]>();
  constructor(private readonly size = 32) {}
  private *keys(b: Box) {
    const gap = 1;
    for (let i = Math.floor((b.x - gap) / this.size); i <= Math.floor((b.x + b.w + gap) / this.size); i++)
      for (let j = Math.floor((b.y - gap) / this.size); j <= Math.floor((b.y + b.h + gap) / this.size); j++)
        yield i * 65_536 + j;
  }
  add(b: Box, item: T) {
    for (const k of this.keys(b)) {
      const cell = this.cells.get(k);
      if (cell) cell.push(item);
      else this.cells.set(k, [item]);
    }
  }
  /** Whether an item of a cell that `b` touches passes the test. */
  some(b: Box, test: (item: T) => boolean): boolean {
    for (const k of this.keys(b)) for (const item of this.cells.get(k) ?? []) if (test(item)) return true;
    return false;
  }
}

const around = (s: Segment): Box => ({
  x: Math.min(s.x1, s.x2),
  y: Math.min(s.y1, s.y2),
  w: Math.abs(s.x2 - s.x1),
  h: Math.abs(s.y2 - s.y1),
});

/** The end of a leader at a label's box: the point of the box nearest the dot. */
const nearest = (b: Box, x: number, y: number) => ({
  x: Math.max(b.x, Math.min(x, b.x + b.w)),
  y: Math.max(b.y, Math.min(y, b.y + b.h)),
});

export function quadrantDrawing(chart: QuadrantChart): Drawing {
  const shapes: Shape[] = [];
  const title = titleShape(chart.title, MARGIN, MARGIN, WIDTH - 2 * MARGIN);
  shapes.push(title.shape);
  shapes.push({
    kind: 'text',
    x: MARGIN,
    y: title.bottom + FONT,
    lines: [chart.yCaption],
    size: FONT,
    bold: true,
    fill: INK,
  });
  const top = title.bottom + LH + 6;
  const plotHeight = PLOT_HEIGHT - (title.bottom - (MARGIN + TITLE * LINE_HEIGHT + 4));

  const layout = (withKey: boolean) => {
    const plot: Box = {
      x: MARGIN + Y_AXIS,
      y: top,
      w: WIDTH - 2 * MARGIN - Y_AXIS - (withKey ? KEY_WIDTH + 16 : 0),
      h: plotHeight,
    };
    const regions = chart.regions.map((r) => ({
      ...r,
      box: {
        x: plot.x + r.left * plot.w,
        y: plot.y + r.top * plot.h,
        w: (r.right - r.left) * plot.w,
        h: (r.bottom - r.top) * plot.h,
      },
    }));
    const titles = regions.map((r) => {
      const w = textWidth(r.title, FONT, true);
      return { x: r.align === 'left' ? r.box.x + 6 : r.box.x + r.box.w - 6 - w, y: r.box.y + 4, w, h: FONT + 2 };
    });
    const dots = chart.points.map((p) => {
      const b = regions[p.region]!.box;
      return {
        x: b.x + INSET + p.u * (b.w - 2 * INSET),
        y: b.y + b.h - INSET - p.v * (b.h - BAND - 2 * INSET),
      };
    });
    return { plot, regions, titles, dots };
  };

  // Names where they all fit; numbers and a key where they do not.
  const named = layout(false);
  const groupsOf = (dots: readonly { x: number; y: number }[], text: (members: Point[]) => string[]) => {
    const groups: { x: number; y: number; members: Point[] }[] = [];
    chart.points.forEach((p, k) => {
      const d = dots[k]!;
      const same = groups.find((g) => Math.hypot(g.x - d.x, g.y - d.y) < 2);
      if (same) same.members.push(p);
      else groups.push({ ...d, members: [p] });
    });
    return groups.map((g) => ({ ...g, lines: text(g.members), region: g.members[0]!.region }));
  };
  const dotBoxes = (dots: readonly { x: number; y: number }[]) =>
    dots.map((d) => ({ x: d.x - DOT, y: d.y - DOT, w: 2 * DOT, h: 2 * DOT }));
  let l = named;
  const namedGroups = groupsOf(named.dots, (m) => m.flatMap((p) => wrap(cut(p.name).text, NAME_WIDTH, FONT)));
  let labels =
    namedGroups.length === chart.points.length
      ? placeLabels(
          namedGroups,
          (r) => named.regions[r]!.box,
          { titles: named.titles, dots: dotBoxes(named.dots) },
          0,
          true,
        )
      : undefined;
  const withKey = !labels;
  // Numbers may stand anywhere on the plot, joined to their points by leaders; a number with no free place at all
  // (a plot full of points) is left off, and the key says so.
  const unnumbered = new Set<number>();
  if (!labels) {
    l = layout(true);
    const groups = groupsOf(l.dots, (m) => [m.map((p) => p.key).join(', ')]);
    // Far-reaching leaders cost time for every number without a place: a plot of hundreds of points is full anyway.
    const reach = Math.min(groups.length > RETRY * 15 ? 150 : REACH, Math.hypot(l.plot.w, l.plot.h));
    labels = placeLabels(groups, () => l.plot, { titles: l.titles, dots: dotBoxes(l.dots) }, reach, false)!;
    labels.forEach((label, k) => {
      if (!label) for (const p of groups[k]!.members) unnumbered.add(p.key);
    });
  }
  const { plot, regions, titles, dots } = l;

  for (const r of regions)
    shapes.push({
      kind: 'rect',
      ...box(r.box),
      fill: r.fill,
      stroke: CHART.paper,
      strokeWidth: 2,
      role: `region:${r.id}`,
    });
  regions.forEach((r, k) =>
    shapes.push({
      kind: 'text',
      x: titles[k]!.x,
      y: titles[k]!.y + FONT,
      lines: [r.title],
      size: FONT,
      bold: true,
      fill: MUTED,
      role: 'region',
    }),
  );
  for (const y of chart.yLabels)
    shapes.push({
      kind: 'text',
      x: plot.x - 6,
      y: plot.y + y.at * plot.h + FONT * 0.35,
      lines: [y.text],
      size: FONT,
      fill: MUTED,
      anchor: 'end',
    });
  const under = plot.y + plot.h + FONT + 4;
  for (const x of chart.xLabels) {
    const w = textWidth(x.text, FONT);
    const cx = Math.max(plot.x + w / 2, Math.min(plot.x + plot.w - w / 2, plot.x + x.at * plot.w));
    shapes.push({ kind: 'text', x: cx, y: under, lines: [x.text], size: FONT, fill: MUTED, anchor: 'middle' });
  }
  const captionLines = wrap(chart.xCaption, plot.w, FONT, true);
  shapes.push({
    kind: 'text',
    x: plot.x + plot.w / 2,
    y: under + LH + 2,
    lines: captionLines,
    size: FONT,
    bold: true,
    fill: INK,
    anchor: 'middle',
  });
  let bottom = under + 2 + captionLines.length * LH;

  // Leaders under the dots, the dots, then the labels.
  const placed = labels.filter((label) => label !== undefined);
  for (const label of placed)
    if (label.box.lead) {
      const end = nearest(label.box, label.at.x, label.at.y);
      shapes.push({
        kind: 'path',
        d: `M${at(label.at.x)} ${at(label.at.y)} L${at(end.x)} ${at(end.y)}`,
        stroke: CHART.leader,
        strokeWidth: 0.7,
      });
    }
  chart.points.forEach((p, k) =>
    shapes.push({
      kind: 'path',
      d: circle(dots[k]!.x, dots[k]!.y, DOT),
      fill: p.colour,
      stroke: CHART.paper,
      strokeWidth: 1,
      role: `point:${p.id}`,
    }),
  );
  for (const label of placed)
    shapes.push({
      kind: 'text',
      x: label.box.x,
      y: label.box.y + FONT * 0.92,
      lines: label.lines,
      size: FONT,
      fill: INK,
      role: 'label',
    });

  // The key: each number and its name, in the order of the numbers.
  if (withKey) {
    const kx = plot.x + plot.w + 16;
    let ky = plot.y;
    shapes.push({ kind: 'text', x: kx, y: ky + FONT, lines: ['Key'], size: FONT, bold: true, fill: INK });
    ky += LH + 2;
    for (const p of [...chart.points].sort((a, b) => a.key - b.key)) {
      const name = cut(p.name);
      const lines = wrap(
        unnumbered.has(p.key) ? `${name.text} (no room for its number on the chart)` : name.text,
        KEY_WIDTH - 26,
        FONT,
      );
      shapes.push(
        {
          kind: 'text',
          x: kx + 18,
          y: ky + FONT * 0.92,
          lines: [String(p.key)],
          size: FONT,
          bold: true,
          fill: INK,
          anchor: 'end',
        },
        { kind: 'text', x: kx + 26, y: ky + FONT * 0.92, lines, size: FONT, fill: INK, role: 'key', tip: name.tip },
      );
      ky += lines.length * LH + 1;
    }
    bottom = Math.max(bottom, ky);
  }

  const legend = legendShapes(MARGIN, bottom + 6, WIDTH - 2 * MARGIN, chart.legend);
  shapes.push(...legend.shapes);
  return { width: WIDTH, height: legend.bottom + MARGIN, title: title.text, shapes, minText: FONT };
}

const box = (b: Box) => ({ x: b.x, y: b.y, width: b.w, height: b.h });
