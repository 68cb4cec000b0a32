/**
 * Loading: reading a map (or a configuration, a CSV, a version from git), parsing it with positions, checking its
 * shape against the schema and its semantics, and normalizing it into a ProcessMap.
 */
export * from './config.js';
export * from './git.js';
export * from './import-csv.js';
export * from './levers.js';
export * from './load.js';
export * from './parse.js';
export * from './personas.js';
export * from './read.js';
export * from './schema.js';
export * from './semantic.js';
export type * from './types.js';
export { BASES, feelingWord, isBasis, LANES, partyOf, WAIT_KINDS, waitKindOf } from './types.js';
export * from './channels.js';
export * from './portfolio.js';
export { sharedBeside, type RawPortfolio, type Shared } from './shared.js';
