/**
 * The work of `cxmap check` on a list of files, done in this thread or in a worker thread: each map loaded,
 * checked with the rules its configuration gives it, and compared with its version at the --against ref; each
 * portfolio checked with its own policies (against itself and its maps at the ref), then its maps.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  git,
  loadPortfolio,
  loadText,
  parseYaml,
  sharedBeside,
  userArgs,
  type LoadedMap,
  type ProcessMap,
  type SourceMap,
} from '../load/index.js';
import { finding, START, UsageError, type Finding } from '../core/index.js';
import {
  checkMap,
  checkPortfolio,
  portfolioFacts,
  settingsFor,
  type PortfolioFacts,
  type RunConfig,
} from '../rules/index.js';
import { isPortfolioFile, loadForRun, withPersonaFindings } from './inputs.js';

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
  /** A portfolio file, not a map: the summary counts it apart. */
  kind?: 'portfolio';
}

export function checkFiles(paths: string[], job: CheckJob, tick: () => void = () => undefined): CheckedFile[] {
  const { run } = job;
  const changed = new Set(job.against?.changed);
  const touched = (path: string) => changed.has(gitPath(path, job.cwd));
  const baseline = job.against ? baselines(job.against.ref, touched, job.cwd) : () => undefined;
  const mapChecked = (loaded: LoadedMap): CheckedFile =>
    checked(
      loaded,
      checkOne(() =>
        checkMap(loaded, settingsFor(run.config, loaded.file), { judgement: run, baseline: baseline(loaded.file) }),
      ),
      job,
    );
  return paths.flatMap((path) => {
    let files: CheckedFile[];
    if (isPortfolioFile(path)) {
      // The portfolio file with its own policies, then each journey, loaded with what the portfolio shares.
      const loaded = loadPortfolio(path);
      // Compared only when it or one of its maps changed since the ref: otherwise its totals are the same.
      const against = job.against;
      const compare = against && [path, ...loaded.journeys.map((j) => j.file)].some(touched);
      const own = checkOne(() =>
        checkPortfolio(loaded, settingsFor(run.config, path), {
          judgement: run,
          baseline: compare ? portfolioAt(against.ref, path, job.cwd, run) : undefined,
          ref: against?.ref,
        }),
      );
      files = [
        { ...checked(loaded, own, job), kind: 'portfolio' },
        ...loaded.journeys.map((j) => mapChecked(withPersonaFindings(j, run.personas))),
      ];
    } else files = [mapChecked(loadForRun(path, run))];
    tick();
    return files;
  });
}

/** What the formatters get of a checked file: its findings (errors only when quiet), and its lines when it has any. */
function checked(loaded: { file: string; source?: SourceMap }, all: Finding[], job: CheckJob): CheckedFile {
  const findings = job.quiet ? all.filter((f) => f.severity === 'error') : all;
  return {
    file: loaded.file,
    findings,
    ...(findings.length && loaded.source ? { lines: loaded.source.text.split(/\r?\n/) } : {}),
  };
}

/**
 * The paths to check, each map once: a map that a portfolio among them lists is checked with the portfolio (with
 * what it shares), not again on its own; and the inputs, which no output may overwrite: the paths and the maps
 * the portfolios list.
 */
export function planCheck(found: string[]): { paths: string[]; inputs: string[] } {
  const journeys = found
    .filter(isPortfolioFile)
    .flatMap((p) => journeyEntries(readFileSync(p, 'utf8')).map((e) => join(dirname(p), e)));
  const listed = new Set(journeys.map((j) => resolve(j)));
  return { paths: found.filter((p) => !listed.has(resolve(p))), inputs: [...found, ...journeys] };
}

/** The journeys a portfolio's text lists, as written; none when it lists none readably (loading then says why). */
function journeyEntries(text: string): string[] {
  const data = parseYaml(text).data as { journeys?: unknown } | undefined;
  const entries = data && typeof data === 'object' ? data.journeys : undefined;
  return Array.isArray(entries) ? entries.filter((e): e is string => typeof e === 'string') : [];
}

/**
 * The portfolio and its maps as they were at `ref` (`git show` of the portfolio, then of each journey it listed
 * then, into a temporary folder laid out as the repository is), for portfolio-no-growth. Undefined when the
 * portfolio did not exist at the ref, or it or one of its maps did not load then: there is nothing to compare.
 */
function portfolioAt(ref: string, path: string, cwd: string, run: RunConfig): PortfolioFacts | undefined {
  const show = (file: string) => textAt(ref, file, cwd);
  const text = show(resolve(cwd, path));
  if (text === undefined) return undefined;
  const entries = journeyEntries(text);
  const files = [path, ...entries.map((e) => join(dirname(path), e))].map((f) => relative(cwd, resolve(cwd, f)));
  // Deep enough that a journey in a folder beside the portfolio's (`../other/x.cxmap.yaml`) stays inside it.
  const up = Math.max(0, ...files.map((f) => f.split(sep).filter((part) => part === '..').length));
  const tmp = mkdtempSync(join(tmpdir(), 'cxmap-against-'));
  try {
    const root = join(tmp, ...Array.from({ length: up }, (_, i) => `${i}`));
    const at = (file: string) => join(root, file);
    mkdirSync(dirname(at(files[0]!)), { recursive: true });
    writeFileSync(at(files[0]!), text);
    for (const file of files.slice(1)) {
      const before = show(resolve(cwd, file));
      if (before === undefined) return undefined;
      mkdirSync(dirname(at(file)), { recursive: true });
      writeFileSync(at(file), before);
    }
    const loaded = loadPortfolio(at(files[0]!));
    if (loaded.journeys.some((j) => !j.map)) return undefined;
    return portfolioFacts(loaded, run);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
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
function baselines(ref: string, touched: (path: string) => boolean, cwd: string) {
  return (path: string): ProcessMap | undefined => {
    if (!touched(path)) return undefined;
    const text = textAt(ref, path, cwd);
    // A map of a portfolio is read with what today's portfolio shares, as the map itself is.
    return text === undefined ? undefined : loadText(text, `${ref}:${gitPath(path, cwd)}`, sharedBeside(path)).map;
  };
}

/** A path as git names it, relative to `cwd`: only Windows' separator is turned into `/` (on POSIX `\` is a letter). */
const gitPath = (path: string, cwd: string) => relative(cwd, path).split(sep).join('/');

/** The text of a file at `ref` (`git show`); undefined when it was not there. */
function textAt(ref: string, path: string, cwd: string): string | undefined {
  const file = gitPath(path, cwd);
  try {
    return git(userArgs(['show'], `${ref}:./${file}`), `${file} at ${ref}`, cwd).toString();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return undefined;
  }
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
