// Precompiles schemas/*.schema.json into standalone ajv validators under dist/schemas/,
// so the CLI validates without compiling the schema at start-up. The output is CommonJS
// (.cjs) because ajv's standalone code requires its runtime helpers.
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = new URL('..', import.meta.url);
const outDir = new URL('dist/schemas/', root);
mkdirSync(outDir, { recursive: true });

for (const file of readdirSync(new URL('schemas/', root)).filter((f) => f.endsWith('.schema.json'))) {
  const schema = JSON.parse(readFileSync(new URL(`schemas/${file}`, root), 'utf8'));
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, code: { source: true } });
  ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' });
  writeFileSync(
    new URL(file.replace('.schema.json', '.validate.cjs'), outDir),
    standaloneCode(ajv, ajv.compile(schema)),
  );
}
