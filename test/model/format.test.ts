/**
 * fmt's round trip on generated maps: mutated examples (test/fuzz/mutants.ts) with comments holding Unicode line
 * and paragraph separators, YAML tags and CRLF line breaks put in. Whatever fmt writes formats to itself and loads to
 * the same map; a map it refuses is one whose text it could not keep.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/load/index.js';
import { canonical } from '../../src/model/index.js';
import { mutant } from '../fuzz/mutants.js';

/** Comment text: letters, spaces, `#` and the separators YAML keeps inside a comment but JavaScript breaks at. */
const commentText = fc
  .array(fc.constantFrom('a', 'b', ' ', '#', '\u2028', '\u2029', 'é'), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(''));

/** Something put at a line of the map: a comment line of its own, a comment at the line's end, or a tag. */
const decoration = fc.record({
  line: fc.nat(),
  kind: fc.constantFrom('own line', 'end of line', 'tag'),
  comment: commentText,
  tag: fc.constantFrom('!!str', '!!int', '!!null', '!!map', '!!seq', '!x'),
});

function decorate(text: string, decorations: (typeof decoration extends fc.Arbitrary<infer T> ? T : never)[]): string {
  const lines = text.split('\n');
  for (const { line, kind, comment, tag } of decorations) {
    const k = line % lines.length;
    const here = lines[k]!;
    const indent = /^ */.exec(here)![0];
    if (kind === 'own line') lines.splice(k, 0, `${indent}#${comment}`);
    // After a key with a plain value, the only places a comment or a tag can go without becoming part of a value.
    else if (/^ *(- )?[a-zA-Z]+: [a-zA-Z0-9 ]+$/.test(here))
      lines[k] = kind === 'tag' ? here.replace(': ', `: ${tag} `) : `${here} #${comment}`;
  }
  return lines.join('\n');
}

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
    // Most generated maps are formatted, so the invariants above were checked on them.
    expect(formatted).toBeGreaterThan(75);
  });
});
