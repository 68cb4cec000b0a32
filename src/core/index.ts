/**
 * The bottom layer: what every stage uses. Durations and their units, the graph algorithms over successor lists,
 * findings and usage errors, "did you mean" suggestions, ids.
 */
export * from './amount.js';
export * from './chain.js';
export * from './compare.js';
export * from './duration.js';
export * from './finding.js';
export * from './graph.js';
export * from './ids.js';
export * from './suggest.js';
export * from './text.js';
export * from './version.js';
export * from './xml.js';
