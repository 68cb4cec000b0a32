/** A large map for the glances: `n` steps over four stages, in every lane, with choices, loops back and evidence. */
const LANE_CYCLE = ['me', 'desk', 'back', 'back', 'partner', 'desk', 'me', 'back', 'partner', 'desk'];
const WORDS = [
  'Check the documents',
  'Call the customer back',
  'Enter the data in the system',
  'Review the case',
  'Send a letter',
];

export function largeMap(n: number): string {
  const stages = ['Apply', 'Assess', 'Decide', 'Close'];
  const steps = Array.from({ length: n }, (_, k) => {
    const last = k === n - 1;
    const loop = k % 9 === 5 && k > 0 && !last;
    const next = last
      ? '    outcome: success\n'
      : loop
        ? `    next:\n      - { to: s${k + 1}, chance: 80% }\n      - { to: s${k - 2}, chance: 20% }\n`
        : `    next: s${k + 1}\n`;
    return (
      [
        `  - id: s${k}`,
        `    name: ${WORDS[k % WORDS.length]} (${k + 1})`,
        `    stage: ${stages[Math.floor((k * stages.length) / n)]}`,
        `    actor: ${LANE_CYCLE[k % LANE_CYCLE.length]}`,
        `    work: ${10 + k}m`,
        `    wait: ${k % 4}h`,
        ...(k % 3 === 0 ? ['    value: customer'] : k % 3 === 1 ? ['    value: business'] : []),
        ...(k % 7 === 3 ? ['    fails: The form is incomplete'] : []),
        ...(k % 11 === 2 ? ['    momentOfTruth: true'] : []),
        ...(k % 6 === 0 ? ['    evidence: A letter'] : []),
      ].join('\n') +
      '\n' +
      next
    );
  }).join('');
  return `cxmap: 1
process: { name: A long process, customer: Customer, goal: Done }
actors:
  me: { kind: customer, name: Customer }
  desk: { kind: frontstage, name: Desk }
  back: { kind: backstage, name: Office }
  partner: { kind: support, name: Partner }
stages: [${stages.join(', ')}]
steps:
${steps}`;
}
