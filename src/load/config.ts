/**
 * Reading the team's configuration (the rules of `cxmap check`, the weights and the effort estimates of every command
 * that scores): cxmap.config.yaml (or .yml, .json), found from the current folder upward or named with --config,
 * checked against schemas/cxmap.config.schema.json. A configuration that cannot be used is a one-line error naming
 * its file, line and column (exit 2). The run's configuration is resolved from it in rules/run.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseYaml } from './parse.js';
import { checkShape } from './schema.js';
import { UsageError, sortFindings } from '../core/index.js';
import { parseLever } from './levers.js';
import type { RawLever } from './types.js';

const CONFIG_FILES = ['cxmap.config.yaml', 'cxmap.config.yml', 'cxmap.config.json'];

type RuleSeverity = 'off' | 'warn' | 'error';
/** As written: `warn`, or `[error, 3]`. */
export type RuleEntry = RuleSeverity | [RuleSeverity, unknown?];

interface RawConfig {
  extends?: 'recommended';
  rules?: Record<string, RuleEntry>;
  overrides?: { files: string[]; rules?: Record<string, RuleEntry> }[];
  weights?: Record<string, unknown>;
  effort?: Record<string, number>;
  levers?: Record<string, RawLever>;
}

export interface LoadedConfig {
  /** The file it came from; undefined when there is none (the recommended preset applies). */
  file?: string;
  /** The folder that override globs are relative to. */
  dir: string;
  config: RawConfig;
}

/** The nearest configuration file from `start` upward. */
export function findConfig(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const found = CONFIG_FILES.map((f) => join(dir, f)).find((f) => existsSync(f));
    if (found) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

export function loadConfig(file: string | undefined, cwd: string): LoadedConfig {
  if (file === undefined) return { dir: cwd, config: { extends: 'recommended' } };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the configuration ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  const parsed = parseYaml(text);
  // An empty file is an empty configuration: nothing but what cxmap always checks.
  const problems =
    parsed.data === undefined
      ? parsed.findings.filter((f) => f.code !== 'empty-file')
      : checkShape(parsed.data, parsed.source, 'cxmap.config').findings;
  // A lever's range that runs backwards has the right form: it is found here, at its value.
  if (problems.length === 0)
    for (const [key, input] of Object.entries((parsed.data as RawConfig | undefined)?.levers ?? {})) {
      const lever = parseLever(input);
      if (!lever.ok) {
        const at = parsed.source.at(typeof input === 'object' ? ['levers', key, 'to'] : ['levers', key]);
        throw new UsageError(`${file}:${at.line}:${at.column}: levers.${key}: ${lever.problem}`);
      }
    }
  const first = sortFindings(problems.filter((f) => f.severity === 'error'))[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new UsageError(
      `${file}:${first.line}:${first.column}: ${first.message.replace(/^the map /, 'the configuration ')}${more}`,
    );
  }
  return { file, dir: dirname(resolve(file)), config: parsed.data ?? {} };
}
