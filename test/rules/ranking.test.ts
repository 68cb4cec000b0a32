/**
 * The ranking of opportunities by value against effort (docs/scoring.md, "Ranking opportunities"), worked out by
 * hand on a small map: impact, value, effort from the rule, the map or the configuration, priority, quadrant, the
 * target an opportunity meets, and effort estimates that name nothing.
 */
import { describe, expect, it } from 'vitest';
import { analyzeExact } from '../../src/analysis/index.js';
import { loadText } from '../../src/load/index.js';
import { checkMap, considered, opportunities, RULES, type Setting } from '../../src/rules/index.js';
import { priorities } from '../../src/render/priorities.js';
import { mapOf } from '../helpers/analyze.js';

const H = 3600;

// The customer waits 8h for b; no news since a, so 7h of it are dark (after the first hour). Lead time 11h.
const yaml = (extra = '', process = '') => `cxmap: 1
process: { name: P, customer: C, goal: G, darkAfter: 1h${process} }
actors:
  me: { kind: customer, name: Me }
  back: { kind: backstage, name: Back office }
steps:
  - { id: a, name: A, actor: me, work: 1h, next: b }
  - { id: b, name: B, actor: back, wait: 8h, work: 1h, next: c }
  - { id: c, name: C, actor: me, work: 1h }
${extra}`;

const rank = (text: string, efforts = {}) => opportunities(analyzeExact(mapOf(text)), RULES, efforts);

