/**
 * The grammar of an opportunity's id (`rule:step+step`, or a rule's id alone), which the loader, the rules, the
 * schemas and `cxmap improve --apply` all take from src/core/ids.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ID, namesAPlace, opportunityId, opportunityIdPattern, parseOpportunityId } from '../../src/core/index.js';
import { loadFile } from '../../src/load/index.js';
import { analyzeExact } from '../../src/analysis/index.js';
import { considered, opportunities, RULES } from '../../src/rules/index.js';

const id = fc.stringMatching(new RegExp(`^${ID}$`));

describe('an opportunity id', () => {
  it('is the rule, then the steps of its place joined by +; a rule alone has no steps', () => {
    expect(opportunityId('cut-wait', ['mri'])).toBe('cut-wait:mri');
    expect(opportunityId('merge-handoffs', ['check', 'decide'])).toBe('merge-handoffs:check+decide');
    expect(opportunityId('keep-informed')).toBe('keep-informed');
    expect(parseOpportunityId('merge-handoffs:check+decide')).toEqual({
      rule: 'merge-handoffs',
      steps: ['check', 'decide'],
    });
    expect(parseOpportunityId('keep-informed')).toEqual({ rule: 'keep-informed', steps: [] });
    // Only the first colon ends the rule: what follows is the place, however it is written.
    expect(parseOpportunityId('cut-wait:a:b')).toEqual({ rule: 'cut-wait', steps: ['a:b'] });
    expect(namesAPlace('cut-wait:mri')).toBe(true);
    expect(namesAPlace('cut-wait')).toBe(false);
  });

  it('reads back as it was written, and writes back as it was read', () => {
    fc.assert(
      fc.property(id, fc.array(id, { maxLength: 4 }), (rule, steps) => {
        const written = opportunityId(rule, steps);
        expect(parseOpportunityId(written)).toEqual({ rule, steps });
        expect(opportunityId(parseOpportunityId(written).rule, parseOpportunityId(written).steps)).toBe(written);
        expect(namesAPlace(written)).toBe(steps.length > 0);
      }),
    );
  });

  it("matches the schemas' pattern exactly when its rule is one of the list", () => {
    const pattern = new RegExp(opportunityIdPattern(['cut-wait', 'ask-once']));
    fc.assert(
      fc.property(fc.constantFrom('cut-wait', 'ask-once', 'cut-wai', 'self-service'), fc.array(id), (rule, steps) => {
        expect(pattern.test(opportunityId(rule, steps))).toBe(rule === 'cut-wait' || rule === 'ask-once');
      }),
    );
    expect(pattern.test('cut-wait:')).toBe(false);
    expect(pattern.test('cut-wait:a++b')).toBe(false);
    expect(pattern.test('cut-wait:Mri')).toBe(false);
  });

  it('is what the rules name their opportunities, and what the schema of `effort:` accepts', () => {
    const schema = JSON.parse(readFileSync('schemas/cxmap.schema.json', 'utf8'));
    const pattern = new RegExp(schema.definitions.effort.propertyNames.pattern as string);
    const ids = ['home-loan', 'car-insurance-claim', 'hospital-referral', 'broadband-installation'].flatMap((name) => {
      const map = loadFile(`examples/${name}.cxmap.yaml`).map!;
      return considered(opportunities(analyzeExact(map), RULES)).map((r) => r.opportunity);
    });
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((o) => namesAPlace(o.id)).length).toBeGreaterThan(10);
    // The map's own ids follow the same grammar as the steps an opportunity names.
    expect(schema.definitions.id.pattern).toBe(`^${ID}$`);
    for (const o of ids) {
      expect(o.id).toMatch(pattern);
      // A place is named by its steps; a lever (the rule's places as one change) by its rule alone.
      const { rule, steps } = parseOpportunityId(o.id);
      expect(rule).toBe(o.rule);
      if (steps.length > 0) expect(steps).toEqual(o.steps);
    }
  });
});
