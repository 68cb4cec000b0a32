/**
 * The analysis of a valid map: the exact Lean figures, the drivers of customer effort, the simulation, the score of
 * every step, targets and benchmarks, and the registry of metrics that everything else shows and compares.
 */
export * from './analyze.js';
export * from './business.js';
export * from './dark.js';
export * from './effort.js';
export * from './journey-figures.js';
export * from './metrics.js';
export * from './path.js';
export * from './score.js';
export * from './simulate.js';
export * from './targets.js';
export * from './stage-targets.js';
export * from './time.js';
export * from './step-facts.js';
export * from './changes.js';
export * from './segments.js';
export * from './portfolio.js';
