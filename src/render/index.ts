/** Rendering: each view of a scored map as Mermaid text, and drawing Mermaid to SVG, PNG and PDF in headless Chromium. */
export * from './browser.js';
export * from './theme.js';
export * from './text.js';
export * from './time.js';
export * from './views.js';
export { textWidth, wrap } from './svg/font.js';
export { cut, LABEL_MAX } from './svg/font.js';
export * from './print/pptx.js';
