/**
 * The opportunity rules, and the opportunities of a map ranked as practitioners prioritise them: by impact against
 * effort (a quick win is a large impact for little effort), each change proposed once. docs/scoring.md ("Ranking
 * opportunities") defines the score.
 */
import { inSentence, metric, type ExactAnalysis, type TargetMetric } from '../analysis/index.js';
import { stepChanges } from '../model/index.js';
import { namesAPlace } from '../core/index.js';
import { askOnce } from './ask-once.js';
import { cutWait } from './cut-wait.js';
import { fixFailPoint } from './fix-fail-point.js';
import { keepInformed } from './keep-informed.js';
import { mergeHandoffs } from './merge-handoffs.js';
import { offCycle } from './off-cycle.js';
import { oneChannel } from './one-channel.js';
import { parallelize } from './parallelize.js';
import { preventRework } from './prevent-rework.js';
import { removeWaste } from './remove-waste.js';
import { selfService } from './self-service.js';
import { singleContact } from './single-contact.js';
import type { Opportunity, Rule } from './types.js';
import { priorityOf, valueOf } from './impact.js';
import { evaluate, levers, whatIf, type Evaluated } from './whatif.js';
import { listed, type Levers } from './size.js';

/** The rules whose changes are proposed one by one (beat-benchmark makes the recommended ones together). */
export const RULES: Rule[] = [
  removeWaste,
  preventRework,
  cutWait,
  offCycle,
  askOnce,
  keepInformed,
  singleContact,
  oneChannel,
  selfService,
  mergeHandoffs,
  parallelize,
  fixFailPoint,
];

export { beatBenchmark } from './beat-benchmark.js';

/** Efforts by opportunity id (`cut-wait:mri`) or rule id (`self-service`), 0 to 5. */
export type Efforts = Readonly<Record<string, number>>;

export interface Ranked extends Evaluated {
  opportunity: Opportunity;
  /** 0 (none) to 5 (a large project): the map's or configuration's figure, else the rule's default. */
  effort: number;
  /** Where the effort comes from. */
  effortFrom: 'map' | 'configuration' | 'rule';
  /** 0 to 5, from the impact: where it stands on the value-against-effort matrix. */
  value: number;
  /** Impact for each step of effort: what the ranking orders by. */
  priority: number;
  /** Its quadrant of the value-against-effort matrix. */
  quadrant: Quadrant;
  /**
   * The other organisations whose work the change alters (a partner's queue, a rival's billing run, a regulator's
   * decision): it needs their agreement, a contract or service-level change, so it is never the company's quick win.
   */
  needs: string[];
}

/** The quadrants of the value-against-effort matrix: value is high from 2.5, effort from 3 (of 5). */
export type Quadrant = 'quick win' | 'major project' | 'fill-in' | 'thankless task';
const quadrantOf = (value: number, effort: number): Quadrant =>
  value >= 2.5 ? (effort >= 3 ? 'major project' : 'quick win') : effort >= 3 ? 'thankless task' : 'fill-in';

/**
 * Whether the ranking recommends making it: every opportunity it ranks but a thankless task and a change that needs
 * another organisation's agreement (the company cannot decide it alone; the team proposes it by its id).
 */
export const isRecommended = (r: Ranked): boolean => r.quadrant !== 'thankless task' && r.needs.length === 0;

/**
 * The effort of a change to another organisation's work unless the team has estimated it: a contract or
 * service-level change is a project (method.md: not a quick win).
 */
const OTHER_ORG_EFFORT = 4;

export interface Ranking {
  /** The changes proposed, best first: each gains something and changes nothing a better one changes. */
  ranked: Ranked[];
  /** Changes to what a better one already changes (another way to make it), each with that better one. */
  alternatives: { ranked: Ranked; instead: Ranked }[];
  /** Changes the engine finds no gain in, or a loss: not proposed. */
  noGain: Ranked[];
  /** The recommended changes (`isRecommended`) made together, when there are two or more. */
  together?: Evaluated;
  /** Effort figures of the map or configuration for an opportunity id that no opportunity has in this map. */
  unused: { id: string; from: 'map' | 'configuration' }[];
  /** Lever sizes of the map or configuration for a place id that no place of an opportunity has in this map. */
  unusedLevers: { id: string; from: 'map' | 'configuration' }[];
}

/** Below this an impact is rounding, not a gain. */
const NOISE = 1e-9;

const byPriority = (a: Ranked, b: Ranked) =>
  b.priority - a.priority ||
  b.impact.total - a.impact.total ||
  (a.opportunity.id < b.opportunity.id ? -1 : a.opportunity.id > b.opportunity.id ? 1 : 0);

/**
 * Every opportunity of the rules, scored and ranked; then, best first, each is proposed unless it gains nothing,
 * or changes a step that a better one already proposed changes in the same key (self-service puts a step on the
 * web, one-channel on the phone) or removes (cutting the wait of a step another removes): then it is an
 * alternative. A lever whose clashes lie at some of its places is made at the others. One that removes a step a
 * better one changes is proposed: that part of the better one is moot.
 */
