/** Properties that hold for every valid map, checked on random maps built from the shapes a flow can take. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, analyzeExact, teamLoads } from '../../src/analysis/index.js';
import { postDominators } from '../../src/core/graph.js';
import { mean } from '../../src/core/index.js';
import { scoreJson } from '../../src/report/score-json.js';
import { mapOf } from '../helpers/analyze.js';
import { loadText } from '../../src/load/index.js';

const HEADER = `cxmap: 1
process: { name: P, customer: C, goal: G }
actors:
  me: { kind: customer, name: Me }
  desk: { kind: frontstage, name: Desk }
  agent: { kind: frontstage, name: Agent }
  office: { kind: backstage, name: Office }
  sys: { kind: support, name: System }
steps:
`;

const attrs = fc.record({
  actor: fc.constantFrom('me', 'desk', 'agent', 'office', 'sys'),
  wait: fc.constantFrom(
    '0',
    '30m',
    '2h',
    '1d',
    '1h..5h',
    '{ min: 1h, likely: 2h, max: 8h }',
    '{ queue: 10, rate: 5/d }',
  ),
  work: fc.constantFrom('0', '10m', '1h', '15m..45m'),
  value: fc.constantFrom('customer', 'business', 'waste', undefined),
  channel: fc.constantFrom('web', 'phone', 'email', undefined),
  ca: fc.constantFrom(undefined, '80%', 0.95),
  asks: fc.constantFrom(undefined, '[name]', '[name, income]', '[income]'),
  tells: fc.constantFrom(undefined, '[status]'),
});
const chance = fc.integer({ min: 5, max: 95 });
const block = fc.oneof(
  fc.record({ kind: fc.constant('step' as const), a: attrs }),
  fc.record({ kind: fc.constant('choice' as const), a: attrs, b: attrs, c: attrs, p: chance }),
  fc.record({ kind: fc.constant('rework' as const), a: attrs, b: attrs, p: fc.integer({ min: 5, max: 60 }) }),
  fc.record({ kind: fc.constant('parallel' as const), a: attrs, b: attrs, c: attrs, d: attrs, p: chance }),
  fc.record({ kind: fc.constant('fail' as const), a: attrs, b: attrs, p: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('cancel' as const), a: attrs, b: attrs, c: attrs, d: attrs, p: chance }),
);

type Attrs = {
  actor: string;
  wait: string;
  work: string;
  value?: string;
  channel?: string;
  ca?: string | number;
  asks?: string;
  tells?: string;
};
type Block = {
  kind: 'step' | 'choice' | 'rework' | 'parallel' | 'fail' | 'cancel';
  a: Attrs;
  b?: Attrs;
  c?: Attrs;
  d?: Attrs;
  p?: number;
};

/** A map of the blocks; `staged`: each block a stage of its own (the first and last steps in stages Start and End). */
function mapYaml(blocks: Block[], staged = false): string {
  const out: string[] = [];
  let n = 0;
  let stage = 'Start';
  const id = () => `s${n++}`;
  const step = (sid: string, a: Attrs, next?: string, extra = '') => {
    out.push(
      `  - id: ${sid}`,
      `    name: Step ${sid}`,
      `    actor: ${a.actor}`,
      `    wait: ${a.wait}`,
      `    work: ${a.work}`,
      ...(staged ? [`    stage: ${stage}`] : []),
    );
    for (const key of ['value', 'channel', 'ca', 'asks', 'tells'] as const)
      if (a[key] !== undefined) out.push(`    ${key}: ${a[key]}`);
    if (extra) out.push(`    ${extra}`);
    if (next) out.push(`    next: ${next}`);
  };
  const NEXT = '@next';
  step(id(), { actor: 'me', wait: '0', work: '5m', channel: 'web' }, NEXT);
  for (const [k, b] of blocks.entries()) {
    stage = `B${k}`;
    const first = id();
    const fill = (sid: string) => {
      for (let k = out.length - 1; k >= 0; k--) if (out[k]!.includes(NEXT)) out[k] = out[k]!.replaceAll(NEXT, sid);
    };
    fill(first);
    switch (b.kind) {
      case 'step':
        step(first, b.a, NEXT);
        break;
      case 'choice': {
        const x = id();
        const y = id();
        step(first, b.a, `[{ to: ${x}, chance: ${b.p}% }, { to: ${y}, chance: ${100 - b.p!}% }]`);
        step(x, b.b!, NEXT);
        step(y, b.c!, NEXT);
        break;
      }
      case 'rework': {
        const x = id();
        step(first, b.a, x);
        step(x, b.b!, `[{ to: ${NEXT}, chance: ${100 - b.p!}% }, { to: ${first}, chance: ${b.p}% }]`);
        break;
      }
      case 'parallel': {
        const x = id();
        const x2 = id();
        const y = id();
        const j = id();
        step(first, b.a, `{ all: [${x}, ${y}] }`);
        step(x, b.b!, x2);
        step(x2, b.c!, j);
        step(y, b.d!, j);
        step(j, { actor: 'desk', wait: '0', work: '5m' }, NEXT);
        break;
      }
      case 'cancel': {
        // Parallel work in which one branch can end the case.
        const x = id();
        const f = id();
        const y = id();
        const j = id();
        step(first, b.a, `{ all: [${x}, ${y}] }`);
        step(x, b.b!, `[{ to: ${f}, chance: ${b.p}% }, { to: ${j}, chance: ${100 - b.p!}% }]`);
        step(f, b.c!, undefined, 'outcome: failure');
        step(y, b.d!, j);
        step(j, { actor: 'desk', wait: '0', work: '5m' }, NEXT);
        break;
      }
      case 'fail': {
        const f = id();
        step(first, b.a, `[{ to: ${NEXT}, chance: ${100 - b.p!}% }, { to: ${f}, chance: ${b.p}% }]`);
        step(f, b.b!, undefined, 'outcome: failure');
        break;
      }
    }
  }
  const last = id();
  for (let k = out.length - 1; k >= 0; k--) if (out[k]!.includes(NEXT)) out[k] = out[k]!.replaceAll(NEXT, last);
  stage = 'End';
  step(last, { actor: 'me', wait: '1h', work: '5m' });
  if (!staged) return `${HEADER}${out.join('\n')}\n`;
  // Every stage sets targets, so that the analysis gives the figures of each.
  const stages = ['Start', ...blocks.map((_, k) => `B${k}`), 'End'].map(
    (name) => `{ name: ${name}, targets: { leadTime: 1d, successRate: 50% } }`,
  );
  return `${HEADER.replace('steps:\n', `stages: [${stages.join(', ')}]\nsteps:\n`)}${out.join('\n')}\n`;
}

