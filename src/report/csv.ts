/**
 * The report's tables as CSV files a consultant opens in a spreadsheet: the steps (every per-step figure and its
 * verdict), the opportunities (their savings as ranges, effort, the assumption they rest on) and the scorecard.
 * Figures are plain numbers in the unit their column names (days of the map's calendar, hours, percent, the map's
 * currency), so that a spreadsheet can sum and chart them; the text is what the report says.
 *
 * The files follow RFC 4180 (comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line end) and start with a byte-order mark, without which Excel reads UTF-8 as its local code page (`€` and
 * accented names garbled). A text cell that a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) is
 * written with an apostrophe before it (OWASP's advice on CSV injection): a map's text never runs in the client's
 * spreadsheet.
 */
import { dayWords, isWorkingCalendar, mean, printable } from '../core/index.js';
import { METRICS, metric, type ExactAnalysis, type MetricId, type Unit } from '../analysis/index.js';
import { assumption, isRecommended, type Ranked, type Ranking } from '../rules/index.js';
import { plainText } from './document.js';
import { YEARLY_SAVINGS } from './savings.js';

export type Field = string | number | null | undefined;

/** A number as a spreadsheet reads it: a point for decimals, no thousands separator, at most `digits` decimals. */
const num = (x: number | null | undefined, digits = 3): Field =>
  x === null || x === undefined ? '' : Number(x.toFixed(digits)) + 0;

function field(value: Field): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@]/.test(printable(value)) ? `'${printable(value)}` : printable(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as the text of a CSV file. */
export const csvText = (rows: readonly (readonly Field[])[]) =>
  `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;

export interface CsvFile {
  /** What the file holds, the last part of its name: `<map>.<name>.csv`. */
  name: 'steps' | 'opportunities' | 'scorecard';
  text: string;
}

/** The three tables of a map's report as CSV. */
export function csvFiles(analysis: ExactAnalysis, ranking: Ranking): CsvFile[] {
  return [
    { name: 'scorecard', text: csvText(scorecardRows(analysis)) },
    { name: 'steps', text: csvText(stepRows(analysis)) },
    { name: 'opportunities', text: csvText(opportunityRows(analysis, ranking)) },
  ];
}

/** A figure of a unit as the spreadsheet gets it, and the unit its column or row names. */
function converter(analysis: ExactAnalysis) {
  const { calendar, currency } = analysis.map.process;
  // A column names its days shortly; the scorecard's unit column says what they are.
  const days = isWorkingCalendar(calendar) ? 'working days' : 'days';
  const units: Record<Unit, { unit: string; of: (x: number) => Field }> = {
    duration: { unit: `d: ${dayWords(calendar)}`, of: (x) => num(x / calendar.day) },
    percent: { unit: '%', of: (x) => num(100 * x, 2) },
    count: { unit: 'per customer', of: (x) => num(x) },
    amount: { unit: '', of: (x) => num(x, 1) },
    money: { unit: currency ?? '', of: (x) => num(x, 2) },
  };
  return {
    days,
    units,
    d: (seconds: number) => num(seconds / calendar.day),
    h: (seconds: number) => num(seconds / 3600),
  };
}

function scorecardRows(analysis: ExactAnalysis): Field[][] {
  const { units } = converter(analysis);
  const rows: Field[][] = [['Metric', 'Value', 'Unit', 'Target', 'Target met']];
  for (const m of METRICS.filter((m) => m.table)) {
    const value = m.of(analysis);
    if (value === undefined) continue;
    const target = analysis.targets.find((t) => t.metric === m.id);
    const { unit, of } = units[m.unit];
    rows.push([m.label, of(value), unit, target ? of(target.target) : '', target ? (target.met ? 'yes' : 'no') : '']);
  }
  return rows;
}

function stepRows(analysis: ExactAnalysis): Field[][] {
  const { map, scores, time, effort } = analysis;
  const { days, d, h } = converter(analysis);
  const rows: Field[][] = [
    [
      'Step id',
      'Step',
      'Stage',
      'Lane',
      'Actor',
      `Wait, ${days}`,
      'Work, hours',
      'Visits per case',
      'Share of the lead time, %',
      'Value for the customer, 0-100',
      'Verdict',
      `Dark wait, ${days}`,
      'Asked again',
      'Fail point',
      'Moment of truth',
      'Why',
    ],
  ];
  map.steps.forEach((s, i) => {
    const score = scores[i]!;
    rows.push([
      s.id,
      s.name,
      s.stage ?? '',
      s.actor.kind,
      s.actor.name,
      d(mean(s.wait)),
      h(mean(s.work)),
      num(time.visits[i]),
      num(100 * score.delayShare, 2),
      score.value,
      score.verdict,
      d(effort.darkWait[i]!),
      effort.reAsked[i]!.join('; '),
      s.fails ?? '',
      s.momentOfTruth ? 'yes' : '',
      plainText(score.reasons.join('; ')),
    ]);
  });
  return rows;
}

/** The savings a change makes, low and high end of its levers' sizes: positive is better for the customer. */
const SAVINGS = ['leadTime', 'successRate', 'darkTime', 'customerEffort'] as const satisfies readonly MetricId[];

function opportunityRows(analysis: ExactAnalysis, ranking: Ranking): Field[][] {
  const { units, days } = converter(analysis);
  const steps = new Map(analysis.map.steps.map((s) => [s.id, s.name]));
  const saved = SAVINGS.map((key) => {
    const m = metric(key);
    const { unit, of } = units[m.unit];
    const named = m.unit === 'duration' ? days : unit === '%' ? 'points' : unit;
    const label = `${m.label} ${m.better === 'lower' ? 'saved' : 'gained'}, ${named}`;
    return { label, of: (r: Ranked, end: 'low' | 'high') => of(r[end].saving[key]) };
  });
  // The yearly savings the report names, each in the unit of its figure: "Cost saved a year, EUR".
  const yearly = YEARLY_SAVINGS.map(([key, words, id]) => {
    const { unit: named, of } = units[metric(id).unit];
    const label = `${words.charAt(0).toUpperCase()}${words.slice(1)} saved a year`;
    return {
      label: named ? `${label}, ${named}` : label,
      of: (r: Ranked, end: 'low' | 'high') => {
        const x = r[end].yearly[key];
        return x === null ? '' : of(x);
      },
    };
  });
  const money = units.money;
  const head: Field[] = [
    'Rank',
    'Opportunity',
    'Recommended',
    'Matrix',
    'Value, 0-5',
    'Effort, 0-5',
    'Effort from',
    ...[...saved, ...yearly].flatMap((c) => [`${c.label} (low)`, `${c.label} (high)`]),
    `One-off cost (low)${money.unit ? `, ${money.unit}` : ''}`,
    `One-off cost (high)${money.unit ? `, ${money.unit}` : ''}`,
    'Needs the agreement of',
    'Assumes',
    'Steps',
    'Why',
  ];
  return [
    head,
    ...ranking.ranked.map((r, k) => [
      k + 1,
      plainText(r.opportunity.title),
      isRecommended(r) ? 'yes' : 'no',
      r.quadrant,
      num(r.value, 2),
      r.effort,
      r.effortFrom,
      ...[...saved, ...yearly].flatMap((c) => [c.of(r, 'low'), c.of(r, 'high')]),
      r.oneOff ? money.of(r.oneOff.low) : '',
      r.oneOff ? money.of(r.oneOff.high) : '',
      r.needs.join('; '),
      plainText(assumption(r.sizes, false)),
      r.opportunity.steps.map((id) => steps.get(id) ?? id).join('; '),
      plainText(r.opportunity.why),
    ]),
  ];
}
