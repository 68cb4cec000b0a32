/**
 * The customer's journey, laid out by cxmap: the steps the customer lives (their own and the frontstage's) on
 * the most likely path, in columns under their stages, with the customer's feeling as a curve across them; then
 * each ending the main path does not reach, as its own short path from the step where it leaves the main path.
 * A step without a recorded feeling breaks the curve and shows as a hollow mark on the neutral line.
 */
import { fitsPage, type Page, FONT, INK, LH, MARGIN, MUTED } from '../theme.js';
import { isCustomerFacing, likelyPath, type ExactAnalysis as Analysis } from '../../analysis/index.js';
import { cut, wrap } from './font.js';
import { type Drawing, type Shape } from './scene.js';
import {
  circle,
  failItem,
  failMark,
  legendShapes,
  swatch,
  titleShape,
  truthItem,
  truthMark,
  type LegendItem,
} from './shapes.js';

const CARD = 124;
const GAP = 12;
const HEAD = 112;
const LEVEL = 17;
const FEELINGS = [
  { at: 2, text: 'very good' },
  { at: 1, text: 'good' },
  { at: 0, text: 'neutral' },
  { at: -1, text: 'bad' },
  { at: -2, text: 'very bad' },
];
const FEELING_COLOUR: Record<number, string> = {
  2: '#009E73',
  1: '#5BB88F',
  0: '#8C8C8C',
  [-1]: '#E08A4F',
  [-2]: '#D55E00',
};

interface Branch {
  /** The main path's column the branch leaves from (the last customer step before it), -1 before the first. */
  from: number;
  label: string;
  steps: number[];
}

interface Journey {
  main: number[];
  branches: Branch[];
}

/** The main path's customer steps, and each ending it misses with the customer steps on the way to it. */
function journeyOf(analysis: Analysis): Journey {
  const { map } = analysis;
  const path = likelyPath(analysis).map((b) => b.step);
  const onPath = new Set(path);
  const facing = (i: number) => isCustomerFacing(map.steps[i]!);
  const main = path.filter(facing);
  const before = new Map<number, number>(); // step -> a step leading to it
  const chanceOf = new Map<string, { chance: number; label?: string }>();
  for (const s of map.steps) {
    const to =
      s.next.kind === 'choice' ? s.next.choices.map((c) => c.to) : s.next.kind === 'all' ? s.next.branches : [];
    if (s.next.kind === 'choice') for (const c of s.next.choices) chanceOf.set(`${s.index}>${c.to}`, c);
    for (const t of to) if (!before.has(t) || onPath.has(s.index)) before.set(t, s.index);
  }
  const after = (i: number) => {
    const next = map.steps[i]!.next;
    if (next.kind === 'all') return next.branches[0];
    if (next.kind === 'choice') return [...next.choices].sort((a, b) => b.chance - a.chance)[0]?.to;
    return undefined;
  };
  // The endings the main path misses first, then any step the customer lives off it (a loop of rework): each as
  // the way from the main path through it, to an ending or back to the main path.
  const covered = new Set<number>();
  const branches: Branch[] = [];
  const offPath = map.steps.filter((s) => !onPath.has(s.index));
  for (const start of [...offPath.filter((s) => s.next.kind === 'end'), ...offPath.filter(isCustomerFacing)]) {
    if (covered.has(start.index)) continue;
    const steps: number[] = [];
    const seen = new Set<number>();
    let at: number | undefined = start.index;
    while (at !== undefined && !onPath.has(at) && !seen.has(at)) {
      seen.add(at);
      steps.unshift(at);
      at = before.get(at);
    }
    if (at === undefined || !onPath.has(at)) continue;
    const leaves = at;
    let on = after(start.index);
    while (start.next.kind !== 'end' && on !== undefined && !onPath.has(on) && !seen.has(on)) {
      seen.add(on);
      steps.push(on);
      on = after(on);
    }
    const last = map.steps[steps.at(-1)!]!;
    for (const k of steps) covered.add(k);
    const leave = chanceOf.get(`${leaves}>${steps[0]}`);
    const kind =
      last.next.kind === 'end'
        ? last.outcome === 'failure'
          ? 'Ending, goal not reached'
          : 'Other ending'
        : `Detour, back to ${on !== undefined ? map.steps[on]!.name : 'the main path'}`;
    branches.push({
      from: path.slice(0, path.indexOf(leaves) + 1).filter(facing).length - 1,
      label: [kind, leave?.label, leave ? `${Math.round(leave.chance * 1000) / 10}%` : ''].filter(Boolean).join(' · '),
      // An ending is shown even when the company makes it (the letter of a refusal): the customer lives it.
      steps: steps.filter((k) => facing(k) || (k === last.index && last.next.kind === 'end')),
    });
  }
  return { main, branches };
}

