/** A map of a portfolio on the live page of `cxmap serve` (typed, it gets what its portfolio shares); what a programme saves. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadPortfolio } from '../../src/load/index.js';
import { isRecommended, resolveRun } from '../../src/rules/index.js';
import { liveState, portfolioText, scorePortfolio } from '../../src/workflows/index.js';

describe('liveState of a map of a portfolio', () => {
  it("loads the text with the portfolio's shared actors: the live page shows the map, not unknown actors", () => {
    const file = 'test/fixtures/portfolio/join.cxmap.yaml';
    const live = liveState(readFileSync(file, 'utf8'), file, ['journey'], resolveRun(loadConfig(undefined, '.')));
    expect(live.state.ok).toBe(true);
  });
});

describe("a programme's saving", () => {
  it('is its changes made together in each journey, never their overlapping savings added up', async () => {
    const run = resolveRun(loadConfig(undefined, '.'));
    const model = await scorePortfolio(loadPortfolio('test/fixtures/portfolio/cxmap.portfolio.yaml'), run);
    const desk = model.programmes.find((p) => p.on.kind === 'actor' && p.on.id === 'desk')!;
    const members = desk.members.map((m) => model.opportunities[m]!);
    expect(members.every((o) => isRecommended(o.ranked))).toBe(true);
    expect(members.map((o) => `${model.journeys[o.journey]!.name}: ${o.ranked.opportunity.id}`)).toEqual([
      'Leave: cut-wait:close',
      'Use: prevent-rework:answer+ask',
      'Use: cut-wait:answer',
    ]);
    // Use, 2,000 cases a year: a call (6 m) and its answer (1 h wait, 24 m), 20% of calls back again: 1.25 visits of
    // 90 m = 112.5 m a case. At the middle of their sizes, cutting the wait by 37.5% saves 22.5 m x 1.25 = 28.125 m
    // (39.0625 customer days a year); cutting the loop by 75% (20% to 5%) saves (1.25 - 1/0.95) x 90 m = 17.763 m
    // (24.671 days). Made together: 67.5 m x 1/0.95 = 71.053 m, a saving of 41.447 m = 57.566 days, not their sum
    // 63.734. Leave has no volume: no yearly figure to add.
    const [, rework, wait] = members.map((o) => o.ranked.yearly.customerDays!);
    expect(wait).toBeCloseTo(39.0625, 9);
    expect(rework).toBeCloseTo((2000 * ((1.25 - 1 / 0.95) * 90)) / 1440, 9);
    expect(desk.customerDays).toBeCloseTo((2000 * (112.5 - 67.5 / 0.95)) / 1440, 9);
    expect(+desk.customerDays!.toFixed(3)).toBe(57.566);
    expect(+(wait! + rework!).toFixed(3)).toBe(63.734);
  });
});

describe("a team's load a year", () => {
  it('is given in whole hours, by journey too', async () => {
    const run = resolveRun(loadConfig(undefined, '.'));
    const model = await scorePortfolio(loadPortfolio('examples/lifecycle/cxmap.portfolio.yaml'), run);
    // The loan advisor's 117.9 h a year in moving in read "117.90": a load is planned in hours.
    expect(portfolioText(model, 'md')).toContain(
      '| Loan advisor | team | 13,712 | GBP 658,158 | Apply for a home loan 12,706, Complete the loan and move in 118, Get help with a payment 888 |',
    );
  });
});
