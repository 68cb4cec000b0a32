/**
 * `cxmap check` on one map: the validation findings, the policies and opportunity rules the configuration turns
 * on, the regression gate against a baseline, and the inline suppressions, as one list of positioned findings.
 */
import picomatch from 'picomatch';
import { dirname, relative, resolve } from 'node:path';
import {
  type LoadedMap,
  type LoadedPortfolio,
  type ProcessMap,
  type LoadedConfig,
  type RawPortfolio,
  type RuleEntry,
} from '../load/index.js';
import { analyzeExact, type ExactAnalysis } from '../analysis/index.js';
import { formatDuration, finding, sortFindings, type Finding, type Severity } from '../core/index.js';
import { recommendedPreset, type RuleMeta } from './meta.js';
import { beatBenchmark, isRecommended, opportunities, RULES, scoreText } from './opportunities.js';
import { after, assumption, between } from './size.js';
import { checkPolicy, POLICIES, PORTFOLIO_POLICIES, type PortfolioFacts } from './policy/index.js';
import { suppress, unusedSuppression } from './suppress.js';
import type { Judgement } from './run.js';

const yamlWarning: RuleMeta = {
  id: 'yaml-warning',
  kind: 'format',
  description: 'YAML that the parser accepts with a warning (for example an unknown tag).',
  recommended: 'warn',
};

const unnamedActor: RuleMeta = {
  id: 'unnamed-actor',
  kind: 'format',
  description: 'An actor without a name: diagrams call it by its id until it gets one.',
  recommended: 'warn',
};

const unknownChannel: RuleMeta = {
  id: 'unknown-channel',
  kind: 'format',
  description:
    'A channel that is neither a standard one (or a word for one) nor declared under `channels:`: it counts as one the customer uses to reach the company.',
  recommended: 'warn',
};

const noCurrency: RuleMeta = {
  id: 'no-currency',
  kind: 'format',
  description:
    "Amounts of money (costs, the value of the customer's hour) without `process.currency`: every output shows them without a currency.",
  recommended: 'warn',
};

const unknownPersona: RuleMeta = {
  id: 'unknown-persona',
  kind: 'format',
  description:
    "A persona named by `process.persona` or a segment's `persona:` that the configuration's `personas:` does not define: it has no card.",
  recommended: 'warn',
};

const differsFromPortfolio: RuleMeta = {
  id: 'differs-from-portfolio',
  kind: 'format',
  description:
    'An actor or channel a map defines otherwise than the portfolio that lists it (`cxmap.portfolio.yaml`): the map uses its own, so the journeys count the same team differently.',
  recommended: 'warn',
};

/** Every rule `cxmap check` knows, in the order of the docs. */
export const CHECK_RULES: readonly RuleMeta[] = [
  yamlWarning,
  unnamedActor,
  unknownChannel,
  noCurrency,
  unknownPersona,
  differsFromPortfolio,
  ...POLICIES,
  ...PORTFOLIO_POLICIES,
  ...RULES,
  beatBenchmark,
  unusedSuppression,
];

/**
 * The recommended preset: the figures that make customers disloyal, as warnings with lenient limits; the map's
 * own targets as warnings; the regression gate as an error; opportunity rules off (they are advice, for
 * `cxmap report`).
 */
export const RECOMMENDED = recommendedPreset(CHECK_RULES);

export interface Setting {
  severity: Severity;
  option: unknown;
}

/** The rules on for one map: the preset, the rules, then every override whose globs match the map, in order. */
export function settingsFor(loaded: LoadedConfig, file: string): Map<string, Setting> {
  const { config } = loaded;
  const entries: Record<string, RuleEntry>[] = [
    config.extends === 'recommended' ? RECOMMENDED : {},
    config.rules ?? {},
  ];
  const path = relative(loaded.dir, file).split('\\').join('/');
  for (const o of config.overrides ?? []) if (picomatch(o.files, { dot: true })(path)) entries.push(o.rules ?? {});
  const settings = new Map<string, Setting>();
  for (const rules of entries) {
    for (const [id, entry] of Object.entries(rules)) {
      const [severity, option] = Array.isArray(entry) ? entry : [entry, undefined];
      if (severity === 'off') settings.delete(id);
      else
        settings.set(id, {
          severity: severity === 'warn' ? 'warning' : 'error',
          option: option ?? settings.get(id)?.option ?? CHECK_RULES.find((r) => r.id === id)!.option?.default,
        });
    }
  }
  return settings;
}

/** Every finding of one map. Validation errors cannot be turned off: a map that does not load is not checked further. */
export function checkMap(
  loaded: LoadedMap,
  settings: Map<string, Setting>,
  options: { judgement?: Judgement; baseline?: ProcessMap } = {},
): Finding[] {
  const found: Finding[] = [];
  for (const f of loaded.findings) {
    if (f.severity === 'error') found.push(f);
    else if (settings.has(f.code)) found.push({ ...f, severity: settings.get(f.code)!.severity });
  }
  if (loaded.map && loaded.source) {
    const source = loaded.source;
    const at = (id: string, message: string, path: readonly (string | number)[]) =>
      finding(id, message, source.at(path), settings.get(id)!.severity);
    const weights = options.judgement?.weights;
    const analysis = analyzeExact(loaded.map, { weights });
    const context = { baseline: options.baseline && analyzeExact(options.baseline, { weights }) };
    for (const policy of POLICIES) {
      const setting = settings.get(policy.id);
      if (setting)
        for (const f of checkPolicy(policy, analysis, setting.option, context))
          found.push(at(policy.id, f.message, f.path));
    }
    found.push(...opportunityFindings(analysis, settings, at, options.judgement));
  }
  return sortFindings(
    loaded.source
      ? suppress(
          found,
          loaded.source.text,
          settings.get('unused-suppression')?.severity,
          CHECK_RULES.map((r) => r.id),
        )
      : found,
  );
}

