import { describe, expect, it } from 'vitest';
import { cxmap } from '../helpers/cli.js';

const COMMANDS = [
  'validate',
  'check',
  'score',
  'render',
  'report',
  'deck',
  'portfolio',
  'improve',
  'compare',
  'init',
  'import',
  'serve',
  'watch',
  'fmt',
  'doctor',
];

describe('help', () => {
  it('lists every command', () => {
    const r = cxmap(['--help']);
    expect(r.status).toBe(0);
    const listed = [...r.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]);
    expect(listed).toEqual([...COMMANDS, 'help']);
  });

  it.each(COMMANDS)('%s --help has an example', (command) => {
    const r = cxmap([command, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\nExamples:\\n {2}\\$ cxmap ${command}`));
  });
});
