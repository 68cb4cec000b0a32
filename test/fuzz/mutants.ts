/**
 * The mutants of the fuzz suite: a shipped example with a few changes a team could make to it (each one keeps the
 * map valid: a duration within its limits, chances that still add up, a feeling from -2 to 2, a step added in a
 * chain, an id renamed everywhere it is used...), and, in a smaller share of mutants, hostile changes on top (lines
 * dropped, doubled or swapped, characters changed, YAML and cxmap tokens put in, a key given a value it cannot
 * take), which test the error paths. So that most mutants load and run through the engine, the report and
 * improve, and the rest still probe the loader.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { RULES } from '../../src/rules/index.js';

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'].map((name) =>
  parseDocument(readFileSync(`examples/${name}.cxmap.yaml`, 'utf8')),
);

/** A change made on a copy of a parsed map, saying what it changed (undefined: the map has no place for it). */
type Edit = (doc: Document) => string | undefined;

// --- Reading and writing the parsed map ------------------------------------------------------------------------

const steps = (doc: Document): YAMLMap[] => ((doc.get('steps') as YAMLSeq | undefined)?.items ?? []).filter(isMap);
const idOf = (step: YAMLMap) => String(step.get('id'));
const actorIds = (doc: Document) =>
  ((doc.get('actors') as YAMLMap | undefined)?.items ?? []).map((pair) =>
    String((pair.key as { value: unknown }).value),
  );
/** The `pick`-th of a list, round (undefined when it is empty). */
const pickOf = <T>(list: readonly T[], pick: number): T | undefined => list[pick % Math.max(1, list.length)];
/** An id no step or actor has yet: `base`, `base-2`, ... */
function fresh(doc: Document, base: string): string {
  const taken = new Set([...steps(doc).map(idOf), ...actorIds(doc)]);
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  return id;
}
const flow = (doc: Document, value: unknown) => doc.createNode(value, { flow: true });

/** Every way out of a step: the step it leads to, and how to make it lead to another. */
function ways(step: YAMLMap): { target: string; set: (id: string) => void }[] {
  const next = step.get('next');
  if (typeof next === 'string') return [{ target: next, set: (id) => step.set('next', id) }];
  const list = isSeq(next) ? next : isMap(next) && isSeq(next.get('all')) ? (next.get('all') as YAMLSeq) : undefined;
  if (!list) return [];
  return list.items.flatMap((item, k) => {
    if (isMap(item)) return [{ target: String(item.get('to')), set: (id: string) => item.set('to', id) }];
    if (isScalar(item)) return [{ target: String(item.value), set: (id: string) => list.set(k, id) }];
    return [];
  });
}

/** A new step right after `after` in the list of steps, in its stage. */
function addStep(doc: Document, after: YAMLMap, step: Record<string, unknown>) {
  const list = doc.get('steps') as YAMLSeq;
  const stage = after.get('stage');
  const node = doc.createNode({ ...step, ...(stage === undefined ? {} : { stage }) });
  list.items.splice(list.items.indexOf(after) + 1, 0, node);
}

/** A step that went on to one step sends `chance` percent of its cases to a new step instead. */
function branchOff(doc: Document, step: YAMLMap, chance: number, added: Record<string, unknown> & { id: string }) {
  const on = step.get('next') as string;
  step.set(
    'next',
    doc.createNode([
      { to: on, chance: `${100 - chance}%` },
      { to: added.id, chance: `${chance}%` },
    ]),
  );
  addStep(doc, step, added);
}

/** The items of a list key of a step (`asks`, `tells`). */
const itemsOf = (step: YAMLMap, key: string) => ((step.toJSON() as Record<string, string[]>)[key] ?? []).map(String);

// --- Values the format accepts ----------------------------------------------------------------------------------

