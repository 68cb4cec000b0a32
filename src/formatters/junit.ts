/**
 * JUnit XML, as CI servers read test reports: a test suite per map, a failing test case per finding (warnings
 * too, typed `warning`, as ESLint's JUnit formatter does), one passing test case for a map without findings.
 */
import type { FileResult } from './types.js';

/** The characters XML 1.0 cannot hold: most control characters, and two non-characters. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // In an attribute a parser turns a raw line break or tab into a space: as character references they stay.
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** Text fit for XML, in an attribute or an element: special characters escaped, those XML cannot hold dropped. */
const xml = (s: string) => s.replace(NOT_XML, '').replace(/[&<>"'\n\r\t]/g, (c) => ENTITIES[c]!);

export function junit(results: FileResult[]): string {
  const total = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = results.reduce((n, r) => n + r.findings.length, 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cxmap check" tests="${total}" failures="${failures}" errors="0">`,
  ];
  for (const r of results) {
    const file = xml(r.file);
    out.push(
      `  <testsuite name="${file}" tests="${Math.max(1, r.findings.length)}" failures="${r.findings.length}" errors="0">`,
    );
    if (r.findings.length === 0) out.push(`    <testcase name="${file}" classname="cxmap.check"/>`);
    for (const f of r.findings) {
      out.push(
        `    <testcase name="${f.line}:${f.column} ${xml(f.code)}" classname="${file}">`,
        `      <failure type="${f.severity}" message="${xml(f.message)}">${file}:${f.line}:${f.column}: ${f.severity}: ${xml(f.message)} (${xml(f.code)})</failure>`,
        '    </testcase>',
      );
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}
