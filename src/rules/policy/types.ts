/** What a policy rule is: a limit a team sets on its maps (`max-handoffs: [error, 3]`), checked on the analysis. */
import type { ExactAnalysis } from '../../analysis/index.js';
import type { Path } from '../../load/index.js';
import type { RuleMeta } from '../meta.js';

export interface PolicyFinding {
  message: string;
  /** The YAML node the finding is about, so that it carries its line and column. */
  path: Path;
}

/** What a policy may compare the map with: the same map at a git ref (`cxmap check --against <ref>`). */
export interface PolicyContext {
  baseline?: ExactAnalysis;
}

export interface Policy extends RuleMeta {
  kind: 'policy';
  check(analysis: ExactAnalysis, option: unknown, context: PolicyContext): PolicyFinding[];
}
