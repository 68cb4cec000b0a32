/**
 * The portfolio loader: its findings at their lines and columns, each journey loaded with the shared actors and
 * channels (the map's own winning, with a warning where it differs), and a listed map loaded alone sharing them too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { knownPersonas, loadFile, loadPortfolio, loadText, personaFindings } from '../../src/load/index.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A folder with these files. */
function folder(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'cxmap-portfolio-load-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const PORTFOLIO = `portfolio: 1
name: Lifecycle
journeys:
  - a.cxmap.yaml
  - b.cxmap.yaml
actors:
  desk: { kind: frontstage, name: Service desk, cost: 60/h }
channels: { kiosk: customer }
personas:
  saver: { name: Sam, goals: [A working account] }
`;

/** A map whose steps use the shared `desk` and the shared channel `kiosk`; `own` adds its own actors. */
const map = (name: string, own = '  me: { kind: customer, name: Me }\n') => `cxmap: 1
process: { name: ${name}, customer: C, goal: G, currency: EUR }
actors:
${own}steps:
  - { id: ask, name: Ask, actor: me, channel: kiosk, next: answer }
  - { id: answer, name: Answer, actor: desk, work: 1h }
`;

describe('loadPortfolio', () => {
  it('loads every journey with the shared actors and channels, and keeps the personas', () => {
    const d = folder({ 'cxmap.portfolio.yaml': PORTFOLIO, 'a.cxmap.yaml': map('A'), 'b.cxmap.yaml': map('B') });
    const loaded = loadPortfolio(join(d, 'cxmap.portfolio.yaml'));
    expect(loaded.findings).toEqual([]);
    expect(loaded.journeys.map((j) => [j.file, j.findings])).toEqual([
      [join(d, 'a.cxmap.yaml'), []],
      [join(d, 'b.cxmap.yaml'), []],
    ]);
    const a = loaded.journeys[0]!.map!;
    expect(a.actors.map((x) => `${x.id} ${x.name} ${x.hourlyCost}`)).toEqual([
      'me Me undefined',
      'desk Service desk 60',
    ]);
    expect(a.channels).toEqual({ kiosk: 'customer' });
    expect(loaded.portfolio!.personas).toEqual({ saver: { name: 'Sam', goals: ['A working account'] } });
  });

  it('finds a journey listed twice and one that is not there, at their entries, with the name meant', () => {
    const d = folder({
      'cxmap.portfolio.yaml': PORTFOLIO.replace('  - b.cxmap.yaml\n', '  - b.cxmap.yml\n  - a.cxmap.yaml\n'),
      'a.cxmap.yaml': map('A'),
      'b.cxmap.yaml': map('B'),
    });
    const loaded = loadPortfolio(join(d, 'cxmap.portfolio.yaml'));
    expect(loaded.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.code}: ${f.message}`)).toEqual([
      '5:5 error unknown-journey: there is no map b.cxmap.yml beside the portfolio (did you mean `b.cxmap.yaml`?)',
      '6:5 error duplicate-journey: the journey a.cxmap.yaml is listed twice (entries 1 and 3); a journey comes once in the lifecycle',
    ]);
    expect(loaded.portfolio).toBeUndefined();
    expect(loaded.journeys.map((j) => j.file)).toEqual([join(d, 'a.cxmap.yaml')]);
  });

  it("reports the portfolio's shape problems as the portfolio's, at their place", () => {
    const d = folder({
      'cxmap.portfolio.yaml': PORTFOLIO.replace('name: Lifecycle\n', 'name: Lifecycle\nowner: me\n'),
    });
    const loaded = loadPortfolio(join(d, 'cxmap.portfolio.yaml'));
    expect(loaded.findings.map((f) => `${f.line}:${f.column} ${f.code}: ${f.message}`)).toEqual([
      '3:1 unknown-key: unknown key `owner` in the portfolio',
    ]);
    expect(loaded.journeys).toEqual([]);
  });

  it("keeps a journey's own findings in the journey", () => {
    const d = folder({
      'cxmap.portfolio.yaml': PORTFOLIO,
      'a.cxmap.yaml': map('A').replace('actor: desk', 'actor: dsk'),
      'b.cxmap.yaml': map('B'),
    });
    const loaded = loadPortfolio(join(d, 'cxmap.portfolio.yaml'));
    expect(loaded.findings).toEqual([]);
    expect(loaded.journeys[0]!.findings.map((f) => `${f.line}:${f.column} ${f.code}`)).toEqual(['7:40 unknown-actor']);
    expect(loaded.journeys[0]!.map).toBeUndefined();
  });

  it("uses a map's own actor where it differs from the shared one, with a warning at the map's actor", () => {
    const own = '  me: { kind: customer, name: Me }\n  desk: { kind: frontstage, name: Front desk }\n';
    const d = folder({ 'cxmap.portfolio.yaml': PORTFOLIO, 'a.cxmap.yaml': map('A', own), 'b.cxmap.yaml': map('B') });
    const a = loadPortfolio(join(d, 'cxmap.portfolio.yaml')).journeys[0]!;
    expect(a.findings).toEqual([
      {
        code: 'differs-from-portfolio',
        severity: 'warning',
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 7,
        message: `actor \`desk\` differs from the one ${join(d, 'cxmap.portfolio.yaml')} shares: this map uses its own; remove it here to use the shared one, or give it another id`,
      },
    ]);
    expect(a.map!.actors.find((x) => x.id === 'desk')!.name).toBe('Front desk');
    // The same actor written the same way (keys in another order) is no difference.
    const same = '  me: { kind: customer, name: Me }\n  desk: { cost: 60/h, name: Service desk, kind: frontstage }\n';
    writeFileSync(join(d, 'a.cxmap.yaml'), map('A', same));
    expect(loadPortfolio(join(d, 'cxmap.portfolio.yaml')).journeys[0]!.findings).toEqual([]);
  });
});

