/**
 * Targets per stage as a consultant sees them: the report's table, `cxmap score` in text and JSON. The figures are
 * those of docs/scoring.md ("Targets per stage"): Assess 9 h against 8 h, 90% through against 95%; Close 54 min,
 * 100% through against 100%.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cxmap } from '../helpers/cli.js';
import { analyze } from '../../src/analysis/index.js';
import { loadText } from '../../src/load/index.js';
import { deckStory } from '../../src/report/index.js';
import { opportunities } from '../../src/rules/index.js';

const FIXTURE = 'test/fixtures/stage-targets.cxmap.yaml';

describe('targets per stage in the outputs', () => {
  it('reports the stages against their targets in a table of the Markdown report', () => {
    const out = mkdtempSync(join(tmpdir(), 'cxmap-stages-'));
    const r = cxmap(['report', FIXTURE, '-f', 'md', '-o', out]);
    expect(r.status).toBe(0);
    const md = readFileSync(join(out, 'stage-targets.report.md'), 'utf8');
    expect(md).toContain(
      [
        '### Stages against their targets',
        '',
        '| Stage | Time | Target |  | Success rate through it | Target |  |',
        '| --- | --: | --: | --- | --: | --: | --- |',
        '| Assess | 9 h | 8 h | 🔴 missed by 1 h | 90.0% | 95.0% | 🔴 missed by 5.0 pts |',
        '| Close | 54 m |  |  | 100.0% | 100.0% | 🟢 met |',
        '',
      ].join('\n'),
    );
  });

  it('gives stages[] in the JSON of cxmap score, with the targets in the shape of the process targets', () => {
    const r = cxmap(['score', FIXTURE, '-f', 'json']);
    expect(r.status).toBe(0);
    const scored = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(scored.stages).toEqual([
      {
        name: 'Assess',
        leadTimeSeconds: 32_400,
        successRate: 0.9,
        targets: [
          { metric: 'leadTime', target: 28_800, actual: 32_400, gap: 3600, met: false },
          { metric: 'successRate', target: 0.95, actual: 0.9, gap: -0.05, met: false },
        ],
      },
      {
        name: 'Close',
        leadTimeSeconds: 3240,
        successRate: 1,
        targets: [{ metric: 'successRate', target: 1, actual: 1, gap: 0, met: true }],
      },
    ]);
  });

  it('shows the stages in the text of cxmap score', () => {
    const r = cxmap(['score', FIXTURE, '--no-color']);
    expect(r.stdout).toContain(
      '  Stages          Assess 9 h   target 8 h ✖ 1 h over  through 90.0%   target 95.0% ✖ 5.0% short\n' +
        '                  Close 54 m  through 100.0%   target 100.0% ✔ met\n',
    );
  });

  it('leaves a map without stage targets as it was: no stages key, no stage rows, no table', () => {
    const r = cxmap(['score', 'examples/home-loan.cxmap.yaml', '-f', 'json']);
    expect(r.status).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout) as Record<string, unknown>)).toContain('targets');
    expect(Object.keys(JSON.parse(r.stdout) as Record<string, unknown>)).not.toContain('stages');
    expect(cxmap(['score', 'examples/home-loan.cxmap.yaml', '--no-color']).stdout).not.toContain('Stages ');
  });
});

describe('targets per stage in the deck', () => {
  it('adds the stage targets to the notes of the journey at a glance, and keeps the main part at 14 slides at most', () => {
    const loaded = loadText(readFileSync(FIXTURE, 'utf8'), 'loan.cxmap.yaml');
    const analysis = analyze(loaded.map!, { runs: 200 });
    const story = deckStory({ analysis, ranking: opportunities(analysis), date: '6 December 2026' });
    expect(story.main.length).toBeLessThanOrEqual(14);
    const glance = story.main.filter((s) => s.notes.startsWith('The journey at a glance'));
    expect(glance).toHaveLength(1);
    const notes = glance[0]!.notes.split('\n');
    const from = notes.indexOf('Against the targets the stages set:');
    expect(notes.slice(from, from + 4)).toEqual([
      'Against the targets the stages set:',
      '- Stage Assess takes 9 h, over its target of 8 h (1 h over).',
      '- Stage Assess sees 90.0% of the customers who enter it through, under its target of 95.0% (5.0 points under).',
      '- Stage Close sees 100.0% of the customers who enter it through, meeting its target of 100.0%.',
    ]);
    expect(notes[from + 4]).toBe('Where customers end:');
  });
});
