/** Findings of two maps for the formatter tests: one with an error and a warning (and its source), one clean. */
import type { FileResult } from '../../src/formatters/index.js';

const LINES = ['cxmap: 1', 'process: { name: Open an account }', 'steps:', '  - { id: apply, actor: clerk }'];

export const RESULTS: FileResult[] = [
  {
    file: 'maps/account.cxmap.yaml',
    source: { lineText: (n) => LINES[n - 1] ?? '' },
    findings: [
      {
        line: 2,
        column: 18,
        endLine: 2,
        endColumn: 33,
        severity: 'warning',
        code: 'min-pce',
        message: 'PCE is 2.0%, below the 5.0% required: <98%> of the time "adds" nothing',
      },
      {
        line: 4,
        column: 25,
        endLine: 4,
        endColumn: 30,
        severity: 'error',
        code: 'unknown-actor',
        message: 'the actor `clerk` is not one of the actors:\nme, desk',
      },
    ],
  },
  { file: 'maps/claim.cxmap.yaml', findings: [] },
];
