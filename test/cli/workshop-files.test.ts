/** `cxmap init` and `cxmap import`: new maps from a template and from a spreadsheet. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cxmap } from '../helpers/cli.js';
import { loadText } from '../../src/load/index.js';
import { formatMap } from '../../src/model/format.js';

const temp = () => mkdtempSync(join(tmpdir(), 'cxmap-workshop-'));
const INFO = ['--name', 'Claim for a damaged car', '--customer', 'Driver', '--goal', 'Car repaired'];

describe('cxmap init', () => {
  it.each(['blank', 'service-request', 'application', 'claim', 'support-case'])(
    '%s: a valid, canonical map with the process filled in and the schema comment',
    (template) => {
      const dir = temp();
      const r = cxmap(['init', '--template', template, ...INFO], { cwd: dir });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(
        `Wrote claim-for-a-damaged-car.cxmap.yaml from the ${template} template. See it live while you type: cxmap serve claim-for-a-damaged-car.cxmap.yaml\n`,
      );
      const text = readFileSync(join(dir, 'claim-for-a-damaged-car.cxmap.yaml'), 'utf8');
      const schema = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)![1]!;
      expect(existsSync(join(dir, schema))).toBe(true);
      const map = loadText(text, 'x').map!;
      expect(map.process).toMatchObject({ name: 'Claim for a damaged car', customer: 'Driver', goal: 'Car repaired' });
      expect(formatMap(text)).toBe(text);
    },
  );

  it('never writes over a file, and asks for flags when not in a terminal', () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.cxmap.yaml'), 'mine');
    const over = cxmap(['init', 'a.cxmap.yaml', ...INFO], { cwd: dir });
    expect(over.status).toBe(2);
    expect(over.stderr).toBe(
      'cxmap: a.cxmap.yaml already exists: cxmap init never writes over a file; choose another name\n',
    );
    expect(readFileSync(join(dir, 'a.cxmap.yaml'), 'utf8')).toBe('mine');
    const flags = cxmap(['init', 'b.cxmap.yaml', '--name', 'X'], { cwd: dir });
    expect(flags.status).toBe(2);
    expect(flags.stderr).toBe(
      'cxmap: give --customer, --goal (or run in a terminal to be asked): for example --name "Open an account" --customer "New customer" --goal "Use the account the same day"\n',
    );
  });
});

const HEADER = 'id,name,actor,lane,channel,wait,work,asks,next';

describe('cxmap import', () => {
  const run = (csv: string) => {
    const dir = temp();
    writeFileSync(join(dir, 'steps.csv'), csv);
    const r = cxmap(['import', 'steps.csv', '-o', 'out.cxmap.yaml', ...INFO], { cwd: dir });
    const out = join(dir, 'out.cxmap.yaml');
    return { ...r, text: existsSync(out) ? readFileSync(out, 'utf8') : undefined };
  };

  it('makes a valid map from good rows, quoted commas and choices included', () => {
    const r = run(`${HEADER}
report,Report the damage,Driver,customer,phone,15m,20m,"policy number; what happened, in detail",
check,"Check the cover, then decide",Assessor,backstage,,1d,30m,,repair 90%; give-up 10%
repair,Repair the car,Partner garage,support,"in person, at the garage",2d..5d,4h,,end
give-up,Give up,Driver,,,,5m,,end
`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('Wrote out.cxmap.yaml: 4 steps from steps.csv.\n');
    const map = loadText(r.text!, 'x').map!;
    expect(map.steps.map((s) => [s.id, s.name, s.actor.id, s.actor.kind])).toEqual([
      ['report', 'Report the damage', 'driver', 'customer'],
      ['check', 'Check the cover, then decide', 'assessor', 'backstage'],
      ['repair', 'Repair the car', 'partner-garage', 'support'],
      ['give-up', 'Give up', 'driver', 'customer'],
    ]);
    expect(map.steps[0]!.asks).toEqual(['policy number', 'what happened, in detail']);
    expect(map.steps[2]!.channel).toBe('in person, at the garage');
    expect(map.steps[1]!.next).toEqual({
      kind: 'choice',
      choices: [
        { to: 2, chance: 0.9 },
        { to: 3, chance: 0.1 },
      ],
    });
    expect(map.steps[0]!.next).toEqual({ kind: 'choice', choices: [{ to: 1, chance: 1 }] });
  });

  it('reports every bad row with its number, and writes nothing', () => {
    const r = run(`${HEADER}
report,Report the damage,Driver,customer,phone,15m,20 minutes,,
,,Assessor,backstage,,,,,
check,Check the cover,Assessor,front,,1d,30m,,repair 90%; gone 10%
repair,Repair the car,Garage,,,,4h,,
`);
    expect(r.status).toBe(1);
    expect(r.text).toBeUndefined();
    expect(r.stderr).toBe(
      [
        'steps.csv: row 2: work: `20 minutes` is not a duration: did you mean `20m`? (durations look like 90s, 15m, 2h, 1.5d, 3w or 1h30m)',
        'steps.csv: row 3: the step has no name',
        'steps.csv: row 4: the lane `front` is not one of customer, frontstage, backstage, support',
        'steps.csv: row 4: next: there is no step `gone`',
        'steps.csv: row 5: the lane of `Garage` is not given: the first row of an actor says its lane (customer, frontstage, backstage, support)',
        'cxmap: 5 problems in steps.csv: nothing written',
        '',
      ].join('\n'),
    );
  });

  it('says what an empty file or a wrong header needs', () => {
    const empty = run('');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe(
      'steps.csv: row 1: the file is empty: its first row names the columns (id, name, stage, actor, lane, channel, wait, work, value, feeling, asks, tells, ca, fails, basis, evidence, outcome, note, next), then one row per step\ncxmap: 1 problem in steps.csv: nothing written\n',
    );
    const header = run('name,actr,lane\nA,me,customer\n');
    expect(header.stderr.split('\n').slice(0, 2)).toEqual([
      'steps.csv: row 1: unknown column `actr` (did you mean `actor`?); the columns are id, name, stage, actor, lane, channel, wait, work, value, feeling, asks, tells, ca, fails, basis, evidence, outcome, note, next',
      'steps.csv: row 1: the column `actor` is missing: every step needs one',
    ]);
  });

  it('refuses a column given twice, at its position, rather than drop its data', () => {
    const r = run('name,actor,lane,wait,Wait\nApply,Me,customer,1d,2d\n');
    expect(r.status).toBe(1);
    expect(r.text).toBeUndefined();
    expect(r.stderr).toBe(
      'steps.csv: row 1: the column `wait` is given twice, as columns 4 and 5: keep one (cxmap would read only the first)\ncxmap: 1 problem in steps.csv: nothing written\n',
    );
  });

  it('names the row of an id a map cannot take', () => {
    const r = run('id,name,actor,lane\nok,Check,Desk,frontstage\nBad Id,Apply,Me,customer\n');
    expect(r.status).toBe(1);
    expect(r.text).toBeUndefined();
    expect(r.stderr).toBe(
      'steps.csv: row 3: the id `Bad Id` is not one a map takes: use lower-case letters, digits and dashes only, like `bad-id`\ncxmap: 1 problem in steps.csv: nothing written\n',
    );
  });

  it('imports the shipped template', () => {
    const r = cxmap([
      'import',
      'examples/templates/import-template.csv',
      '-o',
      join(temp(), 'claim.cxmap.yaml'),
      ...INFO,
    ]);
    expect(r.status).toBe(0);
  });

  it('imports a CSV whose file name holds a line break, naming it on one line', () => {
    const dir = temp();
    const csv = join(dir, 'sticky\nnotes.csv');
    writeFileSync(csv, readFileSync('examples/templates/import-template.csv'));
    const out = join(dir, 'claim.cxmap.yaml');
    const r = cxmap(['import', csv, '-o', out, ...INFO]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[1]).toBe('# Imported by cxmap import from sticky notes.csv.');
  });
});
