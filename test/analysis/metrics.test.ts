/** Hand-computed figures for the basic shapes of a flow. Times in hours unless said otherwise. */
import { describe, expect, it } from 'vitest';
import { analyze, metric, timeSplit } from '../../src/analysis/index.js';
import { analyzeSteps, mapOf, HOUR } from '../helpers/analyze.js';
import { HEADER } from '../helpers/maps.js';

const step = (id: string, fields: string) =>
  `  - id: ${id}\n    name: ${id}\n    stage: One\n    ${fields
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .join('\n    ')}\n`;

describe('a straight line', () => {
  // a: 1 h work (value-adding); b: waits 2 h, works 1 h (business); c: waits 1 h, works 30 m (value-adding).
  const a = analyzeSteps(
    step('a', 'actor: me\nwork: 1h\nvalue: customer\nca: 90%\nnext: b') +
      step('b', 'actor: desk\nwait: 2h\nwork: 1h\nvalue: business\nca: 80%\nnext: c') +
      step('c', 'actor: me\nwait: 1h\nwork: 30m\nvalue: customer'),
  );

  it('adds up lead time, process time and value-added time', () => {
    expect(a.time.leadTime).toBeCloseTo(5.5 * HOUR, 9);
    expect(a.time.processTime).toBeCloseTo(2.5 * HOUR, 9);
    expect(a.time.valueAdded).toBeCloseTo(1.5 * HOUR, 9);
    expect(a.time.waitTime).toBeCloseTo(3 * HOUR, 9);
  });

  it('gives PCE = 1.5 / 5.5 and activity ratio = 2.5 / 5.5', () => {
    expect(a.time.valueAdded / a.time.leadTime).toBeCloseTo(0.272727, 6);
    expect(a.time.processTime / a.time.leadTime).toBeCloseTo(0.454545, 6);
  });

  it('rolls %C&A as the product of every step: 0.9 x 0.8 x 1', () => {
    expect(a.time.rolledCA).toBeCloseTo(0.72, 12);
    expect(a.time.successRate).toBe(1);
  });

  it('shares the delay as 1 : 3 : 1.5 of 5.5 hours', () => {
    expect(a.scores.map((s) => s.delayShare)).toEqual([1 / 5.5, 3 / 5.5, 1.5 / 5.5].map((x) => expect.closeTo(x, 12)));
  });

  it('is simulated exactly when nothing varies', () => {
    expect(a.simulation.mean).toBeCloseTo(5.5 * HOUR, 6);
    expect([a.simulation.p50, a.simulation.p85, a.simulation.p95]).toEqual([5.5 * HOUR, 5.5 * HOUR, 5.5 * HOUR]);
  });
});

describe('a rework loop', () => {
  // s -> a -> b -> (70% c, 30% back to a): a and b are visited 1 / (1 - 0.3) times.
  const r = analyzeSteps(
    step('s', 'actor: me\nnext: a') +
      step('a', 'actor: desk\nwork: 1h\nnext: b') +
      step('b', 'actor: desk\nwait: 1h\nnext: [{ to: c, chance: 70% }, { to: a, chance: 30% }]') +
      step('c', 'actor: me'),
  );

  it('visits the loop 1 / (1 - p) times', () => {
    expect(r.time.visits[1]).toBeCloseTo(1 / 0.7, 12);
    expect(r.time.visits[2]).toBeCloseTo(1 / 0.7, 12);
    expect(r.time.visits[3]).toBeCloseTo(1, 12);
  });

  it('counts the loop in the lead time: 2 h per pass', () => {
    expect(r.time.leadTime).toBeCloseTo((2 / 0.7) * HOUR, 9);
    expect(r.effort.reworkLoops).toEqual([{ from: 2, to: 1, chance: 0.3 }]);
    expect(r.effort.expectedReworks).toBeCloseTo(0.3 / 0.7, 12);
  });
});

