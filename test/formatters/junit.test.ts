/** junit: a suite per map, a failing case per finding; XML a parser reads back to the same text. */
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { junit } from '../../src/formatters/junit.js';
import { RESULTS } from '../helpers/findings.js';

describe('junit', () => {
  const xml = junit(RESULTS);

  it('writes a suite per map with a case per finding, and one passing case for a clean map', () => {
    expect(xml.split('\n').slice(0, 4)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="cxmap check" tests="3" failures="2" errors="0">',
      '  <testsuite name="maps/account.cxmap.yaml" tests="2" failures="2" errors="0">',
      '    <testcase name="2:18 min-pce" classname="maps/account.cxmap.yaml">',
    ]);
    expect(xml).toContain(
      '  <testsuite name="maps/claim.cxmap.yaml" tests="1" failures="0" errors="0">\n    <testcase name="maps/claim.cxmap.yaml" classname="cxmap.check"/>\n  </testsuite>\n</testsuites>\n',
    );
  });

  it('escapes what XML would misread, so that the message reads back unchanged, line break included', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true }).parse(
      xml,
    ) as {
      testsuites: { testsuite: { testcase: { failure: { message: string; type: string } }[] }[] };
    };
    const failures = parsed.testsuites.testsuite[0]!.testcase.map((c) => c.failure);
    expect(failures.map((f) => [f.type, f.message])).toEqual(RESULTS[0]!.findings.map((f) => [f.severity, f.message]));
  });

  it('drops the characters XML 1.0 cannot hold', () => {
    const [result] = RESULTS;
    const out = junit([{ ...result!, findings: [{ ...result!.findings[0]!, message: 'a\u0000b\u001bc' }] }]);
    expect(out).toContain('message="abc"');
  });
});
