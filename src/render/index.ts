/**
 * Rendering: each view of a scored map as Mermaid text and as a scene cxmap lays out, the printers of a scene (SVG,
 * PNG, PDF, PowerPoint shapes), and Mermaid's own drawing of the Mermaid text in a browser where one is installed.
 */
export * from './browser.js';
export * from './theme.js';
export * from './text.js';
export * from './time.js';
export * from './views.js';
export * from './print/fonts.js';
export * from './print/pdf.js';
export * from './print/png.js';
export { textWidth, wrap } from './svg/font.js';
export { pixels } from './svg/scene.js';
export { cut, LABEL_MAX } from './svg/font.js';
export * from './print/pptx.js';
export { journeyModel } from './svg/journey/model.js';