export function opportunities(
  analysis: ExactAnalysis,
  rules: readonly Rule[] = RULES,
  configEfforts: Efforts = {},
  configLevers: Levers = {},
): Ranking {
  const mapEfforts = analysis.map.effort;
  const byId = new Map(analysis.map.steps.map((st) => [st.id, st]));
  // A change is ranked with the steps it changes, which also tell whose work it alters and what it clashes with.
  const score = (e: Evaluated): { ranked: Ranked; steps: ReturnType<typeof stepChanges> } => {
    const opportunity = e.changes[0] as Opportunity;
    const rule = rules.find((r) => r.id === opportunity.rule)!;
    const steps = stepChanges(analysis.map, e.map);
    const needs = [...new Set([...steps.keys()].flatMap((id) => byId.get(id)?.actor.org ?? []))].sort();
    const [estimate, effortFrom] =
      [
        [mapEfforts[opportunity.id], 'map'] as const,
        [mapEfforts[rule.id], 'map'] as const,
        [configEfforts[opportunity.id], 'configuration'] as const,
        [configEfforts[rule.id], 'configuration'] as const,
      ].find(([x]) => x !== undefined) ?? ([rule.effort, 'rule'] as const);
    const effort = effortFrom === 'rule' && needs.length > 0 ? Math.max(estimate, OTHER_ORG_EFFORT) : estimate!;
    const value = valueOf(e.impact);
    const ranked: Ranked = {
      ...e,
      opportunity:
        needs.length === 0
          ? opportunity
          : { ...opportunity, title: `${opportunity.title}, with the agreement of ${listed(needs)}` },
      effort,
      effortFrom,
      value,
      priority: priorityOf(e.impact, effort),
      quadrant: quadrantOf(value, effort),
      needs,
    };
    return { ranked, steps };
  };
  const candidates = levers(rules, analysis, configLevers);
  // A rule's id is never unused: it applies wherever the rule finds something.
  const unusedOf = (given: { map: object; configuration: object }, ids: Set<string>) =>
    (['map', 'configuration'] as const)
      .flatMap((from) => Object.keys(given[from]).map((id) => ({ id, from })))
      .filter((u) => namesAPlace(u.id) && !ids.has(u.id));
  const unused = unusedOf({ map: mapEfforts, configuration: configEfforts }, new Set(candidates.map((o) => o.id)));
  const unusedLevers = unusedOf(
    { map: analysis.map.levers, configuration: configLevers },
    new Set(candidates.flatMap((o) => (o.parts ?? [o]).flatMap((p) => (p.size ? [p.size.place] : [])))),
  );

  const chosen: { ranked: Ranked; steps: ReturnType<typeof stepChanges> }[] = [];
  const alternatives: Ranking['alternatives'] = [];
  const noGain: Ranked[] = [];
  // A change clashes with a chosen one that sets the same key of the same step, or that removes a step it changes
  // (the change is moot there). Removing a step that a chosen one changes is no clash: that part of it is moot.
  const clashWith = (id: string, keys: string[] | 'removed') =>
    chosen.find((c) => {
      const other = c.steps.get(id);
      if (other === undefined || keys === 'removed') return false;
      return other === 'removed' || keys.some((k) => other.includes(k));
    });
  const scored = candidates.map((o) => score(evaluate(analysis, o))).sort((a, b) => byPriority(a.ranked, b.ranked));
  for (const { ranked, steps } of scored) {
    if (ranked.impact.total <= NOISE) {
      noGain.push(ranked);
      continue;
    }
    const clashes = [...steps].flatMap(([id, keys]) => {
      const c = clashWith(id, keys);
      return c ? [{ id, because: c.ranked }] : [];
    });
    if (clashes.length === 0) {
      chosen.push({ ranked, steps });
      continue;
    }
    const { parts, regroup } = ranked.opportunity;
    const clear = parts?.filter((p) => !p.steps.some((id) => clashes.some((c) => c.id === id)));
    if (clear && clear.length > 0 && regroup) {
      const fewer = score(evaluate(analysis, regroup(clear)));
      if (fewer.ranked.impact.total > NOISE && [...fewer.steps].every(([id, keys]) => !clashWith(id, keys))) {
        chosen.push(fewer);
        continue;
      }
    }
    alternatives.push({ ranked, instead: clashes[0]!.because });
  }
  const ranked = chosen.map((c) => c.ranked).sort(byPriority);
  const recommended = ranked.filter(isRecommended);
  return {
    ranked,
    alternatives,
    noGain,
    ...(recommended.length > 1
      ? {
          together: whatIf(
            analysis,
            recommended.map((r) => r.opportunity),
          ),
        }
      : {}),
    unused,
    unusedLevers,
  };
}

/** Targets in words, for what a change meets or leaves missed: "the target lead time, the target PCE". */
export const targetNames = (ids: readonly TargetMetric[]): string =>
  ids.map((id) => `the target ${inSentence(metric(id))}`).join(', ');

/** Where an opportunity stands, in words: "value 4.2 of 5, effort 3 of 5". */
export const scoreText = (r: Ranked): string => `value ${r.value.toFixed(1)} of 5, effort ${r.effort} of 5`;

/** Every opportunity the ranking weighed: those ranked, then the alternatives, then those with no gain. */
export const considered = (ranking: Ranking): Ranked[] => [
  ...ranking.ranked,
  ...ranking.alternatives.map((a) => a.ranked),
  ...ranking.noGain,
];