describe('ranking opportunities by value against effort', () => {
  it('cut-wait:b cuts the wait by 37.5% (the middle of 25-50%): impact 3/11 of the lead time + 3/7 of the dark time; value, priority and quadrant', () => {
    const { ranked, alternatives, noGain, together, unused, unusedLevers } = rank(yaml());
    expect(ranked).toHaveLength(1);
    const [r] = ranked;
    expect(r!.opportunity.id).toBe('cut-wait:b');
    // The 8h wait cut by 37.5% is 5h: lead time 11h → 8h, dark time 7h → 4h.
    const impact = 3 / 11 + 3 / 7; // 0.701299
    expect(r!.impact.total).toBeCloseTo(impact, 12);
    expect(r!.impact.shares).toEqual({
      leadTime: expect.closeTo(3 / 11, 12),
      ownWork: 0,
      failures: 0,
      darkTime: expect.closeTo(3 / 7, 12),
      effortDrivers: 0,
    });
    // value = 5 × impact ÷ (impact + 0.15) = 4.1190; effort 3 (the rule's); priority = impact ÷ 4.
    expect(r!.value).toBeCloseTo((5 * impact) / (impact + 0.15), 12);
    expect(r!.value.toFixed(4)).toBe('4.1190');
    expect([r!.effort, r!.effortFrom]).toEqual([3, 'rule']);
    expect(r!.priority).toBeCloseTo(impact / 4, 12);
    expect(r!.quadrant).toBe('major project');
    expect(r!.meets).toEqual([]);
    // The ends of the range: cut by 25% (2h, impact 2/11 + 2/7) and by 50% (4h, impact 4/11 + 4/7).
    expect([r!.low.saving.leadTime, r!.high.saving.leadTime]).toEqual([2 * H, 4 * H]);
    expect(r!.low.impact.total).toBeCloseTo(2 / 11 + 2 / 7, 12);
    expect(r!.high.impact.total).toBeCloseTo(4 / 11 + 4 / 7, 12);
    expect([alternatives, noGain, together, unused, unusedLevers]).toEqual([[], [], undefined, [], []]);
  });

  it('marks the target the change meets at the middle of its size: 11h now, 8h after, the target 9h', () => {
    const [r] = rank(yaml('', ', targets: { leadTime: 9h, successRate: 90% }')).ranked;
    expect(r!.saving.leadTime).toBe(3 * H);
    expect(r!.meets).toEqual(['leadTime']);
  });

  it('takes the effort from the map, then the configuration, an opportunity id before its rule', () => {
    const effort = (mapEffort: string, config: Record<string, number>) => {
      const [r] = rank(yaml(mapEffort ? `effort: ${mapEffort}\n` : ''), config).ranked;
      return [r!.effort, r!.effortFrom, r!.quadrant];
    };
    expect(effort('', { 'cut-wait': 5 })).toEqual([5, 'configuration', 'major project']);
    expect(effort('', { 'cut-wait': 5, 'cut-wait:b': 1 })).toEqual([1, 'configuration', 'quick win']);
    expect(effort('{ cut-wait: 2 }', { 'cut-wait:b': 4 })).toEqual([2, 'map', 'quick win']);
    expect(effort('{ cut-wait: 2, cut-wait:b: 0 }', {})).toEqual([0, 'map', 'quick win']);
    // With effort 0, the priority is the impact itself.
    const [r] = rank(yaml('effort: { cut-wait:b: 0 }\n')).ranked;
    expect(r!.priority).toBeCloseTo(3 / 11 + 3 / 7, 12);
  });

  it('says which effort estimates name no opportunity of the map', () => {
    const { unused } = rank(yaml('effort: { cut-wait:a: 2, keep-informed: 1 }\n'), { 'remove-waste:c': 1 });
    // A rule's id is never unused: it applies wherever the rule finds something.
    expect(unused).toEqual([
      { id: 'cut-wait:a', from: 'map' },
      { id: 'remove-waste:c', from: 'configuration' },
    ]);
  });

  it('ranks by impact for each step of effort, not by lead time: a quick win before a larger project', () => {
    // Lead time 1h + (2h + 30m) + (6h + 1h) + 1h = 11.5h. Dark: the waits after the first hour without news since
    // a: 1h of b's, all 6h of c's: 7h.
    // remove-waste:b (effort 1): 2.5h less lead time, 2h less dark: 2.5/11.5 + 2/7 = 0.5031, priority 0.5031 / 2.
    // cut-wait:c (effort 3): 37.5% of 6h, 2.25h less of each: 2.25/11.5 + 2.25/7 = 0.5171, priority 0.5171 / 4.
    // Cutting b's wait would be moot once b goes, and so would the status updates keep-informed adds at b (before
    // the waits for c and for b): other ways to change b, not more proposals.
    const text = `cxmap: 1
process: { name: P, customer: C, goal: G, darkAfter: 1h }
actors:
  me: { kind: customer, name: Me }
  back: { kind: backstage, name: Back office }
  ops: { kind: backstage, name: Operations }
steps:
  - { id: a, name: A, actor: me, work: 1h, next: b }
  - { id: b, name: B, actor: back, wait: 2h, work: 30m, value: waste, next: c }
  - { id: c, name: C, actor: ops, wait: 6h, work: 1h, next: d }
  - { id: d, name: D, actor: me, work: 1h }
`;
    const { ranked, alternatives, together } = rank(text);
    expect(ranked.map((r) => [r.opportunity.id, r.saving.leadTime / H, r.saving.darkTime / H])).toEqual([
      ['remove-waste:b', 2.5, 2],
      ['cut-wait:c', 2.25, 2.25],
    ]);
    expect(ranked[0]!.priority).toBeCloseTo((2.5 / 11.5 + 2 / 7) / 2, 12);
    expect(ranked[1]!.priority).toBeCloseTo((2.25 / 11.5 + 2.25 / 7) / 4, 12);
    expect(alternatives.map((a) => [a.ranked.opportunity.id, a.instead.opportunity.id])).toEqual([
      ['keep-informed', 'remove-waste:b'],
      ['cut-wait:b', 'remove-waste:b'],
    ]);
    // Together: b goes (2.5h) and c's wait is cut by 2.25h: 11.5h → 6.75h; from 7.5h (c's cut by 25%) to 6h (50%).
    expect([together!.before.leadTime, together!.after.leadTime].map((x) => x / H)).toEqual([11.5, 6.75]);
    expect([together!.low.after.leadTime, together!.high.after.leadTime].map((x) => x / H)).toEqual([7.5, 6]);
  });

  it('proposes nothing that adds more for the customer than it takes away', () => {
    // Self-service for b: the customer would fill in on the web what the desk takes by phone (the desk phoning
    // them: b answers no call of theirs), with no wait to save: only their own work grows.
    const text = `cxmap: 1
process: { name: P, customer: C, goal: G }
actors:
  me: { kind: customer, name: Me }
  desk: { kind: frontstage, name: Desk }
steps:
  - { id: a, name: A, actor: me, channel: web, work: 10m, next: b }
  - { id: b, name: B, actor: desk, channel: phone, work: 10m, asks: [income], next: c }
  - { id: c, name: C, actor: me, work: 10m }
`;
    const ranking = opportunities(analyzeExact(mapOf(text)), RULES);
    expect(ranking.ranked).toEqual([]);
    expect(ranking.noGain.map((r) => r.opportunity.id)).toEqual(['self-service:b']);
    expect(ranking.noGain[0]!.impact.total).toBeLessThanOrEqual(0);
    expect(ranking.noGain[0]!.value).toBe(0);
  });

  it('draws the ranked opportunities on the value/effort matrix by their numbers, none on top of another', () => {
    const text = yaml('effort: { cut-wait:b: 1 }\n');
    expect(priorities(rank(text), 'Opportunities by value and effort', mapOf(text))).toBe(`quadrantChart
  title Opportunities by value and effort
  x-axis Little effort --> Much effort
  y-axis Little value --> Much value
  quadrant-1 Major projects
  quadrant-2 Quick wins
  quadrant-3 Fill-ins
  quadrant-4 Thankless tasks
  "1": [0.25, 0.824]
`);
  });
});

