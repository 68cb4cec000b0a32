/**
 * The journey at a glance: one 16:9 slide that tells a board what the customer lives, stage by stage. Each stage of
 * the map is a column: the time a customer spends in it and how much of that is waiting and dark (the scoring's own
 * figures, `stageFigures`), the worst feeling the map records there and at which step, its moments of truth and
 * fail points. A line joins the feelings of neighbouring stages only where both record one: a stage without a
 * feeling is a gap, never a point made up between two others. Below, where customers go, as shares of ALL
 * customers: each ending with the share whose case ends there (the expected visits of the end step; together they
 * make 100 %), each detour with the share that takes it at least once (the chance of ever reaching its first step,
 * from the journey's model), and how many go the main way exactly as drawn.
 */
import { feelingWord } from '../../../load/index.js';
import { counted, formatDuration as duration, isWorkingCalendar, type Calendar } from '../../../core/index.js';
import { endings, metric, stageFigures, type ExactAnalysis as Analysis } from '../../../analysis/index.js';
import { INK, JOURNEY, JOURNEY_GLANCE as G, LINE_HEIGHT } from '../../theme.js';
import { cut, textWidth, wrap } from '../font.js';
import type { Drawing, Shape } from '../scene.js';
import { circle, failMark, truthMark } from '../shapes.js';
import { journeyModel, shareText } from './model.js';

export interface JourneyGlanceOptions {
  /** The slide's title; by default `<process> · the journey at a glance`. */
  title?: string;
}

/** One way customers go: an ending or a detour, with its share of all customers and what it says. */
export interface GlanceWay {
  kind: 'success' | 'failure' | 'detour';
  share: number;
  text: string;
}

export interface GlanceStage {
  name: string;
  time: number;
  wait: number;
  dark: number;
  worst?: { feeling: number; step: string };
  truths: number;
  fails: number;
}

export interface GlanceModel {
  title: string;
  calendar: Calendar;
  summary: string;
  stages: GlanceStage[];
  ways: GlanceWay[];
  footnote: string;
}