describe('rework in Lean accounting', () => {
  // s -> a (value-adding, 2 h) -> b (business, 1 h) -> (80% c, 20% back to a): a and b are visited 1.25 times, but
  // only the first pass adds value (or is required): 0.25 x 3 h of rework is waste.
  const r = analyzeSteps(
    step('s', 'actor: me\nnext: a') +
      step('a', 'actor: desk\nwork: 2h\nvalue: customer\nnext: b') +
      step('b', 'actor: desk\nwork: 1h\nvalue: business\nnext: [{ to: c, chance: 80% }, { to: a, chance: 20% }]') +
      step('c', 'actor: me\nwait: 1h15m\nvalue: customer'),
  );

  it('counts the first pass only as value-added time: 2 h, not 1.25 x 2 h', () => {
    expect(r.time.firstPass[1]).toBeCloseTo(0.8, 12);
    expect(r.time.processTime).toBeCloseTo(3.75 * HOUR, 9);
    expect(r.time.valueAdded).toBeCloseTo(2 * HOUR, 9);
    expect(r.time.pce).toBeCloseTo(2 / 5, 12);
  });

  it('puts the rework passes in the waste slice of the time chart', () => {
    const slices = Object.fromEntries(timeSplit(r, [0, 1, 2, 3]).map((s) => [s.label, s.seconds / HOUR]));
    expect(slices).toEqual({
      Waiting: expect.closeTo(1.25, 9),
      'Value-adding work': expect.closeTo(2, 9),
      'Business-required work': expect.closeTo(1, 9),
      'Waste work and rework': expect.closeTo(0.75, 9),
      'Work not classed': 0,
    });
  });

  it("scores a value-adding step's rework passes as waste: 0.8 x 100 + 0.2 x 0", () => {
    expect(r.scores[1]!.value).toBe(80);
    expect(r.scores[1]!.reasons).toContain('20% of its passes are rework, which is waste');
  });

  it('counts a pass that is only reached after a loop as a first pass', () => {
    // c is reached once, after the loop: its first pass is its only pass.
    expect(r.time.firstPass[3]).toBe(1);
  });

  it('makes a self-loop repeat with chance p a first pass 1 - p of the time', () => {
    const self = analyzeSteps(
      step('s', 'actor: me\nnext: a') +
        step('a', 'actor: desk\nwork: 1h\nvalue: customer\nnext: [{ to: a, chance: 40% }, { to: b, chance: 60% }]') +
        step('b', 'actor: me'),
    );
    expect(self.time.visits[1]).toBeCloseTo(1 / 0.6, 12);
    expect(self.time.firstPass[1]).toBeCloseTo(0.6, 12);
    expect(self.time.valueAdded).toBeCloseTo(1 * HOUR, 9);
  });
});

describe('a choice with a failure outcome', () => {
  const c = analyzeSteps(
    step('s', 'actor: me\nwork: 1h\nnext: [{ to: ok, chance: 90% }, { to: no, chance: 10% }]') +
      step('ok', 'actor: desk\nwait: 10h') +
      step('no', 'actor: desk\nwait: 2h\noutcome: failure'),
  );

  it('weights each branch by its share: 1 + 0.9 x 10 + 0.1 x 2 hours', () => {
    expect(c.time.leadTime).toBeCloseTo(10.2 * HOUR, 9);
  });

  it('counts the customers who reach a success outcome', () => {
    expect(c.time.successRate).toBeCloseTo(0.9, 12);
  });
});

