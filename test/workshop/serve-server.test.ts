/**
 * The live preview's server (workflows/serve.ts), in this process: a page that never reads its event stream is
 * dropped once it leaves more than the bound unread, while a page that reads keeps every state; the first event of a
 * 5,000-step map stays small, the page fetching the pictures left out of it by number.
 */
import { events } from '../helpers/events.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { liveServer, readLive, type LiveServer } from '../../src/workflows/serve.js';
import { LIVE_SVG_MAX, type Live, type LivePicture } from '../../src/report/index.js';
import { loadConfig } from '../../src/load/index.js';
import { resolveRun } from '../../src/rules/index.js';
import { generateMap } from '../../bench/generate-map.js';

let server: LiveServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the live server', () => {
  it('drops a page that leaves more than its bound unread, and keeps the page that reads every state', async () => {
    // A state of 1 MiB; a page may leave 64 KiB unread. The sockets of a page that does not read take a few MiB on
    // loopback before anything stays in the server, so it is dropped within a few states, long before 20.
    const big: Live = { state: { ok: true, title: 'Big', html: 'x'.repeat(1 << 20), diagrams: [] }, parts: [] };
    server = await liveServer({ name: 'big', port: 0, host: '127.0.0.1', read: () => big, maxUnread: 64 << 10 });
    const { port } = new URL(server.url);
    const idle = connect(Number(port), '127.0.0.1', () =>
      idle.write(`GET /events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`),
    );
    // From its first bytes on, this page never reads again: the kernel stops taking what the server sends once its
    // buffers are full, and from then on the server holds it.
    await new Promise((answered) => idle.once('data', answered));
    idle.pause();
    const reading = events(server.url);
    expect((await reading.next()).value?.state.revision).toBe(0);
    for (let revision = 1; revision <= 20; revision++) {
      server.reload();
      // The page that reads gets each state before the next is sent.
      expect((await reading.next()).value?.state.revision).toBe(revision);
    }
    // The idle page reads at last: what the kernel held, then the end of a stream the server dropped. Kept, it
    // would get all 21 MiB and stay open.
    let received = 0;
    const closed = new Promise<boolean>((ended) => {
      idle.on('data', (d: Buffer) => (received += d.length));
      idle.on('close', () => ended(true));
      setTimeout(() => ended(false), 5_000);
    });
    idle.resume();
    expect(await closed).toBe(true);
    expect(received).toBeLessThan(20 << 20);
    // Still following: the next state reaches the page that reads.
    server.reload();
    expect((await reading.next()).value?.state.revision).toBe(21);
  });

  it('sends a 5,000-step map in a first event under 512 KB; the page fetches the other pictures by number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxmap-serve-server-'));
    try {
      const path = join(dir, 'big.cxmap.yaml');
      writeFileSync(path, generateMap(5000));
      const run = resolveRun(loadConfig(undefined, dir));
      server = await liveServer({
        name: 'big.cxmap.yaml',
        port: 0,
        host: '127.0.0.1',
        read: () => readLive(path, 'big.cxmap.yaml', ['blueprint', 'journey'], run),
      });
      const first = (await events(server.url).next()).value!;
      // Before: every part of both pictures in the first event, 17,617,469 bytes.
      expect(first.bytes).toBeLessThan(512 << 10);
      const pictures = first.state.diagrams as LivePicture[];
      const sent = pictures.filter((p) => 'svg' in p);
      const left = pictures.filter((p) => 'part' in p);
      // The pictures up to the bound are sent, the rest numbered in order after them.
      expect(sent.length).toBeGreaterThan(0);
      expect(left.length).toBeGreaterThan(1000);
      expect(pictures.slice(0, sent.length)).toEqual(sent);
      expect(sent.reduce((n, p) => n + ('svg' in p ? p.svg.length : 0), 0)).toBeLessThanOrEqual(LIVE_SVG_MAX);
      expect(left.map((p) => ('part' in p ? p.part : -1))).toEqual(left.map((_, i) => i));
      const last = `${server.url}parts/${first.state.revision}/${left.length - 1}`;
      const svg = await fetch(last);
      expect(svg.status).toBe(200);
      expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      const text = await svg.text();
      expect(text.startsWith('<svg ')).toBe(true);
      expect(XMLValidator.validate(text)).toBe(true);
      // Its place on the page until then has the picture's size.
      const size = /^<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(text)!;
      expect(left.at(-1)).toMatchObject({ width: Math.round(Number(size[1])), height: Math.round(Number(size[2])) });
      // Past the last part, or of another revision than the state's: not found.
      expect((await fetch(`${server.url}parts/${first.state.revision}/${left.length}`)).status).toBe(404);
      expect((await fetch(`${server.url}parts/${Number(first.state.revision) + 1}/0`)).status).toBe(404);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
