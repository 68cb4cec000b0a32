/** A problem found in a map, positioned at the YAML node it is about (1-based line and column). */
export type Severity = 'error' | 'warning';

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends Position {
  severity: Severity;
  /** Stable identifier of the kind of problem, e.g. `unknown-step`. */
  code: string;
  /** One sentence a consultant understands. */
  message: string;
}

export const START: Position = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export function finding(code: string, message: string, at: Position, severity: Severity = 'error'): Finding {
  return { ...at, severity, code, message };
}

/** Findings in reading order, so that output is stable. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/** A problem with how the command was called (exit code 2), as opposed to a problem in a map. */
export class UsageError extends Error {
  override name = 'UsageError';
}