describe('milestones', () => {
  // s (1 h) -> a (waits 2 h, milestone) -> check (waits 1 h) -> half back to a, half done (milestone).
  const m = analyzeSteps(
    step('s', 'actor: desk\nwork: 1h\nnext: a') +
      step('a', 'actor: desk\nwait: 2h\nmilestone: Drafted\nnext: check') +
      step('check', 'actor: desk\nwait: 1h..3h\nnext: [{ to: a, chance: 50% }, { to: done, chance: 50% }]') +
      step('done', 'actor: me\nmilestone: Approved'),
    { runs: 20000 },
  );

  it('counts the first time a milestone is done: drafted at 1 + 2 = 3 h, however often it is redone', () => {
    expect(m.time.milestones[0]).toEqual({ step: 1, reached: 1, mean: expect.closeTo(3 * HOUR, 9) });
    expect(m.simulation.milestones[0]).toMatchObject({ reached: 1, mean: 3 * HOUR, p95: 3 * HOUR });
  });

  it('gives the mean to a later milestone exactly and its spread from the simulation: 1 + 2 x (2 + 2) = 9 h', () => {
    expect(m.time.milestones[1]).toEqual({ step: 3, reached: 1, mean: expect.closeTo(9 * HOUR, 9) });
    const approved = m.simulation.milestones[1]!;
    expect(Math.abs(approved.mean / (9 * HOUR) - 1)).toBeLessThan(0.01);
    expect(approved.p50).toBeLessThan(approved.p85);
    expect(approved.p85).toBeLessThan(approved.p95);
  });
});

describe('the lead time to the goal', () => {
  // s (1 h) -> check (waits 1 d, works 1 h) -> 70% done (waits 1 d), 20% to fix (1 h) and back to check, 10% refused
  // (no wait). check is passed 1 / (1 - 0.2) = 1.25 times on average, by those who reach the goal too (the way out
  // does not depend on the pass), fix 0.25 times. Lead time, over every end: 1 + 1.25 x 25 + 0.25 x 1 + 0.875 x 24
  // = 53.5 h. To the goal, for the 0.7 / 0.8 = 87.5% who reach it: 1 + 31.25 + 0.25 + 24 = 56.5 h.
  const g = analyzeSteps(
    step('s', 'actor: desk\nwork: 1h\nnext: check') +
      step(
        'check',
        'actor: desk\nwait: 1d\nwork: 1h\nnext: [{ to: done, chance: 70% }, { to: fix, chance: 20% }, { to: refused, chance: 10% }]',
      ) +
      step('fix', 'actor: desk\nwork: 1h\nnext: check') +
      step('done', 'actor: me\nwait: 1d') +
      step('refused', 'actor: desk\noutcome: failure'),
  );

  it('is the time until a success end for the customers who reach one: 56.5 h, against a lead time of 53.5 h', () => {
    expect(g.time.leadTime).toBeCloseTo(53.5 * HOUR, 6);
    expect(g.time.goal.reached).toBeCloseTo(0.875, 12);
    expect(g.time.goal.mean).toBeCloseTo(56.5 * HOUR, 6);
    expect(metric('goalTime').of(g)).toBeCloseTo(56.5 * HOUR, 6);
  });

  it('is none where no customer reaches the goal', () => {
    const none = analyzeSteps(step('s', 'actor: desk\nwork: 1h\noutcome: failure'));
    expect(none.time.goal).toEqual({ reached: 0, mean: 0 });
    expect(metric('goalTime').of(none)).toBeUndefined();
  });
});

describe('parallel work', () => {
  // x waits 5 h; y works 3 h (value-adding) at the same time: only the slow branch counts.
  const p = analyzeSteps(
    step('s', 'actor: desk\nwork: 1h\nnext: { all: [x, y] }') +
      step('x', 'actor: desk\nwait: 5h\nnext: j') +
      step('y', 'actor: desk\nwork: 3h\nvalue: customer\nnext: j') +
      step('j', 'actor: me\nwork: 1h\nvalue: customer'),
  );

  it('sets the lead time by the slowest branch: 1 + max(5, 3) + 1 hours', () => {
    expect(p.time.leadTime).toBeCloseTo(7 * HOUR, 9);
    expect(p.time.criticalBranch.get(0)).toBe(0);
  });

  it('counts process and value-added time on the same critical path, so PCE stays below 100%', () => {
    expect(p.time.processTime).toBeCloseTo(2 * HOUR, 9);
    expect(p.time.valueAdded).toBeCloseTo(1 * HOUR, 9);
    expect(p.scores[2]!.delayShare).toBe(0);
    expect(p.scores.reduce((sum, s) => sum + s.delayShare, 0)).toBeCloseTo(1, 12);
  });

  it('puts the slow branch on the critical path in every simulated run', () => {
    expect(Array.from(p.simulation.criticality)).toEqual([1, 1, 0, 1]);
    expect(p.simulation.mean).toBeCloseTo(7 * HOUR, 6);
  });
});

