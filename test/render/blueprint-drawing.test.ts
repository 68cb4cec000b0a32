/**
 * The blueprint cxmap lays out itself, checked as its readers see it: opened in headless Chromium (lane order,
 * full-width lanes, boxes apart, text widths as the layout assumed them, text size on a 16:9 page), and read by
 * librsvg (`rsvg-convert`) and poppler (`pdftotext`), as tools without a browser read SVG.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { analyzeExact } from '../../src/analysis/index.js';
import { drawnDiagrams, findBrowser, MIN_TEXT_PT, PAGES } from '../../src/render/index.js';
import { textWidth } from '../../src/render/svg/font.js';
import { mapOf } from '../helpers/analyze.js';

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'];
const LANES = ['evidence', 'customer', 'frontstage', 'backstage', 'support'];

let browser: Browser;
let page: Page;
beforeAll(async () => {
  const puppeteer = (await import('puppeteer')).default;
  const found = await findBrowser();
  browser = await puppeteer.launch({ executablePath: found!.path, args: ['--no-sandbox'] });
  page = await browser.newPage();
});
afterAll(() => browser?.close());

interface Seen {
  width: number;
  height: number;
  lanes: { role: string; x: number; y: number; width: number; height: number }[];
  steps: { role: string; x: number; y: number; width: number; height: number }[];
  /** Each text: its font size in the drawing's units (points), on the screen (pixels), and its width in points. */
  texts: { text: string; points: number; size: number; width: number; right: number; bold: boolean }[];
  /** The smallest text in points on the page: its font size times the drawing's scale, at 96 px per inch. */
  smallest: number;
  foreignObjects: number;
  styleSheets: number;
}

/** The SVG as Chromium lays it out, at its own size (a 16:9 page is 1280 x 720 px: 13.33 x 7.5 in). */
async function open(svg: string): Promise<Seen> {
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  return page.evaluate(() => {
    const root = document.querySelector('svg')!;
    const origin = root.getBoundingClientRect();
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return {
        role: e.getAttribute('data-role')!,
        x: r.x - origin.x,
        y: r.y - origin.y,
        width: r.width,
        height: r.height,
      };
    };
    const texts = Array.from(root.querySelectorAll('text')).map((t) => {
      const r = t.getBoundingClientRect();
      const points = Number(t.getAttribute('font-size'));
      return {
        text: t.textContent,
        points,
        size: points * t.getScreenCTM()!.a,
        width: t.getComputedTextLength(),
        right: r.right - origin.x,
        bold: t.getAttribute('font-weight') === 'bold',
      };
    });
    return {
      width: origin.width,
      height: origin.height,
      lanes: Array.from(root.querySelectorAll('rect[data-role^="lane:"]')).map(box),
      steps: Array.from(root.querySelectorAll('rect[data-role^="step:"]')).map(box),
      texts,
      smallest: Math.min(...texts.map((t) => t.size)) * 0.75,
      foreignObjects: root.querySelectorAll('foreignObject').length,
      styleSheets: root.querySelectorAll('style').length,
    };
  });
}

