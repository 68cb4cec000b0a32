/**
 * The service blueprint at a glance: every step of a map on one 16:9 slide, for a board that has minutes for it
 * (the detailed blueprint, in parts, goes to the appendix). The lanes of the method in their order, each the full
 * width, with the three lines between them; the stages as column bands named on top; each step a small box with
 * its name cut to a few lines (the whole name its tooltip), its value class, fail point and moment of truth marked
 * as the detailed blueprint marks them. Arrows link steps in neighbouring columns, or one over the other in a
 * column, and run only in the gaps between columns and inside the boxes' own lanes, so that no line crosses a box;
 * any other way on (a loop back, a branch that skips ahead) is a line in the box it leaves from: `← X`,
 * `→ X`. When one band of columns would make the boxes too narrow to read, the columns wrap into two or three
 * bands, stacked, cut between stages where that costs little width.
 *
 * The to-be at a glance takes the changes from the as-is (`changesInWords`): changed and new steps ringed, what
 * changed in their tooltips, and the steps no longer done listed at the foot.
 */
import type { ExactAnalysis as Analysis, StepChanges } from '../../../analysis/index.js';
import { LANES } from '../../../load/index.js';
import {
  BLUEPRINT,
  BLUEPRINT_GLANCE as G,
  INK,
  LANE_FILL,
  LINE_HEIGHT,
  MARGIN,
  MUTED,
  PAGE_MARGIN,
  PALETTE,
  VALUE_STYLE,
  type Page,
  type ValueKey,
} from '../../theme.js';
import { textWidth, wrap } from '../font.js';
import { at, type Drawing, type Shape } from '../scene.js';
import { circle, legendShapes, titleShape, truthItem, truthMark, valueItems, type LegendItem } from '../shapes.js';
import { fewLines as cutLines } from './layout.js';
import { blueprintModel, ROW_TITLE, ROWS, type BlueprintModel, type Row } from './model.js';

export interface GlanceOptions {
  /** The drawing's title; by default `<process> · the service blueprint at a glance` (with `to-be` for a to-be). */
  title?: string;
  /** What changed from the as-is, for the to-be at a glance. */
  changes?: StepChanges;
}

const SIZE = G.text;
/** The ring of a step new in the to-be: dotted, apart from a failed end's dashes. */
const NEW_DASH = '2 2';
const LH = SIZE * LINE_HEIGHT;
const ROW_SHORT: Record<Row, string> = {
  evidence: 'Evidence',
  customer: 'Customer',
  frontstage: 'Frontstage',
  backstage: 'Backstage',
  support: 'Support',
};
const ROW_FILL: Record<Row, string> = { evidence: BLUEPRINT.evidenceFill, ...LANE_FILL };
const LANE_TITLES = new Map(ROWS.map((r) => [r, wrap(ROW_TITLE[r], G.headWidth - 10, SIZE, true)]));
/** The three lines of the blueprint, each under the lane it follows. */
const LINES: { after: Row; name: string; dash?: string }[] = [
  { after: 'customer', name: 'line of interaction' },
  { after: 'frontstage', name: 'line of visibility', dash: '9 5' },
  { after: 'backstage', name: 'line of internal interaction', dash: '2 3' },
];

/** At most `max` lines of the text at the glance's size, the last cut with an ellipsis when the rest does not fit. */
const fewLines = (text: string, width: number, max: number, bold = false) => cutLines(text, width, SIZE, bold, max);

/** How the glance is cut and how much text each box and card keeps. */
interface Plan {
  bands: [number, number][];
  /** Lines of a step's name, and of the evidence of a column (0: the evidence lane left out). */
  nameLines: number;
  evidenceLines: number;
}

/**
 * The columns cut into `count` bands: of all the cuts, the one whose widest band has the fewest columns, where a cut
 * inside a stage counts as `stageCut` columns more (by default, a stage is cut only when that saves two columns).
 */
