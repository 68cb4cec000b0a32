import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import {
  mkdtempSync,
  writeFileSync,
  rmSync,
  openSync,
  ftruncateSync,
  closeSync,
  readFileSync,
  mkdirSync,
  symlinkSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cxmap, STACK } from '../helpers/cli.js';
import { generateMap } from '../../bench/generate-map.js';
import { withSteps } from '../helpers/maps.js';

let dir: string;
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxmap-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VALID = withSteps('  - id: a\n    name: A\n    stage: One\n    actor: me\n');

/** Every bad input gets one finding with a code, exit code 1, and no stack trace. */
function expectFinding(path: string, code: string, line = 1, column: number | null = 1) {
  const result = cxmap(['validate', path, '--format', 'json']);
  expect(result.status).toBe(1);
  expect(result.stderr).toBe('');
  const [report] = JSON.parse(result.stdout) as {
    valid: boolean;
    findings: { code: string; line: number; column: number }[];
  }[];
  expect(report!.valid).toBe(false);
  expect(report!.findings[0]).toMatchObject(column === null ? { code, line } : { code, line, column });
}

describe('cxmap validate on bad input', () => {
  it('malformed YAML: a positioned finding, exit 1', () => {
    expectFinding(file('malformed.cxmap.yaml', 'cxmap: 1\nprocess: {name: x\n'), 'yaml-syntax', 3, 1);
  });

  it('an alias bomb: refused, exit 1, no hang', () => {
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++)
      bomb += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    expectFinding(file('bomb.cxmap.yaml', bomb), 'bad-alias');
  });

  it('a 50 MB file: refused before reading, exit 1', () => {
    const path = join(dir, 'huge.cxmap.yaml');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const result = cxmap(['validate', path]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('the file is 50.0 MB, more than the 16.0 MB a map may have');
  });

  it('a binary file: not a text file, exit 1', () => {
    expectFinding(
      file('image.cxmap.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
      'not-text',
    );
  });

  it('invalid UTF-8: not a text file, exit 1', () => {
    expectFinding(file('latin1.cxmap.yaml', Buffer.from('cxmap: 1\nname: caf\xe9\n', 'latin1')), 'not-text');
  });

  it('__proto__ and constructor keys are unknown keys, and pollute nothing', () => {
    expectFinding(file('proto.cxmap.yaml', `__proto__: { polluted: true }\n${VALID}`), 'unknown-key', 1, 1);
    expectFinding(
      file('proto-actor.cxmap.yaml', VALID.replace('  me:', '  __proto__: { kind: customer, name: X }\n  me:')),
      'bad-id',
      7,
      3,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('deeply nested junk: too deep, exit 1', () => {
    // The column is where the parser's stack ran out, which depends on the machine: only the line is fixed.
    expectFinding(file('deep.cxmap.yaml', `${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'too-deep', 1, null);
  });

  it('an empty file: exit 1', () => {
    expectFinding(file('empty.cxmap.yaml', ''), 'empty-file');
  });

  it('a map with 20,000 steps validates, exit 0', () => {
    const result = cxmap(['validate', file('big.cxmap.yaml', generateMap(20_000))]);
    expect(result.stdout).toBe('✔ the map is valid\n');
    expect(result.status).toBe(0);
  });
});

describe.skipIf(process.platform === 'win32')('cxmap validate on special files and symlinked folders', () => {
  it('skips a FIFO with a one-line note instead of waiting for a writer forever', () => {
    const sub = join(dir, 'fifo');
    mkdirSync(sub);
    const fifo = join(sub, 'pipe.cxmap.yaml');
    execFileSync('mkfifo', [fifo]);
    const map = file('fifo/map.cxmap.yaml', VALID);
    const alone = cxmap(['validate', fifo]);
    expect(alone).toEqual({
      status: 2,
      stdout: '',
      stderr: `cxmap: no maps to read: ${fifo} is a named pipe (FIFO), not a file\n`,
    });
    const both = cxmap(['validate', fifo, map]);
    expect(both).toEqual({
      status: 0,
      stdout: '✔ the map is valid\n',
      stderr: `cxmap: skipped ${fifo}: it is a named pipe (FIFO), not a file\n`,
    });
  });

  it('checks a map once when a symlink (up -> ..) shows it again, and a file named twice once', () => {
    const root = join(dir, 'loop');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'a.cxmap.yaml'), VALID);
    symlinkSync('..', join(root, 'sub', 'up'));
    const found = cxmap(['validate', root]);
    expect(found).toEqual({ status: 0, stdout: '✔ the map is valid\n', stderr: '' });
    const checked = cxmap(['check', '-f', 'json'], { cwd: root });
    expect((JSON.parse(checked.stdout) as { file: string }[]).map((r) => r.file)).toEqual(['a.cxmap.yaml']);
    const named = cxmap(['validate', join(root, 'a.cxmap.yaml'), join(root, 'sub/up/a.cxmap.yaml')]);
    expect(named).toEqual({ status: 0, stdout: '✔ the map is valid\n', stderr: '' });
  });
});

describe('cxmap validate usage', () => {
  it('a missing file: one line, exit 2', () => {
    const result = cxmap(['validate', join(dir, 'nope.cxmap.yaml')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`cxmap: cannot read ${join(dir, 'nope.cxmap.yaml')}: no such file\n`);
  });

  it('a folder stands for the maps below it; one without maps is one line, exit 2', () => {
    mkdirSync(join(dir, 'folder.cxmap.yaml'), { recursive: true });
    const result = cxmap(['validate', join(dir, 'folder.cxmap.yaml')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `cxmap: no maps in ${join(dir, 'folder.cxmap.yaml')}: a map's name ends in .cxmap.yaml or .cxmap.yml\n`,
    );
    const examples = cxmap(['validate', 'examples', '--format', 'json']);
    expect(examples.status).toBe(0);
    expect(JSON.parse(examples.stdout).map((r: { file: string }) => r.file)).toEqual([
      'examples/broadband-installation.cxmap.yaml',
      'examples/car-insurance-claim.cxmap.yaml',
      'examples/home-loan.cxmap.yaml',
      'examples/hospital-referral.cxmap.yaml',
      // These three use the actors of their folder's cxmap.portfolio.yaml, which a map loaded alone picks up.
      'examples/lifecycle/apply.cxmap.yaml',
      'examples/lifecycle/get-help.cxmap.yaml',
      'examples/lifecycle/move-in.cxmap.yaml',
      'examples/templates/application.cxmap.yaml',
      'examples/templates/blank.cxmap.yaml',
      'examples/templates/claim.cxmap.yaml',
      'examples/templates/service-request.cxmap.yaml',
      'examples/templates/support-case.cxmap.yaml',
    ]);
  });

  it('a glob that matches nothing: exit 2', () => {
    const result = cxmap(['validate', 'nowhere/*.cxmap.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('cxmap: no files match nowhere/*.cxmap.yaml\n');
  });

  it('an unknown option: exit 2', () => {
    const result = cxmap(['validate', '--bogus', 'examples/home-loan.cxmap.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("cxmap: unknown option '--bogus'\n");
  });

  it('an unknown format: exit 2', () => {
    const result = cxmap(['validate', '--format', 'xml', 'examples/home-loan.cxmap.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^cxmap: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are stylish, json\.\n$/,
    );
  });

  it('never prints a stack trace for the bad inputs', () => {
    for (const args of [
      ['validate', join(dir, 'nope')],
      ['validate', '--bogus'],
      ['validate', join(dir, 'deep.cxmap.yaml')],
    ]) {
      const result = cxmap(args);
      expect(result.stderr + result.stdout).not.toMatch(STACK);
    }
  });

  it('reads standard input with -', () => {
    const result = cxmap(['validate', '-'], { input: VALID.replace('actor: me', 'actor: you') });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        '<stdin>',
        '  14:12  error  step `a` is done by `you`, which is not in actors  unknown-actor',
        '    14 |     actor: you',
        '       |            ^^^',
        '',
        '✖ 1 problem (1 error, 0 warnings) in the map',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked: FORCE_COLOR=1 colours, a pipe and NO_COLOR do not', () => {
    const broken = file('colour.cxmap.yaml', VALID.replace('actor: me', 'actor: you'));
    expect(cxmap(['validate', broken]).stdout).not.toContain('\u001b[');
    expect(cxmap(['validate', broken], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31merror\u001b[39m');
    expect(cxmap(['validate', broken, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('validates several files and globs, and counts the invalid ones', () => {
    const broken = file('two.cxmap.yaml', VALID.replace('actor: me', 'actor: you'));
    const result = cxmap(['validate', 'examples/*.cxmap.yaml', broken]);
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('✖ 1 problem (1 error, 0 warnings) in 1 of 5 maps');
  });

  it('help of validate has an example', () => {
    const result = cxmap(['validate', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('$ cxmap validate examples/*.cxmap.yaml');
  });
});

describe('the examples', () => {
  it('all validate, exit 0', () => {
    const result = cxmap(['validate', 'examples/*.cxmap.yaml']);
    expect(result.stdout).toBe('✔ all 4 maps are valid\n');
    expect(result.status).toBe(0);
  });

  it('each has 15 to 40 steps and uses every lane', () => {
    for (const name of ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral']) {
      const text = readFileSync(`examples/${name}.cxmap.yaml`, 'utf8');
      const steps = text.match(/^ {2}- id: /gm)!.length;
      expect(steps).toBeGreaterThanOrEqual(15);
      expect(steps).toBeLessThanOrEqual(40);
      for (const lane of ['customer', 'frontstage', 'backstage', 'support']) expect(text).toContain(`kind: ${lane}`);
      expect(text).toContain('{ all: [');
      expect(text).toContain('outcome: failure');
    }
  });
});

describe('output into a closed pipe', () => {
  it('stops quietly when the reader stops reading (cxmap ... | head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [
      'bin/cxmap.cjs',
      'score',
      'examples/*.cxmap.yaml',
      '--format',
      'json',
      '--runs',
      '100',
    ]);
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
