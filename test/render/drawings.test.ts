/**
 * The views cxmap lays out itself besides the blueprint (journey, matrix, where the time goes, the timeline, opportunities by
 * value and effort), checked on their scenes, as their readers will see them whatever prints them: no two texts
 * overlap and none leaves the picture, every 16:9 part is 16:9 with text of 11 pt or more; the matrix puts every
 * step in the region of its verdict; every name is text of the scene, and of the PDF (read by poppler where
 * installed), and librsvg reads it from the SVG (where installed). The text is measured with the layout's widths,
 * which are Arimo's (test/render/fonts.test.ts), the font the PNG and PDF are printed with.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { analyzeExact, isCustomerFacing } from '../../src/analysis/index.js';
import { drawnDiagrams, MIN_TEXT_PT, PAGES, pdfOf, prioritiesDrawn, type Drawn } from '../../src/render/index.js';
import { opportunities, RULES } from '../../src/rules/index.js';
import { mapOf } from '../helpers/analyze.js';
import { overlap, seen, type Seen } from '../helpers/scene.js';
import { needs } from '../helpers/tools.js';

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'];
const VIEWS = ['journey', 'matrix', 'time', 'timeline', 'priorities'] as const;

/** Texts apart (to a quarter point: a glyph's box may reach into the next line's by a hair), inside the picture. */
function expectLegible(view: Seen, drawn: Drawn) {
  expect(view.texts.length).toBeGreaterThan(0);
  for (const t of view.texts) {
    expect(t.x, t.text).toBeGreaterThanOrEqual(0);
    expect(t.y, t.text).toBeGreaterThanOrEqual(0);
    expect(t.x + t.width, t.text).toBeLessThanOrEqual(view.width);
    expect(t.y + t.height, t.text).toBeLessThanOrEqual(view.height);
  }
  for (const [k, a] of view.texts.entries())
    for (const b of view.texts.slice(k + 1)) expect(overlap(a, b, 0.25), `"${a.text}" and "${b.text}"`).toBe(false);
  // Deck-safe SVG: well-formed, no foreignObject, no style sheet.
  expect(XMLValidator.validate(drawn.svg)).toBe(true);
  expect(drawn.svg).not.toMatch(/<foreignObject|<style/);
}

/** The scene's text, lines joined: what a reader of any printer's output can find. */
const sceneText = (d: Drawn) =>
  d.drawing.shapes
    .flatMap((s) => (s.kind === 'text' ? [s.lines.join(' ')] : []))
    .join(' ')
    .replace(/\s+/g, ' ');

