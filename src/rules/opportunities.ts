/** The opportunity rules, and the ranked opportunities of a map with their computed savings. */
import type { ExactAnalysis } from '../analysis/index.js';
import { askOnce } from './ask-once.js';
import { beatBenchmark } from './beat-benchmark.js';
import { cutWait } from './cut-wait.js';
import { fixFailPoint } from './fix-fail-point.js';
import { keepInformed } from './keep-informed.js';
import { mergeHandoffs } from './merge-handoffs.js';
import { oneChannel } from './one-channel.js';
import { parallelize } from './parallelize.js';
import { preventRework } from './prevent-rework.js';
import { removeWaste } from './remove-waste.js';
import { selfService } from './self-service.js';
import { singleContact } from './single-contact.js';
import type { Rule } from './types.js';
import { evaluate, levers, rank, type Evaluated } from './whatif.js';

/** The rules whose changes can be made one by one (all but beat-benchmark, which makes them together). */
export const BASE_RULES: Rule[] = [
  removeWaste,
  preventRework,
  cutWait,
  askOnce,
  keepInformed,
  singleContact,
  oneChannel,
  selfService,
  mergeHandoffs,
  parallelize,
  fixFailPoint,
];

export const RULES: Rule[] = [...BASE_RULES, beatBenchmark(BASE_RULES)];

/** Every lever the rules find in a map, with its saving computed by the engine, best first. */
export function opportunities(analysis: ExactAnalysis, rules: Rule[] = RULES): Evaluated[] {
  return rank(levers(rules, analysis).map((o) => evaluate(analysis, o)));
}
