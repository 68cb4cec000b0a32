/** Turns the file arguments of a command (paths, globs, `-`) into a sorted list of files. */
import { existsSync } from 'node:fs';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../load/index.js';

export function expandInputs(args: string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '-' || existsSync(arg) || !isDynamicPattern(arg)) {
      files.push(arg);
      continue;
    }
    const matches = globSync(arg, { onlyFiles: true, ignore: ['**/node_modules/**'], expandDirectories: false }).sort();
    if (matches.length === 0) throw new UsageError(`no files match ${arg}`);
    files.push(...matches);
  }
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  return [...new Set(files)];
}
