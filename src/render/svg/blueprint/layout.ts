/**
 * The blueprint laid out: every text measured once with the font's metrics (boxes of steps, evidence cards,
 * edge labels), then each part cut from the columns: lanes as tall as the part's tallest boxes, stubs for the
 * edges that leave the part, and the edges routed orthogonally around the boxes. No two edges share a segment:
 * each leaves and enters a box at a port of its own, runs in a track of its own in the gaps between columns and
 * in a channel of its own in the margins of the lanes. A branch's label sits on its edge just after the edge
 * leaves its step, in room kept for it in the gap, so it never reads as the label of the step it leads to.
 */
import { LANES } from '../../../load/index.js';
import { metaLine } from '../../../analysis/index.js';
import { BLUEPRINT, FONT, INK, LH, LINE_HEIGHT, MARGIN, MUTED, PALETTE } from '../../theme.js';
import { cut, textWidth, wrap } from '../font.js';
import type { Shape } from '../scene.js';
import { failItem, legendShapes, swatch, titleShape, truthItem, valueItems } from '../shapes.js';
import { ROW_TITLE, ROWS, type BlueprintEdge, type BlueprintModel, type Row } from './model.js';

/** The three lines of the blueprint, each under the lane it follows. */
export const LINES: { after: Row; name: string; dash?: string }[] = [
  { after: 'customer', name: 'Line of interaction' },
  { after: 'frontstage', name: 'Line of visibility', dash: '9 5' },
  { after: 'backstage', name: 'Line of internal interaction', dash: '2 3' },
];
export const NODE_W = 148;
const STUB_W = 112;
const GAP = 28;
const HEAD_W = 78;
const PAD = 5;
export const TEXT_PAD = 5;
const BAND = 12;
export const PILL = FONT + 4;
/** The widest label of an edge; a longer one wraps. */
const EDGE_LABEL_W = 90;
/** Room between the tracks of a gap, the channels of a margin, and the ports of a side of a box. */
const TRACK = 6;
const CHANNEL = 5;
const PORT = 8;
/** What an arrow keeps straight before the box it enters. */
const LEAD_IN = 10;
/** Room between two boxes of parallel branches, one over the other in a lane (a wait's pill sits on the lower). */
const STACK_GAP = PILL / 2 + 8;
const STAGE_SIZE = 12;

/** A duration is never broken across lines: `1 h 30 m` with no-break spaces. */
const unbroken = (duration: string) => duration.replace(/ /g, '\u00A0');
const ROW_TITLE_LINES = new Map(ROWS.map((row) => [row, wrap(ROW_TITLE[row], HEAD_W - 14, FONT, true)]));
const rowTitleLines = (row: Row) => ROW_TITLE_LINES.get(row)!;

