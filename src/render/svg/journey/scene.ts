/**
 * The journey's scene: its layout as typed shapes. The main path's cards under their stages with the waits
 * between them, the customer's feeling as a curve through the feelings recorded (a step without one breaks the
 * curve and shows as a hollow mark in a row of its own: no feeling is invented), then each way off the main path
 * under its heading with its share of all customers.
 */
import { FONT, INK, JOURNEY, LH, MARGIN, MUTED, TITLE, type Page } from '../../theme.js';
import type { ExactAnalysis as Analysis } from '../../../analysis/index.js';
import { type Drawing, type Shape } from '../scene.js';
import { circle, failItem, failMark, legendShapes, swatch, truthItem, truthMark, type LegendItem } from '../shapes.js';
import { CARD, HEAD, JourneyLayout, LEVEL, levelY, NOT_RECORDED, type Card, type PartLayout } from './layout.js';
import { journeyModel, type JourneyStep } from './model.js';

const FEELINGS = [
  { at: 2, text: 'very good' },
  { at: 1, text: 'good' },
  { at: 0, text: 'neutral' },
  { at: -1, text: 'bad' },
  { at: -2, text: 'very bad' },
];

const hollow = (cx: number, cy: number): Shape => ({
  kind: 'path',
  d: circle(cx, cy, 5),
  fill: JOURNEY.hollow,
  stroke: JOURNEY.cardStroke,
  strokeWidth: 1.5,
});
const feelingDot = (cx: number, cy: number, feeling: number): Shape => ({
  kind: 'path',
  d: circle(cx, cy, 5.5),
  fill: JOURNEY.feeling[feeling]!,
  stroke: JOURNEY.hollow,
  strokeWidth: 1.2,
});

function cardShapes(card: Card): Shape[] {
  const { step } = card;
  const shapes: Shape[] = [
    {
      kind: 'rect',
      x: card.x,
      y: card.y,
      width: card.width,
      height: card.height,
      radius: 4,
      fill: JOURNEY.card[step.side],
      stroke: JOURNEY.cardStroke,
      strokeWidth: 1,
      dash: step.side === 'hidden' ? '4 3' : undefined,
      role: step.id,
    },
    ...card.lines.map((line, k): Shape => ({
      kind: 'text',
      x: card.x + 6,
      y: card.y + 8 + FONT * 0.92 + k * LH,
      lines: [line.text],
      size: FONT,
      bold: line.bold,
      fill: line.bold ? INK : MUTED,
      role: `${line.bold ? 'name' : 'who'}:${step.id}`,
      tip: line.tip,
    })),
  ];
  let badge = card.x + CARD - 10;
  if (step.fails) {
    shapes.push(...failMark(badge, card.y));
    badge -= 20;
  }
  if (step.momentOfTruth) shapes.push(truthMark(badge, card.y));
  return shapes;
}

/** The legend: only what the part shows. */
function legendItems(customer: string, shown: readonly JourneyStep[]): LegendItem[] {
  const some = (test: (s: JourneyStep) => boolean) => shown.some(test);
  const item = (show: boolean, label: string, draw: LegendItem['draw']) => (show ? [{ label, draw }] : []);
  return [
    ...item(
      some((s) => s.feeling !== undefined),
      'feeling of the customer',
      (x, y) => [{ kind: 'path', d: `M${x} ${y - 3} H${x + 18}`, stroke: JOURNEY.curve, strokeWidth: 2.2 }],
    ),
    ...item(
      some((s) => s.feeling === undefined),
      'feeling not recorded',
      (x, y) => [hollow(x + 9, y - 4)],
    ),
    ...item(true, `${customer} acts`, swatch(JOURNEY.card.customer, JOURNEY.cardStroke)),
    ...item(
      some((s) => s.side === 'frontstage'),
      'with the company, frontstage',
      swatch(JOURNEY.card.frontstage, JOURNEY.cardStroke),
    ),
    ...item(
      some((s) => s.side === 'hidden'),
      'the company, out of sight',
      swatch(JOURNEY.card.hidden, JOURNEY.cardStroke, 1, '4 3'),
    ),
    ...(some((s) => s.momentOfTruth) ? [truthItem] : []),
    ...(some((s) => s.fails) ? [failItem] : []),
  ];
}

const legendOf = (customer: string, layout: PartLayout) =>
  legendShapes(MARGIN, layout.legend.y, layout.width - 2 * MARGIN, legendItems(customer, layout.legend.steps));

