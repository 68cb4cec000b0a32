/**
 * Semantic checks of a map that has the right shape, and its normalization into a ProcessMap.
 * Every finding has a stable code and points at the key or value it is about.
 */
import {
  finding,
  type Finding,
  DEFAULT_CALENDAR,
  parseDistribution,
  parseFixed,
  parseRatio,
  parseCurrency,
  parseHourly,
  parseVolume,
  ZERO,
  type Calendar,
  type Distribution,
  type DurationInput,
  didYouMean,
  components,
  postDominators,
  solveChain,
  successors,
  walker,
  parseOpportunityId,
  reachesEnd,
  takenWays,
  wordList,
} from '../core/index.js';
import type { SourceMap, Path } from './parse.js';
import {
  isBasis,
  type Actor,
  type Choice,
  type LeverSetting,
  type Next,
  type ProcessMap,
  type RawMap,
  type RawStep,
  type StageTargets,
  type Segment,
  type Step,
  type StepOverride,
} from './types.js';
import { channelOf, channelSuggestion, CHANNELS } from './channels.js';
import { parseLever } from './levers.js';

/** Chances of a step must add up to 100% within this. */
const CHANCE_TOLERANCE = 1e-6;

/**
 * The most times, on average, a customer may pass one step (going round rework loops): a loop must be left with a
 * chance of at least 1 / MAX_PASSES per pass. Beyond it the figures are dominated by an all-but-closed loop.
 */
export const MAX_PASSES = 1000;

class Checker {
  readonly findings: Finding[] = [];
  /** Warnings: the map still loads. */
  readonly warnings: Finding[] = [];
  constructor(readonly source: SourceMap) {}

  warn(code: string, message: string, path: Path): void {
    this.warnings.push(finding(code, message, this.source.at(path), 'warning'));
  }

  warnAtKey(code: string, message: string, parent: Path, key: string): void {
    this.warnings.push(finding(code, message, this.source.keyAt(parent, key), 'warning'));
  }

  error(code: string, message: string, path: Path): void {
    this.findings.push(finding(code, message, this.source.at(path)));
  }

  errorAtKey(code: string, message: string, parent: Path, key: string): void {
    this.findings.push(finding(code, message, this.source.keyAt(parent, key)));
  }

  fixed(input: string | number | undefined, path: Path, calendar: Calendar): number | undefined {
    if (input === undefined) return undefined;
    const parsed = parseFixed(input, calendar);
    if (parsed.ok) return parsed.value;
    this.error('bad-duration', parsed.problem, path);
    return undefined;
  }

  distribution(input: DurationInput | undefined, path: Path, calendar: Calendar): Distribution {
    if (input === undefined) return ZERO;
    const parsed = parseDistribution(input, calendar);
    if (parsed.ok) return parsed.value;
    this.error(
      /rate/.test(parsed.problem) && typeof input === 'object' ? 'bad-rate' : 'bad-duration',
      parsed.problem,
      path,
    );
    return ZERO;
  }
}

function readCalendar(raw: RawMap, check: Checker): Calendar {
  const spec = raw.process.calendar;
  if (!spec) return DEFAULT_CALENDAR;
  const path = ['process', 'calendar'];
  const day = check.fixed(spec.day, [...path, 'day'], DEFAULT_CALENDAR) ?? DEFAULT_CALENDAR.day;
  if (day <= 0 || day > DEFAULT_CALENDAR.day) {
    check.error('bad-calendar', 'a day lasts more than 0 and at most 24h (8h for a working day)', [...path, 'day']);
    return DEFAULT_CALENDAR;
  }
  const week = check.fixed(spec.week, [...path, 'week'], { day, week: 7 * day }) ?? 7 * day;
  if (week < day || week > 7 * day) {
    check.error('bad-calendar', 'a week lasts from 1d to 7d (5d for a working week)', [...path, 'week']);
    return { day, week: 7 * day };
  }
  return { day, week };
}

/**
 * The currency of the map's amounts. A map that gives amounts (a cost, the value of the customer's hour) and no
 * currency loads with a warning, at its first amount: its figures are shown bare, never in a currency guessed.
 */
