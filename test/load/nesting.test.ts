/**
 * One bound on nesting for every command that parses: brackets more than 64 deep, a line whose content starts more
 * than 128 columns in (`- - - ...` on one line, or deep indentation) are refused before the YAML library reads a
 * level, in one pass over the text, with the same finding. The inputs are a few MB: without the bound the library
 * took a minute and gigabytes on such files, so the test timeouts below are the bound on time.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadText } from '../../src/load/index.js';
import { canonical } from '../../src/model/index.js';
import { cxmap } from '../helpers/cli.js';

const MESSAGE =
  'the file nests lists or blocks of keys deeper than any map does (more than 64 levels of [ and {, or a line whose content starts more than 128 columns in); check the nesting here';

/** 2 MB of each kind of nesting, and where the bound is first passed (1-based line and column). */
const DEEP = {
  // The 65th `[` is at index 3 + 64 of line 1.
  brackets: { text: `x: ${'['.repeat(1_000_000)}`, line: 1, column: 68 },
  // After 65 dashes the content starts at column index 130 > 128.
  dashes: { text: `${'- '.repeat(1_000_000)}x\n`, line: 1, column: 131 },
  // Line k (0-based) is indented k spaces: line index 129 starts its content at 129 > 128.
  indentation: {
    text: Array.from({ length: 1500 }, (_, k) => `${' '.repeat(k)}a:`).join('\n') + ' 1\n',
    line: 130,
    column: 130,
  },
  // A key with a list at each level, indented one space more each time: `- a:` then ` - a:` ...
  'list entries': {
    text: Array.from({ length: 1500 }, (_, k) => `${' '.repeat(k)}- a:`).join('\n') + ' 1\n',
    line: 128,
    column: 130,
  },
};

const dir = mkdtempSync(join(tmpdir(), 'cxmap-nesting-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nesting bound', () => {
  for (const [kind, { text, line, column }] of Object.entries(DEEP)) {
    it(`${kind}: too-deep at ${line}:${column}, from load and from fmt`, { timeout: 3000 }, () => {
      const loaded = loadText(text, 'deep.cxmap.yaml');
      expect(loaded.map).toBeUndefined();
      expect(loaded.findings).toEqual([
        expect.objectContaining({ code: 'too-deep', severity: 'error', line, column, message: MESSAGE }),
      ]);
      expect(canonical(text)).toEqual({ reason: `its YAML does not parse (${line}:${column} ${MESSAGE})` });
    });
  }

  it('validate and fmt on the command line: exit 1 with the finding, the file untouched', { timeout: 8000 }, () => {
    const path = join(dir, 'dashes.cxmap.yaml');
    writeFileSync(path, DEEP.dashes.text);
    const validate = cxmap(['validate', path, '--format', 'json']);
    expect(validate.status).toBe(1);
    const [report] = JSON.parse(validate.stdout) as { findings: { code: string; line: number; column: number }[] }[];
    expect(report!.findings).toEqual([expect.objectContaining({ code: 'too-deep', line: 1, column: 131 })]);
    const fmt = cxmap(['fmt', path]);
    expect(fmt.status).toBe(1);
    expect(fmt.stderr).toBe(`cxmap: ${path} was not formatted: its YAML does not parse (1:131 ${MESSAGE})\n`);
    expect(readFileSync(path, 'utf8')).toBe(DEEP.dashes.text);
  });

  it('text that only looks deep is not refused: comments, quotes and the lines of a block scalar', () => {
    const deep = ' '.repeat(300);
    const text = [
      'cxmap: 1',
      `# ${'- '.repeat(100)}`,
      `${deep}# an indented comment`,
      'process:',
      `  name: '${'[ '.repeat(100)}'`,
      '  description: |',
      `${deep}- - - a drawing in the text`,
      '  goal: >-',
      `    ${'- '.repeat(100)}`,
      'actors:',
      '  me: { kind: customer, name: Me }',
      'steps:',
      '  - id: a',
      '    name: A',
      '    actor: me',
      '    note: |',
      `${deep}x`,
      '',
    ].join('\n');
    expect(loadText(text, 'x').findings.filter((f) => f.code === 'too-deep')).toEqual([]);
  });

  it('a block scalar ends where the indentation comes back: what follows is checked', () => {
    // `- - |`: the text is indented more than the inner `-` (column 2); a line at column 2 is a list again.
    const text = `- - |\n   text\n  ${'- '.repeat(70)}x\n`;
    expect(loadText(text, 'x').findings).toEqual([
      expect.objectContaining({ code: 'too-deep', line: 3, column: 131, message: MESSAGE }),
    ]);
  });
});
