/**
 * The journey's scene: its layout as typed shapes. The main path's cards under their stages with the waits
 * between them, the customer's feeling as a curve through the feelings recorded (a step without one breaks the
 * curve and shows as a hollow mark in a row of its own: no feeling is invented), then each way off the main path
 * under its heading with its share of all customers.
 */
import { feelingWord } from '../../../load/index.js';
import { wholePercent } from '../../../core/index.js';
import { FONT, INK, JOURNEY, JOURNEY_SEGMENTS, LH, MARGIN, MUTED, TITLE, type Page } from '../../theme.js';
import type { ExactAnalysis as Analysis } from '../../../analysis/index.js';
import { type Drawing, type Shape } from '../scene.js';
import { circle, failItem, failMark, legendShapes, swatch, truthItem, truthMark, type LegendItem } from '../shapes.js';
import { CARD, HEAD, JourneyLayout, LEVEL, levelY, NOT_RECORDED, type Card, type PartLayout } from './layout.js';
import { journeyModel, type JourneyModel, type JourneySegment, type JourneyStep } from './model.js';

const FEELINGS = [2, 1, 0, -1, -2].map((at) => ({ at, text: feelingWord(at) }));

const hollow = (cx: number, cy: number, stroke: string = JOURNEY.cardStroke): Shape => ({
  kind: 'path',
  d: circle(cx, cy, 5),
  fill: JOURNEY.hollow,
  stroke,
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

/** A segment's colour and dash, by its place among the segments drawn. */
const segmentStyle = (k: number) => ({
  stroke: JOURNEY_SEGMENTS.colour[k]!,
  dash: JOURNEY_SEGMENTS.dash[k],
  strokeWidth: 2.2,
});

/** What a feeling curve is drawn from, and how its line, points and rings look. */
interface Track {
  /** The feeling at a step of the main path, `'skip'` where the curve's customers do not do it. */
  feeling: (step: JourneyStep) => number | 'skip' | undefined;
  line: { stroke: string; dash?: string; strokeWidth: number };
  role: string;
  /** How far off its level and off the centre of its column a point and a ring are drawn. */
  dy: number;
  dx: number;
  point: (cx: number, cy: number, feeling: number) => Shape;
  ring: (cx: number, cy: number) => Shape;
}

/**
 * A feeling curve on the main path: a point at each step where the feeling is recorded; a step without one breaks
 * the curve (no feeling is invented) and shows as a ring in the row of feelings not recorded; a step the curve's
 * customers skip has no point, and the curve goes on to the next step they live (that is their way).
 */
function curve(main: readonly Card[], top: number, track: Track): Shape[] {
  const runs: string[][] = [[]];
  const marks: Shape[] = [];
  for (const card of main) {
    const f = track.feeling(card.step);
    if (f === 'skip') continue;
    const cx = card.x + CARD / 2;
    if (f === undefined) {
      runs.push([]);
      marks.push(track.ring(cx + track.dx, levelY(top, NOT_RECORDED)));
    } else {
      runs.at(-1)!.push(`${cx} ${levelY(top, f) + track.dy}`);
      marks.push(track.point(cx, levelY(top, f) + track.dy, f));
    }
  }
  const lines = runs
    .filter((r) => r.length > 1)
    .map((run): Shape => ({ kind: 'path', d: `M${run.join(' L')}`, ...track.line, role: track.role }));
  return [...lines, ...marks];
}

/** The map's own curve, its points coloured by the feeling. */
const mapTrack: Track = {
  feeling: (step) => step.feeling,
  line: { stroke: JOURNEY.curve, strokeWidth: 2.2 },
  role: 'curve',
  dy: 0,
  dx: 0,
  point: feelingDot,
  ring: (cx, cy) => hollow(cx, cy),
};

/**
 * A segment's curve, in its colour and dash; its points and rings `spread` and `ringSpread` apart from the other
 * segments' by its place among them, so that curves on one level stay apart.
 */
function segmentTrack(segment: JourneySegment, k: number, count: number): Track {
  const place = k - (count - 1) / 2;
  const colour = JOURNEY_SEGMENTS.colour[k]!;
  return {
    feeling: (step) => segment.feelings[step.index],
    line: segmentStyle(k),
    role: `curve:${segment.id}`,
    dy: place * JOURNEY_SEGMENTS.spread,
    dx: place * JOURNEY_SEGMENTS.ringSpread,
    point: (cx, cy) => ({
      kind: 'path',
      d: circle(cx, cy, 3.5),
      fill: colour,
      stroke: JOURNEY.hollow,
      strokeWidth: 1,
      role: `point:${segment.id}`,
    }),
    ring: (cx, cy) => ({ ...hollow(cx, cy, colour), role: `unrecorded:${segment.id}` }),
  };
}

/** The legend: only what the part shows. */
function legendItems(model: JourneyModel, layout: PartLayout): LegendItem[] {
  const shown = layout.legend.steps;
  const some = (test: (s: JourneyStep) => boolean) => shown.some(test);
  const item = (show: boolean, label: string, draw: LegendItem['draw']) => (show ? [{ label, draw }] : []);
  const line =
    (style: { stroke: string; dash?: string; strokeWidth: number }): LegendItem['draw'] =>
    (x, y) => [{ kind: 'path', d: `M${x} ${y - 3} H${x + 18}`, ...style }];
  const { segments } = model;
  // A segment's entry when the part shows a mark of it: a point, or a ring where its feeling is not recorded.
  const lives = (g: JourneySegment) => layout.main.some((c) => g.feelings[c.step.index] !== 'skip');
  return [
    ...(segments.length
      ? segments.flatMap((g, k) => item(lives(g), `${g.name} (${wholePercent(g.share)})`, line(segmentStyle(k))))
      : item(
          some((s) => s.feeling !== undefined),
          'feeling of the customer',
          line({ stroke: JOURNEY.curve, strokeWidth: 2.2 }),
        )),
    ...item(
      layout.feeling.unrecorded || layout.branches.some((b) => b.cards.some((c) => c.step.feeling === undefined)),
      'feeling not recorded',
      (x, y) => [hollow(x + 9, y - 4)],
    ),
    ...item(true, `${model.customer} acts`, swatch(JOURNEY.card.customer, JOURNEY.cardStroke)),
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

const legendOf = (model: JourneyModel, layout: PartLayout) =>
  legendShapes(MARGIN, layout.legend.y, layout.width - 2 * MARGIN, legendItems(model, layout));

function partShapes(layout: PartLayout, model: JourneyModel): Shape[] {
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
    const { segments } = model;
    const tracks = segments.length ? segments.map((g, k) => segmentTrack(g, k, segments.length)) : [mapTrack];
    for (const track of tracks) shapes.push(...curve(layout.main, top, track));
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
  shapes.push(...legendOf(model, layout).shapes);
  return shapes;
}

/** The journey as drawings: one without a page; on a page, parts that each fit it at full size, all one size. */
export function journeyDrawings(analysis: Analysis, page?: Page): Drawing[] {
  const model = journeyModel(analysis);
  const layout = new JourneyLayout(model, page);
  const height = (l: PartLayout) => legendOf(model, l).bottom + MARGIN;
  const parts = layout.parts(height);
  const title = (k: number) => layout.title(k + 1, parts.length);
  const width = Math.max(...parts.map((p, k) => layout.place(p, title(k)).width));
  const placed = parts.map((p, k) => layout.place(p, title(k), width));
  const tallest = Math.max(...placed.map(height));
  return placed.map((l) => ({
    width,
    height: page ? tallest : height(l),
    title: l.title.join(' '),
    shapes: partShapes(l, model),
    minText: FONT,
    // The steps the part shows, on its main path and its ways off it, once each.
    steps: [...new Set([...l.main, ...l.branches.flatMap((b) => b.cards)].map((c) => c.step.index))],
  }));
}