function readCurrency(raw: RawMap, check: Checker): string | undefined {
  const written = raw.process.currency;
  if (written !== undefined) {
    const parsed = parseCurrency(written);
    if (parsed.ok) return parsed.value;
    check.error('bad-currency', parsed.problem, ['process', 'currency']);
    return undefined;
  }
  const costed = Object.entries(raw.actors).find(([, a]) => a.cost !== undefined);
  const step = raw.steps.findIndex((s) => s.cost !== undefined);
  const first: Path | undefined =
    raw.process.customerTime !== undefined
      ? ['process', 'customerTime']
      : costed
        ? ['actors', costed[0], 'cost']
        : step >= 0
          ? ['steps', step, 'cost']
          : undefined;
  if (first)
    check.warn(
      'no-currency',
      'the map gives amounts of money but not their currency, so they are shown without one: name it under process, like `currency: EUR` (or a symbol, like €)',
      first,
    );
  return undefined;
}

/** The segments of the map, in the order written; their shares must add up to 100%. */
function readSegments(raw: RawMap, check: Checker): Segment[] {
  const segments = Object.entries(raw.segments ?? {}).map(([id, s]) => ({
    id,
    name: s.name,
    share: parseRatio(s.share),
    ...(s.persona === undefined ? {} : { persona: s.persona }),
  }));
  const total = segments.reduce((sum, s) => sum + s.share, 0);
  if (segments.length > 0 && Math.abs(total - 1) > CHANCE_TOLERANCE)
    check.errorAtKey(
      'segment-shares',
      `the shares of the segments add up to ${+(total * 100).toFixed(4)}%, not 100%: every case belongs to one segment`,
      [],
      'segments',
    );
  return segments;
}