describe.each(EXAMPLES)('%s', (name) => {
  const analysis = analyzeExact(mapOf(readFileSync(`examples/${name}.cxmap.yaml`, 'utf8')));
  const drawn = (view: (typeof VIEWS)[number], p?: (typeof PAGES)['16:9']): Drawn[] =>
    view === 'priorities'
      ? [prioritiesDrawn(opportunities(analysis, RULES), analysis.map, p)]
      : drawnDiagrams(analysis, view, p);

  it.each(VIEWS)('%s: no text overlaps another or leaves the picture; none is cut', (view) => {
    const [whole] = drawn(view);
    const looks = seen(whole!);
    expectLegible(looks, whole!);
    expect(looks.texts.find((t) => t.text.startsWith(analysis.map.process.name))?.role).toBe('title');
  });

  it.each(VIEWS)('%s on --page 16:9: 16:9, text of 11 pt or more, legible', (view) => {
    const parts = drawn(view, PAGES['16:9']);
    for (const [k, part] of parts.entries()) {
      const looks = seen(part);
      expect([looks.width, looks.height]).toEqual([960, 540]);
      expect(looks.smallest).toBeGreaterThanOrEqual(MIN_TEXT_PT - 0.01);
      expectLegible(looks, part);
      if (parts.length > 1) expect(part.part).toMatchObject({ index: k + 1, count: parts.length });
    }
  });

  it("matrix: every step stands in the region of its verdict in 'cxmap score'", () => {
    const view = seen(drawn('matrix')[0]!);
    const region = (verdict: string) => view.roles.find((r) => r.role === `region:${verdict}`)!;
    for (const [i, step] of analysis.map.steps.entries()) {
      const dot = view.roles.find((r) => r.role === `point:${step.id}`)!;
      const r = region(analysis.scores[i]!.verdict);
      const centre = { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 };
      expect(centre.x, step.id).toBeGreaterThan(r.x);
      expect(centre.x, step.id).toBeLessThan(r.x + r.width);
      expect(centre.y, step.id).toBeGreaterThan(r.y);
      expect(centre.y, step.id).toBeLessThan(r.y + r.height);
      // Business-required work is never in the upper half (high value for the customer).
      if (step.value === 'business')
        expect(centre.y, step.id).toBeGreaterThan(region('keep').y + region('keep').height);
    }
  });

  it('has every name as text: the matrix every step, the journey every customer-facing step, the time every stage', () => {
    const matrix = sceneText(drawn('matrix')[0]!);
    for (const s of analysis.map.steps) expect(matrix, s.name).toContain(s.name);
    const journey = drawn('journey').map(sceneText).join(' ');
    for (const s of analysis.map.steps.filter(isCustomerFacing)) expect(journey, s.name).toContain(s.name);
    const time = sceneText(drawn('time')[0]!);
    for (const stage of analysis.map.stages) expect(time).toContain(stage);
  });

  describe.skipIf(needs('pdftotext'))('read by poppler', () => {
    it("the matrix's PDF, printed by cxmap, gives every step's name", async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cxmap-pdf-'));
      try {
        writeFileSync(join(dir, 'v.pdf'), await pdfOf(drawn('matrix'), 'matrix'));
        const text = execFileSync('pdftotext', ['-raw', join(dir, 'v.pdf'), '-'], { encoding: 'utf8' }).replace(
          /\s+/g,
          ' ',
        );
        for (const s of analysis.map.steps) expect(text, s.name).toContain(s.name);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe.skipIf(needs('rsvg-convert', 'pdftotext'))('read by librsvg', () => {
    it('rsvg-convert to PDF, then pdftotext, gives the names', () => {
      const dir = mkdtempSync(join(tmpdir(), 'cxmap-rsvg-'));
      const read = (svg: string) => {
        writeFileSync(join(dir, 'v.svg'), svg);
        execFileSync('rsvg-convert', ['-f', 'pdf', '-o', join(dir, 'v.pdf'), join(dir, 'v.svg')]);
        return execFileSync('pdftotext', ['-raw', join(dir, 'v.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      };
      try {
        const matrix = read(drawn('matrix')[0]!.svg);
        for (const s of analysis.map.steps) expect(matrix, s.name).toContain(s.name);
        const time = read(drawn('time')[0]!.svg);
        for (const stage of analysis.map.stages) expect(time).toContain(stage);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('the journey legend lists only what the drawing shows', () => {
  const legend = (yaml: string) => {
    const svg = drawnDiagrams(analyzeExact(mapOf(yaml)), 'journey')[0]!.svg;
    return ['feeling of the customer', 'feeling not recorded'].filter((label) => svg.includes(`>${label}<`));
  };

  it('no feeling recorded: hollow marks, and no curve in the legend', () => {
    expect(legend(readFileSync('test/fixtures/improve/account.cxmap.yaml', 'utf8'))).toEqual(['feeling not recorded']);
  });

  it('every feeling recorded: the curve, and no hollow mark in the legend', () => {
    const felt = readFileSync('test/fixtures/improve/account.cxmap.yaml', 'utf8')
      .replace('    channel: phone\n', '    channel: phone\n    feeling: -1\n')
      .replace('    channel: branch\n', '    channel: branch\n    feeling: -2\n')
      .replace('work: 10m, tells:', 'work: 10m, feeling: 2, tells:');
    expect(legend(felt)).toEqual(['feeling of the customer']);
  });
});

describe('where the time goes says what its days are in a working calendar', () => {
  const summary = (file: string) =>
    /Time on the critical path [^:]*:/.exec(
      drawnDiagrams(analyzeExact(mapOf(readFileSync(file, 'utf8'))), 'time')[0]!.svg,
    )?.[0];

  it('8-hour days, 5 a week: says so beside the lead time; 24-hour days: nothing to say', () => {
    expect(summary('examples/home-loan.cxmap.yaml')).toBe(
      'Time on the critical path 24.0 d (in working days of 8 hours, 5 a week):',
    );
    expect(summary('test/fixtures/reference.cxmap.yaml')).toBe('Time on the critical path 6.8 d:');
  });
});
