/**
 * The lifecycle example (examples/lifecycle/) and its ranking worked by hand in docs/scoring.md, "A portfolio ranked
 * by hand": each journey's lead time, cost to serve and dark time per segment, their blend, the yearly customer days
 * and cost, and the order of the three journeys. Working days of 8 h, amounts in GBP.
 *
 * The maps use the actors of their portfolio file without defining them; here each map is given those actors as a
 * map of its own would give them, so the figures do not depend on how the portfolio is loaded.
 */
import { readFileSync } from 'node:fs';
import { parseDocument, parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyzeSegments } from '../../src/analysis/index.js';
import { mapOf, HOUR } from '../helpers/analyze.js';

const FOLDER = new URL('../../examples/lifecycle/', import.meta.url);
const portfolio = parse(readFileSync(new URL('cxmap.portfolio.yaml', FOLDER), 'utf8')) as {
  journeys: string[];
  actors: Record<string, unknown>;
};

/** The journey's map with the portfolio's actors added to its own. */
function journey(file: string) {
  const doc = parseDocument(readFileSync(new URL(file, FOLDER), 'utf8'));
  for (const [id, actor] of Object.entries(portfolio.actors)) doc.setIn(['actors', id], doc.createNode(actor));
  return analyzeSegments(mapOf(String(doc)), { runs: 200 });
}

const figures = Object.fromEntries(portfolio.journeys.map((file) => [file, journey(file)]));

/** Per segment (first-time buyer, re-mortgager): lead time in hours, cost to serve a case, dark time in hours. */
const perSegment = (file: string) =>
  figures[file]!.segments.map((s) => [
    s.analysis.time.leadTime / HOUR,
    s.analysis.business.costPerCase,
    s.analysis.effort.darkTime.total / HOUR,
  ]);

describe('docs/scoring.md, "A portfolio ranked by hand"', () => {
  it('lists the journeys in lifecycle order', () => {
    expect(portfolio.journeys).toEqual(['apply.cxmap.yaml', 'move-in.cxmap.yaml', 'get-help.cxmap.yaml']);
  });

  it('apply: each segment worked by hand, and the blend', () => {
    // First-time: 0.5 + 0.5 + 17 + 5m + 0.06 x 4.25 + 0.94 x 35.0833 + (0.94 / 0.75) x 4.5 + (0.94 / 3) x 10.75
    // + (0.94 / 0.88) x 17 + (0.94 x 0.12 / 0.88) x 8h20m + (0.94 x 0.08 / 0.88) x 8.25 + (0.94 x 0.8 / 0.88) x 25.
    const [first, remortgage] = perSegment('apply.cxmap.yaml');
    expect(first![0]).toBeCloseTo(101.620909, 5);
    expect(remortgage![0]).toBeCloseTo(95.92922, 5);
    expect(first![1]).toBeCloseTo(213.985, 2);
    expect(remortgage![1]).toBeCloseTo(258.135, 2);
    // Dark: 8 + 0.94 x (8 + 4 + 16) + 0.128182 x 16 + 0.085455 x 8 + 0.854545 x 8; the re-mortgager's slot is light.
    expect(first![2]).toBeCloseTo(43.890909, 5);
    expect(remortgage![2]).toBeCloseTo(37.446512, 5);
    const { blend } = figures['apply.cxmap.yaml']!;
    expect(blend.leadTime! / HOUR).toBeCloseTo(0.55 * 101.620909 + 0.45 * 95.92922, 5); // 99.06 h = 12.38 d
    expect(blend.yearlyCustomerDays).toBeCloseTo(148_589.474, 2); // 12,000 x 99.0596 / 8
    expect(blend.yearlyCost).toBeCloseTo(2_806_231.308, 1); // 6,600 x 213.985 + 5,400 x 258.135
    expect(blend.darkTime! / HOUR).toBeCloseTo(40.99093, 5);
  });

  it('move-in: the legal work is the critical branch for both segments', () => {
    // First-time: 8h20m + (8.5 + 81 + 0.3 x 25m + 17) + 4h20m + 0.03 x 4.5 + 0.97 x 54.
    // Re-mortgager: 8h20m + (8.5 + 17 + 0.1 x 25m + 17) + 4h20m + 0.02 x 4.5 + 0.98 x 43.
    const [first, remortgage] = perSegment('move-in.cxmap.yaml');
    expect(first![0]).toBeCloseTo(171.806667, 5);
    expect(remortgage![0]).toBeCloseTo(97.438333, 5);
    expect(first![1]).toBeCloseTo(501.91, 2);
    expect(remortgage![1]).toBeCloseTo(358.54, 2);
    // Dark: 8 + 72 + 8 + 0.03 x 20m + 0.97 x 20h20m + 0.97 x 2; 8 + 8 + 8 + 0.02 x 20m + 0.98 x 20h20m + 0.98 x 2.
    expect(first![2]).toBeCloseTo(109.673333, 5);
    expect(remortgage![2]).toBeCloseTo(45.893333, 5);
    const { blend } = figures['move-in.cxmap.yaml']!;
    expect(blend.leadTime! / HOUR).toBeCloseTo(143.5467, 4); // 0.62 x 171.8067 + 0.38 x 97.4383 = 17.94 d
    expect(blend.yearlyCustomerDays).toBeCloseTo(161_490.0375, 2); // 9,000 x 143.5467 / 8
    expect(blend.yearlyCost).toBeCloseTo(4_026_864.6, 1); // 5,580 x 501.91 + 3,420 x 358.54
  });

  it('get-help: each segment worked by hand, and the blend', () => {
    // First-time: 5m + 16h20m + 10m + 8.75 + 1.25 x 25.8333 + 0.25 x 4h20m + 16.75 + 0.6 x 8.5 + 0.3 x 25.5
    // + 0.1 x 4h20m + 0.9 x 20.3333.
    const [first, remortgage] = perSegment('get-help.cxmap.yaml');
    expect(first![0]).toBeCloseTo(106.941667, 5);
    expect(remortgage![0]).toBeCloseTo(99.856481, 5);
    expect(first![1]).toBeCloseTo(138.95, 2);
    expect(remortgage![1]).toBeCloseTo(149.1685, 3);
    // Dark: 1.25 x 8 + 8 + 0.6 x 8 + 0.3 x 16 + 0.1 x 4 + 0.3 x 4; 1.1111 x 8 + 8 + 0.4 x 8 + 0.55 x 16 + ...
    expect(first![2]).toBeCloseTo(29.2, 6);
    expect(remortgage![2]).toBeCloseTo(31.288889, 5);
    const { blend } = figures['get-help.cxmap.yaml']!;
    expect(blend.leadTime! / HOUR).toBeCloseTo(104.957815, 5); // 0.72 x 106.9417 + 0.28 x 99.8565 = 13.12 d
    expect(blend.darkTime! / HOUR).toBeCloseTo(29.784889, 5); // 0.72 x 29.2 + 0.28 x 31.2889
    expect(blend.yearlyCustomerDays).toBeCloseTo(31_487.344, 2); // 2,400 x 104.9578 / 8
    expect(blend.yearlyCost).toBeCloseTo(340_346.844, 2);
  });

  it('ranks the journeys by yearly customer days: move in, apply, get help', () => {
    const ranked = [...portfolio.journeys].sort(
      (a, b) => figures[b]!.blend.yearlyCustomerDays! - figures[a]!.blend.yearlyCustomerDays!,
    );
    expect(ranked).toEqual(['move-in.cxmap.yaml', 'apply.cxmap.yaml', 'get-help.cxmap.yaml']);
  });
});
