/** One pass reports everything it can: semantic findings on the parts of a map that the schema errors leave whole. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadText } from '../../src/load/index.js';
import { HEADER } from '../helpers/maps.js';

const codesOf = (yaml: string) =>
  loadText(yaml, 'map.cxmap.yaml').findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.code}`);

const step = (lines: string) => `  - ${lines.trim().split('\n').join('\n    ')}\n`;

describe('a map with schema errors', () => {
  it('reports a schema error and a dangling reference in the same pass', () => {
    const yaml =
      HEADER +
      step('id: a\nname: A\nstage: One\nactor: me\nemotion: -1\nnext: b') +
      step('id: b\nname: B\nstage: One\nactor: desk\nnext: nowhere');
    expect(codesOf(yaml)).toEqual(['15:5 error unknown-key', '21:11 error unknown-step']);
    expect(loadText(yaml, 'map.cxmap.yaml').findings[1]!.message).toBe(
      'step `b` goes to `nowhere`, which is not a step',
    );
  });

  it('checks the rest of a step whose optional key has a wrong value', () => {
    const yaml = HEADER + step('id: a\nname: A\nstage: Tow\nactor: me\nfeeling: 7\nnext: a2');
    expect(codesOf(yaml)).toEqual(['13:12 error unknown-stage', '15:14 error bad-value', '16:11 error unknown-step']);
  });

  it('sets aside a step without an id, and still resolves references to a step without a name', () => {
    const yaml =
      HEADER +
      step('id: a\nname: A\nstage: One\nactor: me\nnext: c') +
      step('id: c\nstage: One\nactor: nobody') +
      step('name: D\nstage: Nowhere\nactor: ghost\nnext: a');
    // c is named after its id and still checked (its actor); D's own findings would stem from the missing id.
    expect(codesOf(yaml)).toEqual(['16:5 error missing-key', '18:12 error unknown-actor', '19:5 error missing-key']);
  });

  it('checks the whole flow when no way on was touched', () => {
    const yaml =
      HEADER +
      step('id: a\nname: A\nstage: One\nactor: me\nemotion: -1') +
      step('id: lost\nname: L\nstage: One\nactor: desk');
    expect(codesOf(yaml)).toEqual(['15:5 error unknown-key', '16:9 error unreachable']);
  });

  it('leaves the flow alone when a way on had to be dropped', () => {
    const yaml =
      HEADER +
      step('id: a\nname: A\nstage: One\nactor: me\nnext: [{ to: b, chance: lots }, { to: b, chance: 50% }]') +
      step('id: b\nname: B\nstage: One\nactor: desk');
    expect(codesOf(yaml)).toEqual(['15:29 error bad-value']);
  });

  it('calls an actor without a kind a backstage one, so the steps it does are still checked', () => {
    const yaml =
      HEADER.replace('actors:\n', 'actors:\n  odd: { name: Odd }\n') +
      step('id: a\nname: A\nstage: One\nactor: odd\nnext: b');
    expect(codesOf(yaml)).toEqual(['7:8 error missing-key', '16:11 error unknown-step']);
  });
});

describe('every shipped example with a schema error and a broken reference put in', () => {
  const examples = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'].map((name) =>
    readFileSync(`examples/${name}.cxmap.yaml`, 'utf8'),
  );
  it('reports both, and everything else it reported before', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.nat(), fc.nat(), (text, a, b) => {
        const lines = text.split('\n');
        const ids = lines.flatMap((l, k) => (/^ {2}- id: /.test(l) ? [k] : []));
        const nexts = lines.flatMap((l, k) => (/^ {4}next: [a-z][a-z0-9-]*\s*(#.*)?$/.test(l) ? [k] : []));
        const idLine = ids[a % ids.length]!;
        const nextLine = nexts[b % nexts.length]!;
        const broken = lines.map((l, k) =>
          k === nextLine ? '    next: nowhere' : k === idLine ? `${l}\n    emotion: -1` : l,
        );
        const before = loadText(text, 'x.cxmap.yaml').findings.map((f) => `${f.code} ${f.message}`);
        const after = loadText(broken.join('\n'), 'x.cxmap.yaml').findings.map((f) => `${f.code} ${f.message}`);
        expect(
          after
            .filter((f) => !before.includes(f))
            .map((f) => f.split(' ')[0])
            .sort(),
        ).toEqual(['unknown-key', 'unknown-step']);
        expect(before.filter((f) => !after.includes(f))).toEqual([]);
      }),
      { numRuns: 60, seed: 20261123 },
    );
  });
});

describe('a stage with a bad target', () => {
  it('drops the target and keeps the stage, so the steps are still checked against the stages', () => {
    const yaml =
      HEADER.replace('stages: [One, Two]', 'stages: [One, { name: Two, targets: { successRate: lots } }]') +
      step('id: a\nname: A\nstage: Two\nactor: me\nnext: b') +
      step('id: b\nname: B\nstage: Tow\nactor: desk');
    expect(codesOf(yaml)).toEqual(['9:52 error bad-value', '18:12 error unknown-stage']);
  });
});
