/** A portfolio's figures that need only the analysis: each team's load across journeys, and the lifecycle strip. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeSegments, stripJourney, teamLoads } from '../../src/analysis/index.js';
import { mapOf } from '../helpers/analyze.js';

const segmented = mapOf(readFileSync('test/fixtures/segments.cxmap.yaml', 'utf8'));

describe('teamLoads', () => {
  it("counts a map with segments once, from its segments' maps, each with its share of the volume", () => {
    const parts = analyzeSegments(segmented, { runs: 200 }).segments.map((s) => s.analysis);
    // `check` (clerk, 1 h, 60/h) and `decide` (advisor, 1 h, 80/h) are done once by every case of either segment:
    // clerk 1 h × (600 + 400) cases = 1,000 h, × 60 = 60,000; advisor 1 h × 1,000 = 1,000 h, × 80 = 80,000.
    // The customer's `apply` and `fix` are nobody's team's work.
    expect(teamLoads([parts])).toEqual([
      {
        actor: 'advisor',
        name: 'Loan advisor',
        party: 'staff',
        hours: 1000,
        cost: 80000,
        journeys: [{ journey: 0, hours: 1000 }],
      },
      {
        actor: 'clerk',
        name: 'Loan clerk',
        party: 'staff',
        hours: 1000,
        cost: 60000,
        journeys: [{ journey: 0, hours: 1000 }],
      },
    ]);
    // The same as the blend's staff hours a year (a sum over the segments): 2,000.
    const blend = analyzeSegments(segmented, { runs: 200 }).blend.yearlyStaffHours;
    expect(blend).toBe(2000);
  });

  it('adds up a team across journeys, leaves out a journey without a volume, and a cost it cannot give', () => {
    const noVolume = mapOf(readFileSync('test/fixtures/segments.cxmap.yaml', 'utf8').replace('  volume: 1000/y\n', ''));
    const uncosted = mapOf(
      readFileSync('test/fixtures/segments.cxmap.yaml', 'utf8')
        .replace(
          'segments:\n  first-time: { name: First-time buyer, share: 60% }\n  remortgage: { name: Re-mortgager, share: 40%, persona: remortgager }\n',
          '',
        )
        .replace(/ {4}for: .*\n/g, '')
        .replace(', for: { remortgage: 10% }', '')
        .replace(', for: { remortgage: 90% }', '')
        .replace(
          'clerk: { kind: backstage, name: Loan clerk, cost: 60/h }',
          'clerk: { kind: backstage, name: Loan clerk }',
        ),
    );
    const loads = teamLoads([[analyze(uncosted, { runs: 200 })], [analyze(noVolume, { runs: 200 })]]);
    expect(loads.map((t) => [t.actor, t.hours, t.cost ?? null, t.journeys])).toEqual([
      ['advisor', 1000, 80000, [{ journey: 0, hours: 1000 }]],
      ['clerk', 1000, null, [{ journey: 0, hours: 1000 }]],
    ]);
  });
});

describe('stripJourney', () => {
  it("gives each stage's worst feeling over every segment's way, where the journey starts and where it ends well", () => {
    const map = mapOf(
      readFileSync('test/fixtures/segments.cxmap.yaml', 'utf8')
        .replace('    value: waste\n', '    value: waste\n    feeling: -1\n')
        .replace(
          '    for: { remortgage: { wait: 1d } }\n',
          '    feeling: 0\n    for: { remortgage: { wait: 1d, feeling: -2 } }\n',
        ),
    );
    const parts = analyzeSegments(map, { runs: 200 }).segments.map((s) => s.analysis);
    // One stage, named after the process (the map lists none); the re-mortgager's -2 at `check` is the worst.
    expect(stripJourney(parts)).toEqual({
      stages: [{ stage: 'Apply for a loan', feeling: -2, at: 'Check the application' }],
      starts: 'Apply online',
      ends: ['Decide on the loan'],
    });
  });
});