const overlap = (a: Seen['steps'][number], b: Seen['steps'][number]) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(EXAMPLES)('%s', (name) => {
  const analysis = analyzeExact(mapOf(readFileSync(`examples/${name}.cxmap.yaml`, 'utf8')));

  it('lanes in the order of the method, each the full width; steps in their lane, no two overlapping', async () => {
    const [whole, ...more] = drawnDiagrams(analysis, 'blueprint');
    expect(more).toEqual([]);
    const seen = await open(whole!.svg!);
    expect(seen.lanes.map((l) => l.role)).toEqual(LANES.map((l) => `lane:${l}`));
    const ys = seen.lanes.map((l) => l.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    for (const lane of seen.lanes) {
      // Each lane spans the drawing but for its margins (8 pt, 10.7 px), on both sides.
      expect(lane.x).toBeCloseTo(10.67, 0);
      expect(lane.x + lane.width).toBeCloseTo(seen.width - 10.67, 0);
    }
    expect(seen.steps).toHaveLength(analysis.map.steps.length);
    for (const step of seen.steps) {
      const s = analysis.map.steps.find((x) => `step:${x.id}` === step.role)!;
      const lane = seen.lanes.find((l) => l.role === `lane:${s.actor.kind}`)!;
      expect(step.y, step.role).toBeGreaterThan(lane.y);
      expect(step.y + step.height, step.role).toBeLessThan(lane.y + lane.height);
    }
    for (const [k, a] of seen.steps.entries())
      for (const b of seen.steps.slice(k + 1)) expect(overlap(a, b), `${a.role} and ${b.role}`).toBe(false);
    expect(seen.foreignObjects).toBe(0);
    expect(seen.styleSheets).toBe(0);
  });

  it('measures text as Chromium draws it, so that wrapped lines stay inside their boxes', async () => {
    const seen = await open(drawnDiagrams(analysis, 'blueprint')[0]!.svg!);
    for (const t of seen.texts) {
      const ours = textWidth(t.text, t.points, t.bold);
      expect(Math.abs(ours - t.width), t.text).toBeLessThan(0.01 * t.width + 0.5);
      expect(t.right, t.text).toBeLessThanOrEqual(seen.width);
    }
  });

  it('--page 16:9: every part is 16:9 and no text is smaller than 11 pt', async () => {
    const parts = drawnDiagrams(analysis, 'blueprint', PAGES['16:9']);
    expect(parts.length).toBeGreaterThan(1);
    for (const [k, part] of parts.entries()) {
      expect(part.part).toMatchObject({ index: k + 1, count: parts.length });
      const seen = await open(part.svg!);
      expect(seen.width).toBe(1280);
      expect(seen.height).toBe(720);
      expect(seen.smallest).toBeGreaterThanOrEqual(MIN_TEXT_PT - 0.01);
      expect(seen.texts.find((t) => t.text.endsWith(`part ${k + 1} of ${parts.length}`))).toBeDefined();
    }
    // The stubs of a lane name only steps of that lane: the text after each stub box's first line is its own.
    for (const part of parts) {
      const texts = [...part.svg!.matchAll(/<text [^>]*?(?:data-role="([^"]+)")?>([^<]*)<\/text>/g)];
      texts.forEach(([, role], k) => {
        const lane = /^stub:(?:left|right):(\w+)$/.exec(role ?? '')?.[1];
        if (!lane) return;
        const run = [texts[k]!];
        while (texts[k + run.length] && !texts[k + run.length]![1]) run.push(texts[k + run.length]!);
        const text = run.map((t) => t[2]).join(' ');
        const named = analysis.map.steps.filter((s) => text.includes(s.name));
        expect(named.length, text).toBeGreaterThan(0);
        for (const s of named) expect(s.actor.kind, `${s.name} in the stub box of the ${lane} lane`).toBe(lane);
      });
    }
    // Every step is drawn in exactly one part.
    const drawn = parts.flatMap((p) => [...p.svg!.matchAll(/data-role="step:([^"]+)"/g)].map((m) => m[1]));
    expect(drawn.sort()).toEqual(analysis.map.steps.map((s) => s.id).sort());
  });

  it('reads without a browser: rsvg-convert to PDF, then pdftotext, gives every step name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxmap-rsvg-'));
    try {
      writeFileSync(join(dir, 'b.svg'), drawnDiagrams(analysis, 'blueprint')[0]!.svg!);
      execFileSync('rsvg-convert', ['-f', 'pdf', '-o', join(dir, 'b.pdf'), join(dir, 'b.svg')]);
      const text = execFileSync('pdftotext', ['-raw', join(dir, 'b.pdf'), '-'], { encoding: 'utf8' });
      const flat = text.replace(/\s+/g, ' ');
      for (const s of analysis.map.steps) expect(flat, s.name).toContain(s.name);
      for (const lane of ['Physical evidence', 'Customer actions', 'Line of interaction', 'Line of visibility'])
        expect(flat).toContain(lane);
      expect(flat).toContain('Line of internal interaction');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
