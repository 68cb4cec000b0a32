/** Before and after: the figures of two versions of a map, and what happened to its steps. */
import { formatDuration, mean } from '../core/index.js';
import type { ProcessMap } from '../load/index.js';
import { changedValues, stepChanges } from '../model/index.js';
import { type Analysis, compareMetrics, show, showChange, type Row, type Units } from '../analysis/index.js';
import type { Diagram, Drawn } from '../render/index.js';
import { pictureBlocks, type Block, type Cell, type TableBlock, type TextBlock } from './document.js';
import { unitFacts } from './units.js';

const VERDICT: Record<Row['direction'], Cell> = {
  better: { text: 'better', tone: 'good' },
  worse: { text: 'worse', tone: 'bad' },
  same: 'same',
};

export function comparisonTable(rows: readonly Row[], units: Units): TableBlock {
  return {
    kind: 'table',
    head: ['Metric', 'Before', 'After', 'Change', 'For the customer'],
    right: [1, 2, 3],
    rows: rows.map((r) => [
      r.metric.label,
      show(r.metric.unit, r.before, units),
      show(r.metric.unit, r.after, units),
      r.direction === 'same'
        ? ''
        : { text: showChange(r.metric.unit, r.change, units), tone: r.direction === 'better' ? 'good' : 'bad' },
      VERDICT[r.direction],
    ]),
  };
}

interface StepDiff {
  removed: { id: string; name: string }[];
  added: { id: string; name: string }[];
  changed: { id: string; name: string; values: { key: string; before: string; after: string }[] }[];
}

function stepDiff(before: ProcessMap, after: ProcessMap): StepDiff {
  const changes = stepChanges(before, after);
  const values = changedValues(before, after, changes);
  const known = new Set(before.steps.map((s) => s.id));
  return {
    removed: before.steps.filter((s) => changes.get(s.id) === 'removed').map((s) => ({ id: s.id, name: s.name })),
    added: after.steps.filter((s) => !known.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
    changed: before.steps.flatMap((s) => {
      const changed = values.get(s.id);
      return changed ? [{ id: s.id, name: s.name, values: changed }] : [];
    }),
  };
}

/** The steps removed, added and changed, as blocks. */
function stepDiffBlocks(diff: StepDiff, after: ProcessMap): TextBlock[] {
  const cal = after.process.calendar;
  const byId = new Map(after.steps.map((s) => [s.id, s]));
  const blocks: TextBlock[] = [];
  const list = (title: string, items: string[]) => {
    if (items.length > 0)
      blocks.push({ kind: 'heading', level: 3, text: `${title} (${items.length})` }, { kind: 'list', items });
  };
  list(
    'Steps removed',
    diff.removed.map((s) => `\`${s.id}\` ${s.name}`),
  );
  list(
    'Steps added',
    diff.added.map((s) => {
      const step = byId.get(s.id)!;
      return `\`${s.id}\` ${s.name} (waits ${formatDuration(mean(step.wait), cal)}, works ${formatDuration(mean(step.work), cal)})`;
    }),
  );
  list(
    'Steps changed',
    diff.changed.map(
      (s) => `\`${s.id}\` ${s.name}: ${s.values.map((v) => `${v.key} ${v.before} → ${v.after}`).join('; ')}`,
    ),
  );
  if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: 'No step was removed, added or changed.' });
  return blocks;
}

/** One side of a comparison, with its pictures as Mermaid text (Markdown, JSON) or as drawn by cxmap (HTML). */
export interface Side<P extends Diagram | Drawn = Diagram | Drawn> {
  /** The file or `ref:path` it was read from. */
  name: string;
  analysis: Analysis;
  diagrams: readonly P[];
}

/** The views shown before and after. */
export const COMPARE_VIEWS = ['time', 'blueprint'] as const;

export function compareBlocks<P extends Diagram | Drawn>(before: Side<P>, after: Side<P>): Block<P>[] {
  const blocks: Block<P>[] = [
    { kind: 'heading', level: 1, text: `${after.analysis.map.process.name}: before and after` },
    {
      kind: 'facts',
      items: [
        ['Before', before.name],
        ['After', after.name],
        ['Customer', after.analysis.map.process.customer],
        ...unitFacts(before.analysis),
      ],
    },
    { kind: 'heading', level: 2, text: 'What changes for the customer' },
    comparisonTable(compareMetrics(before.analysis, after.analysis), before.analysis.map.process),
    { kind: 'heading', level: 2, text: 'Steps' },
    ...stepDiffBlocks(stepDiff(before.analysis.map, after.analysis.map), after.analysis.map),
  ];
  for (const [label, side] of [
    ['Before', before],
    ['After', after],
  ] as const) {
    if (side.diagrams.length === 0) continue;
    blocks.push({ kind: 'heading', level: 2, text: `${label}: ${side.name}` }, ...pictureBlocks(side.diagrams, 3));
  }
  return blocks;
}

export function compareJson(before: Side<Diagram>, after: Side<Diagram>) {
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    before: before.name,
    after: after.name,
    currency: before.analysis.map.process.currency ?? null,
    metrics: compareMetrics(before.analysis, after.analysis).map((row) => ({
      metric: row.metric.id,
      label: row.metric.label,
      unit: row.metric.unit === 'duration' ? 'seconds' : row.metric.unit === 'percent' ? 'ratio' : row.metric.unit,
      before: r(row.before),
      after: r(row.after),
      change: r(row.change),
      direction: row.direction,
    })),
    steps: stepDiff(before.analysis.map, after.analysis.map),
    diagrams: Object.fromEntries(
      (
        [
          ['before', before],
          ['after', after],
        ] as const
      ).map(([k, s]) => [k, s.diagrams.map((d) => ({ view: d.view, caption: d.caption, mermaid: d.text }))]),
    ),
  };
}
