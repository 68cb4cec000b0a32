/**
 * Writing a changed map back into its YAML text. Only what changed is touched: a changed value is replaced where it
 * stands (with the comments that describe it: the one after it on its line, and the comment lines right above its
 * key), a new key is added where `cxmap fmt` would put it, a removed step's lines give way to a comment; every other
 * line, comment and alignment stays byte for byte. Each changed step gets a comment saying what changed and why.
 */
import { isCollection, isMap, isPair, isScalar, isSeq, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseOpportunityId, printable, type Calendar, type Distribution } from '../core/index.js';
import type { Next, ProcessMap, SourceMap, Step } from '../load/index.js';
import { STEP_KEYS } from './format.js';

/** What a step's change is put down to: a line per reason, shown in its comment. */
type Reasons = ReadonlyMap<string, readonly string[]>;

interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * A duration as the format writes it, in the map's own units: rounded to the whole minute when it is an hour or more,
 * to the whole second when it is a minute or more, else to a hundredth of a second; then in its largest unit when
 * that takes at most two decimals (`1.5d`, `45m`), else in whole units from the largest down (`2d2h40m`); `0` when
 * nothing is left. It reads back to the rounded value exactly.
 */
function durationText(seconds: number, calendar: Calendar): string {
  const units = [
    ['w', calendar.week],
    ['d', calendar.day],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const;
  const step = seconds >= 3600 ? 60 : seconds >= 60 ? 1 : 0.01;
  const rounded = +(Math.round(seconds / step) * step).toFixed(2);
  if (rounded === 0) return '0';
  const [unit, size] = units.find(([, size]) => rounded >= size) ?? units[units.length - 1]!;
  const single = String(+(rounded / size).toFixed(2));
  if (Number(single) * size === rounded) return `${single}${unit}`;
  let rest = rounded;
  let text = '';
  // Whole seconds from here on: anything shorter than a minute was written in its single unit above.
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      text += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return text;
}

/** The smallest step of a share as the format writes it: a hundredth of a percent. */
const SHARE_STEPS = 10_000;

/**
 * Shares as percents with at most two decimals (`73.33%`), rounded together so that they add up to what they add up
 * to (to the hundredth of a percent): each is rounded down, and the hundredths left go to the largest remainders
 * (the first of equals). One share alone is simply rounded.
 */
function percents(shares: readonly number[]): string[] {
  const exact = shares.map((x) => x * SHARE_STEPS);
  // A hair below a whole step (0.29 is 2899.9999999999995 hundredths) is that step, not the one below.
  const steps = exact.map((x) => Math.floor(x + 1e-9));
  const left = Math.round(exact.reduce((a, b) => a + b, 0)) - steps.reduce((a, b) => a + b, 0);
  const byRemainder = steps.map((_, k) => k).sort((a, b) => exact[b]! - steps[b]! - (exact[a]! - steps[a]!) || a - b);
  for (const k of byRemainder.slice(0, Math.max(0, left))) steps[k]!++;
  return steps.map((n) => `${n / 100}%`);
}

/** A share as the format writes it: a percent with at most two decimals. */
const ratioValue = (x: number): string => percents([x])[0]!;

/** A fixed duration as written (0 as a number); other distributions are never written back, only compared. */
function distributionValue(d: Distribution, calendar: Calendar): unknown {
  if (d.kind !== 'fixed') return d;
  const text = durationText(d.value, calendar);
  return text === '0' ? 0 : text;
}

function nextValue(next: Next, steps: readonly Step[]): unknown {
  switch (next.kind) {
    case 'end':
      return undefined;
    case 'all':
      return { all: next.branches.map((b) => steps[b]!.id) };
    case 'choice': {
      const chances = percents(next.choices.map((c) => c.chance));
      if (next.choices.length === 1 && chances[0] === '100%') return steps[next.choices[0]!.to]!.id;
      return next.choices.map((c, k) => ({
        to: steps[c.to]!.id,
        chance: chances[k],
        ...(c.label === undefined ? {} : { label: c.label }),
      }));
    }
  }
}

/** The keys of a step that can differ between two versions of a map, as the format writes them. */
function fieldsOf(step: Step, map: ProcessMap): Record<string, unknown> {
  const cal = map.process.calendar;
  return {
    name: step.name,
    stage: step.stage,
    actor: step.actor.id,
    channel: step.channel,
    wait: distributionValue(step.wait, cal),
    work: distributionValue(step.work, cal),
    asks: step.asks,
    verifies: step.verifies,
    tells: step.tells,
    ca: ratioValue(step.ca),
    cost: step.cost,
    value: step.value,
    feeling: step.feeling,
    fails: step.fails,
    momentOfTruth: step.momentOfTruth,
    physical: step.physical || undefined,
    locked: step.locked,
    independent: step.independent || undefined,
    milestone: step.milestone,
    basis: step.basis,
    evidence: step.evidence.length === 0 ? undefined : step.evidence.length === 1 ? step.evidence[0] : step.evidence,
    outcome: step.outcome,
    note: step.note,
    next: nextValue(step.next, map.steps),
  };
}

/**
 * Whether two versions of a map write the same steps: equal in everything, with the values the writer rounds
 * (chances, %C&A, fixed durations) compared as written. A written map reads back so, and only so.
 */
export function writesAlike(a: ProcessMap, b: ProcessMap): boolean {
  const written = (map: ProcessMap) => JSON.stringify(map.steps.map((s) => ({ ...s, ...fieldsOf(s, map) })));
  return written(a) === written(b);
}

/** Comments are one line each, whatever the names hold, and hold nothing a terminal or the loader refuses. */
const oneLine = (s: string) => printable(s).replace(/\s+/g, ' ');
/** A value in the flow style of the examples: `[a, b]`, `{ to: x, chance: 80% }`. */
function flowText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${flowText(v)}`)
      .join(', ')} }`;
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The keys that differ for every step of `before` that `after` changed; `removed` for the steps it dropped. */
export function stepChanges(before: ProcessMap, after: ProcessMap): Map<string, string[] | 'removed'> {
  const afterById = new Map(after.steps.map((s) => [s.id, s]));
  const changes = new Map<string, string[] | 'removed'>();
  for (const old of before.steps) {
    const now = afterById.get(old.id);
    if (!now) {
      changes.set(old.id, 'removed');
      continue;
    }
    const was = fieldsOf(old, before);
    const is = fieldsOf(now, after);
    const changed = Object.keys(is).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]));
    if (changed.length > 0) changes.set(old.id, changed);
  }
  return changes;
}

