/** Turns the file arguments of a command (paths, globs, `-`) into a list of files, or finds the maps in a folder. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { UsageError } from '../core/index.js';

const GLOB = /[*?[\]{}]/;

export async function expandInputs(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    if (arg !== '-' && existsSync(arg) && statSync(arg).isDirectory()) {
      // A folder stands for the maps below it, as `cxmap check` finds them.
      const found = (await discoverMaps(arg)).map((f) => join(arg, f));
      if (found.length === 0) throw new UsageError(`no maps in ${arg}: a map's name ends in .cxmap.yaml or .cxmap.yml`);
      files.push(...found);
      continue;
    }
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

/** Every map below `cwd` (`*.cxmap.yaml`, `*.cxmap.yml`), leaving out what its .gitignore files ignore. */
export async function discoverMaps(cwd: string): Promise<string[]> {
  const { globSync } = await import('tinyglobby');
  const ignore = (await import('ignore')).default;
  const skip = ['**/node_modules/**', '**/.git/**'];
  const found = globSync(['**/*.cxmap.yaml', '**/*.cxmap.yml'], {
    cwd,
    onlyFiles: true,
    dot: true,
    ignore: skip,
    expandDirectories: false,
  });
  // Each .gitignore applies to the files below its folder, with paths relative to that folder.
  const rules = globSync('**/.gitignore', { cwd, dot: true, ignore: skip, expandDirectories: false }).map((file) => {
    const dir = posix.dirname(file) === '.' ? '' : `${posix.dirname(file)}/`;
    return { dir, ignores: ignore().add(readFileSync(join(cwd, file), 'utf8')) };
  });
  return found
    .filter((file) => !rules.some((r) => file.startsWith(r.dir) && r.ignores.ignores(file.slice(r.dir.length))))
    .sort();
}
