/**
 * Targets per stage on the map of docs/scoring.md ("Targets per stage"), worked by hand there: Assess takes 9 h
 * (check 1.25 × 5 h + ask 0.25 × 3 h + decide 1 × 2 h) and lets 90% through (1 entry, 0.1 declined); Close takes
 * 0.9 × 1 h = 54 min and lets all 0.9 who enter through.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeExact } from '../../src/analysis/index.js';
import { loadText } from '../../src/load/index.js';

const FIXTURE = readFileSync('test/fixtures/stage-targets.cxmap.yaml', 'utf8');

function analysis(yaml: string) {
  const loaded = loadText(yaml, 'loan.cxmap.yaml');
  expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return analyzeExact(loaded.map!);
}

describe('targets per stage', () => {
  it('gives each stage that sets targets its time and success rate against them, exactly', () => {
    const stages = analysis(FIXTURE).stageTargets;
    expect(stages.map((s) => s.stage)).toEqual(['Assess', 'Close']);
    const [assess, close] = stages;
    expect(assess!.leadTime).toBeCloseTo(9 * 3600, 6);
    expect(assess!.successRate).toBeCloseTo(0.9, 12);
    expect(assess!.targets.map((t) => [t.metric, t.target, +t.actual.toFixed(6), +t.gap.toFixed(6), t.met])).toEqual([
      ['leadTime', 8 * 3600, 9 * 3600, 3600, false],
      ['successRate', 0.95, 0.9, -0.05, false],
    ]);
    expect(close!.leadTime).toBeCloseTo(0.9 * 3600, 6);
    expect(close!.targets.map((t) => [t.metric, t.target, +t.actual.toFixed(12), t.met])).toEqual([
      ['successRate', 1, 1, true],
    ]);
  });

  it('counts a customer sent back into a stage from a later one as entering it again', () => {
    // 30% of the offers go back to `check`: entries into Assess = 1 + 0.3 × visits(offer). visits(decide) = v,
    // v = 1 + 0.3 × 0.9 v → v = 1 / 0.73; declined 0.1 v; entries 1 + 0.27 v = 1 / 0.73; so 90% still.
    const back = FIXTURE.replace(
      '{ id: offer, name: Send the offer, stage: Close, actor: bank, work: 1h, next: done }',
      '{ id: offer, name: Send the offer, stage: Close, actor: bank, work: 1h, next: [{ to: done, chance: 70% }, { to: check, chance: 30% }] }',
    );
    const [assess] = analysis(back).stageTargets;
    expect(assess!.successRate).toBeCloseTo(0.9, 12);
  });

  it('enters a stage once when parallel work leads into it, and once more at the join', () => {
    // Two branches in Assess after a split in Apply: one entry (not two); the join in Close is entered once.
    const yaml = `cxmap: 1
process: { name: Parallel, customer: Buyer, goal: Done }
actors:
  me: { kind: customer, name: Buyer }
  a: { kind: backstage, name: A }
  b: { kind: backstage, name: B }
stages: [Apply, { name: Assess, targets: { successRate: 50% } }, { name: Close, targets: { successRate: 50% } }]
steps:
  - { id: start, name: Start, stage: Apply, actor: me, work: 1h, next: { all: [x, y] } }
  - { id: x, name: X, stage: Assess, actor: a, work: 2h, next: join }
  - { id: y, name: Y, stage: Assess, actor: b, work: 1h, next: [{ to: join, chance: 80% }, { to: stop, chance: 20% }] }
  - { id: stop, name: Stop, stage: Assess, actor: b, outcome: failure }
  - { id: join, name: Join, stage: Close, actor: me, work: 1h, next: [{ to: done, chance: 50% }, { to: lost, chance: 50% }] }
  - { id: done, name: Done, stage: Close, actor: me }
  - { id: lost, name: Lost, stage: Close, actor: me, outcome: failure }
`;
    // Assess: 1 entry (counting each branch would make it 2, and 90%), 0.2 stop: 80%. Close: the 0.8 whose
    // parallel work carries on arrive at the join once (not once per branch: 1.8), 0.4 are lost: 1 − 0.4 / 0.8 = 50%.
    const [assess, close] = analysis(yaml).stageTargets;
    expect(assess!.successRate).toBeCloseTo(0.8, 12);
    expect(close!.successRate).toBeCloseTo(0.5, 12);
  });

  it('leaves the analysis of a map without stage targets as it was', () => {
    const plain = FIXTURE.replace(/ {2}- \{ name: (\w+), targets: .*\}\n/g, '  - $1\n');
    expect(plain).toContain('  - Assess\n');
    expect(analysis(plain).stageTargets).toEqual([]);
  });

  it('finds a bad duration, a bad share and an unknown key in a stage target where it is written', () => {
    const found = (from: string, to: string) =>
      loadText(FIXTURE.replace(from, to), 'loan.cxmap.yaml').findings.map((f) => `${f.line}:${f.column} ${f.code}`);
    // Line 10 is `  - { name: Assess, targets: { leadTime: 8 hourz, ... } }`: the value starts at column 42.
    expect(found('leadTime: 8h', 'leadTime: 8 hourz')).toEqual(['10:42 bad-duration']);
    expect(found('successRate: 95%', 'successRate: 95 percent, pce: 3')).toEqual([
      '10:59 bad-value',
      '10:71 unknown-key',
    ]);
    // A stage is a name or { name, targets }: without its name, or neither, it is found where it is written.
    expect(found('{ name: Close, targets', '{ targets')).toEqual(['11:5 missing-key']);
    expect(found('  - Apply\n', '  - 42\n')).toEqual(['9:5 wrong-type']);
  });
});