/** A distribution as the format writes it: `2d`, `1d..3d`, `{ min: 1d, likely: 2d, max: 5d }`, a queue by its mean. */
function distributionText(d: Distribution, calendar: Calendar): string {
  const t = (x: number) => durationText(x, calendar);
  switch (d.kind) {
    case 'fixed':
      return t(d.value);
    case 'uniform':
      return `${t(d.min)}..${t(d.max)}`;
    case 'triangular':
      return `{ min: ${t(d.min)}, likely: ${t(d.likely)}, max: ${t(d.max)} }`;
    case 'queue':
      return `a queue of ${d.queue} (${t(d.queue / d.perSecond)} on average)`;
  }
}

/**
 * For each step of `before` that `after` changed, each changed key with its value before and after, as written
 * (`changes`: the steps' changed keys, when the caller has them already).
 */
export function changedValues(
  before: ProcessMap,
  after: ProcessMap,
  changes: ReturnType<typeof stepChanges> = stepChanges(before, after),
): Map<string, { key: string; before: string; after: string }[]> {
  const beforeById = new Map(before.steps.map((s) => [s.id, s]));
  const afterById = new Map(after.steps.map((s) => [s.id, s]));
  const text = (key: string, step: Step, map: ProcessMap) => {
    if (key === 'wait' || key === 'work') return distributionText(step[key], map.process.calendar);
    const value = fieldsOf(step, map)[key];
    return value === undefined ? '(none)' : flowText(value);
  };
  const out = new Map<string, { key: string; before: string; after: string }[]>();
  for (const [id, keys] of changes) {
    if (keys === 'removed') continue;
    const was = beforeById.get(id)!;
    const now = afterById.get(id)!;
    out.set(
      id,
      keys.map((key) => ({ key, before: text(key, was, before), after: text(key, now, after) })),
    );
  }
  return out;
}

