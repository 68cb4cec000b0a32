/**
 * The files made from the rules' definitions (`npm run generate`) are what the definitions make: the
 * configuration schema's `rules` section and the tables of docs/rules/README.md. The preset is made from them too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES, GENERATED, RECOMMENDED, flow } from '../../src/rules/index.js';

describe('rule metadata', () => {
  it.each(GENERATED)('%s is up to date (run `npm run generate` after changing a rule)', (file, make) => {
    const text = readFileSync(file, 'utf8');
    expect(make(text, CHECK_RULES)).toBe(text);
  });

  it('makes the recommended preset from each rule’s setting and default option', () => {
    expect(RECOMMENDED).toEqual({
      'yaml-warning': 'warn',
      'unnamed-actor': 'warn',
      'unknown-channel': 'warn',
      'no-currency': 'warn',
      'unknown-persona': 'warn',
      'differs-from-portfolio': 'warn',
      'max-handoffs': ['warn', 5],
      'max-transfers': ['warn', 2],
      'max-channel-switches': ['warn', 2],
      'max-re-asks': ['warn', 0],
      'max-dark-time': ['warn', '2d'],
      'queue-capacity': 'warn',
      'min-pce': ['warn', '5%'],
      'target-lead-time': 'warn',
      'target-pce': 'warn',
      'target-success-rate': 'warn',
      'target-stage': 'warn',
      'no-regression': [
        'error',
        {
          leadTime: '10%',
          darkTime: '10%',
          customerEffort: '10%',
          successRate: 0,
          reAsks: 0,
          handoffs: 0,
          transfers: 0,
          channelSwitches: 0,
          repeatContacts: 0,
        },
      ],
      'portfolio-no-growth': ['error', { customerDays: 0 }],
      'portfolio-require-volume': 'warn',
      'portfolio-one-currency': 'warn',
      'unused-suppression': 'warn',
    });
  });

  it('gives each rule one id, and each option an example the schema message can quote', () => {
    expect(new Set(CHECK_RULES.map((r) => r.id)).size).toBe(CHECK_RULES.length);
    const schema = JSON.parse(readFileSync('schemas/cxmap.config.schema.json', 'utf8'));
    expect(schema.properties.rules.properties['no-regression']['x-message']).toBe(
      'takes off, warn or error, or [severity, {metric: tolerance}], for example [error, { leadTime: 10%, handoffs: 0 }]',
    );
    expect(schema.properties.rules.properties['max-handoffs'].description).toBe(
      'At most this many handoffs per customer: moves of the work between actors outside the customer lane. Default: 5.',
    );
    expect(flow(['warn', { a: [1, 'x'] }])).toBe('[warn, { a: [1, x] }]');
  });
});
