/**
 * `cxmap serve` never exits on a save: whatever error the analysis of a map throws (a figure the engine refuses, a
 * fault of cxmap) becomes a finding on the page. The fault is injected here: the analysis of any map holding the
 * comment `# fault` throws, as the engine did on figures that overflowed.
 */
import { events } from '../helpers/events.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli.js';
import { ROOT } from '../helpers/cli.js';

vi.mock('../../src/workflows/live.js', async (original) => {
  const real = await original<typeof import('../../src/workflows/live.js')>();
  return {
    ...real,
    liveState: (...args: Parameters<typeof real.liveState>) => {
      if (args[0].includes('# fault')) throw new RangeError('a figure came out as Infinity');
      return real.liveState(...args);
    },
  };
});

const MAP = readFileSync(join(ROOT, 'test/fixtures/improve/account.cxmap.yaml'), 'utf8');
const FINDING = {
  ok: false,
  findings: [
    {
      line: 1,
      column: 1,
      message: 'cxmap could not analyse this map: a figure came out as Infinity',
      code: 'internal-error',
    },
  ],
};
let dir: string;
let port: number;
let exited: Promise<number>;

/** The states the server sends, as they come. */
async function* stream(): AsyncGenerator<Record<string, unknown>> {
  for await (const { state } of events(`http://127.0.0.1:${port}/`)) yield state;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxmap-serve-fault-'));
  // Opened on a map whose analysis throws: it listens all the same, and shows the finding.
  writeFileSync(join(dir, 'account.cxmap.yaml'), `# fault\n${MAP}`);
  const said = new Promise<number>((found) => {
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      const match = /^cxmap serve: http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(chunk));
      if (match) found(Number(match[1]));
      return match ? true : write(chunk);
    });
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  exited = run(['node', 'cxmap', 'serve', join(dir, 'account.cxmap.yaml'), '--port', '0']);
  port = await Promise.race([said, exited.then((code) => Promise.reject(new Error(`cxmap serve exited ${code}`)))]);
});
afterAll(() => vi.restoreAllMocks());

describe('cxmap serve, when the analysis of a map throws', () => {
  it('shows the error as a finding, on opening and on every save, and stops only when told to', async () => {
    const events = stream();
    expect((await events.next()).value).toEqual(FINDING);
    writeFileSync(join(dir, 'account.cxmap.yaml'), MAP);
    expect((await events.next()).value).toMatchObject({ ok: true, title: 'Open an account' });
    writeFileSync(join(dir, 'account.cxmap.yaml'), `# fault\n${MAP}`);
    expect((await events.next()).value).toEqual(FINDING);
    // Still serving: the page, and the findings over the last good picture to a page opened now.
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    const late = stream();
    expect((await late.next()).value).toMatchObject({ ok: true, title: 'Open an account' });
    expect((await late.next()).value).toEqual(FINDING);
    process.emit('SIGINT');
    expect(await exited).toBe(0);
  });
});