function partShapes(layout: PartLayout, customer: string): Shape[] {
  const shapes: Shape[] = [
    {
      kind: 'text',
      x: MARGIN,
      y: MARGIN + TITLE,
      lines: layout.title,
      size: TITLE,
      bold: true,
      fill: INK,
      role: 'title',
    },
    { kind: 'text', x: MARGIN, y: layout.lead.y, lines: layout.lead.lines, size: FONT, fill: MUTED, role: 'lead' },
  ];
  for (const s of layout.stages)
    shapes.push(
      { kind: 'rect', x: s.x, y: s.y, width: s.width, height: s.height, fill: JOURNEY.stageFill },
      { kind: 'text', x: s.x + 5, y: s.y + FONT + 2, lines: s.lines, size: FONT, bold: true, fill: INK, role: 'stage' },
    );
  for (const w of layout.waits)
    shapes.push(
      {
        kind: 'rect',
        x: w.x,
        y: w.y,
        width: w.width,
        height: w.height,
        radius: w.height / 2,
        fill: JOURNEY.waitFill,
        stroke: JOURNEY.waitStroke,
        strokeWidth: 1,
        role: `wait:${w.step.id}`,
      },
      {
        kind: 'text',
        x: w.x + w.width / 2,
        y: w.y + FONT,
        lines: [w.text],
        size: FONT,
        fill: INK,
        anchor: 'middle',
        role: `wait:${w.step.id}`,
      },
    );
  shapes.push(...layout.main.flatMap(cardShapes));

  if (layout.main.length) {
    const { top, unrecorded, right } = layout.feeling;
    // The heading above the first row: beside the cards' foot when the row of feelings not recorded is there.
    const first = unrecorded ? top - 2 * LEVEL : top;
    shapes.push({
      kind: 'text',
      x: MARGIN,
      y: first + FONT - 6,
      lines: ['Feeling'],
      size: FONT,
      bold: true,
      fill: INK,
    });
    for (const f of [...FEELINGS, ...(unrecorded ? [{ at: NOT_RECORDED, text: 'not recorded' }] : [])]) {
      if (f.at !== NOT_RECORDED)
        shapes.push({
          kind: 'path',
          d: `M${MARGIN + HEAD - 8} ${levelY(top, f.at)} H${right}`,
          stroke: f.at === 0 ? JOURNEY.neutralLine : JOURNEY.levelLine,
          strokeWidth: 0.8,
        });
      shapes.push({
        kind: 'text',
        x: MARGIN + HEAD - 12,
        y: levelY(top, f.at) + FONT * 0.35,
        lines: [f.text],
        size: FONT,
        fill: MUTED,
        anchor: 'end',
      });
    }
    // The curve runs through the feelings recorded; a step without one breaks it.
    const runs: string[][] = [[]];
    const dots: Shape[] = [];
    for (const card of layout.main) {
      const cx = card.x + CARD / 2;
      const f = card.step.feeling;
      if (f === undefined) {
        runs.push([]);
        dots.push(hollow(cx, levelY(top, NOT_RECORDED)));
      } else {
        runs.at(-1)!.push(`${cx} ${levelY(top, f)}`);
        dots.push(feelingDot(cx, levelY(top, f), f));
      }
    }
    for (const run of runs.filter((r) => r.length > 1))
      shapes.push({ kind: 'path', d: `M${run.join(' L')}`, stroke: JOURNEY.curve, strokeWidth: 2.2, role: 'curve' });
    shapes.push(...dots);
  }

  for (const b of layout.branches) {
    shapes.push({
      kind: 'text',
      x: b.label.x,
      y: b.label.y,
      lines: b.label.lines,
      size: FONT,
      bold: true,
      fill: MUTED,
      role: 'branch',
      tip: b.label.tip,
    });
    b.cards.forEach((card, k) => {
      shapes.push(...cardShapes(card));
      const f = card.step.feeling;
      shapes.push(f === undefined ? hollow(card.x + 12, card.y) : feelingDot(card.x + 12, card.y, f));
      const before = b.cards[k - 1];
      if (before && before.y === card.y)
        shapes.push({
          kind: 'path',
          d: `M${before.x + before.width} ${card.y + card.height / 2} H${card.x}`,
          stroke: MUTED,
          strokeWidth: 1.2,
        });
    });
  }
  shapes.push(...legendOf(customer, layout).shapes);
  return shapes;
}

/** The journey as drawings: one without a page; on a page, parts that each fit it at full size, all one size. */
export function journeyDrawings(analysis: Analysis, page?: Page): Drawing[] {
  const model = journeyModel(analysis);
  const layout = new JourneyLayout(model, page);
  const height = (l: PartLayout) => legendOf(model.customer, l).bottom + MARGIN;
  const parts = layout.parts(height);
  const title = (k: number) => layout.title(k + 1, parts.length);
  const width = Math.max(...parts.map((p, k) => layout.place(p, title(k)).width));
  const placed = parts.map((p, k) => layout.place(p, title(k), width));
  const tallest = Math.max(...placed.map(height));
  return placed.map((l) => ({
    width,
    height: page ? tallest : height(l),
    title: l.title.join(' '),
    shapes: partShapes(l, model.customer),
    minText: FONT,
    // The steps the part shows, on its main path and its ways off it, once each.
    steps: [...new Set([...l.main, ...l.branches.flatMap((b) => b.cards)].map((c) => c.step.index))],
  }));
}
