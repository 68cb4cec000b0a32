/**
 * One broken map per finding code: the code, the message and the exact line and column.
 * Maps use the 10-line header of helpers/maps.ts, so the first step starts on line 11.
 */
import { describe, expect, it } from 'vitest';
import { loadText, personaFindings } from '../../src/load/index.js';
import { HEADER, withSteps } from '../helpers/maps.js';

const two = (aExtra = '', bExtra = '') =>
  withSteps(`  - id: a
    name: A
    stage: One
    actor: me
${aExtra}    next: b
  - id: b
    name: B
    stage: Two
    actor: desk
${bExtra}`);

interface Case {
  code: string;
  yaml: string;
  line: number;
  column: number;
  message: string;
}

const cases: Case[] = [
  {
    code: 'yaml-syntax',
    yaml: 'cxmap: 1\nprocess: [a, b\nactors: {}\n',
    line: 3,
    column: 1,
    message: 'YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    code: 'bad-alias',
    yaml: 'cxmap: 1\nprocess: *p\n',
    line: 2,
    column: 10,
    message:
      '*p stands for a value marked &p earlier in the file, and there is none: mark the value with &p before this, or write the value out here',
  },
  {
    code: 'duplicate-key',
    yaml: 'cxmap: 1\ncxmap: 1\n',
    line: 2,
    column: 1,
    message: 'this key appears twice in the same block; keep one',
  },
  {
    code: 'empty-file',
    yaml: '# only a comment\n',
    line: 1,
    column: 1,
    message: 'the file is empty: a map starts with `cxmap: 1`, then `process`, `actors` and `steps`',
  },
  {
    code: 'not-a-map',
    yaml: '# the lifecycle\nportfolio: 1\nname: P\njourneys: [a.cxmap.yaml]\n',
    line: 2,
    column: 1,
    message:
      'this is a portfolio (it starts with `portfolio: 1`), not a map: its report is `cxmap portfolio <file>`, and each map it lists is checked on its own (docs/portfolio.md)',
  },
  {
    code: 'unknown-key',
    yaml: HEADER.replace('steps:\n', 'stpes:\n  - id: a\n'),
    line: 10,
    column: 1,
    message: 'unknown key `stpes` in the map (did you mean `steps`?)',
  },
  {
    code: 'unknown-key',
    yaml: two('    emotion: -1\n'),
    line: 15,
    column: 5,
    message: 'unknown key `emotion` in steps[0] (did you mean `feeling`?)',
  },
  {
    code: 'unknown-key',
    yaml: two('    delay: 2d\n'),
    line: 15,
    column: 5,
    message: 'unknown key `delay` in steps[0] (did you mean `wait`?)',
  },
  {
    code: 'unknown-key',
    yaml: two('    duration: 1h\n'),
    line: 15,
    column: 5,
    message: 'unknown key `duration` in steps[0] (did you mean `work`?)',
  },
  {
    code: 'unknown-key',
    yaml: two().replace('    next: b\n', '    next: [{ to: b, probability: 50% }, { to: b, chance: 50% }]\n'),
    line: 15,
    column: 21,
    message: 'unknown key `probability` in steps[0].next[0] (did you mean `chance`?)',
  },
  { code: 'missing-key', yaml: HEADER.replace('  goal: G\n', ''), line: 3, column: 3, message: 'process needs `goal`' },
  {
    code: 'bad-id',
    yaml: HEADER.replace('  desk:', '  Front_Desk:'),
    line: 8,
    column: 3,
    message:
      '`Front_Desk` cannot be an id: use lower-case letters, digits and dashes only (for example `loan-advisor`)',
  },
  {
    code: 'wrong-type',
    yaml: two('    feeling: bad\n'),
    line: 15,
    column: 14,
    message: 'steps[0].feeling: give a whole number from -2 to 2',
  },
  {
    code: 'wrong-type',
    yaml: HEADER.replace('  goal: G\n', '  goal: G\n  volume: 18000\n'),
    line: 6,
    column: 11,
    message: 'process.volume is a volume: write cases per year, month, week or day, like 12000/y or 250/w',
  },
  {
    code: 'wrong-version',
    yaml: HEADER.replace('cxmap: 1', 'cxmap: 2'),
    line: 1,
    column: 8,
    message: 'cxmap must be 1: this version of cxmap reads format version 1',
  },
  {
    code: 'too-few',
    yaml: `${HEADER.replace('steps:\n', '')}steps: []\n`,
    line: 10,
    column: 8,
    message: 'steps needs at least 1 entries',
  },
  {
    code: 'duplicate-item',
    yaml: two('    asks: [income, income]\n'),
    line: 15,
    column: 11,
    message: 'steps[0].asks lists the same entry twice (entries 1 and 2)',
  },
  {
    code: 'bad-value',
    yaml: two('    value: nice\n'),
    line: 15,
    column: 12,
    message: 'steps[0].value: choose one of customer, business or waste',
  },
  {
    code: 'bad-value',
    yaml: two('    ca: 120\n'),
    line: 15,
    column: 9,
    message: 'steps[0].ca: write a share as a number from 0 to 1 (0.8) or as a percentage from 0% to 100% (80%)',
  },
  {
    code: 'bad-value',
    yaml: two().replace(
      'desk: { kind: frontstage, name: Desk }',
      'desk: { kind: frontstage, name: Desk, type: frontstage }',
    ),
    line: 8,
    column: 47,
    message: 'actors.desk.type: choose person or system (the lane is `kind`)',
  },
  {
    code: 'customer-org',
    yaml: two().replace('me: { kind: customer, name: Me }', 'me: { kind: customer, name: Me, org: Acme }'),
    line: 7,
    column: 35,
    message:
      'actor `me` is the customer: `org` says who serves the customer (the other organisation a partner belongs to), not the customer; remove it',
  },
  {
    code: 'duplicate-stage',
    yaml: two().replace('stages: [One, Two]', 'stages: [One, Two, One]'),
    line: 9,
    column: 20,
    message: 'the stage `One` is listed twice',
  },
  {
    code: 'duplicate-id',
    yaml: two().replace('  - id: b', '  - id: a'),
    line: 16,
    column: 9,
    message: 'another step already has the id `a` (step 1); ids must be unique',
  },
  {
    code: 'unknown-step',
    yaml: two().replace('next: b', 'next: bb'),
    line: 15,
    column: 11,
    message: 'step `a` goes to `bb`, which is not a step (did you mean `b`?)',
  },
  {
    code: 'unknown-actor',
    yaml: two().replace('actor: desk', 'actor: dsk'),
    line: 19,
    column: 12,
    message: 'step `b` is done by `dsk`, which is not in actors (did you mean `desk`?)',
  },
  {
    code: 'unknown-stage',
    yaml: two().replace('stage: Two', 'stage: Tow'),
    line: 18,
    column: 12,
    message: 'step `b` is in stage `Tow`, which is not in stages (did you mean `Two`?)',
  },
  {
    code: 'missing-stage',
    yaml: two().replace('    stage: Two\n', ''),
    line: 16,
    column: 5,
    message: 'step `b` has no stage; give it one of: One, Two',
  },
  {
    code: 'evidence-is-basis',
    yaml: two('    evidence: [letter, observed]\n'),
    line: 15,
    column: 15,
    message:
      '`evidence` is what the customer sees or holds at step `a` (a letter, an email, the status page); where its figures come from is `basis`: write `basis: observed`',
  },
  {
    code: 'outcome-not-end',
    yaml: two('    outcome: failure\n'),
    line: 15,
    column: 5,
    message: 'step `a` has an outcome but goes on to another step; only end steps (without next) have an outcome',
  },
  {
    code: 'chances-not-100',
    yaml:
      two().replace('next: b', 'next: [{ to: b, chance: 60% }, { to: c, chance: 30% }]') +
      '  - id: c\n    name: C\n    stage: Two\n    actor: desk\n',
    line: 15,
    column: 11,
    message: 'the chances after step `a` add up to 90%, not 100%',
  },
  {
    code: 'bad-duration',
    yaml: two('    wait: 3\n'),
    line: 15,
    column: 11,
    message: '`3` has no unit: add one, for example 3m, 3h or 3d',
  },
  {
    code: 'bad-duration',
    yaml: two('    work: 2 days\n'),
    line: 15,
    column: 11,
    message: '`2 days` is not a duration: did you mean `2d`? (durations look like 90s, 15m, 2h, 1.5d, 3w or 1h30m)',
  },
  {
    code: 'bad-duration',
    yaml: two('    wait: 1-3 days\n'),
    line: 15,
    column: 11,
    message:
      '`1-3 days` is not a duration: did you mean `1d..3d`? (durations look like 90s, 15m, 2h, 1.5d, 3w or 1h30m)',
  },
  {
    code: 'bad-duration',
    yaml: two('    work: 90 min\n'),
    line: 15,
    column: 11,
    message: '`90 min` is not a duration: did you mean `90m`? (durations look like 90s, 15m, 2h, 1.5d, 3w or 1h30m)',
  },
  {
    code: 'bad-duration',
    yaml: two('    wait: 3d..1d\n'),
    line: 15,
    column: 11,
    message: 'the range `3d..1d` runs backwards: put the shorter duration first',
  },
  {
    code: 'bad-duration',
    yaml: two('    wait: { min: 1d, likely: 5d, max: 2d }\n'),
    line: 15,
    column: 11,
    message: 'an estimate needs min <= likely <= max',
  },
  {
    code: 'bad-duration',
    yaml: two(`    work: ${'9'.repeat(400)}d\n`),
    line: 15,
    column: 11,
    message: `\`${'9'.repeat(37)}...\` is longer than the 10 years a duration may be`,
  },
  {
    code: 'bad-duration',
    yaml: two('    work: 3651d\n'),
    line: 15,
    column: 11,
    message: '`3651d` is longer than the 10 years a duration may be',
  },
  {
    code: 'bad-duration',
    yaml: two('    wait: { queue: 1e300, rate: 0.000001/s }\n'),
    line: 15,
    column: 11,
    message: 'a queue of 1e+300 cases at 0.000001/s is longer than the 10 years a duration may be',
  },
  {
    code: 'bad-rate',
    yaml: two(`    wait: { queue: 4, rate: ${'9'.repeat(400)}/d }\n`),
    line: 15,
    column: 11,
    message: `\`${'9'.repeat(37)}...\` is not a rate cxmap can hold`,
  },
  {
    code: 'bad-value',
    yaml: two('    ca: 150%\n'),
    line: 15,
    column: 9,
    message: 'steps[0].ca: write a share as a number from 0 to 1 (0.8) or as a percentage from 0% to 100% (80%)',
  },
  {
    code: 'bad-value',
    yaml: two().replace('  goal: G\n', '  goal: G\n  targets: { successRate: 1000% }\n'),
    line: 6,
    column: 27,
    message:
      'process.targets.successRate: write a share as a number from 0 to 1 (0.8) or as a percentage from 0% to 100% (80%)',
  },
  {
    code: 'no-way-out',
    yaml:
      two('', '    next: [{ to: b, chance: 100% }, { to: a2, chance: 0% }]\n') +
      '  - id: a2\n    name: A2\n    stage: Two\n    actor: me\n',
    line: 16,
    column: 9,
    message:
      'step `b` leads only back to itself (its ways out have a chance of 0%): a customer who gets here never reaches an end step; give one of them a way on',
  },
  {
    code: 'too-deep',
    yaml: `cxmap: 1\n# [[[[ in a comment, and '[[[[' in quotes, do not count\nx: ${'['.repeat(70)}${']'.repeat(70)}\n`,
    line: 3,
    column: 68,
    message:
      'the file nests lists or blocks of keys deeper than any map does (more than 64 levels of [ and {, or a line whose content starts more than 128 columns in); check the nesting here',
  },
  {
    code: 'loop-too-sticky',
    yaml:
      two('', '    next: [{ to: b, chance: 99.95% }, { to: a2, chance: 0.05% }]\n') +
      '  - id: a2\n    name: A2\n    stage: Two\n    actor: me\n',
    line: 20,
    column: 11,
    message:
      'customers pass step `b` 2,000 times on average: its loop is all but closed (cxmap accepts at most 1,000 passes); give the way out a chance of at least 0.1%',
  },
  {
    code: 'bad-rate',
    yaml: two('    wait: { queue: 40, rate: 0/d }\n'),
    line: 15,
    column: 11,
    message: 'a rate of 0 means the queue never moves: give how many cases are done per unit of time',
  },
  {
    code: 'bad-amount',
    yaml: two().replace('  goal: G\n', `  goal: G\n  volume: ${'9'.repeat(20)}/y\n`),
    line: 6,
    column: 11,
    message: `\`${'9'.repeat(20)}/y\` is more cases than cxmap takes: give a volume of at most 1,000,000,000,000 a year`,
  },
  {
    // 1e13 cases a year, given per day: 27,397,260,274/d x 365.
    code: 'bad-amount',
    yaml: two().replace('  goal: G\n', '  goal: G\n  volume: 27397260274/d\n'),
    line: 6,
    column: 11,
    message: '`27397260274/d` is more cases than cxmap takes: give a volume of at most 1,000,000,000,000 a year',
  },
  {
    code: 'bad-amount',
    yaml: two().replace(
      'desk: { kind: frontstage, name: Desk }',
      'desk: { kind: frontstage, name: Desk, cost: 1000000001/h }',
    ),
    line: 8,
    column: 47,
    message: '`1000000001/h` is more than cxmap takes: give an amount of at most 1,000,000,000 an hour',
  },
  {
    code: 'bad-amount',
    yaml: two().replace('  goal: G\n', `  goal: G\n  customerTime: 1${'0'.repeat(400)}/h\n`),
    line: 6,
    column: 17,
    message: `\`1${'0'.repeat(400)}/h\` is more than cxmap takes: give an amount of at most 1,000,000,000 an hour`,
  },
  {
    // It validated once, and score, report and deck stopped with "internal error ... Infinity".
    code: 'bad-value',
    yaml: two('    cost: 1e308\n'),
    line: 15,
    column: 11,
    message: 'steps[0].cost: write the cost each time the step is done as a number from 0 to at most 1,000,000,000',
  },
  {
    code: 'bad-rate',
    yaml: two('    wait: { queue: 40, rate: fast }\n'),
    line: 15,
    column: 11,
    message: '`fast` is not a rate: write cases per unit of time, like 50/d or 6/h',
  },
  {
    code: 'bad-currency',
    yaml: two().replace('  goal: G\n', '  goal: G\n  currency: EUO\n'),
    line: 6,
    column: 13,
    message:
      '`EUO` is not an ISO 4217 currency code (did you mean `EUR`?): write a code like EUR, GBP or USD, or the symbol, like €, £ or $',
  },
  {
    code: 'bad-calendar',
    yaml: two().replace('  goal: G\n', '  goal: G\n  calendar: { day: 30h }\n'),
    line: 6,
    column: 20,
    message: 'a day lasts more than 0 and at most 24h (8h for a working day)',
  },
  {
    code: 'no-start',
    yaml: two().replace('    actor: desk\n', '    actor: desk\n    next: a\n'),
    line: 11,
    column: 9,
    message:
      "every step is reached from another step, so there is no step where the customer starts; add the customer's first step (nothing may lead back to it)",
  },
  {
    code: 'unreachable',
    yaml: two() + '  - id: lost\n    name: L\n    stage: Two\n    actor: desk\n',
    line: 20,
    column: 9,
    message: 'no path from the first step `a` leads to step `lost`; connect it with a next, or remove it',
  },
  {
    code: 'no-way-out',
    yaml:
      two().replace('    actor: desk\n', '    actor: desk\n    next: c\n') +
      '  - id: c\n    name: C\n    stage: Two\n    actor: desk\n    next: b\n',
    line: 16,
    column: 9,
    message:
      'steps `b` and `c` form a loop with no way out: a customer who gets here never reaches an end step; give one of them a way on',
  },
];

