/**
 * Maps as they were at a git revision: `main:maps/loan.cxmap.yaml` (a path from the repository's root) or
 * `HEAD~1:./loan.cxmap.yaml` (from the current folder), read with `git show`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { decode } from './read.js';
import { UsageError } from '../core/index.js';
import { loadFile, loadText, type LoadedMap } from './load.js';

/**
 * `ref:path` when the text names no existing file and looks like one; a drive letter (C:\) is not a ref, and
 * nothing starting with `-` is (git would read it as an option: `--output=x.txt:a.cxmap.yaml` wrote a file).
 */
function gitSpec(spec: string): { ref: string; path: string } | undefined {
  if (existsSync(spec)) return undefined;
  const match = /^([^:\s-][^:\s]+):(.+)$/.exec(spec);
  return match ? { ref: match[1]!, path: match[2]! } : undefined;
}

/**
 * Arguments for git with what comes from the user after `--end-of-options`, so that git never reads a ref or a
 * path as an option, whatever it looks like.
 */
export const userArgs = (command: string[], ...values: string[]) => [...command, '--end-of-options', ...values];

/** Runs git in the current folder; any failure is a one-line UsageError saying what could not be done. */
export function git(args: string[], what: string, cwd = process.cwd()): Buffer {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT')
      throw new UsageError(`git is not installed, so ${what} cannot be read; install git or give a file instead`);
    const reason =
      e.stderr
        ?.toString()
        .trim()
        .split('\n')[0]
        ?.replace(/^fatal: /, '') || e.message;
    throw new UsageError(`cannot read ${what}: ${reason}`);
  }
}

/** Loads a map from a file, or from git when given as `ref:path`. */
export function loadSpec(spec: string): LoadedMap {
  const at = gitSpec(spec);
  if (!at) return loadFile(spec);
  const read = decode(git(userArgs(['show'], `${at.ref}:${at.path}`), `${at.path} at ${at.ref}`));
  return 'finding' in read ? { file: spec, findings: [read.finding] } : loadText(read.text, spec);
}
