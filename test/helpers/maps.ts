/** Small maps for tests: a fixed 10-line header, so the first step's `- id:` is on line 11. */
import { isScalar, parseDocument, visit } from 'yaml';
export const HEADER = `cxmap: 1
process:
  name: P
  customer: C
  goal: G
actors:
  me: { kind: customer, name: Me }
  desk: { kind: frontstage, name: Desk }
stages: [One, Two]
steps:
`;

export const withSteps = (steps: string) => HEADER + steps;

/** A map with nothing to report, under the process name given: the customer asks online and is answered at once. */
export const cleanMap = (name = 'Ask a question') => `cxmap: 1
process: { name: ${name}, customer: Customer, goal: An answer }
actors:
  me: { kind: customer, name: Customer }
  desk: { kind: frontstage, name: Desk }
steps:
  - { id: ask, name: Ask, actor: me, channel: web, work: 5m, value: customer, basis: measured, next: answer }
  - { id: answer, name: Answer, actor: desk, channel: web, work: 5m, value: customer, tells: [answer], basis: measured }
`;

/** A map whose every label tries to break out of its place in a diagram: Mermaid syntax, HTML, script. */
export const HOSTILE = `cxmap: 1
process:
  name: 'Pwn "it" %%{init: {"theme":"dark"}}%% --> end'
  customer: "click s0 call alert(1); #x"
  goal: '<img src=x onerror="alert(1)">'
actors:
  me: { kind: customer, name: 'end' }
  desk: { kind: frontstage, name: '"; style s0 fill:red' }
stages: ['title: x; #1', 'section end']
steps:
  - id: end
    name: 'click end call alert(1)'
    stage: 'title: x; #1'
    actor: me
    channel: '<script>alert(1)</script>'
    asks: [x]
    feeling: -2
    momentOfTruth: true
    next: [{ to: title, chance: 50%, label: '--> end %% ;' }, { to: section, chance: 50%, label: '|"|' }]
  - id: title
    name: "Call: the bank; now # 2 \`md\` %%{init: {}}%%"
    stage: 'section end'
    actor: desk
    channel: "a\\nb"
    wait: 1d
    next: section
  - id: section
    name: '</div><b onclick="x()">end</b>'
    stage: 'section end'
    actor: me
    work: 1h
`;

/** The keys whose values are the map's own words, never a step's id (a channel may be called `visit`, like a step). */
const WORDS = new Set(['channel', 'name', 'note', 'fails', 'goal', 'customer', 'trigger', 'owner', 'label', 'stage']);

/**
 * The map with every step id marked (`register` becomes `zq-register`) wherever the map refers to a step: its
 * `id`, the `next` of the others, and the places named in `effort:` and `levers:` (`cut-wait:zq-meet`); the map's
 * words (names, notes, labels, channels) are left as written. An output that shows `zq-` has shown an id.
 */
export function markedIds(text: string, mark = 'zq-'): string {
  const doc = parseDocument(text);
  const ids = new Set((doc.toJS() as { steps: { id: string }[] }).steps.map((s) => s.id));
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return undefined;
      const key = String(pair.key.value);
      if (/[:+]/.test(key))
        pair.key.value = key.replace(/[^:+]+/g, (p, at: number) => (at > 0 && ids.has(p) ? `${mark}${p}` : p));
      return WORDS.has(key) ? visit.SKIP : undefined;
    },
    Scalar(_, node) {
      if (typeof node.value === 'string' && ids.has(node.value)) node.value = `${mark}${node.value}`;
    },
  });
  return doc.toString();
}
