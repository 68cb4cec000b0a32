/**
 * The work of `cxmap check` on a list of files, done in this thread or in a worker thread: each map loaded,
 * checked with the rules its configuration gives it, and compared with its version at the --against ref.
 */
import { availableParallelism } from 'node:os';
import { relative, sep } from 'node:path';
import { loadText, sharedBeside, type LoadedMap, type ProcessMap, git, userArgs } from '../load/index.js';
import { finding, START, UsageError, type Finding } from '../core/index.js';
import { checkMap, settingsFor, type RunConfig } from '../rules/index.js';
import { loadForRun } from './inputs.js';

export interface CheckJob {
  /** The run's configuration: the rules of each map, the weights, the effort estimates. */
  run: RunConfig;
  cwd: string;
  quiet: boolean;
  /** The --against ref, and the files (relative to cwd) that changed since. */
  against?: { ref: string; changed: string[] };
}

/** What a checked file gives the formatters: its findings, and its lines for the code frames when it has any. */
interface CheckedFile {
  file: string;
  findings: Finding[];
  lines?: string[];
}

export function checkFiles(paths: string[], job: CheckJob, tick: () => void = () => undefined): CheckedFile[] {
  const { run } = job;
  const baseline = job.against ? baselines(job.against.ref, new Set(job.against.changed), job.cwd) : () => undefined;
  return paths.map((path) => {
    const loaded = loadForRun(path, run);
    const all = checkOne(() =>
      checkMap(loaded, settingsFor(run.config, path), { judgement: run, baseline: baseline(path) }),
    );
    const findings = job.quiet ? all.filter((f) => f.severity === 'error') : all;
    tick();
    return {
      file: loaded.file,
      findings,
      ...(findings.length && loaded.source ? { lines: loaded.source.text.split(/\r?\n/) } : {}),
    };
  });
}

/**
 * The findings of one map; a fault of cxmap on it (an error other than a usage error, which stops the run) becomes
 * a finding on that file, so that the other maps are still checked and the one that failed is named.
 */
function checkOne(check: () => Finding[]): Finding[] {
  try {
    return check();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    return [
      finding(
        'internal-error',
        `a fault of cxmap stopped the check of this map (${why}); please report it with the map`,
        START,
      ),
    ];
  }
}

/** The files (relative to `cwd`) that changed since `ref`; a bad ref or a folder outside git is a UsageError. */
export function changedSince(ref: string, cwd: string): string[] {
  git(['rev-parse', '--is-inside-work-tree'], `the maps' history for --against ${ref}`, cwd);
  try {
    git(userArgs(['rev-parse', '--verify', '--quiet'], `${ref}^{commit}`), `the git ref ${ref}`, cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(
      `--against ${ref}: there is no such branch, tag or commit in this repository (in CI, fetch it first: git fetch origin main)`,
    );
  }
  // -z: paths as they are; without it git quotes a path with non-ASCII letters or tabs, and it matched no map.
  return git([...userArgs(['diff', '--name-only', '-z', '--relative'], ref), '--'], `the changes since ${ref}`, cwd)
    .toString()
    .split('\0')
    .filter(Boolean);
}

/** The version at `ref` of a changed map, read with `git show`; none for a map new since the ref. */
function baselines(ref: string, changed: Set<string>, cwd: string): (path: string) => ProcessMap | undefined {
  return (path) => {
    // git names paths with `/`; only Windows' separator is turned into it (on POSIX a backslash is a letter).
    const file = relative(cwd, path).split(sep).join('/');
    if (!changed.has(file)) return undefined;
    let before: LoadedMap | undefined;
    try {
      // A map of a portfolio is read with what today's portfolio shares, as the map itself is.
      before = loadText(
        git(userArgs(['show'], `${ref}:./${file}`), `${file} at ${ref}`, cwd).toString(),
        `${ref}:${file}`,
        sharedBeside(path),
      );
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
    }
    return before?.map;
  };
}

/** Below this many maps one thread is faster than starting workers (about 150 ms each here). */
const PARALLEL_FROM = 200;
// The worker runs compiled JavaScript; the path holds from src/workflows, dist/workflows and dist/bundle.
const WORKER = new URL('../../dist/workflows/check-worker.js', import.meta.url);

/**
 * The files checked in worker threads, a share each, when there are enough to pay for them; results in file order,
 * with the number of threads that checked them (1: this one, no worker).
 */
export async function checkInParallel(
  paths: string[],
  job: CheckJob,
  tick: () => void,
  cores = availableParallelism(),
): Promise<{ files: CheckedFile[]; threads: number }> {
  const threads = Math.min(cores, 8, Math.floor(paths.length / (PARALLEL_FROM / 2)));
  if (paths.length < PARALLEL_FROM || threads < 2) return { files: checkFiles(paths, job, tick), threads: 1 };
  // Loaded only here: other commands' start-up would pay for it.
  const { Worker } = await import('node:worker_threads');
  const size = Math.ceil(paths.length / threads);
  const shares = Array.from({ length: threads }, (_, w) => paths.slice(w * size, (w + 1) * size));
  const parts = await Promise.all(
    shares.map(
      (share) =>
        new Promise<CheckedFile[]>((resolve, reject) => {
          const worker = new Worker(WORKER, { workerData: { paths: share, job } });
          worker.on('message', (message: { tick?: true; results?: CheckedFile[]; error?: string }) => {
            if (message.tick) return tick();
            void worker.terminate();
            if (message.results) resolve(message.results);
            else reject(new Error(message.error));
          });
          worker.once('error', reject);
        }),
    ),
  );
  return { files: parts.flat(), threads };
}
