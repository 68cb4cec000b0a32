/**
 * Where the customer's time goes, laid out by cxmap: for each stage, a bar of its waiting and a bar of its work
 * split by value class (value-adding, business-required, waste and rework, not classed), each figure written at
 * its bar. Waiting is most of the lead time in most service processes, so the work has its own scale: on one
 * scale it would be a sliver. The stages add up to the lead time (time on the critical path, weighted by visits).
 */
import { CHART, FONT, INK, LH, MARGIN, MUTED, TIME_COLOUR } from '../theme.js';
import { dayWords, formatDuration, isWorkingCalendar } from '../../core/index.js';
import { blendedTimeSplit, type ExactAnalysis as Analysis, type TimeSlice } from '../../analysis/index.js';
import { textWidth, wrap } from './font.js';
import type { Drawing, Shape } from './scene.js';
import { legendShapes, swatch, titleShape } from './shapes.js';

const WIDTH = 940;
const STAGE_WIDTH = 180;
const GAP = 14;

const share = (part: number, whole: number) => {
  const p = whole > 0 ? (100 * part) / whole : 0;
  return p > 0 && p < 0.5 ? 'under 1%' : `${Math.round(p)}%`;
};

/** A share of the customer's time as the charts show it: the analysis's slice and its colour in the theme. */
export interface TimeBar extends TimeSlice {
  colour: string;
}

/** The time chart's model: for each stage its waiting and its work by class, and the same for all the steps shown. */
export interface TimeModel {
  rows: { stage: string; wait: TimeBar; work: TimeBar[]; workTotal: number }[];
  /** The waiting over all the steps shown, then their work by value class. */
  wait: TimeBar;
  work: TimeBar[];
  workTotal: number;
  lead: number;
}

const bars = (analysis: Analysis, steps: readonly number[]) => {
  const [wait, ...work] = blendedTimeSplit(analysis, steps).map((s) => ({ ...s, colour: TIME_COLOUR[s.key] }));
  return { wait: wait!, work, workTotal: work.reduce((t, w) => t + w.seconds, 0) };
};

/** What the time chart and its Mermaid pie show of the steps of `subset`. */
export function timeModel(analysis: Analysis, subset: readonly number[]): TimeModel {
  const { map } = analysis;
  const chosen = new Set(subset);
  const rows = map.stages
    .map((stage) => {
      const steps = map.steps.filter((s) => s.stage === stage && chosen.has(s.index)).map((s) => s.index);
      return { stage, steps, ...bars(analysis, steps) };
    })
    .filter((r) => r.steps.length > 0);
  const all = bars(analysis, subset);
  return { rows, ...all, lead: all.wait.seconds + all.workTotal };
}

export function timeDrawing(analysis: Analysis, subset: readonly number[], title: string): Drawing {
  const cal = analysis.map.process.calendar;
  const { rows, wait: waitAll, work: workAll, workTotal: workSum, lead } = timeModel(analysis, subset);
  const valueAdding = workAll[0]!.seconds;

  const shapes: Shape[] = [];
  const head = titleShape(title, MARGIN, MARGIN, WIDTH - 2 * MARGIN);
  shapes.push(head.shape);
  const summary = wrap(
    `Time on the critical path ${formatDuration(lead, cal)}${isWorkingCalendar(cal) ? ` (in ${dayWords(cal)})` : ''}: the customer waits ${formatDuration(waitAll.seconds, cal)} (${share(waitAll.seconds, lead)}) and is worked on for ${formatDuration(workSum, cal)} (${share(workSum, lead)}); value-adding work is ${formatDuration(valueAdding, cal)} (${share(valueAdding, lead)}).`,
    WIDTH - 2 * MARGIN,
    FONT,
  );
  shapes.push({ kind: 'text', x: MARGIN, y: head.bottom + FONT, lines: summary, size: FONT, fill: INK });
  let y = head.bottom + summary.length * LH + 10;

  // Two panels after the stage names, each with room at its end for the longest figure written there.
  const ends = (texts: string[]) => Math.max(...texts.map((t) => textWidth(t, FONT, true))) + 8;
  const waitTexts = rows.map((r) => formatDuration(r.wait.seconds, cal));
  const workTexts = rows.map((r) => formatDuration(r.workTotal, cal));
  const room = WIDTH - 2 * MARGIN - STAGE_WIDTH - 2 * GAP - ends(waitTexts) - ends(workTexts);
  const waitX = MARGIN + STAGE_WIDTH + GAP;
  const waitW = room / 2;
  const workX = waitX + waitW + ends(waitTexts) + GAP;
  const workW = room / 2;
  // Bars as thick as a page of few stages allows, never thinner than a line of text.
  const bar = Math.min(36, Math.max(16, 260 / rows.length - 12));
  const maxWait = Math.max(...rows.map((r) => r.wait.seconds));
  const maxWork = Math.max(...rows.map((r) => r.workTotal));
  const heading = (x: number, text: string) =>
    shapes.push({ kind: 'text', x, y: y + FONT, lines: [text], size: FONT, bold: true, fill: INK });
  heading(MARGIN, 'Stage');
  heading(waitX, 'Waiting');
  heading(workX, 'Work, by value class (its own scale)');
  y += LH + 6;
  const top = y;

  rows.forEach((r, k) => {
    const names = wrap(r.stage, STAGE_WIDTH, FONT);
    const height = Math.max(names.length * LH, bar) + 10;
    if (k % 2 === 0)
      shapes.push({ kind: 'rect', x: MARGIN, y: y - 3, width: WIDTH - 2 * MARGIN, height, fill: CHART.stripe });
    const mid = y - 3 + height / 2;
    shapes.push({
      kind: 'text',
      x: MARGIN + 4,
      y: mid - ((names.length - 1) * LH) / 2 + FONT * 0.35,
      lines: names,
      size: FONT,
      fill: INK,
      role: 'stage',
    });
    const segment = (x: number, w: number, fill: string) => {
      if (w > 0) shapes.push({ kind: 'rect', x, y: mid - bar / 2, width: w, height: bar, fill });
    };
    const figure = (x: number, text: string) =>
      shapes.push({
        kind: 'text',
        x: x + 5,
        y: mid + FONT * 0.35,
        lines: [text],
        size: FONT,
        bold: true,
        fill: INK,
        role: 'figure',
      });
    const waitLength = maxWait > 0 ? (waitW * r.wait.seconds) / maxWait : 0;
    segment(waitX, waitLength, r.wait.colour);
    figure(waitX + waitLength, waitTexts[k]!);
    let x = workX;
    for (const w of r.work) {
      const length = maxWork > 0 ? (workW * w.seconds) / maxWork : 0;
      segment(x, length, w.colour);
      x += length;
    }
    figure(x, workTexts[k]!);
    y += height;
  });

  // The legend carries each class's total, so that every figure of the chart is written on it.
  const items = [waitAll, ...workAll]
    .filter((s) => s.seconds > 0)
    .map((s) => ({
      label: `${s.label} ${formatDuration(s.seconds, cal)} (${share(s.seconds, lead)})`,
      draw: swatch(s.colour, s.colour),
    }));
  const legend = legendShapes(MARGIN, y + 8, WIDTH - 2 * MARGIN, items);
  shapes.push(...legend.shapes);
  for (const x of [waitX, workX])
    shapes.push({ kind: 'path', d: `M${x} ${top - 3} V${y - 3}`, stroke: MUTED, strokeWidth: 0.8 });
  return { width: WIDTH, height: legend.bottom + MARGIN, title: head.text, shapes, minText: FONT };
}
