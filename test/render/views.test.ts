/** Every view of every example: golden Mermaid text, accepted by Mermaid's own parser. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { analyzeExact } from '../../src/analysis/index.js';
import { VIEWS, prioritiesDiagram, viewDiagrams } from '../../src/render/views.js';
import { opportunities } from '../../src/rules/index.js';
import { MAX_EDGES, MAX_TEXT } from '../../src/render/text.js';
import { generateMap } from '../../bench/generate-map.js';
import { mapOf } from '../helpers/analyze.js';
import { HOSTILE } from '../helpers/maps.js';
import { expectParses, noParser, openParser, type MermaidParser } from '../helpers/mermaid.js';

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'];
const TYPES = {
  blueprint: 'flowchart-v2',
  journey: 'journey',
  timeline: 'gantt',
  matrix: 'quadrantChart',
  time: 'pie',
};

let parser: MermaidParser | undefined;
beforeAll(async () => {
  parser = await openParser();
});
afterAll(() => parser?.close());

describe.each(EXAMPLES)('%s', (name) => {
  const analysis = analyzeExact(mapOf(readFileSync(`examples/${name}.cxmap.yaml`, 'utf8')));
  it.each(VIEWS)('%s: matches its golden file and parses as Mermaid', async (view) => {
    const [diagram, ...more] = viewDiagrams(analysis, view);
    expect(more).toEqual([]);
    const golden = `test/golden/${name}.${view}.mmd`;
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, diagram!.text);
    expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run test/render`).toBe(true);
    expect(diagram!.text).toBe(readFileSync(golden, 'utf8'));
    await expectParses(parser, diagram!.text, TYPES[view]);
  });

  it('priorities (the value/effort matrix of the report): matches its golden file and parses as Mermaid', async () => {
    const { text } = prioritiesDiagram(opportunities(analysis), analysis.map);
    const golden = `test/golden/${name}.priorities.mmd`;
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
    await expectParses(parser, text, 'quadrantChart');
  });
});

describe('a map too large for one diagram', () => {
  const analysis = analyzeExact(mapOf(generateMap(1200)));
  // 149 blocks of 8 steps with 10 edges each (see bench/generate-map.js): 1490 edges, in one stage, so halved twice.
  it('is split by stage into parts within Mermaid limits, each parsed, with a note', async () => {
    const parts = viewDiagrams(analysis, 'blueprint');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]!.note).toMatch(
      /^The blueprint of this map passes Mermaid's limits \([\d,]+ characters, 1490 edges; at most 50,000 and 500\), so it is split into 4 parts by stage\.$/,
    );
    for (const part of parts) {
      expect(part.text.length).toBeLessThanOrEqual(MAX_TEXT);
      expect((part.text.match(/-\.?->/g) ?? []).length).toBeLessThanOrEqual(MAX_EDGES);
      await expectParses(parser, part.text, 'flowchart-v2');
    }
    // Every step appears in exactly one part.
    const shown = parts.flatMap((p) => [...p.text.matchAll(/^ {4}(s\d+)[[(]/gm)].map((m) => m[1]));
    expect(shown.length).toBe(analysis.map.steps.length);
    expect(new Set(shown).size).toBe(analysis.map.steps.length);
  });
});

describe.skipIf(noParser)('hostile labels', () => {
  let parser: MermaidParser;
  beforeAll(async () => {
    parser = (await openParser())!;
  });
  afterAll(() => parser?.close());

  it('cannot break or inject Mermaid syntax in any view', async () => {
    const analysis = analyzeExact(mapOf(HOSTILE));
    for (const view of VIEWS) {
      const [diagram] = viewDiagrams(analysis, view);
      await expect(parser.parse(diagram!.text), view).resolves.toBeTruthy();
      // The time view's own first line sets its colours; nothing else may set any.
      const own =
        view === 'time'
          ? diagram!.text.replace(/^%%\{init: \{"theme":"base","themeVariables":\{[^\n]*\}\}\}%%\n/, '')
          : diagram!.text;
      if (view === 'time') expect(own).not.toBe(diagram!.text);
      expect(own).not.toMatch(/%%\{/);
      expect(diagram!.text).not.toMatch(/<(script|img|div|b onclick)/i);
      // Exactly the edges cxmap wrote: a label cannot add one.
      if (view === 'blueprint') expect(diagram!.text.match(/^ {2}\S+ -\.?->/gm)).toHaveLength(3);
    }
  });
});

describe('parallel work nested thousands deep', () => {
  // Split i runs a_i alongside split i + 1; the joins close in reverse order. The timeline walked this by
  // recursion and overflowed the call stack.
  const n = 2500;
  const lines = [
    'cxmap: 1',
    'process: { name: P, customer: C, goal: G }',
    'actors:',
    '  me: { kind: customer, name: Me }',
  ];
  lines.push('steps:');
  for (let i = 0; i < n; i++)
    lines.push(
      `  - { id: s${i}, name: S${i}, actor: me, next: { all: [a${i}, ${i + 1 < n ? `s${i + 1}` : 'leaf'}] } }`,
      `  - { id: a${i}, name: A${i}, actor: me, work: 1h, next: j${i} }`,
    );
  lines.push(`  - { id: leaf, name: Leaf, actor: me, work: 2h, next: j${n - 1} }`);
  for (let i = n - 1; i >= 0; i--)
    lines.push(`  - { id: j${i}, name: J${i}, actor: me${i > 0 ? `, next: j${i - 1}` : ''} }`);

  it('draws every view, the timeline ending when the slowest branch (the 2-hour leaf) is done', () => {
    const analysis = analyzeExact(mapOf(`${lines.join('\n')}\n`));
    for (const view of VIEWS) expect(viewDiagrams(analysis, view).length, view).toBeGreaterThan(0);
    expect(analysis.time.leadTime).toBe(2 * 3600);
  });
});
