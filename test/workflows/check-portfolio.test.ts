/**
 * What `cxmap check` reads as a portfolio (a file whose first key is `portfolio:`), how it keeps each map once when
 * a portfolio that lists it is checked too, and the portfolio's personas counting for its maps.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, isPortfolioFile, planCheck } from '../../src/workflows/index.js';
import { loadConfig } from '../../src/load/index.js';
import { resolveRun } from '../../src/rules/index.js';

const file = (dir: string, name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('isPortfolioFile', () => {
  it('is true when the first key, after comments, a BOM, directives and ---, is portfolio', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxmap-is-portfolio-'));
    expect(isPortfolioFile(file(dir, 'a.yaml', 'portfolio: 1\nname: A\n'))).toBe(true);
    expect(isPortfolioFile(file(dir, 'b.yaml', '\uFEFF# the lifecycle\n\n%YAML 1.2\n---\nportfolio: 1\n'))).toBe(true);
    expect(isPortfolioFile(file(dir, 'c.yaml', '"portfolio": 1\n'))).toBe(true);
    // A map, even one that says "portfolio" further down or in a comment, is not one.
    expect(isPortfolioFile(file(dir, 'd.yaml', '# portfolio: 1\ncxmap: 1\nportfolio: 1\n'))).toBe(false);
    expect(isPortfolioFile(file(dir, 'e.yaml', 'portfolios: 1\n'))).toBe(false);
    expect(isPortfolioFile(file(dir, 'f.yaml', ''))).toBe(false);
    expect(isPortfolioFile(join(dir, 'missing.yaml'))).toBe(false);
    expect(isPortfolioFile('-')).toBe(false);
  });
});

describe('planCheck', () => {
  it('leaves out the maps a portfolio among the paths lists (however they are named), and keeps the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxmap-journeys-'));
    cpSync('test/fixtures/portfolio', join(dir, 'p'), { recursive: true });
    const other = file(dir, 'other.cxmap.yaml', 'cxmap: 1\n');
    const portfolio = join(dir, 'p', 'cxmap.portfolio.yaml');
    const paths = [join(dir, 'p', '..', 'p', 'join.cxmap.yaml'), other, portfolio, join(dir, 'p', 'leave.cxmap.yaml')];
    const listed = ['join', 'use', 'leave'].map((m) => join(dir, 'p', `${m}.cxmap.yaml`));
    // The inputs no output may overwrite: the paths and the portfolio's maps.
    expect(planCheck(paths)).toEqual({ paths: [other, portfolio], inputs: [...paths, ...listed] });
    // Without the portfolio among them, every map stays.
    expect(planCheck([paths[0]!, other])).toEqual({ paths: [paths[0], other], inputs: [paths[0], other] });
  });
});

describe('checkFiles on the lifecycle example', () => {
  it('checks the portfolio file, then its maps, whose personas the portfolio defines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxmap-lifecycle-'));
    cpSync('examples/lifecycle', dir, { recursive: true });
    const job = { run: resolveRun(loadConfig(undefined, dir)), cwd: dir, quiet: false };
    const checked = checkFiles([join(dir, 'cxmap.portfolio.yaml')], job);
    expect(checked.map((c) => c.file)).toEqual(
      ['cxmap.portfolio.yaml', 'apply.cxmap.yaml', 'move-in.cxmap.yaml', 'get-help.cxmap.yaml'].map((f) =>
        join(dir, f),
      ),
    );
    // Every journey gives a volume: the recommended preset finds nothing in the portfolio file.
    expect(checked[0]!.findings).toEqual([]);
    // The maps name the personas first-timer and remortgager; the portfolio defines them, the configuration does not.
    expect(checked.flatMap((c) => c.findings).filter((f) => f.code === 'unknown-persona')).toEqual([]);
    expect(checked[1]!.findings.map((f) => f.code)).toContain('target-lead-time');
  });
});
