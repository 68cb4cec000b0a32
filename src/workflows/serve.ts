/**
 * The live preview's HTTP server (`cxmap serve`): the page, its script, and a stream of server-sent events that
 * carries the map's state on opening and after every save. Only this computer's names are served (DNS rebinding),
 * the event stream only to the server's own page (Origin), to a bounded number of pages, each dropped once it leaves
 * too much unread; every state is serialised once and the same bytes go to every page. A picture beyond the first
 * screenful is fetched by the page when it scrolls to it, so the events of a large map stay small.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { UsageError } from '../core/index.js';
import { readMap } from '../load/index.js';
import type { ViewName } from '../render/index.js';
import { LIVE_SCRIPT, livePage, type Live } from '../report/index.js';
import type { RunConfig } from '../rules/index.js';
import { liveState } from './live.js';

export interface LiveServerOptions {
  /** The map's name on the page (its file name). */
  name: string;
  port: number;
  host: string;
  /** The map's state now: read on start and on each `reload`. */
  read: () => Live;
  /** How many pages may follow the map at once; more get 503 (each holds a connection open). */
  maxClients?: number;
  /** Bytes a page may leave unread before it is dropped (its browser reconnects once it catches up). */
  maxUnread?: number;
}

export interface LiveServer {
  /** The page's address. */
  url: string;
  /** Reads the map again and sends its state to every page; returns that state. */
  reload(): Live['state'];
  /** Ends every event stream and stops listening, at once. */
  close(): Promise<void>;
}

type Refuse = (status: number, text: string, headers?: Record<string, string>) => void;

const MAX_CLIENTS = 32;
/** A page that reads takes each state as it comes; one that leaves a mebibyte unread is not reading. */
const MAX_UNREAD = 1 << 20;

/**
 * The live state of the map at `path` (named `file` on the page): its pictures and figures, or its findings. Any
 * error (the file gone or a folder, a figure the engine refuses, a fault of cxmap) is a finding: a save never stops
 * the server.
 */
export function readLive(path: string, file: string, views: readonly ViewName[], run: RunConfig): Live {
  const finding = (message: string, code: string): Live => ({
    state: { ok: false, findings: [{ line: 1, column: 1, message, code }] },
    parts: [],
  });
  try {
    const text = readMap(path);
    if ('finding' in text) return finding(text.finding.message, text.finding.code);
    return liveState(text.text, file, views, run);
  } catch (error) {
    if (error instanceof UsageError) return finding(error.message, 'unreadable');
    return finding(`cxmap could not analyse this map: ${(error as Error).message}`, 'internal-error');
  }
}

/** Starts the server; rejects with a usage error when the port is taken. */
export async function liveServer(options: LiveServerOptions): Promise<LiveServer> {
  const maxClients = options.maxClients ?? MAX_CLIENTS;
  const maxUnread = options.maxUnread ?? MAX_UNREAD;
  const clients = new Set<ServerResponse>();
  let revision = 0;
  let live = options.read();
  // The state as an event, serialised once for every page. A valid state carries its revision: the page fetches the
  // pictures left out of it under that revision, so a picture of an older state is never mixed into a newer one.
  const event = () =>
    Buffer.from(`data: ${JSON.stringify(live.state.ok ? { ...live.state, revision } : live.state)}\n\n`);
  let current = event();
  // The last valid state: a page opened (or reloaded) while the map is invalid draws it under the findings.
  let good = live.state.ok ? { revision, event: current, parts: live.parts } : undefined;
  const allowed = allowedHosts(options.host);

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      // Nothing a request holds may stop the server: a request it cannot handle gets an error, alone.
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('bad request');
    }
  });
  function handle(req: IncomingMessage, res: ServerResponse): void {
    const refuse: Refuse = (status, text, headers = {}) =>
      void res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(text);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'only GET and HEAD', { allow: 'GET, HEAD' });
    // DNS rebinding: a page on another site may reach this port under its own name; only our names are served.
    if (!allowed.has(hostName(req.headers.host))) return refuse(403, 'not served under this host name');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (url.pathname === '/') return reply('text/html; charset=utf-8', livePage(options.name));
    if (url.pathname === '/live.js') return reply('text/javascript; charset=utf-8', LIVE_SCRIPT);
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (url.pathname === '/events') return events(req, res, refuse);
    const part = /^\/parts\/(\d+)\/(\d+)$/.exec(url.pathname);
    const svg = part && good?.revision === Number(part[1]) ? good.parts[Number(part[2])] : undefined;
    if (svg !== undefined) return reply('image/svg+xml; charset=utf-8', svg);
    refuse(404, 'not found');
  }
  function events(req: IncomingMessage, res: ServerResponse, refuse: Refuse): void {
    // A page on another site may open this stream from the user's browser: only our own page may.
    const origin = req.headers.origin;
    if (origin !== undefined && origin.toLowerCase() !== `http://${req.headers.host?.toLowerCase()}`)
      return refuse(403, 'not served to pages of another site');
    if (clients.size >= maxClients) return refuse(503, 'too many pages are open on this map', { 'retry-after': '5' });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    if (req.method === 'HEAD') return void res.end();
    clients.add(res);
    req.on('close', () => clients.delete(res));
    if (!live.state.ok && good) res.write(good.event);
    res.write(current);
  }

  await new Promise<void>((ready, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'EADDRINUSE'
          ? new UsageError(
              `port ${options.port} is already in use: choose another with --port (or --port 0 for any free one)`,
            )
          : error,
      ),
    );
    server.listen(options.port, options.host, ready);
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`,
    reload() {
      live = options.read();
      revision++;
      current = event();
      if (live.state.ok) good = { revision, event: current, parts: live.parts };
      for (const client of clients) {
        // A page that has not read what it was sent is dropped (its browser reconnects once it catches up).
        if (client.writableLength > maxUnread) {
          clients.delete(client);
          client.destroy();
        } else client.write(current);
      }
      return live.state;
    },
    async close() {
      for (const client of clients) client.end();
      // At once: open connections (a browser keeps some alive) do not hold the server up.
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    },
  };
}

/** The name in a Host header, without its port: `127.0.0.1`, `localhost`, `[::1]`. */
function hostName(header: string | undefined): string {
  if (!header) return '';
  const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.replace(/:\d*$/, '');
  return name.toLowerCase();
}

/**
 * The host names the server answers to: the loopback names, and the address it listens on; listening on every
 * interface (0.0.0.0, ::), this machine's own addresses and name.
 */
function allowedHosts(host: string): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  const bracket = (a: string) => (a.includes(':') ? `[${a}]` : a);
  names.add(bracket(host.toLowerCase()));
  if (host === '0.0.0.0' || host === '::') {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) names.add(bracket(a.address.toLowerCase()));
  }
  return names;
}
