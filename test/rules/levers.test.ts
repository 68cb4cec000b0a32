/**
 * Levers sized by the team (docs/format.md, "levers"): the rule's default range, the map's and the configuration's
 * `levers:`, the three sizes every saving is computed at, the assumption named beside it, and what cut-wait's
 * capacity costs once (docs/rules/cut-wait.md works it by hand on the map read here).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeExact } from '../../src/analysis/index.js';
import { loadConfig, loadText } from '../../src/load/index.js';
import {
  assumption,
  considered,
  judgementOf,
  madeAt,
  opportunities,
  RULES,
  type Levers,
} from '../../src/rules/index.js';
import { mapOf } from '../helpers/analyze.js';

const H = 3600;

// The customer waits 8h for b (a queue), no news since a: lead time 11h.
const yaml = (extra = '') => `cxmap: 1
process: { name: P, customer: C, goal: G, darkAfter: 1h }
actors:
  me: { kind: customer, name: Me }
  back: { kind: backstage, name: Back office }
steps:
  - { id: a, name: A, actor: me, work: 1h, next: b }
  - { id: b, name: B, actor: back, wait: 8h, work: 1h, next: c }
  - { id: c, name: C, actor: me, work: 1h }
${extra}`;

const cutWait = (text: string, config: Levers = {}) => {
  const [r] = opportunities(analyzeExact(mapOf(text)), RULES, {}, config).ranked;
  expect(r!.opportunity.id).toBe('cut-wait:b');
  return r!;
};
const leadTimes = (r: ReturnType<typeof cutWait>) => [r.low, r, r.high].map((o) => o.saving.leadTime / H);

describe('the size of a lever', () => {
  it("is the rule's default range unless the team says: cut-wait cuts the 8h wait by 25-50%, 37.5% at the middle", () => {
    const r = cutWait(yaml());
    expect(leadTimes(r)).toEqual([2, 3, 4]);
    expect(r.sizes).toEqual([
      {
        place: 'cut-wait:b',
        of: 'the wait',
        what: 'the wait before `b` (8 h)',
        unit: 'duration',
        now: 8 * H,
        setting: { cut: [0.25, 0.5] },
        from: 'rule',
        to: { low: 6 * H, mid: 5 * H, high: 4 * H },
        // The map gives no volume and no costs: what clearing the backlog costs cannot be computed.
        oneOff: null,
      },
    ]);
    expect(assumption(r.sizes)).toBe('the wait before `b` (8 h) cut by 25-50% (assumed; set `levers:` in the map)');
    // Beside the opportunity's title, which names the place.
    expect(assumption(r.sizes, false)).toBe('the wait cut by 25-50% (assumed; set `levers:` in the map)');
    expect(madeAt(r.sizes)).toBe(
      'the wait before `b` (8 h) cut by 37.5%, the middle of 25-50% (assumed; set `levers:` in the map)',
    );
  });

  it("takes the map's levers, then the configuration's, a place's id before its rule's", () => {
    // 30% of 8h is 2.4h at every size; 10-20% is 0.8h to 1.6h, 1.2h at the middle.
    const sized = (mapLevers: string, config: Levers) => {
      const r = cutWait(yaml(mapLevers ? `levers: ${mapLevers}\n` : ''), config);
      return [leadTimes(r).map((x) => +x.toFixed(9)), r.sizes[0]!.from];
    };
    expect(sized('{ cut-wait:b: 30% }', {})).toEqual([[2.4, 2.4, 2.4], 'map']);
    expect(sized('{ cut-wait: 10%..20%, cut-wait:b: 30% }', {})).toEqual([[2.4, 2.4, 2.4], 'map']);
    expect(sized('{ cut-wait: 10%..20% }', { 'cut-wait:b': { cut: [0.3, 0.3] } })).toEqual([[0.8, 1.2, 1.6], 'map']);
    expect(sized('', { 'cut-wait': { cut: [0.1, 0.2] } })).toEqual([[0.8, 1.2, 1.6], 'configuration']);
    expect(sized('', { 'cut-wait': { cut: [0.1, 0.2] }, 'cut-wait:b': { cut: [0.3, 0.3] } })).toEqual([
      [2.4, 2.4, 2.4],
      'configuration',
    ]);
    expect(assumption(cutWait(yaml('levers: { cut-wait:b: 30% }\n')).sizes)).toBe(
      "the wait before `b` (8 h) cut by 30% (the map's `levers:`)",
    );
  });

  it('says which lever sizes name no place of this map', () => {
    const ranking = opportunities(
      analyzeExact(mapOf(yaml('levers: { cut-wait:a: 30%, prevent-rework: 50% }\n'))),
      RULES,
      {},
      {
        'cut-wait:c': { cut: [0.2, 0.2] },
      },
    );
    // A rule's id is never unused: it applies wherever the rule finds something.
    expect(ranking.unusedLevers).toEqual([
      { id: 'cut-wait:a', from: 'map' },
      { id: 'cut-wait:c', from: 'configuration' },
    ]);
  });

  it('brings the rework at investigate from 25% to 10%: the 15 points go to the other ways in proportion (66 / 10 / 24)', () => {
    // The dispute investigation of the issue: 55% reading wrong, 25% photo unclear and back, 20% bill upheld.
    // 15 points spread over 55 and 20 in proportion: 55 + 15 × 55/75 = 66, 20 + 15 × 20/75 = 24.
    const dispute = (levers: string) => `cxmap: 1
process: { name: Dispute a bill, customer: Household, goal: Bill settled }
actors:
  me: { kind: customer, name: Household }
  team: { kind: backstage, name: Disputes team }
steps:
  - { id: dispute, name: Dispute the bill, actor: me, channel: web, work: 15m, next: investigate }
  - id: investigate
    name: Investigate
    actor: team
    wait: 2d
    work: 1h
    next: [{ to: correct, chance: 55% }, { to: photo, chance: 25% }, { to: uphold, chance: 20% }]
  - { id: photo, name: Send a clearer photo, actor: me, channel: app, wait: 1d, work: 10m, next: investigate }
  - { id: correct, name: Correct the bill, actor: team, work: 30m }
  - { id: uphold, name: Uphold the bill, actor: team, work: 15m }
levers:
${levers}
`;
    const rework = (levers: string) => {
      const ranking = opportunities(
        analyzeExact(mapOf(dispute(levers))),
        RULES.filter((r) => r.id === 'prevent-rework'),
      );
      const [r] = [...ranking.ranked, ...ranking.noGain];
      expect(r!.opportunity.id).toBe('prevent-rework:investigate+photo');
      const step = r!.map.steps.find((s) => s.id === 'investigate')!;
      const ways = step.next.kind === 'choice' ? step.next.choices : [];
      return { r: r!, ways: ways.map((c) => [r!.map.steps[c.to]!.id, +(100 * c.chance).toFixed(9)]) };
    };
    const to10 = rework('  prevent-rework:investigate+photo: { to: 10% }');
    expect(to10.ways).toEqual([
      ['correct', 66],
      ['photo', 10],
      ['uphold', 24],
    ]);
    expect(to10.r.sizes[0]!.to).toEqual({ low: 0.1, mid: 0.1, high: 0.1 });
    expect(assumption(to10.r.sizes)).toBe(
      "the rework at `investigate` (25% back through `photo`) brought to 10% (the map's `levers:`)",
    );
    // A range of chances: low is the larger one (the smaller change); the middle, 10%, is what the map is made at.
    const range = rework('  prevent-rework: { to: 5%..15% }');
    expect(range.r.sizes[0]!.to).toEqual({ low: 0.15, mid: 0.1, high: 0.05 });
    expect(range.ways).toEqual(to10.ways);
    // Closed (cut by 100%): 55/75 and 20/75, 73.3 / 26.7.
    expect(rework('  prevent-rework: 100%').ways).toEqual([
      ['correct', +((100 * 55) / 75).toFixed(9)],
      ['uphold', +((100 * 20) / 75).toFixed(9)],
    ]);
  });
});

describe('every range the team can write', () => {
  // Whole percents, low first: the map's text is what the team writes.
  const range = fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

  it('cut-wait saves the share of the 8h wait at each end and the middle, low ≤ middle ≤ high', () => {
    fc.assert(
      fc.property(range, ([a, b]) => {
        const ranking = opportunities(analyzeExact(mapOf(yaml(`levers: { cut-wait:b: ${a}%..${b}% }\n`))), RULES);
        const r = considered(ranking).find((x) => x.opportunity.id === 'cut-wait:b');
        // A cut of 0 changes nothing: no opportunity to rank, or one with no gain.
        if (b === 0) {
          expect(r === undefined || r.saving.leadTime === 0).toBe(true);
          return;
        }
        const saved = [r!.low, r!, r!.high].map((o) => o.saving.leadTime);
        expect(saved[0]).toBeCloseTo((8 * H * a) / 100, 6);
        expect(saved[1]).toBeCloseTo((8 * H * (a + b)) / 200, 6);
        expect(saved[2]).toBeCloseTo((8 * H * b) / 100, 6);
        expect(r!.low.impact.total).toBeLessThanOrEqual(r!.impact.total + 1e-12);
        expect(r!.impact.total).toBeLessThanOrEqual(r!.high.impact.total + 1e-12);
      }),
      { numRuns: 40, seed: 20261206 },
    );
  });

  it('prevent-rework brought to t: the lead time is 1.5h + (1 + 3t) / (1 − t) h at each end', () => {
    // check (1h) goes back through fix (waits 2h, works 1h) with chance t, else on to done: 3.5h at t = 20%.
    const loop = (levers: string) => `cxmap: 1
process: { name: P, customer: C, goal: G }
actors:
  me: { kind: customer, name: Me }
  back: { kind: backstage, name: Back office }
steps:
  - { id: a, name: A, actor: me, work: 1h, next: check }
  - { id: check, name: Check, actor: back, work: 1h, next: [{ to: done, chance: 80% }, { to: fix, chance: 20% }] }
  - { id: fix, name: Fix, actor: me, wait: 2h, work: 1h, next: check }
  - { id: done, name: Done, actor: me, work: 30m }
levers: { prevent-rework: ${levers} }
`;
    const lead = (t: number) => 1.5 + (1 + 3 * t) / (1 - t);
    fc.assert(
      fc.property(
        range.filter(([, b]) => b <= 20),
        ([a, b]) => {
          const r = considered(opportunities(analyzeExact(mapOf(loop(`{ to: ${a}%..${b}% }`))), RULES)).find(
            (x) => x.opportunity.rule === 'prevent-rework',
          )!;
          // Low is the larger chance (the smaller change); the middle, the chance halfway.
          expect(r.low.saving.leadTime / H).toBeCloseTo(3.5 - lead(b / 100), 9);
          expect(r.saving.leadTime / H).toBeCloseTo(3.5 - lead((a + b) / 200), 9);
          expect(r.high.saving.leadTime / H).toBeCloseTo(3.5 - lead(a / 100), 9);
        },
      ),
      { numRuns: 40, seed: 20261206 },
    );
  });
});

describe('levers: in a map and in the configuration', () => {
  it("gives a positioned finding for what the map's levers cannot mean", () => {
    const text = yaml(`levers:
  cut-wiat: 30%
  cut-wait:x: 20%
  cut-wait:b: 40%..20%
  cut-wait: { to: 10% }
  ask-once: 50%
`);
    expect(loadText(text, 'test.cxmap.yaml').findings.map((f) => [f.line, f.column, f.code, f.message])).toEqual([
      [
        11,
        3,
        'bad-key',
        '`cut-wiat` in levers: name a lever as the report does: a rule whose change has a size (prevent-rework, cut-wait, off-cycle, merge-handoffs), or a rule and the steps of its place (cut-wait:triage)',
      ],
      [12, 3, 'unknown-step', 'the lever size of `cut-wait:x` names `x`, which is not a step (did you mean `a`?)'],
      [13, 15, 'bad-value', 'levers.cut-wait:b: the range `40%..20%` runs backwards: write the smaller share first'],
      [
        14,
        13,
        'bad-value',
        'levers.cut-wait takes the share of the wait the change takes away: 30%, or a range like 20%..40%',
      ],
      [
        15,
        3,
        'bad-key',
        '`ask-once` in levers: name a lever as the report does: a rule whose change has a size (prevent-rework, cut-wait, off-cycle, merge-handoffs), or a rule and the steps of its place (cut-wait:triage)',
      ],
    ]);
  });

  it("reads the configuration's levers, and stops at a range that runs backwards with its line and column", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxmap-levers-'));
    const file = join(dir, 'cxmap.config.yaml');
    writeFileSync(file, 'levers:\n  cut-wait: 10%..20%\n  prevent-rework:check+fix: { to: 5% }\n  off-cycle: 0.8\n');
    expect(judgementOf(loadConfig(file, dir)).levers).toEqual({
      'cut-wait': { cut: [0.1, 0.2] },
      'prevent-rework:check+fix': { to: [0.05, 0.05] },
      'off-cycle': { cut: [0.8, 0.8] },
    });
    writeFileSync(file, 'levers:\n  cut-wait: 10%..20%\n  merge-handoffs: 90%..60%\n');
    expect(() => loadConfig(file, dir)).toThrow(
      `${file}:3:19: levers.merge-handoffs: the range \`90%..60%\` runs backwards: write the smaller share first`,
    );
    writeFileSync(file, 'levers:\n  cut-wiat: 30%\n');
    expect(() => loadConfig(file, dir)).toThrow(`${file}:2:3: \`cut-wiat\` in levers: name a lever as the report does`);
  });
});

describe("what cut-wait's capacity costs once", () => {
  // The map of docs/rules/cut-wait.md, "What the capacity costs, worked".
  const doc = readFileSync('docs/rules/cut-wait.md', 'utf8');
  const worked = /^## What the capacity costs, worked\n\n```yaml\n([\s\S]*?)```$/m.exec(doc)![1]!;

  const triage = (text: string) => {
    const r = considered(opportunities(analyzeExact(mapOf(text)), RULES)).find(
      (x) => x.opportunity.id === 'cut-wait:triage',
    );
    return r!;
  };
  const closeTo = (x: Record<string, number> | null | undefined) =>
    x ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, +v.toFixed(9)])) : x;

  it('is the share of the backlog cleared × the step’s work × the hourly cost: 500 to 1,000 for 100 claims waiting', () => {
    // 250 claims a week = 50 a working day (5-day weeks); Little's law: 50 × 2 days = 100 waiting. Cut by 25-50%:
    // 25 to 50 claims cleared once, each 30 minutes at 40 an hour (20): 500 to 1,000, 750 at the middle.
    const r = triage(worked);
    expect(closeTo(r.oneOff)).toEqual({ low: 500, mid: 750, high: 1000 });
    // Beside it, a year: 0.5 to 1 working day less for 250 × 365 / 7 = 13,035.714 claims; no staff hours or cost.
    const volume = (250 * 365) / 7;
    expect([r.low, r, r.high].map((o) => +o.yearly.customerDays!.toFixed(6))).toEqual(
      [0.5, 0.75, 1].map((d) => +(d * volume).toFixed(6)),
    );
    expect([r.yearly.staffHours, r.yearly.cost]).toEqual([0, 0]);
    // The team's own size: 30% of the 100 claims, 600.
    const levers = triage(`${worked}levers: { cut-wait:triage: 30% }\n`);
    expect(closeTo(levers.oneOff)).toEqual({ low: 600, mid: 600, high: 600 });
  });

  it("takes the map's own queue where it gives one, and says nothing where the map lacks a figure", () => {
    // { queue: 100, rate: 50/d } is the same 2-day wait with its 100 claims given: no volume needed.
    const queue = worked.replace('  volume: 250/w\n', '').replace('wait: 2d', 'wait: { queue: 100, rate: 50/d }');
    expect(closeTo(triage(queue).oneOff)).toEqual({ low: 500, mid: 750, high: 1000 });
    // Without a volume (a fixed wait), a cost for the handler, or work at triage, it cannot be computed: null.
    expect(triage(worked.replace('  volume: 250/w\n', '')).oneOff).toBeNull();
    expect(triage(worked.replace(', cost: 40/h', '')).oneOff).toBeNull();
    expect(triage(worked.replace('wait: 2d, work: 30m', 'wait: 2d')).oneOff).toBeNull();
    // A change with no such cost has none.
    expect(
      considered(opportunities(analyzeExact(mapOf(worked)), RULES))
        .filter((x) => x.oneOff !== undefined)
        .map((x) => x.opportunity.id),
    ).toEqual(['cut-wait:triage']);
  });
});
