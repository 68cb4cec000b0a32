/** Ranges in words: what both ends share is said once, and a sign is never left to be guessed. */
import { describe, expect, it } from 'vitest';
import { between } from '../../src/rules/index.js';

describe('between', () => {
  it.each([
    ['−1.2 d', '−2.3 d', '−1.2 to −2.3 d'],
    ['1 h 10 m', '2 h', '1 h 10 m to 2 h'],
    ['EUR 8,686', 'EUR 15,200', 'EUR 8,686 to 15,200'],
    ['€8,686', '€15,200', '€8,686 to 15,200'],
    // Signed amounts keep their currency at both ends: "−EUR 8 to 15" would leave the sign of 15 to be guessed.
    ['−EUR 8,686', '−EUR 15,200', '−EUR 8,686 to −EUR 15,200'],
    ['EUR 8,686', 'USD 9,000', 'EUR 8,686 to USD 9,000'],
    ['5', '5', '5'],
  ])('%s and %s: %s', (low, high, text) => {
    expect(between(low, high)).toBe(text);
  });
});
