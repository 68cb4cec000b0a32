import { chmodSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cxmap } from '../helpers/cli.js';
import { formatMap } from '../../src/model/format.js';
import { loadText } from '../../src/load/index.js';

/** Keys out of order, odd indentation, no blank lines, and comments everywhere. */
const MESSY = `# yaml-language-server: $schema=../schemas/cxmap.schema.json
# Opening an account, from the workshop of 3 May.
steps:
    # the customer starts online
    - next: check   # straight to the back office
      verifies: [identity]
      name: Apply online
      id: apply
      asks: [name]
      work: 20m
      actor: me
    - {name: Check the application, id: check, actor: back, wait: 1d}
actors:
    me: {name: Customer, kind: customer}   # the applicant
    back: {kind: backstage, name: Back office}
    scan: {org: Scanning Ltd, cost: 45/h, type: system, name: Scanning bureau, kind: support}
cxmap: 1
process:
    goal: Use the account the same day
    name: Open an account
    customer: New customer   # a private customer
`;

const CANONICAL = `# yaml-language-server: $schema=../schemas/cxmap.schema.json
# Opening an account, from the workshop of 3 May.

cxmap: 1

process:
  name: Open an account
  customer: New customer # a private customer
  goal: Use the account the same day

actors:
  me: { kind: customer, name: Customer } # the applicant
  back: { kind: backstage, name: Back office }
  scan: { kind: support, name: Scanning bureau, type: system, org: Scanning Ltd, cost: 45/h }

steps:
  # the customer starts online
  - id: apply
    name: Apply online
    actor: me
    work: 20m
    asks: [name]
    verifies: [identity]
    next: check # straight to the back office

  - { id: check, name: Check the application, actor: back, wait: 1d }
`;

const temp = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'cxmap-fmt-')), name);
  writeFileSync(file, text);
  return file;
};

