/**
 * SARIF 2.1.0, for code-scanning tools (GitHub code scanning, Azure DevOps, IDEs): every finding a result with its
 * region, every rule with its description and a helpUri to its documentation. Columns count UTF-16 code units,
 * as the YAML parser gives them.
 */
import { describe, docsUrl } from './docs.js';
import { CHECK_RULES } from '../rules/index.js';
import type { FileResult, FormatOptions } from './types.js';

/** A relative URI reference for a path: each segment percent-encoded, so `#`, `?` and `%` stay in the name. */
const fileUri = (file: string) => file.split(/[\\/]/).map(encodeURIComponent).join('/');

export function sarif(results: FileResult[], options: FormatOptions): string {
  const codes = [
    ...new Set([...CHECK_RULES.map((r) => r.id), ...results.flatMap((r) => r.findings.map((f) => f.code))]),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cxmap',
            version: options.version,
            informationUri: 'https://github.com/cxmap/cxmap',
            rules: codes.map((id) => {
              // A rule off in the recommended preset is disabled by default; the format's own checks are errors.
              const rule = CHECK_RULES.find((r) => r.id === id);
              const level = rule ? (rule.recommended ?? 'none') : 'error';
              return {
                id,
                shortDescription: { text: describe(id) },
                helpUri: docsUrl(id),
                defaultConfiguration: { enabled: level !== 'none', level: level === 'warn' ? 'warning' : level },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: codes.indexOf(f.code),
            level: f.severity === 'error' ? 'error' : 'warning',
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: fileUri(r.file) },
                  region: {
                    startLine: f.line,
                    startColumn: f.column,
                    endLine: f.endLine,
                    endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column : 1),
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
