/** Changing a copy of a map for a what-if: closing and shrinking the ways of a choice. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bypass, closeWay, shrinkWay } from '../../src/model/index.js';
import type { Choice, ProcessMap, Step } from '../../src/load/index.js';

/** A step with a choice between the given ways (only `next` matters to closing a way). */
const choosing = (choices: Choice[]) => ({ next: { kind: 'choice', choices } }) as unknown as Step;
const chances = (step: Step) => (step.next.kind === 'choice' ? step.next.choices.map((c) => [c.to, c.chance]) : []);

describe('closing a way', () => {
  it('spreads its share over the other ways in proportion: 55% / 25% back / 20% becomes 73.33% / 26.67%', () => {
    // The customers who went back round the loop end as the others do: 55/75 and 20/75 (the loop's absorbing
    // probabilities), not 80% / 20% (all of it to the most likely way).
    const step = choosing([
      { to: 1, chance: 0.55, label: 'reading wrong' },
      { to: 2, chance: 0.25, label: 'photo unclear' },
      { to: 3, chance: 0.2, label: 'bill upheld' },
    ]);
    closeWay(step, 2);
    const next = step.next.kind === 'choice' ? step.next.choices : [];
    expect(next.map((c) => [c.to, c.label])).toEqual([
      [1, 'reading wrong'],
      [3, 'bill upheld'],
    ]);
    expect(next[0]!.chance).toBeCloseTo(0.55 / 0.75, 9);
    expect(next[0]!.chance).toBeCloseTo(0.7333333333, 9);
    expect(next[1]!.chance).toBeCloseTo(0.2666666667, 9);
  });

  it('lowers a way to a chance, spreading the rest in proportion: 25% back brought to 10% gives 66% / 10% / 24%', () => {
    // 15 points move: 0.15 × 55/75 = 11 to the first way, 0.15 × 20/75 = 4 to the last.
    const step = choosing([
      { to: 1, chance: 0.55 },
      { to: 2, chance: 0.25 },
      { to: 3, chance: 0.2 },
    ]);
    shrinkWay(step, 2, 0.1);
    expect(chances(step).map(([to, p]) => [to, +p!.toFixed(12)])).toEqual([
      [1, 0.66],
      [2, 0.1],
      [3, 0.24],
    ]);
  });

  it('closing two ways one after the other is closing them together: 50 / 30 / 15 / 5 without 30 and 5 is 10/13 / 3/13', () => {
    const step = choosing([
      { to: 1, chance: 0.5 },
      { to: 2, chance: 0.3 },
      { to: 3, chance: 0.15 },
      { to: 4, chance: 0.05 },
    ]);
    closeWay(step, 2);
    closeWay(step, 4);
    const [a, b] = chances(step);
    expect([a![0], b![0]]).toEqual([1, 3]);
    expect(a![1]).toBeCloseTo(0.5 / 0.65, 12);
    expect(b![1]).toBeCloseTo(0.15 / 0.65, 12);
  });

  it('leaves the choice as it is when the way is missing, already lower, or the only one customers take', () => {
    const written = [
      { to: 1, chance: 0.8 },
      { to: 2, chance: 0.2 },
    ];
    for (const change of [(s: Step) => closeWay(s, 7), (s: Step) => shrinkWay(s, 2, 0.3)]) {
      const step = choosing(structuredClone(written));
      change(step);
      expect(chances(step)).toEqual([
        [1, 0.8],
        [2, 0.2],
      ]);
    }
    const alone = choosing([
      { to: 1, chance: 1 },
      { to: 2, chance: 0 },
    ]);
    closeWay(alone, 1);
    expect(chances(alone)).toEqual([
      [1, 1],
      [2, 0],
    ]);
  });

  it('keeps the sum of the chances and the ratios between the other ways, whatever way is lowered to whatever chance', () => {
    const ways = fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(ways, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (weights, pick, share) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const before = weights.map((w, k) => ({ to: k, chance: w / total }));
        const to = pick % before.length;
        const chance = share * before[to]!.chance;
        const step = choosing(structuredClone(before));
        shrinkWay(step, to, chance);
        const after = step.next.kind === 'choice' ? step.next.choices : [];
        const sum = (list: Choice[]) => list.reduce((a, c) => a + c.chance, 0);
        expect(sum(after)).toBeCloseTo(sum(before), 12);
        // The way lowered has its new chance (or is gone when closed); every other way keeps its share of the rest.
        expect(after.find((c) => c.to === to)?.chance ?? 0).toBeCloseTo(chance, 12);
        if (chance === 0) expect(after.some((c) => c.to === to)).toBe(false);
        const others = (list: Choice[]) => list.filter((c) => c.to !== to);
        const rest = (list: Choice[]) => sum(others(list));
        others(after).forEach((c, k) =>
          expect(c.chance / rest(after)).toBeCloseTo(others(before)[k]!.chance / rest(before), 12),
        );
        expect(others(after).map((c) => c.to)).toEqual(others(before).map((c) => c.to));
      }),
      { numRuns: 300, seed: 25 },
    );
  });
});

