/** Small maps for tests: a fixed 10-line header, so the first step's `- id:` is on line 11. */
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