export function glanceBands(model: BlueprintModel, count: number, stageCut = 1.5): [number, number][] {
  const n = model.columns.length;
  const inside = (at: number) => model.columns[at - 1]!.stage === model.columns[at]!.stage;
  let best: { cost: number; cuts: number[] } = { cost: Infinity, cuts: [] };
  const visit = (cuts: number[]) => {
    if (cuts.length === count - 1) {
      const ends = [0, ...cuts, n];
      const widest = Math.max(...ends.slice(1).map((e, k) => e - ends[k]!));
      const cost = widest + stageCut * cuts.filter(inside).length;
      if (cost < best.cost) best = { cost, cuts };
      return;
    }
    for (let c = (cuts.at(-1) ?? 0) + 1; c < n; c++) visit([...cuts, c]);
  };
  visit([]);
  const ends = [0, ...best.cuts, n];
  return ends.slice(1).map((e, k) => [ends[k]!, e]);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const arrowHead = (x: number, y: number, dx: number, dy: number, fill: string): Shape => ({
  kind: 'path',
  d: `M${at(x)} ${at(y)} L${at(x - 6 * dx - 3 * dy)} ${at(y - 6 * dy - 3 * dx)} L${at(x - 6 * dx + 3 * dy)} ${at(y - 6 * dy + 3 * dx)} Z`,
  fill,
});

/** The small blue diamond of a step changed in the to-be, centred on (x, y). */
const changedMark = (x: number, y: number): Shape => ({
  kind: 'path',
  d: `M${at(x)} ${at(y - 6)} L${at(x + 6)} ${at(y)} L${at(x)} ${at(y + 6)} L${at(x - 6)} ${at(y)} Z`,
  fill: G.changed,
  stroke: '#FFFFFF',
  strokeWidth: 1,
});

/** The circled F of a fail point, sized for the glance. */
const failBadge = (x: number, y: number, role: string): Shape[] => [
  { kind: 'path', d: circle(x, y, 6.5), fill: PALETTE.failure, stroke: '#FFFFFF', strokeWidth: 1 },
  { kind: 'text', x, y: y + 3.6, lines: ['F'], size: SIZE, bold: true, fill: '#FFFFFF', anchor: 'middle', role },
];

const lineItem = (dash?: string) => (x: number, y: number) =>
  [{ kind: 'path', d: `M${at(x)} ${at(y - 4)} H${at(x + 18)}`, stroke: INK, strokeWidth: 1.6, dash }] satisfies Shape[];
const markItem = (text: string, fill: string) => (x: number, y: number) =>
  [{ kind: 'text', x, y: y - 1, lines: [text], size: SIZE, italic: true, fill }] satisfies Shape[];
const ringItem = (dash?: string) => (x: number, y: number) =>
  [
    { kind: 'rect', x, y: y - 9, width: 18, height: 12, fill: '#FFFFFF', stroke: G.changed, strokeWidth: 2.5, dash },
    changedMark(x, y - 9),
  ] satisfies Shape[];

/**
 * What does not depend on the plan: the order of the boxes in each column (by lane, then as the model lists
 * them), the edges drawn as arrows, and the lines each step carries for the ways on that are not drawn, one for
 * each step it leads to.
 */
function ways(model: BlueprintModel) {
  const { steps, columns, edges } = model;
  const columnOf = new Int32Array(steps.length);
  columns.forEach((c, k) => c.steps.forEach((i) => (columnOf[i] = k)));
  const lane = (i: number) => LANES.indexOf(steps[i]!.lane);
  const order = columns.map((c) => [...c.steps].sort((a, b) => lane(a) - lane(b)));
  const place = new Int32Array(steps.length);
  order.forEach((o) => o.forEach((i, k) => (place[i] = k)));
  const drawn = edges.filter((e) => {
    if (e.rework) return false;
    if (columnOf[e.to] === columnOf[e.from]! + 1) return true;
    return (
      columnOf[e.to] === columnOf[e.from] &&
      Math.abs(place[e.to]! - place[e.from]!) === 1 &&
      lane(e.to) !== lane(e.from)
    );
  });
  const marks = steps.map((s) => {
    const back = edges.filter((e) => e.from === s.index && e.rework).map((e) => steps[e.to]!.facts.name);
    const on = edges
      .filter((e) => e.from === s.index && !e.rework && !drawn.includes(e))
      .map((e) => steps[e.to]!.facts.name);
    return [
      ...on.map((name) => ({ text: `→ ${name}`, fill: MUTED })),
      ...back.map((name) => ({ text: `← ${name}`, fill: PALETTE.rework })),
    ];
  });
  return { columnOf, order, drawn, marks };
}

/** The glance laid out to a plan: its shapes and height at the page's width. */
function build(
  model: BlueprintModel,
  plan: Plan,
  width: number,
  title: string,
  changes?: StepChanges,
): Drawing & { boxWidth: number } {
  const { steps, columns } = model;
  const { columnOf, order, drawn, marks } = ways(model);
  const left = MARGIN + G.headWidth;
  const right = width - MARGIN;
  const widest = Math.max(...plan.bands.map(([a, b]) => b - a));
  const column = Math.min(G.widest + G.gap, (right - left) / widest);
  const boxWidth = column - G.gap;
  const inner = boxWidth - 10;
  const change = (i: number) => changes?.steps.find((c) => c.index === i);
  const names = steps.map((s) => fewLines(s.facts.name, inner, plan.nameLines));
  const markLines = marks.map((m) =>
    m.flatMap((k) => fewLines(k.text, inner, 1).map((text) => ({ ...k, text, tip: k.text }))),
  );
  const boxHeight = (i: number) => (names[i]!.length + markLines[i]!.length) * LH + 6;
  // The stages in turn take one of two shades, so that two stages side by side stand apart.
  const shade = columns.map((_, k) => columns.slice(1, k + 1).filter((c, j) => c.stage !== columns[j]!.stage).length);
  const evidence = columns.map((c) => c.steps.flatMap((i) => steps[i]!.evidence).join('; '));
  const rows = ROWS.filter((r) => r !== 'evidence' || (plan.evidenceLines > 0 && evidence.some(Boolean)));

  const back: Shape[] = [];
  const lines: Shape[] = [];
  const front: Shape[] = [];
  const head = titleShape(title, MARGIN, MARGIN, width - 2 * MARGIN);
  const places: (Box & { step: number })[] = [];
  let y = head.bottom + 2;
  plan.bands.forEach(([from, to]) => {
    const x = (k: number) => left + (k - from) * column + G.gap / 2;
    // The stages of the band, one header over each run of its columns.
    const headerHeight = LH + 2;
    for (let k = from; k < to;) {
      let end = k + 1;
      while (end < to && columns[end]!.stage === columns[k]!.stage) end++;
      const stage = columns[k]!.stage;
      const text = fewLines(stage, (end - k) * column - 8, 1, true);
      back.push(
        {
          kind: 'rect',
          x: x(k) - G.gap / 2 + 1,
          y,
          width: (end - k) * column - 2,
          height: headerHeight,
          fill: BLUEPRINT.stageFill[shade[k]! % 2]!,
        },
        {
          kind: 'text',
          x: x(k) - G.gap / 2 + ((end - k) * column) / 2,
          y: y + 1 + SIZE * 0.9,
          lines: text,
          size: SIZE,
          bold: true,
          fill: BLUEPRINT.stageInk,
          anchor: 'middle',
          role: `stage:${stage}`,
          ...(text[0] !== stage ? { tip: stage } : {}),
        },
      );
      k = end;
    }
    y += headerHeight + 1;
    const top = y;
    for (const row of rows) {
      let height = LH + 4;
      const cells: { k: number; steps: number[] }[] = [];
      for (let k = from; k < to; k++) {
        const here = row === 'evidence' ? [] : order[k]!.filter((i) => steps[i]!.lane === row);
        cells.push({ k, steps: here });
        const stacked = here.reduce((h, i) => h + boxHeight(i), 0) + (here.length - 1) * G.stackGap;
        if (here.length) height = Math.max(height, G.padTop + stacked + G.padBottom);
      }
      const cards =
        row === 'evidence'
          ? cells.map(({ k }) => ({
              k,
              lines: evidence[k] ? fewLines(evidence[k], inner + 4, plan.evidenceLines) : [],
            }))
          : [];
      for (const c of cards) if (c.lines.length) height = Math.max(height, c.lines.length * LH + 10);
      // The lane's title in full where the lane has room for its lines, else its short name (a lane thin for want
      // of steps in this band).
      const full = LANE_TITLES.get(row)!;
      const title = full.length * LH + 4 <= height ? full : [ROW_SHORT[row]];
      back.push(
        {
          kind: 'rect',
          x: MARGIN,
          y,
          width: width - 2 * MARGIN,
          height,
          fill: ROW_FILL[row],
          stroke: BLUEPRINT.laneStroke,
          strokeWidth: 0.8,
          role: `lane:${row}`,
        },
        {
          kind: 'text',
          x: MARGIN + 5,
          y: y + 3 + SIZE * 0.9,
          lines: title,
          size: SIZE,
          bold: true,
          fill: INK,
          role: `lane-title:${row}`,
        },
      );
      for (const c of cards) {
        if (!c.lines.length) continue;
        const card = { x: x(c.k) - 2, y: y + 4, width: boxWidth + 4, height: c.lines.length * LH + 2 };
        back.push(
          {
            kind: 'rect',
            ...card,
            fill: BLUEPRINT.card,
            stroke: BLUEPRINT.cardStroke,
            strokeWidth: 0.8,
            radius: 2,
            role: 'evidence',
          },
          {
            kind: 'text',
            x: card.x + 4,
            y: card.y + 1 + SIZE * 0.9,
            lines: c.lines,
            size: SIZE,
            fill: INK,
            ...(c.lines.join(' ') !== evidence[c.k] ? { tip: evidence[c.k] } : {}),
          },
        );
      }
      for (const { k, steps: here } of cells) {
        let sy = y + G.padTop;
        for (const i of here) {
          places[i] = { x: x(k), y: sy, width: boxWidth, height: boxHeight(i), step: i };
          sy += boxHeight(i) + G.stackGap;
        }
      }
      y += height;
      const line = LINES.find((l) => l.after === row);
      if (line)
        lines.push({
          kind: 'path',
          d: `M${MARGIN} ${at(y)} H${at(width - MARGIN)}`,
          stroke: INK,
          strokeWidth: 1.6,
          dash: line.dash,
          role: `line:${line.name}`,
        });
    }
    // Dashed separators between the stages of the band, down through its lanes.
    for (let k = from + 1; k < to; k++)
      if (columns[k]!.stage !== columns[k - 1]!.stage)
        back.push({
          kind: 'path',
          d: `M${at(x(k) - G.gap / 2)} ${at(top)} V${at(y)}`,
          stroke: BLUEPRINT.separator,
          strokeWidth: 0.8,
          dash: '3 3',
        });

    // The arrows of the band: out of a box's right side and into the next one's left, turning in the gap between
    // them; or straight down (or up) to the box under (or over) it in the same column.
    const ends = (k: number) => k >= from && k < to;
    const inBand = drawn.filter((e) => ends(columnOf[e.from]!) || ends(columnOf[e.to]!));
    const port = (i: number, side: 'out' | 'in', e: (typeof drawn)[number]) => {
      const mine = inBand
        .filter((d) => columnOf[d.to] !== columnOf[d.from] && (side === 'out' ? d.from === i : d.to === i))
        .sort((a, b) => a.order - b.order);
      const p = places[i]!;
      return p.y + (p.height * (mine.indexOf(e) + 1)) / (mine.length + 1);
    };
    const gaps = new Map<number, typeof drawn>();
    for (const e of inBand) {
      if (columnOf[e.to] === columnOf[e.from]) continue;
      const k = columnOf[e.from]!;
      gaps.set(k, [...(gaps.get(k) ?? []), e]);
    }
    for (const e of inBand) {
      const colour = BLUEPRINT.edge;
      const a = places[e.from];
      const b = places[e.to];
      const path = (d: string): Shape => ({
        kind: 'path',
        d,
        stroke: colour,
        strokeWidth: 1.2,
        role: `edge:${steps[e.from]!.id}>${steps[e.to]!.id}`,
      });
      if (columnOf[e.to] === columnOf[e.from]) {
        if (!ends(columnOf[e.from]!)) continue;
        const cx = a!.x + a!.width / 2;
        const down = b!.y > a!.y;
        const y0 = down ? a!.y + a!.height : a!.y;
        const y1 = down ? b!.y : b!.y + b!.height;
        lines.push(path(`M${at(cx)} ${at(y0)} V${at(y1)}`), arrowHead(cx, y1, 0, down ? 1 : -1, colour));
        continue;
      }
      const k = columnOf[e.from]!;
      const inGap = gaps.get(k)!;
      const track = x(k) + boxWidth + (G.gap * (inGap.indexOf(e) + 1)) / (inGap.length + 1);
      if (ends(k) && ends(k + 1)) {
        const y0 = port(e.from, 'out', e);
        const y1 = port(e.to, 'in', e);
        lines.push(
          path(`M${at(a!.x + a!.width)} ${at(y0)} H${at(track)} V${at(y1)} H${at(b!.x)}`),
          arrowHead(b!.x, y1, 1, 0, colour),
        );
      } else if (ends(k)) {
        // The way on continues in the next band: an arrow to the right edge of the lane.
        const y0 = port(e.from, 'out', e);
        lines.push(path(`M${at(a!.x + a!.width)} ${at(y0)} H${at(right - 2)}`), arrowHead(right - 2, y0, 1, 0, colour));
      } else {
        // ...and comes in from the left of the band where its step stands.
        const y1 = port(e.to, 'in', e);
        lines.push(path(`M${at(left + 1)} ${at(y1)} H${at(b!.x)}`), arrowHead(b!.x, y1, 1, 0, colour));
      }
    }
    y += G.bandGap;
  });

  for (const s of steps) {
    const p = places[s.index]!;
    const style = VALUE_STYLE[s.value];
    const c = change(s.index);
    const marked = c && c.kind !== 'unchanged';
    const tip = [s.facts.name, ...(c?.kind === 'new' ? ['new step'] : []), ...(c?.what ?? [])].join(' — ');
    front.push(
      {
        kind: 'rect',
        x: p.x,
        y: p.y,
        width: p.width,
        height: p.height,
        radius: s.end ? 8 : 3,
        role: `step:${s.id}`,
        fill: style.fill,
        stroke: marked ? G.changed : s.end === 'failure' ? PALETTE.failure : BLUEPRINT.stepStroke,
        strokeWidth: marked ? 2.5 : 1,
        dash: c?.kind === 'new' ? NEW_DASH : !marked && s.end === 'failure' ? '5 2' : undefined,
      },
      { kind: 'rect', x: p.x + 1.5, y: p.y + 3, width: 3, height: p.height - 6, fill: style.band },
      {
        kind: 'text',
        x: p.x + 7,
        y: p.y + 3 + SIZE * 0.9,
        lines: names[s.index]!,
        size: SIZE,
        fill: INK,
        role: `label:${s.id}`,
        tip,
      },
      ...markLines[s.index]!.map((m, k): Shape => ({
        kind: 'text',
        x: p.x + 7,
        y: p.y + 3 + SIZE * 0.9 + (names[s.index]!.length + k) * LH,
        lines: [m.text],
        size: SIZE,
        italic: true,
        fill: m.fill,
        role: `way:${s.id}`,
        ...(m.text !== m.tip ? { tip: m.tip } : {}),
      })),
    );
    let badge = p.x + p.width - 8;
    if (s.fails) {
      front.push(...failBadge(badge, p.y, `fail:${s.id}`));
      badge -= 17;
    }
    if (s.momentOfTruth) front.push({ ...truthMark(badge, p.y, 7), role: `truth:${s.id}` });
    if (marked) front.push({ ...changedMark(p.x + 8, p.y), role: `changed:${s.id}` });
  }

  // The legend: only what the glance shows.
  const shown = new Set<ValueKey>(steps.map((s) => s.value));
  const items: LegendItem[] = [
    ...valueItems(shown),
    ...(steps.some((s) => s.fails)
      ? [{ label: 'fail point', draw: (x: number, y: number) => failBadge(x + 9, y - 3, 'legend-fail') }]
      : []),
    ...(steps.some((s) => s.momentOfTruth) ? [truthItem] : []),
    ...LINES.map((l) => ({ label: l.name, draw: lineItem(l.dash) })),
    ...(marks.some((m) => m.some((k) => k.fill === PALETTE.rework))
      ? [{ label: 'loops back to step X', draw: markItem('← X', PALETTE.rework) }]
      : []),
    ...(marks.some((m) => m.some((k) => k.fill === MUTED))
      ? [{ label: 'goes on to step X', draw: markItem('→ X', MUTED) }]
      : []),
    ...(changes?.steps.some((c) => c.kind === 'changed') ? [{ label: 'changed in the to-be', draw: ringItem() }] : []),
    ...(changes?.steps.some((c) => c.kind === 'new') ? [{ label: 'new in the to-be', draw: ringItem(NEW_DASH) }] : []),
  ];
  const legend = legendShapes(MARGIN, y - G.bandGap + 2, width - 2 * MARGIN, items);
  y = legend.bottom + 4;
  if (changes?.removed.length) {
    // The steps no longer done: beside the legend's last line when they fit there in two lines, else under it.
    const said = `No longer done: ${changes.removed.join('; ')}`;
    const row = legend.shapes.filter((t) => t.kind === 'text' && t.y === legend.bottom - 4);
    const after = Math.max(...row.map((t) => (t.kind === 'text' ? t.x + textWidth(t.lines[0]!, t.size) : 0))) + 14;
    const beside = wrap(said, width - MARGIN - after - 12, SIZE);
    const [x, top, text] =
      row.length && beside.length <= 2 && width - MARGIN - after >= 160
        ? [after, legend.bottom - 4 - SIZE - 3, beside]
        : [MARGIN, y, wrap(said, width - 2 * MARGIN - 12, SIZE)];
    const box = { x, y: top, width: width - MARGIN - x, height: text.length * LH + 6 };
    front.push(
      {
        kind: 'rect',
        ...box,
        fill: G.removedFill,
        stroke: G.removedStroke,
        strokeWidth: 0.8,
        radius: 3,
        role: 'removed',
      },
      {
        kind: 'text',
        x: box.x + 6,
        y: box.y + 3 + SIZE * 0.9,
        lines: text,
        size: SIZE,
        fill: INK,
        role: 'removed-text',
      },
    );
    y = Math.max(y, box.y + box.height + 4);
  }
  return {
    width,
    height: y + MARGIN - 4,
    title: head.text,
    shapes: [...back, head.shape, ...lines, ...front, ...legend.shapes],
    minText: SIZE,
    boxWidth,
  };
}

/**
 * The plans tried, in order: the fewest bands whose boxes are roomy (3 lines of a name, 2 then 1 of evidence, or
 * none); then, for a map too large for that, the widest boxes of 1 to 3 bands that still fit the page, a step's
 * name kept before its evidence, cut between stages where that fits, else evenly.
 */
function plans(model: BlueprintModel): { plan: Plan; narrowest: number }[] {
  const out: { plan: Plan; narrowest: number }[] = [];
  const bands = [1, 2, 3].map((k) => glanceBands(model, Math.min(k, model.columns.length)));
  for (const b of bands)
    for (const evidenceLines of [2, 1, 0])
      out.push({ plan: { bands: b, nameLines: 3, evidenceLines }, narrowest: G.roomy });
  // Then narrower boxes, the widest first: bands cut between stages, and last the bands cut most evenly, across
  // stages, which a map too large for the others may need.
  const widest = (b: [number, number][]) => Math.max(...b.map(([x, y]) => y - x));
  const byWidth = (list: [number, number][][]) =>
    [...list].sort((p, q) => widest(p) - widest(q) || p.length - q.length);
  const even = [2, 3].map((k) => glanceBands(model, Math.min(k, model.columns.length), 0));
  for (const b of [...byWidth(bands), ...byWidth(even)])
    for (const [nameLines, evidenceLines] of [
      [3, 1],
      [3, 0],
      [2, 1],
      [2, 0],
    ] as const)
      out.push({ plan: { bands: b, nameLines, evidenceLines }, narrowest: G.narrowest });
  return out;
}

/**
 * The service blueprint at a glance, laid out for the page: as wide as the page inside its margins, as tall as it
 * takes, which the first plan that keeps its boxes wide enough holds within the page (see `plans`). A map too
 * large for any (more than about 40 steps) comes out taller than the page, which then shrinks it: its text is then
 * under 10 pt, as the scale of its place on the page tells.
 */
export function blueprintGlance(analysis: Analysis, page: Page, options: GlanceOptions = {}): Drawing {
  const model = blueprintModel(analysis);
  const toBe = options.changes ? ' · to-be' : '';
  const title = options.title ?? `${model.process}${toBe} · the service blueprint at a glance`;
  const width = page.width - 2 * PAGE_MARGIN;
  const height = page.height - 2 * PAGE_MARGIN;
  // When no plan holds, the one whose boxes come out widest once the page has shrunk the drawing to fit.
  let fallback = { drawing: undefined as Drawing | undefined, width: -1 };
  for (const { plan, narrowest } of plans(model)) {
    const { boxWidth, ...drawing } = build(model, plan, width, title, options.changes);
    if (boxWidth >= narrowest && drawing.height <= height) return drawing;
    const shrunk = boxWidth * Math.min(1, height / drawing.height);
    if (shrunk > fallback.width) fallback = { drawing, width: shrunk };
  }
  return fallback.drawing!;
}
