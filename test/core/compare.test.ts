import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { atLeast, atMost, same } from '../../src/core/index.js';
import { againstTarget } from '../../src/analysis/index.js';

describe('comparing computed figures', () => {
  it('meets a target the figure reaches only up to floating-point noise', () => {
    // get-help's success rate: 0.6 + 0.3 is 0.8999999999999999 in floating point, and its target is 90%.
    expect(0.6 + 0.3).not.toBe(0.9);
    expect(againstTarget('successRate', 0.9, 0.6 + 0.3)).toEqual({
      metric: 'successRate',
      target: 0.9,
      actual: 0.6 + 0.3,
      gap: 0,
      met: true,
    });
    // 0.1 + 0.2 is 0.30000000000000004: at a limit of 0.3 handoffs.
    expect(atMost(0.1 + 0.2, 0.3)).toBe(true);
    expect(atLeast(0.8999999999999999, 0.9)).toBe(true);
  });

  it('still tells figures apart that a table shows apart', () => {
    expect(againstTarget('successRate', 0.9, 0.899).met).toBe(false);
    expect(againstTarget('successRate', 0.9, 0.899).gap).toBeCloseTo(-0.001, 12);
    expect(atMost(2.001, 2)).toBe(false);
    expect(same(86_400, 86_400.001)).toBe(false);
  });

  it('holds a sum of shares at the total it was cut from (property)', () => {
    // A whole cut into shares and summed back, as a figure summed over the ways of a map, meets that whole.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        const whole = 0.9;
        const summed = parts.map((p) => (whole * p) / total).reduce((a, b) => a + b, 0);
        return atLeast(summed, whole) && atMost(summed, whole) && againstTarget('successRate', whole, summed).met;
      }),
    );
  });
});