describe('changing the ways of a map with segments', () => {
  // check: 30% to fix and 70% to decide, a re-mortgager's own 10% and 90% (test/fixtures/segments.cxmap.yaml).
  const check = () =>
    choosing([
      { to: 2, chance: 0.3, for: { remortgage: 0.1 } },
      { to: 3, chance: 0.7, for: { remortgage: 0.9 } },
    ]);
  const own = (step: Step) => (step.next.kind === 'choice' ? step.next.choices.map((c) => c.for?.remortgage) : []);

  it("lowers a segment's own chance of the way in the same proportion: 30% to 15% takes its 10% to 5%", () => {
    const step = check();
    shrinkWay(step, 2, 0.15);
    expect(chances(step).map(([to, p]) => [to, +p!.toFixed(12)])).toEqual([
      [2, 0.15],
      [3, 0.85],
    ]);
    // Half of its 10% moves to its only other way: 5% and 95%, still 100% in all.
    expect(own(step).map((p) => +p!.toFixed(12))).toEqual([0.05, 0.95]);
  });

  it("closes the way for every segment: the re-mortgager's 10% goes to its other way", () => {
    const step = check();
    closeWay(step, 2);
    expect(chances(step)).toEqual([[3, 1]]);
    expect(own(step)).toEqual([1]);
  });

  it("keeps every segment's chances adding up to 100%, whatever way is lowered to whatever chance", () => {
    const ways = fc.array(fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })), {
      minLength: 2,
      maxLength: 6,
    });
    fc.assert(
      fc.property(ways, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (weights, pick, share) => {
        const total = weights.reduce((a, [w]) => a + w, 0);
        const own = weights.reduce((a, [, w]) => a + w, 0);
        // The segment's own chances where it has any (a segment may take a way none of the time).
        const before = weights.map(([w, v], k) => ({
          to: k,
          chance: w / total,
          ...(own > 0 ? { for: { s: v / own } } : {}),
        }));
        const to = pick % before.length;
        const step = choosing(structuredClone(before));
        shrinkWay(step, to, share * before[to]!.chance);
        const after = step.next.kind === 'choice' ? step.next.choices : [];
        if (own > 0) expect(after.reduce((a, c) => a + c.for!.s!, 0)).toBeCloseTo(1, 12);
      }),
      { numRuns: 300, seed: 29 },
    );
  });

  it('merges the own chances of two ways that now lead to one step, when a step between is removed', () => {
    // apply → check (30% fix, 70% decide; a re-mortgager 10% / 90%); fix → decide. Removing fix sends its 30% (and
    // the re-mortgager's 10%) straight to decide: one way of 100% for both.
    const map = {
      start: 0,
      steps: [
        { index: 0, id: 'check', next: check().next },
        { index: 1, id: 'spacer', next: { kind: 'end' } },
        { index: 2, id: 'fix', next: { kind: 'choice', choices: [{ to: 3, chance: 1 }] } },
        { index: 3, id: 'decide', next: { kind: 'end' } },
      ],
    } as unknown as ProcessMap;
    const after = bypass(map, [2]);
    const next = after.steps[0]!.next;
    expect(next.kind === 'choice' ? next.choices : []).toEqual([{ to: 2, chance: 1, for: { remortgage: 1 } }]);
  });
});
