/**
 * One configuration of a run: `cxmap.config.yaml` (found from the current folder upward, or named with --config)
 * and the command line resolved once into the run's configuration, which every command that scores takes alike.
 * The figures are those of the reference map, worked by hand in docs/scoring.md ("Worked example").
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cxmap, ROOT } from '../helpers/cli.js';
import { resolveRun } from '../../src/rules/index.js';
import { liveState } from '../../src/workflows/index.js';

const REFERENCE = readFileSync(join(ROOT, 'test/fixtures/reference.cxmap.yaml'), 'utf8');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder with this configuration and the reference map one folder down (`maps/`), where the commands run. */
function team(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cxmap-config-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'maps'));
  writeFileSync(join(dir, 'maps', 'reference.cxmap.yaml'), REFERENCE);
  if (config) writeFileSync(join(dir, 'cxmap.config.yaml'), config);
  return join(dir, 'maps');
}

const run = (cwd: string, ...args: string[]) => cxmap(args, { cwd });
type Step = { id: string; value: number; verdict: string };
const verdicts = (steps: Step[]) => Object.fromEntries(steps.map((s) => [s.id, [s.value, s.verdict]]));
const scoreSteps = (cwd: string, ...args: string[]) => {
  const r = run(cwd, 'score', 'reference.cxmap.yaml', '--format', 'json', '--runs', '1000', ...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};
const reportJson = (cwd: string, ...args: string[]) => {
  const r = run(cwd, 'report', 'reference.cxmap.yaml', '--format', 'json', '-o', 'out', '--runs', '1000', ...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(readFileSync(join(cwd, 'out', 'reference.report.json'), 'utf8'));
};

/** docs/scoring.md, "Values": the default weights. */
const DEFAULT = {
  apply: [28, 'streamline'],
  check: [30, 'rethink'],
  fix: [0, 'remove'],
  decide: [100, 'keep'],
  reject: [40, 'streamline'],
  prepare: [40, 'streamline'],
  contract: [95, 'keep'],
  setup: [40, 'rethink'],
  done: [100, 'keep'],
};

/**
 * Every base weight 0: every step starts at 0 and only loses points from there, so every value is 0, below the
 * high-value line (60). The delays do not change (high from 2/8 = 25%: check and setup). So keep becomes
 * streamline (decide, contract, done), a high delay stays rethink, waste stays remove.
 */
const ZERO = {
  apply: [0, 'streamline'],
  check: [0, 'rethink'],
  fix: [0, 'remove'],
  decide: [0, 'streamline'],
  reject: [0, 'streamline'],
  prepare: [0, 'streamline'],
  contract: [0, 'streamline'],
  setup: [0, 'rethink'],
  done: [0, 'streamline'],
};
const ZERO_CONFIG = 'weights:\n  base: { customer: 0, business: 0, waste: 0, unclassified: 0 }\n';

describe("the configuration's weights", () => {
  it('give the values and verdicts of score and report: every base weight 0 makes every value 0', () => {
    expect(verdicts(scoreSteps(team('')).steps)).toEqual(DEFAULT);
    const cwd = team(ZERO_CONFIG);
    expect(verdicts(scoreSteps(cwd).steps)).toEqual(ZERO);
    expect(verdicts(reportJson(cwd).steps)).toEqual(ZERO);
    // The Markdown report's step table says the same: decide is no longer kept.
    expect(run(cwd, 'report', 'reference.cxmap.yaml', '-f', 'md', '-o', 'md', '--runs', '1000').status).toBe(0);
    const md = readFileSync(join(cwd, 'md', 'reference.report.md'), 'utf8');
    expect(md).toMatch(/^\| `decide` .*\| 0 \| streamline \|/m);
    expect(md).not.toMatch(/\| keep \|/);
  });

  it('place each step on the matrix by the same thresholds as its verdict', () => {
    // highValue 96: contract's 95 is no longer high: streamline, 95 / 96 of the way up its band (0.22 to 0.6 of the
    // drawing's height, the waste band under it), which Mermaid's axis, its middle at the drawing's line at 0.6, has
    // at 0.5 x (0.22 + 0.38 x 95 / 96) / 0.6 = 0.497; by default keep, (95 - 60) / 40 of the way up the band from
    // 0.6 to 1: 0.5 + 0.5 x (0.4 x 0.875) / 0.4 = 0.938. Across, its share is 0: x = 0.
    const cwd = team('weights:\n  highValue: 96\n');
    expect(verdicts(scoreSteps(cwd).steps).contract).toEqual([95, 'streamline']);
    expect(run(cwd, 'render', 'reference.cxmap.yaml', '--view', 'matrix', '-o', 'out').status).toBe(0);
    expect(readFileSync(join(cwd, 'out', 'reference.matrix.mmd'), 'utf8')).toContain('  "contract": [0, 0.497]\n');
    expect(
      run(cwd, 'render', 'reference.cxmap.yaml', '--view', 'matrix', '-f', 'mmd', '-o', 'default', '-c', '/dev/null'),
    ).toMatchObject({ status: 0 });
    expect(readFileSync(join(cwd, 'default', 'reference.matrix.mmd'), 'utf8')).toContain('  "contract": [0, 0.938]\n');
    // cxmap's own drawing labels the high values from the line: 96-100, and below it 0-95.
    expect(run(cwd, 'render', 'reference.cxmap.yaml', '--view', 'matrix', '-f', 'svg', '-o', 'svg').status).toBe(0);
    const svg = readFileSync(join(cwd, 'svg', 'reference.matrix.svg'), 'utf8');
    expect(svg).toContain('>96-100<');
    expect(svg).toContain('>0-95<');
  });

  it("reach the live page of cxmap serve, with the configuration's effort estimates", () => {
    const config = { dir: ROOT, config: { weights: { highValue: 96 }, effort: { 'cut-wait:check': 1 } } };
    const { state } = liveState(REFERENCE, 'reference.cxmap.yaml', ['matrix'], resolveRun(config));
    if (!state.ok) throw new Error('the reference map is valid');
    expect(state.diagrams.map((d) => 'svg' in d && d.svg.includes('>96-100<'))).toEqual([true]);
    expect(state.html).toMatch(
      /\(<code>cut-wait:check<\/code>\)<\/td><td[^>]*>[^<]*<\/td><td[^>]*>1 \(configuration\)/,
    );
  });
});

describe('one configuration of a run', () => {
  it('gives score, report and improve the same weights and effort estimates, found from the current folder upward', () => {
    const cwd = team('weights:\n  highValue: 96\neffort:\n  cut-wait:check: 1\n');
    expect(verdicts(scoreSteps(cwd).steps).contract).toEqual([95, 'streamline']);
    const report = reportJson(cwd);
    expect(verdicts(report.steps).contract).toEqual([95, 'streamline']);
    const cut = report.opportunities.find((o: { id: string }) => o.id === 'cut-wait:check');
    expect([cut.effort, cut.effortFrom]).toEqual([1, 'configuration']);
    const improved = run(cwd, 'improve', 'reference.cxmap.yaml', '--apply', 'cut-wait:check', '-o', 'to-be.cxmap.yaml');
    expect(improved.status).toBe(0);
    expect(improved.stdout).toContain(
      '(cut-wait:check): value 3.6 of 5, effort 1 of 5; made with the wait before `check` (2.0 d) cut by 37.5%, the middle of 25-50% (assumed; set `levers:` in the map)\n',
    );
  });

  it('gives score and report the same simulation from --runs and --seed', () => {
    const cwd = team('');
    const score = scoreSteps(cwd, '--runs', '1500', '--seed', '7');
    const report = reportJson(cwd, '--runs', '1500', '--seed', '7');
    expect(score.simulation).toEqual({ runs: 1500, seed: 7, stoppedRuns: 0 });
    expect(report.simulation).toEqual(score.simulation);
    expect(report.metrics.leadTimePercentiles).toEqual(score.metrics.leadTimePercentiles);
    expect(scoreSteps(cwd, '--runs', '1500', '--seed', '8').metrics.leadTimePercentiles).not.toEqual(
      score.metrics.leadTimePercentiles,
    );
  });

  it('refuses a configuration it cannot use in one line with its position, exit 2, in every command', () => {
    const cwd = team('weights:\n  base: { customer: lots }\n');
    const config = join(cwd, '..', 'cxmap.config.yaml');
    for (const args of [
      ['score', 'reference.cxmap.yaml'],
      ['report', 'reference.cxmap.yaml', '-o', 'out'],
      ['render', 'reference.cxmap.yaml', '-o', 'out'],
      ['improve', 'reference.cxmap.yaml', '--apply', 'recommended', '-o', 'to-be.cxmap.yaml'],
      ['check', 'reference.cxmap.yaml'],
    ]) {
      const r = run(cwd, ...args);
      expect([args[0], r.status, r.stdout]).toEqual([args[0], 2, '']);
      expect(r.stderr).toBe(`cxmap: ${config}:2:21: weights.base.customer must be a number\n`);
    }
  });
});
