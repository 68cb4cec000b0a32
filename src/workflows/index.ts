/**
 * What the commands do, without their command line: the inputs they read, the files they write (atomically, never
 * over an input), drawing diagrams in one browser, writing diagrams and reports, checking maps (in worker threads
 * when there are many), the live state of a map and the server of its page, and new maps from templates.
 */
export * from './check.js';
export * from './draw.js';
export * from './inputs.js';
export * from './live.js';
export * from './serve.js';
export * from './output.js';
export * from './render.js';
export * from './reports.js';
export * from './templates.js';
export * from './deck.js';
export * from './portfolio.js';
