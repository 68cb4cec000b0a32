/** What a policy rule is: a limit a team sets on its maps (`max-handoffs: [error, 3]`), checked on the analysis. */
import type { ExactAnalysis } from '../../analysis/index.js';
import type { Path } from '../../load/index.js';

export interface PolicyFinding {
  message: string;
  /** The YAML node the finding is about, so that it carries its line and column. */
  path: Path;
}

export interface Policy {
  id: string;
  description: string;
  /** The option's default, when the configuration gives none (`max-handoffs: error` means `[error, 5]`). */
  defaultOption?: unknown;
  check(analysis: ExactAnalysis, option: unknown): PolicyFinding[];
}
