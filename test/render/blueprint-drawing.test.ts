/**
 * The blueprint cxmap lays out itself, checked as its readers see it: opened in headless Chromium (lane order,
 * full-width lanes, boxes apart, text widths as the layout assumed them, text size on a 16:9 page), and read by
 * librsvg (`rsvg-convert`) and poppler (`pdftotext`), as tools without a browser read SVG.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPage, expectMeasured, openSvg, overlap, type Seen } from '../helpers/svg.js';
import { analyzeExact } from '../../src/analysis/index.js';
import { drawnDiagrams, MIN_TEXT_PT, PAGES } from '../../src/render/index.js';
import { mapOf } from '../helpers/analyze.js';

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'];
const LANES = ['evidence', 'customer', 'frontstage', 'backstage', 'support'];

const page = chromiumPage();

const drawn = (analysis: Parameters<typeof drawnDiagrams>[0], page?: (typeof PAGES)['16:9']) =>
  drawnDiagrams(analysis, 'blueprint', page);
const lanes = (seen: Seen) => seen.roles.filter((r) => r.tag === 'rect' && r.role.startsWith('lane:'));
const steps = (seen: Seen) => seen.roles.filter((r) => r.tag === 'rect' && r.role.startsWith('step:'));

describe.each(EXAMPLES)('%s', (name) => {
  const analysis = analyzeExact(mapOf(readFileSync(`examples/${name}.cxmap.yaml`, 'utf8')));

  it('lanes in the order of the method, each the full width; steps in their lane, no two overlapping', async () => {
    const [whole, ...more] = drawn(analysis);
    expect(more).toEqual([]);
    const seen = await openSvg(page(), whole!.svg);
    expect(lanes(seen).map((l) => l.role)).toEqual(LANES.map((l) => `lane:${l}`));
    const ys = lanes(seen).map((l) => l.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    for (const lane of lanes(seen)) {
      // Each lane spans the drawing but for its margins (8 pt, 10.7 px), on both sides.
      expect(lane.x).toBeCloseTo(10.67, 0);
      expect(lane.x + lane.width).toBeCloseTo(seen.width - 10.67, 0);
    }
    expect(steps(seen)).toHaveLength(analysis.map.steps.length);
    for (const step of steps(seen)) {
      const s = analysis.map.steps.find((x) => `step:${x.id}` === step.role)!;
      const lane = lanes(seen).find((l) => l.role === `lane:${s.actor.kind}`)!;
      expect(step.y, step.role).toBeGreaterThan(lane.y);
      expect(step.y + step.height, step.role).toBeLessThan(lane.y + lane.height);
    }
    for (const [k, a] of steps(seen).entries())
      for (const b of steps(seen).slice(k + 1)) expect(overlap(a, b), `${a.role} and ${b.role}`).toBe(false);
    expect(seen.foreignObjects).toBe(0);
    expect(seen.styleSheets).toBe(0);
  });

  it('measures text as Chromium draws it, so that wrapped lines stay inside their boxes', async () => {
    const seen = await openSvg(page(), drawn(analysis)[0]!.svg);
    expectMeasured(seen);
  });

  it('--page 16:9: every part is 16:9 and no text is smaller than 11 pt', async () => {
    const parts = drawn(analysis, PAGES['16:9']);
    expect(parts.length).toBeGreaterThan(1);
    for (const [k, part] of parts.entries()) {
      expect(part.part).toMatchObject({ index: k + 1, count: parts.length });
      const seen = await openSvg(page(), part.svg);
      expect(seen.width).toBe(1280);
      expect(seen.height).toBe(720);
      expect(seen.smallest).toBeGreaterThanOrEqual(MIN_TEXT_PT - 0.01);
      expect(seen.texts.find((t) => t.text.endsWith(`part ${k + 1} of ${parts.length}`))).toBeDefined();
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
    // Every step is drawn in exactly one part.
    const inParts = parts.flatMap((p) => [...p.svg.matchAll(/data-role="step:([^"]+)"/g)].map((m) => m[1]));
    expect(inParts.sort()).toEqual(analysis.map.steps.map((s) => s.id).sort());
  });

  it('reads without a browser: rsvg-convert to PDF, then pdftotext, gives every step name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxmap-rsvg-'));
    try {
      writeFileSync(join(dir, 'b.svg'), drawn(analysis)[0]!.svg);
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
