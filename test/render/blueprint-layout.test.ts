/**
 * The blueprint's layout, checked on the layout itself in plain vitest (no browser, no installed font): the
 * defects found on new maps (issue 27), each on a small map made for it, and the rules every layout keeps
 * (test/render/blueprint-faults.ts) over the examples, the review map and random maps.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { analyzeExact } from '../../src/analysis/index.js';
import { drawnDiagrams, MIN_TEXT_PT, PAGES } from '../../src/render/index.js';
import {
  blueprintModel,
  blueprintParts,
  layoutPart,
  measure,
  type BlueprintLayout,
} from '../../src/render/svg/blueprint/index.js';
import { mapOf } from '../helpers/analyze.js';
import { layoutFaults } from './blueprint-faults.js';

const HEADER = `cxmap: 1
process: { name: P, customer: C, goal: G }
actors:
  me: { kind: customer, name: Me }
  desk: { kind: frontstage, name: Desk }
  office: { kind: backstage, name: Office }
  sys: { kind: support, name: System }
`;
const analysisOf = (yaml: string) => analyzeExact(mapOf(`${HEADER}${yaml}`));
/** The whole blueprint laid out as one part, with its model. */
function whole(yaml: string) {
  const model = blueprintModel(analysisOf(yaml));
  const layout = layoutPart(measure(model), { from: 0, to: model.columns.length, partOf: () => undefined });
  return { model, layout };
}
const box = (layout: BlueprintLayout, id: string) => layout.boxes.find((b) => b.role === `step:${id}`)!;

describe('parallel branches', () => {
  // A card and its activation code are sent at the same time by the same system, in the same stage.
  const map = `stages: [Open]
steps:
  - { id: open, name: Open the account, stage: Open, actor: office, work: 5m, next: { all: [card, code] } }
  - { id: card, name: Send the debit card, stage: Open, actor: sys, work: 1m, next: ready }
  - { id: code, name: Send the activation code, stage: Open, actor: sys, work: 1m, next: ready }
  - { id: ready, name: Activate the card, stage: Open, actor: me, work: 5m }
`;

  it('stand one over the other in their lane, in one column, not one after the other', () => {
    const { layout } = whole(map);
    const card = box(layout, 'card');
    const code = box(layout, 'code');
    expect(code.x).toBe(card.x);
    // The second stands under the first, clear of it by room for a wait's pill: 7.5 + 8 pt.
    expect(code.y).toBeCloseTo(card.y + card.height + 15.5, 9);
    const lane = layout.lanes.find((l) => l.row === 'support')!.box;
    expect(code.y + code.height).toBeLessThan(lane.y + lane.height);
    // Each branch leaves the split on an edge of its own that says so.
    const labels = layout.edges.filter((e) => e.label).map((e) => e.label!.lines.join(' '));
    expect(labels).toEqual(['in parallel', 'in parallel']);
  });

  it('but alternatives in one lane stay in columns of their own', () => {
    const { layout } = whole(`stages: [Open]
steps:
  - { id: open, name: Open, stage: Open, actor: office, work: 5m, next: [{ to: card, chance: 50% }, { to: code, chance: 50% }] }
  - { id: card, name: Card, stage: Open, actor: sys, work: 1m, next: ready }
  - { id: code, name: Code, stage: Open, actor: sys, work: 1m, next: ready }
  - { id: ready, name: Ready, stage: Open, actor: me, work: 5m }
`);
    expect(box(layout, 'code').x).toBeGreaterThan(box(layout, 'card').x);
  });
});

describe('a merge step', () => {
  // Every case reaches `record`: 60 % straight from the check, 40 % after a fix.
  const map = `stages: [Check]
steps:
  - { id: check, name: Check the form, stage: Check, actor: office, work: 5m, next: [{ to: record, chance: 60%, label: complete }, { to: fix, chance: 40%, label: incomplete }] }
  - { id: fix, name: Fix the form, stage: Check, actor: desk, work: 5m, next: record }
  - { id: record, name: Record the case, stage: Check, actor: office, work: 5m }
`;

  it("carries no branch's label: the label sits on its edge, just after the step it leaves", () => {
    const { layout } = whole(map);
    const record = box(layout, 'record');
    expect(record.lines.map((l) => l.text).join(' ')).not.toContain('60%');
    const check = box(layout, 'check');
    const edge = layout.edges.find((e) => e.label?.lines.join(' ') === '60% · complete')!;
    // The check's ports, top to bottom in the order of the boxes they lead to: first the 40 % to the fix (in the
    // frontstage, above), at the middle of the first line (5 + 7.15 pt below the box's top), then the 60 % to the
    // record, one label's line lower (12.65 + 4 pt). Its label starts 3 pt right of the check's box, 2 pt under
    // the line, and ends inside the check's height.
    expect(edge.points[0]).toEqual([check.x + check.width, check.y + 5 + 7.15 + 16.65]);
    expect(edge.points.at(-1)![0]).toBe(record.x);
    expect(edge.label!.x).toBe(check.x + check.width + 3);
    expect(edge.label!.y).toBeCloseTo(check.y + 5 + 7.15 + 16.65 + 2, 9);
    expect(edge.label!.y + edge.label!.height).toBeLessThanOrEqual(check.y + check.height + 1e-9);
    expect(layoutFaults(whole(map).model, layout)).toEqual([]);
  });
});

