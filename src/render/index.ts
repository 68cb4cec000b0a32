/** Rendering: each view of a scored map as Mermaid text, and drawing Mermaid to SVG, PNG and PDF in headless Chromium. */
export * from './browser.js';
export * from './palette.js';
export * from './text.js';
export * from './time.js';
export * from './views.js';
export { PAGE_NAMES, PAGES, MIN_TEXT_PT, type Page, type PageName } from './svg/scene.js';
export { textWidth, wrap } from './svg/font.js';
