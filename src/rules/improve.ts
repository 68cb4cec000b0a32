/** The to-be map: the opportunities of the chosen rules made on the map, written back into its YAML text. */
import { basename } from 'node:path';
import { loadText, type ProcessMap, type SourceMap } from '../load/index.js';
import { closest, UsageError } from '../core/index.js';
import type { ExactAnalysis } from '../analysis/index.js';
import { rewrite } from '../model/index.js';
import { BASE_RULES, RULES } from './opportunities.js';
import type { Opportunity } from './types.js';
import { levers, select, whatIf, type Evaluated, type Selection } from './whatif.js';

/** The rules named by `--apply`: rule ids, or `all`; `beat-benchmark` stands for all the others together. */
function chooseRules(ids: readonly string[]) {
  const known = RULES.map((r) => r.id);
  for (const id of ids) {
    if (id !== 'all' && !known.includes(id)) {
      const near = closest(id, known);
      throw new UsageError(
        `there is no rule \`${id}\`${near ? `; did you mean \`${near}\`?` : ''} (rules: ${known.join(', ')}, or all)`,
      );
    }
  }
  return ids.includes('all') || ids.includes('beat-benchmark')
    ? BASE_RULES
    : BASE_RULES.filter((r) => ids.includes(r.id));
}

interface Improvement {
  /** The to-be map's text. */
  text: string;
  map: ProcessMap;
  /** The opportunities made, best first. */
  changes: Opportunity[];
  /** Those left out because a better one changes the same thing. */
  left: Selection['left'];
  /** The figures before and after, with every change made together. */
  result: Evaluated;
}

/**
 * Makes every opportunity of the rules on the map and writes the to-be text into the map's own YAML (`source`, as
 * loaded: it is not parsed again); undefined when there is nothing to change.
 */
export function improve(
  analysis: ExactAnalysis,
  source: SourceMap,
  file: string,
  ids: readonly string[],
): Improvement | undefined {
  const candidates: Opportunity[] = levers(chooseRules(ids), analysis);
  if (candidates.length === 0) return undefined;
  const { chosen, left } = select(analysis, candidates);
  const changes = chosen.map((c) => c.opportunity);
  const result = whatIf(analysis, changes);
  const { map } = result;
  const reasons = new Map<string, string[]>();
  // Each step's comment names the changes that touch it when made alone.
  for (const { opportunity: c, steps } of chosen) {
    for (const id of steps.keys()) reasons.set(id, [...(reasons.get(id) ?? []), `${c.rule}: ${c.title}`]);
  }
  const header = [
    `To-be map written by cxmap improve from ${basename(file)}, with ${changes.length} change${changes.length === 1 ? '' : 's'}:`,
    ...changes.map((c) => `  - ${c.rule}: ${c.title}`),
  ];
  const written = rewrite(source, analysis.map, map, reasons, header);
  // The written text must read back as the changed map (the one parse of the output): anything else is a fault of
  // cxmap, not of the map, and nothing is written.
  const back = loadText(written, file).map;
  if (!back || JSON.stringify(back.steps) !== JSON.stringify(map.steps))
    throw new Error('the to-be map does not read back as the changed map');
  return { text: written, map, changes, left, result };
}
