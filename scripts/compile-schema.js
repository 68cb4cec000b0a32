// Precompiles schemas/*.schema.json into standalone ajv validators under dist/schemas/,
// so the CLI validates without compiling the schema at start-up. The output is CommonJS
// (.cjs) because ajv's standalone code requires its runtime helpers.
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = new URL('..', import.meta.url);
const outDir = new URL('dist/schemas/', root);
mkdirSync(outDir, { recursive: true });

// One ajv holds every schema, so that one may refer to another's definitions by its file name (the portfolio's
// personas are the configuration's), and each validator is compiled with what it refers to inlined.
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, code: { source: true } });
ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' });
const files = readdirSync(new URL('schemas/', root)).filter((f) => f.endsWith('.schema.json'));
for (const file of files) ajv.addSchema(JSON.parse(readFileSync(new URL(`schemas/${file}`, root), 'utf8')));
for (const file of files) {
  const { $id } = JSON.parse(readFileSync(new URL(`schemas/${file}`, root), 'utf8'));
  writeFileSync(
    new URL(file.replace('.schema.json', '.validate.cjs'), outDir),
    standaloneCode(ajv, ajv.getSchema($id)),
  );
}
