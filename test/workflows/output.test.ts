/** The output writer: every file cxmap writes goes through it, atomically. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outputs } from '../../src/workflows/index.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxmap-output-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Outputs', () => {
  it('writes atomically: a failed write leaves neither the file nor a temporary one', () => {
    const target = join(dir, 'atomic', 'taken');
    mkdirSync(target, { recursive: true }); // a folder where the file should go: the rename fails
    const outputs = new Outputs([]);
    expect(() => outputs.write(target, 'data')).toThrow();
    expect(readdirSync(join(dir, 'atomic'))).toEqual(['taken']);
    expect(existsSync(`${target}.${process.pid}.tmp`)).toBe(false);
  });
});
