/**
 * The fuzz suite: the shipped examples, mutated at random (lines dropped, doubled or swapped, characters changed,
 * YAML and cxmap tokens put in: anchors, brackets, extreme numbers and shares, line breaks), through the loader,
 * the engine, fmt and improve, in this process; and a few of them through the command line. Seeded, so a failure
 * is reproducible; a few seconds in CI, longer with CXMAP_FUZZ_RUNS (for example CXMAP_FUZZ_RUNS=5000).
 *
 * Invariants: the loader never throws; a map it accepts has finite figures everywhere, and a report whose sentences
 * hold no NaN, Infinity or undefined and no list that came out empty; fmt keeps the map it
 * loads to and every comment; improve's output loads without findings; the command line exits 0, 1 or 2 without a
 * stack trace, and its JSON parses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadText } from '../../src/load/index.js';
import { analyze } from '../../src/analysis/index.js';
import { formatMap } from '../../src/model/index.js';
import { improve, opportunities, RULES } from '../../src/rules/index.js';
import { reportBlocks, scoreJson, toMarkdown } from '../../src/report/index.js';
import { cxmap, STACK } from '../helpers/cli.js';

const RUNS = Number(process.env.CXMAP_FUZZ_RUNS ?? 150);
const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'].map((name) =>
  readFileSync(`examples/${name}.cxmap.yaml`, 'utf8'),
);
const TOKENS = [
  '&a ',
  '*a',
  '[',
  ']',
  '{',
  '}',
  ': ',
  '- ',
  '#',
  '"',
  "'",
  '\t',
  '\r',
  '\n',
  '0%',
  '100%',
  '0.0001%',
  '150%',
  '-1',
  '1e309',
  `${'9'.repeat(40)}d`,
  '3651d',
  '1d..0s',
  '{ queue: 1e300, rate: 1/w }',
  'next: []',
  'next: { all: [] }',
  '~',
  'null',
  '\u202e',
  '\u0000',
];

type Mutation =
  | { kind: 'drop' | 'double'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'insert'; line: number; column: number; token: string }
  | { kind: 'char'; at: number; char: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop' as const, 'double' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    line: fc.nat(),
    column: fc.nat(80),
    token: fc.constantFrom(...TOKENS),
  }),
  fc.record({ kind: fc.constant('char' as const), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 1 }) }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const i = 'line' in m ? m.line % lines.length : 0;
    if (m.kind === 'char') {
      const flat = lines.join('\n');
      const at = m.at % Math.max(1, flat.length);
      lines = (flat.slice(0, at) + m.char + flat.slice(at + 1)).split('\n');
    } else if (m.kind === 'drop') lines.splice(i, 1);
    else if (m.kind === 'double') lines.splice(i, 0, lines[i]!);
    else if (m.kind === 'swap') [lines[i], lines[m.other % lines.length]] = [lines[m.other % lines.length]!, lines[i]!];
    else if (m.kind === 'insert') lines[i] = lines[i]!.slice(0, m.column) + m.token + lines[i]!.slice(m.column);
    if (lines.length === 0) lines = [''];
  }
  return lines.join('\n');
}

const mutated = fc
  .tuple(fc.nat(EXAMPLES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([k, ms]) => mutate(EXAMPLES[k]!, ms));

/** Every number in a value that is not finite (JSON would write it as null), with where it is. */
const nonFinite = (value: unknown, at = ''): string[] =>
  typeof value === 'number'
    ? Number.isFinite(value)
      ? []
      : [`${at}: ${value}`]
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${at}.${k}`))
      : [];

/** The comment text of a YAML file's full-line comments, which fmt must keep. */
const comments = (text: string) =>
  text
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('#'));

describe('fuzz: mutated examples', () => {
  it(
    'load, score, fmt and improve keep their invariants',
    () => {
      fc.assert(
        fc.property(mutated, (text) => {
          const loaded = loadText(text, 'fuzz.cxmap.yaml');
          for (const f of loaded.findings) expect(f.line).toBeGreaterThanOrEqual(1);
          const formatted = formatMap(text);
          if (formatted !== undefined) {
            // fmt changes layout only: the same map (or the same first finding), every comment kept.
            const again = loadText(formatted, 'fuzz.cxmap.yaml');
            expect(JSON.stringify(again.map)).toBe(JSON.stringify(loaded.map));
            if (!loaded.map) expect(again.findings.length).toBeGreaterThan(0);
            // Every comment is kept on its own line; one on the line after a key with no value moves up beside
            // it, as the yaml library writes a comment of that (empty) value: `x: # note`.
            const kept = comments(formatted);
            const beside = formatted.split('\n').map((l) => l.trim());
            for (const c of comments(text))
              expect(kept.includes(c) || beside.some((l) => l.endsWith(`: ${c}`))).toBe(true);
          }
          if (!loaded.map) return;
          const analysis = analyze(loaded.map, { runs: 20 });
          const { metrics, steps } = scoreJson(analysis, 'fuzz.cxmap.yaml');
          expect(nonFinite({ metrics, steps })).toEqual([]);
          // The report's sentences: no figure that is not one, no list that came out empty (': .', '; .', ' .').
          const report = toMarkdown(reportBlocks(analysis, 'fuzz.cxmap.yaml', opportunities(analysis, RULES), []));
          expect(report).not.toMatch(/\b(NaN|Infinity|undefined)\b|[;:,]? \.$/m);
          // improve checks that the to-be map keeps what no change may break (decisions stay with the company, no
          // step loops to itself, nothing locked changes) and reads back valid: it throws otherwise.
          const result = improve(analysis, loaded.source!, 'fuzz.cxmap.yaml', ['recommended']);
          // The to-be map has no error, and no warning that the map did not have (a change may fix one).
          if ('text' in result) {
            const had = loaded.findings.map((f) => `${f.code} ${f.message}`);
            for (const f of loadText(result.text, 'to-be.cxmap.yaml').findings) {
              expect(f.severity).toBe('warning');
              expect(had).toContain(`${f.code} ${f.message}`);
            }
          }
        }),
        { seed: 20261123, numRuns: RUNS },
      );
    },
    Math.max(60_000, RUNS * 100),
  );

  it(
    'the command line exits 0, 1 or 2, without a stack trace, with JSON that parses',
    () => {
      fc.assert(
        fc.property(mutated, (text) => {
          for (const args of [
            ['validate', '-'],
            ['score', '-', '--format', 'json', '--runs', '50'],
          ]) {
            const r = cxmap(args, { input: text });
            expect([0, 1, 2]).toContain(r.status);
            expect(r.stderr).not.toMatch(STACK);
            expect(r.stderr).not.toContain('internal error');
            if (args[0] === 'score' && r.status === 0) expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
          }
        }),
        { seed: 11, numRuns: Math.max(8, Math.round(RUNS / 20)) },
      );
    },
    Math.max(60_000, RUNS * 100),
  );
});
