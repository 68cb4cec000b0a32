/**
 * The terminal view of `cxmap score`: the process scorecard, then the steps sorted by the delay they cause. Every
 * text that comes from the map (names, the file, the currency, the reasons that quote a fail point) is made
 * printable before it is coloured, so that no escape sequence of the map reaches the terminal.
 */
import { Chalk } from 'chalk';
import { counted, formatDuration, printable } from '../core/index.js';
import {
  metric as metricOf,
  milestoneFigures,
  METRICS,
  show,
  type Analysis,
  type Metric,
  type SegmentedAnalysis,
  type Verdict,
  type TargetGap,
  type TargetMetric,
} from '../analysis/index.js';
import { unitsNote } from './units.js';

interface ScorecardOptions {
  colorLevel: 0 | 1 | 2 | 3;
  /** Terminal width: the reason column is cut to fit. Unlimited when not a terminal. */
  width?: number;
  /** A map with segments: its figures per segment beside the blend, in place of the figures of the map as written. */
  segments?: SegmentedAnalysis;
}

const percent = (x: number) => show('percent', x);
const count = (x: number) => show('count', x);

export function scorecard(analysis: Analysis, file: string, options: ScorecardOptions): string {
  const c = new Chalk({ level: options.colorLevel });
  const { map, time, effort, simulation } = analysis;
  const cal = map.process.calendar;
  const d = (s: number) => formatDuration(s, cal);
  const showTarget = (metric: TargetMetric, x: number) => show(metricOf(metric).unit, x, map.process);
  const target = (metric: TargetMetric, targets: readonly TargetGap[] = analysis.targets) => {
    const t = targets.find((x) => x.metric === metric);
    if (!t) return '';
    return `   target ${showTarget(metric, t.target)} ${t.met ? c.green('✔ met') : c.red(`✖ ${metric === 'leadTime' ? `${d(Math.abs(t.gap))} over` : `${percent(Math.abs(t.gap))} short`}`)}`;
  };
  if (options.segments) {
    const head = [
      c.bold(printable(map.process.name)) + c.dim(`  ${printable(file)}`),
      `${c.dim('Customer')} ${printable(map.process.customer)}   ${c.dim('Goal')} ${printable(map.process.goal)}`,
      c.dim(printable(unitsNote(analysis))),
      '',
    ];
    const steps = c.dim('  Steps as the map writes them, before what differs for each segment:');
    return `${[...head, segmentTable(analysis, options.segments, c), '', steps, stepTable(analysis, c, options.width)].join('\n')}\n`;
  }
  const lt = time.leadTime;
  const labelWidth = Math.max(16, ...analysis.benchmarks.map((b) => printable(b.name).length + 5));
  const lines = [
    c.bold(printable(map.process.name)) + c.dim(`  ${printable(file)}`),
    `${c.dim('Customer')} ${printable(map.process.customer)}   ${c.dim('Goal')} ${printable(map.process.goal)}`,
    c.dim(printable(unitsNote(analysis))),
    '',
    row(
      'Lead time',
      `${c.bold(d(lt))}  ${c.dim(`p50 ${d(simulation.p50)} · p85 ${d(simulation.p85)} · p95 ${d(simulation.p95)}`)}${target('leadTime')}`,
    ),
    ...milestoneFigures(analysis).map((m, k) =>
      row(
        k === 0 ? 'Milestones' : '',
        `${printable(m.name)} ${c.bold(d(m.mean))}${m.percentiles ? `  ${c.dim(`p50 ${d(m.percentiles.p50)} · p85 ${d(m.percentiles.p85)} · p95 ${d(m.percentiles.p95)}`)}` : ''}${m.reached < 1 - 5e-4 ? c.dim(` · ${percent(m.reached)} get there`) : ''}`,
      ),
    ),
    row(
      'Process time',
      `${d(time.processTime)}  ${c.dim('activity ratio')} ${percent(time.activityRatio)}  ${c.dim('waiting')} ${percent(time.waitShare)}`,
    ),
    row('Value-added', `${d(time.valueAdded)}  ${c.dim('PCE')} ${c.bold(percent(time.pce))}${target('pce')}`),
    row('Success rate', `${percent(time.successRate)}${target('successRate')}`),
    row('Rolled %C&A', percent(time.rolledCA)),
    row(
      'Customer effort',
      `${d(effort.customerEffort)} of their own work, ${effort.contacts.length} people and systems to deal with`,
    ),
    row(
      'Effort drivers',
      [
        `${count(effort.channelSwitches.total)} channel switches`,
        `${count(effort.repeatContacts.total)} repeat contacts`,
        `${count(effort.transfers.total)} transfers`,
        `${count(effort.handoffs.total)} handoffs`,
        `${count(effort.reAsks.total)} items asked again`,
        counted(effort.reworkLoops.length, 'rework loop'),
      ].join(c.dim(' · ')),
    ),
    row('Dark time', `${d(effort.darkTime.total)} waiting without news`),
    // The stages that set targets: the time in each and the share who get through it, against them.
    ...analysis.stageTargets.map((st, k) =>
      row(
        k === 0 ? 'Stages' : '',
        `${printable(st.stage)} ${c.bold(d(st.leadTime))}${target('leadTime', st.targets)}  ${c.dim('through')} ${percent(st.successRate)}${target('successRate', st.targets)}`,
      ),
    ),
    ...businessRows(),
  ];
  for (const b of analysis.benchmarks) {
    const word =
      b.metric === 'leadTime'
        ? b.matched
          ? 'as fast or faster'
          : `${b.ratio.toFixed(1)}× as long`
        : b.matched
          ? 'matched'
          : 'behind';
    lines.push(
      row(
        `vs ${printable(b.name)}`,
        `${showTarget(b.metric, b.value)} ${b.metric === 'leadTime' ? '' : `${b.metric} `}${b.matched ? c.green(word) : c.red(word)}`,
      ),
    );
  }
  lines.push('', stepTable(analysis, c, options.width));
  return `${lines.join('\n')}\n`;

  /** The business case, when the map gives a volume or costs: per case, then a year. */
  function businessRows(): string[] {
    const { costPerCase, yearly, uncosted } = analysis.business;
    const amount = (x: number) => show('amount', x);
    const money = (x: number) => printable(show('money', x, map.process));
    // Staff hours are the company's own people; partners' and systems' hours are said apart.
    const hours = (figures: typeof analysis.business | NonNullable<typeof yearly>) => [
      `${amount(figures.staffHours)} staff hours`,
      ...(figures.partnerHours === undefined
        ? []
        : [
            `${amount(figures.partnerHours)} partner hours${figures.partnerCost === undefined ? '' : ` costing ${money(figures.partnerCost)}`}`,
          ]),
      // A system that takes no recorded time is no figure to read.
      ...(figures.systemHours ? [`${amount(figures.systemHours)} system hours`] : []),
    ];
    const perCase = `${costPerCase === undefined ? '' : `${c.bold(money(costPerCase))} to serve a case, `}${hours(analysis.business).join(', ')}`;
    const missing = uncosted.length > 0 ? c.dim(` · no cost given for ${printable(uncosted.join(', '))}`) : '';
    if (!yearly) return costPerCase === undefined ? [] : [row('Business case', `${perCase} a case`)];
    const year = [
      ...(yearly.cost === undefined ? [] : [`cost ${c.bold(money(yearly.cost))}`]),
      ...hours(yearly),
      `${amount(yearly.customerDays)} customer days`,
      // The customers' own work is time; what it is worth only beside it, when the map values their hour.
      `${amount(yearly.customerHours)} hours of the customers' own work${yearly.customerCost === undefined ? '' : `, worth ${money(yearly.customerCost)}`}`,
    ].join(c.dim(' · '));
    return [
      row('Business case', `${perCase} a case${missing}`),
      row('', `${amount(yearly.volume)} cases a year: ${year}`),
    ];
  }

  function row(label: string, text: string) {
    return `  ${c.dim(label.padEnd(labelWidth))}${text}`;
  }
}

