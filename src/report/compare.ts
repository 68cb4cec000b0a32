/** Before and after: the figures of two versions of a map, and what happened to its steps. */
import { formatDuration, mean, type Calendar } from '../load/duration.js';
import type { ProcessMap } from '../load/index.js';
import { stepChanges } from '../model/write.js';
import type { Block, Cell } from './document.js';
import { show, showChange, type Row } from './metrics.js';

const VERDICT: Record<Row['direction'], Cell> = {
  better: { text: 'better', tone: 'good' },
  worse: { text: 'worse', tone: 'bad' },
  same: 'same',
};

export function comparisonTable(rows: readonly Row[], calendar: Calendar): Block {
  return {
    kind: 'table',
    head: ['Metric', 'Before', 'After', 'Change', 'For the customer'],
    right: [1, 2, 3],
    rows: rows.map((r) => [
      r.metric.label,
      show(r.metric.kind, r.before, calendar),
      show(r.metric.kind, r.after, calendar),
      r.direction === 'same' ? '' : { text: showChange(r.metric.kind, r.change, calendar), tone: r.direction === 'better' ? 'good' : 'bad' },
      VERDICT[r.direction],
    ]),
  };
}

export interface StepDiff {
  removed: { id: string; name: string }[];
  added: { id: string; name: string }[];
  changed: { id: string; name: string; keys: string[] }[];
}

export function stepDiff(before: ProcessMap, after: ProcessMap): StepDiff {
  const changes = stepChanges(before, after);
  const known = new Set(before.steps.map((s) => s.id));
  return {
    removed: before.steps.filter((s) => changes.get(s.id) === 'removed').map((s) => ({ id: s.id, name: s.name })),
    added: after.steps.filter((s) => !known.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
    changed: before.steps.flatMap((s) => {
      const keys = changes.get(s.id);
      return Array.isArray(keys) ? [{ id: s.id, name: s.name, keys }] : [];
    }),
  };
}

/** The steps removed, added and changed, as blocks. */
export function stepDiffBlocks(diff: StepDiff, after: ProcessMap): Block[] {
  const cal = after.process.calendar;
  const byId = new Map(after.steps.map((s) => [s.id, s]));
  const blocks: Block[] = [];
  const list = (title: string, items: string[]) => {
    if (items.length > 0) blocks.push({ kind: 'heading', level: 3, text: `${title} (${items.length})` }, { kind: 'list', items });
  };
  list('Steps removed', diff.removed.map((s) => `\`${s.id}\` ${s.name}`));
  list('Steps added', diff.added.map((s) => {
    const step = byId.get(s.id)!;
    return `\`${s.id}\` ${s.name} (waits ${formatDuration(mean(step.wait), cal)}, works ${formatDuration(mean(step.work), cal)})`;
  }));
  list('Steps changed', diff.changed.map((s) => `\`${s.id}\` ${s.name}: ${s.keys.join(', ')}`));
  if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: 'No step was removed, added or changed.' });
  return blocks;
}
