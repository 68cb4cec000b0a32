/** What the commands share: where output goes, the exit code, colour, and the choice of finding format. */
import { Option } from 'commander';
import { UsageError } from '../core/index.js';
import { FORMATTERS, type FileResult } from '../formatters/index.js';

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

/** A parser for options that take a whole number from 1 to `max`. */
export const positiveInteger = (name: string, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`${name} takes a whole number from 1 to ${max.toLocaleString('en')}, not ${value}`);
  return n;
};