/** The semantic checks, and the map when there is no error; `flow: false` leaves out the checks of the whole flow. */
export function checkSemantics(raw: RawMap, source: SourceMap, flow = true): { map?: ProcessMap; findings: Finding[] } {
  const check = new Checker(source);
  const calendar = readCalendar(raw, check);
  const p = raw.process;
  const targets = {
    leadTime: check.fixed(p.targets?.leadTime, ['process', 'targets', 'leadTime'], calendar),
    pce: p.targets?.pce === undefined ? undefined : parseRatio(p.targets.pce),
    successRate: p.targets?.successRate === undefined ? undefined : parseRatio(p.targets.successRate),
  };
  const darkAfter = check.fixed(p.darkAfter, ['process', 'darkAfter'], calendar) ?? calendar.day;
  const amount = (parsed: { ok: true; value: number } | { ok: false; problem: string }, path: Path) => {
    if (parsed.ok) return parsed.value;
    check.error('bad-amount', parsed.problem, path);
    return undefined;
  };
  const volume = p.volume === undefined ? undefined : amount(parseVolume(p.volume), ['process', 'volume']);
  const customerHour =
    p.customerTime === undefined
      ? undefined
      : amount(parseHourly(p.customerTime, calendar), ['process', 'customerTime']);
  const currency = readCurrency(raw, check);
  const benchmarks = (p.benchmarks ?? []).map((b, i) => ({
    name: b.name,
    leadTime: check.fixed(b.leadTime, ['process', 'benchmarks', i, 'leadTime'], calendar),
    pce: b.pce === undefined ? undefined : parseRatio(b.pce),
    successRate: b.successRate === undefined ? undefined : parseRatio(b.successRate),
  }));

  // An actor without a name is called by its id, with a warning: a workshop names people later.
  for (const [id, a] of Object.entries(raw.actors))
    if (a.name === undefined)
      check.warnAtKey(
        'unnamed-actor',
        `actor \`${id}\` has no name, so diagrams call it \`${id}\`; give it the name people know it by (name: ...)`,
        ['actors'],
        id,
      );
  // The customer is the customer: `org` and `type` say who else works in the process, for the company or not.
  for (const [id, a] of Object.entries(raw.actors))
    for (const key of ['org', 'type'] as const)
      if (a.kind === 'customer' && a[key] !== undefined)
        check.errorAtKey(
          'customer-org',
          `actor \`${id}\` is the customer: \`${key}\` says who serves the customer (${key === 'org' ? 'the other organisation a partner belongs to' : 'a person or a system'}), not the customer; remove it`,
          ['actors', id],
          key,
        );
  const actors = new Map<string, Actor>(
    Object.entries(raw.actors).map(([id, a]) => {
      const hourlyCost =
        a.cost === undefined ? undefined : amount(parseHourly(a.cost, calendar), ['actors', id, 'cost']);
      const actor: Actor = { id, kind: a.kind, name: a.name ?? id, type: a.type ?? 'person' };
      if (a.org !== undefined) actor.org = a.org;
      if (hourlyCost !== undefined) actor.hourlyCost = hourlyCost;
      return [id, actor];
    }),
  );
  // A stage is its name, or `{ name, targets }` when it sets targets of its own.
  const stages = (raw.stages ?? []).map((stage) => (typeof stage === 'string' ? stage : stage.name));
  const stageSet = new Set<string>();
  stages.forEach((stage, i) => {
    if (stageSet.has(stage)) check.error('duplicate-stage', `the stage \`${stage}\` is listed twice`, ['stages', i]);
    stageSet.add(stage);
  });
  const stageTargets: Record<string, StageTargets> = {};
  (raw.stages ?? []).forEach((stage, i) => {
    if (typeof stage === 'string' || stage.targets === undefined) return;
    const t = stage.targets;
    stageTargets[stage.name] = {
      leadTime: check.fixed(t.leadTime, ['stages', i, 'targets', 'leadTime'], calendar),
      successRate: t.successRate === undefined ? undefined : parseRatio(t.successRate),
    };
  });

  const segments = readSegments(raw, check);
  const segmentIds = new Set(segments.map((s) => s.id));
  /** The segment ids of a `for:` that the map declares; an unknown one is a finding at its key. */
  const segmentKeys = (given: Record<string, unknown> | undefined, parent: Path, where: string): string[] =>
    Object.keys(given ?? {}).filter((id) => {
      if (segmentIds.has(id)) return true;
      check.errorAtKey(
        'unknown-segment',
        segments.length === 0
          ? `${where} names the segment \`${id}\`, but the map has no \`segments\`; add them at the top of the map`
          : `${where} names the segment \`${id}\`, which is not in segments${didYouMean(id, segmentIds)}`,
        parent,
        id,
      );
      return false;
    });

  const index = new Map<string, number>();
  raw.steps.forEach((step, i) => {
    const first = index.get(step.id);
    if (first === undefined) index.set(step.id, i);
    else
      check.error(
        'duplicate-id',
        `another step already has the id \`${step.id}\` (step ${first + 1}); ids must be unique`,
        ['steps', i, 'id'],
      );
  });
  const stepRef = (id: string, path: Path, from: string): number | undefined => {
    const target = index.get(id);
    if (target === undefined)
      check.error(
        'unknown-step',
        `step \`${from}\` goes to \`${id}\`, which is not a step${didYouMean(id, index.keys())}`,
        path,
      );
    return target;
  };

  // An effort estimate, or a lever's size, names an opportunity by its rule and the steps of its place (`cut-wait:mri`).
  for (const [section, what] of [
    ['effort', 'the effort'],
    ['levers', 'the lever size'],
  ] as const)
    for (const key of Object.keys(raw[section] ?? {})) {
      const missing = parseOpportunityId(key).steps.find((id) => id !== '' && !index.has(id));
      if (missing !== undefined)
        check.errorAtKey(
          'unknown-step',
          `${what} of \`${key}\` names \`${missing}\`, which is not a step${didYouMean(missing, index.keys())}`,
          [section],
          key,
        );
    }
  const levers: Record<string, LeverSetting> = {};
  for (const [key, input] of Object.entries(raw.levers ?? {})) {
    const parsed = parseLever(input);
    if (parsed.ok) levers[key] = parsed.value;
    else
      check.error(
        'bad-value',
        `levers.${key}: ${parsed.problem}`,
        typeof input === 'object' ? ['levers', key, 'to'] : ['levers', key],
      );
  }

  // An unknown channel is named once, at its first use.
  const unknownChannels = new Set<string>();
  // A segment's own channel at a step is a use too, right after the step's.
  const uses = raw.steps.flatMap((s, i) => [
    { text: s.channel, path: ['steps', i, 'channel'] as Path },
    ...Object.entries(s.for ?? {}).map(([id, o]) => ({ text: o.channel, path: ['steps', i, 'for', id, 'channel'] })),
  ]);
  uses.forEach(({ text, path }) => {
    if (text === undefined) return;
    const via = channelOf(text, raw.channels);
    if (!via.known && !unknownChannels.has(via.id)) {
      unknownChannels.add(via.id);
      const near = channelSuggestion(text);
      check.warn(
        'unknown-channel',
        `the channel \`${text}\` is not one cxmap knows (it counts as one the customer uses to reach the company): ${near ? `did you mean \`${near}\`?` : `write one of ${Object.keys(CHANNELS).join(', ')}`} Or declare it under \`channels:\``,
        path,
      );
    }
  });

  const steps: Step[] = raw.steps.map((s, i) => normalizeStep(s, i));
  function normalizeStep(s: RawStep, i: number): Step {
    const at = (key: string): Path => ['steps', i, key];
    const actor = actors.get(s.actor);
    if (!actor)
      check.error(
        'unknown-actor',
        `step \`${s.id}\` is done by \`${s.actor}\`, which is not in actors${didYouMean(s.actor, actors.keys())}`,
        at('actor'),
      );
    let stage = s.stage ?? '';
    if (s.stage !== undefined && !stageSet.has(s.stage)) {
      check.error(
        'unknown-stage',
        stages.length === 0
          ? `step \`${s.id}\` is in stage \`${s.stage}\`, but the map has no \`stages\` list; add one`
          : `step \`${s.id}\` is in stage \`${s.stage}\`, which is not in stages${didYouMean(s.stage, stages)}`,
        at('stage'),
      );
    } else if (s.stage === undefined && stages.length > 0) {
      check.error('missing-stage', `step \`${s.id}\` has no stage; give it one of: ${stages.join(', ')}`, ['steps', i]);
    } else if (s.stage === undefined) {
      stage = raw.process.name;
    }
    const evidence = s.evidence === undefined ? [] : [s.evidence].flat();
    const basis = evidence.find(isBasis);
    if (basis)
      check.error(
        'evidence-is-basis',
        `\`evidence\` is what the customer sees or holds at step \`${s.id}\` (a letter, an email, the status page); where its figures come from is \`basis\`: write \`basis: ${basis}\``,
        at('evidence'),
      );
    const next = normalizeNext(s, i);
    if (s.outcome !== undefined && next.kind !== 'end') {
      check.errorAtKey(
        'outcome-not-end',
        `step \`${s.id}\` has an outcome but goes on to another step; only end steps (without next) have an outcome`,
        ['steps', i],
        'outcome',
      );
    }
    return {
      index: i,
      id: s.id,
      name: s.name,
      stage,
      actor: actor ?? { id: s.actor, kind: 'backstage', name: s.actor, type: 'person' },
      channel: s.channel,
      wait: check.distribution(s.wait, at('wait'), calendar),
      waitKind: s.waitKind,
      work: check.distribution(s.work, at('work'), calendar),
      value: s.value,
      feeling: s.feeling,
      asks: s.asks ?? [],
      verifies: s.verifies ?? [],
      tells: s.tells ?? [],
      ca: s.ca === undefined ? 1 : parseRatio(s.ca),
      cost: s.cost,
      fails: s.fails,
      momentOfTruth: s.momentOfTruth ?? false,
      physical: s.physical ?? false,
      locked: s.locked,
      independent: s.independent ?? false,
      milestone: s.milestone,
      basis: s.basis,
      evidence: basis ? [] : evidence,
      outcome: next.kind === 'end' ? (s.outcome ?? 'success') : undefined,
      note: s.note,
      next,
      ...(s.for === undefined ? {} : { for: normalizeOverrides(s, i, next) }),
    };
  }

  /** What differs at a step for each segment. A skipped step must have one way on, and must not be an end. */
  function normalizeOverrides(s: RawStep, i: number, next: Next): Record<string, StepOverride> {
    const out: Record<string, StepOverride> = {};
    for (const id of segmentKeys(s.for, ['steps', i, 'for'], `step \`${s.id}\``)) {
      const o = s.for![id]!;
      const at = (key: string): Path => ['steps', i, 'for', id, key];
      const override: StepOverride = {};
      if (o.wait !== undefined) override.wait = check.distribution(o.wait, at('wait'), calendar);
      if (o.work !== undefined) override.work = check.distribution(o.work, at('work'), calendar);
      if (o.feeling !== undefined) override.feeling = o.feeling;
      if (o.channel !== undefined) override.channel = o.channel;
      if (o.asks !== undefined) override.asks = o.asks;
      if (o.tells !== undefined) override.tells = o.tells;
      if (o.ca !== undefined) override.ca = parseRatio(o.ca);
      if (o.skip) {
        override.skip = true;
        const ways = next.kind === 'choice' ? next.choices.length : 0;
        if (next.kind === 'end' || ways !== 1)
          check.errorAtKey(
            'segment-skip',
            next.kind === 'end'
              ? `segment \`${id}\` skips step \`${s.id}\`, an end step: a segment cannot skip where the case ends; give it its own end instead`
              : `segment \`${id}\` skips step \`${s.id}\`, which has more than one way on: cxmap can skip only a step with one way on (its customers go straight on to it)`,
            ['steps', i, 'for', id],
            'skip',
          );
      }
      out[id] = override;
    }
    return out;
  }

  function normalizeNext(s: RawStep, i: number): Next {
    const path: Path = ['steps', i, 'next'];
    const raw = s.next;
    if (raw === undefined) return { kind: 'end' };
    if (typeof raw === 'string') {
      const to = stepRef(raw, path, s.id);
      return to === undefined ? { kind: 'end' } : { kind: 'choice', choices: [{ to, chance: 1 }] };
    }
    if (Array.isArray(raw)) {
      const choices: Choice[] = [];
      let total = 0;
      // A segment's chances at this choice: its own where a way gives one, the way's chance elsewhere.
      const ownChances = raw.map((c, j) => {
        const ids = segmentKeys(c.for, [...path, j, 'for'], `a way after step \`${s.id}\``);
        return Object.fromEntries(ids.map((id) => [id, parseRatio(c.for![id]!)]));
      });
      raw.forEach((c, j) => {
        const chance = parseRatio(c.chance);
        total += chance;
        const to = stepRef(c.to, [...path, j, 'to'], s.id);
        if (to === undefined) return;
        const own = ownChances[j]!;
        const same = choices.find((x) => x.to === to);
        if (same) {
          // Two ways to one step are one way: each segment's chances add up, as the chances do.
          const ids = new Set([...Object.keys(same.for ?? {}), ...Object.keys(own)]);
          if (ids.size > 0)
            same.for = Object.fromEntries(
              [...ids].map((id) => [id, (same.for?.[id] ?? same.chance) + (own[id] ?? chance)]),
            );
          same.chance += chance;
        } else
          choices.push({
            to,
            chance,
            ...(c.label === undefined ? {} : { label: c.label }),
            ...(Object.keys(own).length === 0 ? {} : { for: own }),
          });
      });
      for (const id of new Set(ownChances.flatMap((own) => Object.keys(own)))) {
        const sum = raw.reduce((a, c, j) => a + (ownChances[j]![id] ?? parseRatio(c.chance)), 0);
        if (Math.abs(sum - 1) > CHANCE_TOLERANCE)
          check.error(
            'segment-chances-not-100',
            `segment \`${id}\`'s chances after step \`${s.id}\` add up to ${+(sum * 100).toFixed(4)}%, not 100% (a way without its own chance for the segment counts with the way's chance)`,
            path,
          );
      }
      if (Math.abs(total - 1) > CHANCE_TOLERANCE) {
        check.error(
          'chances-not-100',
          `the chances after step \`${s.id}\` add up to ${+(total * 100).toFixed(4)}%, not 100%`,
          path,
        );
      }
      return { kind: 'choice', choices };
    }
    const branches = raw.all
      .map((id, j) => stepRef(id, [...path, 'all', j], s.id))
      .filter((b): b is number => b !== undefined);
    return { kind: 'all', branches, join: -1 };
  }

  if (check.findings.length > 0 || !flow) return { findings: [...check.findings, ...check.warnings] };
  const start = checkFlow(steps, check);
  const skipper = Object.entries(steps[start]?.for ?? {}).find(([, o]) => o.skip);
  if (skipper)
    check.errorAtKey(
      'segment-skip',
      `segment \`${skipper[0]}\` skips step \`${steps[start]!.id}\`, where the customer starts: a segment cannot skip the start; start the map at the first step every segment takes`,
      ['steps', start, 'for', skipper[0]],
      'skip',
    );
  if (check.findings.length === 0) checkSegmentWays(steps, start, segments, check);
  if (check.findings.length > 0) return { findings: [...check.findings, ...check.warnings] };
  return {
    map: {
      process: {
        name: p.name,
        customer: p.customer,
        goal: p.goal,
        trigger: p.trigger,
        owner: p.owner,
        ...(p.persona === undefined ? {} : { persona: p.persona }),
        calendar,
        darkAfter,
        volume,
        customerHour,
        ...(currency === undefined ? {} : { currency }),
        targets,
        benchmarks,
      },
      actors: [...actors.values()],
      channels: raw.channels ?? {},
      stages: stages.length > 0 ? stages : [raw.process.name],
      stageTargets,
      ...(segments.length === 0 ? {} : { segments }),
      steps,
      start,
      effort: raw.effort ?? {},
      levers,
    },
    findings: check.warnings,
  };
}

