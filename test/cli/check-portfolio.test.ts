/**
 * `cxmap check` on a portfolio (docs/portfolio.md, docs/ci.md "A portfolio in CI"): the portfolio file, a folder or
 * a glob holding one; every map it lists checked once, in its own file; the portfolio's own policies at their line
 * and column in the portfolio file; exit codes, --max-warnings, SARIF against the real schema, and
 * portfolio-no-growth against the portfolio and its maps at a git ref, in a real repository.
 *
 * test/fixtures/portfolio (docs/portfolio.md "A small portfolio, by hand"): Join (1,000 a year, 74 h: 3,083.333
 * customer days and EUR 70,000 a year; its work goes from the service desk to operations: 1 handoff; a lead-time
 * target), Use (2,000 a year, 112.5 min: 156.25 customer days and EUR 60,000 a year; no handoff: the desk hands the
 * work back to the customer; a lead-time target), Leave (no volume, no target, no handoff). The portfolio file's
 * line 3 is `journeys: [join.cxmap.yaml, use.cxmap.yaml, leave.cxmap.yaml]`: the entries start at columns 12, 29
 * and 45; line 2 is `name: Test lifecycle`, the name at column 7.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { cxmap, STACK } from '../helpers/cli.js';

/** A copy of the small portfolio in a temporary folder, with a configuration when given. */
function portfolio(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cxmap-check-portfolio-'));
  cpSync('test/fixtures/portfolio', dir, { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, 'cxmap.config.yaml'), config);
  return dir;
}

const run = (dir: string, ...args: string[]) => cxmap(['check', ...args], { cwd: dir });

interface JsonResult {
  file: string;
  findings: { code: string; line: number; column: number; severity: string; message: string }[];
}
const results = (stdout: string) => JSON.parse(stdout) as JsonResult[];
const lines = (stdout: string, code?: RegExp) =>
  results(stdout).flatMap((r) =>
    r.findings
      .filter((f) => !code || code.test(f.code))
      .map((f) => `${r.file}:${f.line}:${f.column} ${f.severity} ${f.code}: ${f.message}`),
  );

const STRICT = `extends: recommended
rules:
  portfolio-max-handoffs: [error, 0]
  portfolio-require-targets: warn
`;

