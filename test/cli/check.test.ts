/**
 * `cxmap check` end to end on small repositories of maps: configuration discovery, the preset, overrides,
 * suppressions, every output format (SARIF against the real SARIF 2.1.0 schema, JUnit parsed back, GitHub
 * workflow commands exactly as the runner reads them), exit codes, and the regression gate in a real git repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cxmap, STACK } from '../helpers/cli.js';
import { cleanMap } from '../helpers/maps.js';

/**
 * A map whose work changes hands 3 times (back → ops → core → desk) and whose check waits 4 days, 3 of them in the dark
 * (after the default day of silence).
 * Line 14 is `- id: check`; its wait is on line 17, column 11; the process name on line 3, column 9.
 */
const MAP = `cxmap: 1
process:
  name: Open an account
  customer: New customer
  goal: Use the account the same day
actors:
  me: { kind: customer, name: Customer }
  back: { kind: backstage, name: Back office }
  ops: { kind: backstage, name: Operations }
  core: { kind: support, name: Core system }
  desk: { kind: frontstage, name: Branch desk }
steps:
  - { id: apply, name: Apply online, actor: me, channel: web, work: 20m, next: check }
  - id: check
    name: Check the application
    actor: back
    wait: 4d
    work: 30m
    next: verify
  - { id: verify, name: Verify the identity, actor: ops, work: 10m, next: open }
  - { id: open, name: Open the account, actor: core, work: 1m, next: tell }
  - { id: tell, name: Send the account number, actor: desk, channel: email, tells: [account number] }
`;

const CLEAN = cleanMap();