describe('long labels and parts', () => {
  it('10 KB names (process, stage, step, actor, evidence, branch) are cut: the part stays at 11 pt on a 16:9 slide', () => {
    const long = (what: string) => `${what} ${'x'.repeat(10_000)}`;
    const analysis = analyzeExact(
      mapOf(`cxmap: 1
process: { name: "${long('Process')}", customer: C, goal: G }
actors:
  office: { kind: backstage, name: "${long('Office')}" }
  sys: { kind: support, name: System }
stages: ["${long('Stage')}", B]
steps:
  - { id: a, name: "${long('Check')}", stage: "${long('Stage')}", actor: office, work: 5m, evidence: "${long('Letter')}", next: [{ to: b, chance: 60%, label: "${long('complete')}" }, { to: c, chance: 40% }] }
  - { id: b, name: Send, stage: B, actor: sys, work: 5m }
  - { id: c, name: Stop, stage: B, actor: sys, work: 5m, outcome: failure }
`),
    );
    // One part, not shrunk: the step's name in 120 characters, its actor and its evidence in two and three lines,
    // the stage and the branch's label in two, each cut with an ellipsis.
    const parts = drawnDiagrams(analysis, 'blueprint', PAGES['16:9']);
    expect(parts).toHaveLength(1);
    for (const p of parts) expect(p.drawing.minText * p.scale).toBeGreaterThanOrEqual(MIN_TEXT_PT);
    // The step's whole name once, as the tooltip of its first line; the process's, as the title's.
    const tips = parts[0]!.drawing.shapes.flatMap((s) => (s.kind === 'text' && s.tip ? [s.tip] : []));
    expect(tips).toContain(long('Check'));
    expect(tips).toContain(long('Process'));
    expect(tips).toContain(long('Stage'));
    expect(tips).toContain(long('Letter'));
    expect(tips).toContain(`60% · ${long('complete')}`);
    expect(parts[0]!.svg.split(long('Check'))).toHaveLength(2);
  });
});

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'].map(
  (n) => `examples/${n}.cxmap.yaml`,
);
const MAPS = [...EXAMPLES, 'test/fixtures/energy-switch.cxmap.yaml'];

describe.each(MAPS)('%s', (file) => {
  const analysis = analyzeExact(mapOf(readFileSync(file, 'utf8')));
  const model = blueprintModel(analysis);
  const m = measure(model);

  it('keeps every rule of a layout, whole and in the parts of a 16:9 slide', () => {
    const ranges = blueprintParts(m, PAGES['16:9']);
    const partOf = (i: number) => ranges.findIndex(([, b]) => m.columnOf[i]! < b) + 1;
    expect(layoutFaults(model, layoutPart(m, { from: 0, to: model.columns.length, partOf: () => undefined }))).toEqual(
      [],
    );
    ranges.forEach(([from, to], k) =>
      expect(layoutFaults(model, layoutPart(m, { from, to, index: k + 1, count: ranges.length, partOf }))).toEqual([]),
    );
  });

  it('on a 16:9 slide: every part at one scale, text at 11 pt or more, every step in one part, no lone step', () => {
    const parts = drawnDiagrams(analysis, 'blueprint', PAGES['16:9']);
    expect(parts.length).toBeGreaterThan(1);
    const scale = parts[0]!.scale;
    expect(scale).toBeGreaterThanOrEqual(1);
    for (const p of parts) {
      expect(p.scale).toBe(scale);
      expect(p.drawing.minText * p.scale).toBeGreaterThanOrEqual(MIN_TEXT_PT);
      expect(p.drawing.width * scale).toBeLessThanOrEqual(PAGES['16:9'].width - 20 + 1e-9);
      expect(p.drawing.height * scale).toBeLessThanOrEqual(PAGES['16:9'].height - 20 + 1e-9);
    }
    const shown = parts.map((p) =>
      p.drawing.shapes.flatMap((s) => (s.kind === 'rect' && s.role?.startsWith('step:') ? [s.role.slice(5)] : [])),
    );
    expect(shown.flat().sort()).toEqual(analysis.map.steps.map((s) => s.id).sort());
    // A part holds more than one step, unless its stage has only that one.
    for (const ids of shown) {
      if (ids.length > 1) continue;
      const stage = analysis.map.steps.find((s) => s.id === ids[0])!.stage;
      expect(analysis.map.steps.filter((s) => s.stage === stage)).toHaveLength(1);
    }
  });
});