describe('cxmap check <portfolio>: the portfolio file and every map it lists', () => {
  it("reports the portfolio's policies at the journeys' entries, and each map's findings in its own file", () => {
    const dir = portfolio(STRICT);
    const r = run(dir, 'cxmap.portfolio.yaml', '-f', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(results(r.stdout).map((x) => x.file)).toEqual([
      'cxmap.portfolio.yaml',
      'join.cxmap.yaml',
      'use.cxmap.yaml',
      'leave.cxmap.yaml',
    ]);
    expect(lines(r.stdout, /^portfolio-/)).toEqual([
      'cxmap.portfolio.yaml:3:12 error portfolio-max-handoffs: the work of Join (join.cxmap.yaml) changes hands once per customer, more than the 0 the portfolio allows',
      'cxmap.portfolio.yaml:3:45 warning portfolio-require-targets: Leave (leave.cxmap.yaml) sets no targets (process.targets: leadTime, pce or successRate): the portfolio cannot say whether it meets them',
      "cxmap.portfolio.yaml:3:45 warning portfolio-require-volume: Leave (leave.cxmap.yaml) gives no volume (process.volume, cases a year): it is not ranked, and its customer days, cost and team hours count in none of the portfolio's totals",
    ]);
    // Each map as `cxmap check` checks it alone: Join misses its 2-day target (74 h = 3.08 d).
    expect(lines(r.stdout, /^target-/)).toEqual([
      "join.cxmap.yaml:8:24 warning target-lead-time: the lead time is 3.1 d, which misses the map's own target of 2.0 d by 1.1 d",
    ]);
  });

  it('takes a folder or a glob that holds a portfolio, and checks each of its maps once', () => {
    const dir = portfolio(STRICT);
    const file = run(dir, 'cxmap.portfolio.yaml', '-f', 'json').stdout;
    for (const args of [['.'], ['{cxmap.portfolio,*.cxmap}.yaml'], ['join.cxmap.yaml', 'cxmap.portfolio.yaml'], []]) {
      const r = run(dir, ...args, '-f', 'json');
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stdout.replaceAll('"./', '"'), args.join(' ')).toBe(file);
    }
  });

  it('exit codes: warnings only 0, --max-warnings 1, errors 1; --quiet keeps the errors', () => {
    const dir = portfolio();
    // The recommended preset: Leave's missing volume is a warning; min-pce and target-lead-time warn on the maps.
    const preset = run(dir, 'cxmap.portfolio.yaml', '-f', 'json');
    expect(preset.status).toBe(0);
    expect(lines(preset.stdout, /^portfolio-/)).toEqual([
      "cxmap.portfolio.yaml:3:45 warning portfolio-require-volume: Leave (leave.cxmap.yaml) gives no volume (process.volume, cases a year): it is not ranked, and its customer days, cost and team hours count in none of the portfolio's totals",
    ]);
    const tooMany = run(dir, 'cxmap.portfolio.yaml', '--max-warnings', '4');
    expect(tooMany.status).toBe(1);
    expect(tooMany.stderr).toBe('cxmap: 5 warnings, more than --max-warnings 4\n');
    expect(run(dir, 'cxmap.portfolio.yaml', '--max-warnings', '5').status).toBe(0);
    // An override for the portfolio file sets its rules: the missing volume becomes an error.
    writeFileSync(
      join(dir, 'cxmap.config.yaml'),
      'extends: recommended\noverrides:\n  - files: [cxmap.portfolio.yaml]\n    rules:\n      portfolio-require-volume: error\n',
    );
    const override = run(dir, 'cxmap.portfolio.yaml', '-f', 'json');
    expect(override.status).toBe(1);
    expect(lines(override.stdout, /^portfolio-/).map((l) => l.split(': ')[0])).toEqual([
      'cxmap.portfolio.yaml:3:45 error portfolio-require-volume',
    ]);
    const quiet = run(portfolio(STRICT), 'cxmap.portfolio.yaml', '--quiet', '-f', 'json');
    expect(quiet.status).toBe(1);
    expect(lines(quiet.stdout).map((l) => l.split(': ')[0])).toEqual([
      'cxmap.portfolio.yaml:3:12 error portfolio-max-handoffs',
    ]);
  });

  it('never writes an output over a map the portfolio lists', () => {
    const dir = portfolio();
    const r = run(dir, 'cxmap.portfolio.yaml', '-f', 'json', '-o', 'join.cxmap.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'cxmap: join.cxmap.yaml is one of the input maps: cxmap never writes over an input; choose another output\n',
    );
    expect(readFileSync(join(dir, 'join.cxmap.yaml'), 'utf8')).toBe(
      readFileSync('test/fixtures/portfolio/join.cxmap.yaml', 'utf8'),
    );
  });

  it('a suppression with its reason in the portfolio file silences the rule it names there', () => {
    const dir = portfolio(STRICT);
    const file = join(dir, 'cxmap.portfolio.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'journeys:',
        '# cxmap-disable-next-line portfolio-max-handoffs -- joining is regulated\njourneys:',
      ),
    );
    const r = run(dir, 'cxmap.portfolio.yaml', '-f', 'json');
    expect(r.status).toBe(0);
    expect(lines(r.stdout, /^portfolio-|suppression/).map((l) => l.split(': ')[0])).toEqual([
      'cxmap.portfolio.yaml:4:45 warning portfolio-require-targets',
      'cxmap.portfolio.yaml:4:45 warning portfolio-require-volume',
    ]);
  });

  it('portfolio-one-currency: a journey that names no currency, when the others name EUR', () => {
    const dir = portfolio();
    const leave = join(dir, 'leave.cxmap.yaml');
    writeFileSync(leave, readFileSync(leave, 'utf8').replace('  currency: EUR\n', ''));
    const r = run(dir, 'cxmap.portfolio.yaml', '-f', 'json');
    expect(r.status).toBe(0);
    expect(lines(r.stdout, /^(portfolio-one-currency|no-currency)$/)).toEqual([
      'cxmap.portfolio.yaml:3:45 warning portfolio-one-currency: Leave (leave.cxmap.yaml) names no currency (process.currency), Join (join.cxmap.yaml) in EUR: no cost is added up across journeys in different currencies',
      expect.stringMatching(/^leave\.cxmap\.yaml:\d+:\d+ warning no-currency: /),
    ]);
  });

  it("a portfolio's own error (a journey that is not there) fails the check; its other maps are still checked", () => {
    const dir = portfolio();
    const text = readFileSync(join(dir, 'cxmap.portfolio.yaml'), 'utf8');
    writeFileSync(join(dir, 'cxmap.portfolio.yaml'), text.replace('use.cxmap.yaml,', 'usage.cxmap.yaml,'));
    const r = run(dir, 'cxmap.portfolio.yaml', '-f', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(results(r.stdout).map((x) => x.file)).toEqual([
      'cxmap.portfolio.yaml',
      'join.cxmap.yaml',
      'leave.cxmap.yaml',
    ]);
    expect(lines(r.stdout).filter((l) => l.startsWith('cxmap.portfolio.yaml'))).toEqual([
      'cxmap.portfolio.yaml:3:29 error unknown-journey: there is no map usage.cxmap.yaml beside the portfolio (did you mean `use.cxmap.yaml`?)',
    ]);
  });

  it('sarif: valid against the SARIF 2.1.0 schema, the finding in the portfolio file with its rule page', () => {
    const dir = portfolio(STRICT);
    const out = join(dir, 'cxmap.sarif');
    expect(run(dir, 'cxmap.portfolio.yaml', '-f', 'sarif', '-o', out).status).toBe(1);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    const schema = JSON.parse(readFileSync('test/fixtures/sarif-schema-2.1.0.json', 'utf8'));
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run0 = log.runs[0];
    const handoffs = run0.results.filter((r: { ruleId: string }) => r.ruleId === 'portfolio-max-handoffs');
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0].level).toBe('error');
    expect(handoffs[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'cxmap.portfolio.yaml' },
      region: { startLine: 3, startColumn: 12, endLine: 3, endColumn: 27 },
    });
    expect(run0.tool.driver.rules[handoffs[0].ruleIndex]).toMatchObject({
      id: 'portfolio-max-handoffs',
      helpUri: 'https://github.com/cxmap/cxmap/blob/main/docs/rules/portfolio-max-handoffs.md',
    });
  });

  it('the stylish, github, junit and markdown formats name the portfolio file and its line', () => {
    const dir = portfolio(STRICT);
    expect(run(dir, 'cxmap.portfolio.yaml').stdout).toContain(
      [
        'cxmap.portfolio.yaml',
        '  3:12  error  the work of Join (join.cxmap.yaml) changes hands once per customer, more than the 0 the portfolio allows  portfolio-max-handoffs',
        '    3 | journeys: [join.cxmap.yaml, use.cxmap.yaml, leave.cxmap.yaml]',
        '      |            ^^^^^^^^^^^^^^^',
      ].join('\n'),
    );
    const github = run(dir, 'cxmap.portfolio.yaml', '-f', 'github').stdout;
    expect(github).toContain(
      '::error file=cxmap.portfolio.yaml,line=3,col=12,endLine=3,endColumn=27,title=cxmap portfolio-max-handoffs::the work of Join (join.cxmap.yaml) changes hands once per customer, more than the 0 the portfolio allows\n',
    );
    expect(run(dir, 'cxmap.portfolio.yaml', '-f', 'junit').stdout).toContain(
      '<testcase name="3:12 portfolio-max-handoffs" classname="cxmap.portfolio.yaml">',
    );
    expect(run(dir, 'cxmap.portfolio.yaml', '-f', 'markdown').stdout).toContain(
      '| `cxmap.portfolio.yaml` | 3:12 | 🔴 error | [portfolio-max-handoffs]',
    );
  });
});

