/**
 * What must hold of every blueprint's layout, whatever the map: no two boxes overlap, every line of text inside its
 * box (measured with the font's metrics), no edge through a box, a wait, a lane's title, a line's name or another
 * edge's label, and no two edges sharing a segment (collinear pieces that overlap, which make one edge read as
 * another). Returns the faults found, one sentence each.
 */
import { FONT, LH } from '../../src/render/theme.js';
import { textWidth } from '../../src/render/svg/font.js';
import type { BlueprintLayout, BlueprintModel } from '../../src/render/svg/blueprint/index.js';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  what: string;
}
type Segment = { x1: number; y1: number; x2: number; y2: number; edge: string };

const EPS = 0.5;
const overlaps = (a: Rect, b: Rect) =>
  a.x + EPS < b.x + b.width && b.x + EPS < a.x + a.width && a.y + EPS < b.y + b.height && b.y + EPS < a.y + a.height;
const crosses = (s: Segment, r: Rect) =>
  Math.max(s.x1, s.x2) > r.x + EPS &&
  Math.min(s.x1, s.x2) < r.x + r.width - EPS &&
  Math.max(s.y1, s.y2) > r.y + EPS &&
  Math.min(s.y1, s.y2) < r.y + r.height - EPS;

export function layoutFaults(model: BlueprintModel, layout: BlueprintLayout): string[] {
  const faults: string[] = [];
  const name = (i: number) => model.steps[i]!.id;
  const boxes: Rect[] = layout.boxes.map((b) => ({ ...b, what: b.role }));
  const pills: Rect[] = layout.boxes
    .filter((b) => b.kind === 'step' && model.steps[b.step!]!.facts.wait)
    .map((b) => {
      const text = `waits ${model.steps[b.step!]!.facts.wait!.replace(/ /g, '\u00A0')}`;
      return {
        x: b.x + 8,
        y: b.y - (FONT + 4) / 2,
        width: textWidth(text, FONT, true) + 10,
        height: FONT + 4,
        what: `wait of ${b.role}`,
      };
    });
  const titles: Rect[] = layout.lanes.map((l) => ({
    x: l.box.x + 8,
    y: l.box.y + 5,
    width: Math.max(...l.title.map((t) => textWidth(t, FONT, true))),
    height: l.title.length * LH,
    what: `title of lane ${l.row}`,
  }));
  const lineNames: Rect[] = layout.lines.map((l) => ({
    x: 8,
    y: l.y - LH / 2,
    width: l.labelWidth,
    height: LH,
    what: l.name,
  }));
  const legend: Rect = { x: 0, y: layout.lanesBottom + 1, width: layout.width, height: layout.height, what: 'legend' };
  const labels: (Rect & { edge: string })[] = layout.edges.flatMap((e) =>
    e.label
      ? [
          {
            x: e.label.anchor === 'end' ? e.label.x - e.label.width : e.label.x,
            y: e.label.y,
            width: e.label.width,
            height: e.label.height,
            what: `label of ${name(e.edge.from)}>${name(e.edge.to)}`,
            edge: `${name(e.edge.from)}>${name(e.edge.to)}`,
          },
        ]
      : [],
  );

  for (const [k, a] of boxes.entries())
    for (const b of boxes.slice(k + 1)) if (overlaps(a, b)) faults.push(`${a.what} overlaps ${b.what}`);
  for (const l of labels)
    for (const r of [...boxes, ...pills, ...titles, ...lineNames, ...labels.filter((x) => x !== l)])
      if (overlaps(l, r)) faults.push(`${l.what} overlaps ${r.what}`);
  for (const b of layout.boxes)
    b.lines.forEach((line, k) => {
      const right = b.x + 10 + textWidth(line.text, FONT, line.bold);
      if (right > b.x + b.width + EPS)
        faults.push(`"${line.text}" runs out of ${b.role} by ${(right - b.x - b.width).toFixed(1)} pt`);
      if (b.textTop + (k + 1) * LH > b.y + b.height + LH - FONT + EPS)
        faults.push(`"${line.text}" runs below ${b.role}`);
    });

  const segments: Segment[] = layout.edges.flatMap((e) =>
    e.points.slice(1).map(([x2, y2], k) => ({
      x1: e.points[k]![0],
      y1: e.points[k]![1],
      x2,
      y2,
      edge: `${name(e.edge.from)}>${name(e.edge.to)}`,
    })),
  );
  for (const s of segments) {
    if (s.x1 !== s.x2 && s.y1 !== s.y2) faults.push(`${s.edge} has a slanted segment`);
    for (const r of [...boxes, ...pills, ...titles, ...lineNames, legend, ...labels.filter((l) => l.edge !== s.edge)])
      if (crosses(s, r)) faults.push(`${s.edge} crosses ${r.what}`);
  }
  for (const [k, a] of segments.entries())
    for (const b of segments.slice(k + 1)) {
      if (a.edge === b.edge) continue;
      const horizontal = a.y1 === a.y2 && b.y1 === b.y2 && Math.abs(a.y1 - b.y1) < EPS;
      const vertical = a.x1 === a.x2 && b.x1 === b.x2 && Math.abs(a.x1 - b.x1) < EPS;
      const [p, q] = horizontal ? (['x1', 'x2'] as const) : (['y1', 'y2'] as const);
      if (
        (horizontal || vertical) &&
        Math.min(Math.max(a[p], a[q]), Math.max(b[p], b[q])) - Math.max(Math.min(a[p], a[q]), Math.min(b[p], b[q])) >
          EPS
      )
        faults.push(`${a.edge} and ${b.edge} share a segment`);
    }
  return [...new Set(faults)];
}
