/** Writing a changed map back into its YAML text: values rounded to what the format reads back exactly. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeWay, copyMap, rewrite, tidy, writesAlike } from '../../src/model/index.js';
import { loadText, type ProcessMap } from '../../src/load/index.js';

const YAML = `cxmap: 1
process: { name: Dispute, customer: Customer, goal: A bill they agree with, calendar: { day: 8h, week: 5d } }
actors:
  me: { kind: customer, name: Customer }
  team: { kind: backstage, name: Disputes team }
steps:
  - id: report
    name: Report the wrong bill
    actor: me
    channel: web
    work: 10m
    next: investigate
  - id: investigate
    name: Investigate the dispute
    actor: team
    wait: { queue: 100, rate: 7/h }
    work: 1h
    ca: 95%
    next:
      - { to: corrected, chance: 60%, label: reading wrong }
      - { to: photo, chance: 30%, label: photo unclear }
      - { to: upheld, chance: 10%, label: bill upheld }
  - id: photo
    name: Send a clearer photo
    actor: me
    channel: web
    work: 10m
    next: investigate
  - { id: corrected, name: Corrected bill, actor: team, tells: [new bill] }
  - { id: upheld, name: Bill upheld, actor: team, tells: [decision], outcome: failure }
`;

function loaded(yaml = YAML) {
  const l = loadText(yaml, 'dispute.cxmap.yaml');
  if (!l.map || !l.source) throw new Error(JSON.stringify(l.findings));
  return { map: l.map, source: l.source };
}

describe('values written into a to-be map', () => {
  it('are rounded to what the format reads back: 85.71%, not 0.8571428571428572; 7.15h, not 25714.285714285714s', () => {
    const { map, source } = loaded();
    const after = copyMap(map);
    const investigate = after.steps[1]!;
    // 100 cases at 7 an hour: 14.2857 h; halved, 7.142857 h = 25,714.29 s, written to the minute: 7 h 9 m, 7.15h. Closing
    // the 30% spreads it 60 : 10: 6/7 = 85.714...% and 1/7 = 14.285...%, written 85.71% and 14.29% (100.00% in all).
    investigate.wait = { kind: 'fixed', value: (100 / 7) * 3600 * 0.5 };
    closeWay(investigate, 2);
    const text = rewrite(source, map, tidy(after), new Map(), []);
    expect(text).toBe(`cxmap: 1
process: { name: Dispute, customer: Customer, goal: A bill they agree with, calendar: { day: 8h, week: 5d } }
actors:
  me: { kind: customer, name: Customer }
  team: { kind: backstage, name: Disputes team }
steps:
  - id: report
    name: Report the wrong bill
    actor: me
    channel: web
    work: 10m
    next: investigate
  # cxmap improve: wait, next changed
  - id: investigate
    name: Investigate the dispute
    actor: team
    wait: 7.15h
    work: 1h
    ca: 95%
    next:
      - { to: corrected, chance: 85.71%, label: reading wrong }
      - { to: upheld, chance: 14.29%, label: bill upheld }
  # cxmap improve: removed step \`photo\` (Send a clearer photo)
  - { id: corrected, name: Corrected bill, actor: team, tells: [new bill] }
  - { id: upheld, name: Bill upheld, actor: team, tells: [decision], outcome: failure }
`);
    const back = loaded(text).map.steps[1]!;
    expect(back.wait).toEqual({ kind: 'fixed', value: 7 * 3600 + 9 * 60 });
    expect(back.next).toEqual({
      kind: 'choice',
      choices: [
        { to: 2, chance: 0.8571, label: 'reading wrong' },
        { to: 3, chance: 0.1429, label: 'bill upheld' },
      ],
    });
  });

  it('writes a chance that float arithmetic left a hair off a round figure as the round figure: 90%', () => {
    const { map, source } = loaded();
    const after = copyMap(map);
    // 60% + 30% is 0.8999999999999999 in floating point.
    after.steps[1]!.next = {
      kind: 'choice',
      choices: [
        { to: 3, chance: 0.6 + 0.3, label: 'reading wrong' },
        { to: 4, chance: 0.1, label: 'bill upheld' },
      ],
    };
    after.steps[1]!.ca = 0.6 + 0.3;
    const text = rewrite(source, map, after, new Map(), []);
    expect(text).toContain('    ca: 90%\n');
    expect(text).toContain('      - { to: corrected, chance: 90%, label: reading wrong }\n');
    expect(text).not.toContain('0.8999999999999999');
  });

  it('rounds the chances of a choice together, so that they still add up to 100%: 33.34% + 33.33% + 33.33%', () => {
    const { map, source } = loaded();
    const after = copyMap(map);
    const third = 1 / 3;
    after.steps[1]!.next = {
      kind: 'choice',
      choices: [
        { to: 3, chance: third },
        { to: 2, chance: third },
        { to: 4, chance: third },
      ],
    };
    const text = rewrite(source, map, after, new Map(), []);
    expect(text).toContain(
      '      - { to: corrected, chance: 33.34% }\n      - { to: photo, chance: 33.33% }\n      - { to: upheld, chance: 33.33% }\n',
    );
    expect(loadText(text, 'x.cxmap.yaml').findings).toEqual([]);
  });

  it('reads back every chance, %C&A and duration to the value the engine used, within the rounding', () => {
    // Chances to a hundredth of a percent (the hundredths a choice's rounding moves included), %C&A to half of one;
    // durations of an hour or more to the half minute, of a minute or more to the half second, else to 0.005 s.
    const { map, source } = loaded();
    const calendars = [map.process.calendar, { day: 86_400, week: 7 * 86_400 }];
    const seconds = fc.oneof(
      fc.double({ min: 0.001, max: 59.999, noNaN: true }),
      fc.double({ min: 60, max: 3600, noNaN: true }),
      fc.double({ min: 3600, max: 5 * 365 * 86_400, noNaN: true }),
    );
    const weights = fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(
        seconds,
        seconds,
        weights,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(1),
        (wait, work, w, ca, c) => {
          const before: ProcessMap = { ...map, process: { ...map.process, calendar: calendars[c]! } };
          const after = copyMap(before);
          const step = after.steps[1]!;
          step.wait = { kind: 'fixed', value: wait };
          step.work = { kind: 'fixed', value: work };
          step.ca = ca;
          const total = w.reduce((a, b) => a + b, 0);
          const shares = w.map((x) => x / total);
          step.next = { kind: 'choice', choices: [3, 2, 4].map((to, k) => ({ to, chance: shares[k]! })) };
          const text = rewrite(source, before, after, new Map(), []);
          const yaml =
            calendars[c] === map.process.calendar ? text : text.replace(', calendar: { day: 8h, week: 5d }', '');
          const back = loadText(yaml, 'back.cxmap.yaml');
          expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
          const read = back.map!.steps[1]!;
          const within = (x: number) => (x >= 3600 ? 30 : x >= 60 ? 0.5 : 0.005) + 1e-9 * x;
          for (const [key, value] of [
            ['wait', wait],
            ['work', work],
          ] as const) {
            const d = read[key];
            expect(d.kind).toBe('fixed');
            if (d.kind === 'fixed') expect(Math.abs(d.value - value)).toBeLessThanOrEqual(within(value));
          }
          expect(Math.abs(read.ca - ca)).toBeLessThanOrEqual(0.00005 + 1e-12);
          const chances = read.next.kind === 'choice' ? read.next.choices.map((x) => x.chance) : [];
          expect(chances).toHaveLength(3);
          chances.forEach((x, k) => expect(Math.abs(x - shares[k]!)).toBeLessThan(0.0001 + 1e-12));
          // Written as the format writes them: percents with at most two decimals, durations in units.
          expect(text).not.toMatch(/\d\.\d{3,}|\d{6,}s/);
          // And `improve` recognises what it wrote.
          expect(writesAlike({ ...back.map!, process: before.process }, after)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 25 },
    );
  });
});

describe('the comments of a value improve replaces', () => {
  const AS_IS = `cxmap: 1
process: { name: Dispute, customer: Customer, goal: A bill they agree with, calendar: { day: 8h, week: 5d } }
actors:
  me: { kind: customer, name: Customer }
  team: { kind: backstage, name: Disputes team }
steps:
  # --- the customer reports ---------------
  - id: report
    name: Report the wrong bill   # in their words
    actor: me
    channel: web
    work: 10m
    next: investigate
  - id: investigate
    name: Investigate the dispute
    actor: team
    # measured in March
    # cxmap-disable-next-line max-dark-time -- the regulator's own deadline
    wait: { queue: 40, rate: 10/d } # 4 working days in the queue
    work: 1h   # hands-on time
    asks:
      - meter reading
      - photo # of the meter
    next:
      # what the team finds
      - { to: corrected, chance: 60%, label: reading wrong }   # most of them
      - { to: photo, chance: 30%, label: photo unclear }
      - { to: upheld, chance: 10%, label: bill upheld } # goes to the ombudsman
  - id: photo
    name: Send a clearer photo
    actor: me
    channel: web
    work: 10m
    next: investigate
  - { id: corrected, name: Corrected bill, actor: team, tells: [new bill] }   # the goal
  - { id: upheld, name: Bill upheld, actor: team, tells: [decision], outcome: failure }
`;

  it('go with it: the comment after it and the comment lines above its key; every other comment stays', () => {
    const { map, source } = loaded(AS_IS);
    const after = copyMap(map);
    // The queue of 40 at 10 a day (4 working days) cut to 2 days; the way back for a clearer photo closed; the
    // corrected bill also tells the refund.
    after.steps[1]!.wait = { kind: 'fixed', value: 2 * 8 * 3600 };
    closeWay(after.steps[1]!, 2);
    after.steps[3]!.tells = ['new bill', 'refund'];
    expect(rewrite(source, map, tidy(after), new Map(), [])).toBe(`cxmap: 1
process: { name: Dispute, customer: Customer, goal: A bill they agree with, calendar: { day: 8h, week: 5d } }
actors:
  me: { kind: customer, name: Customer }
  team: { kind: backstage, name: Disputes team }
steps:
  # --- the customer reports ---------------
  - id: report
    name: Report the wrong bill   # in their words
    actor: me
    channel: web
    work: 10m
    next: investigate
  # cxmap improve: wait, next changed
  - id: investigate
    name: Investigate the dispute
    actor: team
    # cxmap-disable-next-line max-dark-time -- the regulator's own deadline
    wait: 2d
    work: 1h   # hands-on time
    asks:
      - meter reading
      - photo # of the meter
    next:
      - { to: corrected, chance: 85.71%, label: reading wrong }
      - { to: upheld, chance: 14.29%, label: bill upheld }
  # cxmap improve: removed step \`photo\` (Send a clearer photo)
  # cxmap improve: tells changed
  - { id: corrected, name: Corrected bill, actor: team, tells: [new bill, refund] }   # the goal
  - { id: upheld, name: Bill upheld, actor: team, tells: [decision], outcome: failure }
`);
  });
});