function drawPart(
  analysis: Analysis,
  journey: Journey,
  from: number,
  to: number,
  part?: { index: number; count: number },
): Drawing {
  const { map } = analysis;
  const main = journey.main.slice(from, to);
  const branches = journey.branches.filter((b) => b.from >= from - 1 && b.from < to && (b.from >= from || from === 0));
  const colX = (k: number) => MARGIN + HEAD + k * (CARD + GAP);
  const columns = Math.max(main.length, ...branches.map((b) => b.from - from + 1 + b.steps.length));
  const width = colX(columns) - GAP + MARGIN;
  const shapes: Shape[] = [];
  const title = titleShape(
    `${map.process.name} · the customer's journey${part ? ` · part ${part.index} of ${part.count}` : ''}`,
    MARGIN,
    MARGIN,
    width - 2 * MARGIN,
  );
  shapes.push(title.shape);
  let y = title.bottom;
  const customer = map.process.customer;

  // Stage headers over the main path's columns.
  const stages: { stage: string; first: number; last: number }[] = [];
  main.forEach((i, k) => {
    const stage = map.steps[i]!.stage;
    const last = stages.at(-1);
    if (last?.stage === stage) last.last = k;
    else stages.push({ stage, first: k, last: k });
  });
  const headers = stages.map((s) => wrap(s.stage, colX(s.last) + CARD - colX(s.first) - 10, FONT, true));
  const headerHeight = Math.max(1, ...headers.map((h) => h.length)) * LH + 8;
  stages.forEach((s, k) => {
    shapes.push(
      {
        kind: 'rect',
        x: colX(s.first),
        y,
        width: colX(s.last) + CARD - colX(s.first),
        height: headerHeight - 4,
        fill: '#E9EEF3',
      },
      {
        kind: 'text',
        x: colX(s.first) + 5,
        y: y + FONT + 2,
        lines: headers[k]!,
        size: FONT,
        bold: true,
        fill: INK,
        role: 'stage',
      },
    );
  });
  y += headerHeight;

  // A card: the name, then who the customer deals with and how.
  const card = (i: number) => {
    const s = map.steps[i]!;
    const who = s.actor.kind === 'customer' ? customer : s.actor.name;
    const name = cut(s.name);
    return [
      ...wrap(name.text, CARD - 12, FONT, true).map((t, k) => ({ t, bold: true, tip: k === 0 ? name.tip : undefined })),
      ...wrap([who, s.channel].filter(Boolean).join(' · '), CARD - 12, FONT).map((t) => ({
        t,
        bold: false,
        tip: undefined,
      })),
    ];
  };
  const cardHeight = (rows: number[]) => Math.max(...rows.map((i) => card(i).length)) * LH + 14;
  const drawCard = (i: number, x: number, top: number, height: number) => {
    const s = map.steps[i]!;
    shapes.push({
      kind: 'rect',
      x,
      y: top,
      width: CARD,
      height,
      radius: 4,
      fill: s.actor.kind === 'customer' ? '#FFF8E7' : isCustomerFacing(s) ? '#EEF6FB' : '#FFFFFF',
      stroke: '#8C8C8C',
      strokeWidth: 1,
      dash: isCustomerFacing(s) ? undefined : '4 3',
      role: s.id,
    });
    card(i).forEach((line, k) =>
      shapes.push({
        kind: 'text',
        x: x + 6,
        y: top + 8 + FONT * 0.92 + k * LH,
        lines: [line.t],
        size: FONT,
        bold: line.bold,
        fill: line.bold ? INK : MUTED,
        role: k === 0 ? `name:${s.id}` : undefined,
        tip: line.tip,
      }),
    );
    let badge = x + CARD - 10;
    if (s.fails) {
      shapes.push(...failMark(badge, top));
      badge -= 20;
    }
    if (s.momentOfTruth) shapes.push(truthMark(badge, top));
  };
  const mainHeight = main.length > 0 ? cardHeight(main) : 0;
  main.forEach((i, k) => drawCard(i, colX(k), y + 6, mainHeight));
  y += mainHeight + 14;

  // The feeling: five levels, the curve through the main path's steps.
  const levelY = (f: number) => y + 8 + (2 - f) * LEVEL;
  shapes.push({ kind: 'text', x: MARGIN, y: y + FONT - 6, lines: ['Feeling'], size: FONT, bold: true, fill: INK });
  for (const f of FEELINGS) {
    shapes.push(
      {
        kind: 'path',
        d: `M${MARGIN + HEAD - 8} ${levelY(f.at)} H${width - MARGIN}`,
        stroke: f.at === 0 ? '#B5B5B5' : '#E2E2E2',
        strokeWidth: 0.8,
      },
      {
        kind: 'text',
        x: MARGIN + HEAD - 12,
        y: levelY(f.at) + FONT * 0.35,
        lines: [f.text],
        size: FONT,
        fill: MUTED,
        anchor: 'end',
      },
    );
  }
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) shapes.push({ kind: 'path', d: `M${run.join(' L')}`, stroke: '#0072B2', strokeWidth: 2.2 });
    run = [];
  };
  const dots: Shape[] = [];
  main.forEach((i, k) => {
    const feeling = map.steps[i]!.feeling;
    const cx = colX(k) + CARD / 2;
    if (feeling === undefined) {
      flush();
      dots.push({ kind: 'path', d: circle(cx, levelY(0), 5), fill: '#FFFFFF', stroke: '#8C8C8C', strokeWidth: 1.5 });
      return;
    }
    run.push(`${cx} ${levelY(feeling)}`);
    dots.push({
      kind: 'path',
      d: circle(cx, levelY(feeling), 5.5),
      fill: FEELING_COLOUR[feeling]!,
      stroke: '#FFFFFF',
      strokeWidth: 1.2,
    });
  });
  flush();
  shapes.push(...dots);
  y = levelY(-2) + 14;

  // Each other ending: its label, then its steps from the column after the one it leaves from.
  for (const b of branches) {
    const start = Math.max(0, b.from - from + 1);
    const name = cut(b.label);
    const label = wrap(name.text, HEAD - 8 + start * (CARD + GAP), FONT, true);
    y += 6;
    shapes.push({
      kind: 'text',
      x: MARGIN,
      y: y + FONT,
      lines: label,
      size: FONT,
      bold: true,
      fill: MUTED,
      role: 'branch',
      tip: name.tip,
    });
    const labelBottom = y + label.length * LH;
    const top = start === 0 ? labelBottom + 4 : y;
    const height = cardHeight(b.steps);
    b.steps.forEach((i, k) => {
      const x = colX(start + k);
      drawCard(i, x, top, height);
      const f = map.steps[i]!.feeling;
      shapes.push({
        kind: 'path',
        d: circle(x + 12, top, 5.5),
        fill: f === undefined ? '#FFFFFF' : FEELING_COLOUR[f]!,
        stroke: f === undefined ? '#8C8C8C' : '#FFFFFF',
        strokeWidth: 1.2,
      });
      if (k > 0)
        shapes.push({ kind: 'path', d: `M${x - GAP} ${top + height / 2} H${x}`, stroke: MUTED, strokeWidth: 1.2 });
    });
    y = Math.max(labelBottom, top + height) + 4;
  }

  const shown = [...main, ...branches.flatMap((b) => b.steps)].map((i) => map.steps[i]!);
  const items: LegendItem[] = [
    // The curve only where a feeling is recorded: the legend lists only what the drawing shows.
    ...(shown.some((s) => s.feeling !== undefined)
      ? [
          {
            label: 'feeling of the customer',
            draw: (x: number, yy: number): Shape[] => [
              { kind: 'path', d: `M${x} ${yy - 3} H${x + 18}`, stroke: '#0072B2', strokeWidth: 2.2 },
            ],
          },
        ]
      : []),
    ...(shown.some((s) => s.feeling === undefined)
      ? [
          {
            label: 'feeling not recorded',
            draw: (x: number, yy: number): Shape[] => [
              { kind: 'path', d: circle(x + 9, yy - 4, 5), fill: '#FFFFFF', stroke: '#8C8C8C', strokeWidth: 1.5 },
            ],
          },
        ]
      : []),
    {
      label: `${customer} acts`,
      draw: swatch('#FFF8E7', '#8C8C8C'),
    },
    ...(shown.some((s) => s.actor.kind !== 'customer')
      ? [
          {
            label: 'with the company, frontstage',
            draw: swatch('#EEF6FB', '#8C8C8C'),
          },
        ]
      : []),
    ...(shown.some((s) => !isCustomerFacing(s))
      ? [{ label: 'the company, out of sight', draw: swatch('#FFFFFF', '#8C8C8C', 1, '4 3') }]
      : []),
    ...(shown.some((s) => s.momentOfTruth) ? [truthItem] : []),
    ...(shown.some((s) => s.fails) ? [failItem] : []),
  ];
  const legend = legendShapes(MARGIN, y + 4, width - 2 * MARGIN, items);
  shapes.push(...legend.shapes);
  return { width, height: legend.bottom + MARGIN, title: title.text, shapes, minText: FONT };
}

/** The journey as drawings: one without a page; on a page, parts of as many columns as fit at full size. */
export function journeyDrawings(analysis: Analysis, page?: Page): Drawing[] {
  const journey = journeyOf(analysis);
  const count = journey.main.length;
  if (!page) return [drawPart(analysis, journey, 0, count)];
  const fits = (a: number, b: number) => fitsPage(drawPart(analysis, journey, a, b, { index: 99, count: 99 }), page);
  // As many columns as fit, then the same number of parts with the columns shared out evenly among them.
  const greedy = (cap: (start: number, made: number) => number) => {
    const ranges: [number, number][] = [];
    for (let start = 0; start < count;) {
      let end = start + 1;
      while (end < Math.min(count, start + cap(start, ranges.length)) && fits(start, end + 1)) end++;
      ranges.push([start, end]);
      start = end;
    }
    return ranges;
  };
  const parts = greedy(() => count).length;
  const ranges = greedy((start, made) => Math.ceil((count - start) / Math.max(1, parts - made)));
  if (ranges.length <= 1) return [drawPart(analysis, journey, 0, count)];
  return ranges.map(([a, b], k) => drawPart(analysis, journey, a, b, { index: k + 1, count: ranges.length }));
}
