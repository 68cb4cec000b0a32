/**
 * The model of a valid map: its flow (regions of parallel work, edges), changing a copy of it for a what-if,
 * writing changes back into its YAML text, and its canonical form.
 */
export * from './edit.js';
export * from './flow.js';
export * from './format.js';
export * from './write.js';
