/**
 * The engine's boundary stops a figure that cannot be right before it reaches an output. Here the dark time is made
 * wrong on purpose (doubled, as the engine once got it by letting every case reach a join that half of them never
 * reach): the analysis refuses it rather than print 4.0 d of dark time on a lead time of 2.7 d.
 */
import { describe, expect, it, vi } from 'vitest';
import { analyzeExact } from '../../src/analysis/index.js';
import { mapOf } from '../helpers/analyze.js';

vi.mock('../../src/analysis/dark.js', async (original) => {
  const real = await original<typeof import('../../src/analysis/dark.js')>();
  return { ...real, darkTime: (...args: Parameters<typeof real.darkTime>) => real.darkTime(...args).map((x) => 2 * x) };
});

describe("the engine's boundary", () => {
  it('refuses dark time longer than the lead time: a fault of cxmap, not a figure', () => {
    // The map of "weights a step after a join by the cases that reach it" (test/analysis/effort.test.ts): 2.0 d of
    // dark time on a lead time of 2.72 d, doubled here to 4.0 d.
    const map = mapOf(`cxmap: 1
process: { name: P, customer: C, goal: G }
actors:
  agent: { kind: frontstage, name: Agent }
  back: { kind: backstage, name: Back office }
  me: { kind: customer, name: Me }
steps:
  - { id: call, name: Apply, actor: agent, channel: phone, work: 4.8h, next: { all: [check, screen] } }
  - { id: check, name: Check, actor: back, wait: 1d, next: decide }
  - { id: screen, name: Screen, actor: back, work: 1h, next: [{ to: withdrawn, chance: 50% }, { to: decide, chance: 50% }] }
  - { id: withdrawn, name: Withdrawn, actor: me, outcome: failure }
  - { id: decide, name: Decide, actor: back, wait: 4d, next: done }
  - { id: done, name: Told the decision, actor: agent, tells: [decision] }
`);
    expect(() => analyzeExact(map)).toThrow(
      new Error(
        'cxmap could not compute the dark time of this map (it came out as 4.0 d, more than the lead time of 2.7 d)',
      ),
    );
  });
});

describe('a loop with no way out', () => {
  it('is refused at once, never scored (its silence would be pushed round it for ever)', () => {
    const map = mapOf(`cxmap: 1
process: { name: P, customer: C, goal: G }
actors:
  back: { kind: backstage, name: Back office }
steps:
  - { id: book, name: Book, actor: back, work: 5m, next: visit }
  - { id: visit, name: Visit, actor: back, work: 1h, next: [{ to: revisit, chance: 10% }, { to: done, chance: 90% }] }
  - { id: revisit, name: Revisit, actor: back, work: 1h, next: visit }
  - { id: done, name: Done, actor: back }
`);
    // What a what-if that closed the way out would leave.
    const visit = map.steps[1]!;
    if (visit.next.kind === 'choice') visit.next.choices = [{ to: 2, chance: 1 }];
    expect(() => analyzeExact(map)).toThrow(
      new Error('cxmap could not compute the figures of this map: step book has no way to an end'),
    );
  });
});

describe('the business case at the boundary', () => {
  const costed = `cxmap: 1
process: { name: P, customer: C, goal: G, volume: 1000/y }
actors:
  back: { kind: backstage, name: Back office, cost: 60/h }
  clerk: { kind: backstage, name: Clerk }
steps:
  - { id: check, name: Check, actor: back, work: 1h, cost: 10, next: file }
  - { id: file, name: File, actor: clerk, work: 30m, cost: 5 }
`;

  it('refuses a yearly figure that overflows (1e300 cases a year x a cost of 1e12 a case), naming it', () => {
    // Validation bounds the volume at 1e12 a year and a step's cost at 1e9; here the map is changed past both after
    // loading, as a fault of cxmap could. Every actor is costed, so the cost a case is 60 + 1e12 and a year Infinity.
    const map = mapOf(costed.replace('name: Clerk }', 'name: Clerk, cost: 0/h }'));
    map.process.volume = 1e300;
    map.steps[0]!.cost = 1e12;
    expect(() => analyzeExact(map)).toThrow(
      new Error('cxmap could not compute cost a year of this map (it came out as Infinity)'),
    );
  });

  it("refuses a step's cost that is not a number even where no cost a case is given (an actor has no cost)", () => {
    const map = mapOf(costed);
    map.steps[1]!.cost = Infinity;
    expect(() => analyzeExact(map)).toThrow(
      new Error('cxmap could not compute the figures of step 2 of this map (it came out as Infinity)'),
    );
  });
});

describe('the largest amounts a map may give', () => {
  it('keep every figure of the business case finite', () => {
    const map = mapOf(`cxmap: 1
process: { name: P, customer: C, goal: G, volume: 1000000000000/y, customerTime: 1000000000/h }
actors:
  me: { kind: customer, name: Me }
  back: { kind: backstage, name: Back office, cost: 1000000000/h }
steps:
  - { id: ask, name: Ask, actor: me, work: 1h, next: work }
  - { id: work, name: Work, actor: back, work: 1h, cost: 1000000000, next: check }
  - { id: check, name: Check, actor: back, next: [{ to: work, chance: 99% }, { to: done, chance: 1% }] }
  - { id: done, name: Done, actor: me }
`);
    const { business } = analyzeExact(map);
    // Work is done 1 / 1% = 100 times a case, each 1 h at 1e9 an hour plus its own 1e9: 100 x 2e9 = 2e11 a case,
    // 2e23 a year for 1e12 cases. The customer's 1 h a case at 1e9 an hour: 1e9 x 1e12 = 1e21 a year.
    expect(business.costPerCase).toBeCloseTo(2e11, -1);
    expect(business.yearly?.cost).toBeCloseTo(2e23, -13);
    expect(business.yearly?.customerCost).toBe(1e21);
  });
});
