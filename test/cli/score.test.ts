import { describe, expect, it } from 'vitest';
import { cxmap } from '../helpers/cli.js';

describe('cxmap score', () => {
  it('prints the scorecard and the steps sorted by delay', () => {
    const result = cxmap(['score', 'test/fixtures/reference.cxmap.yaml']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Open a business account  test/fixtures/reference.cxmap.yaml');
    expect(lines).toContain('  Lead time       6.8 d  p50 6.3 d · p85 9.1 d · p95 11.7 d   target 5.0 d ✖ 1.8 d over');
    expect(lines).toContain('  Rolled %C&A     69.0%');
    expect(lines).toContain(
      '  Effort drivers  0.25 channel switches · 0.33 repeat contacts · 0 transfers · 1.80 handoffs · 0.33 items asked again · 1 rework loop',
    );
    expect(lines).toContain('  vs Neobank      2.0 d 3.4× as long');
    const table = lines.slice(lines.findIndex((l) => l.startsWith('  Step')) + 1).filter(Boolean);
    expect(table.map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'setup',
      'check',
      'reject',
      'fix',
      'decide',
      'apply',
      'done',
      'prepare',
      'contract',
    ]);
    expect(table[0]).toBe('  setup      47.2% █████·····     40  rethink     holds 47% of the lead time (waits 4.0 d)');
  });

  it("says once what a day is, gives every amount its currency, and the customers' time as time", () => {
    const lines = cxmap(['score', 'test/fixtures/reference.cxmap.yaml']).stdout.split('\n');
    expect(lines[2]).toBe('Days (d) are calendar days.');
    // Worked in docs/scoring.md: 191.60 a case, 229,920 a year; the owners' own work 52 m × 1,200 = 1,040 h, worth
    // 1,040 × 30 = 31,200 beside it.
    expect(lines).toContain('  Business case   EUR 191.60 to serve a case, 4.13 staff hours a case');
    expect(lines).toContain(
      "                  1,200 cases a year: cost EUR 229,920 · 4,960 staff hours · 8,130 customer days · 1,040 hours of the customers' own work, worth EUR 31,200",
    );
    // An 8-hour, 5-day calendar says so where its days are read.
    expect(cxmap(['score', 'examples/home-loan.cxmap.yaml']).stdout.split('\n')[2]).toBe(
      'Days (d) are working days of 8 hours, 5 a week.',
    );
  });

  it('shows the amounts of a map that names no currency bare, and says so; no money for customers unvalued', () => {
    // 100 cases a year; the desk's hour at 40: 40 a case, 4,000 a year; 100 staff hours; a lead time of 30 m + 1 h =
    // 1.5 h, 1.5 / 24 × 100 = 6.25 customer days; the customer's 30 m × 100 = 50 hours of their own work.
    const map = `cxmap: 1
process: { name: P, customer: C, goal: G, volume: 100/y }
actors:
  me: { kind: customer, name: Me }
  desk: { kind: frontstage, name: Desk, cost: 40/h }
steps:
  - { id: a, name: A, actor: me, work: 30m, next: b }
  - { id: b, name: B, actor: desk, work: 1h }
`;
    const text = cxmap(['score', '-'], { input: map });
    expect(text.status).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[2]).toBe(
      'Days (d) are calendar days. Currency not given in the map, so amounts are shown without one.',
    );
    expect(lines).toContain('  Business case   40 to serve a case, 1 staff hours a case');
    expect(lines).toContain(
      "                  100 cases a year: cost 4,000 · 100 staff hours · 6.25 customer days · 50 hours of the customers' own work",
    );
    const json = JSON.parse(cxmap(['score', '-', '--format', 'json'], { input: map }).stdout);
    expect(json.currency).toBeNull();
    expect(json.metrics.yearly).toEqual({
      staffHours: 100,
      partnerHours: null,
      partnerCost: null,
      systemHours: null,
      cost: 4000,
      customerDays: 6.25,
      customerHours: 50,
      customerCost: null,
    });
  });

  it('gives JSON with the documented keys, durations in seconds', () => {
    const result = cxmap(['score', 'test/fixtures/reference.cxmap.yaml', '--format', 'json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json.metrics)).toEqual([
      'leadTimeSeconds',
      'leadTimePercentiles',
      'simulatedMeanSeconds',
      'processTimeSeconds',
      'valueAddedSeconds',
      'waitTimeSeconds',
      'pce',
      'activityRatio',
      'waitShare',
      'rolledCA',
      'goalTimeSeconds',
      'successRate',
      'customerEffortSeconds',
      'darkTimeSeconds',
      'channelSwitches',
      'repeatContacts',
      'transfers',
      'handoffs',
      'reAsks',
      'reworkLoops',
      'expectedReworks',
      'contacts',
      'costPerCase',
      'staffHours',
      'partnerHours',
      'partnerCost',
      'systemHours',
      'yearly',
      'contactNames',
    ]);
    expect(json.metrics.leadTimeSeconds).toBe(585360);
    // What its days and its amounts are in.
    expect(json.calendar).toEqual({ daySeconds: 86400, weekSeconds: 604800, days: 'calendar' });
    expect(json.currency).toBe('EUR');
    expect(Object.keys(json.steps[0])).toEqual(
      expect.arrayContaining(['id', 'visits', 'criticality', 'delayShare', 'value', 'verdict', 'reasons']),
    );
  });

  it('is byte-identical from run to run, and changes with the seed', () => {
    const a = cxmap(['score', 'examples/home-loan.cxmap.yaml', '--format', 'json']).stdout;
    const b = cxmap(['score', 'examples/home-loan.cxmap.yaml', '--format', 'json']).stdout;
    const c = cxmap(['score', 'examples/home-loan.cxmap.yaml', '--format', 'json', '--seed', '9']).stdout;
    expect(a).toBe(b);
    expect(JSON.parse(c).metrics.leadTimePercentiles).not.toEqual(JSON.parse(a).metrics.leadTimePercentiles);
  });

  it('gives an invalid map the findings and exit code of validate, and scores nothing', () => {
    const broken =
      'cxmap: 1\nprocess: { name: P, customer: C, goal: G }\nactors: { me: { kind: customer, name: Me } }\nsteps:\n  - id: a\n    name: A\n    actor: you\n';
    const score = cxmap(['score', '-'], { input: broken });
    const validate = cxmap(['validate', '-'], { input: broken });
    expect(score.status).toBe(1);
    expect(score.stdout).toBe(validate.stdout);
    expect(score.stdout).toContain('unknown-actor');
  });

  it('refuses a bad --runs with one line, exit 2', () => {
    const result = cxmap(['score', 'examples/home-loan.cxmap.yaml', '--runs', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('cxmap: --runs takes a whole number from 1 to 10,000,000, not 0\n');
  });

  it('outputs an array for several maps', () => {
    const result = cxmap([
      'score',
      'examples/home-loan.cxmap.yaml',
      'examples/hospital-referral.cxmap.yaml',
      '--format',
      'json',
      '--runs',
      '500',
    ]);
    expect(JSON.parse(result.stdout).map((r: { process: { name: string } }) => r.process.name)).toEqual([
      'Apply for a home loan',
      'Get a specialist diagnosis after a GP referral',
    ]);
  });
});

describe('cxmap score --format json: what a consultant signs', () => {
  // 1,000 switches a year, in GBP. Our billing team works 30 m at 40 an hour after an 8-day queue; the billing system
  // prints the bill in 6 m; the old supplier's final billing (another organisation) works 1 h at 30 an hour after its
  // 28-day run.
  const map = `cxmap: 1
process: { name: Switch, customer: Household, goal: Switched, currency: GBP, volume: 1000/y }
actors:
  me: { kind: customer, name: Household }
  billing: { kind: backstage, name: Billing team, cost: 40/h }
  crm: { kind: support, name: Billing system, type: system, cost: 0/h }
  old: { kind: support, name: Final billing, org: Old supplier, cost: 30/h }
steps:
  - { id: sign, name: Sign up, actor: me, channel: web, work: 10m, next: first-bill }
  - { id: first-bill, name: First bill, actor: billing, wait: 8d, work: 30m, next: print }
  - { id: print, name: Print the bill, actor: crm, work: 6m, next: final-run }
  - { id: final-run, name: Final bill run, actor: old, wait: 28d, waitKind: scheduled, work: 1h }
`;
  const json = JSON.parse(cxmap(['score', '-', '--format', 'json'], { input: map }).stdout);

  it('names the currency, and counts partners and systems apart from staff', () => {
    expect(json.currency).toBe('GBP');
    // Staff: the billing team's 0.5 h; system: 0.1 h; partner: 1 h at 30. Cost to serve: 20 + 0 + 30 = 50.
    expect(json.metrics).toMatchObject({
      staffHours: 0.5,
      systemHours: 0.1,
      partnerHours: 1,
      partnerCost: 30,
      costPerCase: 50,
    });
    expect(json.metrics.yearly).toMatchObject({ staffHours: 500, systemHours: 100, partnerHours: 1000, cost: 50000 });
  });

  it('gives every saving as { low, mid, high } with the assumption beside it, and the one-off cost of capacity', () => {
    const cut = json.opportunities.find((o: { id: string }) => o.id === 'cut-wait:first-bill');
    // The 8-day queue cut by 25%, 37.5% and 50%: 2, 3 and 4 days.
    expect(cut.saving.leadTime).toEqual({ low: 2 * 86400, mid: 3 * 86400, high: 4 * 86400 });
    expect(cut.yearly.customerDays).toEqual({ low: 2000, mid: 3000, high: 4000 });
    expect(cut.assumption).toBe(
      'the wait before `first-bill` (8.0 d) cut by 25-50% (assumed; set `levers:` in the map)',
    );
    // Little's law: 1,000 cases a year arrive at 1,000 / 365 a day, so 8 days hold 21.918 cases; clearing 25-50% of
    // them once, at 30 m of the team's time at 40 an hour each (20 a case): 109.589, 164.384, 219.178.
    expect(cut.oneOffCost).toEqual({ low: 109.589, mid: 164.384, high: 219.178 });
    expect([cut.needs, cut.recommended]).toEqual([[], true]);
    // The old supplier's run is not the company's to change alone.
    const offCycle = json.opportunities.find((o: { id: string }) => o.id === 'off-cycle:final-run');
    expect([offCycle.needs, offCycle.recommended, offCycle.effort]).toEqual([['Old supplier'], false, 4]);
  });
});

describe('what a change saves a year, and whose cost it is', () => {
  // 1,000 disputes a year. The old supplier (another organisation) investigates: 45 m at 40 an hour a pass; 25% of
  // the photos are unclear and the customer sends another (back round the loop). Investigate is passed 4/3 times.
  const map = `cxmap: 1
process: { name: Dispute, customer: Household, goal: A fair bill, currency: GBP, volume: 1000/y }
actors:
  me: { kind: customer, name: Household }
  agent: { kind: frontstage, name: Our agent, cost: 30/h }
  old: { kind: support, name: Old supplier's disputes team, org: Old supplier, cost: 40/h }
steps:
  - { id: raise, name: Raise the dispute, actor: agent, channel: phone, work: 20m, next: photo }
  - { id: photo, name: Send a meter photo, actor: me, channel: email, work: 10m, next: investigate }
  - { id: investigate, name: Investigate, actor: old, wait: 10d, work: 45m, next: [{ to: done, chance: 75% }, { to: photo, chance: 25% }] }
  - { id: done, name: Corrected bill, actor: old, channel: mail, work: 15m, tells: [corrected bill] }
`;
  it("puts a saving of another organisation's work under partners' cost, not the company's", () => {
    const json = JSON.parse(cxmap(['score', '-', '--format', 'json'], { input: map }).stdout);
    const rework = json.opportunities.find((o: { id: string }) => o.id === 'prevent-rework:investigate+photo');
    // A pass of investigate costs 45 m at 40 = 30. The way back cut by 50%, 75% and 100% (to 12.5%, 6.25%, 0%):
    // 1 / (1 − t) passes instead of 4/3, so 4/3 − 8/7 = 4/21, 4/3 − 16/15 = 4/15 and 1/3 of a pass fewer a case:
    // 5,714.286, 8,000 and 10,000 a year over 1,000 cases; none of it the company's own.
    const partners = { low: 5714.286, mid: 8000, high: 10000 };
    expect(rework.yearly.partnerCost).toEqual(partners);
    expect(rework.yearly.ownCost).toEqual({ low: 0, mid: 0, high: 0 });
    expect(rework.yearly.cost).toEqual(partners);
    expect(rework.needs).toEqual(['Old supplier']);
  });
});

describe('cxmap score, a map with segments', () => {
  // The hand-worked example of docs/scoring.md, "Segments".
  const FILE = 'test/fixtures/segments.cxmap.yaml';

  it('prints a column per segment beside the blend, in place of the figures of the map as written', () => {
    const result = cxmap(['score', FILE, '--runs', '2000']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[4]).toBe('  Segments                           Blend  First-time buyer (60.0%)  Re-mortgager (40.0%)');
    expect(lines).toContain(
      '  Lead time                          1.9 d                     2.4 d                 1.2 d',
    );
    expect(lines).toContain(
      '  PCE                                 2.1%                      1.7%                  3.4%',
    );
    expect(lines).toContain(
      '  Lead time to the goal              1.9 d                     2.4 d                 1.2 d',
    );
    expect(lines).toContain(
      '  Rework loops                           –                         0                     0',
    );
    expect(lines).toContain(
      '  Cost a year                  EUR 140,000                EUR 84,000            EUR 56,000',
    );
    expect(lines).toContain('  Steps as the map writes them, before what differs for each segment:');
    // The rows of the map as written (its process time with the activity ratio beside it) are not shown.
    expect(result.stdout).not.toContain('activity ratio');
  });

  it('gives the blended figures under metrics and each segment beside them in the JSON', () => {
    const json = JSON.parse(cxmap(['score', FILE, '--runs', '2000', '--format', 'json']).stdout);
    // 0.6 x 58.35h + 0.4 x 29.45h = 46.79h = 168,444 s; PCE 1h / 46.79h.
    expect(json.metrics.leadTimeSeconds).toBe(168_444);
    expect(json.metrics.pce).toBe(0.021372);
    expect(json.metrics.leadTimePercentiles).toEqual({ p50: 183_600, p85: 271_800, p95: 271_800 });
    expect(json.metrics.contacts).toBeUndefined();
    expect(
      json.segments.map(
        (s: {
          id: string;
          name: string;
          share: number;
          persona: string | null;
          metrics: { leadTimeSeconds: number };
        }) => [s.id, s.name, s.share, s.persona, s.metrics.leadTimeSeconds],
      ),
    ).toEqual([
      ['first-time', 'First-time buyer', 0.6, null, 210_060],
      ['remortgage', 'Re-mortgager', 0.4, 'remortgager', 106_020],
    ]);
  });

  it('leaves the JSON of a map without segments as it was', () => {
    const json = JSON.parse(cxmap(['score', 'test/fixtures/reference.cxmap.yaml', '--format', 'json']).stdout);
    expect(json.segments).toBeUndefined();
    expect(json.metrics.contactNames).toBeDefined();
  });
});
