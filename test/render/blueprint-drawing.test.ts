/**
 * The blueprint cxmap lays out itself, checked on its scene in plain vitest (no browser, no installed font: text
 * is measured with the metrics cxmap ships): lanes in the order of the method, each the full width; steps in their
 * lane, no two overlapping, their text inside them; on a 16:9 slide, no text under 11 pt and every step in exactly
 * one part. Where librsvg and poppler are installed (CI), the SVG is also read as tools without a browser read it.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeExact } from '../../src/analysis/index.js';
import { drawnDiagrams, MIN_TEXT_PT, PAGES } from '../../src/render/index.js';
import type { Drawing, Shape } from '../../src/render/svg/scene.js';
import { textWidth } from '../../src/render/svg/font.js';
import { mapOf } from '../helpers/analyze.js';
import { needs } from '../helpers/tools.js';

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'];
const LANES = ['evidence', 'customer', 'frontstage', 'backstage', 'support'];

/** Reading the SVG as tools without a browser do needs librsvg and poppler. */
const noReaders = needs('rsvg-convert', 'pdftotext');

type Rect = Extract<Shape, { kind: 'rect' }>;
const rects = (d: Drawing, prefix: string) =>
  d.shapes.filter((s): s is Rect => s.kind === 'rect' && (s.role ?? '').startsWith(prefix));
const inside = (a: Rect, b: Rect) =>
  a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
const apart = (a: Rect, b: Rect) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe.each(EXAMPLES)('%s', (name) => {
  const analysis = analyzeExact(mapOf(readFileSync(`examples/${name}.cxmap.yaml`, 'utf8')));
  const drawn = (page?: (typeof PAGES)['16:9']) => drawnDiagrams(analysis, 'blueprint', page);

  it('lanes in the order of the method, each the full width; steps in their lane, apart, their text inside', () => {
    const [whole, ...more] = drawn();
    expect(more).toEqual([]);
    const d = whole!.drawing;
    const lanes = rects(d, 'lane:');
    expect(lanes.map((l) => l.role)).toEqual(LANES.map((l) => `lane:${l}`));
    lanes.slice(1).forEach((l, k) => expect(l.y).toBeGreaterThanOrEqual(lanes[k]!.y + lanes[k]!.height));
    // Each lane spans the drawing but for its margins of 8 pt on both sides.
    for (const lane of lanes) {
      expect(lane.x).toBe(8);
      expect(lane.x + lane.width).toBe(d.width - 8);
    }
    const steps = rects(d, 'step:');
    expect(steps.map((s) => s.role).sort()).toEqual(analysis.map.steps.map((s) => `step:${s.id}`).sort());
    for (const step of steps) {
      const s = analysis.map.steps.find((x) => `step:${x.id}` === step.role)!;
      expect(
        inside(
          step,
          lanes.find((l) => l.role === `lane:${s.actor.kind}`)!,
        ),
        step.role,
      ).toBe(true);
    }
    for (const [k, a] of steps.entries())
      for (const b of steps.slice(k + 1)) expect(apart(a, b), `${a.role} and ${b.role}`).toBe(true);
    // Every line of a step's text, as wide as the font's metrics make it, ends inside its box.
    for (const step of steps) {
      const id = step.role!.slice(5);
      const first = d.shapes.findIndex((s) => s.kind === 'text' && s.role === id);
      expect(first, id).toBeGreaterThan(-1);
      for (const t of d.shapes.slice(first).filter((s) => s.kind === 'text' && s.x === step.x + 10))
        if (t.kind === 'text' && t.y < step.y + step.height)
          for (const line of t.lines)
            expect(t.x + textWidth(line, t.size, t.bold), `${line} in ${id}`).toBeLessThanOrEqual(step.x + step.width);
    }
    for (const line of ['Line of interaction', 'Line of visibility', 'Line of internal interaction'])
      expect(d.shapes.some((s) => s.kind === 'text' && s.role === `line:${line}`)).toBe(true);
    expect(whole!.svg).not.toMatch(/<foreignObject|<style/);
  });

  it('--page 16:9: every part 16:9, at one scale, no text under 11 pt, every step in exactly one part', () => {
    const parts = drawn(PAGES['16:9']);
    expect(parts.length).toBeGreaterThan(1);
    for (const [k, part] of parts.entries()) {
      expect(part.part).toMatchObject({ index: k + 1, count: parts.length });
      // 960 x 540 pt, written in pixels at 96 per inch.
      expect(part.svg).toMatch(/^<svg [^>]*width="1280" height="720" viewBox="0 0 960 540">/);
      expect(part.scale).toBe(parts[0]!.scale);
      expect(part.drawing.minText * part.scale).toBeGreaterThanOrEqual(MIN_TEXT_PT);
      expect(part.drawing.title.endsWith(`part ${k + 1} of ${parts.length}`)).toBe(true);
    }
    // The stubs of a lane name only steps of that lane: the text after each stub box's first line is its own.
    for (const part of parts) {
      const texts = [...part.svg.matchAll(/<text [^>]*?(?:data-role="([^"]+)")?>([^<]*)<\/text>/g)];
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
    const inParts = parts.flatMap((p) => [...p.svg.matchAll(/<rect [^>]*data-role="step:([^"]+)"/g)].map((m) => m[1]));
    expect(inParts.sort()).toEqual(analysis.map.steps.map((s) => s.id).sort());
  });

  it.skipIf(noReaders)(
    'reads without a browser: rsvg-convert to PDF, then pdftotext, gives every step name (needs librsvg, poppler)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'cxmap-rsvg-'));
      try {
        writeFileSync(join(dir, 'b.svg'), drawn()[0]!.svg);
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
    },
  );
});
