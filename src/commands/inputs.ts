/** Turns the file arguments of a command (paths, globs, `-`) into a list of files. */
import { existsSync } from 'node:fs';
import { UsageError } from '../load/index.js';

const GLOB = /[*?[\]{}]/;

export async function expandInputs(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '-' || existsSync(arg) || !GLOB.test(arg)) {
      files.push(arg);
      continue;
    }
    // Loaded only when needed: most calls name files, and start-up time matters in workshops.
    const { globSync } = await import('tinyglobby');
    const matches = globSync(arg, { onlyFiles: true, ignore: ['**/node_modules/**'], expandDirectories: false }).sort();
    if (matches.length === 0) throw new UsageError(`no files match ${arg}`);
    files.push(...matches);
  }
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  return [...new Set(files)];
}
