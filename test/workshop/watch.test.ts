/** `cxmap watch`: the report written at once, again on every save, and left alone while the map is invalid. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const MAP = readFileSync(join(ROOT, 'test/fixtures/improve/account.cxmap.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'cxmap-watch-'));
writeFileSync(join(dir, 'account.cxmap.yaml'), MAP);
// The team's configuration, found from the folder watch runs in, as every command that scores finds it.
writeFileSync(join(dir, 'cxmap.config.yaml'), 'effort:\n  cut-wait:apply: 1\n');
const child = spawn(
  process.execPath,
  [join(ROOT, 'bin/cxmap.cjs'), 'watch', 'account.cxmap.yaml', '--format', 'md', '--out', 'out', '--runs', '1000'],
  { cwd: dir },
);
let stdout = '';
let stderr = '';
child.stdout.on('data', (d) => (stdout += d));
child.stderr.on('data', (d) => (stderr += d));
afterAll(() => void child.kill('SIGKILL'));

const report = join(dir, 'out', 'account.report.md');
async function until(done: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out; stdout: ${stdout}; stderr: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('cxmap watch', () => {
  it("writes the report at once, with the configuration's effort estimates, and again when the map is saved", async () => {
    await until(() => stderr.includes('watching account.cxmap.yaml'));
    expect(readFileSync(report, 'utf8').startsWith('# Open an account\n')).toBe(true);
    expect(readFileSync(report, 'utf8')).toContain('(`cut-wait:apply`) | 3.8 | 1 (configuration) |');
    writeFileSync(
      join(dir, 'account.cxmap.yaml'),
      MAP.replace('name: Open an account', 'name: Open a savings account'),
    );
    await until(() => existsSync(report) && readFileSync(report, 'utf8').startsWith('# Open a savings account\n'));
  });

  it('prints the findings of an invalid save and leaves the last report alone', async () => {
    const before = readFileSync(report, 'utf8');
    writeFileSync(join(dir, 'account.cxmap.yaml'), MAP.replace('    next: check\n', '    next: chek\n'));
    await until(() => stdout.includes('unknown-step'));
    expect(stdout).toContain('step `rekey` goes to `chek`, which is not a step (did you mean `check`?)');
    expect(readFileSync(report, 'utf8')).toBe(before);
  });

  it('says so when the map is deleted or becomes a folder, and goes on watching', async () => {
    const map = join(dir, 'account.cxmap.yaml');
    rmSync(map);
    await until(() => stderr.includes('no such file'));
    mkdirSync(map);
    await until(() => stderr.includes('it is a folder, not a file'));
    rmSync(map, { recursive: true });
    writeFileSync(map, MAP.replace('name: Open an account', 'name: Open a current account'));
    await until(() => existsSync(report) && readFileSync(report, 'utf8').startsWith('# Open a current account\n'));
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const code = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await code).toBe(0);
  });
});
