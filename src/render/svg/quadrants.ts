/**
 * A chart of points in named regions, laid out by cxmap: the value and delay of steps, the value and effort of
 * opportunities. Each region has its title in a band of its own, which no point enters. Every point is labelled
 * with its name where all the names can be set beside their points without touching each other, a point, a
 * title or the edge; otherwise with a number, and a key beside the chart gives the names. Points at the same
 * place share one label. Names stand right beside their points, inside their region; a number that cannot stand
 * beside its point is set further out and joined to it by a thin leader.
 */
import { LINE_HEIGHT, FONT, INK, LH, MARGIN, MUTED, TITLE } from '../theme.js';
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

const overlaps = (a: Box, b: Box, gap = 1) =>
  a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

/** Where a label of size w x h may stand around a point: beside it first, then further out on rings. */
function* candidates(
  px: number,
  py: number,
  w: number,
  h: number,
  leaders: boolean,
): Generator<Box & { lead: boolean }> {
  const g = DOT + 3;
  yield { x: px + g, y: py - h / 2, w, h, lead: false };
  yield { x: px - g - w, y: py - h / 2, w, h, lead: false };
  yield { x: px - w / 2, y: py - g - h, w, h, lead: false };
  yield { x: px - w / 2, y: py + g, w, h, lead: false };
  yield { x: px + g - 2, y: py - g - h + 2, w, h, lead: false };
  yield { x: px + g - 2, y: py + g - 2, w, h, lead: false };
  yield { x: px - g - w + 2, y: py - g - h + 2, w, h, lead: false };
  yield { x: px - g - w + 2, y: py + g - 2, w, h, lead: false };
  if (!leaders) return;
  for (let r = 18; r <= 150; r += 12)
    for (let k = 0; k < 16; k++) {
      const a = (k * Math.PI) / 8;
      const cx = px + Math.cos(a) * (r + w / 2);
      const cy = py + Math.sin(a) * (r + h / 2);
      yield { x: cx - w / 2, y: cy - h / 2, w, h, lead: true };
    }
}

interface Label {
  lines: string[];
  box: Box & { lead: boolean };
  at: { x: number; y: number };
}

/** Labels for the groups of points, or undefined when one of them has no free place. */
function placeLabels(
  groups: readonly { x: number; y: number; lines: string[]; region: number }[],
  area: (region: number) => Box,
  obstacles: readonly Box[],
  leaders: boolean,
): Label[] | undefined {
  const taken: Box[] = [...obstacles];
  // The most crowded points choose first.
  const crowd = (g: { x: number; y: number }) => groups.filter((o) => Math.hypot(o.x - g.x, o.y - g.y) < 60).length;
  const order = [...groups.keys()].sort((a, b) => crowd(groups[b]!) - crowd(groups[a]!) || a - b);
  const labels: Label[] = [];
  for (const k of order) {
    const g = groups[k]!;
    const w = Math.max(...g.lines.map((l) => textWidth(l, FONT)));
    const h = g.lines.length * LH;
    let found: (Box & { lead: boolean }) | undefined;
    for (const c of candidates(g.x, g.y, w, h, leaders))
      if (inside(c, area(g.region)) && !taken.some((t) => overlaps(c, t))) {
        found = c;
        break;
      }
    if (!found) return undefined;
    taken.push(found);
    labels[k] = { lines: g.lines, box: found, at: g };
  }
  return labels;
}

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
    return groups.map((g) => ({ x: g.x, y: g.y, lines: text(g.members), region: g.members[0]!.region }));
  };
  const dotBoxes = (dots: readonly { x: number; y: number }[]) =>
    dots.map((d) => ({ x: d.x - DOT, y: d.y - DOT, w: 2 * DOT, h: 2 * DOT }));
  let l = named;
  const namedGroups = groupsOf(named.dots, (m) => m.flatMap((p) => wrap(cut(p.name).text, NAME_WIDTH, FONT)));
  let labels =
    namedGroups.length === chart.points.length
      ? placeLabels(namedGroups, (r) => named.regions[r]!.box, [...named.titles, ...dotBoxes(named.dots)], false)
      : undefined;
  const withKey = !labels;
  if (!labels) {
    l = layout(true);
    labels = placeLabels(
      groupsOf(l.dots, (m) => [m.map((p) => p.key).join(', ')]),
      () => l.plot,
      [...l.titles, ...dotBoxes(l.dots)],
      true,
    );
  }
  const { plot, regions, titles, dots } = l;

  for (const r of regions)
    shapes.push({
      kind: 'rect',
      ...box(r.box),
      fill: r.fill,
      stroke: '#FFFFFF',
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
  for (const label of labels ?? [])
    if (label.box.lead) {
      const end = nearest(label.box, label.at.x, label.at.y);
      shapes.push({
        kind: 'path',
        d: `M${at(label.at.x)} ${at(label.at.y)} L${at(end.x)} ${at(end.y)}`,
        stroke: '#777777',
        strokeWidth: 0.7,
      });
    }
  chart.points.forEach((p, k) =>
    shapes.push({
      kind: 'path',
      d: circle(dots[k]!.x, dots[k]!.y, DOT),
      fill: p.colour,
      stroke: '#FFFFFF',
      strokeWidth: 1,
      role: `point:${p.id}`,
    }),
  );
  for (const label of labels ?? [])
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
      const lines = wrap(name.text, KEY_WIDTH - 26, FONT);
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
