/**
 * Every rule `cxmap check` knows has its page in docs/rules (SARIF links to it), and the pages' examples are true:
 * the rule finds the bad map and not the good one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/load/index.js';
import { CHECK_RULES, checkMap, type Setting } from '../../src/rules/check.js';

const example = (doc: string, heading: string) => {
  const match = new RegExp(`^## ${heading}\\n\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\`$`, 'm').exec(doc);
  expect(match, `a ${heading} example`).not.toBeNull();
  return match![1]!;
};

/** A map that must load. */
function load(yaml: string) {
  const loaded = loadText(yaml, 'example.cxmap.yaml');
  expect(loaded.findings).toEqual([]);
  return loaded;
}

/** The findings of one rule, at its default option, on a map; against the page's Before map when it has one. */
function findings(id: string, doc: string, heading: 'Bad' | 'Good') {
  const rule = CHECK_RULES.find((r) => r.id === id)!;
  const before = doc.includes('\n## Before\n') ? load(example(doc, 'Before')).map : undefined;
  return checkMap(
    load(example(doc, heading)),
    new Map<string, Setting>([[id, { severity: 'warning', option: rule.option?.default }]]),
    {
      baseline: before,
    },
  ).filter((f) => f.code === id);
}

describe.each(CHECK_RULES.map((r) => [r.id, r.kind] as const))('docs/rules/%s.md', (id, kind) => {
  const path = `docs/rules/${id}.md`;
  it('exists and is listed in docs/rules/README.md', () => {
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8').startsWith(`# ${id}\n`)).toBe(true);
    expect(readFileSync('docs/rules/README.md', 'utf8')).toContain(`](${id}.md)`);
  });
  if (kind === 'policy' || kind === 'opportunity') {
    it('has a bad example that the rule finds and a good one it does not', () => {
      const doc = readFileSync(path, 'utf8');
      expect(findings(id, doc, 'Bad').length).toBeGreaterThan(0);
      expect(findings(id, doc, 'Good')).toEqual([]);
    });
  }
});
