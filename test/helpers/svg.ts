/**
 * Drawings as their readers see them: an SVG opened in headless Chromium, with the boxes of its elements and
 * texts as laid out there.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'puppeteer';
import { findBrowser } from '../../src/render/index.js';
import { textWidth } from '../../src/render/svg/font.js';

/** A page of headless Chromium for a file's tests: opened before them, closed after them. */
export function chromiumPage(): () => Page {
  let browser: Browser | undefined;
  let page: Page;
  beforeAll(async () => {
    const puppeteer = (await import('puppeteer')).default;
    const found = await findBrowser();
    browser = await puppeteer.launch({ executablePath: found!.path, args: ['--no-sandbox'] });
    page = await browser.newPage();
  });
  afterAll(() => browser?.close());
  return () => page;
}

/** Every text as wide as the layout measured it (Arial's widths), within 1% of Chromium's, and inside the picture. */
export function expectMeasured(seen: Seen) {
  for (const t of seen.texts) {
    expect(Math.abs(textWidth(t.text, t.points, t.bold) - t.advance), t.text).toBeLessThan(0.01 * t.advance + 0.5);
    expect(t.x + t.width, t.text).toBeLessThanOrEqual(seen.width);
  }
}

export interface Box {
  role: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Seen {
  width: number;
  height: number;
  /** Every element with a `data-role`, by its box on the screen. */
  roles: (Box & { tag: string })[];
  /** Each text: its font size in the drawing's units (points), on the screen (pixels), and its width in points. */
  texts: (Box & { text: string; points: number; size: number; advance: number; bold: boolean })[];
  /** The smallest text in points on the page: its font size times the drawing's scale, at 96 px per inch. */
  smallest: number;
  foreignObjects: number;
  styleSheets: number;
}

/** The SVG as Chromium lays it out, at its own size (a 16:9 page is 1280 x 720 px: 13.33 x 7.5 in). */
export async function openSvg(page: Page, svg: string): Promise<Seen> {
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  return page.evaluate(() => {
    const root = document.querySelector('svg')!;
    const origin = root.getBoundingClientRect();
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return {
        role: e.getAttribute('data-role') ?? '',
        x: r.x - origin.x,
        y: r.y - origin.y,
        width: r.width,
        height: r.height,
      };
    };
    const texts = Array.from(root.querySelectorAll('text')).map((t) => {
      const points = Number(t.getAttribute('font-size'));
      return {
        ...box(t),
        text: t.textContent ?? '',
        points,
        size: points * t.getScreenCTM()!.a,
        advance: t.getComputedTextLength(),
        bold: t.getAttribute('font-weight') === 'bold',
      };
    });
    return {
      width: origin.width,
      height: origin.height,
      roles: Array.from(root.querySelectorAll('[data-role]')).map((e) => ({ ...box(e), tag: e.tagName })),
      texts,
      smallest: Math.min(...texts.map((t) => t.size)) * 0.75,
      foreignObjects: root.querySelectorAll('foreignObject').length,
      styleSheets: root.querySelectorAll('style').length,
    };
  });
}

export const overlap = (a: Omit<Box, 'role'>, b: Omit<Box, 'role'>, slack = 0) =>
  a.x + slack < b.x + b.width &&
  b.x + slack < a.x + a.width &&
  a.y + slack < b.y + b.height &&
  b.y + slack < a.y + a.height;