const maps = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => mapYaml(blocks as Block[]));

describe('targets per stage, on every valid map', () => {
  it('gives stage times that add up to the lead time, and rates through the stages whose product is the success rate', () => {
    // Each block is a stage of its own, entered once by those who come through the one before: the share that
    // reaches the goal is the product of the shares that come through each stage (docs/scoring.md).
    const stagedMaps = fc.array(block, { minLength: 1, maxLength: 8 }).map((b) => mapYaml(b as Block[], true));
    fc.assert(
      fc.property(stagedMaps, (yaml) => {
        const a = analyzeExact(mapOf(yaml));
        expect(a.stageTargets.map((s) => s.stage)).toEqual(a.map.stages);
        expect(a.stageTargets.reduce((sum, s) => sum + s.leadTime, 0)).toBeCloseTo(a.time.leadTime, 6);
        const through = a.stageTargets.reduce((product, s) => product * s.successRate, 1);
        expect(through).toBeCloseTo(a.time.successRate, 9);
        for (const s of a.stageTargets) expect(s.successRate).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('every valid map', () => {
  it('has delay shares adding up to 100%, PCE and activity ratio in [0, 1], visits as expected', () => {
    fc.assert(
      fc.property(maps, (yaml) => {
        const map = mapOf(yaml);
        const a = analyze(map, { runs: 200 });
        const shares = a.scores.reduce((sum, s) => sum + s.delayShare, 0);
        expect(a.time.leadTime > 0 ? shares : 1).toBeCloseTo(1, 9);
        const pce = a.time.valueAdded / a.time.leadTime;
        const activity = a.time.processTime / a.time.leadTime;
        expect(pce).toBeGreaterThanOrEqual(0);
        expect(pce).toBeLessThanOrEqual(activity + 1e-12);
        expect(activity).toBeLessThanOrEqual(1 + 1e-12);
        // Every step is reachable, so it is visited; a step that every customer passes is visited at least once.
        expect(a.time.visits.every((v) => v > 0)).toBe(true);
        const ipdom = postDominators(
          map.steps.map((s) => a.flow.links[s.index]!.map((e) => e.to)),
          (i) => map.steps[i]!.next.kind === 'end',
        );
        for (let i = map.start; i >= 0; i = ipdom[i]!) expect(a.time.visits[i]).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(a.time.rolledCA).toBeGreaterThanOrEqual(0);
        expect(a.time.rolledCA).toBeLessThanOrEqual(1 + 1e-12);
        expect(a.time.successRate).toBeLessThanOrEqual(1 + 1e-12);
        // Every customer reaches exactly one end.
        const ended = map.steps.reduce((sum, s) => (s.next.kind === 'end' ? sum + a.time.visits[s.index]! : sum), 0);
        expect(ended).toBeCloseTo(1, 9);
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });

  it('never has more dark time than lead time, also when cases end inside parallel work', () => {
    // Dark time is waiting inside the lead time, weighted as it is: after a join only the cases that were not ended
    // inside the parallel work arrive. A threshold of an hour makes most waits dark.
    const parallelEnds = fc
      .array(block, { minLength: 1, maxLength: 8 })
      .filter((blocks) => blocks.some((b) => b.kind === 'cancel'))
      .map((blocks) => mapYaml(blocks as Block[]).replace('goal: G }', 'goal: G, darkAfter: 1h }'));
    fc.assert(
      fc.property(parallelEnds, (yaml) => {
        const a = analyzeExact(mapOf(yaml));
        expect(a.effort.darkTime.total).toBeLessThanOrEqual(a.time.leadTime * (1 + 1e-9));
        a.effort.darkTime.perStep.forEach((dark, i) =>
          expect(dark).toBeLessThanOrEqual(a.time.critical[i]! * a.time.stepTime[i]! * (1 + 1e-9)),
        );
        // A visit is never darker than its wait.
        a.effort.darkWait.forEach((dark, i) =>
          expect(dark).toBeLessThanOrEqual(mean(a.map.steps[i]!.wait) * (1 + 1e-9)),
        );
      }),
      { numRuns: 150, seed: 20261206 },
    );
  });

  it('gives the same output for the same seed', () => {
    fc.assert(
      fc.property(maps, fc.integer({ min: 1, max: 1000 }), (yaml, seed) => {
        const map = mapOf(yaml);
        expect(JSON.stringify(scoreJson(analyze(map, { runs: 100, seed }), 'x'))).toBe(
          JSON.stringify(scoreJson(analyze(map, { runs: 100, seed }), 'x')),
        );
      }),
      { numRuns: 40, seed: 20261122 },
    );
  });
});

describe('who is who in the business case', () => {
  // Each actor but the customer may be a system, another organisation's, or both: the hours split, never counted
  // twice or lost, and the cost to serve does not depend on who is who.
  const who = fc.constantFrom('', ', type: system', ', org: Partner Ltd', ', type: system, org: Partner Ltd');
  it('splits the hours of everyone but the customer into staff, partner and system hours, and keeps the cost', () => {
    fc.assert(
      fc.property(maps, fc.tuple(who, who, who, who), (yaml, marks) => {
        const costed = yaml.replace(/(name: (Desk|Agent|Office|System)) }/g, '$1, cost: 30/h }');
        const everyone = analyzeExact(mapOf(costed)).business;
        let k = 0;
        const marked = analyzeExact(
          mapOf(costed.replace(/, cost: 30\/h }/g, () => `${marks[k++]}, cost: 30/h }`)),
        ).business;
        const split = marked.staffHours + (marked.partnerHours ?? 0) + (marked.systemHours ?? 0);
        expect(split).toBeCloseTo(everyone.staffHours, 9);
        expect(marked.costPerCase).toBeCloseTo(everyone.costPerCase!, 9);
        expect(marked.partnerCost ?? 0).toBeCloseTo(30 * (marked.partnerHours ?? 0), 9);
        // Staff hours are the company's people only: none when every actor is a system or another organisation's.
        if (marks.every((m) => m !== '')) expect(marked.staffHours).toBe(0);
      }),
      { numRuns: 60, seed: 20261206 },
    );
  });
});

describe('maps at the edges of what the format accepts', () => {
  // Random small flows whose chances and durations run to the extremes: a way out of 0% or 0.01%, a 400-digit
  // duration, a queue that would take longer than the universe. Validation refuses what the engine cannot compute;
  // whatever it accepts gives finite figures everywhere.
  const extreme = fc.record({
    back: fc.constantFrom(0, 0.5, 50, 99, 99.9, 99.95, 99.99, 100),
    work: fc.constantFrom('0', '1h', '3650d', '3651d', `${'9'.repeat(400)}d`, '1e3d'),
    wait: fc.constantFrom('0', '{ queue: 1e300, rate: 0.000001/s }', '{ queue: 10, rate: 1/w }', '1d..3650d'),
    self: fc.boolean(),
  });
  it('validation refuses a map, or every figure of it is a finite number', () => {
    fc.assert(
      fc.property(fc.array(extreme, { minLength: 1, maxLength: 4 }), (loops) => {
        const steps = loops.map((l, i) => {
          const back = l.self ? `s${i}` : `s${Math.max(0, i - 1)}`;
          const on = `s${i + 1}`;
          const next =
            l.back === 0
              ? `next: ${on}`
              : `next: [{ to: ${back}, chance: ${l.back}% }, { to: ${on}, chance: ${+(100 - l.back).toFixed(4)}% }]`;
          return `  - { id: s${i}, name: S${i}, actor: desk, work: ${l.work}, wait: ${l.wait}, ${next} }\n`;
        });
        const yaml = `${HEADER}${steps.join('')}  - { id: s${loops.length}, name: End, actor: me }\n`;
        const loaded = loadText(yaml, 'edge.cxmap.yaml');
        if (!loaded.map) {
          expect(loaded.findings.length).toBeGreaterThan(0);
          return;
        }
        const { metrics, steps: scored } = scoreJson(analyze(loaded.map, { runs: 50 }), 'edge.cxmap.yaml');
        // JSON writes NaN and Infinity as null: no figure may come out so. (These maps give no business figures,
        // whose absence is written as null on purpose.)
        const { costPerCase, partnerHours, partnerCost, systemHours, yearly, ...figures } = metrics;
        expect([costPerCase, partnerHours, partnerCost, systemHours]).toEqual([null, null, null, null]);
        expect(Object.values(yearly as object)).toEqual([null, null, null, null, null, null, null, null]);
        expect(JSON.stringify({ figures, scored })).not.toMatch(/null/);
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});

describe('the load of teams, on every valid map with a volume', () => {
  it("adds up to the map's staff hours a year: every hour of work is some team's, once", () => {
    fc.assert(
      fc.property(maps, (yaml) => {
        const a = analyzeExact(mapOf(yaml.replace('goal: G }', 'goal: G, volume: 1200/y }')));
        const teams = teamLoads([[a]]);
        // The header's actors are all the company's people (no `org`, no `type: system`).
        expect(teams.reduce((sum, t) => sum + t.hours, 0)).toBeCloseTo(a.business.yearly!.staffHours, 6);
        for (const t of teams) expect(t.hours).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
