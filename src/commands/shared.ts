/**
 * What the commands share (none of them imports another): where output goes, the exit code, colour, the format of
 * findings, the options of a run's configuration, and the other options and their parsers that several commands
 * take.
 */
import { Option, type Command } from 'commander';
import { UsageError } from '../core/index.js';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../analysis/index.js';
import { THEMES, VIEWS, type ViewName } from '../render/index.js';
import { FORMATTERS, type FileResult } from '../formatters/index.js';
import { findConfig, loadConfig } from '../load/index.js';
import { resolveRun, type RunConfig } from '../rules/index.js';

export interface CommandContext {
  write(text: string): void;
  exitCode: number;
  /** chalk's colour level, 0 when `--no-color` is given (which wins over FORCE_COLOR). */
  colorLevel: 0 | 1 | 2 | 3;
  /** cxmap's version, for outputs that name the tool (SARIF). */
  version: string;
}

export const findingFormatOption = () =>
  new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish');

export function formatFindings(format: string, results: FileResult[], context: CommandContext): string {
  return FORMATTERS[format === 'json' ? 'json' : 'stylish'](results, { colorLevel: context.colorLevel });
}

/**
 * The opening of every command that works on valid maps: when any of them has an error, their findings are
 * written (as `cxmap validate` would), the exit code is 1, and true is returned: the command stops there.
 */
export function stopOnInvalid(loaded: FileResult[], context: CommandContext, format = 'stylish'): boolean {
  if (loaded.every((l) => !l.findings.some((f) => f.severity === 'error'))) return false;
  context.write(formatFindings(format, loaded, context));
  context.exitCode = 1;
  return true;
}

/** A parser for options that take a whole number from 1 to `max`. */
export const positiveInteger = (name: string, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`${name} takes a whole number from 1 to ${max.toLocaleString('en')}, not ${value}`);
  return n;
};

export const parseViews = (value: string): ViewName[] => {
  const views = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = views.find((v) => !(VIEWS as readonly string[]).includes(v));
  if (unknown) throw new UsageError(`there is no view called ${unknown}: choose from ${VIEWS.join(', ')}`);
  return [...new Set(views)] as ViewName[];
};

export const parseScale = (value: string) => {
  const n = Number(value);
  if (!(n >= 1 && n <= 8)) throw new UsageError(`--scale takes a number from 1 to 8, not ${value}`);
  return n;
};

/** Mermaid's theme, where Mermaid draws svg, png and pdf: the timeline, and every view with `--engine mermaid`. */
export const themeOption = () =>
  new Option(
    '--theme <theme>',
    "Mermaid's theme where Mermaid draws svg, png and pdf: the timeline, and every view with --engine mermaid",
  )
    .choices(THEMES)
    .default('default');

/** What the options of a run give the command's action: the configuration named, and the simulation. */
export interface RunOptions {
  config?: string;
  runs?: number;
  seed?: number;
}

/**
 * The options of every command that scores maps, the same everywhere: the configuration (its weights, effort
 * estimates and rules) and, for the commands whose figures come from a simulation, the simulation. `runFrom`
 * resolves them into the run's configuration.
 */
export function addRunOptions(command: Command, { simulates }: { simulates: boolean }): Command {
  command.addOption(
    new Option(
      '-c, --config <file>',
      'the configuration to use (its weights, effort estimates and rules) instead of the nearest cxmap.config.yaml',
    ),
  );
  if (simulates)
    command
      .option('--runs <n>', 'customers to simulate', positiveInteger('--runs', 10_000_000), DEFAULT_RUNS)
      .option(
        '--seed <n>',
        'seed of the simulation: the same seed gives the same figures',
        positiveInteger('--seed', 2 ** 31),
        DEFAULT_SEED,
      );
  return command;
}

/**
 * The run's configuration, resolved once: the configuration named with --config, or the nearest one from the
 * current folder upward (none: the recommended preset and the default weights), and the command line's simulation.
 * A configuration that cannot be used is a one-line error naming its file, line and column (exit 2).
 */
export function runFrom(options: RunOptions): RunConfig {
  const cwd = process.cwd();
  return resolveRun(loadConfig(options.config ?? findConfig(cwd), cwd), options);
}