/**
 * The figures of a map with segments, as `cxmap score` and the report show them: a column for the blend, then one
 * per segment (its name and share); a row per figure of the scorecard and per simulated figure, each as text in the
 * map's units. A figure that is not blended (a count of distinct things) shows a dash in the blend. Text is as the
 * map writes it: each output makes it safe for its own medium.
 */
export function segmentFigures(
  analysis: Analysis,
  segmented: SegmentedAnalysis,
): { columns: string[]; rows: string[][] } {
  const units = analysis.map.process;
  const columns = [
    { head: 'Blend', value: (m: Metric) => segmented.blend[m.id] },
    ...segmented.segments.map((s) => ({
      head: `${s.segment.name} (${show('percent', s.segment.share)})`,
      value: (m: Metric) => m.of(s.analysis),
    })),
  ];
  const rows = METRICS.filter((m) => m.table || m.blend === 'simulated')
    .map((m) => ({ m, values: columns.map((col) => col.value(m)) }))
    .filter(({ values }) => values.some((x) => x !== undefined))
    .map(({ m, values }) => [m.label, ...values.map((x) => (x === undefined ? '–' : show(m.unit, x, units)))]);
  return { columns: columns.map((col) => col.head), rows };
}

/** The figures of a map with segments in the terminal: the names made printable, the figures set to the right. */
function segmentTable(analysis: Analysis, segmented: SegmentedAnalysis, c: InstanceType<typeof Chalk>): string {
  const figures = segmentFigures(analysis, segmented);
  const columns = figures.columns.map(printable);
  const rows = figures.rows.map((r) => r.map(printable));
  const widths = [
    Math.max(...rows.map((r) => r[0]!.length)),
    ...columns.map((head, k) => Math.max(head.length, ...rows.map((r) => r[k + 1]!.length))),
  ];
  const line = (cells: string[], style: (s: string) => string = (s) => s) =>
    `  ${style(cells[0]!.padEnd(widths[0]!))}${cells
      .slice(1)
      .map((x, k) => `  ${x.padStart(widths[k + 1]!)}`)
      .join('')}`;
  return [c.dim(line(['Segments', ...columns])), ...rows.map((r) => line(r, c.dim))].join('\n');
}

