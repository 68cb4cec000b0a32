/**
 * `cxmap serve` under attack: pages that open the event stream and never read it, pages of other sites, and a save
 * the engine cannot analyse. The server keeps answering, its memory stays bounded, and it never exits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { generateMap } from '../../bench/generate-map.js';

let dir: string;
let server: ChildProcess;
let port: number;
let log = '';

/** The server's resident memory in MB, from /proc (Linux). */
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;

/** Sends `request` and resolves with the first line of the answer; the socket is then left unread, open. */
function open(request: string): Promise<{ status: string; socket: Socket }> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.once('data', (d) => {
      // From here the socket is never read: what the server sends piles up in its buffers.
      socket.pause();
      done({ status: String(d).split('\r\n')[0]!, socket });
    });
    socket.on('error', () => done({ status: 'error', socket }));
  });
}
const events = (headers = '') => `GET /events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}\r\n`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxmap-serve-limits-'));
  // 400 steps: a state of about 290 KB (the SVG of its first pictures; the page fetches the others as it scrolls).
  writeFileSync(join(dir, 'big.cxmap.yaml'), generateMap(400));
  server = spawn(process.execPath, [join(ROOT, 'bin/cxmap.cjs'), 'serve', 'big.cxmap.yaml', '--port', '0'], {
    cwd: dir,
  });
  server.stderr!.on('data', (d) => (log += d));
  port = await new Promise<number>((found, fail) => {
    let out = '';
    server.stdout!.on('data', (d) => {
      out += d;
      const match = /:(\d+)\//.exec(out);
      if (match) found(Number(match[1]));
    });
    server.once('exit', (code) => fail(new Error(`cxmap serve stopped (${code})`)));
  });
});
afterAll(() => void server?.kill('SIGTERM'));

describe('cxmap serve, bounded', () => {
  it('refuses the event stream to a page of another site (403), serves it to its own page', async () => {
    const foreign = await open(events('Origin: http://evil.example\r\n'));
    expect(foreign.status).toBe('HTTP/1.1 403 Forbidden');
    foreign.socket.destroy();
    // Another port on this machine is another site too.
    const otherPort = await open(events(`Origin: http://127.0.0.1:${port + 1}\r\n`));
    expect(otherPort.status).toBe('HTTP/1.1 403 Forbidden');
    otherPort.socket.destroy();
    const own = await open(events(`Origin: http://127.0.0.1:${port}\r\n`));
    expect(own.status).toBe('HTTP/1.1 200 OK');
    own.socket.destroy();
  });

  it('keeps 32 event streams at most, answers while 200 pages never read, and its memory stays bounded', async () => {
    const before = rssMb();
    const opened: { status: string; socket: Socket }[] = [];
    for (let i = 0; i < 200; i++) opened.push(await open(events()));
    try {
      // Four saves: each state goes once (shared) to every page still open. (The drop of a page that leaves too much
      // unread is tested on the server itself, with a small bound: serve-server.test.ts.)
      const text = readFileSync(join(dir, 'big.cxmap.yaml'), 'utf8');
      for (const name of ['Second', 'Third', 'Fourth', 'Fifth']) {
        const lines = log.split('\n').length;
        writeFileSync(join(dir, 'big.cxmap.yaml'), text.replace('Generated process', name));
        for (let i = 0; i < 300 && log.split('\n').length === lines; i++) await new Promise((r) => setTimeout(r, 50));
        expect(log.split('\n').length).toBe(lines + 1);
      }
      const started = Date.now();
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2_000);
      // Before the fix, 200 copies of a 1.3 MB state per save: 1,042 MB more after two saves. Now each state is held
      // once, and is smaller.
      expect(rssMb() - before).toBeLessThan(100);
      expect(server.exitCode).toBeNull();
      const statuses = opened.map((o) => o.status);
      expect(statuses.filter((s) => s === 'HTTP/1.1 200 OK').length).toBe(32);
      expect(statuses.filter((s) => s === 'HTTP/1.1 503 Service Unavailable').length).toBe(168);
    } finally {
      for (const o of opened) o.socket.destroy();
    }
  });
});