/**
 * Parallel work after `s`: branches x and y, join j, and k (included when something leads to it).
 * With `start`, a first step leads to s (5 more lines above everything else).
 */
const parallel = (xNext: string, yNext: string, { jNext = '', start = false } = {}) => {
  const step = (id: string, stage: string, next: string) =>
    `  - id: ${id}\n    name: ${id.toUpperCase()}\n    stage: ${stage}\n    actor: desk\n${next ? `    next: ${next}\n` : ''}`;
  const usesK = [xNext, yNext, jNext].some((n) => /\bk\b/.test(n));
  return withSteps(
    (start ? '  - id: start\n    name: Start\n    stage: One\n    actor: me\n    next: s\n' : '') +
      step('s', 'One', '{ all: [x, y] }') +
      step('x', 'One', xNext) +
      step('y', 'One', yNext) +
      step('j', 'Two', jNext) +
      (usesK ? step('k', 'Two', '') : ''),
  );
};

cases.push(
  {
    code: 'parallel-no-join',
    yaml: parallel('j', 'k'),
    line: 15,
    column: 11,
    message:
      'the parallel branches after step `s` never come back together at one step that all of them pass through: the branch from `x` ends at `j` before they meet (only an end with `outcome: failure` may end the case inside parallel work)',
  },
  {
    code: 'parallel-no-join',
    yaml: parallel('k', 'j').replace('    name: K\n', '    name: K\n    outcome: failure\n'),
    line: 15,
    column: 11,
    message:
      'the branch from `x` after step `s` always ends the case (at `k`) before the parallel branches meet; give it a way on to where the other branches meet',
  },
  {
    code: 'parallel-loop',
    yaml: parallel('[{ to: j, chance: 50% }, { to: s, chance: 50% }]', 'j', { start: true }),
    line: 20,
    column: 11,
    message: 'a branch of the parallel work after step `s` (from `x`) loops back to `s` before the join `j`',
  },
  {
    code: 'parallel-overlap',
    yaml: parallel('k', '[{ to: k, chance: 50% }, { to: j, chance: 50% }]').replace(
      '    name: K\n    stage: Two\n    actor: desk\n',
      '    name: K\n    stage: Two\n    actor: desk\n    next: j\n',
    ),
    line: 15,
    column: 11,
    message:
      'step `k` lies on two parallel branches after step `s` (from `x` and `y`); each branch needs its own steps until the join `j`',
  },
  {
    code: 'parallel-overlap',
    yaml: parallel(
      '[{ to: k, chance: 10% }, { to: j, chance: 90% }]',
      '[{ to: k, chance: 10% }, { to: j, chance: 90% }]',
    ).replace('    name: K\n', '    name: K\n    outcome: failure\n'),
    line: 15,
    column: 11,
    message:
      'end step `k` ends two parallel branches after step `s` (from `x` and `y`); give each branch its own end step',
  },
  {
    code: 'parallel-entry',
    yaml: parallel('j', 'j', { jNext: '[{ to: x, chance: 30% }, { to: k, chance: 70% }]' }),
    line: 30,
    column: 11,
    message:
      'step `j` leads into `x`, which is inside the parallel work after step `s`; lead back to `s` (or earlier) instead',
  },
  {
    code: 'parallel-entry',
    yaml:
      parallel('[{ to: k, chance: 10% }, { to: j, chance: 90% }]', 'j', {
        jNext: '[{ to: k, chance: 30% }, { to: done, chance: 70% }]',
      }).replace('    name: K\n', '    name: K\n    outcome: failure\n') +
      '  - id: done\n    name: Done\n    stage: Two\n    actor: desk\n',
    line: 30,
    column: 11,
    message:
      'step `j` leads to end step `k`, which also ends a branch of the parallel work after step `s`; give the branch an end step of its own',
  },
);

