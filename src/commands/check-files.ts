/**
 * The work of `cxmap check` on a list of files, done in this thread or in a worker thread: each map loaded,
 * checked with the rules its configuration gives it, and compared with its version at the --against ref.
 */
import { relative } from 'node:path';
import { loadFile, loadText, type LoadedMap, type ProcessMap, type LoadedConfig, git } from '../load/index.js';
import { UsageError, type Finding } from '../core/index.js';
import { checkMap, settingsFor, weightsOf } from '../rules/index.js';

export interface CheckJob {
  config: LoadedConfig;
  cwd: string;
  quiet: boolean;
  /** The --against ref, and the files (relative to cwd) that changed since. */
  against?: { ref: string; changed: string[] };
}

/** What a checked file gives the formatters: its findings, and its lines for the code frames when it has any. */
export interface CheckedFile {
  file: string;
  findings: Finding[];
  lines?: string[];
}

export function checkFiles(paths: string[], job: CheckJob, tick: () => void = () => undefined): CheckedFile[] {
  const { config } = job;
  const weights = weightsOf(config);
  const baseline = job.against ? baselines(job.against.ref, new Set(job.against.changed), job.cwd) : () => undefined;
  return paths.map((path) => {
    const loaded = loadFile(path);
    const all = checkMap(loaded, settingsFor(config, path), { weights, baseline: baseline(path) });
    const findings = job.quiet ? all.filter((f) => f.severity === 'error') : all;
    tick();
    return {
      file: loaded.file,
      findings,
      ...(findings.length && loaded.source ? { lines: loaded.source.text.split(/\r?\n/) } : {}),
    };
  });
}

/** The files (relative to `cwd`) that changed since `ref`; a bad ref or a folder outside git is a UsageError. */
export function changedSince(ref: string, cwd: string): string[] {
  git(['rev-parse', '--is-inside-work-tree'], `the maps' history for --against ${ref}`, cwd);
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], `the git ref ${ref}`, cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(
      `--against ${ref}: there is no such branch, tag or commit in this repository (in CI, fetch it first: git fetch origin main)`,
    );
  }
  return git(['diff', '--name-only', '--relative', ref, '--'], `the changes since ${ref}`, cwd)
    .toString()
    .split('\n')
    .filter(Boolean);
}

/** The version at `ref` of a changed map, read with `git show`; none for a map new since the ref. */
function baselines(ref: string, changed: Set<string>, cwd: string): (path: string) => ProcessMap | undefined {
  return (path) => {
    const file = relative(cwd, path).split('\\').join('/');
    if (!changed.has(file)) return undefined;
    let before: LoadedMap | undefined;
    try {
      before = loadText(git(['show', `${ref}:./${file}`], `${file} at ${ref}`, cwd).toString(), `${ref}:${file}`);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
    }
    return before?.map;
  };
}
