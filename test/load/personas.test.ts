/**
 * The personas a map names (`process.persona`, a segment's `persona:`) checked against the team's personas: an
 * `unknown-persona` warning at the id as written, with "did you mean" when one is near, and a message of its own
 * when no personas are defined at all.
 */
import { describe, expect, it } from 'vitest';
import { loadText, personaFindings, type Persona } from '../../src/load/index.js';

// Line 3 is `  persona: first-buyr` (column 12 after `  persona: `); line 7, the re-mortgagers' segment.
const MAP = `cxmap: 1
process:
  persona: first-buyr
  name: Apply for a loan
  customer: Home buyer
  goal: A decision
segments:
  first-time: { name: First-time buyer, share: 60% }
  remortgage: { name: Re-mortgager, share: 40%, persona: remortgager }
actors:
  buyer: { kind: customer, name: Buyer }
steps:
  - { id: apply, name: Apply, actor: buyer }
`;

const PERSONAS: Record<string, Persona> = {
  'first-buyer': { name: 'Tom, buying his first home' },
  remortgager: { name: 'Rita, re-mortgaging' },
};

describe('personaFindings', () => {
  const loaded = loadText(MAP, 'personas.cxmap.yaml');

  it('keeps process.persona as written, beside the segments', () => {
    expect(loaded.findings).toEqual([]);
    expect(loaded.map!.process.persona).toBe('first-buyr');
    expect(loaded.map!.segments!.map((s) => s.persona)).toEqual([undefined, 'remortgager']);
  });

  it('warns at an unknown persona, at its value, with the near one', () => {
    expect(personaFindings(loaded, PERSONAS)).toEqual([
      {
        code: 'unknown-persona',
        severity: 'warning',
        line: 3,
        column: 12,
        endLine: 3,
        endColumn: 22,
        message:
          "the persona `first-buyr` is not one of the team's personas (did you mean `first-buyer`?): define it under personas: in cxmap.config.yaml",
      },
    ]);
  });

  it('says so when no personas are defined, at every persona the map names', () => {
    expect(personaFindings(loaded, {}).map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      '3:12 warning the persona `first-buyr` has no card: no personas are defined: add them under personas: in cxmap.config.yaml',
      // `  remortgage: { name: Re-mortgager, share: 40%, persona: ` is 57 characters.
      '9:58 warning the persona `remortgager` has no card: no personas are defined: add them under personas: in cxmap.config.yaml',
    ]);
  });

  it('offers no suggestion when no persona is near', () => {
    expect(personaFindings(loaded, { remortgager: PERSONAS.remortgager! }).map((f) => f.message)).toEqual([
      "the persona `first-buyr` is not one of the team's personas: define it under personas: in cxmap.config.yaml",
    ]);
  });

  it('finds nothing when every persona is defined, or when the map names none', () => {
    const fixed = loadText(MAP.replace('first-buyr', 'first-buyer'), 'personas.cxmap.yaml');
    expect(personaFindings(fixed, PERSONAS)).toEqual([]);
    const none = loadText(MAP.replace('  persona: first-buyr\n', '').replace(', persona: remortgager', ''), 'n.yaml');
    expect(none.map).toBeDefined();
    expect(personaFindings(none, {})).toEqual([]);
  });

  it('checks a map with errors too, from the YAML as written, so that one pass reports everything', () => {
    const broken = loadText(MAP.replace('actor: buyer', 'actor: buyr'), 'broken.cxmap.yaml');
    expect(broken.map).toBeUndefined();
    expect(personaFindings(broken, PERSONAS).map((f) => `${f.line}:${f.column} ${f.code}`)).toEqual([
      '3:12 unknown-persona',
    ]);
    // A persona of the wrong type is the schema's to report; segments that are not a mapping name no persona.
    const odd = loadText(
      MAP.replace('persona: first-buyr', 'persona: 7').replace(/segments:[\s\S]*?actors:/, 'segments: []\nactors:'),
      'odd.cxmap.yaml',
    );
    expect(odd.findings.map((f) => f.code)).toContain('wrong-type');
    expect(personaFindings(odd, {})).toEqual([]);
  });

  it('is not fooled by a persona id that is a property of every object', () => {
    const odd = loadText(MAP.replace('first-buyr', 'constructor'), 'odd.cxmap.yaml');
    expect(personaFindings(odd, PERSONAS).map((f) => f.line)).toEqual([3]);
  });
});
