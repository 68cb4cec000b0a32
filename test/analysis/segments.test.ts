/**
 * Segments: each segment's map, and the blend. The hand-worked example is docs/scoring.md, "Segments"
 * (test/fixtures/segments.cxmap.yaml): first-time buyers (60%) wait 2d at the check and 30% of them send what is
 * missing; re-mortgagers (40%) wait 1d and 10% of them do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, analyzeSegments, METRICS, metric, mixedSimulation, segmentMap } from '../../src/analysis/index.js';
import { mapOf, HOUR } from '../helpers/analyze.js';

const EXAMPLE = readFileSync(new URL('../fixtures/segments.cxmap.yaml', import.meta.url), 'utf8');
const DAY = 24 * HOUR;
const RUNS = { runs: 2000 };

describe('the hand-worked example of docs/scoring.md', () => {
  const map = mapOf(EXAMPLE);
  const { segments, blend } = analyzeSegments(map, RUNS);
  const [first, remortgage] = segments.map((s) => s.analysis);

  it("computes each segment on its own map: the segment's wait and chances, and its share of the volume", () => {
    // First-time: apply 1h + check (2d + 1h) + 30% x fix (1d + 30m) + decide 1h = 51h + 7.35h = 58.35h.
    expect(first!.time.leadTime).toBeCloseTo(58.35 * HOUR, 6);
    // Re-mortgage: 1h + (1d + 1h) + 10% x (1d + 30m) + 1h = 27h + 2.45h = 29.45h.
    expect(remortgage!.time.leadTime).toBeCloseTo(29.45 * HOUR, 6);
    expect(first!.map.process.volume).toBe(600);
    expect(remortgage!.map.process.volume).toBe(400);
    // Each is the map as written with its own figures, analysed like any map.
    const one = (id: string) => analyze(segmentMap(map, id), RUNS);
    expect(one('first-time').time).toEqual(first!.time);
    expect(one('remortgage').effort).toEqual(remortgage!.effort);
  });

  it('blends every figure as docs/scoring.md works it out by hand', () => {
    expect(blend.leadTime).toBeCloseTo(46.79 * HOUR, 6); // 0.6 x 58.35 + 0.4 x 29.45
    expect(blend.processTime).toBeCloseTo(3.11 * HOUR, 6); // 0.6 x 3.15 + 0.4 x 3.05
    expect(blend.valueAdded).toBeCloseTo(HOUR, 6);
    expect(blend.waitTime).toBeCloseTo(43.68 * HOUR, 6); // 0.6 x 55.2 + 0.4 x 26.4
    expect(blend.pce).toBeCloseTo(1 / 46.79, 12); // 2.14%, not 0.6 x 1.71% + 0.4 x 3.40% = 2.39%
    expect(blend.activityRatio).toBeCloseTo(3.11 / 46.79, 12);
    expect(blend.waitShare).toBeCloseTo(43.68 / 46.79, 12);
    expect(blend.successRate).toBeCloseTo(1, 12);
    expect(blend.darkTime).toBe(0);
    expect(blend.customerEffort).toBeCloseTo(1.11 * HOUR, 6); // 0.6 x 1h 9m + 0.4 x 1h 3m
    expect(blend.repeatContacts).toBeCloseTo(0.22, 12); // 0.6 x 0.3 + 0.4 x 0.1
    expect(blend.handoffs).toBeCloseTo(0.78, 12); // 0.6 x 0.7 + 0.4 x 0.9
    expect(blend.costPerCase).toBeCloseTo(140, 9);
    expect(blend.staffHours).toBeCloseTo(2, 9);
    // Yearly: each segment's own cases, summed.
    expect(blend.yearlyCost).toBeCloseTo(140_000, 6); // 600 x 140 + 400 x 140
    expect(blend.yearlyCustomerDays).toBeCloseTo(1949.583333, 5); // 600 x 2.43125 + 400 x 1.227083
    expect(blend.yearlyCustomerHours).toBeCloseTo(1110, 6); // 600 x 1.15 + 400 x 1.05
    // Counts of distinct things and the time to the goal are per segment only.
    expect(blend.contacts).toBeUndefined();
    expect(blend.reworkLoops).toBeUndefined();
    // Every case reaches the goal: the time to it is the lead time.
    expect(blend.goalTime).toBeCloseTo(46.79 * HOUR, 6);
  });

  it('takes the percentiles from the mixed simulation, not an average of percentiles', () => {
    // Mixed lead times: 27h (0.4 x 0.9 = 36%), 51h (0.6 x 0.7 = 42%), 51.5h (4%), 75.5h (18%): cumulative 36%, 78%,
    // 82%, 100%. So p50 = 51h, p85 = p95 = 75.5h; averaging would give p50 = 0.6 x 51h + 0.4 x 27h = 41.4h.
    expect([blend.p50, blend.p85, blend.p95]).toEqual([51 * HOUR, 75.5 * HOUR, 75.5 * HOUR]);
    expect(analyzeSegments(map, RUNS).blend).toEqual(blend);
  });

  it('draws each run of the mixed simulation by share', () => {
    // Two maps of fixed lead times 1h and 3h, 25% / 75%: the mean is 0.25 x 1h + 0.75 x 3h = 2.5h, within sampling.
    const fixed = (work: string) =>
      mapOf(`cxmap: 1
process: { name: P, customer: C, goal: G }
actors: { me: { kind: customer, name: Me } }
steps:
  - { id: a, name: A, actor: me, work: ${work} }
`);
    const mixed = mixedSimulation([fixed('1h'), fixed('3h')], [0.25, 0.75], { runs: 20_000 });
    expect(mixed.mean / HOUR).toBeGreaterThan(2.48);
    expect(mixed.mean / HOUR).toBeLessThan(2.52);
    expect(mixed.p50).toBe(3 * HOUR);
  });
});

describe('the lead time to the goal', () => {
  it('weighs each segment by its share times its chance of reaching the goal', () => {
    // A: 1h + 2h = 3h for the 50% who are accepted. B waits 3h more and is always accepted: 6h. Blend over the cases
    // that reach the goal: (0.5 x 0.5 x 3h + 0.5 x 1 x 6h) / (0.5 x 0.5 + 0.5 x 1) = 3.75 / 0.75 = 5h, not 4.5h.
    const map = mapOf(`cxmap: 1
process: { name: P, customer: C, goal: G }
actors: { me: { kind: customer, name: Me }, desk: { kind: frontstage, name: Desk } }
segments: { a: { name: A, share: 50% }, b: { name: B, share: 50% } }
steps:
  - id: ask
    name: Ask
    actor: me
    work: 1h
    for: { b: { wait: 3h } }
    next:
      - { to: yes, chance: 50%, for: { b: 100% } }
      - { to: no, chance: 50%, for: { b: 0% } }
  - { id: yes, name: Yes, actor: desk, work: 2h }
  - { id: no, name: No, actor: desk, outcome: failure }
`);
    const { segments, blend } = analyzeSegments(map, { runs: 100 });
    expect(segments.map((s) => [s.analysis.time.goal.reached, s.analysis.time.goal.mean / HOUR])).toEqual([
      [0.5, 3],
      [1, 6],
    ]);
    expect(blend.goalTime).toBeCloseTo(5 * HOUR, 6);
  });
});

describe("a segment's own chance", () => {
  // The example without the re-mortgagers' own wait: only the chance of sending what is missing differs.
  const map = mapOf(EXAMPLE.replace('    for: { remortgage: { wait: 1d } }\n', ''));

  it('changes that chance for that segment only, and what follows from it', () => {
    const base = analyze(mapOf(EXAMPLE.replace(/^ +for: .*\n|, for: \{[^}]*\}/gm, '')), RUNS);
    const first = analyze(segmentMap(map, 'first-time'), RUNS);
    const remortgage = analyze(segmentMap(map, 'remortgage'), RUNS);
    // First-time buyers live the map as written: the same steps, ways and figures per case.
    expect(segmentMap(map, 'first-time').steps).toEqual(base.map.steps);
    expect(first.time.leadTime).toBe(base.time.leadTime);
    // Re-mortgagers: fix is visited 10% of the time, not 30%; everything else is passed once.
    expect(Array.from(remortgage.time.visits)).toEqual([1, 1, 0.1, 1]);
    const [, check] = segmentMap(map, 'remortgage').steps;
    expect(check!.next).toEqual({
      kind: 'choice',
      choices: [
        { to: 2, chance: 0.1 },
        { to: 3, chance: 0.9 },
      ],
    });
    // The lead time differs by 20% of fix's 1d 30m: 0.2 x 88,200 s = 17,640 s.
    expect(first.time.leadTime - remortgage.time.leadTime).toBeCloseTo(17_640, 6);
  });

  it('skips a step for a segment: its ways lead on', () => {
    const skipping = mapOf(
      EXAMPLE.replace('value: waste\n', 'value: waste\n    for: { remortgage: { skip: true } }\n'),
    );
    const steps = segmentMap(skipping, 'remortgage').steps;
    expect(steps.map((s) => s.id)).toEqual(['apply', 'check', 'decide']);
    // Both ways after the check now lead to decide: 10% + 90%.
    expect(steps[1]!.next).toEqual({ kind: 'choice', choices: [{ to: 2, chance: 1 }] });
    // 1h + (1d + 1h) + 1h = 27h.
    expect(analyze(segmentMap(skipping, 'remortgage'), RUNS).time.leadTime).toBe(27 * HOUR);
  });
});

describe('the blend, on random shares and chances', () => {
  const MEAN = METRICS.filter((m) => m.blend === 'mean' && m.id !== 'simulatedMean').map((m) => m.id);

  it('is the share-weighted sum of the segments for every additive figure, and PCE the blended VA over LT', () => {
    expect(MEAN).toContain('leadTime');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 3 }),
        (share, chanceA, chanceB, waitB) => {
          const map = mapOf(
            EXAMPLE.replace('buyer, share: 60%', `buyer, share: ${share}%`)
              .replace('mortgager, share: 40%', `mortgager, share: ${100 - share}%`)
              .replace('wait: 1d }', `wait: ${waitB}d }`)
              .replace('chance: 30%, for: { remortgage: 10% }', `chance: ${chanceA}%, for: { remortgage: ${chanceB}% }`)
              .replace(
                'chance: 70%, for: { remortgage: 90% }',
                `chance: ${100 - chanceA}%, for: { remortgage: ${100 - chanceB}% }`,
              ),
          );
          const { segments, blend } = analyzeSegments(map, { runs: 50 });
          for (const id of MEAN) {
            const parts = segments.map((s) => metric(id).of(s.analysis));
            if (parts.includes(undefined)) expect(blend[id]).toBeUndefined();
            else
              expect(blend[id]).toBeCloseTo(
                segments.reduce((a, s, k) => a + s.segment.share * parts[k]!, 0),
                6,
              );
          }
          // Worked independently: 1h + (wait + 1h) + chance x (1d 30m) + 1h, per segment, weighted by share.
          const lead = (wait: number, chance: number) => 3 * HOUR + wait + (chance / 100) * (DAY + HOUR / 2);
          const expected = (share / 100) * lead(2 * DAY, chanceA) + (1 - share / 100) * lead(waitB * DAY, chanceB);
          expect(blend.leadTime).toBeCloseTo(expected, 6);
          expect(blend.pce).toBeCloseTo(blend.valueAdded! / blend.leadTime!, 12);
          expect(blend.activityRatio).toBeCloseTo(blend.processTime! / blend.leadTime!, 12);
        },
      ),
      { numRuns: 40 },
    );
  });
});
