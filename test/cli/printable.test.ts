/**
 * Every byte cxmap prints to a terminal is safe: a map whose `channel` holds a window-title and a clear-screen escape
 * sequence (ESC ] 0 ; ... BEL, ESC [ 2 J) and whose `fails` holds a NUL and a clear-screen. `score`'s text, `improve`'s
 * lines and the comments it writes into the to-be map, and `check -f github` leave the control characters out; the
 * to-be map loads again (a NUL in a comment once made cxmap refuse it as not text).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cxmap } from '../helpers/cli.js';

// In YAML's double quotes: \e is ESC, \a is BEL, \0 is NUL.
const MAP = `cxmap: 1
process: { name: P, customer: C, goal: G }
actors:
  me: { kind: customer, name: Me }
  desk: { kind: frontstage, name: Desk }
steps:
  - { id: start, name: Start, actor: me, channel: web, work: 1m, next: ask }
  - { id: ask, name: Ask, actor: me, channel: "we\\e]0;pwned\\ab\\e[2J", work: 5m, next: check }
  - { id: check, name: Check, actor: desk, channel: phone, work: 5m, fails: "No\\0 slot\\e[2J", next: [{ to: ask, chance: 20% }, { to: answer, chance: 80% }] }
  - { id: answer, name: Answer, actor: desk, channel: phone, work: 5m }
`;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cxmap-printable-'));
  writeFileSync(join(dir, 'esc.cxmap.yaml'), MAP);
  return dir;
}

describe('a map with escape sequences and a NUL in its text', () => {
  it('score prints its reasons without them', () => {
    const run = cxmap(['score', 'esc.cxmap.yaml'], { cwd: folder() });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(CONTROL);
    // The step table: the channel switch quotes the channel, the fail point its text.
    expect(run.stdout.split('\n').filter((l) => /^ {2}(ask|check) /.test(l))).toEqual([
      '  ask      33.8% ███·······     34  streamline  switches the customer from web to we]0;pwnedb[2J (80% of the time)',
      '  check    33.8% ███·······     40  streamline  fail point: No slot[2J',
    ]);
  });

  it('improve prints its lines and writes its comments without them, and the to-be map loads', () => {
    const dir = folder();
    const run = cxmap(['improve', 'esc.cxmap.yaml', '--apply', 'fix-fail-point', '-o', 'tobe.cxmap.yaml'], {
      cwd: dir,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'Wrote tobe.cxmap.yaml with 1 change, best first:',
      '  1. Fix the fail point at `check`: No slot[2J (fix-fail-point:check): value 2.5 of 5, effort 3 of 5',
    ]);
    const written = readFileSync(join(dir, 'tobe.cxmap.yaml'), 'utf8');
    expect(written.split('\n').filter((l) => l.includes('#'))).toEqual([
      '# To-be map written by cxmap improve from esc.cxmap.yaml, with 1 change:',
      '#  - fix-fail-point:check: Fix the fail point at `check`: No slot[2J',
      '  # cxmap improve: next changed: fix-fail-point:check: Fix the fail point at `check`: No slot[2J',
    ]);
    // The map's own values stay as they were written (YAML escapes, not the characters).
    expect(written).not.toMatch(CONTROL);
    const again = cxmap(['validate', 'tobe.cxmap.yaml'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stdout).not.toContain('not-text');
  });

  it('check -f github writes its annotations without them', () => {
    const run = cxmap(['check', '-f', 'github', 'esc.cxmap.yaml'], { cwd: folder() });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      "::warning file=esc.cxmap.yaml,line=2,col=18,endLine=2,endColumn=19,title=cxmap min-pce::PCE is 0.0%25, below the 5.0%25 required: 100.0%25 of the customer's time adds nothing they value\n" +
        '::warning file=esc.cxmap.yaml,line=8,col=47,endLine=8,endColumn=69,title=cxmap unknown-channel::the channel `we]0;pwnedb[2J` is not one cxmap knows (it counts as one the customer uses to reach the company): write one of web, app, phone, email, chat, sms, video, branch, shop, in person, mail, delivery, visit Or declare it under `channels:`\n',
    );
  });
});
