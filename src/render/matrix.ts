/**
 * The steps by value and delay, as a Mermaid quadrant chart, printed from the drawing's own model (`matrixChart`):
 * each point where the drawing puts it, so that the two cannot disagree. Mermaid draws four quadrants; the drawing
 * has a fifth region, the band of waste across the bottom (removed whatever its delay). Its steps stand in the
 * bottom of the lower quadrants, named with `(remove)`, and the chart's title says so. Also the printer of every
 * chart of points in regions as Mermaid text (`quadrantMermaid`), which the opportunities' chart uses too.
 */
import type { ExactAnalysis as Analysis } from '../analysis/index.js';
import { plainLabel } from './text.js';
import { matrixChart } from './svg/matrix.js';
import type { Point, QuadrantChart, Region } from './svg/quadrants.js';

/** Where a fraction of the drawing falls on Mermaid's axis, whose middle is the drawing's line at `split`. */
const warp = (v: number, split: number) =>
  v < split ? (0.5 * v) / split : 0.5 + (0.5 * (v - split)) / Math.max(1e-9, 1 - split);

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * A chart of points in regions as a Mermaid quadrant chart. The quadrants are the regions at the corner where the
 * drawing's lines cross (the region at the top left ends at those lines); the axes are stretched piecewise so that
 * Mermaid's middle lines fall on the drawing's, and every point stands in its region's quadrant. A region that is
 * not one of the four is named in the title, and its points' names say it. A point next to one placed before it is
 * set a little to its right, so that both names can be read.
 */
export function quadrantMermaid(
  chart: QuadrantChart,
  axes: { x: [string, string]; y: [string, string] },
  name: (p: Point) => string,
): string {
  const corner = chart.regions.find((r) => r.left === 0 && r.top === 0)!;
  const [xs, ys] = [corner.right, corner.bottom];
  const at = (x: number, y: number) =>
    chart.regions.findIndex((r) => r.left <= x && x < r.right && r.top <= y && y < r.bottom);
  // Mermaid numbers its quadrants from the top right, anticlockwise.
  const e = 1e-6;
  const quadrants = [at(xs + e, ys - e), at(xs - e, ys - e), at(xs - e, ys + e), at(xs + e, ys + e)];
  const others = chart.regions.filter((_, k) => !quadrants.includes(k));
  const note = others.map(
    (r) =>
      `points marked (${r.id}) stand in a band of their own at the ${r.top > 0 ? 'bottom' : 'top'} of the drawing (${r.title})`,
  );
  const lines = [
    'quadrantChart',
    `  title ${plainLabel([chart.title, ...note].join(' · '))}`,
    `  x-axis ${plainLabel(axes.x[0])} --> ${plainLabel(axes.x[1])}`,
    `  y-axis ${plainLabel(axes.y[0])} --> ${plainLabel(axes.y[1])}`,
    ...quadrants.map((r, k) => `  quadrant-${k + 1} ${plainLabel(chart.regions[r]!.title)}`),
  ];
  const placed: { x: number; y: number }[] = [];
  for (const p of chart.points) {
    const r: Region = chart.regions[p.region]!;
    const [left, right] = [warp(r.left, xs), warp(r.right, xs)];
    let x = warp(r.left + p.u * (r.right - r.left), xs);
    const y = warp(1 - r.bottom + p.v * (r.bottom - r.top), 1 - ys);
    const near = placed.filter((q) => Math.abs(q.x - x) < 0.02 && Math.abs(q.y - y) < 0.05).length;
    placed.push({ x, y });
    // Nudged, it stays inside its region (short of the line at its right, which would read as the next region).
    if (near > 0) x = Math.max(left, Math.min(right - 0.01, x + 0.04 * near));
    const mark = quadrants.includes(p.region) ? '' : ` (${r.id})`;
    // Quoted: a name may be a keyword of the chart (`title`); the names hold no quotes.
    lines.push(`  "${name(p)}${mark}": [${round(x)}, ${round(y)}]`);
  }
  return `${lines.join('\n')}\n`;
}

export function matrix(analysis: Analysis, subset: readonly number[], title: string): string {
  return quadrantMermaid(
    matrixChart(analysis, subset, title),
    { x: ['Small share of the lead time', 'Large share'], y: ['Low value for the customer', 'High value'] },
    (p) => p.id,
  );
}
