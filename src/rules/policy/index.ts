/** The policy rules: limits a team sets on its maps, checked by `cxmap check`. */
import { maxChannelSwitches } from './max-channel-switches.js';
import { maxDarkTime } from './max-dark-time.js';
import { maxHandoffs } from './max-handoffs.js';
import { maxLeadTime } from './max-lead-time.js';
import { maxReAsks } from './max-re-asks.js';
import { maxTransfers } from './max-transfers.js';
import { minPce } from './min-pce.js';
import { noRegression } from './no-regression.js';
import { queueCapacity } from './queue-capacity.js';
import { requireBasis } from './require-basis.js';
import { targetLeadTime } from './target-lead-time.js';
import { targetPce } from './target-pce.js';
import { targetStage } from './target-stage.js';
import { targetSuccessRate } from './target-success-rate.js';
import type { Policy } from './types.js';

export const POLICIES: Policy[] = [
  maxHandoffs,
  maxTransfers,
  maxChannelSwitches,
  maxReAsks,
  maxLeadTime,
  maxDarkTime,
  queueCapacity,
  minPce,
  requireBasis,
  targetLeadTime,
  targetPce,
  targetSuccessRate,
  targetStage,
  noRegression,
];

export { stageTargetWords } from './target-stage.js';
export { checkPolicy } from './segments.js';
export type { Policy, PolicyContext, PolicyFinding } from './types.js';
export * from './portfolio.js';
