/** The to-be map: the chosen opportunities made on the map, written back into its YAML text. */
import { basename } from 'node:path';
import { loadText, type ProcessMap, type SourceMap } from '../load/index.js';
import { closest, namesAPlace, parseOpportunityId, UsageError } from '../core/index.js';
import type { ExactAnalysis } from '../analysis/index.js';
import { rewrite, stepChanges, writesAlike } from '../model/index.js';
import { breaksTheRules } from './feasible.js';
import { considered, isRecommended, opportunities, RULES, type Efforts, type Ranked } from './opportunities.js';
import { whatIf, type Evaluated } from './whatif.js';
import { madeAt, type Levers } from './size.js';

/** What `--apply` takes besides rule and opportunity ids: the changes the ranking recommends. */
export const RECOMMENDED_SET = 'recommended';

const ruleOf = (id: string) => parseOpportunityId(id).rule;

/** The rules that `--apply` names, by rule id or by an opportunity id of theirs (`cut-wait:mri`). */
function rulesNamed(ids: readonly string[]) {
  if (ids.includes(RECOMMENDED_SET)) return RULES;
  const known = RULES.map((r) => r.id);
  for (const id of ids) {
    const rule = ruleOf(id);
    if (known.includes(rule)) continue;
    if (id === 'all' || id === 'beat-benchmark')
      throw new UsageError(
        `\`--apply ${id}\` is now \`--apply ${RECOMMENDED_SET}\`: the changes the ranking recommends, made together`,
      );
    const near = closest(rule, [...known, RECOMMENDED_SET]);
    throw new UsageError(
      `there is no rule \`${rule}\`${near ? `; did you mean \`${near}\`?` : ''} (${RECOMMENDED_SET}, or rules: ${known.join(', ')})`,
    );
  }
  return RULES.filter((r) => ids.some((id) => ruleOf(id) === r.id));
}

/** What was left out of what `--apply` names, each with why. */
type LeftOut = { ranked: Ranked; because: string }[];

/** The to-be map, or (when nothing named can be made) what was left out. */
type Improvement =
  | {
      /** The to-be map's text. */
      text: string;
      map: ProcessMap;
      /** The opportunities made, best first. */
      changes: Ranked[];
      left: LeftOut;
      /** The figures before and after, with every change made together. */
      result: Evaluated;
    }
  | { changes: []; left: LeftOut };

/**
 * Makes the opportunities `ids` names on the map, each lever at the middle of its size (the team's own figure where
 * it gives one, else the middle of the rule's default range) (`recommended`; rule ids, for every opportunity of the rule; or
 * opportunity ids), as the ranking recommends them: a change that gains nothing, or that changes what a better one
 * changes, is left out and said so. Writes the to-be text into the map's own YAML (`source`, as loaded: it is not
 * parsed again).
 */
export function improve(
  analysis: ExactAnalysis,
  source: SourceMap,
  file: string,
  ids: readonly string[],
  efforts?: Efforts,
  levers?: Levers,
): Improvement {
  const ranking = opportunities(analysis, rulesNamed(ids), efforts, levers);
  const all = considered(ranking);
  for (const id of ids.filter(namesAPlace))
    if (!all.some((r) => r.opportunity.id === id)) {
      const rule = ruleOf(id);
      const own = all.filter((r) => r.opportunity.rule === rule).map((r) => r.opportunity.id);
      throw new UsageError(
        `there is no opportunity \`${id}\` in ${file}${own.length ? `; ${rule} has ${own.map((x) => `\`${x}\``).join(', ')}` : `; ${rule} finds nothing there`}`,
      );
    }
  // A change named by its id or its rule is made even when it is a thankless task: the team has chosen it.
  const named = (r: Ranked) => ids.includes(r.opportunity.id) || ids.includes(r.opportunity.rule);
  const chosen = (r: Ranked) => named(r) || (ids.includes(RECOMMENDED_SET) && isRecommended(r));
  const changes = ranking.ranked.filter(chosen);
  const left: LeftOut = [
    ...ranking.alternatives
      .filter((a) => named(a.ranked))
      .map((a) => ({
        ranked: a.ranked,
        because: `${a.instead.opportunity.title} (${a.instead.opportunity.id}) changes the same thing, and ranks higher`,
      })),
    ...ranking.noGain
      .filter(named)
      .map((ranked) => ({ ranked, because: 'the engine finds no gain in it for the customer' })),
  ];
  if (changes.length === 0) return { changes: [], left };
  const result = whatIf(
    analysis,
    changes.map((c) => c.opportunity),
  );
  const { map } = result;
  // What holds for each change alone must hold for them together.
  const broken = breaksTheRules(analysis.map, map);
  if (broken) throw new Error(`the to-be map breaks what no change may: ${broken}`);
  const reasons = new Map<string, string[]>();
  // Each step's comment names the changes that touch it when made alone.
  for (const c of changes)
    for (const id of stepChanges(analysis.map, c.map).keys())
      reasons.set(id, [...(reasons.get(id) ?? []), `${c.opportunity.id}: ${c.opportunity.title}`]);
  const header = [
    `To-be map written by cxmap improve from ${basename(file)}, with ${changes.length} change${changes.length === 1 ? '' : 's'}:`,
    ...changes.map(
      (c) =>
        `  - ${c.opportunity.id}: ${c.opportunity.title}${c.sizes.length ? ` (made with ${madeAt(c.sizes)})` : ''}`,
    ),
  ];
  const written = rewrite(source, analysis.map, map, reasons, header);
  // The written text must read back, valid, as the changed map (the one parse of the output), to the rounding of
  // what the format writes (a hundredth of a percent, durations in the map's units): anything else is a fault of
  // cxmap, not of the map, and nothing is written.
  const back = loadText(written, file);
  const valid = back.map && !back.findings.some((f) => f.severity === 'error');
  if (!valid || !writesAlike(back.map!, map)) throw new Error('the to-be map does not read back as the changed map');
  return { text: written, map, changes, left, result };
}
