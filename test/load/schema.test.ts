import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

const schema = JSON.parse(readFileSync('schemas/cxmap.schema.json', 'utf8'));
type Node = { [key: string]: unknown };

/** A subschema with its $ref followed. */
function resolve(node: Node): Node {
  const ref = node.$ref as string | undefined;
  if (!ref) return node;
  const target = ref
    .replace('#/', '')
    .split('/')
    .reduce<Node>((n, k) => n[k] as Node, schema);
  return { ...resolve(target), ...node };
}

/** Every key a map can have, with its schema, as `path -> schema`. */
function properties(node: Node, path: string, out: Map<string, Node>): Map<string, Node> {
  const resolved = resolve(node);
  for (const [key, child] of Object.entries((resolved.properties ?? {}) as Record<string, Node>)) {
    const childPath = `${path}.${key}`;
    if (out.has(childPath)) continue;
    out.set(childPath, resolve(child));
    properties(child, childPath, out);
  }
  for (const items of [resolved.items, resolved.additionalProperties]) {
    if (items && typeof items === 'object') properties(items as Node, `${path}[]`, out);
  }
  return out;
}

describe('schemas/cxmap.schema.json', () => {
  it('is a valid JSON Schema (draft-07 meta-schema)', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(ajv.errors).toBeNull();
  });

  it('documents every key with a description and an example', () => {
    const keys = properties(schema, 'map', new Map());
    expect(keys.size).toBeGreaterThan(40);
    const undocumented = [...keys]
      .filter(([, s]) => typeof s.description !== 'string' || !Array.isArray(s.examples))
      .map(([k]) => k);
    expect(undocumented).toEqual([]);
  });

  it('completes the segments and their for: overrides in an editor, each documented', () => {
    const keys = properties(schema, 'map', new Map());
    for (const key of ['segments', 'segments[].name', 'segments[].share', 'segments[].persona', 'steps[].for']) {
      expect(keys.get(`map.${key}`)?.description, key).toEqual(expect.any(String));
      expect(keys.get(`map.${key}`)?.examples, key).toEqual(expect.any(Array));
    }
    expect([...keys.keys()].filter((k) => /^map\.steps\[\]\.for\[\]\.\w+$/.test(k))).toEqual(
      ['wait', 'work', 'feeling', 'channel', 'asks', 'tells', 'ca', 'skip'].map((k) => `map.steps[].for[].${k}`),
    );
    const way = resolve(schema.definitions.choice as Node);
    expect((way.properties as Record<string, Node>).for!.examples).toEqual([{ remortgage: '10%' }]);
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    ajv.addKeyword('x-message');
    const validate = ajv.compile(schema);
    expect(validate(parse(readFileSync('test/fixtures/segments.cxmap.yaml', 'utf8')))).toBe(true);
  });

  it('accepts every example on its own', () => {
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    ajv.addKeyword('x-message');
    const validate = ajv.compile(schema);
    for (const name of ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral']) {
      const valid = validate(parse(readFileSync(`examples/${name}.cxmap.yaml`, 'utf8')));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });
});

describe('schemas/cxmap.config.schema.json', () => {
  const config = JSON.parse(readFileSync('schemas/cxmap.config.schema.json', 'utf8'));
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strictTuples: false });
  ajv.addKeyword('x-message');

  it('is a valid JSON Schema that knows every rule and every scoring weight, each with a description and an example', async () => {
    expect(new Ajv({ strict: false }).validateSchema(config)).toBe(true);
    const { CHECK_RULES } = await import('../../src/rules/check.js');
    const { DEFAULT_WEIGHTS } = await import('../../src/analysis/index.js');
    const rules = config.properties.rules.properties as Record<string, Node>;
    expect(Object.keys(rules).sort()).toEqual(CHECK_RULES.map((r) => r.id).sort());
    const weights = config.properties.weights.properties as Record<string, Node>;
    expect(Object.keys(weights).sort()).toEqual(Object.keys(DEFAULT_WEIGHTS).sort());
    for (const entry of [...Object.values(rules), ...Object.values(weights)]) {
      expect(typeof entry.description).toBe('string');
      expect(Array.isArray(entry.examples)).toBe(true);
    }
  });

  it('accepts the recommended preset, the examples of its rules and the configuration in docs/ci.md', async () => {
    const validate = ajv.compile(config);
    const { RECOMMENDED } = await import('../../src/rules/check.js');
    expect(validate({ rules: RECOMMENDED }), JSON.stringify(validate.errors)).toBe(true);
    for (const [id, entry] of Object.entries(config.properties.rules.properties as Record<string, Node>)) {
      expect(validate({ rules: { [id]: (entry.examples as unknown[])[0] } }), id).toBe(true);
    }
    const doc = readFileSync('docs/ci.md', 'utf8');
    const example = /```yaml\n(extends: recommended[\s\S]*?)```/.exec(doc)![1]!;
    expect(validate(parse(example)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has every weight in the table of docs/ci.md, with its default', async () => {
    const { DEFAULT_WEIGHTS } = await import('../../src/analysis/index.js');
    const doc = readFileSync('docs/ci.md', 'utf8');
    const table = doc.slice(doc.indexOf('### `weights`'), doc.indexOf('## Suppressing a finding'));
    const rows = [...table.matchAll(/^\| `([\w.]+)` \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]);
    const { base, ...rest } = DEFAULT_WEIGHTS;
    expect(Object.fromEntries(rows)).toEqual({
      ...Object.fromEntries(Object.entries(base).map(([k, v]) => [`base.${k}`, v])),
      ...rest,
    });
  });
});
