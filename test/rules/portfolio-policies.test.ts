/**
 * The portfolio's policies on random portfolios (fast-check): portfolio-no-growth finds growth exactly when the
 * customer days a year grow, with an oracle worked in whole numbers, and never when the same journeys are only
 * listed in another order (the totals then add the same figures in another order, with another rounding).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeExact } from '../../src/analysis/index.js';
import { loadText } from '../../src/load/index.js';
import { PORTFOLIO_POLICIES, type PortfolioFacts } from '../../src/rules/index.js';

const noGrowth = PORTFOLIO_POLICIES.find((p) => p.id === 'portfolio-no-growth')!;
const SHARED = `actors:
  me: { kind: customer, name: Customer }
  desk: { kind: frontstage, name: Service desk, cost: 60/h }
  ops: { kind: backstage, name: Operations, cost: 40/h }
`;
type Name = 'join' | 'use' | 'leave';
const NAMES: readonly Name[] = ['join', 'use', 'leave'];

/** A journey of test/fixtures/portfolio (Join 74 h a case, Use 112.5 min, Leave 2 d 1 h 10 min) with a volume. */
const journey = (name: Name, volume: number) => {
  const text = readFileSync(`test/fixtures/portfolio/${name}.cxmap.yaml`, 'utf8')
    .replace(/ {2}volume: \d+\/y\n/, '')
    .replace('  currency:', `  volume: ${volume}/y\n  currency:`)
    .replace('stages:', `${SHARED}stages:`);
  const loaded = loadText(text, `${name}.cxmap.yaml`);
  expect(loaded.findings).toEqual([]);
  return analyzeExact(loaded.map!);
};
const facts = (volumes: Record<Name, number>, order: readonly Name[]): PortfolioFacts => ({
  name: 'Test lifecycle',
  journeys: order.map((name, entry) => ({ entry, file: `${name}.cxmap.yaml`, analysis: journey(name, volumes[name]) })),
});
const volumes = fc.record({
  join: fc.integer({ min: 1, max: 10_000_000 }),
  use: fc.integer({ min: 1, max: 10_000_000 }),
  leave: fc.integer({ min: 1, max: 10_000_000 }),
});
/** Customer days a year × 2,880 (minutes a case × 2 / 1,440 × volume), in whole numbers. */
const oracle = (v: Record<Name, number>) => 8880 * v.join + 225 * v.use + 5900 * v.leave;

describe('portfolio-no-growth on random volumes', () => {
  it('finds growth exactly when the customer days a year grow (worked in whole numbers)', () => {
    fc.assert(
      fc.property(volumes, volumes, (before, after) => {
        // A change within a billionth of the totals is the same figure (src/core/compare.ts): not asked here.
        const [b, a] = [oracle(before), oracle(after)];
        fc.pre(a === b || Math.abs(a - b) > 1e-9 * Math.max(a, b));
        const found = noGrowth.check(
          facts(after, NAMES),
          { customerDays: 0 },
          {
            baseline: facts(before, NAMES),
            ref: 'main',
          },
        );
        expect(found.length).toBe(a > b ? 1 : 0);
      }),
      { numRuns: 60 },
    );
  });

  it('finds nothing when the same journeys are listed in another order', () => {
    const orders = fc.constantFrom<readonly Name[]>(
      ['use', 'leave', 'join'],
      ['leave', 'join', 'use'],
      ['leave', 'use', 'join'],
    );
    fc.assert(
      fc.property(volumes, orders, (v, order) => {
        const found = noGrowth.check(
          facts(v, order),
          { customerDays: 0, cost: 0 },
          {
            baseline: facts(v, NAMES),
            ref: 'main',
          },
        );
        expect(found).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
