/** json: one entry per map with its counts and findings, as other tools read them. */
import { describe, expect, it } from 'vitest';
import { json } from '../../src/formatters/json.js';
import { RESULTS } from '../helpers/findings.js';

describe('json', () => {
  it('gives each map its validity, counts and findings, without the source', () => {
    expect(JSON.parse(json(RESULTS))).toEqual([
      {
        file: 'maps/account.cxmap.yaml',
        valid: false,
        errorCount: 1,
        warningCount: 1,
        findings: RESULTS[0]!.findings,
      },
      { file: 'maps/claim.cxmap.yaml', valid: true, errorCount: 0, warningCount: 0, findings: [] },
    ]);
    expect(json(RESULTS).endsWith('}\n]\n')).toBe(true);
  });
});
