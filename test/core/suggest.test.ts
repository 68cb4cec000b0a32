/** "Did you mean": the closest candidate within a few edits, and no work on words no key or id could be. */
import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from '../../src/core/index.js';

describe('closest', () => {
  it('finds a misspelling within a third of its length, a swap counting one edit', () => {
    expect(closest('chek', ['check', 'open'])).toBe('check');
    expect(closest('aproev', ['approve', 'apply'])).toBe('approve');
    expect(closest('Feeling', ['feeling'])).toBe('feeling');
    expect(closest('xyz', ['check'])).toBeUndefined();
    expect(didYouMean('chance', ['chance'])).toBe(' (did you mean `chance`?)');
  });

  it('suggests nothing for a word longer than 64 characters, or from candidates too long or short to be near', () => {
    expect(closest('a'.repeat(65), ['a'.repeat(65)])).toBeUndefined();
    expect(closest('check', ['c'.repeat(1_000_000), 'chec'])).toBe('chec');
  });
});