describe('beat-benchmark in cxmap check', () => {
  it('says what the recommended changes together do to the gap', () => {
    const text = yaml('', ', targets: { leadTime: 2h }');
    const loaded = loadText(text, 'test.cxmap.yaml');
    const settings = new Map<string, Setting>([['beat-benchmark', { severity: 'warning', option: undefined }]]);
    expect(checkMap(loaded, settings).map((f) => [f.line, f.message])).toEqual([
      [
        2,
        'the process misses the target lead time of 2 h (now 11 h): the one recommended change takes the lead time from 11 h to 8 h (9 to 7 h from the low to the high end of the sizes)',
      ],
    ]);
  });

  it('gives a finding per place of each opportunity, with its value and effort', () => {
    const loaded = loadText(yaml(), 'test.cxmap.yaml');
    const settings = new Map<string, Setting>([['cut-wait', { severity: 'warning', option: undefined }]]);
    const [f] = checkMap(loaded, settings);
    expect([f!.line, f!.column]).toEqual([8, 11]);
    expect(f!.message).toBe(
      "Cut the wait before `b` (8 h now): the customer waits 8 h before `b` (B): 73% of the lead time; it is a queue for Back office's capacity (the map gives no other kind of wait), which working faster or adding capacity cuts; saves 2 to 4 h of lead time with the wait before `b` (8 h) cut by 25-50% (assumed; set `levers:` in the map), value 4.1 of 5, effort 3 of 5 (cut-wait:b)",
    );
    expect(considered(rank(yaml()))).toHaveLength(1);
  });
});

describe("the map's effort estimates", () => {
  it('names an opportunity by a rule and the steps of its place, each checked, in one pass', () => {
    const text = yaml(`effort:
  cut-wiat: 2
  cut-wait:x: 3
  keep-informed: 7
`);
    expect(loadText(text, 'test.cxmap.yaml').findings.map((f) => [f.line, f.column, f.code, f.message])).toEqual([
      [
        11,
        3,
        'bad-key',
        '`cut-wiat` in effort: name an opportunity as the report does: a rule (remove-waste, prevent-rework, cut-wait, off-cycle, ask-once, keep-informed, single-contact, one-channel, self-service, merge-handoffs, parallelize, fix-fail-point), or a rule and the steps of its place (cut-wait:mri)',
      ],
      [12, 3, 'unknown-step', 'the effort of `cut-wait:x` names `x`, which is not a step (did you mean `a`?)'],
      [13, 18, 'bad-value', 'effort.keep-informed: takes a whole number from 0 (no effort) to 5 (a large project)'],
    ]);
  });
});