describe('cxmap fmt', () => {
  it('puts the keys in the order of the format and keeps every comment', () => {
    const file = temp('a.cxmap.yaml', MESSY);
    const r = cxmap(['fmt', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${file}\n`);
    expect(readFileSync(file, 'utf8')).toBe(CANONICAL);
    for (const comment of MESSY.match(/#.*$/gm)!) expect(CANONICAL).toContain(comment);
  });

  it('is idempotent, and changes nothing a map means, on every example', () => {
    expect(formatMap(CANONICAL)).toBe(CANONICAL);
    for (const name of ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral']) {
      const text = readFileSync(`examples/${name}.cxmap.yaml`, 'utf8');
      const once = formatMap(text)!;
      expect(formatMap(once)).toBe(once);
      expect(JSON.stringify(loadText(once, 'x').map)).toBe(JSON.stringify(loadText(text, 'x').map));
      expect((once.match(/#/g) ?? []).length).toBe((text.match(/#/g) ?? []).length);
    }
    const file = temp('b.cxmap.yaml', CANONICAL);
    const again = cxmap(['fmt', file]);
    expect(again.stdout).toBe('');
    expect(again.status).toBe(0);
  });

  it('writes flow lists without inner spaces and flow maps with them, nested too', () => {
    const text = 'cxmap: 1\nx: [ { to: a,chance: 50% }, {to: b, chance: 50%} ]\ny: {all: [ a, b ]}\n';
    expect(formatMap(text)).toBe(
      'cxmap: 1\n\nx: [{ to: a, chance: 50% }, { to: b, chance: 50% }]\n\ny: { all: [a, b] }\n',
    );
  });

  it('leaves alone a map with a list or block as a key, whose comments the YAML writer would lose (found by fuzzing)', () => {
    const file = temp('c.cxmap.yaml', 'cxmap: 1\nsteps:\n  - id: a\n? wait: 1d # the queue\n  work: 1h\n');
    const r = cxmap(['fmt', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `cxmap: ${file} was not formatted: a list or a block of keys stands where the name of a key should (4:3), and the comments inside it could not be kept; write a plain key there\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('cxmap: 1\nsteps:\n  - id: a\n? wait: 1d # the queue\n  work: 1h\n');
  });

  it('finds every shipped example and template in the canonical form', () => {
    const r = cxmap(['fmt', '--check', 'examples']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('--check writes nothing and exits 1 when a file would change, 0 when none would', () => {
    const messy = temp('a.cxmap.yaml', MESSY);
    const tidy = temp('b.cxmap.yaml', CANONICAL);
    const r = cxmap(['fmt', '--check', messy, tidy]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`${messy}\n`);
    expect(readFileSync(messy, 'utf8')).toBe(MESSY);
    expect(cxmap(['fmt', '--check', tidy]).status).toBe(0);
  });

  it('never touches a file whose YAML does not parse', () => {
    const broken = `${MESSY}  bad: [unclosed\n`;
    const file = temp('c.cxmap.yaml', broken);
    const r = cxmap(['fmt', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^cxmap: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was not formatted: its YAML does not parse \\(\\d+:\\d+ .+\\)\\n$`,
      ),
    );
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  it('never touches a file with an alias to no anchor, which the yaml library finds only when writing', () => {
    // The fuzz suite found it: fmt stopped with an internal error.
    const aliased = 'cxmap: 1\nprocess: *p\n';
    const file = temp('d.cxmap.yaml', aliased);
    const r = cxmap(['fmt', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `cxmap: ${file} was not formatted: its YAML does not parse (2:10 *p stands for a value marked &p earlier in the file, and there is none: mark the value with &p before this, or write the value out here)\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(aliased);
  });

  it('formats standard input to standard output', () => {
    const r = cxmap(['fmt', '-'], { input: MESSY });
    expect(r.stdout).toBe(CANONICAL);
  });

  it('keeps line breaks, byte-order mark and mode: a CRLF map with a BOM stays so, and then passes --check', () => {
    const file = temp('windows.cxmap.yaml', `\uFEFF${MESSY.replace(/\n/g, '\r\n')}`);
    chmodSync(file, 0o640);
    expect(cxmap(['fmt', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${CANONICAL.replace(/\n/g, '\r\n')}`);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(cxmap(['fmt', '--check', file]).status).toBe(0);
  });

  it('reads a map saved with CR line breaks (old Mac) as lines, and writes it back so', () => {
    const file = temp('mac.cxmap.yaml', MESSY.replace(/\n/g, '\r'));
    expect(cxmap(['fmt', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(CANONICAL.replace(/\n/g, '\r'));
    expect(cxmap(['fmt', file]).stdout).toBe('');
  });

  it('moves an anchor before its alias when the canonical order would put the alias first', () => {
    const map = `cxmap: 1
process: { name: P, customer: C, goal: G }
actors:
  me: { kind: customer, name: Me }
steps:
  - id: a
    name: A
    actor: me
    work: &w 1h
    wait: *w
    next: b
  - { id: b, name: B, actor: me, work: *w }
`;
    const file = temp('alias.cxmap.yaml', map);
    expect(cxmap(['fmt', file]).status).toBe(0);
    const formatted = readFileSync(file, 'utf8');
    expect(formatted).toContain('    wait: &w 1h\n    work: *w\n');
    expect(loadText(formatted, file).map!.steps.map((s) => [s.wait, s.work])).toEqual(
      loadText(map, file).map!.steps.map((s) => [s.wait, s.work]),
    );
  });

  it('never turns a tagged map into a string: a tag that does not fit its value is refused where it stands (issue 26)', () => {
    // The red team's maps: fmt wrote `!!str undefined`, `.nan` or `null` in place of the whole map, and exited 0.
    const rest = 'actors:\n  me: { kind: customer, name: Me }\n';
    const cases = [
      [`!!str\ncxmap: 1\n${rest}`, '!!str at 1:1'],
      [`cxmap: 1\nprocess: !!int { name: P, customer: C, goal: G }\n${rest}`, '!!int at 2:10'],
      [`cxmap: 1\n${rest}steps: !!null\n  - { id: a, name: A, actor: me }\n`, '!!null at 4:8'],
    ];
    for (const [text, tag] of cases) {
      const file = temp('tag.cxmap.yaml', text!);
      const r = cxmap(['fmt', file]);
      expect(r.stderr).toBe(
        `cxmap: ${file} was not formatted: the YAML tag ${tag} does not fit the value it marks, and would be lost; remove it\n`,
      );
      expect(r.status).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
    // A tag that fits is kept where it was.
    expect(formatMap('!!map\ncxmap: 1\nname: !!str 5\n')).toBe('!!map\ncxmap: 1\n\nname: !!str "5"\n');
  });

  it('keeps a comment holding U+2028 or U+2029 as written, and settles at once (issue 26)', () => {
    // Before: the header comment came out as `# a\u2028#b`, the others gained `  #` on every run.
    const text =
      '# a\u2028b\ncxmap: 1\nprocess: { name: P } # c\u2029d\nactors:\n  # e\u2028f\n  me: { kind: customer, name: Me }\n';
    const once =
      '# a\u2028b\n\ncxmap: 1\n\nprocess: { name: P } # c\u2029d\n\nactors:\n  # e\u2028f\n  me: { kind: customer, name: Me }\n';
    const file = temp('sep.cxmap.yaml', text);
    expect(cxmap(['fmt', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(once);
    const again = cxmap(['fmt', file]);
    expect(again.stdout).toBe('');
    expect(again.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(once);
  });

  it('--check passes a CRLF map in the canonical form with a comment before a blank line, which fmt leaves alone (issue 26)', () => {
    const text = 'cxmap: 1\r\n\r\nsteps:\r\n  - id: a\r\n\r\n  # c\r\n\r\n  - id: b\r\n';
    const file = temp('crlf.cxmap.yaml', text);
    const check = cxmap(['fmt', '--check', file]);
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
    const r = cxmap(['fmt', file]);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('leaves an empty file and a file of comments as they are, with no `null` added (issue 26)', () => {
    for (const text of ['', '# to be mapped\n']) {
      const file = temp('empty.cxmap.yaml', text);
      const r = cxmap(['fmt', file]);
      expect(r.stdout).toBe('');
      expect(r.status).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(text);
      expect(cxmap(['fmt', '--check', file]).status).toBe(0);
      expect(cxmap(['fmt', '-'], { input: text }).stdout).toBe(text);
    }
  });

  it('writes standard input back with its own line breaks, and --check on it agrees (issue 26)', () => {
    const crlf = MESSY.replace(/\n/g, '\r\n');
    expect(cxmap(['fmt', '-'], { input: crlf }).stdout).toBe(CANONICAL.replace(/\n/g, '\r\n'));
    expect(cxmap(['fmt', '--check', '-'], { input: CANONICAL.replace(/\n/g, '\r\n') }).status).toBe(0);
    expect(cxmap(['fmt', '--check', '-'], { input: crlf }).status).toBe(1);
  });

  it('goes on with the other files when one cannot be read or written', () => {
    const gone = join(mkdtempSync(join(tmpdir(), 'cxmap-fmt-')), 'gone.cxmap.yaml');
    symlinkSync(join(tmpdir(), 'no-such-folder-for-cxmap', 'x.yaml'), gone);
    const file = temp('after.cxmap.yaml', MESSY);
    const r = cxmap(['fmt', gone, file]);
    expect(r.stderr).toBe(`cxmap: ${gone} was not formatted: no such file\n`);
    expect(r.status).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(CANONICAL);
  });
});
