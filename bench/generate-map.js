// Generates large valid maps for benchmarks and tests: a chain of blocks of 8 steps, each with a rework loop,
// an exclusive choice and a parallel split, so every feature of the flow is exercised at scale.

/**
 * @param {number} stepCount about how many steps (a multiple of 8, plus one)
 * @param {string} [name]
 * @returns {string} the map as YAML
 */
export function generateMap(stepCount, name = 'Generated process') {
  const lines = [
    '# yaml-language-server: $schema=../schemas/cxmap.schema.json',
    'cxmap: 1',
    'process:',
    `  name: ${name}`,
    '  customer: Test customer',
    '  goal: Get it done',
    'actors:',
    '  customer: { kind: customer, name: Customer }',
    '  desk: { kind: frontstage, name: Front desk }',
    '  office: { kind: backstage, name: Back office }',
    '  system: { kind: support, name: System }',
    'steps:',
  ];
  const blocks = Math.max(1, Math.floor((stepCount - 1) / 8));
  /** @param {string} id @param {string} actor @param {string[]} extra */
  const step = (id, actor, extra) => {
    lines.push(`  - id: ${id}`, `    name: Step ${id}`, `    actor: ${actor}`, ...extra.map((e) => `    ${e}`));
  };
  for (let b = 0; b < blocks; b++) {
    const next = b + 1 < blocks ? `b${b + 1}-ask` : 'done';
    step(`b${b}-ask`, 'customer', [
      'channel: web',
      'wait: 1h..3h',
      'work: 10m',
      'value: business',
      'asks: [name, address]',
      `next: b${b}-check`,
    ]);
    step(`b${b}-check`, 'desk', [
      'channel: phone',
      'wait: { min: 1h, likely: 2h, max: 6h }',
      'work: 15m',
      'value: customer',
      'ca: 90%',
      `next: [{ to: b${b}-split, chance: 80% }, { to: b${b}-fix, chance: 20% }]`,
    ]);
    step(`b${b}-fix`, 'desk', [
      'channel: email',
      'wait: 1d',
      'work: 5m',
      'value: waste',
      'asks: [address]',
      `next: b${b}-check`,
    ]);
    step(`b${b}-split`, 'office', ['work: 5m', 'value: business', `next: { all: [b${b}-left, b${b}-right] }`]);
    step(`b${b}-left`, 'office', [
      'wait: { queue: 20, rate: 40/d }',
      'work: 30m',
      'value: customer',
      `next: b${b}-left2`,
    ]);
    step(`b${b}-left2`, 'system', ['work: 1m', 'value: business', `next: b${b}-join`]);
    step(`b${b}-right`, 'system', ['wait: 2h..8h', 'work: 2m', 'value: business', `next: b${b}-join`]);
    step(`b${b}-join`, 'desk', ['channel: email', 'work: 10m', 'value: customer', 'tells: [status]', `next: ${next}`]);
  }
  step('done', 'customer', ['work: 5m', 'value: customer', 'outcome: success']);
  return `${lines.join('\n')}\n`;
}
