/**
 * What every rule says about itself, in one place: its id, kind, description, option (default, JSON Schema, what
 * it is in words, an example) and recommended setting. The configuration schema's `rules` section, the recommended
 * preset, the SARIF rule list and the index in docs/rules/README.md are all made from it (`npm run generate`
 * rewrites the two files; a test fails when they drift).
 */
import { LEVER_SHARE, type RuleEntry } from '../load/index.js';
import { METRICS } from '../analysis/index.js';
import { opportunityIdPattern, wordList } from '../core/index.js';

type RuleKind = 'format' | 'policy' | 'portfolio' | 'opportunity' | 'suppression';

interface RuleOption {
  /** What applies when the configuration gives a severity alone (`max-handoffs: error` means `[error, 5]`). */
  default: unknown;
  /** The JSON Schema of the option, the second item of `[severity, option]`. */
  schema: Record<string, unknown>;
  /** What the option is, in words, for the configuration's messages: "the most handoffs allowed". */
  noun: string;
  /** A whole configuration entry that sets it: `['error', 3]`. */
  example: readonly [string, unknown];
  /**
   * A threshold that may be set per segment too: `{ limit: 3d, segments: { remortgage: 1d } }` checks the map (the
   * blend of a map with segments) against `limit` and each named segment against its own.
   */
  perSegment?: true;
}

/** An option's schema that also takes `{ limit, segments: { <segment id>: value } }`, both optional. */
const perSegment = (schema: Record<string, unknown>) => ({
  anyOf: [
    schema,
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        limit: { ...schema, description: 'The limit of the map: of a map with segments, its blend.' },
        segments: {
          type: 'object',
          description: 'A limit of its own for a segment, by the id the map gives it under `segments:`.',
          additionalProperties: schema,
        },
      },
    },
  ],
});

export interface RuleMeta {
  id: string;
  kind: RuleKind;
  /** One sentence: what the rule looks for (and, for an opportunity, what it proposes). */
  description: string;
  /** Its setting in the recommended preset; absent: off. */
  recommended?: 'warn' | 'error';
  option?: RuleOption;
  /** An opportunity rule's effort by default, 0 (none) to 5 (a large project). */
  effort?: number;
  /**
   * An opportunity rule's lever: how big its change is, an assumption the team can set (`levers:` in the map or
   * the configuration), or `none` for a change that is made or not (a step removed, a question no longer asked).
   */
  size?: LeverSize | 'none';
}

/** How big an opportunity rule's change is assumed to be, unless the team says. */
export interface LeverSize {
  /** What the change cuts, in a sentence: "the wait", "the rework". */
  of: string;
  /** The default, conservative: the share of it the change takes away, low and high (the ranking takes the middle). */
  cut: readonly [number, number];
  /** Whether the team may give the figure it is brought to instead (`{ to: 10% }`): a way's chance. */
  to?: boolean;
}

/** A lever's default size in words: "25-50%". */
export const shareRange = ([low, high]: readonly [number, number]): string => {
  const pct = (x: number) => `${+(100 * x).toFixed(2)}`;
  return low === high ? `${pct(low)}%` : `${pct(low)}-${pct(high)}%`;
};

const DURATION = '\\s*(\\d+(\\.\\d+)?\\s*[smhdw]\\s*)+';

/** The option kinds the policies take. */
export const options = {
  count: (value: number, noun: string, example: readonly [string, number]): RuleOption => ({
    default: value,
    schema: perSegment({ type: 'number', minimum: 0 }),
    noun,
    example,
    perSegment: true,
  }),
  duration: (value: string, example: readonly [string, string]): RuleOption => ({
    default: value,
    schema: perSegment({ type: 'string', pattern: `^${DURATION}$` }),
    noun: 'a duration',
    example,
    perSegment: true,
  }),
  share: (value: string, example: readonly [string, string]): RuleOption => ({
    default: value,
    schema: perSegment({
      anyOf: [
        { type: 'number', minimum: 0, maximum: 1 },
        { type: 'string', pattern: '^(100|[0-9]{1,2})(\\.[0-9]+)?%$' },
      ],
    }),
    noun: 'a share',
    example,
    perSegment: true,
  }),
  oneOf: (values: readonly string[], value: string, example: readonly [string, string]): RuleOption => ({
    default: value,
    schema: { enum: values },
    noun: wordList(values, 'or'),
    example,
  }),
  /** A tolerance per metric of the before/after tables: `N%` of the value before, or an absolute amount. */
  tolerances: (value: Record<string, number | string>, example: readonly [string, Record<string, unknown>]) => {
    const tolerance = {
      anyOf: [
        { type: 'number', minimum: 0 },
        { type: 'string', pattern: `^([0-9]+(\\.[0-9]+)?%|${DURATION})$` },
      ],
    };
    return {
      default: value,
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(METRICS.filter((m) => m.table).map((m) => [m.id, tolerance])),
      },
      noun: '{metric: tolerance}',
      example,
    } satisfies RuleOption;
  },
};