describe('a map of a portfolio loaded alone', () => {
  it('gets the actors and channels of the cxmap.portfolio.yaml of its folder that lists it', () => {
    const d = folder({ 'cxmap.portfolio.yaml': PORTFOLIO, 'a.cxmap.yaml': map('A'), 'other.cxmap.yaml': map('O') });
    const a = loadFile(join(d, 'a.cxmap.yaml'));
    expect(a.findings).toEqual([]);
    expect(a.map!.actors.find((x) => x.id === 'desk')!.hourlyCost).toBe(60);
    // Actors written as something else than a block of keys are the map's own mistake, said as such.
    writeFileSync(
      join(d, 'a.cxmap.yaml'),
      map('A').replace('actors:\n  me: { kind: customer, name: Me }\n', 'actors: [me]\n'),
    );
    expect(
      loadFile(join(d, 'a.cxmap.yaml')).findings.map((f) => `${f.line}:${f.column} ${f.code}: ${f.message}`),
    ).toEqual(['3:9 wrong-type: actors must be a block of keys']);
    // A map the portfolio does not list is on its own: the shared actor is unknown to it.
    expect(loadFile(join(d, 'other.cxmap.yaml')).findings.map((f) => `${f.line}:${f.column} ${f.code}`)).toEqual([
      '6:47 unknown-channel',
      '7:40 unknown-actor',
    ]);
  });
  it("knows the portfolio's personas beside the configuration's, and says where to define one it lacks", () => {
    const named = (persona: string) =>
      map('A').replace('process: { name: A,', `process: { persona: ${persona}, name: A,`);
    const d = folder({
      'cxmap.portfolio.yaml': PORTFOLIO,
      'a.cxmap.yaml': named('saver'),
      'b.cxmap.yaml': named('savr'),
    });
    const configured = { planner: { name: 'Pat' } };
    const a = loadFile(join(d, 'a.cxmap.yaml'));
    expect(Object.keys(knownPersonas(a, configured))).toEqual(['planner', 'saver']);
    expect(personaFindings(a, knownPersonas(a, configured))).toEqual([]);
    const b = loadFile(join(d, 'b.cxmap.yaml'));
    expect(
      personaFindings(b, knownPersonas(b, configured)).map((f) => `${f.line}:${f.column} ${f.code}: ${f.message}`),
    ).toEqual([
      "2:21 unknown-persona: the persona `savr` is not one of the team's personas (did you mean `saver`?): define it under personas: in cxmap.config.yaml or cxmap.portfolio.yaml",
    ]);
  });
});

describe('schemas/cxmap.portfolio.schema.json', () => {
  it('describes every key with an example, so that an editor completes it', () => {
    const schema = JSON.parse(readFileSync('schemas/cxmap.portfolio.schema.json', 'utf8')) as {
      properties: Record<string, { description?: string; examples?: unknown[] }>;
    };
    const keys = Object.entries(schema.properties);
    expect(keys.map(([k]) => k)).toEqual(['portfolio', 'name', 'journeys', 'actors', 'channels', 'personas']);
    expect(keys.filter(([, p]) => !p.description || !p.examples?.length).map(([k]) => k)).toEqual([]);
  });
});

describe('a portfolio given where a map is expected', () => {
  it('is one finding that says what it is and what to run', () => {
    expect(loadText(PORTFOLIO, 'cxmap.portfolio.yaml').findings).toEqual([
      {
        code: 'not-a-map',
        severity: 'error',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 10,
        message:
          'this is a portfolio (it starts with `portfolio: 1`), not a map: its report is `cxmap portfolio <file>`, and each map it lists is checked on its own (docs/portfolio.md)',
      },
    ]);
  });
});
