/**
 * fmt's general refusals, reachable by input: each leaves the file as it is, says why in one line, exits 1.
 * (The YAML that does not parse, a complex key and a tag that does not fit are in fmt.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cxmap } from '../helpers/cli.js';

describe('cxmap fmt refuses', () => {
  it('a comment with U+2028 in a map that holds every private-use character, which it could not keep as written', () => {
    // fmt hides a line separator of a comment behind a private-use character the map does not hold while the YAML
    // writer runs; a map naming all 6,400 of them leaves none free, and the writer would break the comment in two.
    let every = '';
    for (let c = 0xe000; c <= 0xf8ff; c++) every += String.fromCharCode(c);
    const text = `cxmap: 1\n# before\u2028after\nprocess:\n  name: "${every}"\n`;
    const file = join(mkdtempSync(join(tmpdir(), 'cxmap-fmt-')), 'p.cxmap.yaml');
    writeFileSync(file, text);
    for (const args of [
      ['fmt', file],
      ['fmt', '--check', file],
    ]) {
      const r = cxmap(args);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `cxmap: ${file} was not formatted: a comment would not be kept as written, so the file was left as it is\n`,
      );
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
