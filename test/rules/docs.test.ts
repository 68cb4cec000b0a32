/** Every rule has its page in docs/rules, and the page's examples are true: the bad map has the opportunity, the good one not. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeExact } from '../../src/analysis/index.js';
import { RULES, opportunities } from '../../src/rules/index.js';
import { mapOf } from '../helpers/analyze.js';

const example = (doc: string, heading: string) => {
  const match = new RegExp(`^## ${heading}\\n\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\`$`, 'm').exec(doc);
  expect(match, `a ${heading} example`).not.toBeNull();
  return match![1]!;
};

describe.each(RULES.map((r) => r.id))('docs/rules/%s.md', (id) => {
  const path = `docs/rules/${id}.md`;
  it('exists, with a bad example that the rule finds and a good one it does not', () => {
    expect(existsSync(path)).toBe(true);
    const doc = readFileSync(path, 'utf8');
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    const rule = RULES.find((r) => r.id === id)!;
    expect(opportunities(analyzeExact(mapOf(example(doc, 'Bad'))), [rule]).length).toBeGreaterThan(0);
    expect(opportunities(analyzeExact(mapOf(example(doc, 'Good'))), [rule])).toEqual([]);
  });

  it('is listed in docs/rules/README.md', () => expect(readFileSync('docs/rules/README.md', 'utf8')).toContain(`](${id}.md)`));
});