/** A git repository of the folder's files, committed on main; returns a runner of git commands in it. */
function repository(dir: string) {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
  git('add', '.');
  git('commit', '-q', '-m', 'as is');
  return git;
}

describe('portfolio-no-growth: the portfolio and its maps against their versions at --against, in a real repository', () => {
  const GROWTH = `extends: recommended
rules:
  portfolio-no-growth: [error, { customerDays: 0, cost: 5% }]
`;

  it('reports the growth of the yearly customer days and cost at the portfolio name', () => {
    const dir = portfolio(GROWTH);
    const git = repository(dir);
    // Use grows from 2,000 to 3,000 cases a year: 156.25 → 234.375 customer days (+78.125), EUR 60,000 → 90,000.
    // The portfolio: 3,083.333 + 156.25 = 3,239.583 → 3,317.708 customer days, +78.125 = +2.4%;
    // EUR 130,000 → 160,000, +30,000 = +23.1%.
    const use = join(dir, 'use.cxmap.yaml');
    writeFileSync(use, readFileSync(use, 'utf8').replace('volume: 2000/y', 'volume: 3000/y'));
    git('commit', '-qam', 'more calls');
    const r = run(dir, 'cxmap.portfolio.yaml', '--against', 'HEAD~1', '-f', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(lines(r.stdout, /^portfolio-no-growth$/)).toEqual([
      'cxmap.portfolio.yaml:2:7 error portfolio-no-growth: the customer days a year of the journeys of Test lifecycle grew from 3,240 at HEAD~1 to 3,318: +78.13 (+2.4%); none allowed',
      'cxmap.portfolio.yaml:2:7 error portfolio-no-growth: the cost a year of the journeys of Test lifecycle grew from EUR 130,000 at HEAD~1 to EUR 160,000: +EUR 30,000 (+23.1%); 5% allowed',
    ]);
    // Within its tolerance (2.4% of 3%), the customer days pass; the cost is not checked without its own.
    writeFileSync(join(dir, 'cxmap.config.yaml'), 'rules:\n  portfolio-no-growth: [error, { customerDays: 3% }]\n');
    const within = run(dir, 'cxmap.portfolio.yaml', '--against', 'HEAD~1', '-f', 'json');
    expect(within.status).toBe(0);
    expect(lines(within.stdout)).toEqual([]);
    // Against the same version, nothing grew.
    writeFileSync(join(dir, 'cxmap.config.yaml'), GROWTH);
    expect(lines(run(dir, '--against', 'HEAD', '-f', 'json').stdout, /^portfolio-no-growth$/)).toEqual([]);
  });

  it('counts a journey the portfolio lists since the ref, and reads the journeys the portfolio listed at the ref', () => {
    const dir = portfolio(GROWTH);
    const file = join(dir, 'cxmap.portfolio.yaml');
    const text = readFileSync(file, 'utf8');
    // At the ref the portfolio lists Join alone (3,083.333 days, EUR 70,000); now Join and Use: +156.25 days (+5.1%),
    // +EUR 60,000 (+85.7%). Leave has no volume: it counts in neither total.
    writeFileSync(file, text.replace('[join.cxmap.yaml, use.cxmap.yaml, leave.cxmap.yaml]', '[join.cxmap.yaml]'));
    const git = repository(dir);
    writeFileSync(file, text);
    git('commit', '-qam', 'the whole lifecycle');
    const r = run(dir, 'cxmap.portfolio.yaml', '--against', 'HEAD~1', '-f', 'json');
    expect(r.stderr).not.toMatch(STACK);
    expect(lines(r.stdout, /^portfolio-no-growth$/)).toEqual([
      'cxmap.portfolio.yaml:2:7 error portfolio-no-growth: the customer days a year of the journeys of Test lifecycle grew from 3,083 at HEAD~1 to 3,240: +156.25 (+5.1%); none allowed',
      'cxmap.portfolio.yaml:2:7 error portfolio-no-growth: the cost a year of the journeys of Test lifecycle grew from EUR 70,000 at HEAD~1 to EUR 130,000: +EUR 60,000 (+85.7%); 5% allowed',
    ]);
  });

  it('gates each changed map of the portfolio in its own file, as no-regression does for a map', () => {
    const dir = portfolio(GROWTH);
    const git = repository(dir);
    // Use's call is answered in 3 hours rather than 1: 1.25 × (6m + 3h + 24m) = 262.5 min a case, from 112.5
    // (+133.3%); the portfolio's customer days: 156.25 → 364.583 for Use, 3,239.583 → 3,447.917 (+6.4%).
    const use = join(dir, 'use.cxmap.yaml');
    writeFileSync(use, readFileSync(use, 'utf8').replace('wait: 1h', 'wait: 3h'));
    git('commit', '-qam', 'fewer agents');
    const r = run(dir, 'cxmap.portfolio.yaml', '--against', 'HEAD~1', '-f', 'json');
    expect(r.status).toBe(1);
    const gate = lines(r.stdout, /^(no-regression|portfolio-no-growth)$/);
    expect(gate.filter((l) => l.includes('Lead time') || l.includes('customer days'))).toEqual([
      'cxmap.portfolio.yaml:2:7 error portfolio-no-growth: the customer days a year of the journeys of Test lifecycle grew from 3,240 at HEAD~1 to 3,448: +208.33 (+6.4%); none allowed',
      'use.cxmap.yaml:3:9 error no-regression: worse for the customer: Lead time 1 h 53 m → 4 h 23 m, +2 h 30 m (+133.3%); 10% allowed',
    ]);
  });

  it('compares nothing for a portfolio that is new since the ref', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxmap-check-portfolio-'));
    writeFileSync(join(dir, 'README.md'), 'maps to come\n');
    const git = repository(dir);
    cpSync('test/fixtures/portfolio', dir, { recursive: true });
    writeFileSync(join(dir, 'cxmap.config.yaml'), GROWTH);
    git('add', '.');
    git('commit', '-qm', 'the portfolio');
    const r = run(dir, 'cxmap.portfolio.yaml', '--against', 'HEAD~1', '-f', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(lines(r.stdout, /^portfolio-no-growth$/)).toEqual([]);
  });
});
