/**
 * Turns the file arguments of a command (paths, globs, `-`) into a list of files, or finds the maps in a folder; and
 * loads a map for a run, with what the run's configuration says of it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { UsageError, sortFindings } from '../core/index.js';
import { knownPersonas, loadFile, personaFindings, type LoadedMap } from '../load/index.js';
import type { RunConfig } from '../rules/index.js';
import { realPath } from './output.js';

const GLOB = /[*?[\]{}]/;

/** What the inputs may be besides maps: `cxmap check` takes portfolio files too, and finds them in folders. */
interface InputKinds {
  portfolios?: boolean;
}

export async function expandInputs(args: string[], kinds: InputKinds = {}): Promise<string[]> {
  const files: string[] = [];
  const skipped: { arg: string; kind: string }[] = [];
  for (const arg of args) {
    if (arg !== '-' && existsSync(arg) && statSync(arg).isDirectory()) {
      // A folder stands for the maps below it, as `cxmap check` finds them.
      const found = (await discoverMaps(arg, kinds)).map((f) => join(arg, f));
      if (found.length === 0) throw new UsageError(`no maps in ${arg}: a map's name ends in .cxmap.yaml or .cxmap.yml`);
      files.push(...found);
      continue;
    }
    const kind = arg === '-' ? undefined : specialFile(arg);
    if (kind) {
      // Reading a FIFO waits for a writer that may never come; a device may never end.
      skipped.push({ arg, kind });
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
  if (files.length === 0 && skipped.length > 0)
    throw new UsageError(`no maps to read: ${skipped.map((s) => `${s.arg} is ${s.kind}, not a file`).join('; ')}`);
  for (const s of skipped) process.stderr.write(`cxmap: skipped ${s.arg}: it is ${s.kind}, not a file\n`);
  // Each file once, however it is named (`a.cxmap.yaml`, `./a.cxmap.yaml`, a symlink to it).
  return onePerRealPath(files, (f) => (f === '-' || !existsSync(f) ? f : realPath(f)));
}

/** What kind of special file a path names (a FIFO, a socket, a device); undefined for a file, a folder or nothing. */
function specialFile(path: string): string | undefined {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  if (stats.isFile() || stats.isDirectory()) return undefined;
  return stats.isFIFO() ? 'a named pipe (FIFO)' : stats.isSocket() ? 'a socket' : 'a device';
}

/** The paths in their order, leaving out any whose real path an earlier one has. */
function onePerRealPath(paths: string[], real: (path: string) => string): string[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = real(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every map below `cwd` (`*.cxmap.yaml`, `*.cxmap.yml`), and with `portfolios` every `cxmap.portfolio.yaml` (.yml),
 * leaving out what its .gitignore files ignore.
 */
export async function discoverMaps(cwd: string, kinds: InputKinds = {}): Promise<string[]> {
  const { globSync } = await import('tinyglobby');
  const ignore = (await import('ignore')).default;
  const skip = ['**/node_modules/**', '**/.git/**'];
  const patterns = ['**/*.cxmap.yaml', '**/*.cxmap.yml'];
  if (kinds.portfolios) patterns.push('**/cxmap.portfolio.yaml', '**/cxmap.portfolio.yml');
  const found = globSync(patterns, {
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
  const kept = found.filter(
    (file) => !rules.some((r) => file.startsWith(r.dir) && r.ignores.ignores(file.slice(r.dir.length))),
  );
  // A symlink to a folder above (`up -> ..`) shows the same map under a longer path: each map once, by the
  // shortest path to it (then in name order).
  const depth = (file: string) => file.split('/').length;
  kept.sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  return onePerRealPath(kept, (file) => realPath(join(cwd, file))).sort();
}

/**
 * Whether a file is a portfolio: its first key (after comments, a `---` and directives) is `portfolio:`. A file that
 * cannot be read is not one (it is then reported as a map that cannot be read).
 */
export function isPortfolioFile(path: string): boolean {
  if (path === '-') return false;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  const first = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .find((line) => !/^\s*(#.*)?$/.test(line) && !/^(---|%)/.test(line));
  return first !== undefined && /^["']?portfolio["']?\s*:/.test(first);
}

/**
 * A map loaded for a run (every command that reads the configuration loads its maps here): its own findings, and an
 * `unknown-persona` warning at each persona it names that neither the configuration's `personas:` nor its
 * portfolio's defines.
 */
export function loadForRun(path: string, run: RunConfig): LoadedMap {
  return withPersonaFindings(loadFile(path), run.personas);
}

/**
 * A loaded map with an `unknown-persona` warning at each persona it names that neither the configuration's
 * personas (`configured`) nor its portfolio's define.
 */
export function withPersonaFindings(loaded: LoadedMap, configured: RunConfig['personas']): LoadedMap {
  const personas = personaFindings(loaded, knownPersonas(loaded, configured));
  return personas.length === 0 ? loaded : { ...loaded, findings: sortFindings([...loaded.findings, ...personas]) };
}