/** Random maps for the layout: steps in four lanes and three stages, choices with labels, parallel work, rework. */
const LANE_ACTORS = ['me', 'desk', 'office', 'sys'] as const;
const part = fc.record({
  kind: fc.constantFrom('step', 'choice', 'parallel', 'rework', 'fail'),
  actors: fc.array(fc.constantFrom(...LANE_ACTORS), { minLength: 4, maxLength: 4 }),
  wait: fc.constantFrom('0', '2h', '3d'),
  label: fc.constantFrom('', 'ok', 'documents missing from the file'),
  stage: fc.integer({ min: 0, max: 2 }),
});
function randomMap(blocks: { kind: string; actors: string[]; wait: string; label: string; stage: number }[]): string {
  const lines: string[] = ['stages: [S0, S1, S2]', 'steps:'];
  let n = 0;
  let stage = 0;
  const pending: number[] = []; // lines that still say @next
  const step = (id: string, actor: string, wait: string, next?: string) => {
    lines.push(
      `  - { id: ${id}, name: Step ${id}, stage: S${stage}, actor: ${actor}, wait: ${wait}, work: 5m${next ? `, next: ${next}` : ''} }`,
    );
    if (next?.includes('@next')) pending.push(lines.length - 1);
  };
  const fill = (id: string) => {
    for (const k of pending.splice(0)) lines[k] = lines[k]!.replaceAll('@next', id);
  };
  step(`s${n++}`, 'me', '0', '@next');
  for (const b of blocks) {
    stage = Math.max(stage, b.stage);
    const [a, x, y, z] = b.actors as [string, string, string, string];
    const first = `s${n++}`;
    fill(first);
    const label = b.label ? `, label: ${b.label}` : '';
    if (b.kind === 'step') step(first, a, b.wait, '@next');
    if (b.kind === 'choice') {
      const [p, q] = [`s${n++}`, `s${n++}`];
      step(first, a, b.wait, `[{ to: ${p}, chance: 70%${label} }, { to: ${q}, chance: 30% }]`);
      step(p, x, '0', '@next');
      step(q, y, b.wait, '@next');
    }
    if (b.kind === 'parallel') {
      const [p, p2, q, j] = [`s${n++}`, `s${n++}`, `s${n++}`, `s${n++}`];
      step(first, a, b.wait, `{ all: [${p}, ${q}] }`);
      step(p, x, '0', p2);
      step(p2, y, b.wait, j);
      step(q, z, '0', j);
      step(j, a, '0', '@next');
    }
    if (b.kind === 'rework') {
      const p = `s${n++}`;
      step(first, a, b.wait, p);
      step(p, x, '0', `[{ to: @next, chance: 80%${label} }, { to: ${first}, chance: 20%, label: again }]`);
    }
    if (b.kind === 'fail') {
      const f = `s${n++}`;
      step(first, a, b.wait, `[{ to: @next, chance: 90% }, { to: ${f}, chance: 10%${label} }]`);
      lines.push(`  - { id: ${f}, name: Step ${f}, stage: S${stage}, actor: ${x}, work: 5m, outcome: failure }`);
    }
  }
  fill(`s${n}`);
  lines.push(`  - { id: s${n}, name: Step s${n}, stage: S${stage}, actor: me, work: 5m }`);
  return `${lines.join('\n')}\n`;
}

describe('every map', () => {
  it('has a layout that keeps every rule, whole and in the parts of a 16:9 slide', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 10 }), (blocks) => {
        const model = blueprintModel(analysisOf(randomMap(blocks)));
        const m = measure(model);
        const ranges = [[0, model.columns.length] as const, ...blueprintParts(m, PAGES['16:9'])];
        for (const [from, to] of ranges)
          expect(layoutFaults(model, layoutPart(m, { from, to, index: 1, count: 2, partOf: () => 1 }))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