export function glanceModel(analysis: Analysis, options: JourneyGlanceOptions = {}): GlanceModel {
  const { map } = analysis;
  const journey = journeyModel(analysis);
  const calendar = map.process.calendar;
  const d = (s: number) => duration(s, calendar);
  const stages = stageFigures(analysis)
    .filter((s) => s.steps.length > 0)
    .map((s) => ({
      name: s.stage,
      time: s.time,
      wait: s.wait,
      dark: s.dark,
      worst: s.worst && { feeling: s.worst.feeling, step: s.worst.step.name },
      truths: s.truths.length,
      fails: s.fails.length,
    }));
  // The label of the choice that leads to an ending, from the way off the main path that ends there.
  const labelOf = (end: number) =>
    journey.branches.find((b) => b.kind !== 'detour' && b.steps.at(-1)?.index === end)?.choice;
  const ways: GlanceWay[] = [
    ...endings(analysis).map((e) => {
      const label = labelOf(e.step.index);
      const what = e.outcome === 'success' ? 'reach the goal' : 'end without the goal';
      return { kind: e.outcome, share: e.share, text: `${what}${label ? ` (${label})` : ''}: ${e.step.name}` };
    }),
    ...journey.branches
      .filter((b) => b.kind === 'detour')
      .map((b) => ({
        kind: 'detour' as const,
        share: b.share,
        text: `take a detour${b.choice ? ` (${b.choice})` : ''}: ${b.steps[0]!.name}${b.back ? `, back to ${b.back}` : ''}`,
      })),
  ];
  // The figures of the map (of a map with segments, the blend), as every other output gives them.
  const figure = (id: 'leadTime' | 'waitShare' | 'successRate') => metric(id).of(analysis)!;
  const success = shareText(figure('successRate'));
  return {
    title: options.title ?? `${map.process.name} · the journey at a glance`,
    calendar,
    summary:
      `A customer spends ${d(figure('leadTime'))} on average, ${shareText(figure('waitShare'))} of it waiting; ` +
      `${success} reach the goal. ${shareText(journey.asDrawn)} go the main way exactly as drawn, ` +
      `${shareText(journey.detoured)} take at least one detour.`,
    stages,
    ways,
    footnote: [
      'Times are expected per customer, weighted by how often each step is reached; shares are of all customers, a detour counted once however often it is taken.',
      isWorkingCalendar(calendar) ? `d = a working day of ${calendar.day / 3600} h.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  };
}

/** A line of text no wider than `width`: cut with an ellipsis where it is wider, the whole text as its tip. */
export function fitted(text: string, width: number, size: number, bold = false): { text: string; tip?: string } {
  const label = cut(text);
  if (textWidth(label.text, size, bold) <= width) return label;
  const chars = [...label.text];
  let n = chars.length;
  while (n > 1 && textWidth(`${chars.slice(0, n).join('').trimEnd()}…`, size, bold) > width) n--;
  return { text: `${chars.slice(0, n).join('').trimEnd()}…`, tip: text };
}

/** Text in up to `max` lines of `width`, the last cut with an ellipsis when the text runs on. */
export function lines(value: string, width: number, size: number, max: number, bold = false): string[] {
  const all = wrap(value, width, size, bold);
  if (all.length <= max) return all;
  return [...all.slice(0, max - 1), fitted(all.slice(max - 1).join(' '), width, size, bold).text];
}

const text = (x: number, y: number, value: string | string[], size: number, extra: Partial<Shape> = {}): Shape =>
  ({
    kind: 'text',
    x,
    y,
    lines: Array.isArray(value) ? value : [value],
    size,
    fill: INK,
    ...extra,
  }) as Shape;

/** The journey at a glance as a drawing the size of a 16:9 slide inside its margins. */
export function glanceDrawing(model: GlanceModel): Drawing {
  const M = G.margin;
  const W = G.width;
  const T = G.text;
  const lh = T * LINE_HEIGHT;
  const shapes: Shape[] = [];
  const title = fitted(model.title, W - 2 * M, G.title, true);
  shapes.push(text(M, M + G.title, title.text, G.title, { bold: true, role: 'title', tip: title.tip }));
  const summary = lines(model.summary, W - 2 * M, G.subtitle, 2);
  shapes.push(text(M, M + G.title + 8 + G.subtitle, summary, G.subtitle, { fill: G.muted, role: 'summary' }));

  // The stages as columns right of the row names.
  const top = M + G.title + 14 + summary.length * G.subtitle * LINE_HEIGHT;
  const left = M + G.gutter;
  const n = Math.max(1, model.stages.length);
  const colW = (W - M - left - (n - 1) * G.gap) / n;
  const colX = (k: number) => left + k * (colW + G.gap);
  const inner = colW - 12;
  // A stage's name on up to two lines; the counts of its marks each on up to two lines beside the mark.
  const names = model.stages.map((s) => lines(s.name, inner, G.header, 2, true));
  const headerH = Math.max(1, ...names.map((l) => l.length)) * G.header * LINE_HEIGHT + 10;
  const marks = model.stages.map((s) =>
    [
      { count: s.truths, words: counted(s.truths, 'moment of truth', 'moments of truth'), truth: true },
      { count: s.fails, words: counted(s.fails, 'fail point'), truth: false },
    ]
      .filter((m) => m.count > 0)
      .map((m) => ({ ...m, lines: lines(m.words, inner - 20, T, 2) })),
  );
  const markLines = Math.max(2, ...marks.map((m) => m.reduce((sum, x) => sum + x.lines.length, 0)));
  const rows = {
    time: top + headerH + 8,
    feeling: top + headerH + 8 + G.figure + 3 * lh + 14,
  };
  const levels = { top: rows.feeling + 8, step: 15 };
  const levelY = (f: number) => levels.top + (2 - f) * levels.step;
  const worstY = levelY(-2) + 12 + T;
  const marksY = worstY + 3 * lh + 8;
  const bottom = marksY + markLines * (lh + 1) + 4;
  const rowName = (y: number, value: string[]) =>
    shapes.push(text(M, y, value, T, { bold: true, fill: G.muted, role: 'row' }));
  rowName(rows.time + T, ['Time in', 'the stage']);
  rowName(worstY, ['Worst feeling', 'recorded']);
  rowName(marksY, ['Moments of', 'truth, fails']);
  for (const f of [2, 0, -2])
    shapes.push(text(left - 8, levelY(f) + T * 0.35, feelingWord(f), T, { fill: G.muted, anchor: 'end' }));

  const longest = Math.max(...model.stages.map((s) => s.time), 1);
  // The stages' times in one size, as large as the narrowest column holds them (never under the text's size).
  const widest = Math.max(...model.stages.map((s) => textWidth(duration(s.time, model.calendar), 1, true)));
  const figure = Math.max(T, Math.min(G.figure, Math.floor((colW - 12) / widest)));
  const points: ({ x: number; y: number } | undefined)[] = [];
  model.stages.forEach((s, k) => {
    const x = colX(k);
    shapes.push(
      { kind: 'rect', x, y: top, width: colW, height: bottom - top, fill: G.columnFill, role: `stage:${s.name}` },
      { kind: 'rect', x, y: top, width: colW, height: headerH, fill: G.headerFill },
    );
    shapes.push(
      text(x + 6, top + G.header + 4, names[k]!, G.header, {
        bold: true,
        fill: G.headerInk,
        role: 'stage',
        tip: names[k]!.join(' ') === s.name ? undefined : s.name,
      }),
    );
    // The time: the figure, a bar as long as its share of the longest stage (waiting in the waiting's colour).
    const y = rows.time;
    shapes.push(text(x + 6, y + G.figure - 2, duration(s.time, model.calendar), figure, { bold: true, role: 'time' }));
    const barW = Math.max(1, (inner * s.time) / longest);
    const waitW = s.time > 0 ? (barW * s.wait) / s.time : 0;
    shapes.push(
      { kind: 'rect', x: x + 6, y: y + G.figure + 4, width: barW, height: 7, fill: JOURNEY.cardStroke },
      { kind: 'rect', x: x + 6, y: y + G.figure + 4, width: waitW, height: 7, fill: JOURNEY.waitStroke },
    );
    const waitLine = fitted(`${duration(s.wait, model.calendar)} waiting`, inner, T);
    const darkLine = fitted(
      s.dark > 0 ? `${duration(s.dark, model.calendar)} dark, no news` : 'no dark time',
      inner,
      T,
    );
    shapes.push(
      text(x + 6, y + G.figure + 14 + T, waitLine.text, T, { fill: G.waitInk, role: 'wait' }),
      text(x + 6, y + G.figure + 14 + T + lh, darkLine.text, T, { fill: G.dark, role: 'dark' }),
    );
    // The feeling: a dot at the worst level recorded, or the words "not recorded".
    const cx = x + colW / 2;
    if (s.worst) {
      const cy = levelY(s.worst.feeling);
      points.push({ x: cx, y: cy });
      const words = lines(`${feelingWord(s.worst.feeling)} at ${s.worst.step}`, inner, T, 3);
      shapes.push(text(x + 6, worstY, words, T, { role: 'feeling' }));
    } else {
      // No mark on the scale (a hollow one read as "neutral"): a gap in the line, and the words.
      points.push(undefined);
      shapes.push(text(x + 6, worstY, 'not recorded', T, { fill: G.muted, role: 'feeling' }));
    }
    // The moments of truth and fail points: their marks and counts.
    let my = marksY;
    for (const m of marks[k]!) {
      shapes.push(
        ...(m.truth ? [truthMark(x + 14, my - 4, 7)] : failMark(x + 14, my - 4)),
        text(x + 26, my, m.lines, T, { role: 'marks' }),
      );
      my += m.lines.length * (lh + 1);
    }
    if (!marks[k]!.length) shapes.push(text(x + 6, marksY, 'none', T, { fill: G.muted, role: 'marks' }));
  });

  // The levels of feeling across the stages, and the line that joins neighbouring stages that both record one.
  for (const f of [2, 0, -2]) {
    shapes.push({
      kind: 'path',
      d: `M${left} ${levelY(f)} H${W - M}`,
      stroke: f === 0 ? JOURNEY.neutralLine : JOURNEY.levelLine,
      strokeWidth: 0.8,
    });
  }
  points.forEach((p, k) => {
    const before = points[k - 1];
    if (p && before)
      shapes.push({
        kind: 'path',
        d: `M${before.x} ${before.y} L${p.x} ${p.y}`,
        stroke: JOURNEY.curve,
        strokeWidth: 2.2,
        role: 'feeling-line',
      });
  });
  model.stages.forEach((s, k) => {
    const p = points[k];
    if (p && s.worst)
      shapes.push({
        kind: 'path',
        d: circle(p.x, p.y, 5.5),
        fill: JOURNEY.feeling[s.worst.feeling]!,
        stroke: JOURNEY.hollow,
        strokeWidth: 1.2,
        role: 'feeling-dot',
      });
  });

  // Where customers go: a bar per ending and detour, as long as its share of all customers, then its words.
  let y = bottom + 16;
  shapes.push(text(M, y + T, ['Where', 'customers go'], T, { bold: true, fill: G.muted, role: 'row' }));
  const footLines = lines(model.footnote, W - 2 * M, T, 2);
  const last = G.height - M - footLines.length * lh;
  // The detours stand apart from the endings (the endings make 100%; a detour is a share of its own).
  const apart = 8;
  const room = Math.max(0, Math.floor((last - y - 4 - apart) / (lh + 3)));
  const shown = model.ways.length > room ? model.ways.slice(0, Math.max(0, room - 1)) : model.ways;
  const rest = model.ways.slice(shown.length);
  for (const [k, way] of shown.entries()) {
    if (way.kind === 'detour' && k > 0 && shown[k - 1]!.kind !== 'detour') y += apart;
    const share = shareText(way.share);
    shapes.push({
      kind: 'rect',
      x: left,
      y: y + 2,
      width: Math.max(1, G.bar * way.share),
      height: T,
      fill: G.way[way.kind],
      role: `way:${way.kind}`,
    });
    const sx = left + G.bar + 8;
    shapes.push(text(sx, y + T, share, T, { bold: true, role: 'share' }));
    const words = fitted(way.text, W - M - (sx + 48), T);
    shapes.push(text(sx + 48, y + T, words.text, T, { role: 'way', tip: words.tip }));
    y += lh + 3;
  }
  if (rest.length)
    shapes.push(
      text(left + G.bar + 56, y + T, `and ${counted(rest.length, 'other way')} (see the journey)`, T, {
        fill: G.muted,
        role: 'way',
      }),
    );
  shapes.push(text(M, last + T, footLines, T, { fill: G.muted, role: 'footnote' }));
  return { width: W, height: G.height, title: title.text, shapes, minText: T };
}

/** The journey at a glance of a map: a drawing the size of a 16:9 slide inside its margins. */
export const journeyGlanceDrawing = (analysis: Analysis, options: JourneyGlanceOptions = {}) =>
  glanceDrawing(glanceModel(analysis, options));
