/**
 * Every opportunity rule on a small map whose saving is worked out by hand (in the comments), and on the examples:
 * writing the changes into the YAML and scoring it again gives exactly the figures the rule reported.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMap } from '../../src/model/index.js';
import { loadText } from '../../src/load/index.js';
import { analyzeExact } from '../../src/analysis/index.js';
import { RULES, considered, isRecommended, opportunities } from '../../src/rules/index.js';
import { parseOpportunityId } from '../../src/core/index.js';
import { improve } from '../../src/rules/improve.js';
import { figuresOf, type Figures } from '../../src/rules/whatif.js';
import { mapOf } from '../helpers/analyze.js';

const H = 3600;
const D = 24 * H;

const map = (steps: string, process = '') => `cxmap: 1
process: { name: P, customer: C, goal: G, darkAfter: 1h${process} }
actors:
  me: { kind: customer, name: Me }
  desk: { kind: frontstage, name: Desk }
  call: { kind: frontstage, name: Call centre }
  back: { kind: backstage, name: Back office }
  ops: { kind: backstage, name: Operations }
  sys: { kind: support, name: System }
steps:
${steps}`;

const ZERO: Figures = {
  leadTime: 0,
  customerEffort: 0,
  successRate: 0,
  darkTime: 0,
  reAsks: 0,
  transfers: 0,
  channelSwitches: 0,
  repeatContacts: 0,
  handoffs: 0,
};

function found(id: string, yaml: string) {
  const rule = RULES.find((r) => r.id === id)!;
  return considered(opportunities(analyzeExact(mapOf(yaml)), [rule]));
}

/**
 * Each rule's case: the saving at the middle of the lever's default size (what the ranking uses) and, for a rule
 * whose change has a size, at the low and high ends of its range.
 */
