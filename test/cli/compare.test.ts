import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cxmap, ROOT, STACK } from '../helpers/cli.js';

const AS_IS = 'test/fixtures/improve/account.cxmap.yaml';
const TO_BE = 'test/golden/account.to-be.cxmap.yaml';

/** A git repository with two commits of one map: the second makes the check wait 2 days longer. */
function repository() {
  const dir = mkdtempSync(join(tmpdir(), 'cxmap-git-'));
  const run = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  run('init', '-q', '-b', 'main');
  run('config', 'user.email', 'test@example.com');
  run('config', 'user.name', 'Test');
  const text = readFileSync(join(ROOT, AS_IS), 'utf8');
  writeFileSync(join(dir, 'account.cxmap.yaml'), text);
  run('add', '.');
  run('commit', '-q', '-m', 'as is');
  writeFileSync(join(dir, 'account.cxmap.yaml'), text.replace('    wait: 2d\n', '    wait: 4d\n'));
  run('commit', '-q', '-am', 'slower check');
  return dir;
}

describe('cxmap compare', () => {
  it('shows every metric before and after, and the steps removed and changed', () => {
    const r = cxmap(['compare', AS_IS, TO_BE, '--runs', '2000']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Open an account: before and after');
    // A pass of apply, rekey and check is 6 d 1 h 5 m, made 1 / 0.9 times: 6.7 d with the calls. The to-be map removes
    // rekey and sends 2.5% back (10% cut by 75%): 5 d 50 m / 0.975 + 20 m = 5.2 d.
    expect(lines).toContain('  Lead time                  6.7 d     5.2 d     −1.6 d  better');
    expect(lines).toContain('  Items asked again           1.11         0      −1.11  better');
    expect(lines).toContain("  Customer's own work         10 m      10 m             same");
    expect(r.stdout).toContain('Steps removed (1)\n\n  • rekey Re-key the paper form\n');
    expect(r.stdout).toContain(
      'Steps changed (2)\n\n  • apply Apply at the desk: next rekey → check\n  • check Check the documents: asks [income, employer] → [employer]; next [{ to: open, chance: 90%, label: fine }, { to: apply, chance: 10%, label: start again }] → [{ to: open, chance: 97.5%, label: fine }, { to: apply, chance: 2.5%, label: start again }]\n',
    );
  });

  it('colours the change: green when better for the customer, red when worse', () => {
    const r = cxmap(['compare', TO_BE, AS_IS, '--runs', '2000'], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[31m   +1.6 d\u001b[39m');
    expect(r.stdout).toContain('\u001b[31mworse\u001b[39m');
    expect(r.stdout).toContain('Steps added (1)');
  });

  it('reads either side from git as ref:path, in a real repository', () => {
    const dir = repository();
    const r = cxmap(['compare', 'HEAD~1:account.cxmap.yaml', 'account.cxmap.yaml', '--runs', '2000'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // check is visited 1/0.9 times: 2 more days of waiting are 2.22 more days of lead time.
    expect(r.stdout).toContain('  Lead time                  6.7 d     9.0 d    +2.2 d  worse');
    expect(r.stdout).toContain('Steps changed (1)\n\n  • check Check the documents: wait 2d → 4d\n');
    const branch = cxmap(
      ['compare', 'main~1:./account.cxmap.yaml', 'main:account.cxmap.yaml', '--format', 'json', '--runs', '2000'],
      { cwd: dir },
    );
    expect(branch.status).toBe(0);
    const json = JSON.parse(branch.stdout);
    expect(json.before).toBe('main~1:./account.cxmap.yaml');
    const lead = json.metrics.find((m: { metric: string }) => m.metric === 'leadTime');
    expect(lead.change).toBeCloseTo((2 * 86400) / 0.9, 3);
    expect(lead.direction).toBe('worse');
    const bad = cxmap(['compare', 'nosuch:account.cxmap.yaml', 'account.cxmap.yaml'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("cxmap: cannot read account.cxmap.yaml at nosuch: invalid object name 'nosuch'.\n");
    const missing = cxmap(['compare', 'HEAD:gone.cxmap.yaml', 'account.cxmap.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(
      /^cxmap: cannot read gone\.cxmap\.yaml at HEAD: path 'gone\.cxmap\.yaml' does not exist in 'HEAD'\n$/,
    );
    expect(missing.stderr).not.toMatch(STACK);
    // An option-like "ref" never reaches git as an option: git wrote a file named by --output.
    const sneaky = cxmap(['compare', '--', '--output=x.txt:account.cxmap.yaml', 'account.cxmap.yaml'], { cwd: dir });
    expect(sneaky.status).toBe(2);
    expect(sneaky.stderr).toBe('cxmap: cannot read --output=x.txt:account.cxmap.yaml: no such file\n');
    expect(existsSync(join(dir, 'x.txt:account.cxmap.yaml'))).toBe(false);
  });

  it('gives Markdown and HTML with the diagrams of both sides', () => {
    const md = cxmap(['compare', AS_IS, TO_BE, '--format', 'md', '--runs', '2000']);
    expect(md.stdout.match(/^```mermaid$/gm)).toHaveLength(4);
    expect(md.stdout).toContain('| Lead time | 6.7 d | 5.2 d | 🟢 −1.6 d | 🟢 better |');
    const out = join(mkdtempSync(join(tmpdir(), 'cxmap-compare-')), 'compare.html');
    const html = cxmap(['compare', AS_IS, TO_BE, '--format', 'html', '-o', out, '--runs', '2000']);
    expect(html.status).toBe(0);
    expect(html.stdout).toBe(`${out}\n`);
    const page = readFileSync(out, 'utf8');
    // Both sides' pictures, drawn in by cxmap: no script, no browser needed.
    expect(page.match(/<h2>(Before|After): [^<]*<\/h2>|<figure data-view="[a-z]+">/g)).toEqual([
      `<h2>Before: ${AS_IS}</h2>`,
      '<figure data-view="time">',
      '<figure data-view="blueprint">',
      `<h2>After: ${TO_BE}</h2>`,
      '<figure data-view="time">',
      '<figure data-view="blueprint">',
    ]);
    expect(page).not.toMatch(/<script|<foreignObject/);
    expect(page).toContain('<title>Open an account · service blueprint</title>');
  });

  it('JSON names the currency of its amounts, and each figure by its unit', () => {
    const r = cxmap([
      'compare',
      'test/fixtures/reference.cxmap.yaml',
      'test/fixtures/reference.cxmap.yaml',
      '-f',
      'json',
    ]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.currency).toBe('EUR');
    const unit = (id: string) => json.metrics.find((m: { metric: string }) => m.metric === id).unit;
    expect([unit('leadTime'), unit('pce'), unit('handoffs'), unit('costPerCase'), unit('yearlyStaffHours')]).toEqual([
      'seconds',
      'ratio',
      'count',
      'money',
      'amount',
    ]);
    // In Markdown, the days said at the top and the amounts with their currency.
    const md = cxmap([
      'compare',
      'test/fixtures/reference.cxmap.yaml',
      'test/fixtures/reference.cxmap.yaml',
      '-f',
      'md',
    ]);
    expect(md.stdout).toContain('**Days:** calendar days');
    expect(md.stdout).toContain('| Cost to serve a case | EUR 191.60 | EUR 191.60 |  | same |');
  });
});
