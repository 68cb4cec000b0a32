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
