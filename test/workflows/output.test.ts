/** The output writer: every file cxmap writes goes through it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  lstatSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outputs, writeFile } from '../../src/workflows/index.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxmap-output-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const root = process.getuid?.() === 0;

describe('writeFile', () => {
  it('refuses a folder in one line, and leaves neither the file nor a temporary one', () => {
    const target = join(dir, 'atomic', 'taken');
    mkdirSync(target, { recursive: true });
    expect(() => writeFile(target, 'data')).toThrow(`cannot write ${target}: it is a folder; give a file name`);
    expect(readdirSync(join(dir, 'atomic'))).toEqual(['taken']);
  });

  it('says so when a part of the folder path is a file', () => {
    writeFileSync(join(dir, 'plain'), 'x');
    expect(() => writeFile(join(dir, 'plain', 'out.md'), 'data')).toThrow(
      `cannot write ${join(dir, 'plain', 'out.md')}: a part of its folder path is a file, not a folder`,
    );
  });

  it('keeps the mode of the file it replaces, and refuses a read-only file', () => {
    const file = join(dir, 'private.cxmap.yaml');
    writeFileSync(file, 'old\n', { mode: 0o600 });
    chmodSync(file, 0o600);
    writeFile(file, 'new\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    if (root) return; // root may write anything: the read-only refusal is for everyone else
    chmodSync(file, 0o400);
    expect(() => writeFile(file, 'newer\n')).toThrow('the file is read-only, and cxmap does not write over it');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
  });

  it('writes through a symlink to the file it points at, and keeps the link', () => {
    mkdirSync(join(dir, 'maps'));
    writeFileSync(join(dir, 'maps', 'real.yaml'), 'old\n');
    symlinkSync(join(dir, 'maps', 'real.yaml'), join(dir, 'link.yaml'));
    writeFile(join(dir, 'link.yaml'), 'new\n');
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'maps', 'real.yaml'), 'utf8')).toBe('new\n');
  });

  it('keeps the line breaks and byte-order mark of the file it replaces, or of the layout given', () => {
    const file = join(dir, 'windows.yaml');
    writeFileSync(file, '\uFEFFa: 1\r\nb: 2\r\n');
    writeFile(file, 'a: 1\nb: 3\n');
    expect(readFileSync(file, 'utf8')).toBe('\uFEFFa: 1\r\nb: 3\r\n');
    writeFile(join(dir, 'mac.yaml'), 'a: 1\r\nb: 2\n', { eol: '\r', bom: false });
    expect(readFileSync(join(dir, 'mac.yaml'), 'utf8')).toBe('a: 1\rb: 2\r');
  });

  it('creates its temporary file exclusively under a random name: nothing planted is followed', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep\n');
    // The old, predictable name: a symlink planted there was followed.
    symlinkSync(victim, join(dir, `out.md.${process.pid}.tmp`));
    writeFile(join(dir, 'out.md'), 'report\n');
    expect(readFileSync(victim, 'utf8')).toBe('keep\n');
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toBe('report\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') && f.startsWith('.'))).toEqual([]);
  });
});

describe('Outputs', () => {
  it('never writes over an input, compared by real path: a symlinked folder does not hide it', () => {
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'loan.cxmap.yaml'), 'map\n');
    symlinkSync(join(dir, 'in'), join(dir, 'linkdir'));
    const outputs = new Outputs([join(dir, 'in', 'loan.cxmap.yaml')]);
    const sneaky = join(dir, 'linkdir', 'loan.cxmap.yaml');
    expect(() => outputs.plan(sneaky, 'the report')).toThrow(
      `${sneaky} is one of the input maps: cxmap never writes over an input; choose another output`,
    );
    expect(() => outputs.write(sneaky, 'x')).toThrow('is one of the input maps');
    expect(readFileSync(join(dir, 'in', 'loan.cxmap.yaml'), 'utf8')).toBe('map\n');
  });
});
