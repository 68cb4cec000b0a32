/**
 * A map with segments gives the blend as its figure in every output: the analysis, the report's executive summary,
 * scorecard and JSON, the savings of its opportunities (per segment and blended, ranked on the blend) and the
 * checks of `cxmap check`, with thresholds set per segment. On the hand-worked example of docs/scoring.md
 * ("Segments"): test/fixtures/segments.cxmap.yaml, first-time buyers (60%) as written, 58.35 h; re-mortgagers (40%)
 * with a wait of 1 d for the check and a 10% chance of sending what is missing, 29.45 h. The map as written is the
 * first-time buyer's: 58.35 h = 2.4 d, and 1,000 × 58.35 / 24 = 2,431.25 customer days a year; the blend is
 * 0.6 × 58.35 + 0.4 × 29.45 = 46.79 h = 168,444 s = 1.9 d, and 1,000 × 46.79 / 24 = 1,949.58 customer days a year.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, analyzeExact, endings, metric, stageFigures } from '../../src/analysis/index.js';
import { glanceModel } from '../../src/render/svg/journey/glance.js';
import { timeModel } from '../../src/render/svg/time.js';
import { executiveSummary } from '../../src/report/index.js';
import { opportunities, whatIf, type Opportunity } from '../../src/rules/index.js';
import { loadFile, loadText, type ProcessMap } from '../../src/load/index.js';
import { checkMap } from '../../src/rules/check.js';
import { cxmap } from '../helpers/cli.js';

const FIXTURE = 'test/fixtures/segments.cxmap.yaml';
const dir = mkdtempSync(join(tmpdir(), 'cxmap-segments-blend-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The report in Markdown and JSON, written once for the tests that read them.
beforeAll(() => {
  for (const format of ['md', 'json']) expect(cxmap(['report', FIXTURE, '-f', format, '-o', dir]).status).toBe(0);
});
const map = loadFile(FIXTURE).map!;
const HOUR = 3600;

describe('the figures of a map with segments', () => {
  it('are the blend, read through the metric registry; the per-step figures stay those of the map as written', () => {
    const analysis = analyze(map, { runs: 200 });
    expect(metric('leadTime').of(analysis)).toBeCloseTo(46.79 * HOUR, 6);
    expect(metric('yearlyCustomerDays').of(analysis)).toBeCloseTo((1000 * 46.79) / 24, 6);
    // Cost a year: 600 × 140 + 400 × 140; staff hours a year: 1,000 × 2 h.
    expect(metric('yearlyCost').of(analysis)).toBeCloseTo(140_000, 6);
    expect(metric('yearlyStaffHours').of(analysis)).toBeCloseTo(2000, 6);
    // Counts of distinct things are not blended: shown per segment only.
    expect(metric('contacts').of(analysis)).toBeUndefined();
    expect(analysis.time.leadTime).toBeCloseTo(58.35 * HOUR, 6);
    // The exact analysis (what a what-if re-scores) blends the same way.
    expect(metric('leadTime').of(analyzeExact(map))).toBeCloseTo(46.79 * HOUR, 6);
  });

  it('give the executive summary its headline and figures', () => {
    const analysis = analyze(map, { runs: 200 });
    const summary = executiveSummary(analysis, opportunities(analysis));
    // Waiting: 0.6 × 55.2 + 0.4 × 26.4 = 43.68 h of 46.79 h = 93%.
    expect(summary.headline).toBe(
      'Customers spend 1.9 days on average from the trigger to the end; 93% of it is waiting',
    );
    expect(summary.figures.map((f) => [f.metric, f.now])).toEqual([
      ['leadTime', '1.9 d'],
      ['successRate', '100.0%'],
      ['darkTime', '0'],
      ['costPerCase', 'EUR 140'],
      ['yearlyCost', 'EUR 140,000'],
      ['yearlyCustomerDays', '1,950'],
    ]);
  });

  it('give the report its headline, scorecard, JSON metrics and time split', () => {
    const md = readFileSync(join(dir, 'segments.report.md'), 'utf8');
    expect(md).toContain('Customers spend 1.9 days on average from the trigger to the end; 93% of it is waiting.');
    expect(md).toContain('| Customer days a year | 1,950 |');
    // The scorecard: the blend, not the first-time buyer's 2.4 d.
    expect(md.slice(md.indexOf('## Scorecard'))).toContain('| Lead time | 1.9 d |');
    expect(md).toContain(
      'Of a lead time of 1.9 d, the customer waits 1.8 d (93.4%). Value-adding work: 1 h; business-required work: 2 h; waste work and rework: 7 m.',
    );
    const json = JSON.parse(readFileSync(join(dir, 'segments.report.json'), 'utf8'));
    expect(json.metrics.leadTimeSeconds).toBe(168444);
    expect(json.metrics.yearly.customerDays).toBe(1949.583);
    // Waiting 43.68 h = 157,248 s; value-adding 1 h; required 2 h (apply and check); waste 0.6 × 0.3 × 30 m + 0.4 ×
    // 0.1 × 30 m = 5.4 m + 1.2 m = 6.6 m = 396 s: 168,444 s in all.
    expect(json.timeSplit.map((s: { seconds: number }) => s.seconds)).toEqual([157248, 3600, 7200, 396, 0]);
  });
});

describe('the savings of an opportunity on a map with segments', () => {
  it('are computed per segment and blended: the blend is the share-weighted sum of the segments', () => {
    // Halve the customer's 30 m of work when sending what is missing: 15 m saved on each visit of `fix`, which a
    // first-time buyer makes 0.3 times and a re-mortgager 0.1 times: 0.3 × 900 = 270 s and 0.1 × 900 = 90 s of lead
    // time and of own work; blended 0.6 × 270 + 0.4 × 90 = 162 + 36 = 198 s. A year: 600 × 270 s = 45 h and
    // 400 × 90 s = 10 h of customers' own hours, 55 h in all; customer days 600 × 270 / 86,400 = 1.875 and
    // 400 × 90 / 86,400 = 0.41667, 2.29167 in all.
    const halve: Opportunity = {
      id: 'test:fix',
      rule: 'test',
      title: 'Halve the work of fix',
      why: 'a test',
      steps: ['fix'],
      change: (copy: ProcessMap) => {
        copy.steps.find((s) => s.id === 'fix')!.work = { kind: 'fixed', value: 900 };
        return copy;
      },
    };
    const e = whatIf(analyzeExact(map), [halve]);
    const [first, remortgage] = e.segments!;
    expect(first!.segment.id).toBe('first-time');
    expect(first!.saving.leadTime).toBeCloseTo(270, 9);
    expect(remortgage!.saving.leadTime).toBeCloseTo(90, 9);
    expect(e.saving.leadTime).toBeCloseTo(198, 9);
    expect(e.saving.customerEffort).toBeCloseTo(198, 9);
    expect(first!.yearly.customerHours).toBeCloseTo(45, 9);
    expect(remortgage!.yearly.customerHours).toBeCloseTo(10, 9);
    expect(e.yearly.customerHours).toBeCloseTo(55, 9);
    expect(e.yearly.customerDays).toBeCloseTo(1.875 + 400 * (90 / 86400), 9);
    // And for every figure: the blend's saving is the share-weighted sum of the segments'.
    for (const [id, saved] of Object.entries(e.saving))
      expect(saved).toBeCloseTo(
        0.6 * first!.saving[id as keyof typeof e.saving] + 0.4 * remortgage!.saving[id as keyof typeof e.saving],
        9,
      );
  });

  it('shows in the report per segment, blended beside them, ranked on the blend', () => {
    // cut-wait:check cuts the wait before `check` by 25-50% (37.5% in the middle), for every customer in the queue:
    // a first-time buyer's 2 d by 12 h, 18 h and 24 h; a re-mortgager's own 1 d by 6 h, 9 h and 12 h. Blended:
    // 0.6 × 12 + 0.4 × 6 = 9.6 h = 34,560 s; 0.6 × 18 + 0.4 × 9 = 14.4 h = 51,840 s; 0.6 × 24 + 0.4 × 12 = 19.2 h =
    // 69,120 s. Customer days a year: 600 × 18 / 24 = 450 (300 to 600) and 400 × 9 / 24 = 150 (100 to 200), 600 in
    // all (400 to 800). The ranking's impact is the blend's share of the blended lead time: 51,840 / 168,444 =
    // 0.307758 (the map as written would give 64,800 / 210,060 = 0.308483).
    const json = JSON.parse(readFileSync(join(dir, 'segments.report.json'), 'utf8'));
    const [cut] = json.opportunities;
    expect(cut.id).toBe('cut-wait:check');
    expect(cut.impact.leadTime).toBe(0.307758);
    expect(cut.saving.leadTime).toEqual({ low: 34560, mid: 51840, high: 69120 });
    expect(cut.yearly.customerDays).toEqual({ low: 400, mid: 600, high: 800 });
    expect(
      cut.segments.map((s: typeof cut) => [
        s.id,
        s.name,
        s.saving.leadTime,
        s.yearly.customerDays,
        s.yearly.partnerCost,
      ]),
    ).toEqual([
      [
        'first-time',
        'First-time buyer',
        { low: 43200, mid: 64800, high: 86400 },
        { low: 300, mid: 450, high: 600 },
        null,
      ],
      ['remortgage', 'Re-mortgager', { low: 21600, mid: 32400, high: 43200 }, { low: 100, mid: 150, high: 200 }, null],
    ]);
    const md = readFileSync(join(dir, 'segments.report.md'), 'utf8');
    expect(md).toContain(
      [
        '| \\# | Opportunity | First-time buyer (60%) | Re-mortgager (40%) | Blend |',
        '| --: | --- | --- | --- | --- |',
        '| 1 | Cut the wait before `check` (2.0 d now) (`cut-wait:check`) | lead time −12 h to −1.0 d; saved a year: customer days 300 to 600 | lead time −6 to −12 h; saved a year: customer days 100 to 200 | lead time −9 h 36 m to −19 h 12 m; saved a year: customer days 400 to 800 |',
      ].join('\n'),
    );
  });
});

describe('cxmap check of a map with segments', () => {
  const check = (rules: string) => {
    const config = join(dir, `${rules.length}.cxmap.config.yaml`);
    writeFileSync(config, `rules:\n${rules}`);
    return cxmap(['check', FIXTURE, '--config', config]);
  };

  it('holds the blend to a plain limit', () => {
    // 1.9 d is within 2 d; the map as written (2.4 d) would not be.
    const r = check('  max-lead-time: [error, 2d]\n');
    expect(r.stdout).toBe('✔ the map is valid\n');
    expect(r.status).toBe(0);
  });

  it('holds a segment to its own limit, at the name the map gives it', () => {
    // The first-time buyer's 58.35 h = 2.4 d is over 2 d, the re-mortgager's 29.45 h = 1.2 d and the blend's 1.9 d
    // are not. `check` holds 49 h of the first-time buyer's 58.35 h: 84.0%.
    const r = check('  max-lead-time: [error, { limit: 2d, segments: { first-time: 2d, remortgage: 2d } }]\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '21:23  error  for First-time buyer (60% of customers): the lead time is 2.4 d, more than the 2.0 d allowed; `check` holds the most of it (84.0%)  max-lead-time',
    );
    expect(r.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
  });

  it('says so, with a suggestion, when the configuration names a segment the map does not have', () => {
    const r = check('  max-handoffs: [warn, { segments: { remortage: 0.5 } }]\n');
    expect(r.stdout).toContain(
      '21:3  warning  the configuration sets max-handoffs for a segment `remortage` that this map does not have (did you mean `remortgage`?)  max-handoffs',
    );
  });
});

describe('docs/rules/max-lead-time.md, "Per segment"', () => {
  it('is true: the incorrect map is found for its segment alone, at its name; the correct one is not', () => {
    const doc = readFileSync('docs/rules/max-lead-time.md', 'utf8');
    const section = doc.slice(doc.indexOf('## Per segment'));
    const [config, incorrect, correct] = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(config).toBe('rules:\n  max-lead-time: [error, { limit: 3d, segments: { remortgage: 1d } }]\n');
    const settings = new Map([
      ['max-lead-time', { severity: 'error' as const, option: { limit: '3d', segments: { remortgage: '1d' } } }],
    ]);
    const found = (yaml: string) =>
      checkMap(loadText(yaml, 'loan.cxmap.yaml'), settings).map((f) => [f.line, f.column, f.message]);
    // Re-mortgagers: 1 h + 2 d + 1 h = 50 h = 2.1 d, all of it but the 1 h of applying at `check` (98.0%). The
    // blend: 0.6 × 50 h + 0.4 × 50 h = 50 h, within 3 d.
    expect(found(incorrect!)).toEqual([
      [
        8,
        23,
        'for Re-mortgager (40% of customers): the lead time is 2.1 d, more than the 1.0 d allowed; `check` holds the most of it (98.0%)',
      ],
    ]);
    // Re-mortgagers: 1 h + 4 h + 1 h = 6 h.
    expect(found(correct!)).toEqual([]);
  });
});

describe('the journey at a glance of a map with segments', () => {
  // A (75%) as written: apply 1 h, then a 2 d wait and 1 h of check, then 80% approved, 20% declined (1 h each).
  // B (25%) waits 4 h and is declined 60% of the time. Lead times: A 1 + 49 + 1 = 51 h, B 1 + 5 + 1 = 7 h; blended
  // 0.75 × 51 + 0.25 × 7 = 40 h. Stage Apply: 1 h for both. Stage Decide: A 50 h, B 6 h, blended 39 h; its wait
  // 0.75 × 48 + 0.25 × 4 = 37 h. Declined: 0.75 × 20% + 0.25 × 60% = 30%; approved 70%.
  const text = `cxmap: 1
process: { name: Apply, customer: Buyer, goal: A decision }
stages: [Apply, Decide]
actors:
  buyer: { kind: customer, name: Buyer }
  clerk: { kind: backstage, name: Clerk }
segments:
  a: { name: Segment A, share: 75% }
  b: { name: Segment B, share: 25% }
steps:
  - { id: apply, name: Apply, stage: Apply, actor: buyer, work: 1h, next: check }
  - id: check
    name: Check
    stage: Decide
    actor: clerk
    wait: 2d
    work: 1h
    for: { b: { wait: 4h } }
    next:
      - { to: no, chance: 20%, for: { b: 60% } }
      - { to: yes, chance: 80%, for: { b: 40% } }
  - { id: no, name: Decline, stage: Decide, actor: clerk, work: 1h, outcome: failure }
  - { id: yes, name: Approve, stage: Decide, actor: clerk, work: 1h }
`;

  it('gives the blended time of each stage and the blended share of each ending', () => {
    const { map, findings } = loadText(text, 'glance.cxmap.yaml');
    expect(findings).toEqual([]);
    const analysis = analyzeExact(map!);
    expect(stageFigures(analysis).map((s) => [s.stage, s.time / HOUR, s.wait / HOUR])).toEqual([
      ['Apply', 1, 0],
      ['Decide', 39, 37],
    ]);
    expect(endings(analysis).map((e) => [e.step.id, +e.share.toFixed(12)])).toEqual([
      ['yes', 0.7],
      ['no', 0.3],
    ]);
    // 40 h = 1.7 d, 37 h of it waiting: 92.5%. The main way as drawn (approved) is blended as the endings are:
    // 0.75 × 80% + 0.25 × 40% = 70%.
    expect(glanceModel(analysis).summary).toBe(
      'A customer spends 1.7 d on average, 92.5\u00A0% of it waiting; 70\u00A0% reach the goal. 70\u00A0% go the main way exactly as drawn, 0\u00A0% take at least one detour.',
    );
  });
});

describe('the time chart of a map with segments', () => {
  it("gives each stage's blended waiting and work, adding up to the blended lead time", () => {
    const analysis = analyzeExact(loadFile('test/fixtures/segments.cxmap.yaml').map!);
    const model = timeModel(
      analysis,
      analysis.map.steps.map((s) => s.index),
    );
    // The blend of docs/scoring.md: 46.79 h = 168,444 s, of which waiting 157,248 s (0.6 × 48 h + 0.6 × 0.3 × 24 h +
    // 0.4 × 24 h + 0.4 × 0.1 × 24 h = 43.68 h); the map as written would say 58.35 h.
    expect(model.lead).toBeCloseTo(168_444, 6);
    expect(model.wait.seconds).toBeCloseTo(157_248, 6);
  });
});

describe('a target of a map with segments', () => {
  it('met by the blend but missed by a segment is not "met" to a board: the segment is named', () => {
    // The blend takes 46.79 h = 1.95 d, under a 2 d target; first-time buyers take 58.35 h = 2.43 d, over it;
    // re-mortgagers 29.45 h = 1.23 d, under it.
    const text = readFileSync(FIXTURE, 'utf8').replace(
      '  volume: 1000/y\n',
      '  volume: 1000/y\n  targets: { leadTime: 2d }\n',
    );
    const analysis = analyze(loadText(text, 'targets.cxmap.yaml').map!, { runs: 200 });
    const summary = executiveSummary(analysis, opportunities(analysis));
    expect(summary.figures.find((f) => f.metric === 'leadTime')!.status).toEqual({
      text: 'met on average, missed for First-time buyer',
      tone: 'bad',
    });
    // A target every segment meets is met.
    const easy = analyze(loadText(text.replace('leadTime: 2d', 'leadTime: 3d'), 'easy.cxmap.yaml').map!, { runs: 200 });
    expect(executiveSummary(easy, opportunities(easy)).figures.find((f) => f.metric === 'leadTime')!.status).toEqual({
      text: 'met',
      tone: 'good',
    });
  });
});
