/**
 * fmt's round trip on generated maps: mutated examples (test/fuzz/mutants.ts) with comments holding Unicode line
 * and paragraph separators, YAML tags and CRLF line breaks put in. Whatever fmt writes formats to itself and loads to
 * the same map; a map it refuses is one whose text it could not keep.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/load/index.js';
import { canonical } from '../../src/model/index.js';
import { decorate, decoration, mutant } from '../fuzz/mutants.js';

describe('fmt on generated maps', () => {
  it('writes a text that formats to itself and loads to the same map, with every comment kept', () => {
    let formatted = 0;
    fc.assert(
      fc.property(mutant, fc.array(decoration, { maxLength: 6 }), fc.boolean(), ({ text }, decorations, crlf) => {
        const lf = decorate(text, decorations);
        const input = crlf ? lf.replace(/\n/g, '\r\n') : lf;
        const once = canonical(input);
        if (!('text' in once)) return;
        formatted++;
        expect(canonical(once.text)).toEqual({ text: once.text, changed: false });
        expect(JSON.stringify(loadText(once.text, 'x').map)).toBe(JSON.stringify(loadText(lf, 'x').map));
        // Every `#` and separator kept, none added.
        const count = (s: string) => ['#', '\u2028', '\u2029'].map((c) => s.split(c).length);
        expect(count(once.text)).toEqual(count(lf));
      }),
      { numRuns: 150, seed: 20261206 },
    );
    // A third of the generated maps at least are formatted (the rest have a tag fmt refuses, or nesting past the
    // bound), so the invariants above were checked on them.
    expect(formatted).toBeGreaterThanOrEqual(50);
  });
});
