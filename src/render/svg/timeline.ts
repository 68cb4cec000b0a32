/**
 * Where the time goes on the most likely path, laid out by cxmap: a row per step in the order of the path, grouped
 * by stage, with a bar on one time axis from when the step's wait starts: its wait (light orange while the
 * customer's last news is recent, orange for the part that is dark time: silence beyond the map's `darkAfter`; grey
 * where the wait runs beside a longer branch, off the critical path, so that it is neither counted nor felt apart),
 * then its work in its value class's colour. Parallel branches start together, so their bars stand side by side in
 * time; the join starts when the slowest is done.
 *
 * The model (`timelineModel`) is what the Mermaid gantt chart prints too. The layout is made once: rows of fixed
 * height on one axis; a timeline too tall for its page is cut between rows, by whole stages where they fit.
 */
import { dayWords, formatDuration, isWorkingCalendar } from '../../core/index.js';
import { likelyPath, type ExactAnalysis as Analysis } from '../../analysis/index.js';
import {
  CHART,
  FONT,
  INK,
  LH,
  MARGIN,
  MUTED,
  PAGE_MARGIN,
  PALETTE,
  VALUE_STYLE,
  type Page,
  type ValueKey,
} from '../theme.js';
import { cut, textWidth, wrap } from './font.js';
import { at, type Drawing, type Shape } from './scene.js';
import { legendShapes, swatch, titleShape, type LegendItem } from './shapes.js';

/** A step of the most likely path as the timeline shows it; times in seconds from the trigger. */
export interface TimelineBar {
  step: number;
  id: string;
  name: string;
  start: number;
  wait: number;
  work: number;
  /** How much of the wait, at its end, the customer is left without news (dark time), in seconds. */
  dark: number;
  /** Whether the step runs beside a longer branch, off the critical path (its wait is then not dark time). */
  beside: boolean;
  value: ValueKey;
}

export interface TimelineModel {
  /** The stages in the map's order that hold a step of the path, each with its steps in the order of the path. */
  stages: { name: string; bars: TimelineBar[] }[];
  /** When the last step shown is done. */
  end: number;
}

/** The steps of the most likely path among `subset` (all the steps by default), by stage. */
export function timelineModel(analysis: Analysis, subset?: readonly number[]): TimelineModel {
  const { map, effort, time } = analysis;
  const inPart = subset && new Set(subset);
  const bars: TimelineBar[] = likelyPath(analysis)
    .filter((b) => !inPart || inPart.has(b.step))
    .map((b) => {
      const s = map.steps[b.step]!;
      // The dark wait of one pass, as the dark time counts it: the end of the wait, after `darkAfter` of silence.
      const dark = Math.min(b.wait, effort.darkWait[b.step]!);
      const beside = time.critical[b.step]! === 0 && b.wait > 0;
      return { ...b, id: s.id, name: s.name, dark, beside, value: s.value ?? 'none' };
    });
  const stages = map.stages
    .map((name) => ({ name, bars: bars.filter((b) => map.steps[b.step]!.stage === name) }))
    .filter((s) => s.bars.length > 0);
  return { stages, end: bars.reduce((end, b) => Math.max(end, b.start + b.wait + b.work), 0) };
}

const WIDTH = 940;
const NAME_WIDTH = 240;
const INDENT = 12;
const BAR = 12;
type TextShape = Extract<Shape, { kind: 'text' }>;
const GAP = 12;
/** A stage's heading row, and the space under each row of a step. */
const HEAD = LH + 6;
const PAD = 4;
/** The thinnest bar the legend counts as shown, in points. */
const VISIBLE = 0.5;

/** The unit of the axis: days of the map's calendar from two days on, hours from two hours, minutes below. */
function axisUnit(end: number, day: number) {
  if (end >= 2 * day) return { seconds: day, name: 'd' };
  if (end >= 2 * 3600) return { seconds: 3600, name: 'h' };
  return { seconds: 60, name: 'm' };
}

/** Ticks at 1, 2 or 5 times a power of ten of the unit, at most eight steps to the end. */
function ticks(end: number, unit: number): number[] {
  const span = Math.max(end / unit, 1);
  const base = 10 ** Math.floor(Math.log10(span / 8));
  const step = [1, 2, 5, 10].map((m) => m * base).find((s) => span / s <= 8)!;
  return Array.from({ length: Math.floor(span / step + 1e-9) + 1 }, (_, k) => k * step * unit);
}

/** A row of the layout: its height and its shapes, drawn from the row's top. */
interface Row {
  height: number;
  shapes: (top: number) => Shape[];
  /** The stage the row belongs to, for the heading of a part that starts inside it. */
  stage: number;
  head: boolean;
  bar?: TimelineBar;
}