/** A folder of files, written from `{ path: text }`. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cxmap-check-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const run = (dir: string, ...args: string[]) => cxmap(['check', ...args], { cwd: dir });
const codes = (stdout: string) =>
  (
    JSON.parse(stdout) as {
      file: string;
      findings: { code: string; line: number; column: number; severity: string }[];
    }[]
  ).flatMap((r) => r.findings.map((f) => `${r.file}:${f.line}:${f.column} ${f.severity} ${f.code}`));

describe('cxmap check: configuration', () => {
  it('uses the recommended preset when there is no configuration: warnings only, exit 0', () => {
    const dir = folder({ 'account.cxmap.yaml': MAP });
    const r = run(dir, '-f', 'json');
    expect(r.status).toBe(0);
    expect(codes(r.stdout)).toEqual([
      'account.cxmap.yaml:3:9 warning min-pce',
      'account.cxmap.yaml:17:11 warning max-dark-time',
    ]);
  });

  it('finds cxmap.config.yaml from the current folder upward, and --config names another', () => {
    const dir = folder({
      'cxmap.config.yaml': 'rules:\n  max-handoffs: [error, 2]\n',
      'maps/team/account.cxmap.yaml': MAP,
      'strict.yaml': 'rules:\n  max-dark-time: [error, 1d]\n',
    });
    const found = cxmap(['check', '-f', 'json'], { cwd: join(dir, 'maps/team') });
    expect(found.status).toBe(1);
    // Without extends, only the rules the configuration names: 3 handoffs, the most at verify (ops → core).
    expect(codes(found.stdout)).toEqual(['account.cxmap.yaml:20:53 error max-handoffs']);
    expect(JSON.parse(found.stdout)[0].findings[0].message).toBe(
      'the work changes hands 3 times per customer, more than the 2 allowed (most at `verify`: 1)',
    );
    const named = cxmap(['check', '-f', 'json', '--config', '../../strict.yaml'], { cwd: join(dir, 'maps/team') });
    expect(codes(named.stdout)).toEqual(['account.cxmap.yaml:17:11 error max-dark-time']);
  });

  it('extends the preset, turns rules off, and applies overrides to the maps their globs match', () => {
    const config = `extends: recommended
rules:
  min-pce: off
overrides:
  - files: ["legacy/**"]
    rules:
      max-dark-time: off
      max-handoffs: [error, 1]
`;
    const dir = folder({
      'cxmap.config.yaml': config,
      'new/account.cxmap.yaml': MAP,
      'legacy/account.cxmap.yaml': MAP,
    });
    const r = run(dir, '-f', 'json');
    expect(codes(r.stdout)).toEqual([
      'legacy/account.cxmap.yaml:20:53 error max-handoffs',
      'new/account.cxmap.yaml:17:11 warning max-dark-time',
    ]);
    expect(r.status).toBe(1);
  });

  it('refuses a bad configuration in one line with its position, exit 2', () => {
    const dir = folder({ 'cxmap.config.yaml': 'rules:\n  max-handofs: [error, 3]\n', 'a.cxmap.yaml': MAP });
    const r = run(dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `cxmap: ${join(dir, 'cxmap.config.yaml')}:2:3: unknown key \`max-handofs\` in rules (did you mean \`max-handoffs\`?)\n`,
    );
    writeFileSync(join(dir, 'cxmap.config.yaml'), 'rules:\n  max-handoffs: [error, three]\n');
    const option = run(dir);
    expect(option.status).toBe(2);
    expect(option.stderr).toBe(
      `cxmap: ${join(dir, 'cxmap.config.yaml')}:2:17: rules.max-handoffs takes off, warn or error, or [severity, the most handoffs allowed], for example [error, 3]\n`,
    );
    expect(option.stderr).not.toMatch(STACK);
  });

  it('checks every map below the folder that .gitignore does not ignore', () => {
    const dir = folder({
      '.gitignore': 'build/\n',
      'a.cxmap.yaml': MAP,
      'deep/b.cxmap.yml': MAP,
      'build/c.cxmap.yaml': MAP,
      'deep/.gitignore': 'skip.cxmap.yaml\n',
      'deep/skip.cxmap.yaml': MAP,
      'node_modules/x/d.cxmap.yaml': MAP,
    });
    const r = run(dir, '-f', 'json');
    expect(JSON.parse(r.stdout).map((x: { file: string }) => x.file)).toEqual(['a.cxmap.yaml', 'deep/b.cxmap.yml']);
  });
});

describe('cxmap check: format warnings', () => {
  it('reports a YAML warning as yaml-warning, which the configuration can turn off', () => {
    const tagged = MAP.replace('name: Open an account', 'name: !!foo Open an account');
    const dir = folder({ 'a.cxmap.yaml': tagged });
    expect(codes(run(dir, '-f', 'json').stdout)).toContain('a.cxmap.yaml:3:9 warning yaml-warning');
    writeFileSync(join(dir, 'cxmap.config.yaml'), 'extends: recommended\nrules:\n  yaml-warning: off\n');
    expect(codes(run(dir, '-f', 'json').stdout).filter((c) => c.endsWith('yaml-warning'))).toEqual([]);
  });
});

describe('cxmap check: suppressions', () => {
  const suppressed = MAP.replace(
    '  - id: check\n    name: Check the application\n    actor: back\n',
    '  - id: check\n    name: Check the application\n    actor: back\n    # cxmap-disable-next-line max-dark-time -- the 3-day cooling-off period is the law\n',
  );

  it('suppresses the finding on the next line when it gives a reason, and reports suppressions that suppress nothing', () => {
    const dir = folder({
      'a.cxmap.yaml': suppressed,
      'b.cxmap.yaml': `# cxmap-disable min-pce -- statutory waiting\n# cxmap-disable-next-line max-handoffs -- nothing to suppress here\n${MAP}`,
    });
    const r = run(dir, '-f', 'json');
    expect(codes(r.stdout)).toEqual([
      'a.cxmap.yaml:3:9 warning min-pce',
      'b.cxmap.yaml:2:1 warning unused-suppression',
      'b.cxmap.yaml:19:11 warning max-dark-time',
    ]);
    expect(JSON.parse(r.stdout)[1].findings[0].message).toBe(
      'this suppression of max-handoffs suppresses nothing on the next line: remove it',
    );
  });

  it('refuses a suppression without a reason or with an unknown rule, and does not suppress', () => {
    const dir = folder({
      'a.cxmap.yaml': suppressed.replace(' -- the 3-day cooling-off period is the law', ''),
      'b.cxmap.yaml': suppressed.replace('max-dark-time --', 'max-dark-tim --'),
    });
    const r = run(dir, '-f', 'json');
    expect(r.status).toBe(1);
    const all = JSON.parse(r.stdout).flatMap((x: { findings: { code: string; message: string }[] }) =>
      x.findings.filter((f) => f.code === 'bad-suppression').map((f) => f.message),
    );
    expect(all).toEqual([
      'say why after --: # cxmap-disable-next-line max-dark-time -- the reason',
      '`max-dark-tim` is not a rule that can be turned off (did you mean `max-dark-time`?)',
    ]);
    expect(codes(r.stdout).filter((c) => c.endsWith('max-dark-time'))).toHaveLength(2);
  });
});

describe('cxmap check: output formats and exit codes', () => {
  const dir = folder({
    'cxmap.config.yaml': 'extends: recommended\nrules:\n  max-handoffs: [error, 2]\n',
    'maps/account.cxmap.yaml': MAP,
    'maps/clean.cxmap.yaml': CLEAN,
  });

  it('github: workflow commands the runner turns into annotations at the line', () => {
    const r = run(dir, '-f', 'github');
    expect(r.stdout).toBe(
      [
        "::warning file=maps/account.cxmap.yaml,line=3,col=9,endLine=3,endColumn=24,title=cxmap min-pce::PCE is 0.0%25, below the 5.0%25 required: 100.0%25 of the customer's time adds nothing they value",
        '::warning file=maps/account.cxmap.yaml,line=17,col=11,endLine=17,endColumn=13,title=cxmap max-dark-time::the customer spends 3.0 d in the dark (over 1.0 d without news) waiting for `check`, more than the 2.0 d allowed',
        '::error file=maps/account.cxmap.yaml,line=20,col=53,endLine=20,endColumn=56,title=cxmap max-handoffs::the work changes hands 3 times per customer, more than the 2 allowed (most at `verify`: 1)',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(1);
  });

  it('junit: XML that parses back to a suite per map and a failure per finding', () => {
    const out = join(dir, 'junit.xml');
    expect(run(dir, '-f', 'junit', '-o', out).status).toBe(1);
    const text = readFileSync(out, 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
    expect(xml.testsuites).toMatchObject({ name: 'cxmap check', tests: '4', failures: '3' });
    const [account, clean] = xml.testsuites.testsuite;
    expect(account).toMatchObject({ name: 'maps/account.cxmap.yaml', tests: '3', failures: '3' });
    expect(account.testcase[2]).toMatchObject({ name: '20:53 max-handoffs', classname: 'maps/account.cxmap.yaml' });
    expect(account.testcase[2].failure).toMatchObject({
      type: 'error',
      message: 'the work changes hands 3 times per customer, more than the 2 allowed (most at `verify`: 1)',
    });
    expect(clean).toMatchObject({
      name: 'maps/clean.cxmap.yaml',
      tests: '1',
      failures: '0',
      testcase: { name: 'maps/clean.cxmap.yaml' },
    });
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with a helpUri per rule', () => {
    const out = join(dir, 'cxmap.sarif');
    expect(run(dir, '-f', 'sarif', '-o', out, '-f', 'stylish').status).toBe(1);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    const schema = JSON.parse(readFileSync('test/fixtures/sarif-schema-2.1.0.json', 'utf8'));
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run0 = log.runs[0];
    expect(run0.results.map((r: { ruleId: string; level: string }) => `${r.level} ${r.ruleId}`)).toEqual([
      'warning min-pce',
      'warning max-dark-time',
      'error max-handoffs',
    ]);
    expect(run0.results[2].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'maps/account.cxmap.yaml' },
      region: { startLine: 20, startColumn: 53, endLine: 20, endColumn: 56 },
    });
    const rule = run0.tool.driver.rules[run0.results[2].ruleIndex];
    expect(rule).toMatchObject({
      id: 'max-handoffs',
      helpUri: 'https://github.com/cxmap/cxmap/blob/main/docs/rules/max-handoffs.md',
    });
  });

  it('markdown: a summary for the pull request', () => {
    const r = run(dir, '-f', 'markdown');
    expect(r.stdout).toBe(
      [
        '### cxmap check: 🔴 1 error, 2 warnings in 1 of 2 maps',
        '',
        '| Map | Line | Severity | Rule | Finding |',
        '| --- | --: | --- | --- | --- |',
        "| `maps/account.cxmap.yaml` | 3:9 | 🟡 warning | [min-pce](https://github.com/cxmap/cxmap/blob/main/docs/rules/min-pce.md) | PCE is 0.0%, below the 5.0% required: 100.0% of the customer's time adds nothing they value |",
        '| `maps/account.cxmap.yaml` | 17:11 | 🟡 warning | [max-dark-time](https://github.com/cxmap/cxmap/blob/main/docs/rules/max-dark-time.md) | the customer spends 3.0 d in the dark (over 1.0 d without news) waiting for \\`check\\`, more than the 2.0 d allowed |',
        '| `maps/account.cxmap.yaml` | 20:53 | 🔴 error | [max-handoffs](https://github.com/cxmap/cxmap/blob/main/docs/rules/max-handoffs.md) | the work changes hands 3 times per customer, more than the 2 allowed (most at \\`verify\\`: 1) |',
        '',
      ].join('\n'),
    );
  });

  it('exits like ESLint: 0 with warnings only, 1 on errors or too many warnings, 2 on bad usage; --quiet shows errors only', () => {
    expect(run(dir, 'maps/clean.cxmap.yaml').status).toBe(0);
    const warnings = folder({ 'a.cxmap.yaml': MAP });
    expect(run(warnings).status).toBe(0);
    const tooMany = run(warnings, '--max-warnings', '1');
    expect(tooMany.status).toBe(1);
    expect(tooMany.stderr).toBe('cxmap: 2 warnings, more than --max-warnings 1\n');
    expect(run(warnings, '--max-warnings', '2').status).toBe(0);
    const quiet = run(dir, '--quiet', '-f', 'json');
    expect(codes(quiet.stdout)).toEqual(['maps/account.cxmap.yaml:20:53 error max-handoffs']);
    const usage = run(dir, '-f', 'xml');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe(
      'cxmap: there is no format called xml: choose from stylish, json, github, junit, sarif, markdown\n',
    );
    expect(run(dir, '-f', 'json', '-f', 'sarif').stderr).toBe(
      'cxmap: only one format can go to standard output: give the others an --output file each (-f sarif -o cxmap.sarif)\n',
    );
    const broken = folder({ 'a.cxmap.yaml': MAP.replace('next: verify', 'next: verfy') });
    const invalid = run(broken, '-f', 'json');
    expect(invalid.status).toBe(1);
    expect(codes(invalid.stdout)).toEqual(['a.cxmap.yaml:19:11 error unknown-step']);
  });
});

describe('cxmap check on many maps', () => {
  it('spreads them over worker threads and gives the same findings, in the same order, as one thread', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 240; i++)
      files[`maps/m${String(i).padStart(3, '0')}.cxmap.yaml`] = i % 3 ? MAP : MAP.replace('wait: 4d', `wait: ${i}h`);
    const dir = folder(files);
    const parallel = run(dir, '-f', 'json');
    expect(parallel.status).toBe(0);
    const { checkFiles, checkInParallel } = await import('../../src/workflows/index.js');
    const { loadConfig } = await import('../../src/load/index.js');
    const { resolveRun } = await import('../../src/rules/index.js');
    const paths = Object.keys(files)
      .sort()
      .map((f) => join(dir, f));
    const job = { run: resolveRun(loadConfig(undefined, dir)), cwd: dir, quiet: false };
    const one = checkFiles(paths, job);
    // On a machine with four cores, whatever this one has: two workers check 120 maps each.
    let ticks = 0;
    const workers = await checkInParallel(paths, job, () => ticks++, 4);
    expect(workers.threads).toBe(2);
    expect(ticks).toBe(240);
    expect(workers.files).toEqual(one);
    const json = JSON.parse(parallel.stdout) as { file: string; findings: unknown[] }[];
    expect(json.map((r) => r.file)).toEqual(Object.keys(files).sort());
    expect(json.map((r) => r.findings)).toEqual(one.map((r) => r.findings));
  });
});

/** A git repository of the folder's files, committed on main as "as is"; returns a runner of git commands in it. */
function repository(dir: string) {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
  git('add', '.');
  git('commit', '-q', '-m', 'as is');
  return git;
}

