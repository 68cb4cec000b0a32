/**
 * `cxmap check` on several maps when cxmap itself fails on one: that map gets a finding that names the fault, and
 * the others are still checked. The fault is injected (the bounds of the format keep every real map's figures
 * finite): the analysis throws on the map whose process is called "Broken", as the engine's boundary would.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkFiles } from '../../src/workflows/index.js';
import { loadConfig } from '../../src/load/index.js';
import { resolveRun } from '../../src/rules/index.js';
import { cleanMap } from '../helpers/maps.js';

vi.mock('../../src/analysis/index.js', async (original) => {
  const real = await original<typeof import('../../src/analysis/index.js')>();
  return {
    ...real,
    analyzeExact: (...args: Parameters<typeof real.analyzeExact>) => {
      if (args[0].process.name === 'Broken')
        throw new Error('cxmap could not compute cost a year of this map (it came out as Infinity)');
      return real.analyzeExact(...args);
    },
  };
});

describe('check on maps one of which cxmap fails on', () => {
  it('reports the fault as a finding on that file and checks the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxmap-check-fault-'));
    const paths = ['a', 'b', 'c'].map((name) => join(dir, `${name}.cxmap.yaml`));
    writeFileSync(paths[0]!, cleanMap('Ask'));
    writeFileSync(paths[1]!, cleanMap('Broken'));
    writeFileSync(paths[2]!, cleanMap('Ask again').replace('next: answer', 'next: answr'));
    const job = { run: resolveRun(loadConfig(undefined, dir)), cwd: dir, quiet: false };
    const checked = checkFiles(paths, job);
    expect(checked.map((c) => [c.file, c.findings.map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`)])).toEqual(
      [
        [paths[0], []],
        [
          paths[1],
          [
            '1:1 internal-error a fault of cxmap stopped the check of this map (cxmap could not compute cost a year of this map (it came out as Infinity)); please report it with the map',
          ],
        ],
        [paths[2], ['7:102 unknown-step step `ask` goes to `answr`, which is not a step (did you mean `answer`?)']],
      ],
    );
  });
});
