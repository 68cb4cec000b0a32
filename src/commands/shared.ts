/** What the commands share: where output goes, the exit code, colour, and the choice of finding format. */
import { Option } from 'commander';
import chalk from 'chalk';
import { stylish } from '../formatters/stylish.js';
import { json } from '../formatters/json.js';
import type { FileResult } from '../formatters/types.js';

export interface CommandContext {
  write(text: string): void;
  exitCode: number;
}

export const findingFormatOption = () =>
  new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish');

export function formatFindings(format: string, results: FileResult[]): string {
  return format === 'json' ? json(results) : stylish(results, { colorLevel: chalk.level });
}
