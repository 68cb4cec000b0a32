/**
 * unknown-persona from the command line: every command that loads maps with the run's configuration gives it
 * (validate, check, score, report, deck load through workflows' loadForRun), at the id as written; it is a warning,
 * so a map without the team's configuration is still valid, and `check` can raise it to an error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cxmap, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cxmap-unknown-persona-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Line 22 of the fixture: `  remortgage: { name: Re-mortgager, share: 40%, persona: remortgager }`; the id at
// column 58 (57 characters before it), misspelt here as `remortgagr`.
writeFileSync(
  join(dir, 'loan.cxmap.yaml'),
  readFileSync(join(ROOT, 'test/fixtures/segments.cxmap.yaml'), 'utf8').replace(
    'persona: remortgager',
    'persona: remortgagr',
  ),
);
const team = (rules: string) =>
  `${rules}personas:\n  remortgager: { name: "Rita, re-mortgaging" }\n  first-buyer: { name: Tom }\n`;
const MESSAGE =
  "the persona `remortgagr` is not one of the team's personas (did you mean `remortgager`?): define it under personas: in cxmap.config.yaml";

interface Json {
  findings: { line: number; column: number; severity: string; code: string; message: string }[];
}
const findings = (stdout: string) =>
  (JSON.parse(stdout) as Json[]).flatMap((r) =>
    r.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`),
  );

describe('unknown-persona from the command line', () => {
  it('validate: a warning at the id, with the near persona of the configuration found upward, exit 0', () => {
    writeFileSync(join(dir, 'cxmap.config.yaml'), team(''));
    const r = cxmap(['validate', 'loan.cxmap.yaml', '-f', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(findings(r.stdout)).toEqual([`22:58 warning unknown-persona ${MESSAGE}`]);
  });

  it('validate --config names the configuration; without one, the message says no personas are defined', () => {
    const r = cxmap([
      'validate',
      join(dir, 'loan.cxmap.yaml'),
      '-f',
      'json',
      '--config',
      join(dir, 'cxmap.config.yaml'),
    ]);
    expect(findings(r.stdout)).toEqual([`22:58 warning unknown-persona ${MESSAGE}`]);
    const none = cxmap(['validate', 'test/fixtures/segments.cxmap.yaml', '-f', 'json']);
    expect(none.status).toBe(0);
    expect(findings(none.stdout)).toEqual([
      '22:58 warning unknown-persona the persona `remortgager` has no card: no personas are defined: add them under personas: in cxmap.config.yaml',
    ]);
  });

  it('check: a warning in the recommended preset, an error when the configuration says so', () => {
    writeFileSync(join(dir, 'cxmap.config.yaml'), team('extends: recommended\n'));
    const warned = cxmap(['check', 'loan.cxmap.yaml', '-f', 'json'], { cwd: dir });
    expect(warned.status).toBe(0);
    expect(findings(warned.stdout).filter((f) => f.includes('unknown-persona'))).toEqual([
      `22:58 warning unknown-persona ${MESSAGE}`,
    ]);
    writeFileSync(join(dir, 'cxmap.config.yaml'), team('rules:\n  unknown-persona: error\n'));
    const refused = cxmap(['check', 'loan.cxmap.yaml', '-f', 'json'], { cwd: dir });
    expect(refused.status).toBe(1);
    expect(findings(refused.stdout)).toEqual([`22:58 error unknown-persona ${MESSAGE}`]);
  });

  it('score and report: the warning does not stop a valid map, and comes with the errors of an invalid one', () => {
    writeFileSync(join(dir, 'cxmap.config.yaml'), team(''));
    const r = cxmap(['score', 'loan.cxmap.yaml', '-f', 'json', '--runs', '200'], { cwd: dir });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { segments: unknown[] }).segments).toHaveLength(2);
    // An invalid map: an unknown actor at the first step; its persona is checked in the same pass.
    const text = readFileSync(join(dir, 'loan.cxmap.yaml'), 'utf8');
    writeFileSync(join(dir, 'broken.cxmap.yaml'), text.replace('actor: buyer', 'actor: buyr'));
    const broken = cxmap(['score', 'broken.cxmap.yaml', '-f', 'json'], { cwd: dir });
    expect(broken.status).toBe(1);
    // `    actor: ` is 11 characters: the actor's id at column 12 of line 27.
    expect(findings(broken.stdout).map((f) => f.split(' ').slice(0, 3).join(' '))).toEqual([
      '22:58 warning unknown-persona',
      '27:12 error unknown-actor',
    ]);
    const report = cxmap(['report', 'broken.cxmap.yaml', '-o', 'out'], { cwd: dir });
    expect(report.status).toBe(1);
    expect(report.stdout).toContain(`22:58  warning  ${MESSAGE}  unknown-persona`);
  });
});