const CASES: {
  rule: string;
  why: string;
  yaml: string;
  steps: string[];
  saving: Partial<Figures>;
  low?: Partial<Figures>;
  high?: Partial<Figures>;
}[] = [
  {
    rule: 'remove-waste',
    why: 'LT 1h + (2h + 30m) + 1h = 4.5h; without b 2h: 2.5h saved, and the 2h wait before b, dark after its first hour (a brings no news), goes',
    yaml: map(`  - { id: a, name: A, actor: me, work: 1h, next: b }
  - { id: b, name: B, actor: back, wait: 2h, work: 30m, value: waste, next: c }
  - { id: c, name: C, actor: me, work: 1h }`),
    steps: ['b'],
    saving: { leadTime: 2.5 * H, darkTime: H },
  },
  {
    rule: 'prevent-rework',
    why: 'check is visited 1/0.8 = 1.25 times, fix 0.25: LT 1h + 1.25h + 0.25 × 3h + 30m = 3.5h; the 20% back cut by 50-100% (to 10%, 5% at the middle, 0%)',
    yaml: map(`  - { id: a, name: A, actor: me, work: 1h, next: check }
  - { id: check, name: Check, actor: back, work: 1h, next: [{ to: done, chance: 80% }, { to: fix, chance: 20% }] }
  - { id: fix, name: Fix, actor: me, wait: 2h, work: 1h, next: check }
  - { id: done, name: Done, actor: me, work: 30m }`),
    steps: ['check', 'fix'],
    // With t of the work going back (the rest done): check is visited 1 / (1 − t) times, fix t / (1 − t), so
    // LT = 1.5h + (1 + 3t) / (1 − t) h and the customer's own work 1.5h + t / (1 − t) h (1.75h now).
    // t = 5%: LT 1.5 + 1.15 / 0.95 = 2.7105h, 15/19 h saved; own work 1.5 + 1/19 h, 15/76 h saved.
    saving: { leadTime: (15 / 19) * H, customerEffort: (15 / 76) * H },
    // t = 10%: LT 1.5 + 1.3 / 0.9 = 2.9444h, 5/9 h saved; own work 1.5 + 1/9 h, 5/36 h saved.
    low: { leadTime: (5 / 9) * H, customerEffort: (5 / 36) * H },
    // t = 0: right first time, LT 2.5h, own work 1.5h.
    high: { leadTime: H, customerEffort: 0.25 * H },
  },
  {
    rule: 'cut-wait',
    why: 'b waits 8h of an 11h lead time (73%), dark after the first hour (7h); cut by 25-50%: 2h to 4h saved, as much less in the dark, 3h at the middle (37.5%)',
    yaml: map(`  - { id: a, name: A, actor: me, work: 1h, next: b }
  - { id: b, name: B, actor: back, wait: 8h, work: 1h, next: c }
  - { id: c, name: C, actor: me, work: 1h }`),
    steps: ['b'],
    saving: { leadTime: 3 * H, darkTime: 3 * H },
    low: { leadTime: 2 * H, darkTime: 2 * H },
    high: { leadTime: 4 * H, darkTime: 4 * H },
  },
  {
    rule: 'off-cycle',
    why: 'b waits 28d for a monthly run (scheduled), dark after the first hour; out of the cycle, 50-90% of it goes: 14d to 25.2d saved, 19.6d at the middle (70%), as much less in the dark',
    yaml: map(`  - { id: a, name: A, actor: me, work: 1h, next: b }
  - { id: b, name: B, actor: back, wait: 28d, waitKind: scheduled, work: 1h, next: c }
  - { id: c, name: C, actor: me, work: 1h }`),
    steps: ['b'],
    saving: { leadTime: 0.7 * 28 * D, darkTime: 0.7 * 28 * D },
    low: { leadTime: 14 * D, darkTime: 14 * D },
    high: { leadTime: 0.9 * 28 * D, darkTime: 0.9 * 28 * D },
  },
  {
    rule: 'ask-once',
    why: 'b asks again for income, which a asked: one item asked again, none after',
    yaml: map(`  - { id: a, name: A, actor: desk, work: 10m, asks: [name, income], next: b }
  - { id: b, name: B, actor: desk, work: 10m, asks: [income, address] }`),
    steps: ['b'],
    saving: { reAsks: 1 },
  },
  {
    rule: 'keep-informed',
    why: 'the customer last heard at a (web); p takes an hour in silence, so all the 2h wait before b is dark; a status update at p lights its first hour',
    yaml: map(`  - { id: a, name: A, actor: me, channel: web, work: 10m, next: p }
  - { id: p, name: P, actor: back, wait: 30m, work: 30m, next: b }
  - { id: b, name: B, actor: back, wait: 2h, work: 1h, next: c }
  - { id: c, name: C, actor: desk, work: 10m, tells: [decision] }`),
    steps: ['p', 'b'],
    saving: { darkTime: H },
  },
  {
    rule: 'single-contact',
    why: 'desk → call → desk: 2 transfers; the desk (2 visits) keeps the customer: none',
    yaml: map(`  - { id: a, name: A, actor: desk, work: 10m, next: b }
  - { id: b, name: B, actor: call, work: 10m, next: c }
  - { id: c, name: C, actor: desk, work: 10m }`),
    steps: ['b'],
    saving: { transfers: 2 },
  },
  {
    rule: 'one-channel',
    why: 'the customer applies on the web, phones a day later, then goes back to the web: 2 switches; all on the web: none (the later contacts are still repeat contacts)',
    yaml: map(`  - { id: a, name: A, actor: me, channel: web, work: 10m, next: b }
  - { id: b, name: B, actor: me, channel: phone, wait: 1d, work: 10m, next: c }
  - { id: c, name: C, actor: me, channel: web, wait: 1d, work: 10m, next: d }
  - { id: d, name: D, actor: desk, channel: web, work: 10m }`),
    steps: ['b'],
    saving: { channelSwitches: 2 },
  },
  {
    rule: 'self-service',
    why: 'b only takes the income, after a 1d wait that is dark after its first hour: done by the customer online, the wait goes (1d saved, 23h of it dark) but its 15m become their own work',
    yaml: map(`  - { id: a, name: A, actor: me, channel: web, work: 10m, next: b }
  - { id: b, name: B, actor: desk, channel: phone, wait: 1d, work: 15m, value: business, asks: [income], next: c }
  - { id: c, name: C, actor: me, channel: web, work: 10m }`),
    steps: ['b'],
    saving: { leadTime: D, customerEffort: -15 * 60, darkTime: 23 * H },
  },
  {
    rule: 'merge-handoffs',
    why: 'b (back, 1h: the customer has had no news for an hour) → c (ops, waits 4h) → d (back again, waits 2h): one owner, the 6h of queues cut by 50-100%: 3h to 6h saved (all of it dark), 4.5h at the middle, 2 handoffs fewer',
    yaml: map(`  - { id: a, name: A, actor: me, work: 10m, next: b }
  - { id: b, name: B, actor: back, work: 1h, next: c }
  - { id: c, name: C, actor: ops, wait: 4h, work: 1h, next: d }
  - { id: d, name: D, actor: back, wait: 2h, work: 10m, next: e }
  - { id: e, name: E, actor: me, work: 10m }`),
    steps: ['b', 'c', 'd'],
    saving: { leadTime: 4.5 * H, handoffs: 2, darkTime: 4.5 * H },
    low: { leadTime: 3 * H, handoffs: 2, darkTime: 3 * H },
    high: { leadTime: 6 * H, handoffs: 2, darkTime: 6 * H },
  },
  {
    rule: 'parallelize',
    why: 'b (2h) then c (1h), which the map marks independent of b: at the same time, the slower takes 2h: 1h saved; the handoff b → c goes (moves to and from the customer are not handoffs)',
    yaml: map(`  - { id: a, name: A, actor: me, work: 10m, next: b }
  - { id: b, name: B, actor: back, work: 2h, next: c }
  - { id: c, name: C, actor: sys, work: 1h, independent: true, next: d }
  - { id: d, name: D, actor: me, work: 10m }`),
    steps: ['b', 'c'],
    saving: { leadTime: H, handoffs: 1 },
  },
  {
    rule: 'fix-fail-point',
    why: '10% give up at check: LT 1h + 1h + 0.9 × 1h + 0.1 × 30m = 2.95h, success 90%; fixed, all go on: LT 3h (3 minutes longer, as more customers finish), success 100%',
    yaml: map(`  - { id: a, name: A, actor: me, work: 1h, next: check }
  - { id: check, name: Check, actor: back, work: 1h, fails: Form rejected, next: [{ to: done, chance: 90% }, { to: give-up, chance: 10% }] }
  - { id: done, name: Done, actor: me, work: 1h }
  - { id: give-up, name: Give up, actor: me, work: 30m, outcome: failure }`),
    steps: ['check'],
    saving: { leadTime: -3 * 60, customerEffort: -3 * 60, successRate: 1 - 0.9 },
  },
];

