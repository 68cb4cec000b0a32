/**
 * The service blueprint laid out by cxmap itself (Shostack 1984; Bitner, Ostrom & Morgan 2008), for SVG, PNG,
 * PDF and slides. Lanes in the fixed order of the method, top to bottom, each the full width of the drawing:
 * physical evidence, customer actions, the line of interaction, frontstage, the line of visibility, backstage,
 * the line of internal interaction, support processes. Steps stand in columns in flow order under their stage's
 * header; edges run orthogonally in the gaps between columns and in the margins of the lanes, never through a
 * step. On a page, a blueprint whose text would come out smaller than the readable minimum is split by stage
 * into parts, and an edge that leaves a part ends in a stub that names the step and the part it continues in.
 *
 * Mermaid's flowchart cannot fix the order of its lanes, and its `swimlane-beta` neither puts steps in stage
 * columns nor draws the blueprint's lines (docs/render.md); the Markdown form stays the Mermaid flowchart
 * (../blueprint.ts), which GitHub draws.
 */
import type { ExactAnalysis as Analysis } from '../../analysis/index.js';
import { LANES, type Lane, type ProcessMap } from '../../load/index.js';
import { metaLine, stepFacts } from '../blueprint.js';
import { PALETTE, fitsPage, LINE_HEIGHT, type Page, FONT, INK, LH, MARGIN, MUTED, VALUE_STYLE } from '../theme.js';
import { cut, textWidth, wrap } from './font.js';
import { type Drawing, type Shape } from './scene.js';
import { failItem, failMark, legendShapes, swatch, titleShape, truthItem, truthMark, valueItems } from './shapes.js';

type Row = 'evidence' | Lane;
const ROWS: readonly Row[] = ['evidence', ...LANES];
const ROW_TITLE: Record<Row, string> = {
  evidence: 'Physical evidence',
  customer: 'Customer actions',
  frontstage: 'Frontstage',
  backstage: 'Backstage',
  support: 'Support processes',
};
const rowTitleLines = (row: Row) => wrap(ROW_TITLE[row], HEAD_W - 14, FONT, true);
const ROW_FILL: Record<Row, string> = {
  evidence: '#FFFFFF',
  customer: '#FFF8E7',
  frontstage: '#EEF6FB',
  backstage: '#F4F4F4',
  support: '#E9E9E9',
};
/** The three lines of the blueprint, each under the lane it follows. */
const LINES: { after: Row; name: string; dash?: string }[] = [
  { after: 'customer', name: 'Line of interaction' },
  { after: 'frontstage', name: 'Line of visibility', dash: '9 5' },
  { after: 'backstage', name: 'Line of internal interaction', dash: '2 3' },
];
const NODE_W = 148;
const STUB_W = 112;
const GAP = 28;
const HEAD_W = 78;
const PAD = 5;
const TEXT_PAD = 5;
const BAND = 12;
const PILL = FONT + 4;
/** A duration is never broken across lines: `1 h 30 m` with no-break spaces. */
const unbroken = (duration: string) => duration.replace(/ /g, '\u00A0');
const WAIT_INK = '#9A5B00';

/** A column of the blueprint: the steps of one stage at one depth of the flow, at most one per lane. */
export interface Column {
  stage: string;
  steps: number[];
}

/**
 * The columns in flow order: stage by stage, and within a stage by the depth of each step on the longest path
 * from the start (loops back left out), so that alternatives stand side by side in different lanes. A step that
 * is the only one to follow a step in another lane stands under (or over) it in the same column when nothing lies
 * between them there: the customer's action and the frontstage's answer read as one moment, as in a blueprint
 * drawn by hand, and the edge between them is a short vertical arrow.
 */