describe('cxmap check --against: the regression gate, in a real git repository', () => {
  it('reports what got worse for the customer in changed maps, compares nothing else', () => {
    const dir = folder({ 'maps/account.cxmap.yaml': MAP, 'maps/same.cxmap.yaml': MAP });
    const git = repository(dir);
    // The change: a compliance review by another team, waiting 2 days more; and a new map.
    const changed = MAP.replace(
      '    next: verify\n',
      '    next: review\n  - { id: review, name: Compliance review, actor: legal, wait: 2d, work: 15m, next: verify }\n',
    ).replace('  desk: {', '  legal: { kind: backstage, name: Compliance }\n  desk: {');
    writeFileSync(join(dir, 'maps/account.cxmap.yaml'), changed);
    writeFileSync(join(dir, 'maps/new.cxmap.yaml'), MAP);
    git('add', '.');
    git('commit', '-q', '-m', 'compliance review');
    const r = run(dir, '--against', 'HEAD~1', '-f', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const gate = JSON.parse(r.stdout).flatMap(
      (x: { file: string; findings: { code: string; line: number; column: number; message: string }[] }) =>
        x.findings.filter((f) => f.code === 'no-regression').map((f) => `${x.file}:${f.line}:${f.column} ${f.message}`),
    );
    // Lead time 20m + 3d 30m + 10m + 1m = 262,860 s (3.04 d); the review adds 2d 15m = 173,700 s (+66.1%) of which
    // 2 d are dark (3 d → 5 d, +66.7%); the work now goes back → legal → ops → core → desk: 4 handoffs, not 3.
    expect(gate).toEqual([
      'maps/account.cxmap.yaml:3:9 worse for the customer: Lead time 4.0 d → 6.1 d, +2.0 d (+49.7%); 10% allowed',
      'maps/account.cxmap.yaml:3:9 worse for the customer: Dark time 3.0 d → 5.0 d, +2.0 d (+66.7%); 10% allowed',
      'maps/account.cxmap.yaml:3:9 worse for the customer: Handoffs 3 → 4, +1; none allowed',
    ]);
    const bad = run(dir, '--against', 'nosuch');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'cxmap: --against nosuch: there is no such branch, tag or commit in this repository (in CI, fetch it first: git fetch origin main)\n',
    );
    const outside = run(folder({ 'a.cxmap.yaml': MAP }), '--against', 'main');
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/^cxmap: cannot read the maps' history for --against main: not a git repository/);
  });

  it.skipIf(process.platform === 'win32')('compares a map whose name holds a backslash (a letter on POSIX)', () => {
    const path = 'maps/a\\b.cxmap.yaml';
    const dir = folder({ [path]: MAP });
    repository(dir);
    // wait: 4d -> 12d adds 8 d = 691,200 s to a lead time of about 349,300 s (4.04 d): +197.9%; of the wait 3 d are
    // dark before and 11 d after: +266.7%.
    writeFileSync(join(dir, path), MAP.replace('wait: 4d', 'wait: 12d'));
    const r = run(dir, '--against', 'main', '-f', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const gate = JSON.parse(r.stdout).flatMap((x: { file: string; findings: { code: string; message: string }[] }) =>
      x.findings.filter((f) => f.code === 'no-regression').map((f) => `${x.file} ${f.message}`),
    );
    expect(gate).toEqual([
      'maps/a\\b.cxmap.yaml worse for the customer: Lead time 4.0 d → 12.0 d, +8.0 d (+197.9%); 10% allowed',
      'maps/a\\b.cxmap.yaml worse for the customer: Dark time 3.0 d → 11.0 d, +8.0 d (+266.7%); 10% allowed',
    ]);
  });

  it('compares maps whose paths git would quote (letters beyond ASCII, spaces), and refuses an option as a ref', () => {
    const path = 'maps/ünï cødé/prêt ✓.cxmap.yaml';
    const dir = folder({ [path]: MAP });
    repository(dir);
    writeFileSync(join(dir, path), MAP.replace('wait: 4d', 'wait: 12d'));
    const r = run(dir, '--against', 'main', '-f', 'json');
    expect(r.status).toBe(1);
    const gate = JSON.parse(r.stdout)
      .flatMap((x: { findings: { code: string; message: string }[] }) => x.findings)
      .filter((f: { code: string }) => f.code === 'no-regression')
      .map((f: { message: string }) => f.message.split(':')[1]!.trim().split(' ')[0]);
    expect(gate).toContain('Lead');
    const option = run(dir, '--against', '--output=x.txt');
    expect(option.status).toBe(2);
    expect(option.stderr).toBe(
      'cxmap: --against --output=x.txt: there is no such branch, tag or commit in this repository (in CI, fetch it first: git fetch origin main)\n',
    );
  });
});

describe('cxmap check: targets per stage', () => {
  it('reports a missed stage target at the target, as an error when the configuration says so, exit 1', () => {
    const dir = folder({
      'cxmap.config.yaml': 'rules:\n  target-stage: error\n',
      'loan.cxmap.yaml': readFileSync('test/fixtures/stage-targets.cxmap.yaml', 'utf8'),
    });
    const r = run(dir, '-f', 'json');
    expect(r.status).toBe(1);
    expect(codes(r.stdout)).toEqual([
      'loan.cxmap.yaml:10:42 error target-stage',
      'loan.cxmap.yaml:10:59 error target-stage',
    ]);
    expect(JSON.parse(r.stdout)[0].findings[0].message).toBe(
      'stage Assess takes 9 h, over its target of 8 h (1 h over)',
    );
  });
});