/** The header with two segments (lines 10 to 12), so that the first step's `- id:` is on line 14. */
const SEGMENTS =
  'segments:\n  first-time: { name: First-time buyer, share: 60% }\n  remortgage: { name: Re-mortgager, share: 40% }\n';
const segmented = (steps: string, segments = SEGMENTS) => HEADER.replace('steps:\n', `${segments}steps:\n`) + steps;
/** Step a (line 14) chooses b or c; b (line 22) goes on to c (line 28), the end; each step's `for` is its fifth line. */
const choice = (aFor = '', way = '', bFor = '', cFor = '') =>
  segmented(`  - id: a
    name: A
    stage: One
    actor: me
${aFor || '    note: x\n'}    next:
      - { to: b, chance: 30%${way} }
      - { to: c, chance: 70% }
  - id: b
    name: B
    stage: Two
    actor: desk
${bFor || '    note: x\n'}    next: c
  - id: c
    name: C
    stage: Two
    actor: desk
${cFor}`);

/** A loop back from b to a that the map leaves 80% of the time, and re-mortgagers at their own chances. */
const segmentLoop = (back: string, out: string) =>
  segmented(`  - { id: s, name: S, stage: One, actor: me, next: a }
  - { id: a, name: A, stage: One, actor: me, next: b }
  - id: b
    name: B
    stage: Two
    actor: desk
    next:
      - { to: a, chance: 20%, for: { remortgage: ${back} } }
      - { to: c, chance: 80%, for: { remortgage: ${out} } }
  - { id: c, name: C, stage: Two, actor: desk }
`);