const VERDICT_COLOR: Record<Verdict, 'green' | 'yellow' | 'cyan' | 'magenta' | 'red'> = {
  keep: 'green',
  'speed up': 'yellow',
  streamline: 'cyan',
  rethink: 'magenta',
  remove: 'red',
};

function stepTable(analysis: Analysis, c: InstanceType<typeof Chalk>, width?: number): string {
  const { map, scores } = analysis;
  const order = map.steps.map((_, i) => i).sort((a, b) => scores[b]!.delayShare - scores[a]!.delayShare || a - b);
  const idWidth = Math.min(24, Math.max(4, ...map.steps.map((s) => s.id.length)));
  const head = `  ${'Step'.padEnd(idWidth)}  ${'Delay'.padStart(6)} ${''.padEnd(10)}  Value  ${'Verdict'.padEnd(10)}  Why`;
  const fixed = head.length - 3;
  const out = [c.dim(head)];
  for (const i of order) {
    const s = scores[i]!;
    const id = map.steps[i]!.id;
    const bar = '█'.repeat(Math.round(s.delayShare * 10)).padEnd(10, '·');
    let reason = printable(s.reasons[0] ?? '');
    if (width !== undefined && fixed + reason.length > width)
      reason = `${reason.slice(0, Math.max(10, width - fixed - 1))}…`;
    out.push(
      `  ${(id.length > idWidth ? `${id.slice(0, idWidth - 1)}…` : id).padEnd(idWidth)}  ${`${(100 * s.delayShare).toFixed(1)}%`.padStart(6)} ${c.yellow(bar)}  ${String(s.value).padStart(5)}  ${c[VERDICT_COLOR[s.verdict]](s.verdict.padEnd(10))}  ${c.dim(reason)}`,
    );
  }
  return out.join('\n');
}