/**
 * The branches of a split re-join at its immediate post-dominator on the ways to the process's goal: the first step
 * that every way from the split to an end that is not a failure passes (`ipdom[split]`). A failure end inside a
 * branch (the customer cancels, the application is declined) ends the whole case; the other branches stop there.
 */
export function goalDominators(steps: readonly Step[], succ: number[][] = steps.map((s) => successors(s.next))) {
  const isEnd = (i: number) => steps[i]!.next.kind === 'end';
  const goal = steps.some((s) => isEnd(s.index) && s.outcome !== 'failure')
    ? (i: number) => isEnd(i) && steps[i]!.outcome !== 'failure'
    : isEnd;
  return { ipdom: postDominators(succ, goal), goal };
}

/**
 * A segment's own chances must lead its customers to an end, and out of every loop often enough, as the map's
 * chances must: a way out of a loop that has a chance of 0% for the segment is no way out for it. Reported at the
 * step whose ways out the segment changed.
 */
function checkSegmentWays(steps: Step[], start: number, segments: readonly Segment[], check: Checker): void {
  const isEnd = (i: number) => steps[i]!.next.kind === 'end';
  const succ = steps.map((s) => successors(s.next));
  for (const { id } of segments) {
    const own = (s: Step) => s.next.kind === 'choice' && s.next.choices.some((c) => c.for?.[id] !== undefined);
    if (!steps.some(own)) continue;
    const chances = steps.map((s) =>
      s.next.kind === 'choice'
        ? s.next.choices.map((c) => c.for?.[id] ?? c.chance)
        : succ[s.index]!.map(() => 1 / succ[s.index]!.length),
    );
    const taken = succ.map((list, i) => list.filter((_, k) => chances[i]![k]! > 0));
    const canEnd = reachesEnd(taken, isEnd);
    const stuck = walker(taken)(start).filter((i) => !canEnd[i]);
    const closes = (i: number) => own(steps[i]!) && taken[i]!.length < succ[i]!.length;
    const blame = stuck.find(closes) ?? stuck[0];
    if (blame !== undefined) {
      check.error(
        'segment-no-way-out',
        `for segment \`${id}\`, no way from step \`${steps[blame]!.id}\` leads to an end step (its own chances of the ways out are 0%): its customers would never finish; give one of those ways a chance above 0% for the segment`,
        ['steps', blame, 'next'],
      );
      continue;
    }
    const entry = new Float64Array(steps.length);
    entry[start] = 1;
    const visits = solveChain({ succ, weight: chances }, entry);
    const sticky = succ.flatMap((_, i) => (visits[i]! <= MAX_PASSES * (1 + CHANCE_TOLERANCE) ? [] : [i]));
    const at = sticky.find((i) => own(steps[i]!)) ?? sticky[0];
    if (at !== undefined)
      check.error(
        'loop-too-sticky',
        `for segment \`${id}\`, customers pass step \`${steps[at]!.id}\` ${Number.isFinite(visits[at]) ? Math.round(visits[at]!).toLocaleString('en') : 'endlessly many'} times on average: its own chances all but close the loop (cxmap accepts at most ${MAX_PASSES.toLocaleString('en')} passes); give the way out a chance of at least ${100 / MAX_PASSES}% for the segment`,
        ['steps', at, 'next'],
      );
  }
}

