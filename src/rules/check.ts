/**
 * `cxmap check` on one map: the validation findings, the policies and opportunity rules the configuration turns
 * on, the regression gate against a baseline, and the inline suppressions, as one list of positioned findings.
 */
import { relative } from 'node:path';
import picomatch from 'picomatch';
import { type LoadedMap, type ProcessMap, type LoadedConfig, type RuleEntry } from '../load/index.js';
import { analyzeExact, DEFAULT_WEIGHTS, type ScoreWeights } from '../analysis/index.js';
import { formatDuration, finding, sortFindings, type Finding, type Severity } from '../core/index.js';
import { RULES } from './opportunities.js';
import { POLICIES } from './policy/index.js';
import { noRegression } from './regression.js';
import { suppress } from './suppress.js';
import { evaluate } from './whatif.js';

export type RuleKind = 'format' | 'policy' | 'opportunity' | 'regression' | 'suppression';

export interface CheckRule {
  id: string;
  kind: RuleKind;
  description: string;
  defaultOption?: unknown;
}

export const CHECK_RULES: CheckRule[] = [
  {
    id: 'yaml-warning',
    kind: 'format',
    description: 'YAML that the parser accepts with a warning (for example an unknown tag).',
  },
  ...POLICIES.map((p) => ({
    id: p.id,
    kind: 'policy' as const,
    description: p.description,
    defaultOption: p.defaultOption,
  })),
  ...RULES.map((r) => ({ id: r.id, kind: 'opportunity' as const, description: r.description })),
  {
    id: noRegression.id,
    kind: 'regression',
    description: noRegression.description,
    defaultOption: noRegression.defaultOption,
  },
  {
    id: 'unused-suppression',
    kind: 'suppression',
    description: 'A cxmap-disable comment that suppresses nothing: remove it, or fix its rule id.',
  },
];

/**
 * The recommended preset (`extends: recommended`, and what applies when there is no configuration): the figures
 * that make customers disloyal, as warnings with lenient limits; the map's own targets as warnings; the
 * regression gate as an error; opportunity rules off (they are advice, for `cxmap report`).
 */
export const RECOMMENDED: Record<string, RuleEntry> = {
  'yaml-warning': 'warn',
  'max-handoffs': ['warn', 5],
  'max-transfers': ['warn', 2],
  'max-channel-switches': ['warn', 2],
  'max-re-asks': ['warn', 0],
  'max-dark-time': ['warn', '2d'],
  'min-pce': ['warn', '5%'],
  'target-lead-time': 'warn',
  'target-pce': 'warn',
  'target-success-rate': 'warn',
  'no-regression': 'error',
  'unused-suppression': 'warn',
};

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
          option: option ?? settings.get(id)?.option ?? CHECK_RULES.find((r) => r.id === id)!.defaultOption,
        });
    }
  }
  return settings;
}

export function weightsOf(loaded: LoadedConfig): ScoreWeights {
  const w = (loaded.config.weights ?? {}) as Partial<ScoreWeights>;
  return { ...DEFAULT_WEIGHTS, ...w, base: { ...DEFAULT_WEIGHTS.base, ...w.base } };
}

/** Every finding of one map. Validation errors cannot be turned off: a map that does not load is not checked further. */
export function checkMap(
  loaded: LoadedMap,
  settings: Map<string, Setting>,
  options: { weights?: ScoreWeights; baseline?: ProcessMap } = {},
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
    const analysis = analyzeExact(loaded.map, { weights: options.weights });
    for (const policy of POLICIES) {
      const setting = settings.get(policy.id);
      if (setting) for (const f of policy.check(analysis, setting.option)) found.push(at(policy.id, f.message, f.path));
    }
    for (const rule of RULES) {
      if (!settings.has(rule.id)) continue;
      for (const o of rule.find(analysis)) {
        const saving = evaluate(analysis, o).saving.leadTime;
        const step = loaded.map.steps.findIndex((s) => s.id === o.steps[0]);
        const message = `${o.title}: ${o.why}${saving > 0 ? `; saves ${formatDuration(saving, loaded.map.process.calendar)} of lead time` : ''}`;
        found.push(at(rule.id, message, step >= 0 ? ['steps', step, 'id'] : ['process', 'name']));
      }
    }
    const gate = settings.get(noRegression.id);
    if (gate && options.baseline) {
      for (const f of noRegression.check(
        analyzeExact(options.baseline, { weights: options.weights }),
        analysis,
        gate.option,
      ))
        found.push(at(noRegression.id, f.message, f.path));
    }
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
