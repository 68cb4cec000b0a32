// Rewrites what is made from the rules' own definitions (GENERATED in src/rules/meta.ts): the `rules` section of
// schemas/cxmap.config.schema.json, the `effort` definition of both schemas and the tables of docs/rules/README.md.
// Run after a build (`npm run generate`); test/rules/meta.test.ts fails when the committed files differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { CHECK_RULES, GENERATED } from '../dist/rules/index.js';

const root = new URL('..', import.meta.url);
for (const [file, make] of GENERATED) {
  const url = new URL(file, root);
  const before = readFileSync(url, 'utf8');
  const after = make(before, CHECK_RULES);
  if (after !== before) writeFileSync(url, after);
  console.log(`${file}: ${after === before ? 'unchanged' : 'rewritten'}`);
}
