/**
 * fix-fail-point: a known fail point; the what-if takes away the rework, the failure and the waste it causes: the
 * ways from the step back round its loop, to a failure end, or to a waste step (a complaint call, a chase), and its
 * incomplete work.
 */
import { components } from '../core/index.js';
import { closeWay } from '../model/index.js';
import type { Rule } from './types.js';

export const fixFailPoint: Rule = {
  id: 'fix-fail-point',
  kind: 'opportunity',
  effort: 3,
  // Made or not: the cause is removed. A partial fix of the rework it causes is prevent-rework's lever, which the
  // team can size.
  size: 'none',
  lever: (n) => `Fix the ${n} known fail points`,
  description:
    'Known fail points (fails): remove the cause, so that the step gives complete work and sends nobody to rework or to a failure end.',
  find({ map, flow }) {
    const loopOf = new Int32Array(map.steps.length).fill(-1);
    components(flow.links.map((l) => l.map((e) => e.to))).forEach((c, k) => c.forEach((i) => (loopOf[i] = k)));
    return map.steps
      .filter((s) => s.fails)
      .map((s) => {
        const ways = s.next.kind === 'choice' && s.next.choices.length > 1 ? s.next.choices : [];
        const back = (to: number) => loopOf[to] === loopOf[s.index];
        const worse = ways.filter(
          (c) => back(c.to) || map.steps[c.to]!.outcome === 'failure' || map.steps[c.to]!.value === 'waste',
        );
        // Customers must still go on: where every way is one of these, only the ways back round the loop close (a
        // waste step that is the only way forward stays, or the step would lead nowhere).
        const bad = (worse.length < ways.length ? worse : worse.filter((c) => back(c.to))).map((c) => c.to);
        return {
          rule: 'fix-fail-point',
          title: `Fix the fail point at \`${s.id}\`: ${s.fails}`,
          why: bad.length
            ? `it sends customers back, to a failure end or to waste through ${bad.map((i) => `\`${map.steps[i]!.id}\``).join(', ')}`
            : s.ca < 1
              ? `its work is ${Math.round(100 * s.ca)}% complete and accurate; fixed, it is right first time`
              : `its cost is not in the map: add the rework or failure it causes as a choice to see what fixing it saves`,
          steps: [s.id],
          change: (copy) => {
            const step = copy.steps[s.index]!;
            step.ca = 1;
            for (const to of bad) closeWay(step, to);
            return copy;
          },
        };
      });
  },
};
