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
