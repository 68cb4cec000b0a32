/**
 * The fuzz suite: the shipped examples, mutated at random (test/fuzz/mutants.ts: most with changes that keep the
 * map valid, some with hostile changes on top), through the loader, the engine, the report, fmt and improve, in
 * this process; and a few of them through the command line. Seeded, so a failure is reproducible; a few seconds in
 * CI, longer with CXMAP_FUZZ_RUNS (for example CXMAP_FUZZ_RUNS=5000).
 *
 * Invariants: the loader never throws; at least half of the mutants load; a map it accepts has finite figures
 * everywhere, no more dark time than lead time, and a report whose sentences hold no NaN, Infinity or undefined and
 * no list that came out empty; fmt keeps the map it loads to and every comment; improve's to-be map loads without
 * findings the map did not have, and read again has the figures the what-if gave it; the command line exits 0, 1
 * or 2 without a stack trace, and its JSON parses. fmt's round trip, on every mutant with tags, comments holding
 * U+2028/U+2029, CRLF and nesting past the bound put in (test/fuzz/mutants.ts `decorate`): a one-line reason, or a
 * text that formats to itself and loads to the same map.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadText } from '../../src/load/index.js';
import { analyze, analyzeExact, metric } from '../../src/analysis/index.js';
import { canonical, formatMap } from '../../src/model/index.js';
import { figuresOf, improve, opportunities, RULES } from '../../src/rules/index.js';
import { reportBlocks, scoreJson, toMarkdown } from '../../src/report/index.js';
import { cxmap, STACK } from '../helpers/cli.js';
import { decorate, decoration, mutant } from './mutants.js';

const RUNS = Number(process.env.CXMAP_FUZZ_RUNS ?? 50);

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
      let valid = 0;
      fc.assert(
        fc.property(mutant, ({ text }) => {
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
          valid++;
          const analysis = analyze(loaded.map, { runs: 20 });
          const { metrics, steps } = scoreJson(analysis, 'fuzz.cxmap.yaml');
          expect(nonFinite({ metrics, steps })).toEqual([]);
          // The customer cannot be left in the dark longer than the case lasts (the last digits of the two sums
          // may differ where every moment of the case is dark).
          expect(metric('darkTime').of(analysis)!).toBeLessThanOrEqual(metric('leadTime').of(analysis)! * (1 + 1e-9));
          // The report's sentences: no figure that is not one, no list that came out empty (': .', '; .', ' .').
          const report = toMarkdown(reportBlocks(analysis, 'fuzz.cxmap.yaml', opportunities(analysis, RULES), []));
          expect(report).not.toMatch(/\b(NaN|Infinity|undefined)\b|[;:,]? \.$/m);
          // improve checks that the to-be map keeps what no change may break (decisions stay with the company, no
          // step loops to itself, nothing locked changes) and reads back valid: it throws otherwise.
          const result = improve(analysis, loaded.source!, 'fuzz.cxmap.yaml', ['recommended']);
          // The to-be map has no error, and no warning that the map did not have (a change may fix one).
          if ('text' in result) {
            const had = loaded.findings.map((f) => `${f.code} ${f.message}`);
            const toBe = loadText(result.text, 'to-be.cxmap.yaml');
            for (const f of toBe.findings) {
              expect(f.severity).toBe('warning');
              expect(had).toContain(`${f.code} ${f.message}`);
            }
            // The to-be map, read again, has the figures the what-if reported for it: exactly, unless the writer
            // rounded a value (a chance to a hundredth of a percent, a duration to the minute), then to 0.01%.
            const again = figuresOf(analyzeExact(toBe.map!));
            if (JSON.stringify(toBe.map!.steps) === JSON.stringify(result.map.steps))
              expect(again).toEqual(result.result.after);
            else
              for (const [key, value] of Object.entries(result.result.after))
                expect(Math.abs(again[key as keyof typeof again] - value), key).toBeLessThanOrEqual(
                  1e-4 * Math.max(1, Math.abs(value)),
                );
          }
        }),
        { seed: 20261123, numRuns: RUNS },
      );
      // Most mutants are valid maps, so that the engine, the report and improve are what is tested.
      expect(valid, `${valid} of ${RUNS} mutants load`).toBeGreaterThanOrEqual(Math.ceil(RUNS / 2));
    },
    Math.max(60_000, RUNS * 100),
  );

  it(
    "fmt's round trip on every mutant, with tags, comments holding line separators, CRLF and deep nesting put in",
    () => {
      const outcomes = { formatted: 0, refused: 0, deep: 0 };
      fc.assert(
        fc.property(mutant, fc.array(decoration, { maxLength: 4 }), fc.boolean(), ({ text }, decorations, crlf) => {
          const lf = decorate(text, decorations);
          const input = crlf ? lf.replace(/\n/g, '\r\n') : lf;
          const once = canonical(input);
          // Either a one-line reason, and nothing written...
          if ('reason' in once) {
            outcomes.refused++;
            if (loadText(input, 'fuzz.cxmap.yaml').findings.some((f) => f.code === 'too-deep')) outcomes.deep++;
            expect(once.reason).toMatch(/^\S[^\n]*$/);
            return;
          }
          // ... or a text that formats to itself and loads to the same map (or the same first finding).
          outcomes.formatted++;
          expect(canonical(once.text)).toEqual({ text: once.text, changed: false });
          const before = loadText(input, 'fuzz.cxmap.yaml');
          const after = loadText(once.text, 'fuzz.cxmap.yaml');
          expect(JSON.stringify(after.map)).toBe(JSON.stringify(before.map));
          expect(after.findings[0]?.code).toBe(before.findings[0]?.code);
        }),
        { seed: 20261206, numRuns: RUNS },
      );
      // Both sides of the invariant were reached (with the default seed and 50 runs: 23 formatted, 27 refused, 6 of
      // them too deep), the bound on nesting among the refusals.
      expect(outcomes.formatted, JSON.stringify(outcomes)).toBeGreaterThanOrEqual(RUNS / 3);
      expect(outcomes.deep, JSON.stringify(outcomes)).toBeGreaterThanOrEqual(1);
      expect(outcomes.refused, JSON.stringify(outcomes)).toBeGreaterThan(outcomes.deep);
    },
    Math.max(60_000, RUNS * 100),
  );

  it(
    'the command line exits 0, 1 or 2, without a stack trace, with JSON that parses',
    () => {
      fc.assert(
        fc.property(mutant, ({ text }) => {
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
