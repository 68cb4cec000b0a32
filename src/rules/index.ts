/**
 * The rules: the opportunity rules (one file each, with the what-if that computes their savings), the policy rules
 * (`policy/`), the regression gate, inline suppressions, and `cxmap check` and `cxmap improve` on one map.
 */
export * from './check.js';
export * from './improve.js';
export * from './opportunities.js';
export * from './meta.js';
export * from './policy/index.js';
export * from './run.js';
export * from './suppress.js';
export type * from './types.js';
export * from './whatif.js';
export * from './impact.js';
export * from './size.js';
export * from './words.js';