describe('an end inside parallel work', () => {
  // s (1 h) splits into check (2 h of work, then 20% declined, waiting 1 h) and order (waits 3 h) -> deliver (waits
  // 4 h, works 1 h); they join at j (1 h). A decline at 2 h stops the order branch: deliver, due at 3 h, never starts.
  const runs = 20000;
  const d = analyzeSteps(
    step('s', 'actor: desk\nwork: 1h\nnext: { all: [check, order] }') +
      step(
        'check',
        'actor: desk\nwork: 2h\nvalue: business\nnext: [{ to: declined, chance: 20% }, { to: j, chance: 80% }]',
      ) +
      step('declined', 'actor: desk\nwait: 1h\noutcome: failure') +
      step('order', 'actor: desk\nwait: 3h\nnext: deliver') +
      step('deliver', 'actor: desk\nwait: 4h\nwork: 1h\nvalue: customer\nmilestone: Delivered\nnext: j') +
      step('j', 'actor: me\nwork: 1h\nvalue: customer\nmilestone: Working\noutcome: success'),
    { runs },
  );
  const [, , declined, , deliver, j] = [0, 1, 2, 3, 4, 5];

  it('ends 20% of cases at the decline and carries the rest on: 0.2 x (1 + 2 + 1) + 0.8 x (1 + 8 + 1) = 8.8 hours', () => {
    expect(d.time.leadTime).toBeCloseTo(8.8 * HOUR, 9);
    expect(d.time.successRate).toBeCloseTo(0.8, 12);
    expect(d.time.stopping.carryOn[0]).toBeCloseTo(0.8, 12);
  });

  it('does the steps another branch has not cut short: deliver in 80% of cases, order in all', () => {
    expect(Array.from(d.time.visits)).toEqual([1, 1, 0.2, 1, 0.8, 0.8].map((x) => expect.closeTo(x, 12)));
  });

  it('counts the declined cases on the way to the decline, the others on the slow branch', () => {
    expect(Array.from(d.time.critical)).toEqual([1, 0.2, 0.2, 0.8, 0.8, 0.8].map((x) => expect.closeTo(x, 12)));
    // process: 1 + 0.2 x 2 + 0.8 x 1 + 0.8 x 1 = 3 h; value-added: deliver and j, 0.8 h each
    expect(d.time.processTime).toBeCloseTo(3 * HOUR, 9);
    expect(d.time.valueAdded).toBeCloseTo(1.6 * HOUR, 9);
    expect(d.time.waitTime).toBeCloseTo(5.8 * HOUR, 9);
  });

  it('gives the lead time to each milestone: delivered at 1 + 3 + 5 = 9 h, working at 10 h, by 80% of customers', () => {
    expect(d.time.milestones).toEqual([
      { step: deliver, reached: expect.closeTo(0.8, 12), mean: expect.closeTo(9 * HOUR, 9) },
      { step: j, reached: expect.closeTo(0.8, 12), mean: expect.closeTo(10 * HOUR, 9) },
    ]);
    const [delivered, working] = d.simulation.milestones;
    expect(Math.abs(delivered!.reached - 0.8)).toBeLessThan(0.01);
    expect([delivered!.mean, delivered!.p50, delivered!.p95]).toEqual(
      [9 * HOUR, 9 * HOUR, 9 * HOUR].map((x) => expect.closeTo(x, 6)),
    );
    expect(Math.abs(working!.reached - 0.8)).toBeLessThan(0.01);
    expect(working!.p85).toBe(10 * HOUR);
  });

  it('is simulated within 1% of the exact figures', () => {
    expect(Math.abs(d.simulation.mean / d.time.leadTime - 1)).toBeLessThan(0.01);
    expect(Math.abs(d.simulation.criticality[declined]! - 0.2)).toBeLessThan(0.01);
    expect(Math.abs(d.simulation.criticality[deliver]! - 0.8)).toBeLessThan(0.01);
    expect(Math.abs(d.simulation.criticality[j]! - 0.8)).toBeLessThan(0.01);
    // A declined case takes 4 h, a finished one 10 h: the median and the 85th percentile are 10 h.
    expect([d.simulation.p50, d.simulation.p85]).toEqual([10 * HOUR, 10 * HOUR]);
  });
});

