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
  const target = ref.replace('#/', '').split('/').reduce<Node>((n, k) => n[k] as Node, schema);
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
    const undocumented = [...keys].filter(([, s]) => typeof s.description !== 'string' || !Array.isArray(s.examples)).map(([k]) => k);
    expect(undocumented).toEqual([]);
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
