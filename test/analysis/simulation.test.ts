import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/analysis/index.js';
import { mapOf } from '../helpers/analyze.js';
import { sequential } from '../helpers/sequential.js';

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'];

describe('the simulation against the exact solution', () => {
  it.each(EXAMPLES)('%s without parallel work: simulated mean lead time within 1% of the exact one', (name) => {
    const yaml = sequential(readFileSync(`examples/${name}.cxmap.yaml`, 'utf8'));
    const map = mapOf(yaml);
    expect(map.steps.some((s) => s.next.kind === 'all')).toBe(false);
    const a = analyze(map);
    expect(Math.abs(a.simulation.mean / a.time.leadTime - 1)).toBeLessThan(0.01);
  });

  it.each(EXAMPLES)('%s: every step is on the critical path in a share of runs between 0 and 1', (name) => {
    const a = analyze(mapOf(readFileSync(`examples/${name}.cxmap.yaml`, 'utf8')));
    expect(a.simulation.criticality.every((c) => c >= 0 && c <= 1)).toBe(true);
    expect(a.simulation.criticality[a.map.start]).toBe(1);
    expect(a.simulation.p50).toBeLessThanOrEqual(a.simulation.p85);
    expect(a.simulation.p85).toBeLessThanOrEqual(a.simulation.p95);
  });
});

describe('the simulation spread over worker threads', () => {
  it('gives the same figures, to the bit, as one thread', async () => {
    const { simulateInParallel, workersFor } = await import('../../src/analysis/simulate-parallel.js');
    const { simulate } = await import('../../src/analysis/simulate.js');
    const { buildFlow } = await import('../../src/model/flow.js');
    const { generateMap } = await import('../../bench/generate-map.js');
    const flow = buildFlow(mapOf(generateMap(1001)));
    const options = { runs: 10_000, seed: 42 };
    // Three workers run it, whatever the machine has (the test does not pass by running in one thread).
    expect(workersFor(flow, options, 3)).toBe(3);
    const one = simulate(flow, options);
    const many = await simulateInParallel(flow, options, 3);
    expect(many).toEqual(one);
    expect(one.runs).toBe(10_000);
  });
});
