/**
 * The value/delay matrix draws its lines where the verdicts change, whatever weights and thresholds the map was
 * scored by (the configuration's `weights:`), so that every step stands in the region of its verdict.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeExact, DEFAULT_WEIGHTS, highDelayShare } from '../../src/analysis/index.js';
import { matrix } from '../../src/render/matrix.js';
import { drawnDiagrams } from '../../src/render/index.js';
import { mapOf } from '../helpers/analyze.js';

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'];
const MAPS = new Map(EXAMPLES.map((name) => [name, mapOf(readFileSync(`examples/${name}.cxmap.yaml`, 'utf8'))]));
const score = fc.integer({ min: 0, max: 100 });

describe('the value/delay matrix', () => {
  it('puts a step above the middle exactly when its value is high, right of it exactly when its delay is', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLES),
        fc.record({ customer: score, business: score, unclassified: score }),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        (name, base, highValue, highDelayFactor) => {
          const map = MAPS.get(name)!;
          const weights = {
            ...DEFAULT_WEIGHTS,
            base: { ...DEFAULT_WEIGHTS.base, ...base },
            highValue,
            highDelayFactor,
          };
          const analysis = analyzeExact(map, { weights });
          const all = map.steps.map((_, i) => i);
          const points = new Map(
            [...matrix(analysis, all, 'm').matchAll(/^ {2}"([^" ]+)( \(remove\))?": \[([\d.]+), ([\d.]+)\]$/gm)].map(
              (m) => [m[1], [Number(m[3]), Number(m[4]), m[2] !== undefined] as const],
            ),
          );
          expect(points.size).toBe(map.steps.length);
          const high = highDelayShare(analysis.time, weights);
          map.steps.forEach((step, i) => {
            const { verdict, delayShare } = analysis.scores[i]!;
            const [x, y, marked] = points.get(step.id)!;
            // Waste is removed whatever its value: Mermaid has no fifth region, so its steps are marked and stand
            // in the drawing's band at the bottom (its lowest 22%, under the line at 60%: 0.5 x 0.22 / 0.6 = 0.183
            // on Mermaid's axis). Every other verdict says whether the value is high.
            expect(marked, step.id).toBe(verdict === 'remove');
            if (verdict === 'remove') expect(y, step.id).toBeLessThanOrEqual(0.183);
            else expect(y >= 0.5, step.id).toBe(verdict === 'keep' || verdict === 'speed up');
            // The figures are rounded to 3 decimals: a share within a rounding of the line could fall either side.
            if (Math.abs(delayShare / high - 1) > 0.002) expect(x >= 0.5, step.id).toBe(delayShare >= high);
          });
          // cxmap's own drawing labels the two halves by the same line.
          const [drawn] = drawnDiagrams(analysis, 'matrix');
          expect(drawn!.svg).toContain(`>${highValue}-100<`);
        },
      ),
      // The first example: value is high only at 100 (a band of one point), which once divided by zero.
      { numRuns: 40, examples: [['home-loan', { customer: 100, business: 0, unclassified: 0 }, 100, 0.5]] },
    );
  });
});