const amount = fc.oneof(fc.integer({ min: 1, max: 90 }), fc.constantFrom(0.5, 1.5, 2.25));
const unit = fc.constantFrom('s', 'm', 'h', 'd', 'w');
/** A duration of at most 90 weeks (the format's limit is 10 years). */
const fixed = fc.oneof(
  fc.tuple(amount, unit).map(([n, u]) => `${n}${u}`),
  fc.constantFrom(0, '1h30m', '2d 4h'),
);
const sorted = (n: number) =>
  fc
    .tuple(fc.array(amount, { minLength: n, maxLength: n }), unit)
    .map(([xs, u]) => xs.sort((a, b) => a - b).map((x) => `${x}${u}`));
const duration = fc.oneof(
  { weight: 3, arbitrary: fixed },
  { weight: 1, arbitrary: sorted(2).map(([a, b]) => `${a}..${b}`) },
  { weight: 1, arbitrary: sorted(3).map(([min, likely, max]) => ({ min, likely, max })) },
);
/** A queue of at most 500 cases at 1 to 100 an hour or a day: at most 500 days. */
const queue = fc
  .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 100 }), fc.constantFrom('h', 'd'))
  .map(([cases, rate, u]) => ({ queue: cases, rate: `${rate}/${u}` }));
const share = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`),
  fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
);
const STEP_KEYS = [
  'channel',
  'wait',
  'waitKind',
  'work',
  'value',
  'feeling',
  'asks',
  'tells',
  'ca',
  'cost',
  'fails',
  'momentOfTruth',
  'physical',
  'locked',
  'independent',
  'milestone',
  'basis',
  'evidence',
  'note',
] as const;
const CHANNELS = [
  ...['web', 'app', 'phone', 'email', 'chat', 'sms', 'video', 'branch', 'shop', 'in person', 'mail', 'delivery'],
  ...['visit', 'website', 'call centre', 'post', 'courier', 'home visit', 'WhatsApp', 'carrier pigeon'],
];

// --- The changes that keep a map valid ------------------------------------------------------------------------

/** At a step, the `pick`-th of those that `has` holds for. */
const atStep =
  <T extends { pick: number }>(
    has: (step: YAMLMap) => boolean,
    change: (doc: Document, step: YAMLMap, v: T) => string | undefined,
  ) =>
  (v: T): Edit =>
  (doc) => {
    const step = pickOf(steps(doc).filter(has), v.pick);
    return step && change(doc, step, v);
  };
const anyStep = () => true;
const hasKey = (key: string) => (step: YAMLMap) => step.has(key);
const goesOnTo = (step: YAMLMap) => typeof step.get('next') === 'string';
const pick = fc.nat();

/**
 * The changes a team could make to a map and that keep it valid, one generator each. A new key of the format gets
 * its generator here, so that the fuzz suite puts it through the engine, the report and improve.
 */
const VALID_EDITS: fc.Arbitrary<Edit>[] = [
  // A wait or a work of another length or shape.
  fc.record({ pick, key: fc.constantFrom('wait', 'work'), value: duration }).map(
    atStep(anyStep, (doc, step, { key, value }) => {
      step.set(key, flow(doc, value));
      return `${key} of ${idOf(step)}: ${JSON.stringify(value)}`;
    }),
  ),
  fc.record({ pick, value: queue }).map(
    atStep(anyStep, (doc, step, { value }) => {
      step.set('wait', flow(doc, value));
      return `wait of ${idOf(step)}: ${JSON.stringify(value)}`;
    }),
  ),
  // A choice's chances shared out anew, each way at least 1 in 21 and all adding up to 100% (in 0.01%).
  fc.record({ pick, weights: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 8, maxLength: 8 }) }).map(
    atStep(
      (step) => isSeq(step.get('next')),
      (_doc, step, { weights }) => {
        const choices = (step.get('next') as YAMLSeq).items.filter(isMap);
        const w = weights.slice(0, choices.length);
        const total = w.reduce((a, b) => a + b, 0);
        const basisPoints = w.map((x) => Math.floor((x * 10_000) / total));
        basisPoints[0]! += 10_000 - basisPoints.reduce((a, b) => a + b, 0);
        choices.forEach((c, k) => c.set('chance', `${basisPoints[k]! / 100}%`));
        return `chances of ${idOf(step)}: ${basisPoints.map((b) => `${b / 100}%`).join(', ')}`;
      },
    ),
  ),
  fc.record({ pick, feeling: fc.integer({ min: -2, max: 2 }) }).map(
    atStep(anyStep, (_doc, step, { feeling }) => {
      step.set('feeling', feeling);
      return `feeling of ${idOf(step)}: ${feeling}`;
    }),
  ),
  fc.record({ pick, ca: share }).map(
    atStep(anyStep, (_doc, step, { ca }) => {
      step.set('ca', ca);
      return `ca of ${idOf(step)}: ${ca}`;
    }),
  ),
  fc.record({ pick, value: fc.constantFrom('customer', 'business', 'waste') }).map(
    atStep(anyStep, (_doc, step, { value }) => {
      step.set('value', value);
      return `value of ${idOf(step)}: ${value}`;
    }),
  ),
  fc.record({ pick, waitKind: fc.constantFrom('queue', 'scheduled', 'transport', 'customer') }).map(
    atStep(anyStep, (_doc, step, { waitKind }) => {
      step.set('waitKind', waitKind);
      return `waitKind of ${idOf(step)}: ${waitKind}`;
    }),
  ),
  fc.record({ pick, channel: fc.constantFrom(...CHANNELS) }).map(
    atStep(anyStep, (_doc, step, { channel }) => {
      step.set('channel', channel);
      return `channel of ${idOf(step)}: ${channel}`;
    }),
  ),
  // A channel of the map's own, and a step on it.
  fc.record({ pick, starts: fc.constantFrom('customer', 'company') }).map(
    atStep(anyStep, (doc, step, { starts }) => {
      doc.set('channels', flow(doc, { kiosk: starts }));
      step.set('channel', 'kiosk');
      return `channel of ${idOf(step)}: kiosk, started by the ${starts}`;
    }),
  ),
  fc.record({ pick, key: fc.constantFrom('physical', 'independent', 'momentOfTruth', 'locked'), on: fc.boolean() }).map(
    atStep(anyStep, (_doc, step, { key, on }) => {
      if (on) step.set(key, key === 'locked' ? 'Required by the regulator' : true);
      else step.delete(key);
      return `${key} of ${idOf(step)}: ${on}`;
    }),
  ),
  fc.record({ pick, actor: pick }).map(
    atStep(anyStep, (doc, step, v) => {
      const actor = pickOf(actorIds(doc), v.actor)!;
      step.set('actor', actor);
      return `actor of ${idOf(step)}: ${actor}`;
    }),
  ),
  // An item the map asks or tells somewhere, asked or told at another step, or no longer.
  fc.record({ pick, key: fc.constantFrom('asks', 'tells'), item: pick }).map(
    atStep(anyStep, (doc, step, { key, item }) => {
      const known = [...new Set(steps(doc).flatMap((s) => [...itemsOf(s, 'asks'), ...itemsOf(s, 'tells')]))];
      const it = pickOf(known, item) ?? 'reference number';
      const had = itemsOf(step, key);
      const list = had.includes(it) ? had.filter((x) => x !== it) : [...had, it];
      if (list.length === 0) step.delete(key);
      else step.set(key, flow(doc, list));
      return `${key} of ${idOf(step)}: ${JSON.stringify(list)}`;
    }),
  ),
  fc.record({ pick, cost: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(12.5)) }).map(
    atStep(anyStep, (_doc, step, { cost }) => {
      step.set('cost', cost);
      return `cost of ${idOf(step)}: ${cost}`;
    }),
  ),
  fc.record({ pick, basis: fc.constantFrom('assumed', 'observed', 'measured') }).map(
    atStep(anyStep, (_doc, step, { basis }) => {
      step.set('basis', basis);
      return `basis of ${idOf(step)}: ${basis}`;
    }),
  ),
  fc.record({ pick }).map(
    atStep(anyStep, (_doc, step) => {
      step.set('milestone', `Milestone at ${idOf(step)}`);
      return `milestone at ${idOf(step)}`;
    }),
  ),
  fc.record({ pick, outcome: fc.constantFrom('success', 'failure') }).map(
    atStep(
      (step) => !step.has('next'),
      (_doc, step, { outcome }) => {
        step.set('outcome', outcome);
        return `outcome of ${idOf(step)}: ${outcome}`;
      },
    ),
  ),
  // An optional key left out.
  fc.record({ pick, key: fc.constantFrom(...STEP_KEYS) }).map((v): Edit => (doc) => {
    const step = pickOf(steps(doc).filter(hasKey(v.key)), v.pick);
    step?.delete(v.key);
    return step && `${v.key} of ${idOf(step)} left out`;
  }),
  fc.constantFrom('trigger', 'owner', 'calendar', 'targets', 'benchmarks', 'volume').map((key): Edit => (doc) => {
    doc.deleteIn(['process', key]);
    return `process ${key} left out`;
  }),
  // No stages: no step names one.
  fc.constant<Edit>((doc) => {
    doc.delete('stages');
    for (const step of steps(doc)) step.delete('stage');
    return 'stages left out';
  }),
  // What the process says of itself.
  fc
    .oneof(
      fc.tuple(
        fc.constant('volume'),
        fc
          .tuple(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom('y', 'mo', 'w', 'd'))
          .map(([n, u]) => `${n}/${u}`),
      ),
      fc.tuple(
        fc.constant('customerTime'),
        fc.integer({ min: 0, max: 200 }).map((n) => `${n}/h`),
      ),
      fc.tuple(fc.constant('darkAfter'), fixed),
      fc.tuple(
        fc.constant('calendar'),
        fc.record({
          day: fc.integer({ min: 1, max: 24 }).map((h) => `${h}h`),
          week: fc.integer({ min: 1, max: 7 }).map((d) => `${d}d`),
        }),
      ),
      fc.tuple(
        fc.constant('targets'),
        fc.record({ leadTime: fixed, pce: share, successRate: share }, { requiredKeys: [] }),
      ),
    )
    .map(([key, value]): Edit => (doc) => {
      doc.setIn(['process', key], flow(doc, value));
      return `process ${key}: ${JSON.stringify(value)}`;
    }),
  // Every actor given a cost, so that the map has a cost to serve.
  fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 12, maxLength: 12 }).map((costs): Edit => (doc) => {
    const actors = (doc.get('actors') as YAMLMap).items.map((pair) => pair.value).filter(isMap);
    actors.forEach((actor, k) => actor.set('cost', `${costs[k % costs.length]}/h`));
    return `actor costs: ${costs.join(', ')}`;
  }),
  // The team's estimate of a rule's effort.
  fc
    .record({ rule: fc.constantFrom(...RULES.map((r) => r.id)), effort: fc.integer({ min: 0, max: 5 }) })
    .map(({ rule, effort }): Edit => (doc) => {
      doc.setIn(['effort', rule], effort);
      return `effort ${rule}: ${effort}`;
    }),
  // The team's estimate of one opportunity's effort, by its id: improve drops it when it removes the step.
  fc.record({ pick, effort: fc.integer({ min: 0, max: 5 }) }).map(
    atStep(
      () => true,
      (doc, step, v) => {
        doc.setIn(['effort', `remove-waste:${idOf(step)}`], v.effort);
        return `effort remove-waste:${idOf(step)}: ${v.effort}`;
      },
    ),
  ),
  // The team's size of a lever: a share it takes away, or a range of shares.
  fc
    .record({
      rule: fc.constantFrom('cut-wait', 'prevent-rework', 'merge-handoffs', 'off-cycle'),
      low: fc.integer({ min: 0, max: 100 }),
      span: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ rule, low, span }): Edit => (doc) => {
      const high = Math.min(100, low + span);
      const size = low === high ? `${low}%` : `${low}%..${high}%`;
      doc.setIn(['levers', rule], size);
      return `levers ${rule}: ${size}`;
    }),
  // A step added in a chain, a choice or a branch.
  fc.record({ pick, way: pick, actor: pick, work: fixed }).map(
    atStep(
      (step) => ways(step).length > 0,
      (doc, step, v) => {
        const way = pickOf(ways(step), v.way)!;
        const id = fresh(doc, 'added');
        addStep(doc, step, {
          id,
          name: 'An added step',
          actor: pickOf(actorIds(doc), v.actor),
          work: v.work,
          next: way.target,
        });
        way.set(id);
        return `${id} added between ${idOf(step)} and ${way.target}`;
      },
    ),
  ),
  // A way out: some customers give up after a step; inside parallel work, a branch that ends the case.
  fc.record({ pick, chance: fc.integer({ min: 1, max: 50 }), actor: pick }).map(
    atStep(goesOnTo, (doc, step, v) => {
      const id = fresh(doc, 'gives-up');
      branchOff(doc, step, v.chance, {
        id,
        name: 'Customer gives up',
        actor: pickOf(actorIds(doc), v.actor),
        work: '5m',
        outcome: 'failure',
      });
      return `${id} after ${idOf(step)}, ${v.chance}%`;
    }),
  ),
  // A rework loop: some of a step's output goes back to it through a fix (not at the first step, which nothing may
  // lead to).
  fc.record({ pick, chance: fc.integer({ min: 1, max: 50 }), actor: pick, wait: fixed }).map(
    atStep(goesOnTo, (doc, step, v) => {
      if (!steps(doc).some((s) => ways(s).some((w) => w.target === idOf(step)))) return undefined;
      const id = fresh(doc, 'fix');
      branchOff(doc, step, v.chance, {
        id,
        name: 'Fix the step',
        actor: pickOf(actorIds(doc), v.actor),
        wait: v.wait,
        work: '30m',
        next: idOf(step),
      });
      return `rework ${idOf(step)} -> ${id}, ${v.chance}%`;
    }),
  ),
  // A step's id renamed, and every way to it with it.
  fc.record({ pick, name: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/) }).map(
    atStep(anyStep, (doc, step, v) => {
      const old = idOf(step);
      const id = fresh(doc, v.name);
      step.set('id', id);
      for (const s of steps(doc)) for (const way of ways(s)) if (way.target === old) way.set(id);
      return `step ${old} renamed ${id}`;
    }),
  ),
  // An actor's id renamed, and every step it does with it.
  fc.record({ pick, name: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/) }).map((v): Edit => (doc) => {
    const old = pickOf(actorIds(doc), v.pick)!;
    const id = fresh(doc, v.name);
    const pair = (doc.get('actors') as YAMLMap).items.find((p) => (p.key as { value: string }).value === old)!;
    (pair.key as { value: string }).value = id;
    for (const step of steps(doc)) if (step.get('actor') === old) step.set('actor', id);
    return `actor ${old} renamed ${id}`;
  }),
];

// --- Hostile changes -------------------------------------------------------------------------------------------

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

type TextMutation =
  | { kind: 'drop' | 'double'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'insert'; line: number; column: number; token: string }
  | { kind: 'char'; at: number; char: string };

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
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

function mutateText(text: string, mutations: readonly TextMutation[]): string {
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

/** A key of a step (or one the format does not have) given a value it cannot take. */
const hostileValue = fc
  .record({
    pick,
    key: fc.constantFrom(...STEP_KEYS, 'id', 'actor', 'stage', 'next', 'outcome', 'emotion'),
    value: fc.oneof(fc.constantFrom(...TOKENS), fc.string(), fc.double(), fc.constant({ all: [] })),
  })
  .map(
    atStep(anyStep, (_doc, step, { key, value }) => {
      step.set(key, value);
      return `${key} of ${idOf(step)}: ${JSON.stringify(value)}`;
    }),
  );

/** A mutant: which example, what was changed (for a failure to say), and its text. */
export interface Mutant {
  example: number;
  changes: string[];
  text: string;
}

/**
 * One to four valid changes of an example; in three mutants of ten, one to four hostile changes on top (text or
 * values), so that at least half of the mutants stay valid.
 */
export const mutant: fc.Arbitrary<Mutant> = fc
  .record({
    example: fc.nat(EXAMPLES.length - 1),
    edits: fc.array(fc.oneof(...VALID_EDITS), { minLength: 1, maxLength: 4 }),
    hostile: fc.oneof(
      { weight: 7, arbitrary: fc.constant({ values: [] as Edit[], text: [] as TextMutation[] }) },
      {
        weight: 3,
        arbitrary: fc
          .record({ values: fc.array(hostileValue, { maxLength: 2 }), text: fc.array(textMutation, { maxLength: 4 }) })
          .filter((h) => h.values.length + h.text.length > 0),
      },
    ),
  })
  .map(({ example, edits, hostile }) => {
    const doc = EXAMPLES[example]!.clone();
    const changes = [...edits, ...hostile.values].flatMap((edit) => edit(doc) ?? []);
    const text = mutateText(doc.toString({ lineWidth: 0 }), hostile.text);
    return {
      example,
      changes: hostile.text.length ? [...changes, `text: ${JSON.stringify(hostile.text)}`] : changes,
      text,
    };
  });

// --- Hostile text around the values: comments, tags, nesting (fmt's round trip is tested on these) ----------------

/** Comment text: letters, spaces, `#` and the separators YAML keeps inside a comment but JavaScript breaks at. */
const commentText = fc
  .array(fc.constantFrom('a', 'b', ' ', '#', '\u2028', '\u2029', 'é'), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(''));

