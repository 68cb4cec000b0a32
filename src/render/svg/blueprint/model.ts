/**
 * What a service blueprint shows, worked out from the analysis before anything is measured or placed: its rows
 * (physical evidence and the four lanes of the method), the steps with their facts, the columns they stand in
 * stage by stage, and the edges with the label each carries (the chance and name of a branch, or `in parallel`).
 * The drawing (layout.ts, scene.ts) and nothing else reads it.
 */
import { slowFrom, stepFacts, type ExactAnalysis as Analysis, type StepFacts } from '../../../analysis/index.js';
import { LANES, type Lane } from '../../../load/index.js';
import type { ValueKey } from '../../theme.js';

export type Row = 'evidence' | Lane;
export const ROWS: readonly Row[] = ['evidence', ...LANES];

/** The lanes' titles, as the method names them. */
export const ROW_TITLE: Record<Row, string> = {
  evidence: 'Physical evidence',
  customer: 'Customer actions',
  frontstage: 'Frontstage',
  backstage: 'Backstage',
  support: 'Support processes',
};

export interface BlueprintStep {
  index: number;
  id: string;
  lane: Lane;
  facts: StepFacts;
  value: ValueKey;
  /** How the case ends at this step, when it is an end. */
  end?: 'success' | 'failure';
  fails: boolean;
  momentOfTruth: boolean;
  evidence: string[];
}

export interface BlueprintEdge {
  /** Its place in the map's order of edges. */
  order: number;
  from: number;
  to: number;
  rework: boolean;
  /** What the edge says: `60% · complete` for a branch of a choice, `in parallel` for a branch of parallel work. */
  label?: string;
}

/**
 * A column: the steps of one stage at one depth of the flow. A lane holds one step of a column, or several that
 * run in parallel (branches of the same parallel work), which stand one over the other within the lane.
 */
export interface Column {
  stage: string;
  steps: number[];
}

export interface BlueprintModel {
  process: string;
  /** The share of the lead time from which a step is emphasised as slow (the verdicts' line). */
  slowFrom: number;
  steps: BlueprintStep[];
  columns: Column[];
  edges: BlueprintEdge[];
}

const percent = (chance: number) => `${Math.round(chance * 1000) / 10}%`;

/** The edges of the map, one for each pair of steps it links, with their labels; loops back marked as rework. */
export function blueprintEdges(analysis: Analysis): BlueprintEdge[] {
  const { map, effort } = analysis;
  const rework = new Set(effort.reworkLoops.map((e) => `${e.from}>${e.to}`));
  const edges: BlueprintEdge[] = [];
  for (const s of map.steps) {
    const next = s.next;
    const labels = new Map<number, string[]>();
    const add = (to: number, label?: string) => labels.set(to, [...(labels.get(to) ?? []), ...(label ? [label] : [])]);
    if (next.kind === 'choice')
      for (const c of next.choices)
        add(c.to, next.choices.length > 1 ? [percent(c.chance), c.label].filter(Boolean).join(' · ') : undefined);
    if (next.kind === 'all') for (const b of next.branches) add(b, 'in parallel');
    for (const [to, said] of labels)
      edges.push({
        order: edges.length,
        from: s.index,
        to,
        rework: rework.has(`${s.index}>${to}`),
        ...(said.length > 0 ? { label: said.join(' or ') } : {}),
      });
  }
  return edges;
}

/**
 * Whether two steps run at the same time: they lie on different branches of the same parallel work (at any level
 * of nesting).
 */
function concurrency(analysis: Analysis) {
  const { regions, regionOf } = analysis.flow;
  const branches = (i: number) => {
    const out: [number, number][] = [];
    for (let r = regionOf[i]!; r !== 0; r = regionOf[regions[r]!.split]!)
      out.push([regions[r]!.split, regions[r]!.branch]);
    return out;
  };
  const of = analysis.map.steps.map((s) => branches(s.index));
  return (i: number, j: number) => of[i]!.some(([split, b]) => of[j]!.some(([s, c]) => s === split && c !== b));
}

/**
 * The columns in flow order: stage by stage, and within a stage by the depth of each step on the longest path
 * from the start (loops back left out), so that alternatives stand side by side in different lanes and parallel
 * branches one over the other. A step that is the only one to follow a step in another lane, on an edge without a
 * label, stands under (or over) it in the same column when nothing lies between them there: the customer's action
 * and the frontstage's answer read as one moment, as in a blueprint drawn by hand, and the edge between them is a
 * short vertical arrow.
 */
function blueprintColumns(analysis: Analysis, edges: readonly BlueprintEdge[]): Column[] {
  const { map } = analysis;
  const n = map.steps.length;
  const out: number[][] = map.steps.map(() => []);
  for (const e of edges) if (!e.rework) out[e.from]!.push(e.to);
  const from: number[][] = map.steps.map(() => []);
  out.forEach((targets, i) => targets.forEach((t) => from[t]!.push(i)));
  const labelled = new Set(edges.filter((e) => e.label).map((e) => `${e.from}>${e.to}`));
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
  const concurrent = concurrency(analysis);
  type Building = Column & { depth: number; rows: Map<number, number[]>; spans: [number, number][] };
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
      const under = p === undefined || out[p]!.length !== 1 || labelled.has(`${p}>${i}`) ? undefined : columnOf.get(p);
      const last = columns.at(-1);
      const clear = (c: Building) => c.spans.every(([a, b]) => !between(a, b, r)) && c.stage === stage;
      // A lane of a column takes a step when it is empty, or holds only steps that run at the same time as it.
      const room = (c: Building) => (c.rows.get(r) ?? []).every((j) => concurrent(i, j));
      let column: Building;
      if (
        under &&
        !under.rows.has(r) &&
        clear(under) &&
        under === last &&
        [...under.rows.keys()].every((q) => !between(row(p!), r, q))
      ) {
        column = under;
        column.spans.push([row(p!), r]);
      } else if (last && last.depth === depth[i] && clear(last) && room(last)) column = last;
      else {
        column = { stage, steps: [], depth: depth[i]!, rows: new Map(), spans: [] };
        columns.push(column);
      }
      column.steps.push(i);
      column.rows.set(r, [...(column.rows.get(r) ?? []), i]);
      columnOf.set(i, column);
    }
  }
  return columns.map(({ stage, steps }) => ({ stage, steps }));
}

export function blueprintModel(analysis: Analysis): BlueprintModel {
  const { map } = analysis;
  const edges = blueprintEdges(analysis);
  return {
    process: map.process.name,
    slowFrom: slowFrom(analysis),
    steps: map.steps.map((s) => ({
      index: s.index,
      id: s.id,
      lane: s.actor.kind,
      facts: stepFacts(analysis, s.index),
      value: s.value ?? 'none',
      ...(s.next.kind === 'end' ? { end: s.outcome === 'failure' ? ('failure' as const) : ('success' as const) } : {}),
      fails: Boolean(s.fails),
      momentOfTruth: Boolean(s.momentOfTruth),
      evidence: s.evidence,
    })),
    columns: blueprintColumns(analysis, edges),
    edges,
  };
}