function blueprintColumns(map: ProcessMap, edges: readonly Edge[]): Column[] {
  const n = map.steps.length;
  const out: number[][] = map.steps.map(() => []);
  for (const e of edges) if (!e.rework) out[e.from]!.push(e.to);
  const from: number[][] = map.steps.map(() => []);
  out.forEach((targets, i) => targets.forEach((t) => from[t]!.push(i)));
  const waiting = Int32Array.from(from, (f) => f.length);
  const depth = new Int32Array(n);
  const ready = map.steps.filter((s) => waiting[s.index] === 0).map((s) => s.index);
  while (ready.length > 0) {
    const i = ready.pop()!;
    for (const t of out[i]!) {
      depth[t] = Math.max(depth[t]!, depth[i]! + 1);
      if (--waiting[t]! === 0) ready.push(t);
    }
  }
  type Building = Column & { depth: number; rows: Map<number, number>; spans: [number, number][] };
  const row = (i: number) => LANES.indexOf(map.steps[i]!.actor.kind);
  const between = (a: number, b: number, r: number) => r > Math.min(a, b) && r < Math.max(a, b);
  const columns: Building[] = [];
  const columnOf = new Map<number, Building>();
  for (const stage of map.stages.length > 0 ? map.stages : [map.process.name]) {
    const steps = map.steps
      .filter((s) => s.stage === stage)
      .sort((a, b) => depth[a.index]! - depth[b.index]! || a.index - b.index);
    for (const { index: i } of steps) {
      const r = row(i);
      const p = from[i]!.length === 1 ? from[i]![0]! : undefined;
      const under = p === undefined || out[p]!.length !== 1 ? undefined : columnOf.get(p);
      const last = columns.at(-1);
      const free = (c: Building) => !c.rows.has(r) && c.spans.every(([a, b]) => !between(a, b, r)) && c.stage === stage;
      let column: Building;
      if (under && free(under) && under === last && [...under.rows.keys()].every((q) => !between(row(p!), r, q))) {
        column = under;
        column.spans.push([row(p!), r]);
      } else if (last && last.depth === depth[i] && free(last)) column = last;
      else {
        column = { stage, steps: [], depth: depth[i]!, rows: new Map(), spans: [] };
        columns.push(column);
      }
      column.steps.push(i);
      column.rows.set(r, i);
      columnOf.set(i, column);
    }
  }
  return columns.map(({ stage, steps }) => ({ stage, steps }));
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A step, or a stub for a step in another part, placed in a slot (a column, or the stub slot on either side). */
interface Placed extends Box {
  row: Row;
  slot: number;
  /** Where edges leave and arrive: the middle of the first line. */
  port: number;
  /** The text in the box, and the baseline of its first line's top. */
  content: Content;
  textTop: number;
}

interface Edge {
  /** Its place in the map's order of edges: parts route their edges in this order. */
  order: number;
  from: number;
  to: number;
  rework: boolean;
}

/** What every part of a blueprint draws from, worked out once per map. */
interface Prepared {
  analysis: Analysis;
  columns: Column[];
  /** The column of each step. */
  columnOf: Int32Array;
  /** The edges with an end in each column. */
  edgesAt: Edge[][];
  facts: ReturnType<typeof stepFacts>[];
  /** The first lines of a step's box: the chance and label of the branch into it, or `in parallel`. */
  into: Map<number, string[]>;
}

function prepare(analysis: Analysis): Prepared {
  const { map, flow, effort } = analysis;
  const rework = new Set(effort.reworkLoops.map((e) => `${e.from}>${e.to}`));
  const edges = map.steps
    .flatMap((s) => [...new Set(flow.links[s.index]!.map((e) => e.to))].map((to) => ({ from: s.index, to })))
    .map((e, order) => ({ ...e, order, rework: rework.has(`${e.from}>${e.to}`) }));
  const columns = blueprintColumns(map, edges);
  const columnOf = new Int32Array(map.steps.length);
  columns.forEach((c, k) => c.steps.forEach((i) => (columnOf[i] = k)));
  const edgesAt: Edge[][] = columns.map(() => []);
  for (const e of edges) {
    edgesAt[columnOf[e.from]!]!.push(e);
    if (columnOf[e.to] !== columnOf[e.from]) edgesAt[columnOf[e.to]!]!.push(e);
  }
  const into = new Map<number, string[]>();
  const add = (to: number, line: string) => into.set(to, [...(into.get(to) ?? []), line]);
  for (const s of map.steps) {
    const next = s.next;
    if (next.kind === 'choice' && next.choices.length > 1)
      for (const c of next.choices)
        add(c.to, [`${Math.round(c.chance * 1000) / 10}%`, c.label].filter(Boolean).join(' · '));
    if (next.kind === 'all') for (const b of next.branches) add(b, 'in parallel');
  }
  return { analysis, columns, columnOf, edgesAt, facts: map.steps.map((s) => stepFacts(analysis, s.index)), into };
}

interface Part {
  index: number;
  count: number;
}

/** The part a step is drawn in, when the blueprint is split. */
type PartOf = (step: number) => number | undefined;

interface Content {
  lines: { text: string; bold?: boolean; italic?: boolean; fill: string; tip?: string }[];
  width: number;
}

/**
 * Text wrapped to the width, cut beyond `LABEL_MAX` characters; with `tip`, the whole text is its first line's
 * tooltip (a step's name in its own box; a stub or a note only points to it, once is enough).
 */
function textBlock(text: string, width: number, style: Omit<Content['lines'][number], 'text' | 'tip'>, tip = false) {
  const label = cut(text);
  return wrap(label.text, width, FONT, style.bold).map((line, k) => ({
    text: line,
    ...style,
    ...(tip && k === 0 && label.tip !== undefined ? { tip: label.tip } : {}),
  }));
}

/** The drawing of columns [from, to) of the blueprint, with stubs for the edges that leave them. */
function drawPart(prepared: Prepared, from: number, to: number, part: Part | undefined, partOf: PartOf): Drawing {
  const { analysis, columns, columnOf, edgesAt, facts, into } = prepared;
  const { map } = analysis;
  const inside = new Map<number, number>(); // step -> slot
  const shown = columns.slice(from, to);

  // Edges touching the part; one end outside becomes a stub on the side where that step's column lies.
  const touching = [...new Set(edgesAt.slice(from, to).flat())].sort((a, b) => a.order - b.order);
  const stubs = new Map<number, 'left' | 'right'>();
  for (const e of touching)
    for (const end of [e.from, e.to]) {
      const k = columnOf[end]!;
      if (k < from) stubs.set(end, 'left');
      else if (k >= to) stubs.set(end, 'right');
    }
  const hasLeft = [...stubs.values()].includes('left');
  const hasRight = [...stubs.values()].includes('right');
  // Slots: the stubs of the left at -1, the columns from 0, the stubs of the right after them.
  shown.forEach((c, k) => c.steps.forEach((i) => inside.set(i, k)));
  const right = shown.length;
  const columnsLeft = MARGIN + HEAD_W + GAP + (hasLeft ? STUB_W + GAP : 0);
  const slotX = (slot: number) => (slot < 0 ? columnsLeft - GAP - STUB_W : columnsLeft + slot * (NODE_W + GAP));
  const slotWidth = (slot: number) => (slot < 0 || slot >= right ? STUB_W : NODE_W);

  // The text of each step's box, and of its card in the evidence lane.
  const inner = NODE_W - 2 * TEXT_PAD - 5;
  const content = (i: number): Content => {
    const f = facts[i]!;
    const s = map.steps[i]!;
    const lines = [
      ...(into.get(i) ?? []).flatMap((t) => textBlock(t, inner, { italic: true, fill: MUTED })),
      ...textBlock(f.name, inner, { bold: true, fill: INK }, true),
      ...textBlock(metaLine(f, unbroken), inner, { fill: MUTED }),
      ...(f.hotShare
        ? textBlock(`${Math.round(100 * f.hotShare)}% of the lead time`, inner, { bold: true, fill: WAIT_INK })
        : []),
      ...(s.next.kind === 'end'
        ? textBlock(s.outcome === 'failure' ? 'ends: goal not reached' : 'ends: goal reached', inner, {
            italic: true,
            fill: s.outcome === 'failure' ? PALETTE.failure : '#00704F',
          })
        : []),
    ];
    return { lines, width: NODE_W };
  };
  // A stub says which way the work goes: to the step, from it, or both (a loop through another part).
  const stubContent = (i: number): Content => {
    const where = partOf(i);
    const into = touching.some((e) => e.to === i);
    const out = touching.some((e) => e.from === i);
    const text = `${into && out ? 'to and from' : into ? 'to' : 'from'} ${map.steps[i]!.name}${where ? ` (part ${where})` : ''}`;
    return { lines: textBlock(text, STUB_W - 2 * TEXT_PAD - 5, { italic: true, fill: MUTED }), width: STUB_W };
  };
  const evidence = (i: number): Content => ({
    lines: map.steps[i]!.evidence.flatMap((e) => textBlock(e, inner, { fill: INK })),
    width: NODE_W,
  });
  const heightOf = (c: Content) => 2 * TEXT_PAD + c.lines.length * LH - (LH - FONT) / 2;

  // Rows: the height of each lane from its tallest box (stubs stack), a band for each of the three lines.
  const width = (hasRight ? slotX(right) + STUB_W : slotX(right) - GAP) + GAP + MARGIN;
  const title = titleShape(
    `${map.process.name} · service blueprint${part ? ` · part ${part.index} of ${part.count}` : ''}`,
    MARGIN,
    MARGIN,
    width - 2 * MARGIN,
  );
  const shapes: Shape[] = [title.shape];
  let y = title.bottom;

  // Stage headers over their columns.
  const stages: { stage: string; first: number; last: number }[] = [];
  shown.forEach((c, k) => {
    const last = stages.at(-1);
    if (last && last.stage === c.stage) last.last = k;
    else stages.push({ stage: c.stage, first: k, last: k });
  });
  const headerLines = stages.map((s) =>
    wrap(s.stage, slotX(s.last) + NODE_W + GAP / 2 - (slotX(s.first) - GAP / 2) - 2 * TEXT_PAD, 12, true),
  );
  const headerHeight = Math.max(...headerLines.map((l) => l.length)) * 12 * LINE_HEIGHT + 8;
  const headerTop = y;
  y += headerHeight;

  const placed = new Map<number, Placed>();
  const stubsPlaced = new Map<number, Placed>();
  const stubBoxes: { box: Placed; role: string }[] = [];
  const rowBox = new Map<Row, Box>();
  for (const row of ROWS) {
    const top = y;
    const members = [...inside].filter(([i]) =>
      row === 'evidence' ? map.steps[i]!.evidence.length > 0 : map.steps[i]!.actor.kind === row,
    );
    // A wait sits on the top border of its step's box; the boxes of a lane with waits start lower to make room.
    const pill = row !== 'evidence' && members.some(([i]) => facts[i]!.wait) ? PILL / 2 : 0;
    const boxTop = top + PAD + pill;
    const textTop = boxTop + TEXT_PAD + (pill ? pill - 2 : 0);
    let bottom = top + PAD + LH;
    const place = (slot: number, content: Content, at: number): Placed => {
      const box = {
        x: slotX(slot),
        y: at,
        width: content.width,
        height: heightOf(content) + textTop - boxTop,
        row,
        slot,
        port: at + textTop - boxTop + FONT * 0.65,
        content,
        textTop: at + textTop - boxTop,
      };
      bottom = Math.max(bottom, box.y + box.height);
      return box;
    };
    const stacked = new Map<number, number>(); // slot -> where the next box goes
    for (const [i, slot] of members) {
      const at = stacked.get(slot) ?? boxTop;
      if (row === 'evidence') {
        const box = place(slot, evidence(i), at);
        shapes.push(...cardShapes(box));
        stacked.set(slot, box.y + box.height + 4);
      } else placed.set(i, place(slot, content(i), at));
    }
    // The stubs of a lane on one side share one box, a few lines for each step, each step's edge at its lines.
    if (row !== 'evidence')
      for (const side of ['left', 'right'] as const) {
        const steps = [...stubs].filter(([i, where]) => where === side && map.steps[i]!.actor.kind === row);
        if (steps.length === 0) continue;
        const slot = side === 'left' ? -1 : right;
        const parts = steps.sort((a, b) => a[0] - b[0]).map(([i]) => ({ i, lines: stubContent(i).lines }));
        const box = place(slot, { lines: parts.flatMap((p) => p.lines), width: STUB_W }, boxTop);
        stubBoxes.push({ box, role: `stub:${side}:${row}` });
        let line = 0;
        for (const p of parts) {
          stubsPlaced.set(p.i, { ...box, port: box.port + line * LH });
          line += p.lines.length;
        }
      }
    const height = Math.max(bottom + PAD, top + 2 * PAD + rowTitleLines(row).length * LH + 2) - top;
    rowBox.set(row, { x: MARGIN, y: top, width: width - 2 * MARGIN, height });
    y += height;
    if (LINES.some((l) => l.after === row)) y += BAND;
  }
  const lanesBottom = y;

  // Backgrounds first: lanes (full width), the lines, the stage headers and their separators.
  const back: Shape[] = [];
  for (const row of ROWS) {
    const box = rowBox.get(row)!;
    back.push({ kind: 'rect', ...box, fill: ROW_FILL[row], stroke: '#BBBBBB', strokeWidth: 0.8, role: `lane:${row}` });
    back.push({
      kind: 'text',
      x: box.x + 8,
      y: box.y + PAD + FONT,
      lines: rowTitleLines(row),
      size: FONT,
      bold: true,
      fill: INK,
      role: `lane-title:${row}`,
    });
    const line = LINES.find((l) => l.after === row);
    if (line) {
      const ly = box.y + box.height + BAND / 2;
      back.push({
        kind: 'path',
        d: `M${MARGIN} ${ly} H${width - MARGIN}`,
        stroke: INK,
        strokeWidth: 1.6,
        dash: line.dash,
      });
      const w = textWidth(line.name, FONT, true) + 10;
      back.push({ kind: 'rect', x: MARGIN, y: ly - LH / 2, width: w, height: LH, fill: '#FFFFFF' });
      back.push({
        kind: 'text',
        x: MARGIN + 5,
        y: ly + FONT * 0.35,
        lines: [line.name],
        size: FONT,
        bold: true,
        italic: true,
        fill: INK,
        role: `line:${line.name}`,
      });
    }
  }
  stages.forEach((s, k) => {
    const x = slotX(s.first) - GAP / 2;
    const w = slotX(s.last) + NODE_W + GAP / 2 - x;
    back.push({
      kind: 'rect',
      x,
      y: headerTop,
      width: w,
      height: headerHeight - 4,
      fill: k % 2 ? '#5A6B7B' : '#3E4C59',
    });
    back.push({
      kind: 'text',
      x: x + w / 2,
      y: headerTop + 2 + 12 * 0.9,
      lines: headerLines[k]!,
      size: 12,
      bold: true,
      fill: '#FFFFFF',
      anchor: 'middle',
      role: `stage:${s.stage}`,
    });
    if (k > 0)
      back.push({
        kind: 'path',
        d: `M${x} ${headerTop} V${lanesBottom}`,
        stroke: '#8A8A8A',
        strokeWidth: 0.8,
        dash: '3 3',
      });
  });

  // Edges, routed around the boxes, then the boxes on top. A stub connects on the side that faces the part.
  const ends = (i: number) => placed.get(i) ?? stubsPlaced.get(i);
  const drawn = touching.filter((e) => ends(e.from) && ends(e.to));
  // How many steps of a lane stand left of each column, and the steps of each column: is a run clear?
  const before = new Map(ROWS.map((row) => [row, new Int32Array(right + 1)]));
  const bySlot = shown.map(() => [] as Placed[]);
  for (const p of placed.values()) {
    before.get(p.row)![p.slot + 1]!++;
    bySlot[p.slot]!.push(p);
  }
  for (const counts of before.values()) for (let k = 1; k <= right; k++) counts[k]! += counts[k - 1]!;
  const between = (row: Row, a: number, b: number) => {
    const [lo, hi] = [Math.max(0, Math.min(a, b) + 1), Math.min(right, Math.max(a, b))];
    return lo < hi && before.get(row)![hi]! - before.get(row)![lo]! > 0;
  };
  const rowsBetween = (a: Placed, b: Placed) =>
    bySlot[a.slot]!.some((p) => p !== a && p !== b && p.y > Math.min(a.y, b.y) && p.y < Math.max(a.y, b.y));
  const routes = drawn.map((e) => {
    const a = ends(e.from)!;
    const b = ends(e.to)!;
    const fromRight = a.slot === right;
    const intoLeft = b.slot === -1;
    const gapA = fromRight ? a.slot - 1 : a.slot;
    const gapB = intoLeft ? b.slot : b.slot - 1;
    const simple = !fromRight && !intoLeft && b.slot > a.slot;
    let kind: 'straight' | 'along-a' | 'along-b' | 'vertical' | 'channel';
    if (simple && a.port === b.port && !between(a.row, a.slot, b.slot)) kind = 'straight';
    else if (simple && !between(a.row, a.slot, b.slot)) kind = 'along-a';
    else if (simple && !between(b.row, a.slot, b.slot)) kind = 'along-b';
    else if (a.slot === b.slot && a.slot >= 0 && a.slot < right && !rowsBetween(a, b)) kind = 'vertical';
    else kind = 'channel';
    const down = ROWS.indexOf(a.row) <= ROWS.indexOf(b.row);
    const lane = rowBox.get(a.row)!;
    const channel = down
      ? { top: lane.y + lane.height - PAD, bottom: lane.y + lane.height }
      : { top: lane.y, bottom: lane.y + PAD };
    return { e, a, b, kind, gapA, gapB, intoLeft, fromRight, channel, key: `${a.row}:${down ? 'bottom' : 'top'}` };
  });
  // Tracks: each edge's vertical runs get their own x in a gap, and its channel run its own y in a margin.
  const gapUse = new Map<number, number[]>();
  const use = (gap: number, k: number) => gapUse.set(gap, [...(gapUse.get(gap) ?? []), k]);
  const channelUse = new Map<string, number[]>();
  routes.forEach((r, k) => {
    if (r.kind === 'straight' || r.kind === 'vertical') return;
    if (r.kind !== 'along-a') use(r.gapA, k);
    if (r.kind !== 'along-b') use(r.gapB, k);
    if (r.kind === 'channel') channelUse.set(r.key, [...(channelUse.get(r.key) ?? []), k]);
  });
  const track = (gap: number, k: number) => {
    const users = gapUse.get(gap)!;
    return slotX(gap) + slotWidth(gap) + (GAP * (users.indexOf(k) + 1)) / (users.length + 1);
  };
  const edgeShapes: Shape[] = [];
  routes.forEach((r, k) => {
    const { a, b } = r;
    const x0 = r.fromRight ? a.x : a.x + a.width;
    const x3 = r.intoLeft ? b.x + b.width : b.x;
    let d: string;
    let arrow: string;
    const head = (x: number, y: number, dx: number, dy: number) =>
      `M${x} ${y} L${x - 8 * dx - 4 * dy} ${y - 8 * dy - 4 * dx} L${x - 8 * dx + 4 * dy} ${y - 8 * dy + 4 * dx} Z`;
    if (r.kind === 'vertical') {
      const x = a.x + a.width * 0.6;
      const down = b.y > a.y;
      const [y0, y1] = down ? [a.y + a.height, b.y] : [a.y, b.y + b.height];
      d = `M${x} ${y0} V${y1}`;
      arrow = head(x, y1, 0, down ? 1 : -1);
    } else {
      if (r.kind === 'straight') d = `M${x0} ${a.port} H${x3}`;
      else if (r.kind === 'along-a') d = `M${x0} ${a.port} H${track(r.gapB, k)} V${b.port} H${x3}`;
      else if (r.kind === 'along-b') d = `M${x0} ${a.port} H${track(r.gapA, k)} V${b.port} H${x3}`;
      else {
        const users = channelUse.get(r.key)!;
        const cy = r.channel.top + ((r.channel.bottom - r.channel.top) * (users.indexOf(k) + 1)) / (users.length + 1);
        d = `M${x0} ${a.port} H${track(r.gapA, k)} V${cy} H${track(r.gapB, k)} V${b.port} H${x3}`;
      }
      arrow = head(x3, b.port, r.intoLeft ? -1 : 1, 0);
    }
    const colour = r.e.rework ? PALETTE.rework : '#555555';
    edgeShapes.push({
      kind: 'path',
      d,
      stroke: colour,
      strokeWidth: r.e.rework ? 2 : 1.4,
      dash: r.e.rework ? '6 3' : undefined,
    });
    edgeShapes.push({ kind: 'path', d: arrow, fill: colour });
  });

  const front: Shape[] = [];
  for (const [i, box] of placed) {
    const s = map.steps[i]!;
    const style = VALUE_STYLE[s.value ?? 'none'];
    const f = facts[i]!;
    const end = s.next.kind === 'end';
    front.push({
      kind: 'rect',
      ...box,
      radius: end ? 12 : 3,
      role: `step:${s.id}`,
      fill: style.fill,
      stroke: f.hotShare ? PALETTE.hot : end && s.outcome === 'failure' ? PALETTE.failure : '#6B6B6B',
      strokeWidth: f.hotShare ? 3.5 : 1.2,
      dash: end && s.outcome === 'failure' ? '6 3' : undefined,
    });
    front.push({ kind: 'rect', x: box.x + 1.5, y: box.y + 4, width: 4, height: box.height - 8, fill: style.band });
    front.push(...textShapes(box, s.id));
    if (f.wait) {
      const text = `waits ${unbroken(f.wait)}`;
      const w = textWidth(text, FONT, true) + 10;
      front.push(
        {
          kind: 'rect',
          x: box.x + 8,
          y: box.y - PILL / 2,
          width: w,
          height: PILL,
          radius: PILL / 2,
          fill: '#FFF1D6',
          stroke: PALETTE.hot,
          strokeWidth: 1,
        },
        {
          kind: 'text',
          x: box.x + 13,
          y: box.y + FONT * 0.36,
          lines: [text],
          size: FONT,
          bold: true,
          fill: WAIT_INK,
          role: `wait:${s.id}`,
        },
      );
    }
    let badge = box.x + box.width - 10;
    if (s.fails) {
      front.push(...failMark(badge, box.y, `fail:${s.id}`));
      badge -= 20;
    }
    if (s.momentOfTruth) front.push(truthMark(badge, box.y));
  }
  for (const { box, role } of stubBoxes) {
    front.push({ kind: 'rect', ...box, radius: 3, fill: '#FFFFFF', stroke: '#888888', strokeWidth: 1, dash: '4 3' });
    front.push(...textShapes(box, role));
  }

  // The legend under the lanes.
  const steps = [...placed.keys()].map((i) => map.steps[i]!);
  const legend = legendShapes(MARGIN, lanesBottom + 8, width - 2 * MARGIN, [
    ...valueItems(new Set(steps.map((s) => s.value ?? 'none'))),
    ...(steps.some((s) => facts[s.index]!.hotShare)
      ? [{ label: '10% or more of the lead time', draw: swatch('#FFFFFF', PALETTE.hot, 3) }]
      : []),
    ...(steps.some((s) => s.momentOfTruth) ? [truthItem] : []),
    ...(steps.some((s) => s.fails) ? [failItem] : []),
    ...(routes.some((r) => r.e.rework)
      ? [
          {
            label: 'rework',
            draw: (x: number, y: number): Shape[] => [
              { kind: 'path', d: `M${x} ${y - 3} H${x + 18}`, stroke: PALETTE.rework, strokeWidth: 2, dash: '6 3' },
            ],
          },
        ]
      : []),
    ...(stubsPlaced.size > 0 ? [{ label: 'in another part', draw: swatch('#FFFFFF', '#888888', 1, '4 3') }] : []),
  ]);
  const height = legend.bottom + MARGIN;
  return {
    width,
    height,
    title: title.text,
    shapes: [...back, ...shapes, ...edgeShapes, ...front, ...legend.shapes],
    minText: FONT,
  };
}

function textShapes(box: Placed, role: string, indent = 5): Shape[] {
  return box.content.lines.map((line, k) => ({
    kind: 'text' as const,
    x: box.x + TEXT_PAD + indent,
    y: box.textTop + FONT * 0.9 + k * LH,
    lines: [line.text],
    size: FONT,
    bold: line.bold,
    italic: line.italic,
    fill: line.fill,
    role: k === 0 ? role : undefined,
    tip: line.tip,
  }));
}

function cardShapes(box: Placed): Shape[] {
  const { x, y, width, height } = box;
  return [
    { kind: 'rect', x, y, width, height, radius: 2, fill: '#FFFFFF', stroke: '#8C8C8C', strokeWidth: 1 },
    ...textShapes(box, 'evidence', 0),
  ];
}

/**
 * The blueprint as drawings: one without a page; on a page, as many parts as it takes for its text to be at
 * least the readable minimum, split at stage boundaries where a stage fits, between columns where it does not.
 */
export function blueprintDrawings(analysis: Analysis, page?: Page): Drawing[] {
  const prepared = prepare(analysis);
  const { columns, columnOf } = prepared;
  const none = () => undefined;
  if (!page) return [drawPart(prepared, 0, columns.length, undefined, none)];
  // While parts are being found, each is drawn with the longest title and stub texts it can get.
  const fits = (from: number, to: number) =>
    fitsPage(
      drawPart(prepared, from, to, { index: 99, count: 99 }, () => 99),
      page,
    );
  // Each part takes as many columns as fit (at least one); it ends at the last stage boundary inside it instead
  // when that keeps at least two thirds of its columns, so that stages are rarely cut.
  const ranges: [number, number][] = [];
  for (let start = 0; start < columns.length;) {
    let end = start + 1;
    while (end < columns.length && fits(start, end + 1)) end++;
    let boundary = end;
    while (boundary > start && end < columns.length && columns[boundary - 1]!.stage === columns[end]!.stage) boundary--;
    if (end < columns.length && boundary > start && boundary - start >= ((end - start) * 2) / 3) end = boundary;
    ranges.push([start, end]);
    start = end;
  }
  const partOf = (step: number) => ranges.findIndex(([, b]) => columnOf[step]! < b) + 1;
  if (ranges.length === 1) return [drawPart(prepared, 0, columns.length, undefined, none)];
  return ranges.map(([a, b], index) => drawPart(prepared, a, b, { index: index + 1, count: ranges.length }, partOf));
}
