/**
 * A drawn view to PNG, without a browser: its scene printed to SVG (`svgOf`) and rasterised by resvg with the
 * fonts cxmap ships (Arimo, and no font of the machine's), so the same map gives the same pixels everywhere.
 */
import { createRequire } from 'node:module';
import type * as ResvgJs from '@resvg/resvg-js';
import { svgOf, type Drawing } from '../svg/scene.js';
import type { Page } from '../theme.js';
import { FONT_NAME, fontFiles } from './fonts.js';

/** The smallest width of a PNG, in pixels: sharp on a slide whatever the scale asked for. */
export const MIN_PNG_WIDTH = 1800;

/** A scene where it stands: on its page at a scale, or at its own size (a `Drawn`). */
export interface Placed {
  drawing: Drawing;
  page?: Page;
  scale: number;
}

/** The width in pixels of a placed scene at `pixelsPerPoint`: its page's (or its own) width, at least 1800. */
export function pngWidth(placed: Placed, pixelsPerPoint: number): number {
  const width = placed.page?.width ?? placed.drawing.width;
  return Math.max(MIN_PNG_WIDTH, Math.round(width * pixelsPerPoint));
}

/** The scene rasterised, `pixelsPerPoint` pixels to a point of its page (or of its own size) at least: its pixels. */
export function raster(placed: Placed, pixelsPerPoint: number): ResvgJs.RenderedImage {
  const svg = svgOf(placed.drawing, placed.page, placed.scale);
  // Loaded when first printing (a native module): the commands that print nothing start without it.
  const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof ResvgJs;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: pngWidth(placed, pixelsPerPoint) },
    font: {
      fontFiles: Object.values(fontFiles()),
      loadSystemFonts: false,
      defaultFontFamily: FONT_NAME,
      sansSerifFamily: FONT_NAME,
    },
    logLevel: 'off',
  });
  return resvg.render();
}

/** The scene printed as a PNG, `pixelsPerPoint` pixels to a point of its page (or of its own size) at least. */
export const pngOf = (placed: Placed, pixelsPerPoint: number): Buffer => raster(placed, pixelsPerPoint).asPng();
