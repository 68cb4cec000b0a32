// Precompiles schemas/*.schema.json into standalone ESM validators under dist/schemas/,
// so the CLI validates without compiling the schema at start-up.
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = new URL('..', import.meta.url);
const outDir = new URL('dist/schemas/', root);
mkdirSync(outDir, { recursive: true });

function makeAjv(options = {}) {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, code: { source: true, esm: true }, ...options });
  ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' });
  return ajv;
}

for (const file of readdirSync(new URL('schemas/', root)).filter((f) => f.endsWith('.schema.json'))) {
  const schema = JSON.parse(readFileSync(new URL(`schemas/${file}`, root), 'utf8'));
  const ajv = makeAjv();
  let code = standaloneCode(ajv, ajv.compile(schema));
  // ajv's ESM output still calls require() for its runtime helpers: turn them into imports.
  const imports = [];
  code = code.replace(/require\("(ajv\/dist\/runtime\/[^"]+)"\)/g, (_, mod) => {
    const name = `runtime${imports.length}`;
    imports.push(`import ${name} from "${mod}.js";`);
    return name;
  });
  const base = file.replace('.schema.json', '.validate');
  writeFileSync(new URL(`${base}.js`, outDir), `${imports.join('\n')}\n${code}`);
  writeFileSync(
    new URL(`${base}.d.ts`, outDir),
    'declare const validate: ((data: unknown) => boolean) & { errors?: unknown[] | null };\nexport default validate;\n',
  );
}