/** Checks that the flow has one start, reaches every step, can always end, and that parallel work re-joins. */
function checkFlow(steps: Step[], check: Checker): number {
  const succ = steps.map((s) => successors(s.next));
  const hasPredecessor = new Uint8Array(steps.length);
  for (const list of succ) for (const t of list) hasPredecessor[t] = 1;
  const start = steps.findIndex((_, i) => !hasPredecessor[i]);
  if (start < 0) {
    check.error(
      'no-start',
      "every step is reached from another step, so there is no step where the customer starts; add the customer's first step (nothing may lead back to it)",
      ['steps', 0, 'id'],
    );
    return -1;
  }
  const walk = walker(succ);
  const reachable = new Uint8Array(steps.length);
  for (const i of walk(start)) reachable[i] = 1;
  steps.forEach((s, i) => {
    if (!reachable[i])
      check.error(
        'unreachable',
        `no path from the first step \`${steps[start]!.id}\` leads to step \`${s.id}\`; connect it with a next, or remove it`,
        ['steps', i, 'id'],
      );
  });

  const pred: number[][] = steps.map(() => []);
  succ.forEach((list, i) => list.forEach((t) => pred[t]!.push(i)));
  // A way on with a chance of 0% takes nobody anywhere: only the ways customers take can lead them to an end.
  const taken = steps.map((s) => takenWays(s.next));
  const canEnd = reachesEnd(taken, (i) => steps[i]!.next.kind === 'end');
  // Report each trap once: a loop (or a step leading to itself) that no path leaves towards an end step.
  const trapped = (i: number) => reachable[i] === 1 && !canEnd[i];
  // A component of one step is a loop only when the step leads back to itself.
  const isLoop = (component: number[]) => component.length > 1 || succ[component[0]!]!.includes(component[0]!);
  for (const loop of components(succ, trapped)) {
    if (!isLoop(loop)) continue;
    const first = steps[loop[0]!]!;
    const names = loop.map((i) => `\`${steps[i]!.id}\``);
    const closed = loop.some((i) => succ[i]!.length > taken[i]!.length);
    const which =
      loop.length === 1
        ? `step ${names[0]} leads only back to itself`
        : `steps ${wordList(names)} form a loop with no way out`;
    check.error(
      'no-way-out',
      `${which}${closed ? ' (its ways out have a chance of 0%)' : ''}: a customer who gets here never reaches an end step; give one of them a way on`,
      ['steps', first.index, 'id'],
    );
  }
  if (check.findings.length > 0) return start;

  // Every loop can be left; it must also be left often enough for the figures to mean something.
  const weight = steps.map((s) =>
    s.next.kind === 'choice'
      ? s.next.choices.map((c) => c.chance)
      : succ[s.index]!.map(() => 1 / succ[s.index]!.length),
  );
  const entry = new Float64Array(steps.length);
  entry[start] = 1;
  const visits = solveChain({ succ, weight }, entry);
  // Exactly 1,000 passes (a way out of exactly 0.1%) is allowed: the bound is relaxed by the rounding that chances
  // written as percentages carry (99.9% reads as 0.9990000000000001). Steps outside a loop are passed as often as
  // the loop before them is left: a way out of 5e-324 makes them NaN, which is the loop's fault, not theirs.
  const sticky = (i: number) => !(visits[i]! <= MAX_PASSES * (1 + CHANCE_TOLERANCE));
  for (const loop of components(succ, sticky)) {
    if (!isLoop(loop)) continue;
    // A loop entered from a step already passed too often is only the victim of the sticky loop before it.
    const inLoop = new Set(loop);
    if (loop.some((i) => pred[i]!.some((p) => !inLoop.has(p) && sticky(p)))) continue;
    const most = loop.reduce((a, b) => (visits[b]! > visits[a]! ? b : a));
    check.error(
      'loop-too-sticky',
      `customers pass step \`${steps[most]!.id}\` ${Number.isFinite(visits[most]) ? Math.round(visits[most]!).toLocaleString('en') : 'endlessly many'} times on average: its loop is all but closed (cxmap accepts at most ${MAX_PASSES.toLocaleString('en')} passes); give the way out a chance of at least ${100 / MAX_PASSES}%`,
      ['steps', most, 'next'],
    );
  }
  if (check.findings.length > 0) return start;

  const isEnd = (i: number) => steps[i]!.next.kind === 'end';
  const { ipdom, goal } = goalDominators(steps, succ);
  for (const step of steps) {
    const next = step.next;
    if (next.kind !== 'all') continue;
    const path: Path = ['steps', step.index, 'next'];
    const join = ipdom[step.index]!;
    if (join < 0) {
      // Name the step that breaks the structure: the first end, not a failure, reached inside a branch.
      const stray = next.branches.flatMap((b) => walk(b).map((end) => ({ b, end }))).find((x) => goal(x.end));
      check.error(
        'parallel-no-join',
        `the parallel branches after step \`${step.id}\` never come back together at one step that all of them pass through${stray ? `: the branch from \`${steps[stray.b]!.id}\` ends at \`${steps[stray.end]!.id}\` before they meet (only an end with \`outcome: failure\` may end the case inside parallel work)` : ''}`,
        path,
      );
      continue;
    }
    const doomed = next.branches.find((b) => !walk(b, step.index).includes(join));
    if (doomed !== undefined) {
      const end = walk(doomed).find(isEnd)!;
      check.error(
        'parallel-no-join',
        `the branch from \`${steps[doomed]!.id}\` after step \`${step.id}\` always ends the case (at \`${steps[end]!.id}\`) before the parallel branches meet; give it a way on to where the other branches meet`,
        path,
      );
      continue;
    }
    if (next.branches.includes(join)) {
      check.error(
        'parallel-no-join',
        `the parallel branches after step \`${step.id}\` meet at \`${steps[join]!.id}\`, which is one of the branches itself; start the branches from steps that do not lead into each other`,
        path,
      );
      continue;
    }
    next.join = join;
    const owner = new Map<number, number>();
    for (const branch of next.branches) {
      for (const i of walk(branch, join)) {
        if (i === step.index) {
          check.error(
            'parallel-loop',
            `a branch of the parallel work after step \`${step.id}\` (from \`${steps[branch]!.id}\`) loops back to \`${step.id}\` before the join \`${steps[join]!.id}\``,
            path,
          );
          break;
        }
        const other = owner.get(i);
        if (other !== undefined && other !== branch) {
          check.error(
            'parallel-overlap',
            isEnd(i)
              ? `end step \`${steps[i]!.id}\` ends two parallel branches after step \`${step.id}\` (from \`${steps[other]!.id}\` and \`${steps[branch]!.id}\`); give each branch its own end step`
              : `step \`${steps[i]!.id}\` lies on two parallel branches after step \`${step.id}\` (from \`${steps[other]!.id}\` and \`${steps[branch]!.id}\`); each branch needs its own steps until the join \`${steps[join]!.id}\``,
            path,
          );
          break;
        }
        owner.set(i, branch);
      }
    }
    // Work inside a branch starts only from the split: nothing outside the branch may lead into its middle.
    for (const [i, branch] of owner) {
      const intruder = pred[i]!.find((p) => owner.get(p) !== branch && !(i === branch && p === step.index));
      if (intruder === undefined) continue;
      check.error(
        'parallel-entry',
        isEnd(i)
          ? `step \`${steps[intruder]!.id}\` leads to end step \`${steps[i]!.id}\`, which also ends a branch of the parallel work after step \`${step.id}\`; give the branch an end step of its own`
          : `step \`${steps[intruder]!.id}\` leads into \`${steps[i]!.id}\`, which is inside the parallel work after step \`${step.id}\`; lead back to \`${step.id}\` (or earlier) instead`,
        ['steps', intruder, 'next'],
      );
      break;
    }
  }
  return start;
}