/**
 * The figures a portfolio's policies read: each journey that loads, analysed as `checkMap` analyses it, with its
 * entry under `journeys:`. Undefined for a portfolio file with errors.
 */
export function portfolioFacts(loaded: LoadedPortfolio, judgement?: Judgement): PortfolioFacts | undefined {
  if (!loaded.portfolio || !loaded.source) return undefined;
  const entries = (loaded.source.doc.toJS() as RawPortfolio).journeys.map((e) => resolve(dirname(loaded.file), e));
  return {
    name: loaded.portfolio.name,
    journeys: loaded.journeys.flatMap((j) =>
      j.map
        ? [
            {
              entry: entries.indexOf(resolve(j.file)),
              file: j.file,
              analysis: analyzeExact(j.map, { weights: judgement?.weights }),
            },
          ]
        : [],
    ),
  };
}

/**
 * The findings of a portfolio file (its journeys are checked as maps, each in its own file): its own, and those of
 * the portfolio's policies the settings turn on; with `baseline`, the portfolio and its maps at `ref`.
 */
export function checkPortfolio(
  loaded: LoadedPortfolio,
  settings: Map<string, Setting>,
  options: { judgement?: Judgement; baseline?: PortfolioFacts; ref?: string } = {},
): Finding[] {
  const found = loaded.findings.flatMap((f) =>
    f.severity === 'error' ? [f] : settings.has(f.code) ? [{ ...f, severity: settings.get(f.code)!.severity }] : [],
  );
  const facts = portfolioFacts(loaded, options.judgement);
  const source = loaded.source;
  if (facts && source)
    for (const policy of PORTFOLIO_POLICIES) {
      const setting = settings.get(policy.id);
      if (setting)
        for (const f of policy.check(facts, setting.option, { baseline: options.baseline, ref: options.ref }))
          found.push(finding(policy.id, f.message, source.at(f.path), setting.severity));
    }
  return sortFindings(
    source
      ? suppress(
          found,
          source.text,
          settings.get('unused-suppression')?.severity,
          CHECK_RULES.map((r) => r.id),
        )
      : found,
  );
}

/**
 * The opportunities of the rules the settings turn on, one finding per place (a lever's places each get one, with
 * what the lever saves as a whole), and beat-benchmark's gap with what the recommended changes do to it.
 */
function opportunityFindings(
  analysis: ExactAnalysis,
  settings: Map<string, Setting>,
  at: (id: string, message: string, path: readonly (string | number)[]) => Finding,
  judgement?: Judgement,
): Finding[] {
  const rules = RULES.filter((r) => settings.has(r.id));
  const gaps = settings.has(beatBenchmark.id) ? beatBenchmark.gaps(analysis) : [];
  if (rules.length === 0 && gaps.length === 0) return [];
  const { map } = analysis;
  // beat-benchmark weighs the recommended changes of every rule, whichever are on.
  const ranking = opportunities(analysis, gaps.length > 0 ? RULES : rules, judgement?.efforts, judgement?.levers);
  const found: Finding[] = [];
  const stepPath = (id: string) => {
    const step = map.steps.findIndex((s) => s.id === id);
    return step >= 0 ? ['steps', step, 'id'] : ['process', 'name'];
  };
  const lead = (x: number) => formatDuration(x, map.process.calendar);
  const shown = [...ranking.ranked, ...ranking.alternatives.map((a) => a.ranked)];
  for (const r of shown.filter((x) => settings.has(x.opportunity.rule))) {
    const o = r.opportunity;
    const places = o.parts ?? [o];
    const saves =
      r.saving.leadTime > 0
        ? `saves ${between(lead(r.low.saving.leadTime), lead(r.high.saving.leadTime))} of lead time${r.sizes.length ? ` with ${assumption(r.sizes)}` : ''}, `
        : '';
    const together = places.length > 1 ? `with the other ${places.length - 1} places like it, ` : '';
    for (const part of places)
      found.push(
        at(
          o.rule,
          `${part.title}: ${part.why}; ${together}${saves}${scoreText(r)} (${o.id})`,
          stepPath(part.steps[0]!),
        ),
      );
  }
  const recommended = ranking.ranked.filter(isRecommended);
  const all = ranking.together ?? recommended[0];
  if (gaps.length > 0 && all) {
    const n = recommended.length;
    found.push(
      at(
        beatBenchmark.id,
        `the process misses ${gaps.join('; ')}: the ${n === 1 ? 'one recommended change takes' : `${n} recommended changes together take`} the lead time from ${lead(all.before.leadTime)} to ${after(all, (o) => o.after.leadTime, lead)}`,
        ['process', 'name'],
      ),
    );
  }
  return found;
}