describe('ends in two parallel branches', () => {
  // a waits 2 h, then 10% cancel; b waits 1 h, then 20% are refused, else b2 waits 3 h. The refusal comes first:
  // a cancellation counts only when b has not refused: 0.1 x 0.8 = 8%. The rest, 0.9 x 0.8 = 72%, join.
  const runs = 20000;
  const e = analyzeSteps(
    step('s', 'actor: desk\nnext: { all: [a, b] }') +
      step('a', 'actor: desk\nwait: 2h\nnext: [{ to: cancelled, chance: 10% }, { to: j, chance: 90% }]') +
      step('cancelled', 'actor: me\noutcome: failure') +
      step('b', 'actor: desk\nwait: 1h\nnext: [{ to: refused, chance: 20% }, { to: b2, chance: 80% }]') +
      step('refused', 'actor: desk\noutcome: failure') +
      step('b2', 'actor: desk\nwait: 3h\nnext: j') +
      step('j', 'actor: me\noutcome: success'),
    { runs },
  );

  it('lets the earlier end decide: 0.2 x 1 + 0.08 x 2 + 0.72 x 4 = 3.24 hours', () => {
    expect(e.time.leadTime).toBeCloseTo(3.24 * HOUR, 9);
    expect(e.time.successRate).toBeCloseTo(0.72, 12);
    expect(Array.from(e.time.visits)).toEqual([1, 1, 0.08, 1, 0.2, 0.8, 0.72].map((x) => expect.closeTo(x, 12)));
    // b is on the critical path when it refuses (20%) and when the work carries on (72%)
    expect(Array.from(e.time.critical)).toEqual(
      [1, 0.08, 0.08, 0.92, 0.2, 0.72, 0.72].map((x) => expect.closeTo(x, 12)),
    );
  });

  it('is simulated within 1% of the exact figures', () => {
    expect(Math.abs(e.simulation.mean / e.time.leadTime - 1)).toBeLessThan(0.01);
    const expected = [1, 0.08, 0.08, 0.92, 0.2, 0.72, 0.72];
    e.simulation.criticality.forEach((c, i) => expect(Math.abs(c - expected[i]!)).toBeLessThan(0.01));
  });

  it('gives a tie to the branch written first', () => {
    const tie = analyzeSteps(
      step('s', 'actor: desk\nnext: { all: [a, b] }') +
        step('a', 'actor: desk\nwait: 1h\nnext: [{ to: cancelled, chance: 10% }, { to: j, chance: 90% }]') +
        step('cancelled', 'actor: me\noutcome: failure') +
        step('b', 'actor: desk\nwait: 1h\nnext: [{ to: refused, chance: 20% }, { to: j, chance: 80% }]') +
        step('refused', 'actor: desk\noutcome: failure') +
        step('j', 'actor: me\noutcome: success'),
      { runs },
    );
    // cancelled: 10%; refused: 20% of the other 90% = 18%; joined: 72%
    expect(tie.time.visits[2]).toBeCloseTo(0.1, 12);
    expect(tie.time.visits[4]).toBeCloseTo(0.18, 12);
    expect(Math.abs(tie.simulation.criticality[2]! - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(tie.simulation.criticality[4]! - 0.18)).toBeLessThan(0.01);
  });
});

describe('an end inside nested parallel work', () => {
  // s splits into x and y (waits 10 h). x splits into x1 (waits 1 h, then half the cases are gone) and x2 (waits
  // 2 h); they join at xj (1 h) before j. Half the cases end after 1 h; the other half take y's 10 h. (The spread
  // of 1 h against 10 h needs 100,000 simulated cases for the mean to be within 1% reliably.)
  const n = analyzeSteps(
    step('s', 'actor: desk\nnext: { all: [x, y] }') +
      step('x', 'actor: desk\nnext: { all: [x1, x2] }') +
      step('x1', 'actor: desk\nwait: 1h\nnext: [{ to: gone, chance: 50% }, { to: xj, chance: 50% }]') +
      step('gone', 'actor: me\noutcome: failure') +
      step('x2', 'actor: desk\nwait: 2h\nnext: xj') +
      step('xj', 'actor: desk\nwait: 1h\nnext: j') +
      step('y', 'actor: desk\nwait: 10h\nnext: j') +
      step('j', 'actor: me\noutcome: success'),
    { runs: 100000 },
  );

  it('ends the whole case: 0.5 x 1 + 0.5 x 10 = 5.5 hours', () => {
    expect(n.time.leadTime).toBeCloseTo(5.5 * HOUR, 9);
    expect(n.time.successRate).toBeCloseTo(0.5, 12);
    // the gone cases' critical path is x1; the others' is y
    expect(Array.from(n.time.critical)).toEqual([1, 0.5, 0.5, 0.5, 0, 0, 0.5, 0.5].map((x) => expect.closeTo(x, 12)));
    expect(Math.abs(n.simulation.mean / n.time.leadTime - 1)).toBeLessThan(0.01);
  });
});

describe('durations', () => {
  it("makes a queue wait queue / rate (Little's law): 400 at 50 a day is 8 days", () => {
    const q = analyzeSteps(step('a', 'actor: desk\nwait: { queue: 400, rate: 50/d }'));
    expect(q.time.leadTime).toBe(8 * 24 * HOUR);
  });

  it('reads days in an 8-hour calendar: wait 2d and work 1d make 24 hours', () => {
    const yaml =
      HEADER.replace('  goal: G\n', '  goal: G\n  calendar: { day: 8h, week: 5d }\n') +
      step('a', 'actor: desk\nwait: 2d\nwork: 1d');
    const w = analyze(mapOf(yaml), { runs: 100 });
    expect(w.time.leadTime).toBe(24 * HOUR);
  });

  it('takes the mean of a triangular estimate: (1 + 2 + 6) / 3 hours', () => {
    const t = analyzeSteps(step('a', 'actor: desk\nwait: { min: 1h, likely: 2h, max: 6h }'), { runs: 20_000 });
    expect(t.time.leadTime).toBeCloseTo(3 * HOUR, 9);
    // The simulation draws from the triangle: its mean lands within 1% and its median at 6 - sqrt(0.5 x 5 x 4) hours.
    expect(Math.abs(t.simulation.mean / (3 * HOUR) - 1)).toBeLessThan(0.01);
    expect(t.simulation.p50 / HOUR).toBeCloseTo(6 - Math.sqrt(10), 1);
  });

  it('takes the middle of a uniform range', () => {
    const u = analyzeSteps(step('a', 'actor: desk\nwait: 2h..4h'));
    expect(u.time.leadTime).toBe(3 * HOUR);
  });
});

describe('effort drivers', () => {
  it('does not count a first question as asked again', () => {
    const e = analyzeSteps(
      step('a', 'actor: me\nasks: [name]\nnext: b') +
        step('b', 'actor: desk\nasks: [name, income]\nnext: c') +
        step('c', 'actor: desk\nasks: [email]'),
    );
    expect(e.effort.reAsked).toEqual([[], ['name'], []]);
    expect(e.effort.reAsks.total).toBe(1);
  });

  it('counts an item as asked again only when every path to the step asked it', () => {
    const e = analyzeSteps(
      step('a', 'actor: me\nnext: [{ to: b, chance: 50% }, { to: c, chance: 50% }]') +
        step('b', 'actor: desk\nasks: [income]\nnext: d') +
        step('c', 'actor: desk\nnext: d') +
        step('d', 'actor: desk\nasks: [income]'),
    );
    expect(e.effort.reAsked[3]).toEqual([]);
  });
});
