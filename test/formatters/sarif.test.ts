/** sarif: SARIF 2.1.0, valid against the real schema, every rule cxmap knows described and linked. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sarif } from '../../src/formatters/sarif.js';
import { CHECK_RULES } from '../../src/rules/index.js';
import { RESULTS } from '../helpers/findings.js';

describe('sarif', () => {
  const log = JSON.parse(sarif(RESULTS, { colorLevel: 0, version: '1.2.3' }));

  it('is valid against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync('test/fixtures/sarif-schema-2.1.0.json', 'utf8'));
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('lists every rule, then the format checks found, with their default setting and page', () => {
    const rules = log.runs[0].tool.driver.rules as { id: string; defaultConfiguration: unknown; helpUri: string }[];
    expect(rules.map((r) => r.id)).toEqual([...CHECK_RULES.map((r) => r.id), 'unknown-actor']);
    expect(rules.find((r) => r.id === 'no-regression')!.defaultConfiguration).toEqual({
      enabled: true,
      level: 'error',
    });
    expect(rules.find((r) => r.id === 'cut-wait')!.defaultConfiguration).toEqual({ enabled: false, level: 'none' });
    expect(rules.find((r) => r.id === 'unknown-actor')).toEqual({
      id: 'unknown-actor',
      shortDescription: {
        text: 'A check of the cxmap format (unknown-actor): the map cannot be analysed until it is fixed.',
      },
      helpUri: 'https://github.com/cxmap/cxmap/blob/main/docs/format.md#checks-and-their-codes',
      defaultConfiguration: { enabled: true, level: 'error' },
    });
  });

  it('gives each result its rule, level and region', () => {
    expect(log.runs[0].results[1]).toEqual({
      ruleId: 'unknown-actor',
      ruleIndex: CHECK_RULES.length,
      level: 'error',
      message: { text: 'the actor `clerk` is not one of the actors:\nme, desk' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'maps/account.cxmap.yaml' },
            region: { startLine: 4, startColumn: 25, endLine: 4, endColumn: 30 },
          },
        },
      ],
    });
  });

  it('percent-encodes each part of a path, so that # and ? stay in the file name', () => {
    const [result] = RESULTS;
    const out = JSON.parse(sarif([{ ...result!, file: 'maps/a#1?x=%.cxmap.yaml' }], { colorLevel: 0 }));
    expect(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'maps/a%231%3Fx%3D%25.cxmap.yaml',
    );
  });
});