cases.push(
  {
    code: 'segment-shares',
    yaml: segmented('  - { id: a, name: A, stage: One, actor: me }\n', SEGMENTS.replace('share: 40%', 'share: 30%')),
    line: 10,
    column: 1,
    message: 'the shares of the segments add up to 90%, not 100%: every case belongs to one segment',
  },
  {
    code: 'unknown-segment',
    yaml: choice('    for: { remortgag: { wait: 1d } }\n'),
    line: 18,
    column: 12,
    message: 'step `a` names the segment `remortgag`, which is not in segments (did you mean `remortgage`?)',
  },
  {
    code: 'unknown-segment',
    yaml: choice('', ', for: { firsttime: 10% }'),
    line: 20,
    column: 38,
    message:
      'a way after step `a` names the segment `firsttime`, which is not in segments (did you mean `first-time`?)',
  },
  {
    code: 'unknown-segment',
    yaml: withSteps('  - { id: a, name: A, stage: One, actor: me, for: { remortgage: { skip: true } } }\n'),
    line: 11,
    column: 53,
    message: 'step `a` names the segment `remortgage`, but the map has no `segments`; add them at the top of the map',
  },
  {
    code: 'segment-chances-not-100',
    yaml: choice('', ', for: { remortgage: 10% }'),
    line: 20,
    column: 7,
    message:
      "segment `remortgage`'s chances after step `a` add up to 80%, not 100% (a way without its own chance for the segment counts with the way's chance)",
  },
  {
    code: 'segment-no-way-out',
    yaml: segmentLoop('100%', '0%'),
    line: 21,
    column: 7,
    message:
      'for segment `remortgage`, no way from step `b` leads to an end step (its own chances of the ways out are 0%): its customers would never finish; give one of those ways a chance above 0% for the segment',
  },
  {
    // The map leaves the loop 80% of the time; re-mortgagers 0.05%: 1 / 0.0005 = 2,000 passes.
    code: 'loop-too-sticky',
    yaml: segmentLoop('99.95%', '0.05%'),
    line: 21,
    column: 7,
    message:
      'for segment `remortgage`, customers pass step `b` 2,000 times on average: its own chances all but close the loop (cxmap accepts at most 1,000 passes); give the way out a chance of at least 0.1% for the segment',
  },
  {
    code: 'segment-skip',
    yaml: choice('', '', '', '    for: { first-time: { skip: true } }\n'),
    line: 32,
    column: 26,
    message:
      'segment `first-time` skips step `c`, an end step: a segment cannot skip where the case ends; give it its own end instead',
  },
  {
    code: 'segment-skip',
    yaml: choice('    for: { remortgage: { feeling: 1, skip: true } }\n'),
    line: 18,
    column: 38,
    message:
      'segment `remortgage` skips step `a`, which has more than one way on: cxmap can skip only a step with one way on (its customers go straight on to it)',
  },
  {
    code: 'segment-skip',
    yaml: segmented(
      '  - { id: a, name: A, stage: One, actor: me, next: b, for: { remortgage: { skip: true } } }\n  - { id: b, name: B, stage: Two, actor: desk }\n',
    ),
    line: 14,
    column: 76,
    message:
      'segment `remortgage` skips step `a`, where the customer starts: a segment cannot skip the start; start the map at the first step every segment takes',
  },
);