/**
 * Something put at a line of the map: a comment line of its own, a comment at the line's end, a tag on a value, on
 * a key that holds a block (`process`, `steps`, a step's `next`...) or on the whole map, or a value nested past the
 * bound of the format (64 levels of brackets, a line whose content starts 128 columns in).
 */
export const decoration = fc.record({
  line: fc.nat(),
  kind: fc.constantFrom('own line', 'end of line', 'tag', 'block tag', 'root tag', 'deep'),
  comment: commentText,
  tag: fc.constantFrom('!!str', '!!int', '!!null', '!!map', '!!seq', '!x'),
  deep: fc.constantFrom(
    `${'['.repeat(65)}${']'.repeat(65)}`,
    `${'{ a: '.repeat(65)}1${' }'.repeat(65)}`,
    '- '.repeat(65),
  ),
});
export type Decoration = typeof decoration extends fc.Arbitrary<infer T> ? T : never;

/** The text with the decorations put in (LF line breaks). */
export function decorate(text: string, decorations: readonly Decoration[]): string {
  const lines = text.split('\n');
  for (const { line, kind, comment, tag, deep } of decorations) {
    const k = line % lines.length;
    const here = lines[k]!;
    const indent = /^ */.exec(here)![0];
    if (kind === 'own line') lines.splice(k, 0, `${indent}#${comment}`);
    else if (kind === 'root tag') lines.unshift(tag);
    else if (kind === 'deep') lines.splice(k, 0, `${indent}deep: ${deep}`);
    // A key whose value is the block below it.
    else if (kind === 'block tag') {
      if (/^ *(- )?[a-zA-Z]+:$/.test(here)) lines[k] = `${here} ${tag}`;
    }
    // After a key with a plain value, the only places a comment or a tag can go without becoming part of a value.
    else if (/^ *(- )?[a-zA-Z]+: [a-zA-Z0-9 ]+$/.test(here))
      lines[k] = kind === 'tag' ? here.replace(': ', `: ${tag} `) : `${here} #${comment}`;
  }
  return lines.join('\n');
}
