/**
 * The executive summary the report opens with (and the deck's summary slide says): one sentence with the figure,
 * the headline figures as `cxmap score --format json` gives them, what the recommended changes do together, and the
 * decision asked, in plain words (no ids).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, jsonValue, metric } from '../../src/analysis/index.js';
import { opportunities } from '../../src/rules/index.js';
import { executiveSummary, scoreJson } from '../../src/report/index.js';
import { mapOf } from '../helpers/analyze.js';

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'];

describe('the executive summary', () => {
  it('says how long customers wait and how much of it is waiting, against the target', () => {
    // The map of test/report/csv.test.ts: 30 m + 2 d + 1 h = 2.0625 d against a target of 2 d; 48 h of 49.5 h wait.
    const map = mapOf(
      readFileSync(new URL('./csv.test.ts', import.meta.url), 'utf8')
        .split('const MAP = `')[1]!
        .split('`;')[0]!,
    );
    const analysis = analyze(map, { runs: 100 });
    const summary = executiveSummary(analysis, opportunities(analysis));
    expect(summary.headline).toBe(
      'Customers spend 2.1 days on average from the trigger to the end, against a target of 2.0 days; 97% of it is waiting',
    );
    expect(summary.figures.map((f) => [f.label, f.now, f.target, f.status])).toEqual([
      ['Lead time', '2.1 d', '2.0 d', { text: 'missed', tone: 'bad' }],
      ['Success rate', '100.0%', '', ''],
      ['Dark time', '1.0 d', '', ''],
      ['Cost to serve a case', 'EUR 60', '', ''],
      ['Cost a year', 'EUR 60,000', '', ''],
      ['Customer days a year', '2,063', '', ''],
    ]);
  });

  it('says by how much a target is still missed once the changes are made, where the what-if has the figure', () => {
    // Home loan: the recommended changes take the lead time from 24.0 d to 19.0 d against a target of 10.0 d; PCE is
    // not a figure of the what-if, so it is named alone.
    const analysis = analyze(mapOf(readFileSync('examples/home-loan.cxmap.yaml', 'utf8')), { runs: 100 });
    const { proposal } = executiveSummary(analysis, opportunities(analysis));
    expect(proposal).toContain('take the lead time from 24.0 d to 19.0 d');
    expect(proposal).toMatch(/Still missed: the target lead time, by 9\.0 d; the target PCE\.$/);
  });

  it.each(EXAMPLES)('%s: every figure is the one cxmap score --format json gives, and no text names an id', (name) => {
    const analysis = analyze(mapOf(readFileSync(`examples/${name}.cxmap.yaml`, 'utf8')), { runs: 200 });
    const ranking = opportunities(analysis);
    const summary = executiveSummary(analysis, ranking);
    const { metrics } = scoreJson(analysis, name);
    expect(summary.figures.length).toBeGreaterThanOrEqual(3);
    for (const f of summary.figures) {
      const m = metric(f.metric);
      const fromJson = m.json.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], metrics);
      expect(jsonValue(m.unit, f.value), f.label).toBe(fromJson);
    }
    const text = [summary.headline, summary.proposal ?? '', summary.decision, ...summary.changes].join('\n');
    // Each step named once: "Remove “Register the application”", not "... (Register the application)" after it.
    for (const step of analysis.map.steps) expect(text).not.toContain(`“${step.name}” (${step.name})`);
    expect(text).not.toContain('`');
    for (const step of analysis.map.steps)
      expect(text, step.id).not.toMatch(new RegExp(`(^|[^\\w-])${step.id}([^\\w-]|$)`));
  });
});