describe('one broken map per finding code', () => {
  it.each(cases)('$code at $line:$column', ({ code, yaml, line, column, message }) => {
    const loaded = loadText(yaml, 'broken.cxmap.yaml');
    expect(loaded.map).toBeUndefined();
    expect(loaded.findings.find((f) => f.code === code)).toMatchObject({
      code,
      line,
      column,
      message,
      severity: 'error',
    });
  });

  it('covers every code the loader can give', () => {
    const covered = new Set(cases.map((c) => c.code));
    // Codes that need input a string table cannot hold (deep nesting, binary, a huge file) are tested in test/cli/validate.test.ts.
    for (const code of ['too-deep', 'not-text', 'file-too-large']) covered.add(code);
    expect([...covered].sort()).toEqual([
      'bad-alias',
      'bad-amount',
      'bad-calendar',
      'bad-currency',
      'bad-duration',
      'bad-id',
      'bad-rate',
      'bad-value',
      'chances-not-100',
      'customer-org',
      'duplicate-id',
      'duplicate-item',
      'duplicate-key',
      'duplicate-stage',
      'empty-file',
      'evidence-is-basis',
      'file-too-large',
      'loop-too-sticky',
      'missing-key',
      'missing-stage',
      'no-start',
      'no-way-out',
      'not-a-map',
      'not-text',
      'outcome-not-end',
      'parallel-entry',
      'parallel-loop',
      'parallel-no-join',
      'parallel-overlap',
      'segment-chances-not-100',
      'segment-no-way-out',
      'segment-shares',
      'segment-skip',
      'too-deep',
      'too-few',
      'unknown-actor',
      'unknown-key',
      'unknown-segment',
      'unknown-stage',
      'unknown-step',
      'unreachable',
      'wrong-type',
      'wrong-version',
      'yaml-syntax',
    ]);
  });
});