/** Writes `after` (a changed copy of `before`, which was loaded from `source`) back into the source's text. */
export function rewrite(
  { doc, text }: Pick<SourceMap, 'doc' | 'text'>,
  before: ProcessMap,
  after: ProcessMap,
  reasons: Reasons,
  header: readonly string[],
): string {
  const stepNodes = (doc.get('steps', true) as { items: YAMLMap[] }).items;
  const lineStart = (pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
  const lineEnd = (pos: number) => {
    const end = text.indexOf('\n', pos);
    return end < 0 ? text.length : end + 1;
  };
  const contentEnd = (node: Node) => {
    let end = node.range![1];
    while (end > node.range![0] && /\s/.test(text[end - 1]!)) end--;
    return end;
  };
  const dashOf = (node: YAMLMap) => text.lastIndexOf('-', node.range![0]);
  const splices: Splice[] = [];
  const afterById = new Map(after.steps.map((s) => [s.id, s]));
  const changes = stepChanges(before, after);

  // The i-th step of the map is the i-th item of the YAML's `steps` list: the loader keeps the written order and
  // numbers steps by it, and a changed copy keeps every step's id, so `stepNodes[i]` is the node of `old`.
  before.steps.forEach((old, i) => {
    const changed = changes.get(old.id);
    if (!changed) return;
    const node = stepNodes[i]!;
    const dash = dashOf(node);
    const indent = text.slice(lineStart(dash), dash);
    const why = reasons.get(old.id) ?? [];
    if (changed === 'removed') {
      splices.push({
        start: lineStart(dash),
        end: lineEnd(contentEnd(node) - 1),
        text: `${indent}# cxmap improve: removed step \`${old.id}\` (${oneLine(old.name)})${why.length ? `: ${oneLine(why.join('; '))}` : ''}\n`,
      });
      return;
    }
    const is = fieldsOf(afterById.get(old.id)!, after);
    for (const key of changed) {
      const value = is[key];
      if (value === undefined || ((key === 'wait' || key === 'work') && typeof value === 'object'))
        throw new Error(`cannot write \`${key}\` of step \`${old.id}\` back`);
      const pair = node.items.find((p): p is Pair<Node, Node> => isPair(p) && isScalar(p.key) && p.key.value === key);
      splices.push(...(pair ? replaceValue(pair, value) : [addKey(node, key, value)]));
    }
    splices.push({
      start: lineStart(dash),
      end: lineStart(dash),
      text: `${indent}# cxmap improve: ${changed.join(', ')} changed${why.length ? `: ${oneLine(why.join('; '))}` : ''}\n`,
    });
  });

  // An effort estimate or a lever size named after a removed step names nothing in the to-be map: it goes with it.
  const removed = new Set([...changes].flatMap(([id, keys]) => (keys === 'removed' ? [id] : [])));
  for (const section of ['effort', 'levers']) {
    const pair =
      doc.contents && isMap(doc.contents)
        ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === section)
        : undefined;
    if (!pair || !isMap(pair.value)) continue;
    const entries = pair.value.items.filter((p) => isScalar(p.key));
    const kept = entries.filter(
      (p) => !parseOpportunityId(String((p.key as { value: unknown }).value)).steps.some((id) => removed.has(id)),
    );
    const gone = entries
      .filter((p) => !kept.includes(p))
      .map((p) => `\`${String((p.key as { value: unknown }).value)}\``);
    if (gone.length === 0) continue;
    if (kept.length > 0)
      splices.push(
        ...replaceValue(
          pair as Pair<Node, Node>,
          Object.fromEntries(
            kept.map((p) => [String((p.key as { value: unknown }).value), (p.value as Node).toJSON()]),
          ),
        ),
      );
    else
      splices.push({
        start: lineStart((pair.key as Node).range![0]),
        end: lineEnd(contentEnd(pair.value) - 1),
        text: `# cxmap improve: removed \`${section}:\` of ${gone.join(', ')}, whose step was removed\n`,
      });
  }

  /**
   * The new value in place of the old one. The comments that describe the old value go with it: the comment after it
   * on its last line (only spaces between), and the comment lines right above its key at the key's indentation.
   */
  function replaceValue(pair: Pair<Node, Node>, value: unknown): Splice[] {
    const old = pair.value!;
    const colon = text.indexOf(':', pair.key.range![1]) + 1;
    const valueEnd = contentEnd(old);
    const end = valueEnd + (/^[ \t]+#[^\r\n]*/.exec(text.slice(valueEnd, lineEnd(valueEnd)))?.[0].length ?? 0);
    const above = commentsAbove(pair.key);
    // A block list stays a block list, indented as it was.
    if (Array.isArray(value) && value.length > 0 && isSeq(old) && !old.flow) {
      const indent = text.slice(lineStart(old.range![0]), old.range![0]);
      return [{ start: colon, end, text: value.map((v) => `\n${indent}- ${flowText(v)}`).join('') }, ...above];
    }
    if (isCollection(old) && !old.flow) return [{ start: colon, end, text: ` ${flowText(value)}` }, ...above];
    return [{ start: old.range![0], end, text: flowText(value) }, ...above];
  }

  /**
   * The comment lines right above a key that starts its line, at its indentation, each removed; a `# cxmap-disable`
   * directive among them stays (it is about the line, not the value).
   */
  function commentsAbove(key: Node): Splice[] {
    const at = key.range![0];
    const indent = text.slice(lineStart(at), at);
    const gone: Splice[] = [];
    if (!/^ *$/.test(indent)) return gone;
    for (let line = lineStart(at); line > 0; line = lineStart(line - 1)) {
      const above = text.slice(lineStart(line - 1), line);
      if (!above.startsWith(`${indent}#`)) break;
      if (!/^\s*#\s*cxmap-disable/.test(above)) gone.push({ start: lineStart(line - 1), end: line, text: '' });
    }
    return gone;
  }

  /** A new key goes where `cxmap fmt` would put it: before the first key that comes after it in the format. */
  function addKey(node: YAMLMap, key: string, value: unknown): Splice {
    const rank = (k: string) => (STEP_KEYS.includes(k) ? STEP_KEYS.indexOf(k) : STEP_KEYS.length);
    const pairs = node.items as Pair<Node, Node>[];
    const before = pairs.find((p) => isScalar(p.key) && rank(String(p.key.value)) > rank(key));
    const entry = `${key}: ${flowText(value)}`;
    if (node.flow) {
      if (before) return { start: before.key.range![0], end: before.key.range![0], text: `${entry}, ` };
      const last = pairs[pairs.length - 1]!;
      const end = contentEnd(last.value ?? last.key);
      return { start: end, end, text: `, ${entry}` };
    }
    const first = pairs[0]!.key;
    const indent = ' '.repeat(first.range![0] - lineStart(first.range![0]));
    if (before) {
      // Above the comment lines that belong to the key it goes before.
      let at = lineStart(before.key.range![0]);
      while (at > 0 && /^\s*#/.test(text.slice(lineStart(at - 1), at))) at = lineStart(at - 1);
      return { start: at, end: at, text: `${indent}${entry}\n` };
    }
    const last = pairs[pairs.length - 1]!;
    const at = lineEnd(contentEnd(last.value ?? last.key) - 1);
    return { start: at, end: at, text: `${text[at - 1] === '\n' ? '' : '\n'}${indent}${entry}\n` };
  }

  if (header.length > 0 && isMap(doc.contents)) {
    const at = lineStart(doc.contents.range![0]);
    splices.push({ start: at, end: at, text: `${header.map((line) => `# ${oneLine(line)}\n`).join('')}\n` });
  }
  // The text is put together once, front to back, from the unchanged runs and the splices (their offsets are those
  // of the text as read). At the same start an insertion comes before a replacement, and insertions at one place
  // come in the reverse of the order they were made. Splices never overlap: each touches one value (and the comment
  // after it), one comment line above a key, one key's line, or one step's lines.
  const pieces: string[] = [];
  let at = 0;
  const ordered = splices.map((s, order) => ({ ...s, order }));
  for (const s of ordered.sort((a, b) => a.start - b.start || a.end - b.end || b.order - a.order)) {
    pieces.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
