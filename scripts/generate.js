// Rewrites what is made from the rules' own definitions (src/rules/meta.ts): the `rules` section of
// schemas/cxmap.config.schema.json and the tables of docs/rules/README.md. Run after a build (`npm run generate`);
// test/rules/meta.test.ts fails when the committed files differ from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { CHECK_RULES, withRulesIndex, withRulesSchema } from '../dist/rules/index.js';

const root = new URL('..', import.meta.url);
for (const [file, make] of [
  ['schemas/cxmap.config.schema.json', withRulesSchema],
  ['docs/rules/README.md', withRulesIndex],
]) {
  const url = new URL(file, root);
  const before = readFileSync(url, 'utf8');
  const after = make(before, CHECK_RULES);
  if (after !== before) writeFileSync(url, after);
  console.log(`${file}: ${after === before ? 'unchanged' : 'rewritten'}`);
}