/** A value as YAML's flow style writes it, for messages and docs: `[error, { leadTime: 10%, handoffs: 0 }]`. */
export function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(', ')} }`;
  return String(value);
}

/** The recommended preset (`extends: recommended`, and what applies when there is no configuration). */
export function recommendedPreset(rules: readonly RuleMeta[]): Record<string, RuleEntry> {
  return Object.fromEntries(
    rules.flatMap((r) =>
      r.recommended ? [[r.id, r.option ? [r.recommended, r.option.default] : r.recommended] as const] : [],
    ),
  );
}

/** The `rules` properties of the configuration's JSON Schema. */
function rulesSchema(rules: readonly RuleMeta[]): Record<string, unknown> {
  const severity = { $ref: '#/definitions/severity' };
  return Object.fromEntries(
    rules.map((r) => {
      const o = r.option;
      const entry = (items: unknown[]) => ({
        type: 'array',
        items,
        minItems: items.length,
        maxItems: items.length,
        additionalItems: false,
      });
      return [
        r.id,
        {
          description: o ? `${r.description} Default: ${flow(o.default)}.` : r.description,
          'x-message': o
            ? `takes off, warn or error, or [severity, ${o.noun}], for example ${flow(o.example)}`
            : 'takes off, warn or error',
          examples: [o ? o.example : (r.recommended ?? 'warn')],
          anyOf: [severity, o ? entry([severity, o.schema]) : entry([severity])],
        },
      ];
    }),
  );
}

/** The configuration's JSON Schema text with its `rules` section made from the rules. */
export function withRulesSchema(text: string, rules: readonly RuleMeta[]): string {
  const schema = JSON.parse(text) as { properties: { rules: { properties: unknown } } };
  schema.properties.rules.properties = rulesSchema(rules);
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * A schema's `effort` definition (the map's and the configuration's `effort:`), with the opportunity rules' ids, and
 * the `effort` property that uses it.
 */
export function withEffortSchema(text: string, rules: readonly RuleMeta[]): string {
  const schema = JSON.parse(text) as {
    properties: Record<string, unknown>;
    definitions: Record<string, unknown>;
  };
  const ids = rules.filter((r) => r.effort !== undefined).map((r) => r.id);
  schema.definitions.effort = {
    description:
      "The team's estimates of the effort of opportunities, from 0 (none) to 5 (a large project), by opportunity id (`cut-wait:mri`, as the report shows it) or by rule id (every opportunity of the rule). They replace the rule's default in the ranking.",
    type: 'object',
    propertyNames: {
      pattern: opportunityIdPattern(ids),
      'x-message': `name an opportunity as the report does: a rule (${ids.join(', ')}), or a rule and the steps of its place (cut-wait:mri)`,
    },
    additionalProperties: {
      type: 'integer',
      minimum: 0,
      maximum: 5,
      'x-message': 'takes a whole number from 0 (no effort) to 5 (a large project)',
    },
    examples: [{ 'self-service': 4, 'cut-wait:mri': 5 }],
  };
  schema.properties.effort = { $ref: '#/definitions/effort' };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * A schema's `levers` definition (the map's and the configuration's `levers:`): the rules whose change has a size,
 * each with the forms its size takes, and the `levers` property that uses it.
 */
export function withLeversSchema(text: string, rules: readonly RuleMeta[]): string {
  const schema = JSON.parse(text) as {
    properties: Record<string, unknown>;
    definitions: Record<string, unknown>;
  };
  const sized = rules.flatMap((r) => (typeof r.size === 'object' ? [{ id: r.id, size: r.size }] : []));
  const share = {
    anyOf: [
      { type: 'number', minimum: 0, maximum: 1 },
      { type: 'string', pattern: LEVER_SHARE },
    ],
  };
  const cut = (size: LeverSize) => ({
    ...share,
    'x-message': `takes the share of ${size.of} the change takes away: 30%, or a range like 20%..40%`,
  });
  schema.definitions.levers = {
    description:
      "The team's sizes of the levers of opportunities, by opportunity id (`cut-wait:triage`, as the report shows it) or by rule id (every place of the rule): the share of the figure the change takes away (30%, or a range 20%..40%), or for a way's chance the share it is brought to ({ to: 10% }). They replace the rule's default range in every saving.",
    type: 'object',
    propertyNames: {
      pattern: opportunityIdPattern(sized.map((r) => r.id)),
      'x-message': `name a lever as the report does: a rule whose change has a size (${sized.map((r) => r.id).join(', ')}), or a rule and the steps of its place (cut-wait:triage)`,
    },
    patternProperties: Object.fromEntries(
      sized.map(({ id, size }) => [
        opportunityIdPattern([id]),
        {
          description: `${id}: the share of ${size.of} the change takes away (default ${shareRange(size.cut)})${size.to ? ', or the share it is brought to' : ''}.`,
          examples: size.to ? ['30%', { to: '10%' }] : ['30%', '20%..40%'],
          ...(size.to
            ? {
                anyOf: [
                  share,
                  {
                    type: 'object',
                    additionalProperties: false,
                    required: ['to'],
                    properties: { to: share },
                  },
                ],
                'x-message': `takes the share of ${size.of} the change takes away (30%, or a range like 20%..40%), or the share it is brought to: { to: 10% }`,
              }
            : cut(size)),
        },
      ]),
    ),
    examples: [{ 'cut-wait': '30%', 'cut-wait:triage': '20%..40%', 'prevent-rework:investigate+photo': { to: '10%' } }],
  };
  schema.properties.levers = { $ref: '#/definitions/levers' };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** docs/rules/README.md with each kind's table (between `<!-- rules:KIND -->` and `<!-- /rules -->`) made from the rules. */
export function withRulesIndex(text: string, rules: readonly RuleMeta[]): string {
  return text.replace(
    /(<!-- rules:(\w+) -->\n)[\s\S]*?(<!-- \/rules -->)/g,
    (_all, open: string, kind: string, close: string) => {
      const effort = kind === 'opportunity';
      const head = `| Rule | What it checks |${effort ? ' Effort | Lever size |' : ''} Recommended |\n| --- | --- |${effort ? ' --: | --- |' : ''} --- |\n`;
      const size = (r: RuleMeta) =>
        r.size === undefined
          ? ''
          : r.size === 'none'
            ? 'none: made or not'
            : `${r.size.of} cut by ${shareRange(r.size.cut)}`;
      const rows = rules
        .filter((r) => r.kind === kind)
        .map((r) => {
          const setting = !r.recommended ? 'off' : r.option ? flow([r.recommended, r.option.default]) : r.recommended;
          return `| [${r.id}](${r.id}.md) | ${r.description} |${effort ? ` ${r.effort ?? ''} | ${size(r)} |` : ''} ${setting} |\n`;
        });
      return `${open}${head}${rows.join('')}${close}`;
    },
  );
}

/** The files made from the rules' definitions, each with how it is made from its committed text (`npm run generate`). */
export const GENERATED: readonly (readonly [string, (text: string, rules: readonly RuleMeta[]) => string])[] = [
  [
    'schemas/cxmap.config.schema.json',
    (text, rules) => withLeversSchema(withEffortSchema(withRulesSchema(text, rules), rules), rules),
  ],
  ['schemas/cxmap.schema.json', (text, rules) => withLeversSchema(withEffortSchema(text, rules), rules)],
  ['docs/rules/README.md', withRulesIndex],
];
