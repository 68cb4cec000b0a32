/**
 * A spreadsheet of steps (CSV, one row per step) turned into a map. The columns are documented in docs/import.md;
 * every row that cannot be read is reported with its row number (the header is row 1), and nothing is made
 * unless every row can be read.
 */
import { parse } from 'csv-parse/sync';
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { parseDistribution, parseRatio, closest, ID, slug } from '../core/index.js';
import { isBasis, LANES, type Lane, type ProcessInfo, type RawMap, type RawNext, type RawStep } from './types.js';

const COLUMNS = [
  'id',
  'name',
  'stage',
  'actor',
  'lane',
  'channel',
  'wait',
  'work',
  'value',
  'feeling',
  'asks',
  'tells',
  'ca',
  'fails',
  'basis',
  'evidence',
  'outcome',
  'note',
  'next',
] as const;
type Column = (typeof COLUMNS)[number];

interface RowProblem {
  row: number;
  message: string;
}

const list = (cell: string) =>
  cell
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

/** Reads the CSV; returns the map as a YAML document (not yet in the canonical order) or the problems, each with its row. */
export function importCsv(
  csv: string,
  info: ProcessInfo,
): { doc: Document; rows: number } | { problems: RowProblem[] } {
  if (csv.trim() === '')
    return {
      problems: [
        {
          row: 1,
          message: `the file is empty: its first row names the columns (${COLUMNS.join(', ')}), then one row per step`,
        },
      ],
    };
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true });
  } catch (error) {
    const e = error as Error & { records?: number; lines?: number };
    return {
      problems: [
        {
          row: (e.records ?? 0) + 1,
          message: `the CSV cannot be read here: ${e.message.replace(/^Invalid Record Length: /, '').replace(/^CSV_\w+: /, '')}`,
        },
      ],
    };
  }
  const header = records[0]!.map((h) => h.toLowerCase());
  const problems: RowProblem[] = [];
  header.forEach((h, k) => {
    const first = header.indexOf(h);
    if (first < k)
      problems.push({
        row: 1,
        message: `the column \`${h}\` is given twice, as columns ${first + 1} and ${k + 1}: keep one (cxmap would read only the first)`,
      });
    else if (!(COLUMNS as readonly string[]).includes(h)) {
      const near = closest(h, COLUMNS);
      problems.push({
        row: 1,
        message: `unknown column \`${h}\`${near ? ` (did you mean \`${near}\`?)` : ''}; the columns are ${COLUMNS.join(', ')}`,
      });
    }
  });
  for (const needed of ['name', 'actor'] as const)
    if (!header.includes(needed))
      problems.push({ row: 1, message: `the column \`${needed}\` is missing: every step needs one` });
  const rows = records.slice(1);
  if (rows.length === 0) problems.push({ row: 2, message: 'there are no steps: add a row per step under the header' });
  if (problems.length > 0) return { problems };

  const cell = (r: string[], c: Column) => r[header.indexOf(c)] ?? '';
  const actors = new Map<string, { kind: Lane; name: string }>();
  const stages: string[] = [];
  const ids = new Set<string>();
  const steps: { step: RawStep; next: string; row: number }[] = [];
  rows.forEach((r, i) => {
    const row = i + 2;
    const bad = (message: string) => problems.push({ row, message });
    const name = cell(r, 'name');
    if (!name) return void bad('the step has no name');
    const actorName = cell(r, 'actor');
    if (!actorName) return void bad(`\`${name}\` has no actor: say who does the step`);
    const actorId = slug(actorName);
    const lane = cell(r, 'lane').toLowerCase();
    const known = actors.get(actorId);
    if (lane && !(LANES as readonly string[]).includes(lane))
      bad(`the lane \`${lane}\` is not one of ${LANES.join(', ')}`);
    else if (!known && !lane)
      bad(`the lane of \`${actorName}\` is not given: the first row of an actor says its lane (${LANES.join(', ')})`);
    else if (known && lane && known.kind !== lane)
      bad(`\`${actorName}\` is in the ${known.kind} lane on an earlier row, not ${lane}`);
    else if (!known) actors.set(actorId, { kind: lane as Lane, name: actorName });
    const id = cell(r, 'id') || slug(name);
    if (!new RegExp(`^${ID}$`).test(id))
      bad(
        `the id \`${id}\` is not one a map takes: use lower-case letters, digits and dashes only, like \`${slug(id)}\``,
      );
    let unique = id;
    for (let n = 2; ids.has(unique); n++) unique = `${id}-${n}`;
    if (cell(r, 'id') && unique !== id) bad(`the id \`${id}\` is used on an earlier row`);
    ids.add(unique);
    const stage = cell(r, 'stage');
    if (stage && !stages.includes(stage)) stages.push(stage);
    const step: RawStep = { id: unique, name, ...(stage ? { stage } : {}), actor: actorId };
    const text = (c: Column, key: keyof RawStep) => {
      if (cell(r, c)) (step as unknown as Record<string, unknown>)[key] = cell(r, c);
    };
    text('channel', 'channel');
    for (const c of ['wait', 'work'] as const) {
      const v = cell(r, c);
      if (!v) continue;
      const parsed = parseDistribution(v);
      if (!parsed.ok) bad(`${c}: ${parsed.problem}`);
      else step[c] = v;
    }
    const value = cell(r, 'value').toLowerCase();
    if (value) {
      if (value === 'customer' || value === 'business' || value === 'waste') step.value = value;
      else bad(`value \`${value}\` is not customer, business or waste`);
    }
    const feeling = cell(r, 'feeling');
    if (feeling) {
      const f = Number(feeling);
      if (!Number.isInteger(f) || f < -2 || f > 2) bad(`feeling \`${feeling}\` is not a whole number from -2 to 2`);
      else step.feeling = f;
    }
    for (const c of ['asks', 'tells', 'evidence'] as const) if (cell(r, c)) step[c] = list(cell(r, c));
    const ca = cell(r, 'ca');
    if (ca) {
      const x = /^\d+(\.\d+)?%$/.test(ca) ? parseRatio(ca) : Number(ca);
      if (!(x >= 0 && x <= 1) || ca === '') bad(`ca \`${ca}\` is not a share such as 80% or 0.8`);
      else step.ca = /%$/.test(ca) ? ca : x;
    }
    text('fails', 'fails');
    const basis = cell(r, 'basis').toLowerCase();
    if (basis) {
      if (isBasis(basis)) step.basis = basis;
      else bad(`basis \`${basis}\` is not assumed, observed or measured`);
    }
    const outcome = cell(r, 'outcome').toLowerCase();
    if (outcome) {
      if (outcome === 'success' || outcome === 'failure') step.outcome = outcome;
      else bad(`outcome \`${outcome}\` is not success or failure`);
    }
    text('note', 'note');
    steps.push({ step, next: cell(r, 'next'), row });
  });

  // Where each step goes: the next row by default, `end`, a step (by id or name), or choices `a 80%; b 20%`.
  const byName = new Map(steps.map((s) => [s.step.name.toLowerCase(), s.step.id]));
  const target = (text: string, row: number): string | undefined => {
    const id = ids.has(text) ? text : byName.get(text.toLowerCase());
    if (!id) {
      const near = closest(text, ids);
      problems.push({
        row,
        message: `next: there is no step \`${text}\`${near ? ` (did you mean \`${near}\`?)` : ''}`,
      });
    }
    return id;
  };
  steps.forEach(({ step, next, row }, k) => {
    if (next === '') {
      if (k + 1 < steps.length && !step.outcome) step.next = steps[k + 1]!.step.id;
      return;
    }
    if (next.toLowerCase() === 'end') return;
    const parts = list(next);
    if (parts.length === 1 && !/\s\d+(\.\d+)?%$/.test(parts[0]!)) {
      step.next = target(parts[0]!, row);
      return;
    }
    const choices: Exclude<RawNext, string | { all: string[] }> = [];
    for (const part of parts) {
      const m = /^(.*\S)\s+(\d+(?:\.\d+)?%)$/.exec(part);
      if (!m) {
        problems.push({ row, message: `next: \`${part}\` needs its chance, such as \`${part} 30%\`` });
        continue;
      }
      const to = target(m[1]!, row);
      if (to) choices.push({ to, chance: m[2]! });
    }
    step.next = choices;
  });
  if (problems.length > 0) return { problems: problems.sort((a, b) => a.row - b.row) };

  const map: RawMap = {
    cxmap: 1,
    process: { ...info },
    actors: Object.fromEntries(actors),
    ...(stages.length ? { stages } : {}),
    steps: steps.map((s) => s.step),
  };
  const doc = new Document(map);
  // The flow style of the examples for the short collections: `asks: [name, income]`, `me: { kind: ..., name: ... }`,
  // `- { to: approve, chance: 80% }`.
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (['asks', 'tells', 'evidence', 'stages'].includes(key) && isSeq(pair.value)) pair.value.flow = true;
      if (key === 'next' && isSeq(pair.value)) pair.value.items.forEach((c) => isMap(c) && (c.flow = true));
      if (key === 'actors' && isMap(pair.value))
        pair.value.items.forEach((a) => isMap(a.value) && (a.value.flow = true));
    },
  });
  return { doc, rows: steps.length };
}