describe('the bound on loops, at its edge', () => {
  // `b` leads back to itself with the chance `stay`, and on to the end step `a2` with `out`: a customer passes `b`
  // 1 / out times on average (a geometric number of passes).
  const loop = (stay: string, out: string) =>
    loadText(
      two('', `    next: [{ to: b, chance: ${stay} }, { to: a2, chance: ${out} }]\n`) +
        '  - id: a2\n    name: A2\n    stage: Two\n    actor: me\n',
      'loop.cxmap.yaml',
    ).findings;

  it('accepts a way out of exactly 0.1%, as docs/format.md says: 1 / 0.001 = 1,000 passes', () => {
    expect(loop('99.9%', '0.1%')).toEqual([]);
    expect(loop('0.999', '0.001')).toEqual([]);
  });

  it('blames the sticky loop, not a sound loop after it that its endless passes flood', () => {
    const findings = loadText(
      withSteps(`  - id: s
    name: S
    stage: One
    actor: me
    next: a
  - id: a
    name: A
    stage: One
    actor: me
    next: [{ to: a, chance: 1 }, { to: b, chance: 5e-324 }]
  - id: b
    name: B
    stage: Two
    actor: desk
    next: [{ to: b, chance: 50% }, { to: c, chance: 50% }]
  - id: c
    name: C
    stage: Two
    actor: desk
`),
      'two-loops.cxmap.yaml',
    ).findings;
    expect(findings.map((f) => `${f.line}:${f.column} ${f.code} ${f.message.split(':')[0]}`)).toEqual([
      '20:11 loop-too-sticky customers pass step `a` endlessly many times on average',
    ]);
  });

  it('blames the loop, not the end step after it, for a way out too small to count (5e-324)', () => {
    expect(loop('1', '5e-324')).toEqual([
      {
        code: 'loop-too-sticky',
        severity: 'error',
        line: 20,
        column: 11,
        endLine: 20,
        endColumn: 61,
        message:
          'customers pass step `b` endlessly many times on average: its loop is all but closed (cxmap accepts at most 1,000 passes); give the way out a chance of at least 0.1%',
      },
    ]);
  });
});