describe('opportunity rules on small maps, savings worked out by hand', () => {
  it('covers every rule', () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  for (const c of CASES) {
    it(`${c.rule}: ${c.why}`, () => {
      const list = found(c.rule, c.yaml);
      expect(list).toHaveLength(1);
      expect(list[0]!.opportunity.steps).toEqual(c.steps);
      const [r] = list;
      const sized = RULES.find((x) => x.id === c.rule)!.size !== 'none';
      // A change made or not is the same at every size; a sized one names its range.
      expect(r!.sizes.length > 0).toBe(sized);
      expect(Boolean(c.low && c.high)).toBe(sized);
      for (const [saving, expected] of [
        [r!.saving, c.saving],
        [r!.low.saving, c.low ?? c.saving],
        [r!.high.saving, c.high ?? c.saving],
      ] as const)
        for (const [key, value] of Object.entries({ ...ZERO, ...expected }))
          expect(saving[key as keyof Figures], key).toBeCloseTo(value, 9);
    });
  }

  it('finds nothing in a map without the problem', () => {
    const clean = map(`  - { id: a, name: A, actor: me, channel: web, work: 1h, next: b }
  - { id: b, name: B, actor: desk, channel: web, work: 1h, value: customer, tells: [answer] }`);
    expect(considered(opportunities(analyzeExact(mapOf(clean))))).toEqual([]);
  });

  it('prevent-rework closes only the ways round a loop at a step that can also leave it', () => {
    // A late loop (d back to b) goes back before a choice between two ways forward (b to c1 or c2): that choice is
    // a branch inside the loop, not rework. Closing it cut the only way forward (+Infinity d, -100 pts).
    const late = map(`  - { id: a, name: A, actor: me, work: 1h, next: b }
  - { id: b, name: B, actor: back, work: 1h, next: [{ to: c1, chance: 60% }, { to: c2, chance: 40% }] }
  - { id: c1, name: C1, actor: back, work: 1h, next: d }
  - { id: c2, name: C2, actor: ops, work: 1h, next: d }
  - { id: d, name: D, actor: back, work: 1h, next: [{ to: b, chance: 20% }, { to: e, chance: 80% }] }
  - { id: e, name: E, actor: me, work: 1h }`);
    const list = found('prevent-rework', late);
    expect(list.map((o) => o.changes[0]!.title)).toEqual([
      'Get it right first time at `d`: fewer than 20% back through `b`',
    ]);
    // b, c and d are passed 1 / 0.8 = 1.25 times; with 5% going back (the middle of cutting 50-100% of the 20%),
    // 1 / 0.95 = 20/19 times: (1.25 − 20/19) × 3h = 45/76 h saved; the success rate stays 100%.
    expect(list[0]!.saving.leadTime).toBeCloseTo((45 / 76) * H, 9);
    expect(list[0]!.saving.successRate).toBe(0);
  });

  it('remove-waste keeps a waste step that is a whole branch of parallel work (the split would lead to its join)', () => {
    const parallel = map(`  - { id: a, name: A, actor: me, work: 1h, next: { all: [b, c] } }
  - { id: b, name: B, actor: back, wait: 1d, work: 1h, value: waste, next: d }
  - { id: c, name: C, actor: ops, work: 1h, value: waste, next: c2 }
  - { id: c2, name: C2, actor: ops, work: 1h, next: d }
  - { id: d, name: D, actor: me, work: 1h }`);
    // b is the whole of its branch; c starts a branch of two steps, and can go (c2 then starts it).
    expect(found('remove-waste', parallel).map((o) => o.changes[0]!.title)).toEqual(['Remove `c` (C)']);
  });
});

describe('changes made together', () => {
  it('leaves out a change that sets what a better one sets, and says which', () => {
    const yaml = CASES.find((c) => c.rule === 'merge-handoffs')!.yaml;
    const analysis = analyzeExact(mapOf(yaml));
    // Both set the waits of c and d: cut-wait cuts each by 37.5% (1.5h and 45m), merge-handoffs cuts the 6h of queues
    // by 75% (4.5h saved) and takes 2 handoffs away.
    const result = improve(analysis, loadText(yaml, 'test.cxmap.yaml').source!, 'test.cxmap.yaml', [
      'cut-wait',
      'merge-handoffs',
    ]);
    expect(result.changes.map((c) => c.opportunity.id)).toEqual(['merge-handoffs:b+c+d']);
    expect(result.left.map((l) => [l.ranked.opportunity.id, l.because])).toEqual([
      ...['cut-wait:c', 'cut-wait:d'].map((id) => [
        id,
        'One owner for `b` → `c` → `d` (merge-handoffs:b+c+d) changes the same thing, and ranks higher',
      ]),
    ]);
    expect('result' in result && result.result.saving.leadTime).toBe(4.5 * H);
  });
});

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'];
/**
 * The changes whose to-be map the writer rounds: prevent-rework makes the way back 75% smaller (the middle of its
 * size) and spreads the difference over the other ways in proportion. underwrite is 80% approved, 12% back with
 * questions, 8% declined: 3% back leaves 97% to share as 80 : 8, 88.18% and 8.82%, written to a hundredth of a
 * percent; the other loops likewise, and the recommended changes of the home loan, which include them.
 */
const ROUNDED: Record<string, string[]> = {
  'home-loan': ['recommended', 'prevent-rework:check-complete+ask-missing', 'prevent-rework:underwrite+clarify'],
  'car-insurance-claim': ['prevent-rework:triage+ask-photos'],
  'broadband-installation': ['prevent-rework:visit+revisit'],
  'hospital-referral': ['prevent-rework:triage-referral+return-referral'],
};

describe('what-if savings are what re-scoring the written to-be map gives', () => {
  for (const name of EXAMPLES) {
    it(`${name}: every opportunity, one by one and all together`, () => {
      const file = `examples/${name}.cxmap.yaml`;
      const loaded = loadText(readFileSync(file, 'utf8'), file);
      const analysis = analyzeExact(loaded.map!);
      const list = considered(opportunities(analysis));
      // Each example gives at least 7 feasible opportunities, so that this test exercises most rules.
      expect(list.length).toBeGreaterThanOrEqual(7);
      const rounded: string[] = [];
      for (const id of ['recommended', ...list.map((o) => o.opportunity.id)]) {
        const result = improve(analysis, loaded.source!, file, [id]);
        // A change with no gain, or another way to make a better one, is left out: nothing to write.
        if (!('text' in result)) {
          expect(result.left.map((l) => l.ranked.opportunity.id)).toEqual([id]);
          continue;
        }
        const again = loadText(result.text, 'to-be.cxmap.yaml');
        expect(again.findings).toEqual([]);
        // The to-be map is written in the canonical form: it passes `cxmap fmt --check`.
        expect(formatMap(result.text), id).toBe(result.text);
        // Exactly, unless the writer rounded a value (a chance to a hundredth of a percent, a duration to the
        // minute): then to within 0.01% of each figure.
        const rescored = figuresOf(analyzeExact(again.map!));
        if (JSON.stringify(again.map!.steps) === JSON.stringify(result.map.steps))
          expect(rescored, id).toEqual(result.result.after);
        else {
          rounded.push(id);
          for (const [key, value] of Object.entries(result.result.after))
            expect(Math.abs(rescored[key as keyof Figures] - value), `${id} ${key}`).toBeLessThanOrEqual(
              1e-4 * Math.max(1, Math.abs(value)),
            );
        }
        // Each opportunity's figures, reported one by one, come from the same engine (ranked among its rule's own:
        // among all, a lever may be made at fewer places, where no better change touches them).
        if (id === 'recommended') continue;
        const rule = RULES.filter((r) => r.id === parseOpportunityId(id).rule);
        const own = considered(opportunities(analysis, rule)).find((o) => o.opportunity.id === id)!;
        expect(own.after).toEqual(result.result.after);
      }
      expect(rounded).toEqual(ROUNDED[name]);
    });
  }
});

describe('what a new user found wrong in the proposals', () => {
  it('prevent-rework counts the extra passes of a step most customers never reach (0.12, not 0.00)', () => {
    // Half the customers go through b and check; check sends 20% back to b: check is passed 0.5 / 0.8 = 0.625
    // times, 0.5 of them first passes: 0.125 extra passes per customer.
    const yaml =
      map(`  - { id: a, name: A, actor: me, work: 10m, next: [{ to: b, chance: 50% }, { to: d, chance: 50% }] }
  - { id: b, name: B, actor: back, work: 1h, next: check }
  - { id: check, name: Check, actor: ops, work: 30m, next: [{ to: b, chance: 20% }, { to: d, chance: 80% }] }
  - { id: d, name: D, actor: me, work: 10m }`);
    expect(found('prevent-rework', yaml)[0]!.changes[0]!.why).toBe(
      '20% of the work at `check` goes round again, 0.12 extra passes per customer',
    );
  });

  it('prevent-rework sends the loop’s customers where the others go: as many are refused after as before', () => {
    // check: 55% accepted, 25% back through fix, 20% refused. check is passed 1 / 0.75 = 4/3 times, fix 1/3:
    // accepted 0.55 × 4/3 = 11/15, refused 0.2 × 4/3 = 4/15.
    // LT = a 1h + check 4/3 × 1h + fix 1/3 × 3h + accept 11/15 × 30m + refuse 4/15 × 6.5h = 5.4333h.
    // Closed in proportion (55/75 = 73.33%, 20/75 = 26.67%), the same 11/15 and 4/15 end each way:
    // LT = 1h + 1h + 11/30 h + 26/15 h = 4.1h, 4/3 h saved; the success rate stays 11/15. The customer's own work:
    // 1h + 1/3 × 1h (fix) + 11/15 × 30m = 1.7h before, 1h + 11/30 h after: 1/3 h saved. Dark time (T = 1h): the
    // refusal's 6h wait comes after an hour of silence (check, or fix after check): all 6h dark, 4/15 × 6h = 1.6h
    // before and after. (Giving the 25% to the most likely way made it 80% / 20%: success 80%, LT 3.7h.)
    // That is the high end of the lever (the loop closed). At its middle the way back is 75% smaller, 6.25%, and the
    // 18.75% taken from it is shared 55 : 20: check is passed 16/15 times, fix 1/15; the same 11/15 and 4/15 end
    // each way; LT = 1h + 16/15 h + 1/15 × 3h + 11/30 h + 26/15 h = 4.3667h, 16/15 h saved.
    const yaml = map(`  - { id: a, name: A, actor: me, work: 1h, next: check }
  - { id: check, name: Check, actor: back, work: 1h, next: [{ to: accept, chance: 55% }, { to: fix, chance: 25% }, { to: refuse, chance: 20% }] }
  - { id: fix, name: Fix, actor: me, wait: 2h, work: 1h, next: check }
  - { id: accept, name: Accept, actor: me, work: 30m }
  - { id: refuse, name: Refuse, actor: back, wait: 6h, work: 30m, outcome: failure }`);
    const [rework] = found('prevent-rework', yaml);
    expect(rework!.opportunity.id).toBe('prevent-rework:check+fix');
    expect(rework!.before.leadTime).toBeCloseTo((1 + 4 / 3 + 1 + 11 / 30 + (4 / 15) * 6.5) * H, 9);
    const closed = rework!.high;
    expect(closed.after.leadTime).toBeCloseTo(4.1 * H, 9);
    expect(closed.saving.leadTime).toBeCloseTo((4 / 3) * H, 9);
    expect(rework!.before.successRate).toBeCloseTo(11 / 15, 12);
    expect(closed.after.successRate).toBeCloseTo(11 / 15, 12);
    expect(closed.saving.customerEffort).toBeCloseTo(H / 3, 9);
    expect(closed.after.darkTime).toBeCloseTo(1.6 * H, 9);
    expect(closed.saving.darkTime).toBeCloseTo(0, 9);
    expect(rework!.after.leadTime).toBeCloseTo((1 + 16 / 15 + 3 / 15 + 11 / 30 + 26 / 15) * H, 9);
    expect(rework!.saving.leadTime).toBeCloseTo((16 / 15) * H, 9);
    expect(rework!.after.successRate).toBeCloseTo(11 / 15, 12);
  });

  it('fix-fail-point counts the complaint call its failure causes (the cost is in the map)', () => {
    // 12% of the inspections go wrong and the customer calls to complain (30 m of their own work, waste).
    const yaml = map(`  - { id: a, name: A, actor: me, work: 10m, next: inspect }
  - { id: inspect, name: Inspect, actor: back, work: 1h, fails: Damage missed, next: [{ to: d, chance: 88% }, { to: complain, chance: 12% }] }
  - { id: complain, name: Call to complain, actor: me, channel: phone, work: 30m, value: waste, next: d }
  - { id: d, name: D, actor: me, work: 10m }`);
    const [fix] = found('fix-fail-point', yaml);
    expect(fix!.changes[0]!.why).toBe('it sends customers back, to a failure end or to waste through `complain`');
    expect(fix!.saving.customerEffort).toBeCloseTo(0.12 * 30 * 60, 9);
  });

  it('remove-waste leaves a rework step that leads straight back: removing it would make the review loop to itself', () => {
    const yaml = map(`  - { id: a, name: A, actor: me, work: 10m, next: review }
  - { id: review, name: Review, actor: back, work: 1h, next: [{ to: ask-photos, chance: 30% }, { to: d, chance: 70% }] }
  - { id: ask-photos, name: Ask for photos, actor: desk, channel: email, work: 10m, value: waste, next: review }
  - { id: d, name: D, actor: me, work: 10m }`);
    expect(found('remove-waste', yaml)).toEqual([]);
    expect(found('prevent-rework', yaml).map((e) => e.changes[0]!.title)).toEqual([
      'Get it right first time at `review`: fewer than 30% back through `ask-photos`',
    ]);
  });
});

describe("a change to another organisation's work", () => {
  // The old supplier bills the final account on a 28-day run; our billing team's first bill waits 10 days in a queue.
  const yaml = `cxmap: 1
process: { name: Switch, customer: Household, goal: Switched }
actors:
  me: { kind: customer, name: Household }
  billing: { kind: backstage, name: Billing team }
  old: { kind: support, name: Final billing, org: Old supplier }
steps:
  - { id: sign, name: Sign up, actor: me, channel: web, work: 10m, next: first-bill }
  - { id: first-bill, name: First bill, actor: billing, wait: 10d, work: 5m, next: final-run }
  - { id: final-run, name: Final bill run, actor: old, wait: 28d, waitKind: scheduled, work: 5m }
`;
  const ranking = opportunities(analyzeExact(mapOf(yaml)));
  const byId = (id: string) => ranking.ranked.find((r) => r.opportunity.id === id)!;

  it('names the organisation whose agreement it needs, takes effort 4 and is never recommended', () => {
    const offCycle = byId('off-cycle:final-run');
    expect(offCycle.needs).toEqual(['Old supplier']);
    expect(offCycle.opportunity.title).toMatch(/, with the agreement of Old supplier$/);
    expect([offCycle.effort, offCycle.effortFrom]).toEqual([4, 'rule']);
    expect(isRecommended(offCycle)).toBe(false);
    // Cutting the company's own queue is the company's to make.
    const cut = byId('cut-wait:first-bill');
    expect(cut.needs).toEqual([]);
    expect([cut.effort, isRecommended(cut)]).toEqual([3, true]);
  });

  it('improve --apply recommended leaves it out; named by its id, it is made', () => {
    const loaded = loadText(yaml, 'switch.cxmap.yaml');
    const analysis = analyzeExact(loaded.map!);
    const recommended = improve(analysis, loaded.source!, 'switch.cxmap.yaml', ['recommended']);
    expect('text' in recommended && recommended.changes.map((r) => r.opportunity.id)).toEqual([
      'cut-wait:first-bill',
      // The company's own update before the old supplier's run: ours to make.
      'keep-informed',
    ]);
    const named = improve(analysis, loaded.source!, 'switch.cxmap.yaml', ['off-cycle:final-run']);
    expect('text' in named && named.changes.map((r) => r.opportunity.id)).toEqual(['off-cycle:final-run']);
  });

  it("keeps the team's own estimate of the effort", () => {
    const estimated = opportunities(analyzeExact(mapOf(`${yaml}effort: { off-cycle: 2 }\n`)));
    const offCycle = estimated.ranked.find((r) => r.opportunity.id === 'off-cycle:final-run')!;
    expect([offCycle.effort, offCycle.effortFrom, isRecommended(offCycle)]).toEqual([2, 'map', false]);
  });
});

describe('a change that would trap customers', () => {
  it('fix-fail-point closes only the way back when every way out is rework or waste (the report once hung on it)', () => {
    // Both ways out of visit were taken as the fail point's doing: the revisit loop and a waste step. Closing the
    // waste step's way first gave the loop all of it, and visit led only round the loop, with no way to an end. The
    // fix takes away the revisits: everyone goes on to connect, visit is done once (1 h and 2 d + 1 h of revisit per
    // 10% / 90% = 1/9 extra pass: 2 d 2 h / 9 = 5 h 33 m 20 s saved).
    const yaml = map(`  - { id: a, name: A, actor: me, work: 10m, next: visit }
  - { id: visit, name: Visit, actor: back, work: 1h, fails: No access, next: [{ to: connect, chance: 90% }, { to: revisit, chance: 10% }] }
  - { id: revisit, name: Revisit, actor: back, wait: 2d, work: 1h, next: visit }
  - { id: connect, name: Connect, actor: back, work: 10m, value: waste, next: done }
  - { id: done, name: Done, actor: me, work: 5m }`);
    const [fix] = found('fix-fail-point', yaml);
    expect(fix!.map.steps.find((st) => st.id === 'visit')!.next).toEqual({
      kind: 'choice',
      choices: [{ to: 2, chance: 1 }],
    });
    expect(fix!.saving.leadTime).toBeCloseTo((2 * D + 2 * H) / 9, 6);
  });
});

describe("improve and the team's estimates of a step it removes", () => {
  const yaml = `${map(`  - { id: a, name: A, actor: me, work: 10m, next: route }
  - { id: route, name: Route the case, actor: back, wait: 1d, work: 5m, value: waste, next: done }
  - { id: done, name: Done, actor: me, work: 5m }`)}
effort:
  remove-waste:route: 1 # our guess
  cut-wait: 2
`;
  const written = (text: string) => {
    const loaded = loadText(text, 'p.cxmap.yaml');
    const result = improve(analyzeExact(loaded.map!), loaded.source!, 'p.cxmap.yaml', ['remove-waste:route']);
    return 'text' in result ? result.text : '';
  };

  it('drops the estimate named after the removed step, keeping the others (the to-be once did not load)', () => {
    const text = written(yaml);
    expect(text.endsWith('effort: { cut-wait: 2 }\n')).toBe(true);
    expect(loadText(text, 'to-be.cxmap.yaml').findings).toEqual([]);
  });

  it('says so where no estimate is left', () => {
    const text = written(yaml.replace('  cut-wait: 2\n', ''));
    expect(text.endsWith('# cxmap improve: removed `effort:` of `remove-waste:route`, whose step was removed\n')).toBe(
      true,
    );
    expect(loadText(text, 'to-be.cxmap.yaml').findings).toEqual([]);
  });
});

describe('prevent-rework and a way back with an exit of its own', () => {
  it('proposes nothing where closing the way would send customers who gave up on to the goal', () => {
    // 8% of switches meet an objection; of those, 70% settle and go round again, 30% give up. Before: 0.08 × 0.3 /
    // (1 − 0.08 × 0.7) = 2.54% give up. Closing the way to the objection would make it 0%: an invented outcome. Closing
    // the way back from the objection would make it 100% of those who meet one: another. Neither is rework.
    const yaml = map(`  - { id: sign, name: Sign up, actor: me, channel: web, work: 15m, next: register }
  - { id: register, name: Register, actor: sys, work: 1m, next: check }
  - { id: check, name: Check for objections, actor: back, wait: 2d, work: 1m, next: [{ to: switch, chance: 92% }, { to: objection, chance: 8% }] }
  - { id: objection, name: Tell of the objection, actor: call, channel: phone, work: 20m, next: [{ to: settle, chance: 70% }, { to: cancel, chance: 30% }] }
  - { id: settle, name: Settle the debt, actor: me, channel: phone, work: 25m, next: register }
  - { id: cancel, name: Cancel, actor: back, outcome: failure }
  - { id: switch, name: Switch, actor: back, work: 1m }`);
    expect(found('prevent-rework', yaml)).toEqual([]);
  });
});
