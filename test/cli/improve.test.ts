import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, type YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cxmap, STACK } from '../helpers/cli.js';
import { loadText } from '../../src/load/index.js';
import { analyzeExact } from '../../src/analysis/index.js';
import { improve } from '../../src/rules/improve.js';
import { stepChanges } from '../../src/model/write.js';

const FIXTURE = 'test/fixtures/improve/account.cxmap.yaml';
const temp = () => mkdtempSync(join(tmpdir(), 'cxmap-improve-'));

describe('cxmap improve', () => {
  it('writes the to-be map, keeping comments and untouched lines byte for byte (golden file)', () => {
    const out = join(temp(), 'account.to-be.cxmap.yaml');
    const before = readFileSync(FIXTURE, 'utf8');
    const result = cxmap(['improve', FIXTURE, '--apply', 'remove-waste,ask-once,prevent-rework', '-o', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync('test/golden/account.to-be.cxmap.yaml', 'utf8'));
    expect(readFileSync(FIXTURE, 'utf8')).toBe(before);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      `Wrote ${out} with 3 changes, best first:`,
      '  1. Do not ask again for income at `check` (ask-once): value 4.3 of 5, effort 2 of 5',
      '  2. Remove `rekey` (Re-key the paper form) (remove-waste:rekey): value 3.7 of 5, effort 1 of 5',
      // The way back made at the middle of its default size: 10% cut by 75%, to 2.5%.
      '  3. Get it right first time at `check`: fewer than 10% back through `apply` (prevent-rework:check+apply): value 3.1 of 5, effort 3 of 5; made with the rework at `check` (10% back through `apply`) cut by 75%, the middle of 50-100% (assumed; set `levers:` in the map)',
      'Each change with a size is made at the middle of its range, or at the size `levers:` sets; `cxmap report` gives the savings over the whole range.',
    ]);
    expect(lines).toContain('  Lead time                  6.7 d     5.2 d     −1.6 d  better');
    expect(lines).toContain('  Activity ratio              1.0%      1.0%  +<0.1 pts  better');
    expect(lines).toContain('  Items asked again           1.11         0      −1.11  better');
    // What its days are, under the table.
    expect(lines.at(-2)).toBe('Days (d) are calendar days.');
  });

  it('keeps every line outside the changed steps of an example, in order, with --apply recommended', () => {
    const file = 'examples/home-loan.cxmap.yaml';
    const text = readFileSync(file, 'utf8');
    const loaded = loadText(text, file);
    const analysis = analyzeExact(loaded.map!);
    const result = improve(analysis, loaded.source!, file, ['recommended']);
    if (!('text' in result)) throw new Error('home-loan has recommended changes');
    const changed = stepChanges(analysis.map, result.map);
    const nodes = (parseDocument(text).get('steps', true) as { items: YAMLMap[] }).items;
    const lineOf = (pos: number) => text.slice(0, pos).split('\n').length;
    const touched = new Set<number>();
    analysis.map.steps.forEach((s, i) => {
      if (!changed.has(s.id)) return;
      for (let l = lineOf(nodes[i]!.range![0]); l <= lineOf(nodes[i]!.range![1] - 1); l++) touched.add(l);
    });
    const kept = text.split('\n').filter((_, k) => !touched.has(k + 1));
    const written = result.text.split('\n');
    let at = 0;
    for (const line of kept) {
      at = written.indexOf(line, at);
      expect(at, `line "${line}" kept in order`).toBeGreaterThanOrEqual(0);
      at++;
    }
    expect(kept.length).toBeGreaterThan(100);
  });

  it('writes over an existing file only with --force: a hand-edited to-be map is not lost', () => {
    const out = join(temp(), 'edited.to-be.cxmap.yaml');
    writeFileSync(out, '# my edits\n');
    const refused = cxmap(['improve', FIXTURE, '--apply', 'ask-once', '-o', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      `cxmap: ${out} already exists: cxmap improve writes over a file only with --force (it may hold your edits); choose another -o, or add --force\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('# my edits\n');
    const forced = cxmap(['improve', FIXTURE, '--apply', 'ask-once', '-o', out, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('# cxmap improve: asks changed');
  });

  it.each(['', ' , '])('refuses --apply %j, which names no change, as a usage error', (apply) => {
    const out = join(temp(), 'none.cxmap.yaml');
    const run = cxmap(['improve', FIXTURE, '--apply', apply, '-o', out]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'cxmap: --apply names no change: give recommended, or rule ids and opportunity ids separated by commas\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('never writes over its input, and names an unknown rule or opportunity', () => {
    const input = join(temp(), 'a.cxmap.yaml');
    writeFileSync(input, readFileSync(FIXTURE));
    const over = cxmap(['improve', input, '--apply', 'recommended', '-o', input]);
    expect(over.status).toBe(2);
    expect(over.stderr).toBe(
      `cxmap: ${input} is one of the input maps: cxmap never writes over an input; choose another output\n`,
    );
    const unknown = cxmap(['improve', input, '--apply', 'ask-onec', '-o', join(temp(), 'b.yaml')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(
      /^cxmap: there is no rule `ask-onec`; did you mean `ask-once`\? \(recommended, or rules: remove-waste, /,
    );
    const all = cxmap(['improve', input, '--apply', 'all', '-o', join(temp(), 'b.yaml')]);
    expect([all.status, all.stderr]).toEqual([
      2,
      'cxmap: `--apply all` is now `--apply recommended`: the changes the ranking recommends, made together\n',
    ]);
    const place = cxmap(['improve', input, '--apply', 'cut-wait:call', '-o', join(temp(), 'b.yaml')]);
    expect([place.status, place.stderr]).toEqual([
      2,
      `cxmap: there is no opportunity \`cut-wait:call\` in ${input}; cut-wait has \`cut-wait:apply\`, \`cut-wait:check\`, \`cut-wait:rekey\`\n`,
    ]);
  });

  it('says so and writes nothing when the rules find nothing; an invalid map gets its findings and exit 1', () => {
    const dir = temp();
    const none = cxmap(['improve', FIXTURE, '--apply', 'merge-handoffs', '-o', join(dir, 'x.yaml')]);
    expect(none.status).toBe(0);
    expect(none.stdout).toBe(`No change of merge-handoffs to make in ${FIXTURE}: nothing written.\n`);
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
    const bad = join(dir, 'bad.cxmap.yaml');
    writeFileSync(bad, readFileSync(FIXTURE, 'utf8').replace('next: rekey', 'next: rekee'));
    const invalid = cxmap(['improve', bad, '--apply', 'recommended', '-o', join(dir, 'y.yaml')]);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toContain('did you mean `rekey`?');
    expect(invalid.stdout + invalid.stderr).not.toMatch(STACK);
  });

  it('writes the to-be map with the line breaks and byte-order mark of the map it was made from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxmap-improve-'));
    const input = join(dir, 'windows.cxmap.yaml');
    writeFileSync(input, `\uFEFF${readFileSync(FIXTURE, 'utf8').replace(/\n/g, '\r\n')}`);
    const out = join(dir, 'to-be.cxmap.yaml');
    expect(cxmap(['improve', input, '--apply', 'recommended', '-o', out]).status).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written.startsWith('\uFEFF')).toBe(true);
    expect(written.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(written.split('\r\n').length).toBeGreaterThan(20);
  });

  it('makes the changes named by opportunity id, and says why it leaves out one that gains nothing', () => {
    const out = join(temp(), 'to-be.cxmap.yaml');
    const made = cxmap(['improve', FIXTURE, '--apply', 'cut-wait:check,remove-waste', '-o', out]);
    expect(made.status).toBe(0);
    expect(made.stdout.split('\n').slice(0, 3)).toEqual([
      `Wrote ${out} with 2 changes, best first:`,
      '  1. Remove `rekey` (Re-key the paper form) (remove-waste:rekey): value 3.7 of 5, effort 1 of 5',
      '  2. Cut the wait before `check` (2.0 d now) (cut-wait:check): value 3.4 of 5, effort 3 of 5; made with the wait before `check` (2.0 d) cut by 37.5%, the middle of 25-50% (assumed; set `levers:` in the map)',
    ]);
    // 2d cut by 37.5% is 1.25d (halved, as before the lever had a size, its value was 3.7).
    const written = readFileSync(out, 'utf8');
    expect(written).toContain(
      '#  - cut-wait:check: Cut the wait before `check` (2.0 d now) (made with the wait before `check` (2.0 d) cut by 37.5%, the middle of 25-50% (assumed; set `levers:` in the map))',
    );
    expect(written).toContain('    wait: 1.25d\n');
  });

  it("makes a change at the size the map's levers set, and says so", () => {
    const dir = temp();
    const input = join(dir, 'a.cxmap.yaml');
    writeFileSync(input, `${readFileSync(FIXTURE, 'utf8')}\nlevers: { cut-wait:check: 50% }\n`);
    const out = join(dir, 'to-be.cxmap.yaml');
    const made = cxmap(['improve', input, '--apply', 'cut-wait:check', '-o', out]);
    expect(made.stdout.split('\n')[1]).toBe(
      "  1. Cut the wait before `check` (2.0 d now) (cut-wait:check): value 3.7 of 5, effort 3 of 5; made with the wait before `check` (2.0 d) cut by 50% (the map's `levers:`)",
    );
    expect(readFileSync(out, 'utf8')).toContain('    wait: 1d\n');
  });
});