export interface Line {
  text: string;
  bold?: boolean;
  italic?: boolean;
  fill: string;
  /** The whole text of a label that was cut. */
  tip?: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A box placed on a part: a step, a card of physical evidence, or the stubs of a lane on one side. */
export interface Placed extends Box {
  kind: 'step' | 'card' | 'stub';
  role: string;
  row: Row;
  /** The step, for a step's box. */
  step?: number;
  lines: Line[];
  /** The top of the text's first line. */
  textTop: number;
}

export interface RoutedEdge {
  edge: BlueprintEdge;
  /** The corners of the edge, from the start to the tip of its arrow. */
  points: [number, number][];
  /** The direction of the arrow at the last point. */
  towards: [number, number];
  label?: { lines: string[]; x: number; y: number; width: number; height: number; anchor: 'start' | 'end' };
}

export interface BlueprintLayout {
  width: number;
  height: number;
  title: ReturnType<typeof titleShape>;
  stages: { stage: string; box: Box; lines: string[]; first: boolean; shade: number }[];
  lanes: { row: Row; box: Box; title: string[] }[];
  lines: { name: string; y: number; dash?: string; labelWidth: number }[];
  boxes: Placed[];
  edges: RoutedEdge[];
  legend: { shapes: Shape[]; bottom: number };
  /** The bottom of the last lane. */
  lanesBottom: number;
}

/** Text wrapped to the width, cut beyond `LABEL_MAX` characters; with `tip`, the whole text on the first line. */
function textBlock(text: string, width: number, style: Omit<Line, 'text' | 'tip'>, tip = false): Line[] {
  const label = cut(text);
  return wrap(label.text, width, FONT, style.bold).map((line, k) => ({
    text: line,
    ...style,
    ...(tip && k === 0 && label.tip !== undefined ? { tip: label.tip } : {}),
  }));
}

/**
 * At most `max` lines of the text wrapped to the width; what does not fit is cut with an ellipsis on the last line
 * (the whole text stays the tooltip of the step, or of the stage header, it belongs to).
 */
export function fewLines(text: string, width: number, size: number, bold: boolean, max: number): string[] {
  const lines = wrap(cut(text).text, width, size, bold);
  if (lines.length <= max) return lines;
  let last = `${lines[max - 1]!}…`;
  while (textWidth(last, size, bold) > width && last.length > 1) last = `${[...last].slice(0, -2).join('')}…`;
  return [...lines.slice(0, max - 1), last];
}

/** A text of a box in at most `max` lines, the whole text the first line's tooltip when it was cut. */
function shortBlock(text: string, width: number, style: Omit<Line, 'text' | 'tip'>, max: number): Line[] {
  const lines = fewLines(text, width, FONT, Boolean(style.bold), max);
  const tip = lines.at(-1)!.endsWith('…') && !text.endsWith('…') ? { tip: text } : {};
  return lines.map((line, k) => ({ text: line, ...style, ...(k === 0 ? tip : {}) }));
}

const textHeight = (lines: number) => lines * LH - (LH - FONT) / 2;
/** Where the first port of a side lies below the top of the text: the middle of the first line. */
const FIRST_PORT = FONT * 0.65;

/** What is measured once for the whole blueprint: the text of every box and label, and the height of each step. */
export interface Measured {
  model: BlueprintModel;
  columnOf: Int32Array;
  lines: Line[][];
  cards: Line[][];
  labels: (string[] | undefined)[];
  /** The edges leaving each step and entering it by its sides (not the vertical ones). */
  outOf: BlueprintEdge[][];
  into: BlueprintEdge[][];
  /** The edges with an end in each column. */
  edgesAt: BlueprintEdge[][];
  /** Edges between a step and the one under or over it in its column, drawn as a short vertical arrow. */
  vertical: Set<BlueprintEdge>;
  /** The top of each step's text inside its box, and the box's height. */
  textOffset: Float64Array;
  height: Float64Array;
}

/** What an outgoing edge takes on the side of its box: its label's lines, or the room between two ports. */
const reserve = (label: string[] | undefined) => (label ? label.length * LH + 4 : PORT);

export function measure(model: BlueprintModel): Measured {
  const { steps, columns, edges } = model;
  const columnOf = new Int32Array(steps.length);
  columns.forEach((c, k) => c.steps.forEach((i) => (columnOf[i] = k)));
  const edgesAt: BlueprintEdge[][] = columns.map(() => []);
  for (const e of edges) {
    edgesAt[columnOf[e.from]!]!.push(e);
    if (columnOf[e.to] !== columnOf[e.from]) edgesAt[columnOf[e.to]!]!.push(e);
  }
  const inner = NODE_W - 2 * TEXT_PAD - 5;
  const lines = steps.map((s) => {
    const f = s.facts;
    return [
      ...textBlock(f.name, inner, { bold: true, fill: INK }, true),
      ...shortBlock(metaLine(f, unbroken), inner, { fill: MUTED }, 2),
      ...(f.hotShare
        ? textBlock(`${Math.round(100 * f.hotShare)}% of the lead time`, inner, {
            bold: true,
            fill: BLUEPRINT.waitInk,
          })
        : []),
      ...(s.end
        ? textBlock(s.end === 'failure' ? 'ends: goal not reached' : 'ends: goal reached', inner, {
            italic: true,
            fill: s.end === 'failure' ? PALETTE.failure : BLUEPRINT.successInk,
          })
        : []),
    ];
  });
  const cards = steps.map((s) => s.evidence.flatMap((e) => shortBlock(e, inner, { fill: INK }, 3)));
  const labels = edges.map((e) =>
    e.label === undefined ? undefined : fewLines(e.label, EDGE_LABEL_W, FONT, false, 2),
  );
  // An edge runs straight down (or up) its column when its ends stand in one column with no other box between
  // (not a loop back, which would run on the edge it returns along).
  const lane = (i: number) => LANES.indexOf(steps[i]!.lane);
  const vertical = new Set(
    edges.filter((e) => {
      if (e.rework || columnOf[e.from] !== columnOf[e.to] || steps[e.from]!.lane === steps[e.to]!.lane) return false;
      const [lo, hi] = [Math.min(lane(e.from), lane(e.to)), Math.max(lane(e.from), lane(e.to))];
      return columns[columnOf[e.from]!]!.steps.every((j) => j === e.from || j === e.to || lane(j) < lo || lane(j) > hi);
    }),
  );
  const outOf = steps.map(() => [] as BlueprintEdge[]);
  const into = steps.map(() => [] as BlueprintEdge[]);
  for (const e of edges) {
    if (vertical.has(e)) continue;
    outOf[e.from]!.push(e);
    into[e.to]!.push(e);
  }
  // The text of every box in a lane with a wait starts below the pill's room, so that boxes of a lane have
  // their first lines, and their ports, at one height: an edge along the lane runs straight.
  const waits = new Set(steps.filter((s) => s.facts.wait).map((s) => s.lane));
  const textOffset = Float64Array.from(steps, (s) => TEXT_PAD + (waits.has(s.lane) ? PILL / 2 - 2 : 0));
  const height = Float64Array.from(steps, (_, i) => {
    const ports = outOf[i]!.map((e) => reserve(labels[e.order]));
    const needed = ports.length > 0 ? FIRST_PORT + ports.reduce((a, b) => a + b, 0) - PORT + 6 : 0;
    return textOffset[i]! + Math.max(textHeight(lines[i]!.length) + TEXT_PAD, needed);
  });
  return { model, columnOf, edgesAt, lines, cards, labels, outOf, into, vertical, textOffset, height };
}

/** A part: columns [from, to) of the blueprint; its number and count, and where a step outside it is drawn. */
export interface PartFrame {
  from: number;
  to: number;
  index?: number;
  count?: number;
  partOf: (step: number) => number | undefined;
}

type Kind = 'straight' | 'along-a' | 'along-b' | 'vertical' | 'channel';

/** The layout of one part of the blueprint (or of the whole, as a single part), from what was measured. */
export function layoutPart(m: Measured, frame: PartFrame): BlueprintLayout {
  const { model, columnOf } = m;
  const { steps, columns } = model;
  const { from, to } = frame;
  const n = to - from;
  const inPart = (i: number) => columnOf[i]! >= from && columnOf[i]! < to;
  const touching = [...new Set(m.edgesAt.slice(from, to).flat())].sort((a, b) => a.order - b.order);
  const stubSide = new Map<number, 'left' | 'right'>();
  for (const e of touching)
    for (const end of [e.from, e.to]) if (!inPart(end)) stubSide.set(end, columnOf[end]! < from ? 'left' : 'right');
  const hasLeft = [...stubSide.values()].includes('left');
  const hasRight = [...stubSide.values()].includes('right');
  const slotOfStep = (i: number) => (inPart(i) ? columnOf[i]! - from : stubSide.get(i) === 'left' ? -1 : n);

  // The stubs of a lane on one side share one box: for each step, its text, and room for its edges' ports.
  const stubLines = (i: number) => {
    const where = frame.partOf(i);
    const isInto = touching.some((e) => e.to === i);
    const isFrom = touching.some((e) => e.from === i);
    const text = `${isInto && isFrom ? 'to and from' : isInto ? 'to' : 'from'} ${steps[i]!.facts.name}${where ? ` (part ${where})` : ''}`;
    return textBlock(text, STUB_W - 2 * TEXT_PAD - 5, { italic: true, fill: MUTED });
  };
  // A stub's ports: the edges leaving it first, each with its label under it, then those entering it.
  const stubPorts = (i: number) => [
    ...touching.filter((e) => e.from === i),
    ...touching.filter((e) => e.to === i && e.from !== i),
  ];
  const stubRegion = (i: number) => {
    const lines = stubLines(i);
    const ports = stubPorts(i).map((e) => (e.from === i ? reserve(m.labels[e.order]) : PORT));
    const room = FIRST_PORT + ports.reduce((a, b) => a + b, 0) - PORT + 6;
    return { lines, height: Math.max(lines.length * LH, room) };
  };

  // Kinds of route, which need only the slots; then the room each margin of a lane keeps for its channels.
  const laneOf = (i: number): Row => steps[i]!.lane;
  const before = new Map(ROWS.map((row) => [row, new Int32Array(n + 1)]));
  for (let k = from; k < to; k++) for (const i of columns[k]!.steps) before.get(laneOf(i))![k - from + 1]!++;
  for (const counts of before.values()) for (let k = 1; k <= n; k++) counts[k]! += counts[k - 1]!;
  const between = (row: Row, a: number, b: number) => {
    const [lo, hi] = [Math.max(0, Math.min(a, b) + 1), Math.min(n, Math.max(a, b))];
    return lo < hi && before.get(row)![hi]! - before.get(row)![lo]! > 0;
  };
  const routes = touching.map((e) => {
    const sa = slotOfStep(e.from);
    const sb = slotOfStep(e.to);
    const fromRight = !inPart(e.from) && sa === n;
    const intoLeft = !inPart(e.to) && sb === -1;
    const simple = !fromRight && !intoLeft && sb > sa;
    const ra = laneOf(e.from);
    const rb = laneOf(e.to);
    const kind = (): Kind => {
      if (m.vertical.has(e)) return 'vertical';
      if (simple && !between(ra, sa, sb)) return 'along-a';
      return simple && !between(rb, sa, sb) ? 'along-b' : 'channel';
    };
    const down = ROWS.indexOf(ra) <= ROWS.indexOf(rb);
    return {
      e,
      sa,
      sb,
      kind: kind(),
      fromRight,
      intoLeft,
      gapA: fromRight ? sa - 1 : sa,
      gapB: intoLeft ? sb : sb - 1,
      key: `${ra}:${down ? 'bottom' : 'top'}`,
    };
  });
  const channelUse = new Map<string, number[]>();
  routes.forEach((r, k) => {
    if (r.kind === 'channel') channelUse.set(r.key, [...(channelUse.get(r.key) ?? []), k]);
  });
  const room = (key: string) => {
    const users = channelUse.get(key)?.length ?? 0;
    return users > 0 ? CHANNEL * (users + 1) : 0;
  };

  // Lanes top to bottom: each as tall as its tallest stack of boxes in the part, stubs included.
  const boxesY: { kind: Placed['kind']; row: Row; slot: number; y: number; height: number; i: number }[] = [];
  const lanes: { row: Row; y: number; height: number }[] = [];
  const stubY = new Map<number, number>(); // step -> top of its region in its stub box
  const stubBoxes: { row: Row; side: 'left' | 'right'; y: number; height: number; lines: Line[] }[] = [];
  const rowsLayout = (top: number) => {
    let y = top;
    for (const row of ROWS) {
      const laneTop = y;
      const members: number[] = [];
      for (let k = from; k < to; k++)
        for (const i of columns[k]!.steps)
          if (row === 'evidence' ? steps[i]!.evidence.length > 0 : laneOf(i) === row) members.push(i);
      const pill = row !== 'evidence' && members.some((i) => steps[i]!.facts.wait) ? PILL / 2 : 0;
      const boxTop = laneTop + room(`${row}:top`) + PAD + pill;
      let bottom = laneTop + PAD + LH;
      const stack = new Map<number, number>(); // slot -> where the next box goes
      for (const i of members) {
        const slot = columnOf[i]! - from;
        const at = stack.get(slot) ?? boxTop;
        const height = row === 'evidence' ? textHeight(m.cards[i]!.length) + 2 * TEXT_PAD : m.height[i]!;
        boxesY.push({ kind: row === 'evidence' ? 'card' : 'step', row, slot, y: at, height, i });
        stack.set(slot, at + height + (row === 'evidence' ? 4 : STACK_GAP));
        bottom = Math.max(bottom, at + height);
      }
      if (row !== 'evidence')
        for (const side of ['left', 'right'] as const) {
          const stubbed = [...stubSide]
            .filter(([i, where]) => where === side && laneOf(i) === row)
            .map(([i]) => i)
            .sort((a, b) => a - b);
          if (stubbed.length === 0) continue;
          let at = boxTop + TEXT_PAD;
          const lines: Line[] = [];
          for (const i of stubbed) {
            const region = stubRegion(i);
            stubY.set(i, at);
            // The lines of a step's region, padded with empty lines to the room its ports take.
            lines.push(...region.lines);
            const spare = Math.ceil((region.height - region.lines.length * LH) / LH);
            for (let s = 0; s < spare; s++) lines.push({ text: '', fill: MUTED });
            at += region.lines.length * LH + spare * LH;
          }
          const height = at - boxTop + TEXT_PAD;
          stubBoxes.push({ row, side, y: boxTop, height, lines });
          bottom = Math.max(bottom, boxTop + height);
        }
      const height =
        Math.max(bottom + PAD + room(`${row}:bottom`), laneTop + 2 * PAD + rowTitleLines(row).length * LH + 2) -
        laneTop;
      lanes.push({ row, y: laneTop, height });
      y += height;
      if (LINES.some((l) => l.after === row)) y += BAND;
    }
    return y;
  };

  // Ports: where each edge leaves and enters, on the side of its box that faces the way it goes.
  const portFrom = new Map<BlueprintEdge, number>();
  const portInto = new Map<BlueprintEdge, number>();

  // Columns and gaps from left to right, once the routes know which gaps they use.
  const gapLabelsLeft = new Map<number, number>(); // gap -> width of labels starting at its left
  const gapLabelsRight = new Map<number, number>(); // gap -> width of labels ending at its right
  const labelWidth = (e: BlueprintEdge) => Math.max(...m.labels[e.order]!.map((l) => textWidth(l, FONT, false))) + 4;
  for (const r of routes) {
    if (!m.labels[r.e.order] || r.kind === 'vertical') continue;
    const target = r.fromRight ? gapLabelsRight : gapLabelsLeft;
    target.set(r.gapA, Math.max(target.get(r.gapA) ?? 0, labelWidth(r.e)));
  }

  // Now the y of everything: title, stage headers, lanes.
  const stageRuns: { stage: string; first: number; last: number }[] = [];
  for (let k = from; k < to; k++) {
    const last = stageRuns.at(-1);
    if (last && last.stage === columns[k]!.stage) last.last = k - from;
    else stageRuns.push({ stage: columns[k]!.stage, first: k - from, last: k - from });
  }
  // Boxes, ports and routes need x; x needs the gaps' widths, which need the number of tracks: count them first.
  // Until the title and stage headers are placed, y is measured from the top of the first lane.
  const lanesEnd = rowsLayout(0);
  const laneBox = new Map(lanes.map((l) => [l.row, l]));
  const stepBox = new Map<number, { y: number; height: number }>();
  for (const b of boxesY) if (b.kind === 'step') stepBox.set(b.i, b);
  // The ports of one side of a box, from the middle of its first line down; squeezed to stay inside the box.
  const sidePorts = (
    top: number,
    list: readonly BlueprintEdge[],
    into: Map<BlueprintEdge, number>,
    spacing: (e: BlueprintEdge) => number,
    limit: number,
  ) => {
    const total = list.slice(0, -1).reduce((a, e) => a + spacing(e), 0);
    const squeeze = total > 0 ? Math.min(1, (limit - top - FIRST_PORT) / total) : 1;
    let y = top + FIRST_PORT;
    for (const e of list) {
      into.set(e, y);
      y += spacing(e) * squeeze;
    }
  };
  const shownEdges = new Set(touching);
  // The ports of a side in the order of the boxes at the other ends, top to bottom, so that edges cross less.
  const topOf = (i: number) => stepBox.get(i)?.y ?? stubY.get(i)!;
  const visible = (list: BlueprintEdge[], end: (e: BlueprintEdge) => number) =>
    list.filter((e) => shownEdges.has(e)).sort((a, b) => topOf(end(a)) - topOf(end(b)) || a.order - b.order);
  for (const [i, b] of stepBox) {
    const top = b.y + m.textOffset[i]!;
    // Outgoing ports always fit: the box was made tall enough for them and their labels.
    const outgoing = visible(m.outOf[i]!, (e) => e.to);
    sidePorts(top, outgoing, portFrom, (e) => reserve(m.labels[e.order]), Infinity);
    sidePorts(
      top,
      visible(m.into[i]!, (e) => e.from),
      portInto,
      () => PORT,
      b.y + b.height - 4,
    );
  }
  for (const [i, top] of stubY) {
    let y = top + FIRST_PORT;
    for (const e of stubPorts(i)) {
      (e.from === i ? portFrom : portInto).set(e, y);
      y += e.from === i ? reserve(m.labels[e.order]) : PORT;
    }
  }
  for (const r of routes) if (r.kind === 'along-a' && portFrom.get(r.e) === portInto.get(r.e)) r.kind = 'straight';

  // The tracks of a gap. An edge comes into its track along a horizontal line from the left of the gap, or from
  // the right, and leaves it the same way. A line from the left at some height must end at a track left of one
  // where a line to the right starts at that height, or the two would run on top of each other: the tracks are
  // put in an order that keeps to this (the order of the edges where nothing is at stake).
  // On a cycle (two edges crossing in the gap, each one's line to the right at the height of the other's line from
  // the left), the first track's line to the right moves half a port's room down.
  type Track = { id: string; e: BlueprintEdge; left?: number; right?: number; rightOf?: Map<BlueprintEdge, number> };
  const gapUse = new Map<number, Track[]>();
  routes.forEach((r, k) => {
    if (r.kind === 'straight' || r.kind === 'vertical') return;
    const e = r.e;
    const ya = portFrom.get(e)!;
    const yb = portInto.get(e)!;
    const uses: [number, Track][] = [];
    if (r.kind === 'along-a') uses.push([r.gapB, { id: `${k}:B`, e, left: ya, right: yb, rightOf: portInto }]);
    else if (r.kind === 'along-b') uses.push([r.gapA, { id: `${k}:A`, e, left: ya, right: yb, rightOf: portInto }]);
    else {
      uses.push([
        r.gapA,
        r.fromRight ? { id: `${k}:A`, e, right: ya, rightOf: portFrom } : { id: `${k}:A`, e, left: ya },
      ]);
      uses.push([
        r.gapB,
        r.intoLeft ? { id: `${k}:B`, e, left: yb } : { id: `${k}:B`, e, right: yb, rightOf: portInto },
      ]);
    }
    for (const [g, track] of uses) gapUse.set(g, [...(gapUse.get(g) ?? []), track]);
  });
  const blocks = (u: Track, t: Track) =>
    u !== t && u.left !== undefined && t.right !== undefined && Math.abs(u.left - t.right) < 0.5;
  for (const [g, tracks] of gapUse) {
    const placed: Track[] = [];
    const rest = [...tracks];
    while (rest.length > 0) {
      const free = rest.findIndex((t) => !rest.some((u) => blocks(u, t)));
      if (free < 0) {
        const t = rest[0]!;
        t.right! += PORT / 2;
        t.rightOf!.set(t.e, t.right!);
        continue;
      }
      placed.push(...rest.splice(free, 1));
    }
    gapUse.set(g, placed);
  }
  // A gap: the labels of edges leaving the slot on its left, its tracks, and room for arrows into the next slot.
  const gapWidth = (g: number) => {
    const left = gapLabelsLeft.get(g) ?? 0;
    const right = Math.max(LEAD_IN, (gapLabelsRight.get(g) ?? 0) + 4);
    const tracks = Math.max(GAP - LEAD_IN, TRACK * ((gapUse.get(g)?.length ?? 0) + 1));
    return left + tracks + right;
  };
  // Slots and gaps from left to right: gap g lies right of slot g (gap -1 left of the first column).
  const slotX = new Map<number, number>();
  const gapSpan = new Map<number, [number, number]>();
  let x = MARGIN + HEAD_W;
  // The names of the three lines reach past the lanes' titles: a track keeps right of them.
  const namesEnd = MARGIN + Math.max(...LINES.map((l) => textWidth(l.name, FONT, true))) + 14;
  const gap = (g: number) => {
    const tracksFrom = x + (gapLabelsLeft.get(g) ?? 0);
    const width = gapWidth(g) + (gapUse.has(g) ? Math.max(0, namesEnd - tracksFrom) : 0);
    gapSpan.set(g, [x, x + width]);
    x += width;
  };
  if (hasLeft) {
    x += GAP;
    slotX.set(-1, x);
    x += STUB_W;
  }
  gap(-1);
  for (let k = 0; k < n; k++) {
    slotX.set(k, x);
    x += NODE_W;
    gap(k);
  }
  if (hasRight) {
    slotX.set(n, x);
    x += STUB_W + GAP;
  }
  const width = x + MARGIN;
  const trackX = (g: number, k: number, which: 'A' | 'B') => {
    const users = gapUse.get(g)!;
    const at = users.findIndex((u) => u.id === `${k}:${which}`);
    const [left, right] = gapSpan.get(g)!;
    const start = Math.max(left + (gapLabelsLeft.get(g) ?? 0), namesEnd);
    const end = right - Math.max(LEAD_IN, (gapLabelsRight.get(g) ?? 0) + 4);
    return start + ((end - start) * (at + 1)) / (users.length + 1);
  };

  // The title and the stage headers over the lanes; everything so far moves down by their height.
  // The process's name is cut as a label is; the whole name is the title's tooltip.
  const name = cut(model.process);
  const heading = titleShape(
    `${name.text} · service blueprint${frame.index ? ` · part ${frame.index} of ${frame.count}` : ''}`,
    MARGIN,
    MARGIN,
    width - 2 * MARGIN,
  );
  const titled = name.tip === undefined ? heading : { ...heading, shape: { ...heading.shape, tip: name.tip } as Shape };
  const stageBox = (s: { first: number; last: number }) => {
    const left = slotX.get(s.first)! - 6;
    return { x: left, width: slotX.get(s.last)! + NODE_W + 6 - left };
  };
  const stageLines = stageRuns.map((s) => fewLines(s.stage, stageBox(s).width - 2 * TEXT_PAD, STAGE_SIZE, true, 2));
  const headerHeight = Math.max(...stageLines.map((l) => l.length)) * STAGE_SIZE * LINE_HEIGHT + 8;
  const dy = titled.bottom + headerHeight;

  const boxes: Placed[] = [];
  for (const b of boxesY) {
    const lines = b.kind === 'card' ? m.cards[b.i]! : m.lines[b.i]!;
    const y = b.y + dy;
    boxes.push({
      kind: b.kind,
      role: b.kind === 'card' ? 'evidence' : `step:${steps[b.i]!.id}`,
      row: b.row,
      ...(b.kind === 'step' ? { step: b.i } : {}),
      x: slotX.get(b.slot)!,
      y,
      width: NODE_W,
      height: b.height,
      lines,
      textTop: y + (b.kind === 'card' ? TEXT_PAD : m.textOffset[b.i]!),
    });
  }
  for (const s of stubBoxes)
    boxes.push({
      kind: 'stub',
      role: `stub:${s.side}:${s.row}`,
      row: s.row,
      x: slotX.get(s.side === 'left' ? -1 : n)!,
      y: s.y + dy,
      width: STUB_W,
      height: s.height,
      lines: s.lines,
      textTop: s.y + dy + TEXT_PAD,
    });

  // The edges, as corners from start to arrow tip.
  const boxOf = new Map(boxes.filter((b) => b.step !== undefined).map((b) => [b.step!, b]));
  const stubOf = (i: number) =>
    boxes.find((b) => b.kind === 'stub' && b.row === laneOf(i) && b.role.startsWith(`stub:${stubSide.get(i)}:`))!;
  const routed: RoutedEdge[] = routes.map((r, k) => {
    const a = boxOf.get(r.e.from) ?? stubOf(r.e.from);
    const b = boxOf.get(r.e.to) ?? stubOf(r.e.to);
    if (r.kind === 'vertical') {
      const vx = a.x + a.width * 0.6;
      const down = b.y > a.y;
      return {
        edge: r.e,
        points: down
          ? [
              [vx, a.y + a.height],
              [vx, b.y],
            ]
          : [
              [vx, a.y],
              [vx, b.y + b.height],
            ],
        towards: [0, down ? 1 : -1],
      };
    }
    const ya = portFrom.get(r.e)! + dy;
    const yb = portInto.get(r.e)! + dy;
    const x0 = r.fromRight ? a.x : a.x + a.width;
    const x3 = r.intoLeft ? b.x + b.width : b.x;
    let points: [number, number][];
    if (r.kind === 'straight')
      points = [
        [x0, ya],
        [x3, yb],
      ];
    else if (r.kind === 'along-a' || r.kind === 'along-b') {
      const t = r.kind === 'along-a' ? trackX(r.gapB, k, 'B') : trackX(r.gapA, k, 'A');
      points = [
        [x0, ya],
        [t, ya],
        [t, yb],
        [x3, yb],
      ];
    } else {
      const users = channelUse.get(r.key)!;
      const lane = laneBox.get(laneOf(r.e.from))!;
      const offset = CHANNEL * (users.indexOf(k) + 1);
      const cy = r.key.endsWith('bottom') ? lane.y + lane.height - offset + dy : lane.y + offset + dy;
      const [ta, tb] = [trackX(r.gapA, k, 'A'), trackX(r.gapB, k, 'B')];
      points = [
        [x0, ya],
        [ta, ya],
        [ta, cy],
        [tb, cy],
        [tb, yb],
        [x3, yb],
      ];
    }
    const said = m.labels[r.e.order];
    const label = said && {
      lines: said,
      x: r.fromRight ? x0 - 3 : x0 + 3,
      y: ya + 2,
      width: labelWidth(r.e) - 1,
      height: said.length * LH,
      anchor: r.fromRight ? ('end' as const) : ('start' as const),
    };
    return { edge: r.e, points, towards: [r.intoLeft ? -1 : 1, 0], ...(label ? { label } : {}) };
  });

  const laneList = lanes.map((l) => ({
    row: l.row,
    box: { x: MARGIN, y: l.y + dy, width: width - 2 * MARGIN, height: l.height },
    title: rowTitleLines(l.row),
  }));
  const lineList = LINES.map((l) => {
    const lane = laneList.find((x) => x.row === l.after)!;
    return {
      name: l.name,
      y: lane.box.y + lane.box.height + BAND / 2,
      ...(l.dash ? { dash: l.dash } : {}),
      labelWidth: textWidth(l.name, FONT, true) + 10,
    };
  });
  const lanesBottom = lanesEnd + dy;
  const shown = boxes.filter((b) => b.kind === 'step').map((b) => steps[b.step!]!);
  const legend = legendShapes(MARGIN, lanesBottom + 8, width - 2 * MARGIN, [
    ...valueItems(new Set(shown.map((s) => s.value))),
    ...(shown.some((s) => s.facts.hotShare)
      ? [
          {
            label: `${Math.round(100 * model.slowFrom)}% or more of the lead time`,
            draw: swatch(BLUEPRINT.card, PALETTE.hot, 3),
          },
        ]
      : []),
    ...(shown.some((s) => s.momentOfTruth) ? [truthItem] : []),
    ...(shown.some((s) => s.fails) ? [failItem] : []),
    ...(routed.some((r) => r.edge.rework)
      ? [
          {
            label: 'rework',
            draw: (x: number, y: number): Shape[] => [
              { kind: 'path', d: `M${x} ${y - 3} H${x + 18}`, stroke: PALETTE.rework, strokeWidth: 2, dash: '6 3' },
            ],
          },
        ]
      : []),
    ...(stubSide.size > 0
      ? [{ label: 'in another part', draw: swatch(BLUEPRINT.card, BLUEPRINT.stubStroke, 1, '4 3') }]
      : []),
  ]);
  return {
    width,
    height: legend.bottom + MARGIN,
    title: titled,
    stages: stageRuns.map((s, k) => ({
      stage: s.stage,
      box: { ...stageBox(s), y: titled.bottom, height: headerHeight - 4 },
      lines: stageLines[k]!,
      first: k === 0,
      shade: k % 2,
    })),
    lanes: laneList,
    lines: lineList,
    boxes,
    edges: routed,
    legend,
    lanesBottom,
  };
}