const text = (x: number, y: number, lines: readonly string[], more: Partial<TextShape> = {}): TextShape => ({
  kind: 'text',
  x,
  y,
  lines,
  size: FONT,
  fill: INK,
  ...more,
});

/** A diamond of half-width r centred on (x, y): a step that takes no time. */
const diamond = (x: number, y: number, r: number) =>
  `M${at(x)} ${at(y - r)} L${at(x + r)} ${at(y)} L${at(x)} ${at(y + r)} L${at(x - r)} ${at(y)} Z`;

/**
 * The timeline of the most likely path: one drawing without a page; on a page, as many parts as it takes for each
 * to fit at the readable minimum, cut between whole stages where they fit and between steps where a stage does not.
 */
export function timelineDrawings(analysis: Analysis, title: string, page?: Page): Drawing[] {
  const cal = analysis.map.process.calendar;
  const model = timelineModel(analysis);
  const all = model.stages.flatMap((s) => s.bars);
  const unit = axisUnit(model.end, cal.day);
  const figures = all.map((b) => formatDuration(b.wait + b.work, cal));
  const figureWidth = Math.max(textWidth('Wait + work', FONT, true), ...figures.map((f) => textWidth(f, FONT))) + 4;
  const plotX = MARGIN + NAME_WIDTH + GAP;
  const plotW = WIDTH - 2 * MARGIN - NAME_WIDTH - 2 * GAP - figureWidth;
  const perSecond = model.end > 0 ? plotW / model.end : 0;
  const x = (t: number) => plotX + t * perSecond;
  const figureX = WIDTH - MARGIN;

  // The rows, laid out once: a heading per stage, then a row per step.
  const rows: Row[] = [];
  let n = 0;
  model.stages.forEach((stage, k) => {
    const name = cut(stage.name);
    rows.push({
      height: HEAD,
      stage: k,
      head: true,
      shapes: (top) => [text(MARGIN + 4, top + 4 + FONT, [name.text], { bold: true, role: 'stage', tip: name.tip })],
    });
    for (const b of stage.bars) {
      const label = cut(b.name);
      const lines = wrap(label.text, NAME_WIDTH - INDENT, FONT);
      const height = Math.max(lines.length * LH, BAR) + PAD;
      const figure = figures[n++]!;
      const shapes = (top: number) => {
        const mid = top + height / 2;
        const out: Shape[] = [
          text(MARGIN + INDENT, mid - ((lines.length - 1) * LH) / 2 + FONT * 0.35, lines, {
            role: b.id,
            tip: label.tip,
          }),
          text(figureX, mid + FONT * 0.35, [figure], { anchor: 'end', role: 'figure' }),
        ];
        const bar = (from: number, seconds: number, fill: string, role: string) =>
          out.push({ kind: 'rect', x: x(from), y: mid - BAR / 2, width: seconds * perSecond, height: BAR, fill, role });
        if (b.wait > b.dark) bar(b.start, b.wait - b.dark, b.beside ? CHART.waitBeside : CHART.waitLit, `wait:${b.id}`);
        if (b.dark > 0) bar(b.start + b.wait - b.dark, b.dark, PALETTE.hot, `dark:${b.id}`);
        if (b.work > 0) bar(b.start + b.wait, b.work, VALUE_STYLE[b.value].band, `work:${b.id}`);
        if (b.wait + b.work === 0)
          out.push({ kind: 'path', d: diamond(x(b.start), mid, BAR / 2), fill: INK, role: `milestone:${b.id}` });
        return out;
      };
      rows.push({ height, stage: k, head: false, bar: b, shapes });
    }
  });

  // What every part has above its rows: the title, a sentence, the axis; and the legend under them.
  const summary = wrap(
    `The most likely path, ${all.length} ${all.length === 1 ? 'step' : 'steps'} from the trigger to its end in ${formatDuration(model.end, cal)}${isWorkingCalendar(cal) ? ` (in ${dayWords(cal)})` : ''}: each step waits, then is worked on; parallel branches start together.`,
    WIDTH - 2 * MARGIN,
    FONT,
  );
  // The legend names the bars a reader can see: work of minutes in a timeline of months is too thin to draw.
  const seen = (seconds: number) => seconds * perSecond >= VISIBLE;
  const legendOf = (bars: readonly TimelineBar[]) => {
    const items: LegendItem[] = [];
    const lit = (beside: boolean) => bars.some((b) => b.beside === beside && seen(b.wait - b.dark));
    if (lit(false))
      items.push({
        label: `waiting, news within ${formatDuration(analysis.map.process.darkAfter, cal)}`,
        draw: swatch(CHART.waitLit, CHART.waitLit),
      });
    if (bars.some((b) => seen(b.dark)))
      items.push({ label: 'waiting without news (dark time)', draw: swatch(PALETTE.hot, PALETTE.hot) });
    if (lit(true))
      items.push({ label: 'waiting beside a longer branch', draw: swatch(CHART.waitBeside, CHART.waitBeside) });
    for (const [key, v] of Object.entries(VALUE_STYLE))
      if (bars.some((b) => seen(b.work) && b.value === key))
        items.push({ label: `${v.label} work`, draw: swatch(v.band, v.band) });
    if (bars.some((b) => b.wait + b.work === 0))
      items.push({
        label: 'no time (a milestone)',
        draw: (lx, ly) => [{ kind: 'path', d: diamond(lx + 9, ly - 3, BAR / 2), fill: INK }],
      });
    return items;
  };
  const axis = ticks(model.end, unit.seconds);
  const axisLabel = (t: number) => (t === 0 ? '0' : `${Math.round((t / unit.seconds) * 1000) / 1000} ${unit.name}`);

  const drawPart = (from: number, to: number, partTitle: string): Drawing => {
    const shapes: Shape[] = [];
    const head = titleShape(partTitle, MARGIN, MARGIN, WIDTH - 2 * MARGIN);
    shapes.push(head.shape, text(MARGIN, head.bottom + FONT, summary));
    const axisY = head.bottom + summary.length * LH + 6;
    shapes.push(text(MARGIN, axisY + FONT, ['Step'], { bold: true }));
    shapes.push(text(figureX, axisY + FONT, ['Wait + work'], { bold: true, anchor: 'end' }));
    for (const t of axis) {
      const w = textWidth(axisLabel(t), FONT);
      const cx = Math.max(plotX + w / 2, Math.min(plotX + plotW - w / 2, x(t)));
      shapes.push(text(cx, axisY + FONT, [axisLabel(t)], { fill: MUTED, anchor: 'middle', role: 'axis' }));
    }
    let y = axisY + HEAD;
    const top = y;
    const part = rows.slice(from, to);
    // A part that starts inside a stage repeats the stage's heading.
    if (!part[0]!.head) part.unshift(rows.find((r) => r.head && r.stage === part[0]!.stage)!);
    const body: Shape[] = [];
    let band: { y: number; stage: number } | undefined;
    const closeBand = () => {
      if (band && band.stage % 2 === 0)
        shapes.push({
          kind: 'rect',
          x: MARGIN,
          y: band.y,
          width: WIDTH - 2 * MARGIN,
          height: y - band.y,
          fill: CHART.stripe,
          role: 'band',
        });
    };
    for (const row of part) {
      if (row.head) {
        closeBand();
        band = { y, stage: row.stage };
      }
      body.push(...row.shapes(y));
      y += row.height;
    }
    closeBand();
    for (const t of axis)
      shapes.push({ kind: 'path', d: `M${at(x(t))} ${at(top)} V${at(y)}`, stroke: CHART.grid, strokeWidth: 0.6 });
    shapes.push(...body);
    const bars = part.flatMap((r) => (r.bar ? [r.bar] : []));
    const legend = legendShapes(MARGIN, y + 6, WIDTH - 2 * MARGIN, legendOf(bars));
    shapes.push(...legend.shapes);
    return { width: WIDTH, height: legend.bottom + MARGIN, title: head.text, shapes, minText: FONT };
  };

  if (!page || rows.length === 0) return [drawPart(0, rows.length, title)];
  // The room for rows on a page: its height less the longest title's, the sentence's, the axis's and the legend's.
  const worst = titleShape(`${title} · part 99 of 99`, MARGIN, MARGIN, WIDTH - 2 * MARGIN);
  const legendHeight = legendShapes(0, 0, WIDTH - 2 * MARGIN, legendOf(all)).bottom + 6;
  const room = page.height - 2 * PAGE_MARGIN - worst.bottom - summary.length * LH - 6 - HEAD - legendHeight - MARGIN;
  // Whole stages while they fit. A stage taller than a page alone is cut between its steps, and each of its parts
  // after the first repeats its heading.
  const cuts = [0];
  let used = 0;
  for (let r = 0; r < rows.length;) {
    let end = r + 1;
    while (end < rows.length && !rows[end]!.head) end++;
    const stage = rows.slice(r, end).reduce((h, row) => h + row.height, 0);
    if (used > 0 && used + stage > room) {
      cuts.push(r);
      used = 0;
    }
    if (used + stage <= room) {
      used += stage;
      r = end;
      continue;
    }
    for (let steps = 0; r < end; r++) {
      if (steps > 0 && used + rows[r]!.height > room) {
        cuts.push(r);
        used = HEAD;
        steps = 0;
      }
      used += rows[r]!.height;
      if (!rows[r]!.head) steps++;
    }
  }
  if (cuts.length === 1) return [drawPart(0, rows.length, title)];
  return cuts.map((a, k) => drawPart(a, cuts[k + 1] ?? rows.length, `${title} · part ${k + 1} of ${cuts.length}`));
}
