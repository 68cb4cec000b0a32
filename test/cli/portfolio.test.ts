/**
 * `cxmap portfolio` on test/fixtures/portfolio/ (three journeys sharing the portfolio's actors): the ranking, the
 * team load worked by hand, each journey's figures exactly as `cxmap score --format json` gives them, and the
 * exit codes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cxmap, STACK } from '../helpers/cli.js';

const FILE = 'test/fixtures/portfolio/cxmap.portfolio.yaml';
const out = mkdtempSync(join(tmpdir(), 'cxmap-portfolio-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Json {
  journeys: { file: string; name: string; rank: number | null; metrics: Record<string, unknown>; yearly: unknown }[];
  lifecycle: {
    file: string;
    stages: { stage: string; feeling: number | null; at: string | null }[];
    starts: string;
    ends: string[];
    handsOnTo: string | null;
  }[];
  programmes: { kind: string; id: string; journeys: string[] }[];
  teams: { actor: string; hours: number; cost: number | null; journeys: { file: string; hours: number }[] }[];
}

describe('cxmap portfolio', () => {
  const run = cxmap(['portfolio', FILE, '--format', 'json', '--out', out]);
  const json = JSON.parse(readFileSync(join(out, 'cxmap.portfolio.json'), 'utf8')) as Json;

  it('writes the report and names it', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${join(out, 'cxmap.portfolio.json')}\n`);
  });

  it('ranks the journeys by customer days a year; the one without a volume last, unranked', () => {
    // Join: lead time 30m + 1d + 30m + 2d + 1h = 74 h = 74/24 d; × 1,000 cases a year = 3,083.333 customer days.
    // Use: `ask` and `answer` are visited 1/(1 - 20%) = 1.25 times: 1.25 × (6m + 1h + 24m) = 112.5 m = 1.875 h;
    //   1.875/24 d × 2,000 cases a year = 156.25 customer days. Leave gives no volume.
    expect(json.journeys.map((j) => [j.name, j.rank])).toEqual([
      ['Join', 1],
      ['Use', 2],
      ['Leave', null],
    ]);
    expect(json.journeys.map((j) => (j.yearly as { customerDays: number } | null)?.customerDays ?? null)).toEqual([
      3083.333,
      156.25,
      null,
    ]);
  });

  it("gives each journey's metrics and yearly figures exactly as cxmap score --format json does", () => {
    for (const name of ['join', 'use', 'leave']) {
      const file = `test/fixtures/portfolio/${name}.cxmap.yaml`;
      const score = JSON.parse(cxmap(['score', file, '--format', 'json']).stdout) as { metrics: { yearly?: unknown } };
      const journey = json.journeys.find((j) => j.file === file)!;
      expect(journey.metrics).toEqual(score.metrics);
      expect(journey.yearly).toEqual(score.metrics.yearly ?? null);
    }
  });

  it("counts each team's hours and cost a year across the journeys with a volume", () => {
    // Service desk (60/h): Join `check` 30 m × 1,000 = 500 h; Use `answer` 1.25 visits × 24 m × 2,000 = 1,000 h;
    //   1,500 h × 60 = 90,000. Operations (40/h): Join `open` 1 h × 1,000 = 1,000 h; × 40 = 40,000.
    //   Leave's `close` (desk, 1 h) has no volume to count in.
    expect(json.teams).toEqual([
      {
        actor: 'desk',
        name: 'Service desk',
        party: 'staff',
        hours: 1500,
        cost: 90000,
        journeys: [
          { file: 'test/fixtures/portfolio/join.cxmap.yaml', hours: 500 },
          { file: 'test/fixtures/portfolio/use.cxmap.yaml', hours: 1000 },
        ],
      },
      {
        actor: 'ops',
        name: 'Operations',
        party: 'staff',
        hours: 1000,
        cost: 40000,
        journeys: [{ file: 'test/fixtures/portfolio/join.cxmap.yaml', hours: 1000 }],
      },
    ]);
  });

  it("gives the teams' hours that add up to the journeys' staff hours a year (2,500 = 1,500 + 1,000)", () => {
    const staff = json.journeys.map((j) => (j.yearly as { staffHours: number } | null)?.staffHours ?? 0);
    expect(staff).toEqual([1500, 1000, 0]);
    expect(json.teams.reduce((sum, t) => sum + t.hours, 0)).toBe(2500);
  });

  it('draws the lifecycle: stages with their worst feeling, and where each journey hands on to the next', () => {
    expect(json.lifecycle[0]).toEqual({
      file: 'test/fixtures/portfolio/join.cxmap.yaml',
      stages: [
        { stage: 'Apply', feeling: -1, at: 'Check the application' },
        { stage: 'Open', feeling: 1, at: 'Open the account' },
      ],
      starts: 'Apply online',
      ends: ['Open the account'],
      handsOnTo: 'test/fixtures/portfolio/use.cxmap.yaml',
    });
    expect(json.lifecycle[2]!.handsOnTo).toBeNull();
  });

  it('groups the recommended changes that act on the service desk in several journeys as one programme', () => {
    // Join's cut wait at the desk's check is a thankless task (value 2.2 for effort 3): not put to the board, so
    // the desk's programme spans Use and Leave, and the phone (Join's and Use's) has no programme.
    expect(json.programmes.map((p) => `${p.kind}:${p.id} ${p.journeys.length}`)).toEqual(['actor:desk 2']);
  });

  it('writes Markdown with the ranking table and the unranked journey said', () => {
    const md = cxmap(['portfolio', FILE, '--format', 'md', '--out', out]);
    expect(md.status).toBe(0);
    const text = readFileSync(join(out, 'cxmap.portfolio.md'), 'utf8');
    expect(text).toContain('| 1 | Join | 1,000 | 3,083 | EUR 70,000 | 1.0 d | 3.1 d | 🔴 Lead time missed |');
    expect(text).toContain('| Service desk (team) | Use, Leave | 1, 3, 4 | 57.57 | EUR 9,474 |');
    // What a change does for a case, beside what it saves a year: Join's cut wait before opening the account, 2 d
    // cut by 25-50%, is 12 h to 1 d of waiting, all of it without news (the map sets no news there).
    expect(text).toContain(
      '| 2 | Cut the wait before “Open the account” (2.0 d now) | Join | lead time −12 h to −1.0 d, dark time −12 h to −1.0 d | major project | 4.3 | 3 | 750 | EUR 0 |',
    );
    expect(text).toContain('Not ranked, as their maps give no volume (cases a year, `process.volume`): Leave.');
    expect(text).toContain('| Service desk | team | 1,500 | EUR 90,000 | Join 500, Use 1,000 |');
  });

  it('reports a broken portfolio as positioned findings, exit 1, and writes nothing', () => {
    const broken = cxmap(['portfolio', 'test/fixtures/portfolio/join.cxmap.yaml', '--out', out]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(
      '1:1  error  this is a map (it starts with `cxmap: 1`), not a portfolio: a portfolio file starts with `portfolio: 1` and lists the maps under `journeys` (docs/portfolio.md)  not-a-portfolio',
    );
    expect(broken.stdout).not.toMatch(STACK);
  });

  it("reports a journey's own errors in its own file, exit 1", () => {
    const d = mkdtempSync(join(tmpdir(), 'cxmap-portfolio-broken-'));
    try {
      writeFileSync(join(d, 'cxmap.portfolio.yaml'), 'portfolio: 1\nname: P\njourneys: [a.cxmap.yaml]\n');
      writeFileSync(join(d, 'a.cxmap.yaml'), 'cxmap: 1\nprocess: { name: A, customer: C, goal: G }\nsteps: []\n');
      const broken = cxmap(['portfolio', 'cxmap.portfolio.yaml', '--out', 'out'], { cwd: d });
      expect(broken.status).toBe(1);
      expect(broken.stdout).toContain('a.cxmap.yaml\n  1:1  error  the map needs `actors`  missing-key');
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it("has cxmap check warn at a map's own actor that differs from the shared one", () => {
    const d = mkdtempSync(join(tmpdir(), 'cxmap-portfolio-check-'));
    try {
      writeFileSync(
        join(d, 'cxmap.portfolio.yaml'),
        'portfolio: 1\nname: P\njourneys: [a.cxmap.yaml]\nactors:\n  desk: { kind: frontstage, name: Desk }\n',
      );
      writeFileSync(
        join(d, 'a.cxmap.yaml'),
        'cxmap: 1\nprocess: { name: A, customer: C, goal: G }\nactors:\n  me: { kind: customer, name: Me }\n  desk: { kind: backstage, name: Desk }\nsteps:\n  - { id: a, name: A, actor: me, next: b }\n  - { id: b, name: B, actor: desk }\n',
      );
      const checked = cxmap(['check', 'a.cxmap.yaml', '--format', 'json'], { cwd: d });
      const results = JSON.parse(checked.stdout) as { findings: { code: string; line: number; column: number }[] }[];
      expect(
        results[0]!.findings.filter((f) => f.code === 'differs-from-portfolio').map((f) => `${f.line}:${f.column}`),
      ).toEqual(['5:3']);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('says how to use it in --help, with an example', () => {
    expect(cxmap(['portfolio', '--help']).stdout).toContain(
      '$ cxmap portfolio examples/lifecycle/cxmap.portfolio.yaml',
    );
  });
});
