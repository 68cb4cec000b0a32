/**
 * Reports: one document model (blocks) written as Markdown, terminal text and HTML; the workshop report, the
 * comparison of two maps, the scorecard, the score JSON, the live page of `cxmap serve`; and the slides of a deck,
 * printed as PowerPoint.
 */
export * from './compare.js';
export * from './document.js';
export * from './html.js';
export * from './live.js';
export * from './markdown-views.js';
export * from './report.js';
export * from './score-json.js';
export * from './scorecard.js';
export * from './units.js';
export * from './deck.js';
export * from './pptx.js';
export * from './personas.js';
export * from './csv.js';
export * from './summary.js';
export * from './portfolio.js';
