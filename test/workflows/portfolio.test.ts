/** A map of a portfolio on the live page of `cxmap serve` (typed, it gets what its portfolio shares); what a programme saves. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeExact } from '../../src/analysis/index.js';
import { loadConfig, loadFile, loadPortfolio } from '../../src/load/index.js';
import { resolveRun, whatIf } from '../../src/rules/index.js';
import { liveState, scorePortfolio } from '../../src/workflows/index.js';

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
    const model = await scorePortfolio(loadPortfolio('examples/lifecycle/cxmap.portfolio.yaml'), run);
    const underwriting = model.programmes.find((p) => p.on.kind === 'actor' && p.on.id === 'underwriter')!;
    const members = underwriting.members.map((m) => model.opportunities[m]!);
    // Its changes, journey by journey: three of the application (two status updates and a cut wait before
    // underwriting, plus getting underwriting right first time), one each of the others.
    expect(members.map((o) => o.journey)).toEqual([0, 2, 1, 2, 0, 0]);
    const added = members.reduce((sum, o) => sum + o.ranked.yearly.customerDays!, 0);
    const apply = members.filter((o) => o.journey === 0).map((o) => o.ranked.opportunity);
    const others = members.filter((o) => o.journey !== 0);
    // The application's changes overlap (a wait cut shortens the silence a status update breaks): made together on one
    // copy of the map, they save less than their savings added; the other journeys' customers are other cases.
    const baseline = analyzeExact(loadFile('examples/lifecycle/apply.cxmap.yaml').map!, run);
    const applyTogether = whatIf(baseline, apply).yearly.customerDays!;
    const expected = applyTogether + others.reduce((sum, o) => sum + o.ranked.yearly.customerDays!, 0);
    expect(underwriting.customerDays).toBeCloseTo(expected, 6);
    expect(Math.round(underwriting.customerDays!)).toBe(14_838);
    expect(Math.round(added)).toBe(15_826);
  });
});
