/**
 * The JSON form of a scored map (`cxmap score --format json`), documented in docs/scoring.md. Durations are in
 * seconds, ratios from 0 to 1; numbers are rounded (seconds to the millisecond, the rest to 6 decimals) so that the
 * output is stable and diffs cleanly.
 */
import { mean } from '../core/index.js';
import type { Analysis } from '../analysis/index.js';

const seconds = (x: number) => Math.round(x * 1000) / 1000;
const ratio = (x: number) => Math.round(x * 1e6) / 1e6;

export function scoreJson(analysis: Analysis, file: string) {
  const { map, time, effort, simulation, scores } = analysis;
  const p = map.process;
  return {
    file,
    process: { name: p.name, customer: p.customer, goal: p.goal, trigger: p.trigger ?? null, owner: p.owner ?? null },
    calendar: { daySeconds: p.calendar.day, weekSeconds: p.calendar.week },
    metrics: {
      leadTimeSeconds: seconds(time.leadTime),
      processTimeSeconds: seconds(time.processTime),
      valueAddedSeconds: seconds(time.valueAdded),
      waitTimeSeconds: seconds(time.waitTime),
      pce: ratio(time.leadTime > 0 ? time.valueAdded / time.leadTime : 0),
      activityRatio: ratio(time.leadTime > 0 ? time.processTime / time.leadTime : 0),
      waitShare: ratio(time.leadTime > 0 ? time.waitTime / time.leadTime : 0),
      rolledCA: ratio(time.rolledCA),
      successRate: ratio(time.successRate),
      customerEffortSeconds: seconds(effort.customerEffort),
      channelSwitches: ratio(effort.channelSwitches.total),
      transfers: ratio(effort.transfers.total),
      handoffs: ratio(effort.handoffs.total),
      reAsks: ratio(effort.reAsks.total),
      reworkLoops: effort.reworkLoops.length,
      expectedReworks: ratio(effort.expectedReworks),
      contacts: effort.contacts.length,
      contactNames: effort.contacts,
      darkTimeSeconds: seconds(effort.darkTime.total),
      leadTimePercentiles: { p50: seconds(simulation.p50), p85: seconds(simulation.p85), p95: seconds(simulation.p95) },
      simulatedMeanSeconds: seconds(simulation.mean),
    },
    simulation: { runs: simulation.runs, seed: simulation.seed, stoppedRuns: simulation.stoppedRuns },
    targets: analysis.targets.map((t) => ({
      ...t,
      target: round(t.metric, t.target),
      actual: round(t.metric, t.actual),
      gap: round(t.metric, t.gap),
    })),
    benchmarks: analysis.benchmarks.map((b) => ({
      ...b,
      value: round(b.metric, b.value),
      actual: round(b.metric, b.actual),
      ratio: ratio(b.ratio),
    })),
    steps: map.steps.map((step, i) => ({
      id: step.id,
      name: step.name,
      stage: step.stage,
      lane: step.actor.kind,
      actor: step.actor.id,
      visits: ratio(time.visits[i]!),
      criticality: ratio(simulation.criticality[i]!),
      delayShare: ratio(scores[i]!.delayShare),
      value: scores[i]!.value,
      verdict: scores[i]!.verdict,
      reasons: scores[i]!.reasons,
      waitSeconds: seconds(mean(step.wait)),
      workSeconds: seconds(mean(step.work)),
      darkWaitSeconds: seconds(effort.darkWait[i]!),
      reAsked: effort.reAsked[i]!,
    })),
  };
}

const round = (metric: string, x: number) => (metric === 'leadTime' ? seconds(x) : ratio(x));