describe('warnings: the map still loads', () => {
  it('warns at a persona the team has not defined (with the run configuration: personaFindings)', () => {
    const yaml = HEADER.replace('  goal: G\n', '  goal: G\n  persona: remortgagr\n');
    const loaded = loadText(two(), 'persona.cxmap.yaml');
    expect(personaFindings(loaded, { remortgager: { name: 'Rita' } })).toEqual([]);
    const named = loadText(yaml + two().slice(HEADER.length), 'persona.cxmap.yaml');
    expect(named.findings).toEqual([]);
    // `  persona: ` is 11 characters: the id starts at column 12 of line 6.
    expect(
      personaFindings(named, { remortgager: { name: 'Rita' } }).map(
        (f) => `${f.line}:${f.column} ${f.code} ${f.message}`,
      ),
    ).toEqual([
      "6:12 unknown-persona the persona `remortgagr` is not one of the team's personas (did you mean `remortgager`?): define it under personas: in cxmap.config.yaml",
    ]);
  });

  it("names an unknown channel that only a segment uses, at the segment's own channel", () => {
    const loaded = loadText(choice('    for: { remortgage: { channel: telephon } }\n'), 'channel.cxmap.yaml');
    expect(loaded.map).toBeDefined();
    expect(loaded.findings.map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`)).toEqual([
      '18:35 unknown-channel the channel `telephon` is not one cxmap knows (it counts as one the customer uses to reach the company): did you mean `phone`? Or declare it under `channels:`',
    ]);
  });

  it('calls an actor without a name by its id, with a warning at the actor, and still checks the rest', () => {
    const yaml = HEADER.replace('  desk: { kind: frontstage, name: Desk }', '  desk: { kind: frontstage }');
    const steps =
      '  - { id: a, name: A, stage: One, actor: me, next: b }\n  - { id: b, name: B, stage: Two, actor: desk }\n';
    const loaded = loadText(yaml + steps, 'unnamed.cxmap.yaml');
    expect(loaded.findings).toEqual([
      {
        code: 'unnamed-actor',
        severity: 'warning',
        line: 8,
        column: 3,
        endLine: 8,
        endColumn: 7,
        message: 'actor `desk` has no name, so diagrams call it `desk`; give it the name people know it by (name: ...)',
      },
    ]);
    expect(loaded.map!.actors.find((a) => a.id === 'desk')!.name).toBe('desk');
    // With an error elsewhere, both are reported in one pass.
    const broken = loadText(yaml + steps.replace('actor: desk', 'actor: dsk'), 'unnamed.cxmap.yaml');
    expect(broken.findings.map((f) => `${f.line}:${f.column} ${f.code}`)).toEqual([
      '8:3 unnamed-actor',
      '12:42 unknown-actor',
    ]);
  });

  it('warns at the first amount of a map that names no currency, and shows its amounts bare', () => {
    const costed = HEADER.replace(
      '  desk: { kind: frontstage, name: Desk }',
      '  desk: { kind: frontstage, name: Desk, cost: 40/h }',
    );
    const steps =
      '  - { id: a, name: A, stage: One, actor: me, next: b }\n  - { id: b, name: B, stage: Two, actor: desk, work: 1h }\n';
    const loaded = loadText(costed + steps, 'costs.cxmap.yaml');
    expect(loaded.findings).toEqual([
      {
        code: 'no-currency',
        severity: 'warning',
        line: 8,
        // `  desk: { kind: frontstage, name: Desk, cost: ` is 46 characters: the amount starts at column 47.
        column: 47,
        endLine: 8,
        endColumn: 51,
        message:
          'the map gives amounts of money but not their currency, so they are shown without one: name it under process, like `currency: EUR` (or a symbol, like €)',
      },
    ]);
    expect(loaded.map!.process.currency).toBeUndefined();
    // Named, the warning goes; a code in small letters is the code, a symbol stays as written.
    const named = (currency: string) =>
      loadText(costed.replace('  goal: G\n', `  goal: G\n  currency: ${currency}\n`) + steps, 'costs.cxmap.yaml');
    expect(named('eur').findings).toEqual([]);
    expect(named('eur').map!.process.currency).toBe('EUR');
    expect(named('£').map!.process.currency).toBe('£');
    // A map without amounts needs no currency.
    expect(loadText(HEADER + steps, 'plain.cxmap.yaml').findings).toEqual([]);
  });
});
